// Which completion candidates to offer for what the user typed after `[[`, best first.
// Host-free so every editor ranks alike, and so a vault of 10,000 notes can be cut to the
// best few before any host type is built.
import type { CompletionCandidate } from './types';

export interface RankedCandidates {
  readonly items: CompletionCandidate[];
  /** More matched than `limit`: the host should ask again as the user types. */
  readonly incomplete: boolean;
}

/**
 * Real notes before placeholders; then targets (or their file name) that start with what is
 * typed, titles or aliases that start with it, any of them containing it, and last the
 * letters in order (VS Code filters fuzzily too); ties go to the shorter target, then A–Z.
 */
export function rankCandidates(candidates: readonly CompletionCandidate[], typed: string, limit: number): RankedCandidates {
  const wanted = typed.toLowerCase();
  const ranked: { c: CompletionCandidate; rank: number }[] = [];
  for (const c of candidates) {
    const rank = rankOf(c, wanted);
    if (rank < noMatch) ranked.push({ c, rank });
  }
  ranked.sort((a, b) => Number(!!a.c.placeholder) - Number(!!b.c.placeholder) || a.rank - b.rank ||
    a.c.insertText.length - b.c.insertText.length || (a.c.insertText < b.c.insertText ? -1 : a.c.insertText > b.c.insertText ? 1 : 0));
  return { items: ranked.slice(0, limit).map(r => r.c), incomplete: ranked.length > limit };
}

/** Everything a candidate can be found by: its target, title and aliases. */
export function filterTextOf(c: CompletionCandidate): string {
  return [c.insertText, c.title, ...c.aliases].join(' ');
}

interface MatchKeys { readonly target: string; readonly name: string; readonly names: readonly string[]; readonly all: string }

// The index hands out the same candidate objects until a note changes: lowercase each once.
const keysOf = new WeakMap<CompletionCandidate, MatchKeys>();

function matchKeys(c: CompletionCandidate): MatchKeys {
  let keys = keysOf.get(c);
  if (!keys) {
    const target = c.insertText.toLowerCase();
    keys = { target, name: target.slice(target.lastIndexOf('/') + 1), names: [c.title, ...c.aliases].map(n => n.toLowerCase()),
      all: filterTextOf(c).toLowerCase() };
    keysOf.set(c, keys);
  }
  return keys;
}

const noMatch = 4;

function rankOf(c: CompletionCandidate, typed: string): number {
  if (typed === '') return 0;
  const { target, name, names, all } = matchKeys(c);
  if (target.startsWith(typed) || name.startsWith(typed)) return 0;
  if (names.some(n => n.startsWith(typed))) return 1;
  if (all.includes(typed)) return 2;
  return hasInOrder(all, typed) ? 3 : noMatch;
}

function hasInOrder(text: string, letters: string): boolean {
  let at = 0;
  for (const ch of letters) {
    at = text.indexOf(ch, at) + 1;
    if (at === 0) return false;
  }
  return true;
}
