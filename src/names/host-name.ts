// Host names as DNS writes them: case-insensitive labels, an optional trailing dot for "fully
// qualified". One canonical text (lowercase, no trailing dot) so that records, service domain names
// and what people type compare equal.

const LABEL = /^(?:\*|[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/;

/** A host name in canonical form, or null when it is not one (labels of letters, digits, "-" and "_"). */
export function canonicalHostName(text: string): string | null {
  const lower = text.trim().toLowerCase().replace(/\.$/, '');
  if (lower === '' || lower.length > 253) return null;
  const labels = lower.split('.');
  // "*" only as the first label (a wildcard record), never alone.
  if (labels.some((label, i) => !LABEL.test(label) || (label === '*' && (i > 0 || labels.length === 1)))) return null;
  // An all-numeric last label is an address, not a name (RFC 3696 §2: top-level labels are not all-numeric).
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return lower;
}

/** Whether `name` is `zone` or a name inside it (on a label boundary). */
export function isInZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

/**
 * A record name written in a zone, fully qualified: "@" is the zone itself, a name ending in a dot or in
 * the zone's name is already qualified, anything else is relative to the zone. Null when it is not a
 * host name or lies outside the zone.
 */
export function qualifyRecordName(name: string, zone: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '@' || trimmed === '') return zone;
  const absolute = trimmed.endsWith('.');
  const canonical = canonicalHostName(trimmed);
  if (canonical === null) return null;
  if (absolute || isInZone(canonical, zone)) return isInZone(canonical, zone) ? canonical : null;
  return canonicalHostName(`${canonical}.${zone}`);
}
