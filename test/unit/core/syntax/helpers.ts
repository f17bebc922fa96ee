// Shared by the scanner's tests: notes written one line per argument, and items shown in a
// form a test can compare at a glance.
import { scanNote } from '../../../../src/core/syntax/scanNote';
import type { LinkItem, NoteSyntax, Range, Span, TagItem } from '../../../../src/core/syntax/types';

/** A note written one line per argument, so a test reads like the note it checks. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

/** `line:character-line:character`, 0-based, as VS Code counts. */
export function at(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The text a range or span covers. */
export function textOf(text: string, span: Range | Span): string {
  return text.slice(span.startOffset, span.endOffset);
}

/** A link's parts without its ranges and context. */
export function partsOf(link: LinkItem): Pick<LinkItem, 'kind' | 'target' | 'heading' | 'block' | 'label'> {
  const { kind, target, heading, block, label } = link;
  return { kind, target, ...(heading === undefined ? {} : { heading }), ...(block === undefined ? {} : { block }), ...(label === undefined ? {} : { label }) };
}

export function links(text: string): ReturnType<typeof partsOf>[] {
  return scanNote(text).links.map(partsOf);
}

/** Targets of the links found, in order: the shortest way to say what was found. */
export function targets(text: string): string[] {
  return scanNote(text).links.map((l) => l.target);
}

/** Names of the inline tags found. */
export function tagNames(text: string): string[] {
  return scanNote(text).tags.filter((t: TagItem) => t.source === 'inline').map((t) => t.name);
}

export function scan(text: string): NoteSyntax {
  return scanNote(text);
}

/** `count` notes of 1 to `most` pieces each, picked by a seeded generator (mulberry32): the same notes on every run. */
export function* randomNotes(pieces: readonly string[], most: number, count: number, seed: number): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let n = 1 + Math.floor(next() * most); n > 0; n--) text += pieces[Math.floor(next() * pieces.length)];
    yield text;
  }
}
