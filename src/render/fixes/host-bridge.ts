// A container-engine bridge on a host that swallows the replies to the pods (CCE "Configuring Intra-VPC Access", cce_10_0399). There is no
// cloud API for it: the fix is Docker's own configuration (/etc/docker/daemon.json) and a restart.
import type { FixRender, HostBridgeFix } from '../../engine/diagnosis.js';
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
export function renderHostBridge(fix: HostBridgeSpec, purpose: string): FixRender {
  const setting = daemonSetting(fix);
  const host = singleLine(fix.resource);
  const text = actionText(
    `On ${fix.resource}, move the container-engine bridge ${fix.bridge} to ${fix.suggested} ` +
      `(daemon.json "${setting.key}") and restart Docker`,
    purpose,
  );
  const lines = [
    shellComment(`On ${host}, as root. No cloud API: this is Docker's own configuration.`),
    shellComment('Edit /etc/docker/daemon.json so that it contains (keep its other keys):'),
    shellComment(`  ${setting.json}`),
    shellComment('Then restart the engine (running containers restart):'),
    'systemctl restart docker',
  ];
  if (!setting.isDefaultBridge) {
    lines.push(
      shellComment(`Recreate the network that holds ${fix.bridge} so that it takes a new subnet from the pool:`),
      shellComment('  docker network ls; docker compose down && docker compose up -d'),
    );
  }
  return { text, hcloud: lines.join('\n') };
}
