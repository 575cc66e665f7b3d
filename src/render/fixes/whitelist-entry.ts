// A DCS whitelist entry as words, KooCLI, Terraform and the DCS v2 API (CCE "Configuring Intra-VPC Access", cce_10_0399). The API's PUT
// replaces the whole whitelist ("New whitelist settings will overwrite the existing setting"), so the
// request carries every group the fix knows about, and the words say so when it may not know them all.
import type { FixRender, WhitelistEntryFix } from '../../engine/diagnosis.js';
import { type HclItem, hclBlock, hclComment, hclList, hclString } from '../syntax/hcl.js';
import { shellCommand, shellFlag } from '../syntax/shell.js';
import { actionText, cloudRef, hcloudHead } from './references.js';

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
export function renderWhitelistEntry(fix: WhitelistEntrySpec, purpose: string): FixRender {
  const instance = cloudRef(fix.resource, 'instance id');
  const groups = groupsToSend(fix);
  const complete = fix.existing !== undefined && fix.otherGroups !== undefined;
  const warning = complete
    ? 'The API replaces the whole whitelist: the request below resends every existing group with it.'
    : 'The API replaces the whole whitelist: first read it (ShowIpWhitelist) and add every existing entry ' +
      'and group to the request, or they are deleted.';
  const text = `${actionText(`Add ${fix.address} to whitelist group ${fix.group} of ${fix.resource}`, purpose)} ${warning}`;

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
  const comments = ['verify: hcloud DCS UpdateIpWhitelist --help (KooCLI numbers list items from 1)'];
  comments.push(
    complete
      ? 'this overwrites the whole whitelist with exactly the groups below'
      : 'this OVERWRITES the whole whitelist: first run hcloud DCS ShowIpWhitelist and add every existing entry',
  );
  const hcloud = shellCommand(hcloudHead('DCS UpdateIpWhitelist'), flags, comments);

  const blocks = groups.map((group) =>
    hclBlock('whitelists', [
      { name: 'group_name', value: hclString(group.name) },
      { name: 'ip_address', value: hclList(group.addresses) },
    ] satisfies HclItem[]),
  );
  const terraform = [
    hclComment(
      `In the huaweicloud_dcs_instance resource of ${fix.resource}: its whitelists blocks are the whole ` +
        `whitelist${complete ? '; these are all of them' : '; keep every other existing group'}.`,
    ),
    ...blocks,
  ].join('\n');

  return {
    text,
    hcloud,
    terraform,
    api: { method: 'PUT', path: `/v2/{project_id}/instance/${instance.value}/whitelist`, body },
  };
}
