// Huawei Cloud's reserved address ranges, defined once so that every check agrees on them
// (VPC "Route Table Overview"; CCE FAQ "How Can I Configure a Security Group Rule for a Cluster?", cce_faq_00265).
import { type Cidr, mustCidr } from '../net/address.js';

/** The cloud-service range (DNS, NTP, OBS; region-specific, typically this block): presets of ACLs and Turbo policies allow it. */
export const CLOUD_SERVICE_RANGE: Cidr = mustCidr('100.125.0.0/16');

/** System routes toward cloud services and VPC endpoints, in every route table (VPC "Route Table Overview"). */
export const CLOUD_SYSTEM_ROUTES = ['100.64.0.0/10', '198.19.128.0/20'] as const;

/** The system-route blocks as CIDRs: addresses inside them are cloud services or VPC endpoints. */
export const CLOUD_SYSTEM_RANGES: readonly Cidr[] = CLOUD_SYSTEM_ROUTES.map(mustCidr);
