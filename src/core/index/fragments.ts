// When a link's heading or block is missing (syntax/fragment.ts decides that): which of the
// note's headings (or blocks) come closest.
import { distance } from 'fastest-levenshtein';
import { headingKey } from '../syntax/fragment';

const MAX_SUGGESTIONS = 3;

/**
 * The existing names closest to `wanted`, closest first (at most three): those within an edit
 * distance of half the longer name, or that contain it or are contained in it. Nothing when no
 * name comes near: a "did you mean" that names something unrelated only misleads.
 */
export function closestNames(wanted: string, names: readonly string[]): string[] {
  const key = headingKey(wanted);
  const scored: { name: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const k = headingKey(name);
    if (seen.has(k) || k === '') continue;
    seen.add(k);
    const d = distance(key, k);
    const near = d <= Math.max(key.length, k.length) / 2 || (Math.min(key.length, k.length) >= 3 && (k.includes(key) || key.includes(k)));
    if (near) scored.push({ name, score: d });
  }
  scored.sort((a, b) => a.score - b.score);
  return scored.slice(0, MAX_SUGGESTIONS).map(s => s.name);
}
