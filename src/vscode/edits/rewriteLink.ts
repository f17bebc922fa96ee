// `marginalia.rewriteLink(uri, start, end, from, to)`: points a link at another target by
// replacing its target text (offsets of the link's target), as one undoable edit. For an
// ambiguous link's candidates in a hover (and quick fixes). Does nothing if the text there
// is no longer `from` (the note changed since the hover was shown).
import * as vscode from 'vscode';
import { plain } from '../messageText';

export const rewriteLinkCommand = 'marginalia.rewriteLink';

export function rewriteLinkUri(doc: vscode.TextDocument, start: number, end: number, from: string, to: string): vscode.Uri {
  const args = [doc.uri.toString(), start, end, from, to];
  return vscode.Uri.parse(`command:${rewriteLinkCommand}?${encodeURIComponent(JSON.stringify(args))}`);
}

export function registerRewriteLink(): vscode.Disposable {
  return vscode.commands.registerCommand(rewriteLinkCommand, async (uri: unknown, start: unknown, end: unknown, from: unknown, to: unknown) => {
    if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number' || typeof from !== 'string' || typeof to !== 'string') return false;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    if (doc.getText(range) !== from) {
      void vscode.window.showWarningMessage(`Marginalia: the link "${plain(from)}" has changed since; nothing was rewritten.`);
      return false;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, to);
    return vscode.workspace.applyEdit(edit);
  });
}
