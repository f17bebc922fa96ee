// What the panel shows, rendered by the engine's pipeline (src/core/render/): a note from its
// editor's unsaved text (else the file's), or a tag page. Links point at note addresses the
// webview sends back; images load through the webview's own URIs.
import * as vscode from 'vscode';
import { escapeAttr } from '../../core/render/escape';
import { loadPageTexts } from '../../core/render/pageTexts';
import { formatNoteAddress } from '../../core/render/noteAddress';
import type { PageHost, RenderedPage } from '../../core/render/page';
import { renderEngine } from './renderEngine';
import { citationLibraries } from '../citations/libraries';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

export type Shown = { readonly kind: 'note'; readonly uri: vscode.Uri } | { readonly kind: 'tag'; readonly tag: string; readonly vault: Vault };

/** Reads what the page draws of other notes first (the index may keep no texts), then renders it. */
export async function renderShown(vaults: Vaults, shown: Shown, webview: vscode.Webview): Promise<RenderedPage> {
  const backlinks = vscode.workspace.getConfiguration('marginalia.preview').get<boolean>('backlinks', true);
  if (shown.kind === 'tag') {
    const { renderTagPage, tagPageNotes } = renderEngine();
    const texts = await loadPageTexts(shown.vault.index, tagPageNotes(shown.vault.index, shown.tag), { backlinks });
    return renderTagPage(shown.vault.index, pageHost(shown.vault, webview), shown.tag, { backlinks, texts });
  }
  const at = vaults.locate(shown.uri);
  const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === shown.uri.toString());
  if (!at) {
    const name = shown.uri.path.replace(/^.*\//, '');
    return { title: name, sidenotes: 0, html: `<p class="mg-notice">${escapeAttr(name)} is not part of a workspace folder's notes.</p>` };
  }
  const texts = await loadPageTexts(at.vault.index, [{ path: at.path, text: doc?.getText() }], { backlinks });
  const text = texts.text(at.path) ?? '';
  return renderEngine().renderNotePage(at.vault.index, pageHost(at.vault, webview), at.path, text, { backlinks, texts, citations: citationLibraries()?.pageCitations(at.vault, at.path, text) });
}

function pageHost(vault: Vault, webview: vscode.Webview): PageHost {
  return {
    noteHref: formatNoteAddress,
    imageSrc: path => webview.asWebviewUri(vault.host.uriOf(path)).toString(),
  };
}
