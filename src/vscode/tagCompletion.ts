// `#` completes the vault's tags where the scanner would see a tag (not in code, math, links
// or a heading's `# `), and in the frontmatter's `tags:` (list or string form): most used
// first, nested tags whole, found by any segment. The ranking is src/core/editor/tagCompletion.ts.
import * as vscode from 'vscode';
import { flattenTags, rankTags } from '../core/editor/tagCompletion';
import { typedTagAt } from '../core/editor/typedTag';
import type { NoteQueries } from '../core/index/types';
import type { Vaults } from './vaults';

const maxItems = 200;

export function registerTagCompletion(vaults: Vaults): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, {
    provideCompletionItems(doc, position) {
      const at = vaults.locate(doc.uri);
      if (!at) return undefined;
      const tag = typedTagAt(doc.getText(), doc.offsetAt(position));
      if (!tag) return undefined;
      const range = new vscode.Range(doc.positionAt(tag.replaceStart), doc.positionAt(tag.replaceEnd));
      const index = at.vault.index;
      const tags = rankTags(flattenTags(index.tagTree()), tag.typed, maxItems + 1)
        .filter(t => tag.hash === undefined || !onlyHere(index, t.name, at.path, tag.hash));
      // As for links: every filterText starts with what is typed, so the engine's order stands,
      // and the list is asked for again at each keystroke.
      return new vscode.CompletionList(tags.slice(0, maxItems).map((t, i) => {
        const notes = `${t.noteCount} ${t.noteCount === 1 ? 'note' : 'notes'}`;
        const it = new vscode.CompletionItem({ label: t.name, description: notes }, vscode.CompletionItemKind.Keyword);
        it.range = range;
        it.insertText = t.name;
        it.filterText = `${tag.typed} ${t.name}`;
        it.sortText = String(i).padStart(6, '0');
        it.detail = `#${t.name}: ${notes}`;
        return it;
      }), true);
    },
  }, '#');
}

/** The unsaved text is indexed as it is typed: `#tra` is itself a tag, worth nothing while only this `#` carries it. */
function onlyHere(index: NoteQueries, name: string, path: string, hash: number): boolean {
  const occurrences = index.notesWithTag(name, { nested: false });
  return occurrences.length > 0 && occurrences.length <= 2 && occurrences.every(o => o.path === path && o.tag.range.startOffset === hash);
}
