// Hover on a link: the note's title and folder, its opening paragraphs (or the section or block
// the link names) and how many notes link to it; a note not written yet offers Create note; an
// ambiguous link lists every candidate, each a command that points the link at it. On a tag: how
// many notes carry it, and the first few. Text from notes is never trusted: only the parts this
// file writes (escaped) may run our two commands.
import * as vscode from 'vscode';
import { noteExcerpt } from '../../core/editor/excerpt';
import { folderPart, noteHoverHead, notesLinkHere, tagHoverParts } from '../../core/editor/hoverText';
import { escapeMarkdown } from '../../core/editor/inertText';
import { folderOf } from '../../core/index/paths';
import type { NoteQueries } from '../../core/index/types';
import { scanNote } from '../../core/syntax/scanNote';
import type { LinkItem, NoteSyntax } from '../../core/syntax/types';
import { shownBacklinks } from '../../core/views/backlinkRows';
import { createNoteCommand } from '../edits/createNote';
import { renderEngine } from '../preview/renderEngine';
import { rewriteLinkCommand, rewriteLinkUri } from '../edits/rewriteLink';
import type { Located, Vaults } from '../vaults/vaults';
import { hasUrlScheme } from '../../core/syntax/urlScheme';
import { itemAt } from '../../core/syntax/itemAt';

const tagNotesShown = 5;

export function registerHover(vaults: Vaults): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, {
    provideHover(doc, position, token) {
      const at = vaults.locate(doc.uri);
      if (!at) return undefined;
      const syntax = scanNote(doc.getText());
      // The mouse moved on while the note was read: the excerpt's render is not worth starting.
      if (token.isCancellationRequested) return undefined;
      const offset = doc.offsetAt(position);
      const link = itemAt(syntax.links, offset);
      if (link) return hasUrlScheme(link.target) ? undefined : linkHover(doc, at, syntax, link);
      const tag = itemAt(syntax.tags, offset);
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

async function linkHover(doc: vscode.TextDocument, at: Located, syntax: NoteSyntax, link: LinkItem): Promise<vscode.Hover> {
  const index = at.vault.index;
  const range = rangeOf(doc, link.range);
  const r = index.resolve(link.target, at.path);
  const options = { heading: link.heading, block: link.block };
  if (r.kind === 'self') return new vscode.Hover([text(`**${escapeMarkdown(link.heading ?? 'this note')}** · this note`), renderExcerpt(noteExcerpt(doc.getText(), syntax, options))], range);
  if (r.kind === 'placeholder') {
    const count = linkingNotes(index, { placeholder: r.name });
    const head = text(`**${escapeMarkdown(link.target)}** · not written yet — ${notesLinkHere(count)}`);
    if (r.attachment) return new vscode.Hover([head], range);
    const args = encodeURIComponent(JSON.stringify([link.target, doc.uri.toString()]));
    return new vscode.Hover([head, trusted(`[$(new-file) Create note](command:${createNoteCommand}?${args} "Create ${escapeMarkdown(link.target)} and open it")`)], range);
  }
  const parts: vscode.MarkdownString[] = [];
  if (r.ambiguous && r.ambiguous.length > 1) parts.push(candidates(doc, index, link, r.ambiguous));
  const folder = folderOf(r.path);
  const where = folderPart(folder);
  if (r.kind === 'attachment') {
    parts.push(text(`**${escapeMarkdown(r.path.slice(r.path.lastIndexOf('/') + 1))}**${where} · attachment — ${notesLinkHere(linkingNotes(index, r.path))}`));
    return new vscode.Hover(parts, range);
  }
  // Read (back, where the index keeps no texts) before the note's syntax is taken: a changed file is reindexed by the read.
  const noteText = await index.readText(r.path);
  const note = index.note(r.path);
  const title = note?.title ?? r.path;
  parts.push(text(noteHoverHead(title, link, folder)));
  const excerpt = note && noteText !== undefined ? noteExcerpt(noteText, note.syntax, options) : '';
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
    return `- [${escapeMarkdown(path)}](${uri.toString()} "Point the link at ${escapeMarkdown(path)}")${title ? ` — ${escapeMarkdown(title)}` : ''}${i === 0 ? ' *(opens now)*' : ''}`;
  });
  return trusted(`**\\[\\[${escapeMarkdown(written)}\\]\\]** may mean ${paths.length} notes; choose one to point the link at it:\n\n${lines.join('\n')}`);
}

function tagHover(at: Located, name: string, range: vscode.Range): vscode.Hover {
  const paths = [...new Set(at.vault.index.notesWithTag(name).map(o => o.path))];
  const shown = paths.slice(0, tagNotesShown).map(path => ({ path, title: at.vault.index.note(path)?.title ?? path, href: at.vault.host.uriOf(path).toString() }));
  return new vscode.Hover(tagHoverParts(name, paths.length, shown).map(text), range);
}

/** Notes (not links) that link to a note or placeholder. */
function linkingNotes(index: NoteQueries, target: string | { placeholder: string }): number {
  return new Set(shownBacklinks(index, target).map(b => b.source)).size;
}

function rangeOf(doc: vscode.TextDocument, r: { startOffset: number; endOffset: number }): vscode.Range {
  return new vscode.Range(doc.positionAt(r.startOffset), doc.positionAt(r.endOffset));
}

/** Markdown this file wrote itself, with every piece of note text passed through `escapeMarkdown`. */
function text(markdown: string): vscode.MarkdownString {
  return new vscode.MarkdownString(markdown);
}

function trusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, true);
  md.isTrusted = { enabledCommands: [createNoteCommand, rewriteLinkCommand] };
  return md;
}
