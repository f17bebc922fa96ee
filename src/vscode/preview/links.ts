// What a click on a link in the preview does: a note opens in the editor's column (at the
// heading or block it names; behind the preview when they share a group), an external link opens outside when its scheme is allowed.
// Everything the webview sends is untrusted: a path outside the workspace is refused.
import * as vscode from 'vscode';
import { plain } from '../messageText';
import { opensExternally } from '../../core/syntax/urlScheme';
import { fragmentLine, parseNoteAddress } from '../../core/render/noteAddress';
import type { Vault } from '../vaults/vault';

/** What a refused link is logged as; the caller returns false for it. */
export type Refuse = (why: string) => false;

/**
 * `behind`: the preview shares the editor's group, so the note opens there without focus (the
 * editor follows behind the preview, which the caller brings back and shows the note in).
 */
export async function openNoteLink(vault: Vault | undefined, href: string, column: vscode.ViewColumn, refuse: Refuse, behind = false): Promise<boolean> {
  const address = parseNoteAddress(href);
  if (!vault || !address) return refuse(`a link outside the workspace: ${href}`);
  const uri = vault.host.uriOf(address.path);
  if (vault.host.relativePath(uri) !== address.path) return refuse(`a link outside the workspace: ${href}`);
  const index = vault.index;
  if (!index.has(address.path)) {
    void vscode.window.showInformationMessage(`"${plain(address.path.replace(/\.md$/i, ''))}" is not written yet.`);
    return true;
  }
  if (!/\.md$/i.test(address.path)) {
    await vscode.commands.executeCommand('vscode.open', uri, { viewColumn: column });
    return true;
  }
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: behind });
  const syntax = address.fragment === undefined ? undefined : index.note(address.path)?.syntax;
  const line = syntax && fragmentLine(syntax, address.fragment!);
  if (line !== undefined) {
    const at = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  }
  return true;
}

export async function openExternalLink(url: string, refuse: Refuse): Promise<boolean> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(url, true);
  } catch {
    return refuse(`a malformed external link: ${url}`);
  }
  if (!opensExternally(uri.scheme)) return refuse(`an external link with scheme "${uri.scheme}": ${url}`);
  await vscode.env.openExternal(uri);
  return true;
}
