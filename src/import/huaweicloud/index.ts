// `reachbot import huaweicloud`: credentials from the environment, the project of the region,
// then every service read into one topology.
import { LocalizedError } from '../../i18n/localized-error.js';
import { type Localized, localized } from '../../i18n/message.js';
import { importErrors as E } from '../../i18n/messages/import-errors.js';
import { assembleTopologyCooperatively } from '../assemble.js';
import type { ImportResult } from '../model.js';
import { type ClientOptions, HuaweiCloudClient, type HuaweiCredentials } from './client.js';
import { readInventory } from './read.js';
import { iamProjectList } from './responses.js';

export { HuaweiCloudApiError, HuaweiCloudAuthError, ServiceUnavailableError } from './client.js';

/** Thrown for input the user must fix before anything is read (missing credentials, project). */
export class ImportSetupError extends LocalizedError {
  readonly code = 'reachbot_import_setup';
  constructor(text: Localized) {
    super(text);
    this.name = 'ImportSetupError';
  }
}

export interface HuaweiCloudImportOptions {
  readonly region: string;
  readonly projectId?: string;
  readonly vpcIds?: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  readonly pageSize?: number;
  /** Replaces myhuaweicloud.com in every endpoint (default: HUAWEICLOUD_DOMAIN). */
  readonly domain?: string;
  /** Per-service base URLs, over those of HUAWEICLOUD_ENDPOINT_<SERVICE>. */
  readonly endpoints?: Readonly<Record<string, string>>;
  /** `false`: leave validating the result to the caller (AssembleOptions.validate). */
  readonly validate?: boolean;
}

/** Credentials from the environment (the SDK's names first, then the Terraform provider's). */
export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): HuaweiCredentials {
  const accessKey = env.HUAWEICLOUD_SDK_AK || env.HUAWEICLOUD_ACCESS_KEY;
  const secretKey = env.HUAWEICLOUD_SDK_SK || env.HUAWEICLOUD_SECRET_KEY;
  if (!accessKey || !secretKey) {
    throw new ImportSetupError(localized(E['import.no-credentials'], { doc: 'docs/IMPORT.md' }));
  }
  const securityToken = env.HUAWEICLOUD_SDK_SECURITY_TOKEN || env.HUAWEICLOUD_SECURITY_TOKEN || undefined;
  return securityToken ? { accessKey, secretKey, securityToken } : { accessKey, secretKey };
}

/** Import one region's project from the Huawei Cloud APIs into a topology v1 document. */
export async function importHuaweiCloud(options: HuaweiCloudImportOptions): Promise<ImportResult> {
  if (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(options.region)) {
    throw new ImportSetupError(localized(E['import.bad-region'], { region: options.region }));
  }
  const clientOptions: ClientOptions = {
    region: options.region,
    credentials: credentialsFromEnv(options.env),
    fetch: options.fetch,
    sleep: options.sleep,
    now: options.now,
    ...endpointSettings(options),
  };
  const client = new HuaweiCloudClient(clientOptions);
  const projectId =
    options.projectId ||
    options.env.HUAWEICLOUD_PROJECT_ID ||
    options.env.HUAWEICLOUD_SDK_PROJECT_ID ||
    (await findProjectId(client, options.region));
  const inventory = await readInventory(client, { projectId, vpcIds: options.vpcIds, pageSize: options.pageSize });
  // Cooperatively: the bot's scheduled syncs run this beside its answers.
  return assembleTopologyCooperatively(inventory, {
    region: options.region,
    project: /^[0-9a-f]{32}$/i.test(projectId) ? projectId : undefined,
    description: `imported from Huawei Cloud ${options.region} (project ${projectId})${options.vpcIds?.length ? `, VPCs ${options.vpcIds.join(', ')}` : ''}`,
    ...(options.validate === false ? { validate: false } : {}),
  });
}

/** The services the importer calls, by the names their endpoints use. */
export const HUAWEICLOUD_SERVICES = ['iam', 'vpc', 'er', 'cce', 'ecs', 'dcs', 'rds', 'dms', 'nat', 'dns'] as const;

const ENDPOINT_ENV = /^HUAWEICLOUD_ENDPOINT_([A-Z0-9_]+)$/;

/** The domain and per-service endpoints from the environment, overridden by explicit options; checked. */
export function endpointSettings(options: Pick<HuaweiCloudImportOptions, 'env' | 'domain' | 'endpoints'>): {
  domain?: string;
  endpoints?: Record<string, string>;
} {
  const endpoints: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env)) {
    const match = ENDPOINT_ENV.exec(key);
    if (match && value) endpoints[match[1]!.toLowerCase()] = value;
  }
  for (const [service, value] of Object.entries(options.endpoints ?? {})) endpoints[service.toLowerCase()] = value;
  for (const [service, value] of Object.entries(endpoints)) {
    if (!(HUAWEICLOUD_SERVICES as readonly string[]).includes(service))
      throw new ImportSetupError(localized(E['import.unknown-service'], { service, services: HUAWEICLOUD_SERVICES }));
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash)
      throw new ImportSetupError(localized(E['import.bad-endpoint'], { service, value }));
    endpoints[service] = value;
  }
  const domain = (options.domain || options.env.HUAWEICLOUD_DOMAIN || '').trim().replace(/^\.+|\.+$/g, '');
  if (domain && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(domain))
    throw new ImportSetupError(localized(E['import.bad-domain'], { domain }));
  return {
    ...(domain ? { domain } : {}),
    ...(Object.keys(endpoints).length ? { endpoints } : {}),
  };
}

/** The project named after the region (IAM KeystoneListProjects). */
async function findProjectId(client: HuaweiCloudClient, region: string): Promise<string> {
  const parsed = iamProjectList.safeParse(await client.get('iam', '/v3/projects', { name: region }));
  const project = parsed.success ? parsed.data.projects.find((p) => p.name === region) : undefined;
  if (!project) {
    throw new ImportSetupError(localized(E['import.no-project'], { region }));
  }
  return project.id;
}
