// Typed store errors, each with a message that says what to do about it.

/** Base of every store error; `code` is stable for programs, the message is for people. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Another process (or another open store in this one) is the writer. */
export class StoreLockedError extends StoreError {
  constructor(
    readonly path: string,
    readonly pid: number | null,
    /** Where the holder runs and how fresh its lease is, when it is another host's (for the log line). */
    readonly holder?: { readonly host: string; readonly renewedMsAgo: number; readonly staleAfterMs: number },
  ) {
    super(
      pid === null
        ? `the store ${path} is locked by another reachbot (see ${path}.lock); stop it or use Slack`
        : holder
          ? `the store ${path} is held by pid ${pid} on host ${holder.host} (lease renewed ${seconds(holder.renewedMsAgo)} s ago; ` +
            `taken over if not renewed for ${seconds(holder.staleAfterMs)} s); stop it or use Slack`
          : `the store ${path} is held by pid ${pid} (reachbot bot?); stop it or use Slack`,
      'reachbot_store_locked',
    );
    this.name = 'StoreLockedError';
  }
}

/** This process held the store's lease, but another writer took it over (this one stalled too long). */
export class StoreLeaseLostError extends StoreError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`the store ${path} is no longer ours to write: ${reason}`, 'reachbot_store_lease_lost');
    this.name = 'StoreLeaseLostError';
  }
}

function seconds(ms: number): string {
  return String(Math.max(0, Math.round(ms / 1000)));
}

/** The file was written by a newer reachbot; it is left untouched. */
export class StoreVersionError extends StoreError {
  constructor(
    readonly path: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `the store ${path} has schema version ${found}, newer than this reachbot understands (${supported}); ` +
        'upgrade reachbot. The file was not changed.',
      'reachbot_store_version',
    );
    this.name = 'StoreVersionError';
  }
}

/** An update would leave the document invalid; nothing was written. */
export class StoreValidationError extends StoreError {
  constructor(readonly issues: readonly string[]) {
    super(
      `the store update was refused, nothing was written: ${issues.slice(0, 5).join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`,
      'reachbot_store_invalid',
    );
    this.name = 'StoreValidationError';
  }
}

/** The store was opened read-only (or closed) and cannot be updated. */
export class StoreReadOnlyError extends StoreError {
  constructor(readonly path: string) {
    super(`the store ${path} is open read-only; open it as the writer to change it`, 'reachbot_store_read_only');
    this.name = 'StoreReadOnlyError';
  }
}

/** A topology name that cannot be stored (it must work in `topology:cluster` and as a file name). */
export class TopologyNameError extends StoreError {
  constructor(readonly topologyName: string) {
    super(
      `"${topologyName}" is not a valid topology name: use letters, digits, ".", "_" and "-" (at most 64, starting with a letter or digit)`,
      'reachbot_topology_name_invalid',
    );
    this.name = 'TopologyNameError';
  }
}
