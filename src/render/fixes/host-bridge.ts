// A container-engine bridge on a host that swallows the replies to the pods (CCE "Configuring Intra-VPC Access", cce_10_0399). There is no
// cloud API for it: the fix is Docker's own configuration (/etc/docker/daemon.json) and a restart.
import type { FixRender, HostBridgeFix } from '../../engine/diagnosis.js';
import { EN, type I18n } from '../../i18n/i18n.js';
import { fixes } from '../../i18n/messages/fixes.js';
import { addressText, parseCidr } from '../../net/address.js';
import { shellComment, singleLine } from '../syntax/shell.js';
import { actionText } from './references.js';

type HostBridgeSpec = Omit<HostBridgeFix, 'render'>;

// docker0's default subnet; any other bridge was made from the default address pools (compose networks).
const DOCKER0_DEFAULT = '172.17.0.0/16';

/** The daemon.json setting that moves the bridge, as a JSON member. */
function daemonSetting(fix: HostBridgeSpec): { key: string; json: string; isDefaultBridge: boolean } {
  const suggested = parseCidr(fix.suggested);
  const bridge = parseCidr(fix.bridge);
  const isDefaultBridge = bridge.ok && bridge.cidr.text === DOCKER0_DEFAULT;
  if (isDefaultBridge && suggested.ok) {
    // `bip` is the bridge's own address with the prefix length, not the network address.
    const gateway = `${addressText(suggested.cidr.family, suggested.cidr.start + 1n)}/${suggested.cidr.bits}`;
    return { key: 'bip', json: `"bip": ${JSON.stringify(gateway)}`, isDefaultBridge };
  }
  const bits = suggested.ok ? suggested.cidr.bits : 16;
  const pool = JSON.stringify([{ base: fix.suggested, size: Math.max(bits, 24) }]);
  return { key: 'default-address-pools', json: `"default-address-pools": ${pool}`, isDefaultBridge };
}

/** Render a host-bridge fix: the daemon.json change and the restart, as shell lines for the host. */
export function renderHostBridge(fix: HostBridgeSpec, purpose: string, text: I18n = EN): FixRender {
  const setting = daemonSetting(fix);
  const host = singleLine(fix.resource);
  const words = actionText(
    text.t(fixes['fix.host-bridge'], {
      resource: fix.resource,
      bridge: fix.bridge,
      suggested: fix.suggested,
      key: setting.key,
    }),
    purpose,
    text,
  );
  const lines = [
    shellComment(text.t(fixes['fix.host-bridge.as-root'], { host })),
    shellComment(text.t(fixes['fix.host-bridge.edit'])),
    shellComment(`  ${setting.json}`),
    shellComment(text.t(fixes['fix.host-bridge.restart'])),
    'systemctl restart docker',
  ];
  if (!setting.isDefaultBridge) {
    lines.push(
      shellComment(text.t(fixes['fix.host-bridge.recreate'], { bridge: fix.bridge })),
      shellComment('  docker network ls; docker compose down && docker compose up -d'),
    );
  }
  return { text: words, hcloud: lines.join('\n') };
}
