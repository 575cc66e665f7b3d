// Messages every surface shares: verdicts and the names of the path's checks.
import type { CheckName, Verdict } from '../../engine/diagnosis.js';
import { fixed, type Message } from '../message.js';

/** A verdict as a word ("reachable" / "可以访问"). */
export const VERDICT_WORDS: Readonly<Record<Verdict, Message<void>>> = {
  reachable: fixed('reachable', '可以访问'),
  unreachable: fixed('unreachable', '无法访问'),
  uncertain: fixed('uncertain', '无法确定'),
};

/** What each check of the path looks at, as a short title (machine names stay in the JSON contract). */
export const CHECK_TITLES: Readonly<Record<CheckName, Message<void>>> = {
  destination: fixed('destination', '目的地址'),
  planning: fixed('CIDR planning', '网段规划'),
  'source-address': fixed('source address', '源地址'),
  'network-policy': fixed('NetworkPolicy', '网络策略'),
  'source-egress': fixed('source egress', '源端出方向'),
  'source-acl': fixed('source ACL', '源端网络ACL'),
  'route-forward': fixed('route there', '去程路由'),
  peering: fixed('peering', '对等连接'),
  transit: fixed('enterprise router', '企业路由器'),
  'destination-acl': fixed('destination ACL', '目的端网络ACL'),
  'destination-sg': fixed('destination security group', '目的端安全组'),
  whitelist: fixed('whitelist', '白名单'),
  'route-return': fixed('route back', '回程路由'),
  'host-bridge': fixed('container engine bridge', '容器引擎网桥'),
  'internet-egress': fixed('internet egress', '公网出口'),
};

/** The common catalog, keyed by id. */
export const common = {
  ...prefixed('verdict', VERDICT_WORDS),
  ...prefixed('check', CHECK_TITLES),
};

function prefixed<K extends string>(
  prefix: string,
  messages: Readonly<Record<K, Message<void>>>,
): Record<string, Message<void>> {
  return Object.fromEntries(Object.entries(messages).map(([id, m]) => [`${prefix}.${id}`, m as Message<void>]));
}
