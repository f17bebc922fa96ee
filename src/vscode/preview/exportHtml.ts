// "Export Note as HTML": the page the preview shows (or the given note) as one standalone
// file, written where the user says. The save dialog asks before replacing a file.
import * as vscode from 'vscode';
import { plain } from '../messageText';
import type { ExportAssets, ExportWhat } from '../../core/render/exportPage';
import { loadPageTexts } from '../../core/render/pageTexts';
import { renderEngine } from './renderEngine';
import type { Preview } from './panel';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

async function readAssets(extensionUri: vscode.Uri): Promise<ExportAssets> {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const text = async (...p: string[]) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(media, ...p)));
  const fonts = new Map<string, Uint8Array>();
  for (const [name] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(media, 'katex', 'fonts'))) {
    fonts.set(name, await vscode.workspace.fs.readFile(vscode.Uri.joinPath(media, 'katex', 'fonts', name)));
  }
  return { katexCss: await text('katex', 'katex.min.css'), notesCss: await text('notes.css'), previewCss: await text('preview.css'), font: f => fonts.get(f) };
}

function target(vaults: Vaults, preview: Preview, uri: vscode.Uri | undefined): { vault: Vault; what: ExportWhat; name: string } | undefined {
  const note = (u: vscode.Uri) => {
    const at = vaults.locate(u);
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === u.toString());
    return at && { vault: at.vault, what: { note: at.path, text: doc?.getText() }, name: at.path.replace(/^.*\//, '').replace(/\.md$/i, '') };
  };
  if (uri) return note(uri);
  const current = preview.current();
  if (current?.shown.kind === 'tag') return { vault: current.vault, what: { tag: current.shown.tag }, name: `tag-${current.shown.tag.replace(/\//g, '-')}` };
  if (current?.shown.kind === 'note') return note(current.shown.uri);
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'markdown' ? note(editor.document.uri) : undefined;
}

export async function exportHtml(vaults: Vaults, preview: Preview, extensionUri: vscode.Uri, log: vscode.LogOutputChannel,
  uri?: vscode.Uri, destination?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const found = target(vaults, preview, uri);
  if (!found) {
    void vscode.window.showInformationMessage('Open a note of the workspace (or its preview) to export it.');
    return undefined;
  }
  const to = destination ?? await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(found.vault.folder.uri, `${found.name}.html`),
    filters: { HTML: ['html'] },
    title: 'Export Note as HTML',
  });
  if (!to) return undefined;
  const images = new Map<string, Uint8Array>();
  const { exportPage, imagesToExport, tagPageNotes } = renderEngine();
  for (const path of imagesToExport(found.vault.index, found.what)) {
    try {
      images.set(path, await found.vault.host.readFile(path));
    } catch (e) {
      log.warn(`Export: could not read ${path}: ${e instanceof Error ? e.message : String(e)}; it is linked instead`);
    }
  }
  const backlinks = vscode.workspace.getConfiguration('marginalia.preview').get<boolean>('backlinks', true);
  const remoteImages = vscode.workspace.getConfiguration('marginalia.preview').get<boolean>('remoteImages', true);
  const what = found.what;
  const texts = await loadPageTexts(found.vault.index, 'note' in what ? [{ path: what.note, text: what.text }] : tagPageNotes(found.vault.index, what.tag), { backlinks });
  const html = exportPage(found.vault.index, what, await readAssets(extensionUri), images, { backlinks, remoteImages, texts });
  await vscode.workspace.fs.writeFile(to, new TextEncoder().encode(html));
  log.info(`Exported ${'note' in found.what ? found.what.note : `#${found.what.tag}`} to ${to.toString()}`);
  void vscode.window.showInformationMessage(`Exported to ${plain(vscode.workspace.asRelativePath(to))}`);
  return to;
}
