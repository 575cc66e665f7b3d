// "Did you mean": rank known names by edit distance to what was typed.
import { distance } from 'fastest-levenshtein';

/** Known names ordered closest first (case-insensitive), at most `limit` of them. */
export function closestNames(typed: string, known: readonly string[], limit = 5): string[] {
  const needle = typed.toLowerCase();
  return [...new Set(known)]
    .map((name) => {
      const hay = name.toLowerCase();
      // A prefix or substring match beats any edit distance: "red" should suggest "redis-main".
      const bonus = hay.startsWith(needle) ? -100 : hay.includes(needle) ? -50 : 0;
      return { name, score: distance(needle, hay) + bonus };
    })
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** " (known: a, b, c)" for error messages, closest first. */
export function knownHint(typed: string, known: readonly string[]): string {
  if (known.length === 0) return ' (none are defined)';
  const ranked = closestNames(typed, known);
  return ` (known: ${ranked.join(', ')}${known.length > ranked.length ? ', ...' : ''})`;
}
