// One function per command: the index in, lines of text or a JSON value out.
// The JSON shapes here are the CLI's stable contract (README "Command line").
import type { CitationProblem } from './citations';
import type { NoteIndex } from '../core/index/noteIndex';
import type { FileProblem } from '../core/host';
import type { Backlink, ResolvedLink, TagNode } from '../core/index/types';
import { shownBacklinks } from '../core/views/backlinkRows';
import { buildGraphData, type GraphOptions } from '../core/graph/graphData';
import { QueryError } from '../core/graph/query';

export interface Output {
  /** Lines for stdout (text mode) or one JSON value. */
  readonly text?: string[];
  readonly json?: unknown;
  readonly exitCode: number;
}

export function indexCommand(index: NoteIndex, problems: readonly FileProblem[], millis: number, json: boolean): Output {
  const s = index.stats();
  if (json) {
    return { json: { ...s, problems: problems.map(p => ({ path: p.path, reason: p.reason, message: p.message })), millis: round(millis) }, exitCode: 0 };
  }
  const n = (x: number) => x.toLocaleString('en-US');
  return {
    text: [
      `notes         ${n(s.notes)}`,
      `attachments   ${n(s.attachments)}`,
      `links         ${n(s.links)} (${n(s.resolved)} resolved, ${n(s.ambiguous)} of them ambiguous; ${n(s.unresolved)} unresolved)`,
      `tags          ${n(s.tags)}`,
      `placeholders  ${n(s.placeholders)}`,
      `unreadable    ${n(problems.length)}`,
      `indexed in ${round(millis)} ms`,
    ],
    exitCode: 0,
  };
}

interface CheckProblem {
  path: string;
  line: number;
  column: number;
  kind: 'broken' | 'missing-heading' | 'missing-block' | 'ambiguous' | 'invalid-frontmatter' | FileProblem['reason'];
  target?: string;
  heading?: string;
  block?: string;
  candidates?: string[];
  suggestions?: string[];
  message: string;
}

/** `; did you mean "A" or "B"?`, or nothing. */
function didYouMean(suggestions: readonly string[], prefix: string): string {
  if (suggestions.length === 0) return '';
  return `; did you mean ${suggestions.map(s => `"${prefix}${s}"`).join(' or ')}?`;
}

/** Broken and ambiguous links, frontmatter YAML could not be read, files that could not be read; path order, then position. */
export function checkCommand(index: NoteIndex, problems: readonly FileProblem[], json: boolean, citations: readonly CitationProblem[] = []): Output {
  const found: (CheckProblem | CitationProblem)[] = [...citations];
  for (const r of index.brokenLinks()) {
    const text = linkText(index, r);
    if (r.kind === 'missing-heading' || r.kind === 'missing-block') {
      const heading = r.kind === 'missing-heading';
      const name = heading ? r.link.heading! : r.link.block!;
      const where = r.resolution.kind === 'self' ? 'this note' : `"${r.resolution.kind === 'note' ? r.resolution.path : ''}"`;
      const message = `${heading ? 'missing heading' : 'missing block'} ${text}: ${where} has no ${heading ? 'heading' : 'block'} "${heading ? name : '^' + name}"${didYouMean(r.suggestions, heading ? '' : '^')}`;
      found.push({ ...at(r, r.kind, message), ...(heading ? { heading: name } : { block: name }), suggestions: [...r.suggestions] });
      continue;
    }
    const attachment = r.kind === 'missing-attachment';
    found.push(at(r, 'broken', `${attachment ? 'missing attachment' : 'broken link'} ${text}: no ${attachment ? 'file' : 'note'} named "${r.link.target}"`));
  }
  for (const p of index.frontmatterProblems()) {
    found.push({ path: p.path, line: p.line + 1, column: 1, kind: 'invalid-frontmatter', message: `frontmatter is not valid YAML (${p.message}); its title, aliases, tags and property links are not read` });
  }
  for (const r of index.ambiguousLinks()) {
    const res = r.resolution;
    const candidates = res.kind === 'note' || res.kind === 'attachment' ? [...(res.ambiguous ?? [])] : [];
    found.push({
      ...at(r, 'ambiguous', `ambiguous link ${linkText(index, r)}: ${candidates.length} files match (${candidates.join(', ')}); it opens ${candidates[0]}`),
      candidates,
    });
  }
  for (const p of problems) found.push({ path: p.path, line: 1, column: 1, kind: p.reason, message: p.message });
  found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  const exitCode = found.length ? 1 : 0;
  if (json) return { json: { problems: found }, exitCode };
  return { text: found.map(p => `${p.path}:${p.line}:${p.column}: ${p.message}`), exitCode };
}

