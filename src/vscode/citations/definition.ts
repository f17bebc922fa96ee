// F12 on a citation: the key's literature note (named by the key, or with `citekey:` in its
// frontmatter), else the entry in the bibliography file.
import * as vscode from 'vscode';
import { literatureNoteOf } from '../../core/citations/literatureNote';
import { citationAt } from './citationAt';
import type { CitationLibraries } from './libraries';
import type { Vaults } from '../vaults/vaults';

export function registerCitationDefinition(vaults: Vaults, libraries: CitationLibraries): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider({ language: 'markdown' }, {
    async provideDefinition(doc, position) {
      const at = vaults.locate(doc.uri);
      const cite = at && citationAt(doc, position);
      if (!at || !cite) return undefined;
      const note = await literatureNoteOf(at.vault.index, cite.key);
      if (note) return new vscode.Location(at.vault.host.uriOf(note), new vscode.Position(0, 0));
      const entry = (await libraries.forNote(at.vault, at.path, doc.getText())).entry(cite.key);
      return entry && new vscode.Location(at.vault.host.uriOf(entry.file), new vscode.Position(entry.line, 0));
    },
  });
}
