// Broken and ambiguous links in the Problems panel, live while typing, with quick fixes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, folder, lines, marginalia, removeScratch, revertUnsaved, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'diagnostics-scratch';

function problemsOf(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'marginalia')
    .map(d => `${d.range.start.line}:${d.range.start.character} ${d.code} ${vscode.DiagnosticSeverity[d.severity]}`);
}

async function problemsSettle(uri: vscode.Uri, expected: string[]): Promise<void> {
  await waitFor(`diagnostics of ${uri.path} are ${JSON.stringify(expected)} (now ${JSON.stringify(problemsOf(uri))})`,
    () => JSON.stringify(problemsOf(uri)) === JSON.stringify(expected));
}

async function setting(name: string, value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('marginalia').update(name, value, vscode.ConfigurationTarget.Workspace);
}

async function fixesAt(uri: vscode.Uri, line: number, character: number): Promise<vscode.CodeAction[]> {
  await vscode.window.showTextDocument(uri);
  await waitFor('the note has its diagnostics', () => problemsOf(uri).length > 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri,
    new vscode.Range(line, character, line, character), vscode.CodeActionKind.QuickFix.value);
  // Only ours: the built-in markdown extension may offer its own.
  return actions.filter(a => /^(Create note|Change to|Link to) /.test(a.title));
}

const note = lines(
  '# Note',                                         // 0
  '',                                               // 1
  '[[Paper]] [[paper#method]] [[paper#^finding]]',  // 2 (miscased, all fine)
  '[[nowhere]] [[paper#Methd]] [[paper#^findng]]',  // 3
  '[[twin]] [x](paper.md#results)',                 // 4
  '```',                                            // 5
  '[[in-code]]',                                    // 6
  '```',                                            // 7
  '`[[in-span]]`');                                 // 8

if (run === 'single') suite('diagnostics and quick fixes', () => {
  const uri = () => uriOf(`${dir}/note.md`);

  suiteSetup(async () => {
    await writeNote(uriOf(`${dir}/paper.md`), lines('# Paper', '', '## Method', '', '## Results', '', 'It works. ^finding'));
    await writeNote(uriOf(`${dir}/a/twin.md`), '# Twin A');
    await writeNote(uriOf(`${dir}/b/twin.md`), '# Twin B');
    await writeNote(uri(), note);
    const api = await marginalia();
    await waitFor('the scratch notes are indexed', () => ['paper.md', 'a/twin.md', 'b/twin.md', 'note.md'].every(p => api.indexFor(folder())!.has(`${dir}/${p}`)));
  });

  teardown(async () => {
    await setting('diagnostics', undefined);
    await setting('diagnosticsScope', undefined);
  });

  suiteTeardown(async () => {
    await revertUnsaved(dir);
    await closeAllEditors();
    await removeScratch(dir);
  });

  const expected = ['3:0 missing-note Warning', '3:12 missing-heading Warning', '3:28 missing-block Warning', '4:0 ambiguous Warning'];

  test('an open note shows broken and ambiguous links; miscased links and links in code are fine', async () => {
    await vscode.window.showTextDocument(uri());
    await problemsSettle(uri(), expected);
  });

  test('an unsaved edit changes the diagnostics at once', async () => {
    const editor = await vscode.window.showTextDocument(uri());
    await editor.edit(e => e.insert(new vscode.Position(8, 13), ' [[also-missing]]'));
    await problemsSettle(uri(), [...expected, '8:14 missing-note Warning']);
    await editor.edit(e => e.delete(new vscode.Range(3, 0, 3, 11)));
    await problemsSettle(uri(), ['3:1 missing-heading Warning', '3:17 missing-block Warning', '4:0 ambiguous Warning', '8:14 missing-note Warning']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await problemsSettle(uri(), expected);
  });

  test('marginalia.diagnostics: information and off', async () => {
    await vscode.window.showTextDocument(uri());
    await setting('diagnostics', 'information');
    await problemsSettle(uri(), expected.map(e => e.replace('Warning', 'Information')));
    await setting('diagnostics', 'off');
    await problemsSettle(uri(), []);
  });

  test('marginalia.diagnosticsScope: vault checks notes that are not open', async () => {
    await closeAllEditors();
    const closed = uriOf(`${dir}/closed.md`);
    await writeNote(closed, 'a link to [[no-such-note]]');
    const api = await marginalia();
    await waitFor('closed.md is indexed', () => api.indexFor(folder())!.has(`${dir}/closed.md`));
    await setting('diagnosticsScope', 'vault');
    await problemsSettle(closed, ['0:10 missing-note Warning']);
    await setting('diagnosticsScope', 'openNotes');
    await problemsSettle(closed, []);
  });

  test('quick fix: create the missing note', async () => {
    await vscode.window.showTextDocument(uri());
    await problemsSettle(uri(), expected);
    const fixes = await fixesAt(uri(), 3, 3);
    assert.deepStrictEqual(fixes.map(f => f.title), ['Create note "nowhere"']);
    await vscode.commands.executeCommand(fixes[0].command!.command, ...fixes[0].command!.arguments!);
    const created = uriOf('nowhere.md');
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), '# nowhere\n');
    await vscode.window.showTextDocument(uri());
    await problemsSettle(uri(), expected.slice(1));
    await vscode.workspace.fs.delete(created);
  });

  test('quick fix: the closest headings and blocks', async () => {
    const heading = await fixesAt(uri(), 3, 15);
    assert.deepStrictEqual(heading.map(f => f.title), ['Change to #Method', 'Change to #Paper', 'Change to #Results']);
    assert.ok(await vscode.workspace.applyEdit(heading[0].edit!));
    await problemsSettle(uri(), ['3:0 missing-note Warning', '3:29 missing-block Warning', '4:0 ambiguous Warning']);
    const block = await fixesAt(uri(), 3, 33);
    assert.deepStrictEqual(block.map(f => f.title), ['Change to ^finding']);
    assert.ok(await vscode.workspace.applyEdit(block[0].edit!));
    const doc = await vscode.workspace.openTextDocument(uri());
    assert.strictEqual(doc.lineAt(3).text, '[[nowhere]] [[paper#Method]] [[paper#^finding]]');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('quick fix: an ambiguous link is rewritten to the candidate picked', async () => {
    await vscode.window.showTextDocument(uri());
    await problemsSettle(uri(), expected);
    const fixes = await fixesAt(uri(), 4, 3);
    assert.deepStrictEqual(fixes.map(f => f.title), [`Link to ${dir}/a/twin.md`, `Link to ${dir}/b/twin.md`]);
    assert.ok(await vscode.workspace.applyEdit(fixes[1].edit!));
    const doc = await vscode.workspace.openTextDocument(uri());
    assert.strictEqual(doc.lineAt(4).text, '[[b/twin]] [x](paper.md#results)');
    await problemsSettle(uri(), expected.slice(0, 3));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
