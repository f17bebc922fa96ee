// The preview's commands: Open Preview (also the editor-title button on markdown), Open
// Preview to the Side, Show Tag Page (a tag string, `#tag`, an object with a `tag` string as
// the Tags view passes, or nothing: a quick pick of the vault's tags) and Export Note as HTML.
import * as vscode from 'vscode';
import type { TagNode } from '../../core/index/types';
import { exportHtml } from './exportHtml';
import { Preview } from './panel';
import type { Vaults } from '../vaults/vaults';

/** The tag a Show Tag Page argument names, or undefined to ask. */
function tagArgument(arg: unknown): string | undefined {
  const raw = typeof arg === 'string' ? arg
    : typeof arg === 'object' && arg !== null && typeof (arg as { tag?: unknown }).tag === 'string' ? (arg as { tag: string }).tag
    : undefined;
  const tag = raw?.trim().replace(/^#/, '');
  return tag ? tag : undefined;
}

function flatten(nodes: readonly TagNode[], into: Map<string, number>): Map<string, number> {
  for (const node of nodes) {
    into.set(node.name, Math.max(into.get(node.name) ?? 0, node.noteCount));
    flatten(node.children, into);
  }
  return into;
}

async function pickTag(vaults: Vaults): Promise<string | undefined> {
  const tags = new Map<string, number>();
  for (const vault of vaults.all()) flatten(vault.index.tagTree(), tags);
  if (tags.size === 0) {
    void vscode.window.showInformationMessage('No note carries a tag yet.');
    return undefined;
  }
  const items = [...tags].sort((a, b) => a[0].localeCompare(b[0])).map(([name, count]) =>
    ({ label: `#${name}`, description: count === 1 ? '1 note' : `${count} notes`, tag: name }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Show Tag Page', placeHolder: 'A tag to show every note of' });
  return picked?.tag;
}

export function registerPreview(vaults: Vaults, extensionUri: vscode.Uri, log: vscode.LogOutputChannel): { preview: Preview; disposable: vscode.Disposable } {
  const preview = new Preview(vaults, vscode.Uri.joinPath(extensionUri, 'media'), log);
  const disposable = vscode.Disposable.from(
    preview,
    vscode.commands.registerCommand('marginalia.openPreview', (uri?: unknown) =>
      preview.open(vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('marginalia.openPreviewToSide', (uri?: unknown) =>
      preview.open(vscode.ViewColumn.Beside, uri instanceof vscode.Uri ? uri : undefined)),
    vscode.commands.registerCommand('marginalia.showTagPage', async (arg?: unknown) => {
      const tag = tagArgument(arg) ?? await pickTag(vaults);
      // A Tags view row also names its folder's vault (multi-root): the page comes from there.
      const vault = vaults.all().find(v => typeof arg === 'object' && arg !== null && (arg as { vault?: unknown }).vault === v);
      if (tag) preview.showTag(tag, vault);
    }),
    // A second argument (a Uri) writes there without asking: for keybindings and tests.
    vscode.commands.registerCommand('marginalia.exportHtml', (uri?: unknown, destination?: unknown) =>
      exportHtml(vaults, preview, extensionUri, log, uri instanceof vscode.Uri ? uri : undefined,
        destination instanceof vscode.Uri ? destination : undefined)),
  );
  return { preview, disposable };
}
