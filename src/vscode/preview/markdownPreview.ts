// VS Code's own Markdown preview draws wiki-links (clickable), embeds, tags, callouts and
// `\( \)` math too: `extendMarkdownIt` (package.json `markdown.markdownItPlugins`) adds the
// engine's rules, resolving links from the document the preview renders (`env.currentDocument`).
// Its links are workspace-absolute (`/papers/a.md#intro`), which that preview opens itself.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { formatNoteAddress } from '../../core/render/noteAddress';
import type { NoteQueries } from '../../core/index/types';
import { loadPageTexts, type PageTexts } from '../../core/render/pageTexts';
import { githubSlug } from '../../core/syntax/slug';
import { renderEngine } from './renderEngine';
import type { Vaults } from '../vaults/vaults';

export function extendMarkdownIt(md: MarkdownIt, vaults: Vaults): MarkdownIt {
  const { marginaliaPlugin, PageRenderer } = renderEngine();
  return marginaliaPlugin(md, env => {
    const doc = env['currentDocument'];
    const at = doc instanceof vscode.Uri ? vaults.locate(doc) : undefined;
    if (!at) return undefined;
    const host = {
      // Headings by the slug VS Code's preview gives them; block ids have no anchor there.
      noteHref: (path: string, fragment?: string) =>
        '/' + formatNoteAddress(path, fragment === undefined || fragment.startsWith('^') ? undefined : githubSlug(fragment)),
      imageSrc: (path: string) => '/' + formatNoteAddress(path),
    };
    return new PageRenderer(at.vault.index, host, 'mg-md-', undefined, embeddedTexts(at.vault.index, at.path, doc as vscode.Uri)).envFor(at.path);
  });
}

/** The notes each document shown last embedded, as read for it (a few documents). */
const embedded = new Map<string, PageTexts>();

/**
 * This preview renders synchronously, and the index may keep no texts: the texts a document
 * embeds are read after its render, kept for the next one (VS Code renders on every change),
 * and the first time they come the preview is refreshed to show them.
 */
function embeddedTexts(index: NoteQueries, path: string, uri: vscode.Uri): PageTexts | undefined {
  const key = uri.toString();
  const last = embedded.get(key);
  const text = vscode.workspace.textDocuments.find(d => d.uri.toString() === key)?.getText();
  void loadPageTexts(index, [{ path, text }], { backlinks: false }).then(read => {
    if (embedded.size >= 8 && !embedded.has(key)) embedded.clear();
    embedded.set(key, read);
    if (!last && read.texts.size > 1) void vscode.commands.executeCommand('markdown.preview.refresh');
  }, () => undefined);
  return last;
}
