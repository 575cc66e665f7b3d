// A new VPC peering and its routes as words, KooCLI, Terraform and API requests (VPC "Creating a VPC Peering
// Connection", vpc_peering_0003; VPC "Route Table Overview"; the huaweicloud Terraform provider and KooCLI
// documentation). The routes are rendered as route fixes whose next hop is the new peering: commands and API
// bodies name its id with a placeholder, Terraform refers to the new resource.
import type { FixRender, PeeringFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { hclBlock, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription } from './references.js';
import { renderRoute } from './route.js';

type PeeringSpec = Omit<PeeringFix, 'render'>;

/** A peering fix in words alone (what `renderPeering` says as `text`). */
export function peeringWords(fix: PeeringSpec, purpose: string, text: I18n = EN): string {
  return actionText(
    text.t(fixes['fix.peering'], {
      peering: fix.peering,
      requesterVpc: fix.requesterVpc,
      accepterVpc: fix.accepterVpc,
      routes: fix.routes,
    }),
    purpose,
    text,
  );
}

/** Render a peering fix. */
export function renderPeering(fix: PeeringSpec, purpose: string, text: I18n = EN): FixRender {
  const requester = cloudRef(fix.requesterVpc);
  const accepter = cloudRef(fix.accepterVpc);
  const description = huaweiDescription(purpose, text);
  const label = hclIdentifier(fix.peering, 'peering');
  const newId = text.t(fixes['fix.new-id'], { what: 'peering', name: fix.peering });
  // What a route fix would print for the peering's id, replaced by the new peering's placeholder or reference.
  const asRef = cloudRef(fix.peering);
  const routes = fix.routes.map((r) =>
    renderRoute(
      {
        kind: 'route',
        vpc: r.vpc,
        routeTable: r.routeTable,
        destination: r.destination,
        type: 'peering',
        nextHop: fix.peering,
        ...(r.defaultTable ? { defaultTable: true } : {}),
      },
      purpose,
      text,
    ),
  );
  const words = peeringWords(fix, purpose, text);
  // The routes' own "verify" lines are left out: the peering's first comment covers every command.
  const verifyLine = `# ${text.t(fixes['fix.verify-prefix'])}`;

  const peeringBody = {
    peering: {
      name: fix.peering,
      request_vpc_info: { vpc_id: requester.value },
      accept_vpc_info: { vpc_id: accepter.value },
      description,
    },
  };
  const create = shellCommand(
    hcloudHead('VPC CreateVpcPeering'),
    [
      shellFlag('peering.name', fix.peering),
      shellFlag('peering.request_vpc_info.vpc_id', requester.value),
      shellFlag('peering.accept_vpc_info.vpc_id', accepter.value),
      shellFlag('peering.description', description),
    ],
    [
      text.t(fixes['fix.unverified-kooCli']),
      text.t(fixes['fix.note-id'], { step: 1, what: text.t(fixes['fix.the-peering']), placeholder: newId }),
    ],
  );
  const routeCommands = routes.map((r, i) =>
    [
      `# ${text.t(fixes['fix.peering.route-step'], { step: i + 2, destination: fix.routes[i]!.destination, vpc: fix.routes[i]!.vpc })}`,
      ...(r.hcloud ?? '').split('\n').filter((l) => !l.startsWith(verifyLine)),
    ]
      .join('\n')
      .replaceAll(asRef.value, newId),
  );

  const peeringBlock = hclBlock(`resource "huaweicloud_vpc_peering_connection" "${label}"`, [
    { name: 'name', value: hclString(fix.peering) },
    { name: 'vpc_id', value: requester.terraform },
    { name: 'peer_vpc_id', value: accepter.terraform },
    { name: 'description', value: hclString(description) },
  ]);
  const reference = `huaweicloud_vpc_peering_connection.${label}.id`;
  const routeBlocks = routes.map((r) => (r.terraform ?? '').replaceAll(asRef.terraform, reference));

  const replaceId = (body: unknown): unknown => JSON.parse(JSON.stringify(body).replaceAll(asRef.value, newId));
  const routeRequests = routes.flatMap((r) =>
    r.api
      ? [{ method: r.api.method, path: r.api.path.replaceAll(asRef.value, newId), body: replaceId(r.api.body) }]
      : [],
  );
  return {
    text: words,
    hcloud: [create, ...routeCommands].join('\n\n'),
    terraform: [peeringBlock, ...routeBlocks].join('\n\n'),
    api: { method: 'POST', path: '/v2.0/vpc/peerings', body: peeringBody, next: routeRequests },
  };
}
