// A sync source as people type it and as the store keeps it: `huaweicloud:<region>` (with an optional project and
// VPC filter), a Terraform state file path, or an https URL of a state (an OBS object, say).

import { isAbsolute, resolve } from 'node:path';
import { EN, type I18n } from '../i18n/i18n.js';
import { LocalizedError } from '../i18n/localized-error.js';
import { localized, localizedBy, type Message } from '../i18n/message.js';
import { sync as M } from '../i18n/messages/sync.js';
import { syncSettings as S } from '../i18n/messages/sync-settings.js';
import type { SyncSourceSpec } from '../store/data.js';

/** The typed source was not understood; the message says which forms are. */
export class SyncSourceError extends LocalizedError {
  readonly code = 'reachbot_sync_source';
  constructor(text: ReturnType<typeof localized>) {
    super(text);
    this.name = 'SyncSourceError';
  }

  /** The error of one catalog message. */
  static of<P>(m: Message<P>, params: P): SyncSourceError {
    return new SyncSourceError(localized(m, params));
  }
}

/** The source forms, for usage lines. */
export const SOURCE_FORMS = S['sync.settings.sources'];

const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

export interface SourceFilters {
  readonly projectId?: string;
  readonly vpcIds?: readonly string[];
}

/**
 * Parse a typed source. `cwd` resolves a relative state path (the store keeps it absolute, so the bot finds it
 * wherever it runs). Plain http is accepted only for a loopback host (a local double or a port-forward).
 */
export function parseSyncSource(typed: string, filters: SourceFilters = {}, cwd = process.cwd()): SyncSourceSpec {
  const text = typed.trim();
  const lower = text.toLowerCase();
  if (lower.startsWith('huaweicloud:')) {
    const region = text.slice('huaweicloud:'.length).trim();
    if (!REGION.test(region)) {
      throw SyncSourceError.of(S['sync.settings.bad-region'], { region });
    }
    return {
      kind: 'huaweicloud',
      region,
      ...(filters.projectId ? { projectId: filters.projectId } : {}),
      ...(filters.vpcIds?.length ? { vpcIds: [...filters.vpcIds] } : {}),
    };
  }
  if (filters.projectId || filters.vpcIds?.length) {
    throw SyncSourceError.of(S['sync.settings.filter-not-huaweicloud'], undefined);
  }
  if (lower.startsWith('https://') || lower.startsWith('http://')) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw SyncSourceError.of(S['sync.settings.not-url'], { text });
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
      throw SyncSourceError.of(S['sync.settings.needs-https'], { text });
    }
    if (url.username || url.password) {
      throw SyncSourceError.of(S['sync.settings.url-credentials'], undefined);
    }
    return { kind: 'terraform-url', url: url.toString() };
  }
  const path = lower.startsWith('terraform:') ? text.slice('terraform:'.length).trim() : '';
  if (!path) throw new SyncSourceError(sourceRefusal(text));
  return { kind: 'terraform-file', path: isAbsolute(path) ? path : resolve(cwd, path) };
}

function sourceRefusal(text: string) {
  return localizedBy(S['sync.settings.not-source'], (lang) => ({ text, sources: SOURCE_FORMS[lang]() }));
}

/** The source as it is typed back (`huaweicloud:cn-north-4`), and the key that two syncs of one source share. */
export function formatSyncSource(source: SyncSourceSpec): string {
  switch (source.kind) {
    case 'huaweicloud': {
      const filters = [
        source.projectId ? `project ${source.projectId}` : '',
        source.vpcIds?.length ? `vpc ${source.vpcIds.join(',')}` : '',
      ].filter(Boolean);
      return `huaweicloud:${source.region}${filters.length ? ` ${filters.join(' ')}` : ''}`;
    }
    case 'terraform-file':
      return `terraform:${source.path}`;
    case 'terraform-url':
      return redactedUrl(source.url);
  }
}

/** The source in words for an answer: "Huawei Cloud cn-north-4", "Terraform state prod.tfstate". */
export function describeSyncSource(source: SyncSourceSpec, text: I18n = EN): string {
  switch (source.kind) {
    case 'huaweicloud':
      return text.t(M['sync.sourceHuaweiCloud'], {
        region: source.region,
        ...(source.vpcIds?.length ? { vpcs: source.vpcIds.join(', ') } : {}),
      });
    case 'terraform-file':
      return text.t(M['sync.sourceTerraform'], { name: source.path.split(/[\\/]/).pop() ?? source.path });
    case 'terraform-url':
      return text.t(M['sync.sourceTerraform'], { name: new URL(source.url).host });
  }
}

/** The in-process lock key: syncs of one source never run at once, whichever topology they feed. */
export function sourceKey(source: SyncSourceSpec): string {
  return source.kind === 'terraform-url' ? source.url : formatSyncSource(source);
}

/** A pre-signed URL's query carries its signature: never show it. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  return parsed.search ? `${parsed.origin}${parsed.pathname}?…` : url;
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}
