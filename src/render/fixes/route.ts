// A route as words, KooCLI, Terraform and the VPC API (VPC "Route Table Overview", the Huawei VPC API reference, the huaweicloud Terraform provider and KooCLI documentation). Huawei adds a route to
// any table with PUT /v1/{project_id}/routetables/{id} (`routes.add`); the default table also has
// POST /v2.0/vpc/routes, which only takes peering routes, so that one is used only for peering routes.
import type { FixRender, RouteFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { parseIp } from '../../net/address.js';
import { type HclItem, hclBlock, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, type CloudRef, cloudRef, hcloudHead, huaweiDescription, verifyComment } from './references.js';

type RouteSpec = Omit<RouteFix, 'render'>;

/** A next hop that is an address (vip) is sent as is; anything else is an object id. */
function nextHopRef(nextHop: string): CloudRef {
  return parseIp(nextHop) ? { value: nextHop, terraform: hclString(nextHop), placeholder: false } : cloudRef(nextHop);
}

/** A route fix in words alone (what `renderRoute` says as `text`). */
export function routeWords(fix: RouteSpec, purpose: string, text: I18n = EN): string {
  return actionText(
    text.t(fixes['fix.route'], {
      destination: fix.destination,
      type: fix.type,
      nextHop: fix.nextHop,
      routeTable: fix.routeTable,
      ...(fix.defaultTable ? { defaultTable: true } : {}),
      vpc: fix.vpc,
    }),
    purpose,
    text,
  );
}

/** Render a route fix. */
export function renderRoute(fix: RouteSpec, purpose: string, text: I18n = EN): FixRender {
  const vpc = cloudRef(fix.vpc);
  const table = cloudRef(fix.routeTable);
  const hop = nextHopRef(fix.nextHop);
  const description = huaweiDescription(purpose, text);
  const words = routeWords(fix, purpose, text);
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
      [verifyComment('VPC CreateVpcRoute', text)],
    );
    return { text: words, hcloud, terraform, api: { method: 'POST', path: '/v2.0/vpc/routes', body: { route } } };
  }

  const added = { type: fix.type, destination: fix.destination, nexthop: hop.value, description };
  const hcloud = shellCommand(
    hcloudHead('VPC UpdateRouteTable'),
    [
      shellFlag('routetable_id', table.value),
      ...Object.entries(added).map(([name, value]) => shellFlag(`routetable.routes.add.1.${name}`, value)),
    ],
    [verifyComment('VPC UpdateRouteTable', text, 'numbering')],
  );
  return {
    text: words,
    hcloud,
    terraform,
    api: {
      method: 'PUT',
      path: `/v1/{project_id}/routetables/${table.value}`,
      body: { routetable: { routes: { add: [added] } } },
    },
  };
}
