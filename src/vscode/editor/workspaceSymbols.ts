// Go to Symbol in Workspace (Ctrl+T): notes by title and alias, and headings, across every
// vault. The search is src/core/editor/noteSymbols.ts; VS Code filters and highlights on top.
import * as vscode from 'vscode';
import { NoteSymbols } from '../../core/editor/noteSymbols';
import type { Vaults } from '../vaults/vaults';

const maxResults = 300;

export function registerWorkspaceSymbols(vaults: Vaults): vscode.Disposable {
  const symbols = new NoteSymbols();
  return vscode.languages.registerWorkspaceSymbolProvider({
    provideWorkspaceSymbols(query, token) {
      // A newer query (the next keystroke) cancels this one: the vaults left are not searched.
      return vaults.all().flatMap(vault => token.isCancellationRequested ? [] : symbols.search(vault.index.notes(), query, maxResults).map(s => {
        const kind = s.kind === 'heading' ? vscode.SymbolKind.String : s.kind === 'alias' ? vscode.SymbolKind.Key : vscode.SymbolKind.File;
        const container = s.kind === 'alias' ? `alias of ${s.container} · ${s.path}` : s.kind === 'heading' ? `${s.container} · ${s.path}` : s.path;
        const position = new vscode.Position(s.line, 0);
        return new vscode.SymbolInformation(s.name, kind, container, new vscode.Location(vault.host.uriOf(s.path), position));
      }));
    },
  });
}
