// Names for the cloud objects a fix creates: readable, derived from what they serve, distinct from names in use.

/** `base`, or `base-2`, `base-3`, ... : the first not in `taken`. */
export function freshName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
