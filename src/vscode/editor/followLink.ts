// F12 on a link to a note not written yet creates the note and opens it (Ctrl+click does the
// same through its DocumentLink). VS Code's F12 asks the definition providers, which have
// nothing to open there, and would say "No definition found for 'lesson'". So F12 in a markdown
// editor runs `marginalia.followLink`: on a link to a missing note it creates the note; anywhere
// else it runs VS Code's own Go to Definition, so F12 does what it always did. (A context key set
// on each cursor move was tried first: under load F12 could arrive before the key did.)
import * as vscode from 'vscode';
import { scanNote } from '../../core/syntax/scanNote';
import type { LinkItem } from '../../core/syntax/types';
import { createNoteFromLink } from '../edits/createNote';
import type { Vaults } from '../vaults/vaults';
import { hasUrlScheme } from '../../core/syntax/urlScheme';
import { itemAt } from '../../core/syntax/itemAt';

export const followLinkCommand = 'marginalia.followLink';

export function registerFollowLink(vaults: Vaults): vscode.Disposable {
  return vscode.commands.registerCommand(followLinkCommand, async () => {
    const editor = vscode.window.activeTextEditor;
    const missing = editor && missingLinkAt(vaults, editor.document, editor.selection.active);
    if (!missing) return vscode.commands.executeCommand('editor.action.revealDefinition');
    return createNoteFromLink(vaults, missing.target, editor.document.uri);
  });
}

/** The link at `position` when it names a note that does not exist yet. */
function missingLinkAt(vaults: Vaults, doc: vscode.TextDocument, position: vscode.Position): LinkItem | undefined {
  if (doc.languageId !== 'markdown') return undefined;
  const at = vaults.locate(doc.uri);
  if (!at) return undefined;
  const offset = doc.offsetAt(position);
  const link = itemAt(scanNote(doc.getText()).links, offset);
  if (!link || link.target === '' || hasUrlScheme(link.target)) return undefined;
  const r = at.vault.index.resolve(link.target, at.path);
  return r.kind === 'placeholder' && !r.attachment ? link : undefined;
}
