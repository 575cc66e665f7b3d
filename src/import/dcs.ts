// Which control a DCS instance's access goes through (CCE "Configuring Intra-VPC Access", cce_10_0399): Memcached, Redis 3.0 and Redis 6.0
// professional/enterprise use security groups; Redis 4.0, 5.0 and 6.0 basic (and later) use an IP whitelist
// and no security group. Neither the API nor Terraform names the edition, so for 6.0 and later a whitelist
// in effect means the basic edition, and a security group without one the professional edition.
import type { RawInstance } from './model.js';

export interface DcsAccessControl {
  readonly control: 'security-group' | 'whitelist';
  /** A security group reported for a whitelist-controlled instance: it does not filter the instance's traffic. */
  readonly ignoredSecurityGroup?: string;
  /** What was assumed to choose, in words, for the import warnings. */
  readonly assumption?: string;
  /** The security groups that filter the instance: the reported one, unless the whitelist controls it. */
  readonly securityGroupIds: readonly string[];
  /** Import warnings about the choice, each starting with `label`. */
  readonly warnings: readonly string[];
}

/** Whether the instance can have an IP whitelist (so it is worth reading). */
export function dcsMayHaveWhitelist(engine: string | null | undefined, version: string | null | undefined): boolean {
  return (engine ?? 'redis').trim().toLowerCase() === 'redis' && Number.parseFloat(version ?? '') !== 3;
}

/** The access control of a DCS instance (`label` names it in warnings) from its engine, version, group and whitelist. */
export function dcsAccessControl(
  label: string,
  engine: string | null | undefined,
  version: string | null | undefined,
  securityGroupId: string | null | undefined,
  whitelist: RawInstance['whitelist'],
): DcsAccessControl {
  const groups = securityGroupId ? [securityGroupId] : [];
  if (!dcsMayHaveWhitelist(engine, version))
    return { control: 'security-group', securityGroupIds: groups, warnings: [] };
  const major = Number.parseFloat(version ?? '');
  const inEffect = !!whitelist?.enabled && whitelist.groups.some((g) => g.addresses.length > 0);
  if (!securityGroupId) return { control: 'whitelist', securityGroupIds: [], warnings: [] };
  if (major >= 6 && !inEffect) {
    const assumption = `Redis ${version} with security group ${securityGroupId} and no whitelist in effect: taken for the professional/enterprise edition, controlled by the security group (CCE "Configuring Intra-VPC Access", cce_10_0399; the edition is not in the input)`;
    return { control: 'security-group', assumption, securityGroupIds: groups, warnings: [`${label}: ${assumption}`] };
  }
  return {
    control: 'whitelist',
    ignoredSecurityGroup: securityGroupId,
    securityGroupIds: [],
    warnings: [
      `${label}: reports security group ${securityGroupId}, but Redis ${version} with a whitelist is controlled by the whitelist, not a security group (CCE "Configuring Intra-VPC Access", cce_10_0399); group left out`,
    ],
  };
}
