// Ctrl+T over notes, aliases and headings, through VS Code's own command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { folder, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

async function symbols(query: string): Promise<{ name: string; path: string; line: number; kind: vscode.SymbolKind }[]> {
  const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query);
  // VS Code's own markdown extension lists headings too, as `## Heading`: only ours.
  return found.filter(s => !s.name.startsWith('#')).map(s => ({ name: s.name, path: vscode.workspace.asRelativePath(s.location.uri, false), line: s.location.range.start.line, kind: s.kind }));
}

if (run === 'single') suite('go to note by name (workspace symbols)', () => {
  suiteSetup(() => marginalia());

  test('a title finds its note', async () => {
    const found = await symbols('Language Models');
    assert.ok(found.some(s => s.name === 'Language Models are Few-Shot Learners' && s.path === 'papers/language-models-are-few-shot-learners.md'
      && s.kind === vscode.SymbolKind.File), JSON.stringify(found));
  });

  test('an alias finds its note', async () => {
    const found = await symbols('davinci');
    assert.deepStrictEqual(found.map(s => [s.name, s.path]), [['davinci', 'gpt3.md']]);
  });

  test('a heading is found at its line', async () => {
    const found = await symbols('Open questions');
    const heading = found.find(s => s.path === 'reinforcement-learning.md');
    assert.ok(heading && heading.kind === vscode.SymbolKind.String, JSON.stringify(found));
    const doc = await vscode.workspace.openTextDocument(uriOf('reinforcement-learning.md'));
    assert.strictEqual(doc.lineAt(heading.line).text, '## Open questions');
  });

  test('a heading typed into an unsaved note is found at once', async () => {
    const api = await marginalia();
    await writeNote(uriOf('symbols-scratch/draft.md'), '# Draft\n');
    await waitFor('the note is indexed', () => api.indexFor(folder())!.has('symbols-scratch/draft.md'));
    const doc = await vscode.workspace.openTextDocument(uriOf('symbols-scratch/draft.md'));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(e => e.insert(new vscode.Position(1, 0), '\n## Qqx fresh heading\n'));
    await waitFor('the heading is indexed', () => api.indexFor(folder())!.note('symbols-scratch/draft.md')!.syntax.headings.length === 2);
    assert.deepStrictEqual((await symbols('qqx fresh')).map(s => [s.name, s.line]), [['Qqx fresh heading', 2]]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await removeScratch('symbols-scratch');
  });
});