/** NOTE as a vault path (`papers/x.md`) or a link target (`x`, `Bitter Lesson`) resolved from the root; a message when neither. */
export function findNote(index: NoteIndex, note: string): { note: string } | { placeholder: string } | string {
  const path = note.replace(/\\/g, '/').replace(/^\.\//, '');
  if (index.has(path)) return { note: path };
  const r = index.resolve(path, '');
  if (r.kind === 'note' || r.kind === 'attachment') return { note: r.path };
  if (r.kind === 'placeholder' && index.placeholders().some(p => p.name === r.name)) return { placeholder: r.name };
  return `no note and no link target "${note}" in this folder`;
}

export function backlinksCommand(index: NoteIndex, note: string, json: boolean): Output | string {
  const subject = findNote(index, note);
  if (typeof subject === 'string') return subject;
  const links = shownBacklinks(index, 'note' in subject ? subject.note : { placeholder: subject.placeholder });
  if (json) {
    return {
      json: {
        ...('note' in subject ? { note: subject.note } : { placeholder: subject.placeholder }),
        backlinks: links.map(b => ({ source: b.source, line: b.link.range.start.line + 1, column: b.link.range.start.character + 1, target: b.link.target, context: b.context })),
      },
      exitCode: 0,
    };
  }
  return { text: links.flatMap((b: Backlink) => [`${b.source}:${b.link.range.start.line + 1}:${b.link.range.start.character + 1}`, ...b.context.split('\n').map(l => `    ${l}`)]), exitCode: 0 };
}

export function tagsCommand(index: NoteIndex, json: boolean): Output {
  const rows: { name: string; count: number; noteCount: number; notes: string[]; depth: number }[] = [];
  const walk = (nodes: readonly TagNode[], depth: number) => {
    for (const t of nodes) {
      const exact = index.notesWithTag(t.name, { nested: false }).map(o => o.path);
      rows.push({ name: t.name, count: t.count, noteCount: t.noteCount, notes: [...new Set(exact)].sort(), depth });
      walk(t.children, depth + 1);
    }
  };
  walk(index.tagTree(), 0);
  if (json) return { json: { tags: rows.map(({ depth: _depth, ...r }) => r) }, exitCode: 0 };
  return {
    text: rows.map(r => `${'  '.repeat(r.depth)}#${r.name} (${r.noteCount} ${r.noteCount === 1 ? 'note' : 'notes'})${r.notes.length ? ': ' + r.notes.join(', ') : ''}`),
    exitCode: 0,
  };
}

/** The graph as the Show Graph panel draws it with the same options (src/core/graph/graphData.ts). */
export function graphCommand(index: NoteIndex, options: GraphOptions): Output | string {
  try {
    return { json: buildGraphData(index, options), exitCode: 0 };
  } catch (e) {
    if (e instanceof QueryError) return `--filter: ${e.message}`;
    throw e;
  }
}

function at(r: ResolvedLink, kind: CheckProblem['kind'], message: string): CheckProblem {
  return { path: r.source, line: r.link.range.start.line + 1, column: r.link.range.start.character + 1, kind, target: r.link.target, message };
}

function linkText(index: NoteIndex, r: ResolvedLink): string {
  const text = index.textOf(r.source);
  return text === undefined ? r.link.target : text.slice(r.link.range.startOffset, r.link.range.endOffset);
}

const round = (ms: number) => Math.round(ms * 10) / 10;
