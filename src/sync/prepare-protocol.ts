// The messages between a sync and its validation worker (prepare.ts, prepare-worker.ts). Only structured-cloneable
// data crosses: strings, the validation's issues, and the validated topology in slices.

/** What the worker is started with (`workerData`). */
export interface PrepareJob {
  /** The imported document as JSON text (a string crosses the thread boundary as one copy). */
  readonly documentText: string;
  /** The stored topology's JSON text: a validated result with the same text is reported as `same`. */
  readonly previousText?: string;
  /**
   * The stored topology's clusters, whose Kubernetes side (namespaces, NetworkPolicies, workloads...) the worker
   * carries over onto the document before validating it (carryKubernetesSide), so the main thread need not
   * serialize the merged document a second time.
   */
  readonly carryFrom?: readonly unknown[];
}

/** The worker's first answer. */
export type PrepareVerdict =
  | { readonly kind: 'invalid'; readonly issues: readonly string[] }
  | { readonly kind: 'same' }
  | {
      readonly kind: 'valid';
      /** `JSON.stringify` of the validated topology (what the store writes and the next sync compares). */
      readonly text: string;
      /** The validated topology's keys in order, and how many slices each array arrives in. */
      readonly keys: readonly { readonly key: string; readonly slices: number }[];
    };

/** One slice of the validated topology: a whole value, or the next items of an array. */
export interface PrepareSlice {
  readonly key: string;
  readonly value: unknown;
}

/** Items per slice of an array: each slice is one short deserialization on the main thread. */
export const SLICE_ITEMS = 200;
