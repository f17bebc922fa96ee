// VS Code's own Markdown preview draws wiki-links (clickable), embeds, tags, callouts and
// `\( \)` math too: `extendMarkdownIt` (package.json `markdown.markdownItPlugins`) adds the
// engine's rules, resolving links from the document the preview renders (`env.currentDocument`).
// Its links are workspace-absolute (`/papers/a.md#intro`), which that preview opens itself.
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { formatNoteAddress } from '../../core/render/noteAddress';
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
    return new PageRenderer(at.vault.index, host, 'mg-md-').envFor(at.path);
  });
}
