// Shift+F12 / Find All References: on a link, every link to the note it names (to its heading
// or block when it names one); on a note's first heading, every link to the note; on another
// heading or a ^block-id, the links to it; on a #tag, every occurrence. Also the command
// `marginalia.findReferences` ("Find References to This Note") from the explorer and editor menus.
import * as vscode from 'vscode';
import { linksToBlock, linksToHeading, linksToNote, tagReferences, type Reference } from '../../core/edits/references';
import { findHeading, wantedHeading } from '../../core/edits/subpaths';
import { fileNameOf } from '../../core/index/paths';
import { toRange } from '../ranges';
import { atCursor } from './atCursor';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

export const findReferencesCommand = 'marginalia.findReferences';

export function registerReferences(vaults: Vaults): vscode.Disposable {
  const provider = vscode.languages.registerReferenceProvider({ language: 'markdown' }, {
    provideReferences(doc, position) {
      const at = vaults.locate(doc.uri);
      const here = at && atCursor(doc, position);
      if (!at || !here) return undefined;
      const index = at.vault.index;
      let refs: Reference[];
      switch (here.kind) {
        case 'tag':
          refs = tagReferences(index, here.tag.name);
          break;
        case 'block':
          refs = linksToBlock(index, at.path, here.block.id);
          break;
        case 'heading':
          refs = here.first && here.heading.level === 1 ? linksToNote(index, at.path) : linksToHeading(index, at.path, here.heading);
          break;
        case 'link': {
          const r = index.resolve(here.link.target, at.path);
          if (r.kind === 'placeholder') {
            refs = linksToNote(index, { placeholder: r.name });
            break;
          }
          const path = r.kind === 'self' ? at.path : r.path;
          const heading = wantedHeading(here.link);
          const target = heading !== undefined ? findHeading(index.note(path)?.syntax.headings ?? [], heading) : undefined;
          refs = here.link.block !== undefined ? linksToBlock(index, path, here.link.block)
            : target ? linksToHeading(index, path, target) : linksToNote(index, path);
          break;
        }
      }
      return locations(at.vault, refs);
    },
  });

  const command = vscode.commands.registerCommand(findReferencesCommand, async (uri?: unknown) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    const at = target && vaults.locate(target);
    if (!target || !at) {
      void vscode.window.showInformationMessage('Marginalia: open a note of a workspace folder to find the links to it.');
      return [];
    }
    const found = locations(at.vault, linksToNote(at.vault.index, at.path));
    if (found.length === 0) {
      void vscode.window.showInformationMessage(`Marginalia: no note links to ${fileNameOf(at.path)}.`);
      return found;
    }
    const editor = await vscode.window.showTextDocument(target);
    await vscode.commands.executeCommand('editor.action.showReferences', target, editor.selection.active, found);
    return found;
  });
  return vscode.Disposable.from(provider, command);
}

function locations(vault: Vault, refs: readonly Reference[]): vscode.Location[] {
  return refs.map(r => new vscode.Location(vault.host.uriOf(r.path), toRange(r.range)));
}
