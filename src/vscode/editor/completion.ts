// `[[` completes note names (the shortest target that still resolves uniquely; the title or
// alias that matched is shown, and an alias is kept as the label: `[[bert|BERT]]`), `![[` also
// attachments, `[[note#` that note's headings, `[[note#^` its block ids; in frontmatter property
// values too (`related: "[[`). Always leaves `[[target]]`: an auto-closed `]]` is replaced, never doubled.
import * as vscode from 'vscode';
import { attachmentTargets } from '../../core/editor/attachmentTargets';
import { frontmatterValueAt } from '../../core/editor/frontmatterValue';
import { filterTextOf, matchedName, rankCandidates } from '../../core/index/completionRank';
import { folderOf } from '../../core/index/paths';
import type { CompletionCandidate, NoteQueries } from '../../core/index/types';
import { plainText } from '../../core/syntax/plainText';
import { scanNote } from '../../core/syntax/scanNote';
import type { NoteSyntax } from '../../core/syntax/types';
import { isLinkPosition, typedLinkAt } from '../../core/editor/typedLink';
import type { Vaults } from '../vaults/vaults';
import { RecentNotes } from './recentNotes';

export function registerCompletion(vaults: Vaults): vscode.Disposable {
  const recent = new RecentNotes(vaults);
  return vscode.Disposable.from(recent, vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, {
    provideCompletionItems(doc, position, token) {
      const at = vaults.locate(doc.uri);
      if (!at || token.isCancellationRequested) return undefined;
      const text = doc.getText();
      const link = typedLinkAt(text, doc.offsetAt(position));
      if (!link || !(isLinkPosition(text, link) || inPropertyValue(text, link.open))) return undefined;
      const range = new vscode.Range(doc.positionAt(link.replaceStart), doc.positionAt(link.replaceEnd));
      const close = link.addsClosing ? ']]' : '';
      if (!link.subpath) {
        const own = placeholderBeingTyped(at.vault.index, at.path, link.open);
        // The note being written is no link target of its own (`[[#` offers its headings).
        const candidates = at.vault.index.completionCandidates(at.path)
          .filter(c => c.placeholder ? c.path !== own : c.path !== at.path);
        if (token.isCancellationRequested) return undefined; // the next keystroke asks again
        const list = noteItems(candidates, link.target, range, close, c => at.vault.index.linkCountTo(c.path), recent.recencyOf(at.vault));
        if (text[link.open - 1] === '!') {
          // Embedded files come after the notes written, before the notes still to write.
          const firstPlaceholder = list.items.findIndex(i => i.kind === vscode.CompletionItemKind.Reference);
          list.items.splice(firstPlaceholder < 0 ? list.items.length : firstPlaceholder, 0, ...attachmentItems(at.vault.index, link.target, range, close));
          list.items.forEach((it, i) => { it.sortText = sortKey(i); });
          list.isIncomplete = true; // the attachments were cut too: ask again as the user types
        }
        return list;
      }
      const syntax = syntaxOf(at.vault.index, link.target, at.path, text);
      if (!syntax) return undefined;
      return link.subpath.kind === 'heading'
        ? syntax.headings.map((h, i) => headingItem(h.text, range, close, i, `H${h.level}`))
        : syntax.blockIds.map((b, i) => item(b.id, vscode.CompletionItemKind.Reference, range, close, i, 'block'));
    },
  }, '[', '#', '^'));
}

/** In the value of a frontmatter property other than the note's own fields: Obsidian's link properties. */
function inPropertyValue(text: string, offset: number): boolean {
  const value = frontmatterValueAt(text, offset);
  return !!value && !['title', 'aliases', 'alias', 'tags', 'tag'].includes(value.key.toLowerCase());
}

/**
 * The unsaved text is indexed as it is typed, so `[[tra` is itself a link to a note "tra"
 * that does not exist: not worth offering while it is the only link to that name.
 */
function placeholderBeingTyped(index: NoteQueries, path: string, open: number): string | undefined {
  const typing = index.forwardLinks(path).find(r => r.link.range.startOffset === open);
  if (typing?.resolution.kind !== 'placeholder') return undefined;
  const name = typing.resolution.name;
  return index.backlinks({ placeholder: name }).length === 1 ? name : undefined;
}

// A vault of 10,000 notes has as many candidates: sending them all makes the list take
// seconds to show. The best few go, marked incomplete, so each keystroke asks again.
const maxItems = 200;

