// Completion of citation keys after `@` (bare, `[@`, `[-@`, `; @`): each entry with its first
// author, year and title, matched by any of them. The library is read on the first `@`.
import * as vscode from 'vscode';
import type { CitationLibraries } from './libraries';
import type { Vaults } from '../vaults/vaults';

/** `@` and the key typed so far at the end of the line before the cursor (not after a word: an address). */
const TYPED = /(?:^|[^\p{L}\p{N}_@\\`])-?@([\p{L}\p{N}_:.#$%&\-+?<>~/]*)$/u;

export function registerCitationCompletion(vaults: Vaults, libraries: CitationLibraries): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, {
    async provideCompletionItems(doc, position, token) {
      const at = vaults.locate(doc.uri);
      if (!at) return undefined;
      const typed = TYPED.exec(doc.lineAt(position.line).text.slice(0, position.character));
      if (!typed) return undefined;
      const library = await libraries.forNote(at.vault, at.path, doc.getText());
      if (token.isCancellationRequested) return undefined;
      const query = typed[1]!;
      const range = new vscode.Range(position.translate(0, -query.length), position);
      const items = library.search(query, 200).map(choice => {
        const item = new vscode.CompletionItem({ label: choice.key, detail: ` ${choice.author} ${choice.year}`.trimEnd(), description: choice.title }, vscode.CompletionItemKind.Reference);
        item.range = range;
        item.filterText = `${choice.key} ${choice.author} ${choice.year} ${choice.title}`;
        item.detail = choice.title;
        return item;
      });
      return new vscode.CompletionList(items, true);
    },
  }, '@');
}
