// "Did you mean": rank known names by edit distance to what was typed.
import { distance } from 'fastest-levenshtein';
import { noMeter, type WorkMeter } from '../bounds/meter.js';

/** Characters of each name that the edit distance looks at: a 10,000-character name costs no more than a short one. */
export const COMPARED_LENGTH = 64;

/** Known names ordered closest first (case-insensitive), at most `limit` of them. */
export function closestNames(typed: string, known: readonly string[], limit = 5, meter: WorkMeter = noMeter): string[] {
  const needle = typed.toLowerCase().slice(0, COMPARED_LENGTH);
  return [...new Set(known)]
    .map((name) => {
      meter.tick();
      const hay = name.toLowerCase().slice(0, COMPARED_LENGTH);
      // A prefix or substring match beats any edit distance: "red" should suggest "redis-main".
      const bonus = hay.startsWith(needle) ? -100 : hay.includes(needle) ? -50 : 0;
      // Names are typed from their start: "redis1" means "redis-main" (distance 5) more likely than "db1" (4).
      return { name, score: distance(needle, hay) - sharedPrefix(needle, hay) / 2 + bonus };
    })
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** How many characters `a` and `b` share from their start. */
function sharedPrefix(a: string, b: string): number {
  let shared = 0;
  while (shared < a.length && a.charCodeAt(shared) === b.charCodeAt(shared)) shared += 1;
  return shared;
}

/**
 * The closest five of the known names, closest first, and whether there are more: the data of a "(known: ...)"
 * hint, which the caller words in the reader's language (`KnownNames`, src/i18n/messages/topology-issues.ts).
 */
export function knownNames(
  typed: string,
  known: readonly string[],
  meter: WorkMeter = noMeter,
): { ranked: string[]; more: boolean } {
  const ranked = known.length === 0 ? [] : closestNames(typed, known, 5, meter);
  return { ranked, more: known.length > ranked.length };
}

/** Name comparisons one validation may spend on ranked hints; past it, hints list names unranked. */
export const HINT_COMPARISONS = 200_000;

/**
 * The closest known names for each unknown one in a whole document (the data of a hint): each distinct
 * (name, list) pair is ranked once, and ranking stops once `budget` comparisons are spent, so 5,000 unknown
 * references against 5,000 names stay linear; past the budget the first names are listed unranked.
 */
export function boundedHints(budget = HINT_COMPARISONS, meter: WorkMeter = noMeter) {
  let left = budget;
  const memo = new WeakMap<readonly string[], Map<string, { names: string[]; more: boolean }>>();
  return (typed: string, known: readonly string[]): { names: string[]; more: boolean } => {
    let byName = memo.get(known);
    if (!byName) {
      byName = new Map();
      memo.set(known, byName);
    }
    const cached = byName.get(typed);
    if (cached !== undefined) return cached;
    let hint: { names: string[]; more: boolean };
    if (known.length <= left) {
      left -= known.length;
      const { ranked, more } = knownNames(typed, known, meter);
      hint = { names: ranked, more };
    } else {
      meter.tick();
      hint = { names: known.slice(0, 5), more: known.length > 5 };
    }
    byName.set(typed, hint);
    return hint;
  };
}
