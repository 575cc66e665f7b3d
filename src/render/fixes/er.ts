// Enterprise router fixes as words, KooCLI, Terraform and the ER v3 API (Huawei Enterprise Router API reference:
// "Creating a Static Route" CreateStaticRoute, "Creating a Route Association" AssociateRouteTable, "Creating a
// Route Propagation" EnablePropagation). The static-route path has no er_id: the route table id is enough.
import type { ErAssociationFix, ErPropagationFix, ErRouteFix, FixRender } from '../../engine/diagnosis.js';
import { hclBlock, hclComment, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription, sentence } from './references.js';

type ErRouteSpec = Omit<ErRouteFix, 'render'>;
type ErAssociationSpec = Omit<ErAssociationFix, 'render'>;
type ErPropagationSpec = Omit<ErPropagationFix, 'render'>;

function withNote(text: string, note: string | undefined): string {
  return note ? `${text} Note: ${sentence(note)}` : text;
}

/** Render an er-route fix (a static route in an ER route table). */
export function renderErRoute(fix: ErRouteSpec, purpose: string): FixRender {
  const table = cloudRef(fix.routeTable);
  const attachment = cloudRef(fix.attachment);
  const description = huaweiDescription(purpose);
  const text = withNote(
    actionText(
      `Add a static route ${fix.destination} -> attachment ${fix.attachment} to route table ${fix.routeTable} of enterprise router ${fix.enterpriseRouter}`,
      purpose,
    ),
    fix.note,
  );
  if (fix.replaces) return renderErRouteChange(fix, purpose);
  const route = { destination: fix.destination, attachment_id: attachment.value, is_blackhole: false, description };
  const hcloud = shellCommand(
    hcloudHead('ER CreateStaticRoute'),
    [
      shellFlag('route_table_id', table.value),
      ...Object.entries(route).map(([name, value]) => shellFlag(`route.${name}`, value)),
    ],
    ['verify: hcloud ER CreateStaticRoute --help'],
  );
  // huaweicloud_er_static_route takes no description (provider docs), unlike the API.
  const label = hclIdentifier(`${fix.routeTable}_to_${fix.destination}`, 'er_route');
  const terraform = hclBlock(`resource "huaweicloud_er_static_route" "${label}"`, [
    { name: 'route_table_id', value: table.terraform },
    { name: 'destination', value: hclString(fix.destination) },
    { name: 'attachment_id', value: attachment.terraform },
  ]);
  return {
    text,
    hcloud,
    terraform,
    api: {
      method: 'POST',
      path: `/v3/{project_id}/enterprise-router/route-tables/${table.value}/static-routes`,
      body: { route },
    },
  };
}

/** The table already routes `destination` statically: UpdateStaticRoute points it at the attachment instead. */
function renderErRouteChange(fix: ErRouteSpec, purpose: string): FixRender {
  const table = cloudRef(fix.routeTable);
  const attachment = cloudRef(fix.attachment);
  const route = cloudRef(`static route ${fix.destination}`);
  const text = withNote(
    actionText(
      `Change the static route ${fix.destination} in route table ${fix.routeTable} of enterprise router ${fix.enterpriseRouter} from ${fix.replaces} to attachment ${fix.attachment}`,
      purpose,
    ),
    fix.note,
  );
  const body = { attachment_id: attachment.value, is_blackhole: false };
  const hcloud = shellCommand(
    hcloudHead('ER UpdateStaticRoute'),
    [
      shellFlag('route_table_id', table.value),
      shellFlag('route_id', route.value),
      ...Object.entries(body).map(([name, value]) => shellFlag(`route.${name}`, value)),
    ],
    ['verify: hcloud ER UpdateStaticRoute --help', `route_id: the id of the static route ${fix.destination}`],
  );
  // attachment_id and is_blackhole of huaweicloud_er_static_route are updatable in place.
  const terraform = [
    hclComment(`in the existing huaweicloud_er_static_route for ${fix.destination} in ${fix.routeTable}:`),
    `attachment_id = ${attachment.terraform}`,
    'is_blackhole  = false',
  ].join('\n');
  return {
    text,
    hcloud,
    terraform,
    api: {
      method: 'PUT',
      path: `/v3/{project_id}/enterprise-router/route-tables/${table.value}/static-routes/${route.value}`,
      body: { route: body },
    },
  };
}

function renderTableLink(
  fix: ErAssociationSpec | ErPropagationSpec,
  purpose: string,
  how: { words: string; operation: string; resource: string; path: string; note?: string },
): FixRender {
  const er = cloudRef(fix.enterpriseRouter);
  const table = cloudRef(fix.routeTable);
  const attachment = cloudRef(fix.attachment);
  const text = withNote(actionText(how.words, purpose), how.note);
  const hcloud = shellCommand(
    hcloudHead(`ER ${how.operation}`),
    [
      shellFlag('er_id', er.value),
      shellFlag('route_table_id', table.value),
      shellFlag('attachment_id', attachment.value),
    ],
    [`verify: hcloud ER ${how.operation} --help`],
  );
  const label = hclIdentifier(`${fix.routeTable}_${fix.attachment}`, 'er');
  const terraform = hclBlock(`resource "${how.resource}" "${label}"`, [
    { name: 'instance_id', value: er.terraform },
    { name: 'route_table_id', value: table.terraform },
    { name: 'attachment_id', value: attachment.terraform },
  ]);
  return {
    text,
    hcloud,
    terraform,
    api: {
      method: 'POST',
      path: `/v3/{project_id}/enterprise-router/${er.value}/route-tables/${table.value}/${how.path}`,
      body: { attachment_id: attachment.value },
    },
  };
}

/** Render an er-association fix. */
export function renderErAssociation(fix: ErAssociationSpec, purpose: string): FixRender {
  return renderTableLink(fix, purpose, {
    words: `Associate attachment ${fix.attachment} with route table ${fix.routeTable} of enterprise router ${fix.enterpriseRouter} (packets arriving from it are then forwarded with that table)`,
    operation: 'AssociateRouteTable',
    resource: 'huaweicloud_er_association',
    path: 'associate',
  });
}

/** Render an er-propagation fix. */
export function renderErPropagation(fix: ErPropagationSpec, purpose: string): FixRender {
  return renderTableLink(fix, purpose, {
    words: `Propagate attachment ${fix.attachment} into route table ${fix.routeTable} of enterprise router ${fix.enterpriseRouter} (the table learns all of the attachment's CIDR blocks, wider than a static route)`,
    operation: 'EnablePropagation',
    resource: 'huaweicloud_er_propagation',
    path: 'enable-propagations',
    note: fix.note,
  });
}
