// A failed sync in words people act on: the importer's errors classified as an expired key, a missing
// permission, throttling, a service missing in the region, an unreachable source, an invalid state, or other.

import { EN, type I18n } from '../i18n/i18n.js';
import { LocalizedError } from '../i18n/localized-error.js';
import type { Localized } from '../i18n/message.js';
import { FAILURE_WORDS } from '../i18n/messages/sync.js';
import {
  HuaweiCloudApiError,
  HuaweiCloudAuthError,
  ImportSetupError,
  ServiceUnavailableError,
} from '../import/huaweicloud/index.js';
import { TerraformStateError } from '../import/terraform/index.js';
import type { SyncFailureKind } from '../store/data.js';
import { SyncSourceError } from './source.js';

export interface SyncFailure {
  readonly kind: SyncFailureKind;
  /** In English: logs, the audit, and the store's `lastFailure.message`. */
  readonly message: string;
  /** Every language, when the message is reachbot's own (an import that could not start), not a source's. */
  readonly text?: Localized;
}

/** A failure's message for a reader: reachbot's own words in their language (`ours`), a source's as they came. */
export function failureWords(
  failure: { readonly message: string; readonly text?: Localized },
  text: I18n = EN,
): { message: string; ours: boolean } {
  return failure.text ? { message: text.pick(failure.text), ours: true } : { message: failure.message, ours: false };
}

/** A failure that already knows its kind (the partial-import policy, a state URL's HTTP status). */
export class SyncFailedError extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncFailedError';
  }
}

/** The reason in the reader's language ("permission missing" / "缺少权限"). */
export function failureLabel(kind: SyncFailureKind, text: I18n = EN): string {
  return text.t(FAILURE_WORDS[kind]);
}

/** Classify anything a sync threw. */
export function classifySyncError(error: unknown): SyncFailure {
  const failure = classify(error);
  return error instanceof LocalizedError ? { ...failure, text: error.text } : failure;
}

function classify(error: unknown): SyncFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyncFailedError) return { kind: error.kind, message };
  if (error instanceof HuaweiCloudAuthError) return { kind: 'expired-key', message };
  if (error instanceof ServiceUnavailableError) return { kind: 'service-missing', message };
  if (error instanceof HuaweiCloudApiError) {
    if (error.throttled) return { kind: 'throttled', message };
    if (error.forbidden) return { kind: 'forbidden', message };
    if (error.status === 0) return { kind: 'unreachable', message };
    return { kind: 'error', message };
  }
  if (error instanceof ImportSetupError || error instanceof TerraformStateError || error instanceof SyncSourceError) {
    return { kind: 'invalid', message };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
    return { kind: 'unreachable', message };
  }
  return { kind: 'error', message };
}
