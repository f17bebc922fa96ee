// Unlinked mentions: a note's title or aliases written as plain words in other notes,
// where a link could be — not inside a link, tag, code, math or frontmatter.
import { endOf, startOf, type PackedSyntax } from '../syntax/packed';
import type { Range } from '../syntax/types';
import { contextText } from './context';
import { comparePaths } from './paths';
import { linkCountOf, linkRangeOf, tagCountOf, tagRangeOf } from './restoredSyntax';
import type { UnlinkedMention } from './types';

interface Excluded {
  readonly startOffset: number;
  readonly endOffset: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whole words, case-insensitive; longer terms first so `Attention Is All You Need` wins over `Attention`. */
function mentionPattern(terms: readonly string[]): RegExp | undefined {
  const words = [...new Set(terms.map(t => t.trim()).filter(t => t !== ''))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

/** Where a mention does not count, in text order. */
function excludedSpans(syntax: PackedSyntax): Excluded[] {
  const r = syntax.ranges;
  const spans: Excluded[] = [];
  const add = (slot: number) => spans.push({ startOffset: startOf(r, slot), endOffset: endOf(r, slot) });
  if (syntax.frontmatter) spans.push(syntax.frontmatter.range);
  // Read without decoding a restored note's links and tags (restoredSyntax.ts).
  for (let i = 0, n = linkCountOf(syntax); i < n; i++) add(linkRangeOf(syntax, i));
  for (let i = 0, n = tagCountOf(syntax); i < n; i++) add(tagRangeOf(syntax, i));
  for (const m of syntax.math) add(m.range);
  for (let i = syntax.codeAt; i < r.length; i += 2) spans.push({ startOffset: r[i], endOffset: r[i + 1] });
  return spans.sort((a, b) => a.startOffset - b.startOffset);
}

function overlapsAny(spans: readonly Excluded[], from: number, start: number, end: number): boolean {
  for (let i = from; i < spans.length && spans[i].startOffset < end; i++) if (start < spans[i].endOffset) return true;
  return false;
}

export function findMentions(
  terms: readonly string[],
  notes: Iterable<{ readonly path: string; readonly packed: PackedSyntax; readonly text: string }>,
): UnlinkedMention[] {
  const pattern = mentionPattern(terms);
  if (!pattern) return [];
  const out: UnlinkedMention[] = [];
  for (const { path, packed, text } of notes) {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue; // most notes never mention it: skip the span bookkeeping
    const excluded = excludedSpans(packed);
    let next = 0; // the first excluded span that may still contain a match (matches come in order)
    let line = 0;
    let lineStart = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      while (next < excluded.length && excluded[next].endOffset <= start) next++;
      if (overlapsAny(excluded, next, start, end)) continue;
      for (let nl = text.indexOf('\n', lineStart); nl >= 0 && nl < start; nl = text.indexOf('\n', lineStart)) {
        line++;
        lineStart = nl + 1;
      }
      const lineEnd = text.indexOf('\n', start);
      const range: Range = {
        start: { line, character: start - lineStart },
        end: { line, character: end - lineStart },
        startOffset: start,
        endOffset: end,
      };
      const context = contextText(text, { startOffset: lineStart, endOffset: lineEnd < 0 ? text.length : lineEnd }, range);
      out.push({ source: path, text: m[0], range, context: context.text });
    }
  }
  return out.sort((a, b) => comparePaths(a.source, b.source) || a.range.startOffset - b.range.startOffset);
}
