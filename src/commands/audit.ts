// The audit log: every write, and every refused write, with who, when, what and where.
import { i18n } from '../i18n/i18n.js';
import { commands as C } from '../i18n/messages/commands.js';
import type { AuditEntry } from '../store/data.js';
import type { CommandContext, Reply } from './subcommand.js';

/** The log keeps the most recent entries only; older ones are dropped so the store stays small. */
export const AUDIT_LIMIT = 5000;

export interface AuditEvent {
  readonly action: string;
  readonly target: string;
  readonly outcome: AuditEntry['outcome'];
  readonly detail?: string;
}

/** Append an audit entry for the context's user and channel, at the context's time. */
export async function recordAudit(context: CommandContext, event: AuditEvent): Promise<void> {
  const entry: AuditEntry = {
    at: context.now().toISOString(),
    user: context.userId,
    channel: context.channelId,
    action: event.action,
    target: event.target,
    outcome: event.outcome,
    ...(event.detail ? { detail: event.detail } : {}),
  };
  await context.store.update((data) => {
    data.audit.push(entry);
    if (data.audit.length > AUDIT_LIMIT) data.audit.splice(0, data.audit.length - AUDIT_LIMIT);
  });
}

/** Null when the user may write; otherwise the refusal to show them, already audited. */
export async function refuseUnlessAdmin(
  context: CommandContext,
  action: string,
  target: string,
): Promise<Reply | null> {
  if (context.isAdmin) return null;
  await recordAudit(context, { action, target, outcome: 'refused', detail: 'not an admin' });
  return { text: i18n(context.lang ?? 'en').t(C['admin.refused'], { action, admins: context.admins ?? [] }) };
}
