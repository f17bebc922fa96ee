// `#` completes the vault's tags where the scanner would see a tag (not in code, math, links
// or a heading's `# `), and in the frontmatter's `tags:` (list or string form): most used
// first, nested tags whole, found by any segment. The ranking is src/core/editor/tagCompletion.ts.
import * as vscode from 'vscode';
import { tagsToOffer } from '../../core/editor/tagCompletion';
import { typedTagAt } from '../../core/editor/typedTag';
import type { Vaults } from '../vaults/vaults';

const maxItems = 200;

export function registerTagCompletion(vaults: Vaults): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, {
    provideCompletionItems(doc, position) {
      const at = vaults.locate(doc.uri);
      if (!at) return undefined;
      const tag = typedTagAt(doc.getText(), doc.offsetAt(position));
      if (!tag) return undefined;
      const range = new vscode.Range(doc.positionAt(tag.replaceStart), doc.positionAt(tag.replaceEnd));
      const tags = tagsToOffer(at.vault.index, at.path, tag, maxItems);
      // As for links: every filterText starts with what is typed, so the engine's order stands,
      // and the list is asked for again at each keystroke.
      return new vscode.CompletionList(tags.map((t, i) => {
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
