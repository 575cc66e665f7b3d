// A DCS whitelist entry as words, KooCLI, Terraform and the DCS v2 API (CCE "Configuring Intra-VPC Access", cce_10_0399). The API's PUT
// replaces the whole whitelist ("New whitelist settings will overwrite the existing setting"), so the
// request carries every group the fix knows about, and the words say so when it may not know them all.
import type { FixRender, WhitelistEntryFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { type HclItem, hclBlock, hclComment, hclList, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead, verifyComment } from './references.js';

type WhitelistEntrySpec = Omit<WhitelistEntryFix, 'render'>;

interface Group {
  readonly name: string;
  readonly addresses: readonly string[];
}

/** Every group the PUT must carry: the other groups unchanged, the fixed group with the new address added. */
function groupsToSend(fix: WhitelistEntrySpec): Group[] {
  const current = fix.existing ?? [];
  const fixed = { name: fix.group, addresses: current.includes(fix.address) ? current : [...current, fix.address] };
  const others = (fix.otherGroups ?? []).filter((group) => group.name !== fix.group);
  return [...others, fixed];
}

/** Render a whitelist-entry fix. */
export function renderWhitelistEntry(fix: WhitelistEntrySpec, purpose: string, text: I18n = EN): FixRender {
  const instance = cloudRef(fix.resource, 'instance id');
  const groups = groupsToSend(fix);
  const complete = fix.existing !== undefined && fix.otherGroups !== undefined;
  const warning = text.t(fixes['fix.whitelist.warning'], { complete });
  const action = text.t(fixes['fix.whitelist'], { address: fix.address, group: fix.group, resource: fix.resource });
  const words = `${actionText(action, purpose, text)}${text.lang === 'zh' ? '' : ' '}${warning}`;

  const body = {
    enable_whitelist: true,
    whitelist: groups.map((group) => ({ group_name: group.name, ip_list: [...group.addresses] })),
  };

  const flags = [shellFlag('instance_id', instance.value)];
  flags.push(shellFlag('enable_whitelist', true));
  groups.forEach((group, index) => {
    flags.push(shellFlag(`whitelist.${index + 1}.group_name`, group.name));
    group.addresses.forEach((address, entry) => {
      flags.push(shellFlag(`whitelist.${index + 1}.ip_list.${entry + 1}`, address));
    });
  });
  const comments = [verifyComment('DCS UpdateIpWhitelist', text, 'numbering')];
  comments.push(text.t(fixes['fix.whitelist.overwrites'], { complete }));
  const hcloud = shellCommand(hcloudHead('DCS UpdateIpWhitelist'), flags, comments);

  const blocks = groups.map((group) =>
    hclBlock('whitelists', [
      { name: 'group_name', value: hclString(group.name) },
      { name: 'ip_address', value: hclList(group.addresses) },
    ] satisfies HclItem[]),
  );
  const terraform = [
    hclComment(text.t(fixes['fix.whitelist.terraform'], { resource: fix.resource, complete })),
    ...blocks,
  ].join('\n');

  return {
    text: words,
    hcloud,
    terraform,
    api: { method: 'PUT', path: `/v2/{project_id}/instance/${instance.value}/whitelist`, body },
  };
}
