// The part of a link after `#`: does the note it points to have that heading or block, and if
// not, which of its headings (or blocks) come closest. Pure functions over a note's syntax.
import { distance } from 'fastest-levenshtein';
import type { PackedBlockId, PackedHeading } from '../syntax/packed';

/** What the checks read of a heading: the index's packed form and the scanner's plain one both have it. */
type NamedHeading = Pick<PackedHeading, 'level' | 'text' | 'slug'>;

/**
 * A heading as links name it, forgivingly: case ignored, and the characters Obsidian leaves out
 * of a heading link (`# | ^ : [ ] %`) or that are markup (`* _ \` = ~`), dashes and runs of
 * spaces all one space. `[[n#Q: why?]]`, `[[n#q why?]]` and a link to the slug `q-why` agree.
 */
export function headingKey(text: string): string {
  return text.toLowerCase().replace(/[\s#|^:[\]%*_`=~\\-]+/g, ' ').trim();
}

/** Headings that `wanted` names: the text (or GitHub slug) of one heading. */
function headingsNamed(headings: readonly NamedHeading[], wanted: string): number[] {
  const key = headingKey(wanted);
  const lower = wanted.trim().toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < headings.length; i++) if (headings[i].slug === lower || headingKey(headings[i].text) === key) out.push(i);
  return out;
}

/**
 * Whether the note has the heading `[[note#heading]]` names. Obsidian's nested form
 * `Part#Section` names a `Section` that has a `Part` above it (an ancestor: any heading of a
 * lower level before it, nearer ones first); the parts before the last need not be direct parents.
 */
export function hasHeading(headings: readonly NamedHeading[], heading: string): boolean {
  if (headingsNamed(headings, heading).length > 0) return true;
  const parts = heading.split('#').map(p => p.trim()).filter(p => p !== '');
  if (parts.length < 2) return false;
  for (const i of headingsNamed(headings, parts[parts.length - 1])) {
    let want = parts.length - 2;
    let level = headings[i].level;
    for (let j = i - 1; j >= 0 && want >= 0; j--) {
      if (headings[j].level >= level) continue;
      level = headings[j].level;
      if (headingsNamed([headings[j]], parts[want]).length > 0) want--;
    }
    if (want < 0) return true;
  }
  return false;
}

/** Block ids compare case-insensitively (Obsidian writes them lowercase; people do not always). */
export function hasBlock(blockIds: readonly Pick<PackedBlockId, 'id'>[], id: string): boolean {
  const wanted = id.toLowerCase();
  return blockIds.some(b => b.id.toLowerCase() === wanted);
}

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

/** For nested links, the last part is what has to exist: suggest against it. */
export function lastHeadingPart(heading: string): string {
  const parts = heading.split('#').map(p => p.trim()).filter(p => p !== '');
  return parts.length > 0 ? parts[parts.length - 1] : heading;
}
