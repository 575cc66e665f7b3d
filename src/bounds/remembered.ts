// Remembered results: a pure parser with a bounded memory of its results, for texts a large input repeats thousands
// of times; and a computation done at most once, for values only some callers need.

/** The default number of distinct texts remembered. */
export const REMEMBERED_TEXTS = 20_000;

/**
 * `parse`, each distinct text parsed once while at most `limit` texts are remembered; past that the memory starts
 * again, so input with millions of distinct texts costs no more memory than `limit` results. `parse` must be pure
 * and its results immutable: callers share them. A parse that throws is not remembered.
 */
export function remembered<R>(parse: (text: string) => R, limit = REMEMBERED_TEXTS): (text: string) => R {
  const seen = new Map<string, R>();
  return (text) => {
    let result = seen.get(text);
    if (result === undefined) {
      if (seen.size >= limit) seen.clear();
      result = parse(text);
      seen.set(text, result);
    }
    return result;
  };
}

/** `compute`, called at most once: on first use, then its result remembered. */
export function once<T>(compute: () => T): () => T {
  let value: { readonly of: T } | undefined;
  return () => {
    value ??= { of: compute() };
    return value.of;
  };
}
