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
 * letters in order from the start of a word (VS Code filters fuzzily too). Among equal matches,
 * the notes used recently (`recencyOf`, when given: above 0, the more recent the higher, as VS
 * Code's own suggestions and Obsidian's quick switcher put them first), then the notes more links point at (`weightOf`, when given: the notes people link, as in `[[int`
 * offering *Internal links* before *Interpreter*), then the shorter target, then A–Z.
 *
 * `inOrder`: the candidates are already in `byShorterTarget` order, placeholders among themselves
 * (as `NoteQueries.completionCandidates` hands them out, and any filter of that list): no bucket
 * is then sorted or checked. Checking the 9,000 matches of `[[a` in a 10,000-note vault for an
 * order they had was a third of the keystroke.
 */
export function rankCandidates(candidates: readonly CompletionCandidate[], typed: string, limit: number, inOrder = false,
  weightOf?: (c: CompletionCandidate) => number, recencyOf?: (c: CompletionCandidate) => number): RankedCandidates {
  const wanted = typed.toLowerCase();
  // One pass into buckets (placeholder or not x rank), then only the buckets that reach the
  // list are sorted: a keystroke in a vault of 10,000 notes sorts a few hundred, not all.
  const buckets: CompletionCandidate[][] = Array.from({ length: 2 * noMatch }, () => []);
  let matched = 0;
  const typedLetters = lettersOf(wanted);
  for (const c of candidates) {
    const rank = rankOf(c, wanted, typedLetters);
    if (rank === noMatch) continue;
    buckets[(c.placeholder ? noMatch : 0) + rank]!.push(c);
    matched++;
  }
  const items: CompletionCandidate[] = [];
  for (const bucket of buckets) {
    if (items.length >= limit) break;
    // A bucket keeps the order of the candidates: sorted already when they were.
    if (!inOrder) bucket.sort(byShorterTarget);
    const rest = recencyOf ? takeRecent(bucket, recencyOf, items, limit) : bucket;
    const best = weightOf ? heaviest(rest, limit - items.length, weightOf) : rest;
    for (let i = 0; i < best.length && items.length < limit; i++) items.push(best[i]!);
  }
  return { items, incomplete: matched > limit };
}

/** Moves the recently used of `bucket` into `items` (up to `limit`), most recent first; returns the others in order. */
function takeRecent(bucket: readonly CompletionCandidate[], recencyOf: (c: CompletionCandidate) => number,
  items: CompletionCandidate[], limit: number): readonly CompletionCandidate[] {
  let recent: { c: CompletionCandidate; at: number }[] | undefined;
  for (const c of bucket) {
    const at = recencyOf(c);
    if (at > 0) (recent ??= []).push({ c, at });
  }
  if (!recent) return bucket; // no recent note matched this well: no copy
  recent.sort((a, b) => b.at - a.at);
  for (const { c } of recent) if (items.length < limit) items.push(c);
  const taken = new Set(recent.map(r => r.c));
  return bucket.filter(c => !taken.has(c));
}

/**
 * The `count` heaviest of `bucket`, heaviest first, equal weights in the bucket's order. Weights
 * are link counts, small integers: one pass finds the weight the last one kept has (a histogram),
 * a second keeps those above it and the first of those at it; only the kept are sorted.
 */
function heaviest(bucket: readonly CompletionCandidate[], count: number, weightOf: (c: CompletionCandidate) => number): CompletionCandidate[] {
  if (count <= 0) return [];
  const weights = new Int32Array(bucket.length);
  const histogram = new Int32Array(HISTOGRAM);
  for (let i = 0; i < bucket.length; i++) {
    const w = Math.max(0, Math.min(HISTOGRAM - 1, weightOf(bucket[i]!) | 0));
    weights[i] = w;
    histogram[w]++;
  }
  // The weight of the count-th heaviest: all above it are kept, of it only the first few.
  let threshold = HISTOGRAM - 1;
  let above = 0;
  while (threshold > 0 && above + histogram[threshold] < count) above += histogram[threshold--];
  let atThreshold = count - above;
  const kept: number[] = [];
  for (let i = 0; i < bucket.length; i++) {
    const w = weights[i];
    if (w > threshold) kept.push(i);
    else if (w === threshold && atThreshold > 0) {
      kept.push(i);
      atThreshold--;
    }
  }
  // Stable: equal weights stay in the bucket's order.
  kept.sort((a, b) => weights[b] - weights[a] || a - b);
  return kept.map(i => bucket[i]!);
}

