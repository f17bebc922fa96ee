// Hover on a link: the note's title and folder, its opening paragraphs (or the section or block
// the link names) and how many notes link to it; a note not written yet offers Create note; an
// ambiguous link lists every candidate, each a command that points the link at it. On a tag: how
// many notes carry it, and the first few. Text from notes is never trusted: only the parts this
// file writes (escaped) may run our two commands.
import * as vscode from 'vscode';
import { noteExcerpt } from '../../core/editor/excerpt';
import { folderOf } from '../../core/index/paths';
import type { NoteQueries } from '../../core/index/types';
import { scanNote } from '../../core/syntax/scanNote';
import type { LinkItem, NoteSyntax } from '../../core/syntax/types';
import { createNoteCommand } from '../edits/createNote';
import { renderEngine } from '../preview/renderEngine';
import { rewriteLinkCommand, rewriteLinkUri } from '../edits/rewriteLink';
import type { Located, Vaults } from '../vaults/vaults';

const tagNotesShown = 5;

export function registerHover(vaults: Vaults): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, {
    provideHover(doc, position) {
      const at = vaults.locate(doc.uri);
      if (!at) return undefined;
      const syntax = scanNote(doc.getText());
      const offset = doc.offsetAt(position);
      const link = syntax.links.find(l => l.range.startOffset <= offset && offset < l.range.endOffset);
      if (link) return /^[a-z][a-z0-9+.-]*:/i.test(link.target) ? undefined : linkHover(doc, at, syntax, link);
      const tag = syntax.tags.find(t => t.range.startOffset <= offset && offset < t.range.endOffset);
      return tag && tagHover(at, tag.name, rangeOf(doc, tag.range));
    },
  });
}

/**
 * The excerpt through the preview's pipeline (src/core/render/hover.ts): math drawn with what a
 * hover keeps of HTML (Unicode, <i>, <sup>, <sub>), raw HTML sanitized. Never trusted.
 */
function renderExcerpt(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(renderEngine().renderHoverHtml(markdown));
  md.supportHtml = true;
  return md;
}

function linkHover(doc: vscode.TextDocument, at: Located, syntax: NoteSyntax, link: LinkItem): vscode.Hover {
  const index = at.vault.index;
  const range = rangeOf(doc, link.range);
  const r = index.resolve(link.target, at.path);
  const options = { heading: link.heading, block: link.block };
  if (r.kind === 'self') return new vscode.Hover([text(`**${esc(link.heading ?? 'this note')}** · this note`), renderExcerpt(noteExcerpt(doc.getText(), syntax, options))], range);
  if (r.kind === 'placeholder') {
    const count = linkingNotes(index, { placeholder: r.name });
    const head = text(`**${esc(link.target)}** · not written yet — ${notesLinkHere(count)}`);
    if (r.attachment) return new vscode.Hover([head], range);
    const args = encodeURIComponent(JSON.stringify([link.target, doc.uri.toString()]));
    return new vscode.Hover([head, trusted(`[$(new-file) Create note](command:${createNoteCommand}?${args} "Create ${esc(link.target)} and open it")`)], range);
  }
  const parts: vscode.MarkdownString[] = [];
  if (r.ambiguous && r.ambiguous.length > 1) parts.push(candidates(doc, index, link, r.ambiguous));
  const folder = folderOf(r.path);
  const where = folder ? ` · ${esc(folder)}` : '';
  if (r.kind === 'attachment') {
    parts.push(text(`**${esc(r.path.slice(r.path.lastIndexOf('/') + 1))}**${where} · attachment — ${notesLinkHere(linkingNotes(index, r.path))}`));
    return new vscode.Hover(parts, range);
  }
  const note = index.note(r.path);
  const title = note?.title ?? r.path;
  const section = link.heading ? ` › ${esc(link.heading)}` : link.block ? ` › ^${esc(link.block)}` : '';
  parts.push(text(`**${esc(title)}**${section}${where}`));
  const excerpt = note ? noteExcerpt(index.textOf(r.path) ?? '', note.syntax, options) : '';
  if (excerpt) parts.push(renderExcerpt(excerpt));
  parts.push(text(`*${notesLinkHere(linkingNotes(index, r.path))}*`));
  return new vscode.Hover(parts, range);
}

/** Every note an ambiguous link may mean, each a command that rewrites the link to a target naming only it. */
function candidates(doc: vscode.TextDocument, index: NoteQueries, link: LinkItem, paths: readonly string[]): vscode.MarkdownString {
  const targets = new Map(index.completionCandidates('').filter(c => !c.placeholder && paths.includes(c.path)).map(c => [c.path, c.insertText]));
  const written = doc.getText().slice(link.targetRange.startOffset, link.targetRange.endOffset);
  const lines = paths.map((path, i) => {
    const to = targets.get(path) ?? '/' + path.replace(/\.md$/i, '');
    const uri = rewriteLinkUri(doc, link.targetRange.startOffset, link.targetRange.endOffset, written, to);
    const title = index.note(path)?.title;
    return `- [${esc(path)}](${uri.toString()} "Point the link at ${esc(path)}")${title ? ` — ${esc(title)}` : ''}${i === 0 ? ' *(opens now)*' : ''}`;
  });
  return trusted(`**\\[\\[${esc(written)}\\]\\]** may mean ${paths.length} notes; choose one to point the link at it:\n\n${lines.join('\n')}`);
}

function tagHover(at: Located, name: string, range: vscode.Range): vscode.Hover {
  const occurrences = at.vault.index.notesWithTag(name);
  const paths = [...new Set(occurrences.map(o => o.path))];
  const head = text(`**#${esc(name)}** · ${paths.length === 1 ? '1 note carries it' : `${paths.length} notes carry it`}`);
  const shown = paths.slice(0, tagNotesShown).map(p => {
    const title = at.vault.index.note(p)?.title ?? p;
    return `- [${esc(title)}](${at.vault.host.uriOf(p).toString()}) · ${esc(p)}`;
  });
  if (paths.length > tagNotesShown) shown.push(`- … and ${paths.length - tagNotesShown} more`);
  return new vscode.Hover(shown.length ? [head, text(shown.join('\n'))] : [head], range);
}

/** Notes (not links) that link to a note or placeholder. */
function linkingNotes(index: NoteQueries, target: string | { placeholder: string }): number {
  return new Set(index.backlinks(target).map(b => b.source)).size;
}

function notesLinkHere(count: number): string {
  return count === 0 ? 'no note links here' : count === 1 ? '1 note links here' : `${count} notes link here`;
}

function rangeOf(doc: vscode.TextDocument, r: { startOffset: number; endOffset: number }): vscode.Range {
  return new vscode.Range(doc.positionAt(r.startOffset), doc.positionAt(r.endOffset));
}

/** Markdown this file wrote itself, with every piece of note text passed through `esc`. */
function text(markdown: string): vscode.MarkdownString {
  return new vscode.MarkdownString(markdown);
}

function trusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, true);
  md.isTrusted = { enabledCommands: [createNoteCommand, rewriteLinkCommand] };
  return md;
}

/** Note text made inert in markdown: every character that could start markup is escaped. */
function esc(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~$"&]/g, '\\$&').replace(/\r?\n/g, ' ');
}