function noteItems(candidates: CompletionCandidate[], typed: string, range: vscode.Range, close: string,
  weightOf: (c: CompletionCandidate) => number, recencyOf: (c: CompletionCandidate) => number): vscode.CompletionList {
  // In the index's order (a filter of its list): no bucket needs sorting.
  const { items, incomplete } = rankCandidates(candidates, typed, maxItems, true, weightOf, recencyOf);
  // VS Code would re-sort by its own fuzzy score of filterText, and put a loose match or a
  // note not written yet above a real note. Starting every filterText with what is typed
  // makes all items score alike, so the engine's order (sortText) stands; the list is
  // incomplete so VS Code asks again, and ranks afresh, at every keystroke — unless every
  // match was sent and there is no order to keep (one item or none): typing on can then
  // only narrow it, which VS Code's own filter does without asking.
  return new vscode.CompletionList(items.map((c, i) => {
    const matched = matchedName(c, typed);
    const folder = folderOf(c.path) || undefined;
    const it = matched?.kind === 'alias'
      // An alias matched: show it, and keep it as the link's label, as Obsidian does.
      ? item(matched.text, vscode.CompletionItemKind.File, range, close, i, folder ? `${c.insertText} · ${folder}` : c.insertText)
      : item(c.insertText, c.placeholder ? vscode.CompletionItemKind.Reference : vscode.CompletionItemKind.File,
        range, close, i, c.placeholder ? 'not created yet' : folder);
    if (matched?.kind === 'alias') {
      it.insertText = `${c.insertText}|${safeText(matched.text)}${close}`;
      (it.label as vscode.CompletionItemLabel).detail = ' alias';
    } else if (matched) {
      (it.label as vscode.CompletionItemLabel).detail = `  ${matched.text}`;
    }
    it.detail = c.placeholder ? undefined : c.title;
    // Typing part of a title or alias finds the note too (the engine matched on these).
    it.filterText = `${typed} ${filterTextOf(c)}`;
    const docs = new vscode.MarkdownString().appendMarkdown('**').appendText(c.title).appendMarkdown('**');
    if (c.aliases.length) docs.appendText(`\nalso: ${c.aliases.join(', ')}`);
    it.documentation = c.placeholder ? undefined : docs;
    return it;
  }), incomplete || items.length > 1);
}

/** `![[`: attachments too (images, PDFs), by file name, with the folder they are in. */
function attachmentItems(index: NoteQueries, typed: string, range: vscode.Range, close: string): vscode.CompletionItem[] {
  const wanted = typed.toLowerCase();
  return attachmentTargets(index.attachments())
    .filter(a => a.target.toLowerCase().includes(wanted) || a.path.toLowerCase().includes(wanted))
    .slice(0, maxItems)
    .map((a, i) => {
      const it = item(a.target, vscode.CompletionItemKind.File, range, close, i, folderOf(a.path) || undefined);
      it.detail = 'attachment';
      it.filterText = `${typed} ${a.path}`;
      return it;
    });
}

function item(label: string, kind: vscode.CompletionItemKind, range: vscode.Range, close: string, order: number,
  description?: string): vscode.CompletionItem {
  const it = new vscode.CompletionItem({ label, description }, kind);
  it.insertText = label + close;
  it.range = range;
  it.sortText = sortKey(order);
  return it;
}

/**
 * A heading is shown as it reads (`The softmax step`, not `The **softmax** step`) but inserted as
 * written, link-safe: the link then names the heading by its exact text, as Obsidian's do.
 */
function headingItem(text: string, range: vscode.Range, close: string, order: number, level: string): vscode.CompletionItem {
  const inserted = safeText(text);
  const shown = plainText(text).replace(/\s+/g, ' ').trim() || inserted;
  const it = item(shown, vscode.CompletionItemKind.Reference, range, close, order, level);
  it.insertText = inserted + close;
  it.filterText = inserted; // what is typed after `#` is matched against the heading as written
  return it;
}

function sortKey(order: number): string {
  return String(order).padStart(6, '0');
}

/** The syntax of the note `target` names: for `[[#`, the live text of this very note. */
function syntaxOf(index: NoteQueries, target: string, fromPath: string, liveText: string): NoteSyntax | undefined {
  if (target === '') return scanNote(liveText);
  const r = index.resolve(target, fromPath);
  if (r.kind === 'self') return scanNote(liveText);
  return r.kind === 'note' ? index.note(r.path)?.syntax : undefined;
}

// `#`, `|`, `^` and brackets would end the link early: Obsidian writes them as spaces.
function safeText(heading: string): string {
  return heading.replace(/[#|^[\]]+/g, ' ').replace(/\s+/g, ' ').trim();
}
