// Citations in the editor: the libraries (read lazily), completion after `@`, hover, F12,
// diagnostics with quick fixes, Create Literature Note and the References view.
import type * as vscode from 'vscode';
import { registerCitationCompletion } from './completion';
import { registerCreateLiteratureNote } from './createLiteratureNote';
import { registerCitationDefinition } from './definition';
import { registerCitationDiagnostics } from './diagnostics';
import { registerCitationHover } from './hover';
import { CitationLibraries } from './libraries';
import { ReferencesView } from './referencesView';
import type { Vaults } from '../vaults/vaults';

export interface Citations extends vscode.Disposable {
  readonly libraries: CitationLibraries;
  readonly references: ReferencesView;
}

export function registerCitations(vaults: Vaults, log: vscode.LogOutputChannel): Citations {
  const libraries = new CitationLibraries(vaults, log);
  const references = new ReferencesView(vaults, libraries);
  const all: vscode.Disposable[] = [
    libraries,
    references,
    registerCitationCompletion(vaults, libraries),
    registerCitationHover(vaults, libraries),
    registerCitationDefinition(vaults, libraries),
    registerCitationDiagnostics(vaults, libraries),
    registerCreateLiteratureNote(vaults, libraries),
  ];
  return { libraries, references, dispose: () => { for (const d of all.reverse()) d.dispose(); } };
}
