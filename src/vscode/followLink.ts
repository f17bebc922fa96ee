// F12 on a link to a note not written yet creates the note and opens it (Ctrl+click does the
// same through its DocumentLink). VS Code's F12 asks the definition provider, which has nothing
// to open, and would say "No definition found for 'lesson'": so F12 is bound to
// `marginalia.followLink` while the cursor is on such a link (context key `marginalia.onMissingLink`).
import * as vscode from 'vscode';
import { scanNote } from '../core/syntax/scanNote';
import type { LinkItem } from '../core/syntax/types';
import { createNoteFromLink } from './createNote';
import type { Vaults } from './vaults';

export const followLinkCommand = 'marginalia.followLink';
const contextKey = 'marginalia.onMissingLink';

export function registerFollowLink(vaults: Vaults): vscode.Disposable {
  const links = new LinksOfVersion();
  let onMissing = false;
  const update = (editor: vscode.TextEditor | undefined) => {
    const missing = !!editor && !!missingLinkAt(vaults, links, editor.document, editor.selection.active);
    if (missing !== onMissing) void vscode.commands.executeCommand('setContext', contextKey, (onMissing = missing));
  };
  return vscode.Disposable.from(
    vscode.window.onDidChangeTextEditorSelection(e => update(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
    vaults.onDidChange(() => update(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand(followLinkCommand, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const missing = missingLinkAt(vaults, links, editor.document, editor.selection.active);
      if (!missing) return vscode.commands.executeCommand('editor.action.revealDefinition');
      return createNoteFromLink(vaults, missing.target, editor.document.uri);
    }),
  );
}

/** The link at `position` when it names a note that does not exist yet. */
function missingLinkAt(vaults: Vaults, links: LinksOfVersion, doc: vscode.TextDocument, position: vscode.Position): LinkItem | undefined {
  if (doc.languageId !== 'markdown') return undefined;
  const at = vaults.locate(doc.uri);
  if (!at) return undefined;
  const offset = doc.offsetAt(position);
  const link = links.of(doc).find(l => l.range.startOffset <= offset && offset < l.range.endOffset);
  if (!link || link.target === '' || /^[a-z][a-z0-9+.-]*:/i.test(link.target)) return undefined;
  const r = at.vault.index.resolve(link.target, at.path);
  return r.kind === 'placeholder' && !r.attachment ? link : undefined;
}

/** The cursor moves far more often than the text changes: scan a version once. */
class LinksOfVersion {
  private last: { uri: string; version: number; links: readonly LinkItem[] } | undefined;

  of(doc: vscode.TextDocument): readonly LinkItem[] {
    const uri = doc.uri.toString();
    if (this.last?.uri !== uri || this.last.version !== doc.version) this.last = { uri, version: doc.version, links: scanNote(doc.getText()).links };
    return this.last.links;
  }
}
