// Enterprise router fixes as words, KooCLI, Terraform and the ER v3 API (Huawei Enterprise Router API reference:
// "Creating a Static Route" CreateStaticRoute, "Creating a Route Association" AssociateRouteTable, "Creating a
// Route Propagation" EnablePropagation). The static-route path has no er_id: the route table id is enough.
import type { ErAssociationFix, ErPropagationFix, ErRouteFix, FixRender } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { hclBlock, hclComment, hclIdentifier, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, huaweiDescription, sentence, verifyComment } from './references.js';

type ErRouteSpec = Omit<ErRouteFix, 'render'>;
type ErAssociationSpec = Omit<ErAssociationFix, 'render'>;
type ErPropagationSpec = Omit<ErPropagationFix, 'render'>;

function withNote(words: string, note: string | undefined, text: I18n): string {
  if (!note) return words;
  return text.t(fixes['fix.er.note'], { text: words, note: text.lang === 'en' ? sentence(note) : note });
}

/** Render an er-route fix (a static route in an ER route table). */
export function renderErRoute(fix: ErRouteSpec, purpose: string, text: I18n = EN): FixRender {
  if (fix.replaces) return renderErRouteChange(fix, purpose, text);
  const table = cloudRef(fix.routeTable);
  const attachment = cloudRef(fix.attachment);
  const description = huaweiDescription(purpose, text);
  const words = withNote(
    actionText(
      text.t(fixes['fix.er.route'], {
        destination: fix.destination,
        attachment: fix.attachment,
        routeTable: fix.routeTable,
        enterpriseRouter: fix.enterpriseRouter,
      }),
      purpose,
      text,
    ),
    fix.note,
    text,
  );
  const route = { destination: fix.destination, attachment_id: attachment.value, is_blackhole: false, description };
  const hcloud = shellCommand(
    hcloudHead('ER CreateStaticRoute'),
    [
      shellFlag('route_table_id', table.value),
      ...Object.entries(route).map(([name, value]) => shellFlag(`route.${name}`, value)),
    ],
    [verifyComment('ER CreateStaticRoute', text)],
  );
  // huaweicloud_er_static_route takes no description (provider docs), unlike the API.
  const label = hclIdentifier(`${fix.routeTable}_to_${fix.destination}`, 'er_route');
  const terraform = hclBlock(`resource "huaweicloud_er_static_route" "${label}"`, [
    { name: 'route_table_id', value: table.terraform },
    { name: 'destination', value: hclString(fix.destination) },
    { name: 'attachment_id', value: attachment.terraform },
  ]);
  return {
    text: words,
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
function renderErRouteChange(fix: ErRouteSpec, purpose: string, text: I18n): FixRender {
  const table = cloudRef(fix.routeTable);
  const attachment = cloudRef(fix.attachment);
  const route = cloudRef(`static route ${fix.destination}`);
  const words = withNote(
    actionText(
      text.t(fixes['fix.er.route-change'], {
        destination: fix.destination,
        attachment: fix.attachment,
        routeTable: fix.routeTable,
        enterpriseRouter: fix.enterpriseRouter,
        replaces: fix.replaces ?? '',
      }),
      purpose,
      text,
    ),
    fix.note,
    text,
  );
  const body = { attachment_id: attachment.value, is_blackhole: false };
  const hcloud = shellCommand(
    hcloudHead('ER UpdateStaticRoute'),
    [
      shellFlag('route_table_id', table.value),
      shellFlag('route_id', route.value),
      ...Object.entries(body).map(([name, value]) => shellFlag(`route.${name}`, value)),
    ],
    [verifyComment('ER UpdateStaticRoute', text), text.t(fixes['fix.er.route-id'], { destination: fix.destination })],
  );
  // attachment_id and is_blackhole of huaweicloud_er_static_route are updatable in place.
  const terraform = [
    hclComment(text.t(fixes['fix.er.route-terraform'], { destination: fix.destination, routeTable: fix.routeTable })),
    `attachment_id = ${attachment.terraform}`,
    'is_blackhole  = false',
  ].join('\n');
  return {
    text: words,
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
  text: I18n,
): FixRender {
  const er = cloudRef(fix.enterpriseRouter);
  const table = cloudRef(fix.routeTable);
  const attachment = cloudRef(fix.attachment);
  const words = withNote(actionText(how.words, purpose, text), how.note, text);
  const hcloud = shellCommand(
    hcloudHead(`ER ${how.operation}`),
    [
      shellFlag('er_id', er.value),
      shellFlag('route_table_id', table.value),
      shellFlag('attachment_id', attachment.value),
    ],
    [verifyComment(`ER ${how.operation}`, text)],
  );
  const label = hclIdentifier(`${fix.routeTable}_${fix.attachment}`, 'er');
  const terraform = hclBlock(`resource "${how.resource}" "${label}"`, [
    { name: 'instance_id', value: er.terraform },
    { name: 'route_table_id', value: table.terraform },
    { name: 'attachment_id', value: attachment.terraform },
  ]);
  return {
    text: words,
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
export function renderErAssociation(fix: ErAssociationSpec, purpose: string, text: I18n = EN): FixRender {
  const link = { attachment: fix.attachment, routeTable: fix.routeTable, enterpriseRouter: fix.enterpriseRouter };
  return renderTableLink(
    fix,
    purpose,
    {
      words: text.t(fixes['fix.er.association'], link),
      operation: 'AssociateRouteTable',
      resource: 'huaweicloud_er_association',
      path: 'associate',
    },
    text,
  );
}

/** Render an er-propagation fix. */
export function renderErPropagation(fix: ErPropagationSpec, purpose: string, text: I18n = EN): FixRender {
  const link = { attachment: fix.attachment, routeTable: fix.routeTable, enterpriseRouter: fix.enterpriseRouter };
  return renderTableLink(
    fix,
    purpose,
    {
      words: text.t(fixes['fix.er.propagation'], link),
      operation: 'EnablePropagation',
      resource: 'huaweicloud_er_propagation',
      path: 'enable-propagations',
      ...(fix.note ? { note: fix.note } : {}),
    },
    text,
  );
}
