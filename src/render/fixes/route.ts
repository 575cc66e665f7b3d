// A route as words, KooCLI, Terraform and the VPC API (VPC "Route Table Overview", the Huawei VPC API reference, the huaweicloud Terraform provider and KooCLI documentation). Huawei adds a route to
// any table with PUT /v1/{project_id}/routetables/{id} (`routes.add`); the default table also has
// POST /v2.0/vpc/routes, which only takes peering routes, so that one is used only for peering routes.
import type { FixRender, RouteFix } from '../../engine/diagnosis.js';
import { parseIp } from '../../net/address.js';
import { type HclItem, hclBlock, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, type CloudRef, cloudRef, hcloudHead, huaweiDescription } from './references.js';

type RouteSpec = Omit<RouteFix, 'render'>;

const NEXT_HOP_WORDS: Record<string, string> = {
  peering: 'VPC peering',
  nat: 'NAT gateway',
  ecs: 'ECS',
  eni: 'extension NIC',
  vip: 'virtual IP',
  vpn: 'VPN gateway',
  dc: 'Direct Connect gateway',
  cc: 'Cloud Connect',
  er: 'enterprise router',
  egw: 'VPC endpoint',
};

/** A next hop that is an address (vip) is sent as is; anything else is an object id. */
function nextHopRef(nextHop: string): CloudRef {
  return parseIp(nextHop) ? { value: nextHop, terraform: hclString(nextHop), placeholder: false } : cloudRef(nextHop);
}

/** Render a route fix. */
export function renderRoute(fix: RouteSpec, purpose: string): FixRender {
  const vpc = cloudRef(fix.vpc);
  const table = cloudRef(fix.routeTable);
  const hop = nextHopRef(fix.nextHop);
  const description = huaweiDescription(purpose);
  const hopWords = `${NEXT_HOP_WORDS[fix.type] ?? fix.type} ${fix.nextHop}`;
  const tableWords = fix.defaultTable ? `the default route table (${fix.routeTable})` : `route table ${fix.routeTable}`;
  const text = actionText(`Add a route to ${fix.destination} via ${hopWords} in ${tableWords} of ${fix.vpc}`, purpose);
  const useVpcRouteApi = fix.defaultTable === true && fix.type === 'peering';

  const items: HclItem[] = [{ name: 'vpc_id', value: vpc.terraform }];
  if (!fix.defaultTable) items.push({ name: 'route_table_id', value: table.terraform });
  items.push(
    { name: 'destination', value: hclString(fix.destination) },
    { name: 'type', value: hclString(fix.type) },
    { name: 'nexthop', value: hop.terraform },
    { name: 'description', value: hclString(description) },
  );
  const label = hclIdentifier(`${fix.vpc}_to_${fix.destination}_via_${fix.type}`, 'route');
  const terraform = hclBlock(`resource "huaweicloud_vpc_route" "${label}"`, items);

  if (useVpcRouteApi) {
    const route = { type: fix.type, nexthop: hop.value, destination: fix.destination, vpc_id: vpc.value };
    const hcloud = shellCommand(
      hcloudHead('VPC CreateVpcRoute'),
      Object.entries(route).map(([name, value]) => shellFlag(`route.${name}`, value)),
      ['verify: hcloud VPC CreateVpcRoute --help'],
    );
    return { text, hcloud, terraform, api: { method: 'POST', path: '/v2.0/vpc/routes', body: { route } } };
  }

  const added = { type: fix.type, destination: fix.destination, nexthop: hop.value, description };
  const hcloud = shellCommand(
    hcloudHead('VPC UpdateRouteTable'),
    [
      shellFlag('routetable_id', table.value),
      ...Object.entries(added).map(([name, value]) => shellFlag(`routetable.routes.add.1.${name}`, value)),
    ],
    ['verify: hcloud VPC UpdateRouteTable --help (KooCLI numbers list items from 1)'],
  );
  return {
    text,
    hcloud,
    terraform,
    api: {
      method: 'PUT',
      path: `/v1/{project_id}/routetables/${table.value}`,
      body: { routetable: { routes: { add: [added] } } },
    },
  };
}
