// Unlinked mentions: a note's title or aliases written as plain words in other notes,
// where a link could be — not inside a link, tag, code, math or frontmatter.
import type { NoteSyntax, Range } from '../syntax/types';
import { contextText } from './context';
import { comparePaths } from './paths';
import type { NoteInfo, UnlinkedMention } from './types';

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
function excludedSpans(syntax: NoteSyntax): Excluded[] {
  const spans: Excluded[] = [];
  if (syntax.frontmatter) spans.push(syntax.frontmatter.range);
  for (const l of syntax.links) spans.push(l.range);
  for (const t of syntax.tags) spans.push(t.range);
  for (const m of syntax.math) spans.push(m.range);
  for (const c of syntax.code ?? []) spans.push(c);
  return spans.sort((a, b) => a.startOffset - b.startOffset);
}

function overlapsAny(spans: readonly Excluded[], from: number, start: number, end: number): boolean {
  for (let i = from; i < spans.length && spans[i].startOffset < end; i++) if (start < spans[i].endOffset) return true;
  return false;
}

export function findMentions(
  terms: readonly string[],
  notes: Iterable<{ readonly info: NoteInfo; readonly text: string }>,
): UnlinkedMention[] {
  const pattern = mentionPattern(terms);
  if (!pattern) return [];
  const out: UnlinkedMention[] = [];
  for (const { info, text } of notes) {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue; // most notes never mention it: skip the span bookkeeping
    const excluded = excludedSpans(info.syntax);
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
      out.push({ source: info.path, text: m[0], range, context: context.text });
    }
  }
  return out.sort((a, b) => comparePaths(a.source, b.source) || a.range.startOffset - b.range.startOffset);
}
