// Links to notes not written yet are drawn in their own themable colour
// (`marginalia.missingLinkForeground`), so a glance shows which notes are still to write.
import * as vscode from 'vscode';
import { scanNote } from '../../core/syntax/scanNote';
import { toRange } from '../ranges';
import type { Vaults } from '../vaults/vaults';

import { hasUrlScheme } from '../../core/syntax/urlScheme';

export function registerMissingLinks(vaults: Vaults): vscode.Disposable {
  const decoration = vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor('marginalia.missingLinkForeground'),
    textDecoration: 'underline dotted',
  });
  let timer: ReturnType<typeof setTimeout> | undefined;

  const paint = (editor: vscode.TextEditor) => {
    const at = editor.document.languageId === 'markdown' ? vaults.locate(editor.document.uri) : undefined;
    if (!at || at.vault.indexing) return editor.setDecorations(decoration, []);
    const missing = scanNote(editor.document.getText()).links.filter(l =>
      !hasUrlScheme(l.target) && at.vault.index.resolve(l.target, at.path).kind === 'placeholder');
    editor.setDecorations(decoration, missing.map(l => toRange(l.range)));
  };
  const paintAll = () => vscode.window.visibleTextEditors.forEach(paint);
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(paintAll, 60);
  };

  return vscode.Disposable.from(
    decoration,
    vscode.window.onDidChangeVisibleTextEditors(soon),
    vscode.workspace.onDidChangeTextDocument(e => { if (e.contentChanges.length) soon(); }),
    vaults.onDidChange(soon),
    { dispose: () => clearTimeout(timer) },
  );
}
