// Reading a sync source into a topology: the Huawei Cloud importer, or a Terraform state from a file or a URL.
// The importers are the ones `reachbot import` uses; this only picks one and fetches the state's text.
import { importHuaweiCloud } from '../import/huaweicloud/index.js';
import type { ImportResult } from '../import/model.js';
import { importTerraformStateCooperatively } from '../import/terraform/index.js';
import { BodyTooLargeError, readCappedText } from '../runtime/capped-body.js';
import { readText } from '../runtime/read-text.js';
import type { SyncSourceSpec } from '../store/data.js';
import { SyncFailedError } from './failure.js';

/**
 * Reads one source; the scheduler and `topology sync` call it. The result is not validated yet (`validated: false`):
 * the scheduler validates it in a worker thread, off the thread that answers questions.
 */
export type ReadSource = (source: SyncSourceSpec) => Promise<ImportResult>;

export interface SourceReaderOptions {
  /** Credentials (HUAWEICLOUD_SDK_AK/SK...) and HUAWEICLOUD_PROJECT_ID. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For the Huawei Cloud API and state URLs; read at call time so test interceptors apply. */
  readonly fetch?: typeof fetch;
  /** How the Huawei Cloud client waits out throttling (tests pass one that does not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => Date;
  readonly pageSize?: number;
  /** A state URL that does not answer within this is a failure (default 60 s). */
  readonly timeoutMs?: number;
}

/**
 * The largest Terraform state read from a URL. The URL is an admin's, but what it answers is not checked: a body of
 * gigabytes would take the bot down. The test fixture's state takes about 1 KB per resource instance, so 256 MB
 * leaves room for a few hundred thousand.
 */
export const MAX_STATE_BYTES = 256 * 2 ** 20;

/** The reader for every kind of source. */
export function sourceReader(options: SourceReaderOptions): ReadSource {
  const fetchFn: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  return async (source) => {
    switch (source.kind) {
      case 'huaweicloud':
        return importHuaweiCloud({
          region: source.region,
          env: options.env,
          fetch: fetchFn,
          ...(source.projectId ? { projectId: source.projectId } : {}),
          ...(source.vpcIds?.length ? { vpcIds: source.vpcIds } : {}),
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.now ? { now: options.now } : {}),
          ...(options.pageSize ? { pageSize: options.pageSize } : {}),
          validate: false,
        });
      case 'terraform-file':
        return importTerraformStateCooperatively(await readText(source.path), source.path, { validate: false });
      case 'terraform-url': {
        const host = new URL(source.url).host;
        let response: Response;
        try {
          response = await fetchFn(source.url, { signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
        } catch (error) {
          throw new SyncFailedError(
            'unreachable',
            `cannot fetch the state from ${host}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        if (!response.ok) {
          await response.body?.cancel();
          const kind =
            response.status === 401 || response.status === 403
              ? 'forbidden'
              : response.status === 429
                ? 'throttled'
                : 'unreachable';
          throw new SyncFailedError(kind, `the state at ${host} answered HTTP ${response.status}`);
        }
        let text: string;
        try {
          text = await readCappedText(response, MAX_STATE_BYTES);
        } catch (error) {
          if (!(error instanceof BodyTooLargeError)) throw error;
          throw new SyncFailedError(
            'invalid',
            `the state at ${host} is ${error.over ? 'over ' : ''}${Math.round(error.bytes / 2 ** 20)} MB; reachbot reads a state of at most ${MAX_STATE_BYTES / 2 ** 20} MB`,
          );
        }
        return importTerraformStateCooperatively(text, `the state at ${host}`, { validate: false });
      }
    }
  };
}
