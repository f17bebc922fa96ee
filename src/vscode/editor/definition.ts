// Go to definition / Ctrl-click on `[[note]]`, `[[note#Heading]]`, `[[note#^block]]` or
// `[text](note.md#heading)` opens the note there. An ambiguous link offers every
// candidate (VS Code shows a peek); on a `#tag`, every note carrying it. A link to a note not
// yet written has no definition: F12 creates it (followLink.ts), Ctrl+click too (documentLinks.ts).
import * as vscode from 'vscode';
import { loadPlaceOfLink, placeOfLink } from '../../core/editor/linkPlace';
import { scanNote } from '../../core/syntax/scanNote';
import type { NoteSyntax } from '../../core/syntax/types';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';
import { toRange } from '../ranges';
import { hasUrlScheme } from '../../core/syntax/urlScheme';
import { itemAt } from '../../core/syntax/itemAt';

export function registerDefinition(vaults: Vaults): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider({ language: 'markdown' }, {
    async provideDefinition(doc, position) {
      const at = vaults.locate(doc.uri);
      if (!at) return undefined;
      // The live text, not the index: the link may have been typed a moment ago.
      const syntax = scanNote(doc.getText());
      const offset = doc.offsetAt(position);
      const link = itemAt(syntax.links, offset);
      if (!link) return tagDefinition(doc, at.vault, syntax, offset);
      if (hasUrlScheme(link.target)) return undefined;
      const origin = new vscode.Range(doc.positionAt(link.range.startOffset), doc.positionAt(link.range.endOffset));
      const r = at.vault.index.resolve(link.reference ?? link.target, at.path); // Foam: `[[x]]` with `[x]: path.md`
      const targets = r.kind === 'note' || r.kind === 'attachment' ? r.ambiguous ?? [r.path]
        : r.kind === 'self' ? [at.path] : [];
      return Promise.all(targets.map(async (path): Promise<vscode.LocationLink> => {
        const self = path === at.path;
        const place = r.kind === 'attachment' ? undefined
          : self ? placeOfLink(syntax, doc.getText(), link) : await loadPlaceOfLink(at.vault.index, path, link);
        const target = place ? toRange(place) : new vscode.Range(0, 0, 0, 0);
        return { originSelectionRange: origin, targetUri: uriOf(at.vault, path), targetRange: target, targetSelectionRange: target };
      }));
    },
  });
}

/** On a `#tag` (or a frontmatter tag): the first place it is written in each note carrying it. */
function tagDefinition(doc: vscode.TextDocument, vault: Vault, syntax: NoteSyntax, offset: number): vscode.LocationLink[] | undefined {
  const tag = itemAt(syntax.tags, offset);
  if (!tag) return undefined;
  const origin = new vscode.Range(doc.positionAt(tag.range.startOffset), doc.positionAt(tag.range.endOffset));
  const seen = new Set<string>();
  const out: vscode.LocationLink[] = [];
  for (const { path, tag: found } of vault.index.notesWithTag(tag.name)) {
    if (seen.has(path)) continue;
    seen.add(path);
    const r = found.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    out.push({ originSelectionRange: origin, targetUri: uriOf(vault, path), targetRange: range, targetSelectionRange: range });
  }
  return out;
}

function uriOf(vault: Vault, path: string): vscode.Uri {
  return vault.host.uriOf(path);
}
