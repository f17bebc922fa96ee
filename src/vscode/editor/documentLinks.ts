// Ctrl/Cmd+click on every wiki-link, embed and markdown link to a note: a DocumentLink for each,
// missing notes included (their link runs `marginalia.createNote`, which creates and opens the
// note). Targets are worked out when a link is clicked, not for every link of every note shown.
import * as vscode from 'vscode';
import { loadPlaceOfLink, placeOfLink } from '../../core/editor/linkPlace';
import { folderOf } from '../../core/index/paths';
import type { Resolution } from '../../core/index/types';
import { scanNote } from '../../core/syntax/scanNote';
import type { LinkItem } from '../../core/syntax/types';
import { createNoteCommand } from '../edits/createNote';
import type { Vaults } from '../vaults/vaults';
import { hasUrlScheme } from '../../core/syntax/urlScheme';

class NoteLink extends vscode.DocumentLink {
  constructor(range: vscode.Range, readonly doc: vscode.TextDocument, readonly link: LinkItem, readonly resolution: Resolution) {
    super(range);
  }
}

export function registerDocumentLinks(vaults: Vaults): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider({ language: 'markdown' }, {
    provideDocumentLinks(doc) {
      const at = vaults.locate(doc.uri);
      if (!at) return undefined;
      const links: NoteLink[] = [];
      for (const link of scanNote(doc.getText()).links) {
        if (isExternal(link.target)) continue;
        const resolution = at.vault.index.resolve(link.target, at.path);
        const range = new vscode.Range(doc.positionAt(link.range.startOffset), doc.positionAt(link.range.endOffset));
        const it = new NoteLink(range, doc, link, resolution);
        it.tooltip = tooltipOf(resolution, link);
        links.push(it);
      }
      return links;
    },
    async resolveDocumentLink(it: NoteLink) {
      const at = vaults.locate(it.doc.uri);
      if (!at) return it;
      const r = it.resolution;
      if (r.kind === 'placeholder') {
        // The link names the note as written (`[[Bitter Lesson]]` -> `Bitter Lesson.md`).
        const args = [it.link.target, it.doc.uri.toString()];
        it.target = vscode.Uri.parse(`command:${createNoteCommand}?${encodeURIComponent(JSON.stringify(args))}`);
        return it;
      }
      const self = r.kind === 'self' || r.path === at.path;
      const uri = self ? it.doc.uri : at.vault.host.uriOf(r.path);
      const place = r.kind === 'attachment' ? undefined
        : self ? placeOfLink(scanNote(it.doc.getText()), it.doc.getText(), it.link)
        : await loadPlaceOfLink(at.vault.index, r.path, it.link);
      // `#L12` is how VS Code's opener is told a line to reveal.
      it.target = place ? uri.with({ fragment: `L${place.start.line + 1}` }) : uri;
      return it;
    },
  });
}

function tooltipOf(r: Resolution, link: LinkItem): string {
  // VS Code adds "(ctrl + click)" itself.
  if (r.kind === 'placeholder') return `Create the note "${link.target}" (not written yet)`;
  if (r.kind === 'self') return `Go to ${link.heading ? `"${link.heading}"` : 'this note'}`;
  const where = folderOf(r.path) ? ` in ${folderOf(r.path)}` : '';
  const name = r.path.slice(r.path.lastIndexOf('/') + 1);
  const others = r.ambiguous && r.ambiguous.length > 1 ? ` (one of ${r.ambiguous.length} notes this link may mean)` : '';
  return `Open ${name}${where}${others}`;
}

function isExternal(target: string): boolean {
  return hasUrlScheme(target);
}
