// Create Literature Note: a note for a key of the library (the citation under the cursor, else
// one picked from the library), from `marginalia.citations.literatureNoteTemplate` or the default,
// named by the key. One undoable edit; an existing note is opened, never overwritten.
import * as vscode from 'vscode';
import { DEFAULT_LITERATURE_TEMPLATE, fillLiteratureTemplate, literatureNoteOf } from '../../core/citations/literatureNote';
import { createNoteAt } from '../edits/createNote';
import { readTemplate } from '../edits/noteCommands';
import { plain } from '../messageText';
import { citationAt } from './citationAt';
import type { CitationLibraries } from './libraries';
import type { Vault } from '../vaults/vault';
import type { Vaults } from '../vaults/vaults';

export const createLiteratureNoteCommand = 'marginalia.createLiteratureNote';

/** The template setting's file (inside the workspace folder only, as every template), else the default. */
async function template(vault: Vault): Promise<string> {
  return (await readTemplate(vault, 'citations.literatureNoteTemplate', 'the default template is used')) ?? DEFAULT_LITERATURE_TEMPLATE;
}

export function registerCreateLiteratureNote(vaults: Vaults, libraries: CitationLibraries): vscode.Disposable {
  return vscode.commands.registerCommand(createLiteratureNoteCommand, async (keyArg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const at = (editor && vaults.locate(editor.document.uri)) ?? (vaults.all().length === 1 ? { vault: vaults.all()[0]!, path: '' } : undefined);
    if (!at) {
      void vscode.window.showWarningMessage('Marginalia: open a note of a workspace folder to create a literature note there.');
      return undefined;
    }
    const library = editor && at.path ? await libraries.forNote(at.vault, at.path, editor.document.getText()) : await libraries.of(at.vault);
    let key = typeof keyArg === 'string' ? keyArg : editor && citationAt(editor.document, editor.selection.active)?.key;
    if (!key) {
      const picked = await vscode.window.showQuickPick(library.search('', 5000).map(c => ({ label: c.key, description: `${c.author} ${c.year}`, detail: c.title })), { placeHolder: 'Which reference?', matchOnDescription: true, matchOnDetail: true });
      key = picked?.label;
    }
    if (!key) return undefined;
    const item = library.item(key);
    if (!item) {
      void vscode.window.showWarningMessage(`Marginalia: no entry "${plain(key)}" in the bibliography.`);
      return undefined;
    }
    const existing = await literatureNoteOf(at.vault.index, key);
    const path = existing ?? `${key.replace(/[\\/:*?"<>|]/g, '-')}.md`;
    const created = await createNoteAt(at.vault, path, fillLiteratureTemplate(await template(at.vault), item));
    if (!created) {
      void vscode.window.showErrorMessage(`Marginalia: VS Code did not create ${plain(path)}.`);
      return undefined;
    }
    await vscode.window.showTextDocument(created.uri);
    return created.uri;
  });
}
