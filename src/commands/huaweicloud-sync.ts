// `topology sync NAME [REGION]` over the Huawei Cloud importer: the region comes from the command, else
// from where the topology was last synced ("huaweicloud:cn-north-4"), else HUAWEICLOUD_REGION.
import { LocalizedError } from '../i18n/localized-error.js';
import { localized } from '../i18n/message.js';
import { syncSettings as S } from '../i18n/messages/sync-settings.js';
import { importHuaweiCloud } from '../import/huaweicloud/index.js';
import { carryKubernetesSide } from '../kubernetes/merge.js';
import type { TopologySync } from './topology.js';

const SOURCE_PREFIX = 'huaweicloud:';

/** A TopologySync reading the Huawei Cloud APIs with the credentials in `env` (read-only access keys). */
export function huaweiCloudSync(
  env: Readonly<Record<string, string | undefined>>,
  fetchFn?: typeof fetch,
): TopologySync {
  return async ({ args, previous }) => {
    const [typed] = args.split(/\s+/).filter(Boolean);
    const remembered = previous?.source?.startsWith(SOURCE_PREFIX)
      ? previous.source.slice(SOURCE_PREFIX.length).split(/\s/)[0]
      : undefined;
    const region = typed ?? remembered ?? env.HUAWEICLOUD_REGION ?? env.HUAWEICLOUD_SDK_REGION;
    if (!region) {
      throw new LocalizedError(localized(S['sync.settings.which-region'], undefined));
    }
    const result = await importHuaweiCloud({ region, env, ...(fetchFn ? { fetch: fetchFn } : {}) });
    // The cloud knows nothing of NetworkPolicies and workload labels: keep what `import kubernetes` merged.
    const topology = previous ? carryKubernetesSide(previous.topology, result.topology) : result.topology;
    return { topology, source: `${SOURCE_PREFIX}${region}`, warnings: result.warnings };
  };
}
