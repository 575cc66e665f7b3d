// New internet egress as words, KooCLI, Terraform and API requests: a public NAT gateway in a subnet of the VPC,
// a new EIP, and one SNAT rule per source subnet (NAT "Creating a Public NAT Gateway" and "Adding an SNAT Rule",
// EIP "Assigning an EIP", the huaweicloud Terraform provider and KooCLI documentation). The new objects' ids are
// known only once created: commands and API bodies name them with a placeholder, Terraform by reference.
import type { FixRender, NatGatewayFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { type HclItem, hclBlock, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription } from './references.js';

type NatGatewaySpec = Omit<NatGatewayFix, 'render'>;

/** The smallest public NAT gateway size ("1" = small) and a modest pay-per-use bandwidth: change to taste. */
const NAT_SPEC = '1';
const BANDWIDTH_MBIT = 5;

/** Render a nat-gateway fix. */
export function renderNatGateway(fix: NatGatewaySpec, purpose: string, text: I18n = EN): FixRender {
  const vpc = cloudRef(fix.vpc);
  const subnet = cloudRef(fix.subnet);
  const existing = fix.existing ? cloudRef(fix.natGateway) : undefined;
  const description = huaweiDescription(purpose, text);
  const sources = fix.sources.map((s) => ({ id: s, ref: cloudRef(s) }));
  const newGatewayId = text.t(fixes['fix.new-id'], { what: 'nat-gateway', name: fix.natGateway });
  const gatewayId = existing?.value ?? newGatewayId;
  const eipId = text.t(fixes['fix.new-id'], { what: 'eip', name: fix.eip });

  const words = actionText(
    text.t(fixes['fix.nat-gateway'], {
      existing: existing !== undefined,
      natGateway: fix.natGateway,
      vpc: fix.vpc,
      subnet: fix.subnet,
      eip: fix.eip,
      sources: fix.sources,
    }),
    purpose,
    text,
  );
  const unverified = text.t(fixes['fix.unverified-kooCli']);

  const gatewayBody = {
    nat_gateway: {
      name: fix.natGateway,
      router_id: vpc.value,
      internal_network_id: subnet.value,
      spec: NAT_SPEC,
      description,
    },
  };
  const eipBody = {
    publicip: { type: '5_bgp' },
    bandwidth: { name: fix.eip, size: BANDWIDTH_MBIT, share_type: 'PER', charge_mode: 'traffic' },
  };
  const ruleBody = (network: string) => ({
    snat_rule: { nat_gateway_id: gatewayId, network_id: network, source_type: 0, floating_ip_id: eipId, description },
  });

  const commands: string[] = [];
  if (!existing)
    commands.push(
      shellCommand(
        hcloudHead('NAT CreateNatGateway'),
        Object.entries(gatewayBody.nat_gateway).map(([name, value]) => shellFlag(`nat_gateway.${name}`, value)),
        [
          unverified,
          text.t(fixes['fix.note-id'], {
            step: 1,
            what: text.t(fixes['fix.the-nat-gateway']),
            placeholder: newGatewayId,
          }),
        ],
      ),
    );
  commands.push(
    shellCommand(
      hcloudHead('EIP CreatePublicip'),
      [
        shellFlag('publicip.type', eipBody.publicip.type),
        ...Object.entries(eipBody.bandwidth).map(([name, value]) => shellFlag(`bandwidth.${name}`, value)),
      ],
      [
        ...(existing ? [unverified] : []),
        text.t(fixes['fix.note-id'], {
          step: existing ? 1 : 2,
          what: text.t(fixes['fix.the-eip']),
          placeholder: eipId,
        }),
      ],
    ),
  );
  for (const [i, source] of sources.entries())
    commands.push(
      shellCommand(
        hcloudHead('NAT CreateNatGatewaySnatRule'),
        Object.entries(ruleBody(source.ref.value).snat_rule).map(([name, value]) =>
          shellFlag(`snat_rule.${name}`, value),
        ),
        [text.t(fixes['fix.snat.for-subnet'], { step: (existing ? 2 : 3) + i, subnet: source.id })],
      ),
    );

  const gatewayLabel = hclIdentifier(fix.natGateway, 'nat');
  const eipLabel = hclIdentifier(fix.eip, 'eip');
  const blocks: string[] = [];
  if (!existing)
    blocks.push(
      hclBlock(`resource "huaweicloud_nat_gateway" "${gatewayLabel}"`, [
        { name: 'name', value: hclString(fix.natGateway) },
        { name: 'spec', value: hclString(NAT_SPEC) },
        { name: 'vpc_id', value: vpc.terraform },
        { name: 'subnet_id', value: subnet.terraform },
        { name: 'description', value: hclString(description) },
      ]),
    );
  blocks.push(
    hclBlock(`resource "huaweicloud_vpc_eip" "${eipLabel}"`, [
      { block: 'publicip', items: [{ name: 'type', value: hclString('5_bgp') }] },
      {
        block: 'bandwidth',
        items: [
          { name: 'name', value: hclString(fix.eip) },
          { name: 'size', value: String(BANDWIDTH_MBIT) },
          { name: 'share_type', value: hclString('PER') },
          { name: 'charge_mode', value: hclString('traffic') },
        ],
      },
    ]),
  );
  const gatewayRef = existing ? existing.terraform : `huaweicloud_nat_gateway.${gatewayLabel}.id`;
  for (const source of sources) {
    const items: HclItem[] = [
      { name: 'nat_gateway_id', value: gatewayRef },
      { name: 'floating_ip_id', value: `huaweicloud_vpc_eip.${eipLabel}.id` },
      { name: 'subnet_id', value: source.ref.terraform },
      { name: 'description', value: hclString(description) },
    ];
    const label = hclIdentifier(`snat_${fix.natGateway}_${source.id}`, 'snat');
    blocks.push(hclBlock(`resource "huaweicloud_nat_snat_rule" "${label}"`, items));
  }

  const requests = [
    ...(existing ? [] : [{ method: 'POST', path: '/v2/{project_id}/nat_gateways', body: gatewayBody }]),
    { method: 'POST', path: '/v1/{project_id}/publicips', body: eipBody },
    ...sources.map((s) => ({ method: 'POST', path: '/v2/{project_id}/snat_rules', body: ruleBody(s.ref.value) })),
  ];
  const [first, ...rest] = requests;
  return {
    text: words,
    hcloud: commands.join('\n\n'),
    terraform: blocks.join('\n\n'),
    api: { ...first!, next: rest },
  };
}