/** Link counts at or above this rank alike (a note linked 4,000 times or 5,000 is as "linked"). */
const HISTOGRAM = 4096;

/** The order among equally good matches: the shorter target, then A–Z. */
export function byShorterTarget(a: CompletionCandidate, b: CompletionCandidate): number {
  return a.insertText.length - b.insertText.length || (a.insertText < b.insertText ? -1 : a.insertText > b.insertText ? 1 : 0);
}

/** Everything a candidate can be found by: its target, title and aliases. */
export function filterTextOf(c: CompletionCandidate): string {
  return [c.insertText, c.title, ...c.aliases].join(' ');
}

interface MatchKeys {
  readonly target: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly all: string;
  /** Bit i: letter `a` + i occurs in `all`. A typed letter missing here rules out "contains" and "in order" at once. */
  readonly letters: number;
}

// The index hands out the same candidate objects until a note changes: lowercase each once.
const keysOf = new WeakMap<CompletionCandidate, MatchKeys>();

function matchKeys(c: CompletionCandidate): MatchKeys {
  let keys = keysOf.get(c);
  if (!keys) {
    const target = c.insertText.toLowerCase();
    const all = filterTextOf(c).toLowerCase();
    keys = { target, name: target.slice(target.lastIndexOf('/') + 1), names: [c.title, ...c.aliases].map(n => n.toLowerCase()),
      all, letters: lettersOf(all) };
    keysOf.set(c, keys);
  }
  return keys;
}

const noMatch = 4;

/** The ASCII letters of `text` as bits (a = 1, b = 2, ...). */
export function lettersOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) - 0x61;
    if (code >= 0 && code < 26) bits |= 1 << code;
  }
  return bits;
}

/**
 * The checks go from the cheapest that can rule a candidate out: `all` holds the target, its file
 * name, the title and the aliases, so a candidate whose `all` lacks a typed letter, or does not
 * contain what is typed, starts with it nowhere (only "letters in order" is left to ask).
 */
function rankOf(c: CompletionCandidate, typed: string, typedLetters = lettersOf(typed)): number {
  if (typed === '') return 0;
  const keys = matchKeys(c);
  if ((keys.letters & typedLetters) !== typedLetters) return noMatch;
  const all = keys.all;
  if (!all.includes(typed)) return hasInOrder(all, typed) ? 3 : noMatch;
  if (keys.target.startsWith(typed) || keys.name.startsWith(typed)) return 0;
  const names = keys.names;
  for (let i = 0; i < names.length; i++) if (names[i]!.startsWith(typed)) return 1;
  return 2;
}

/** The letters in order, the first at the start of a word (as VS Code's own filter wants). */
export function hasInOrder(text: string, letters: string): boolean {
  let at = -1;
  do at = text.indexOf(letters[0]!, at + 1);
  while (at > 0 && isWordChar(text.charCodeAt(at - 1)));
  if (at < 0) return false;
  for (let i = 1; i < letters.length; i++) {
    at = text.indexOf(letters[i]!, at + 1);
    if (at < 0) return false;
  }
  return true;
}

function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code > 0x7f;
}

/** Why a candidate was offered when not for its target: the title or alias that matched what is typed. */
export type NameMatch = { readonly kind: 'title' | 'alias'; readonly text: string };

/**
 * The title or alias that made `c` match `typed`, when its target (or file name) alone does not
 * start with it; the same order as rankCandidates (starts with, contains, letters in order).
 */
export function matchedName(c: CompletionCandidate, typed: string): NameMatch | undefined {
  const wanted = typed.toLowerCase();
  if (wanted === '' || c.placeholder) return undefined;
  const { target, name } = matchKeys(c);
  if (target.startsWith(wanted) || name.startsWith(wanted)) return undefined;
  const names: NameMatch[] = [{ kind: 'title', text: c.title }, ...c.aliases.map(text => ({ kind: 'alias' as const, text }))];
  const lower = (n: NameMatch) => n.text.toLowerCase();
  // The title is shown anyway when it starts with what is typed; an alias only when nothing else explains the match.
  return names.find(n => lower(n).startsWith(wanted))
    ?? (target.includes(wanted) ? undefined : names.find(n => lower(n).includes(wanted)))
    ?? (hasInOrder(target, wanted) ? undefined : names.find(n => hasInOrder(lower(n), wanted)));
}
