// `marginalia.createNote`: the note a link names is created where the settings say, opened,
// never overwrites a file, never leaves the vault, and one undo takes it away again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, exists, folder, marginalia, removeScratch, run, textOf, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'create-scratch';

if (run === 'single') suite('creating a note from a link', () => {
  const from = () => uriOf(`${dir}/source.md`);

  suiteSetup(async () => {
    await marginalia();
    await writeNote(from(), '# Source\n\nSee [[Bitter Lesson]].\n');
  });

  teardown(closeAllEditors);

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('marginalia').update('newNoteFolder', undefined, vscode.ConfigurationTarget.Workspace);
    for (const name of ['Bitter Lesson.md', 'Kept.md']) {
      if (await exists(uriOf(name))) await vscode.workspace.fs.delete(uriOf(name));
    }
    await removeScratch(dir);
  });

  test('a bare name is created at the vault root with its title and opened', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createNote', 'Bitter Lesson', from());
    assert.strictEqual(created?.toString(), uriOf('Bitter Lesson.md').toString());
    assert.strictEqual(await textOf(uriOf('Bitter Lesson.md')), '# Bitter Lesson\n');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
    const api = await marginalia();
    await waitFor('the new note is indexed', () => api.indexFor(folder())!.has('Bitter Lesson.md'));
    await vscode.workspace.fs.delete(created);
  });

  test('sameAsNote puts it beside the linking note; a target with a folder names its own place', async () => {
    await vscode.workspace.getConfiguration('marginalia').update('newNoteFolder', 'sameAsNote', vscode.ConfigurationTarget.Workspace);
    const beside = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createNote', 'beside', from());
    assert.strictEqual(beside?.toString(), uriOf(`${dir}/beside.md`).toString());
    const placed = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createNote', `${dir}/deeper/placed`, from());
    assert.strictEqual(placed?.toString(), uriOf(`${dir}/deeper/placed.md`).toString());
    assert.strictEqual(await textOf(placed!), '# placed\n');
    await vscode.workspace.getConfiguration('marginalia').update('newNoteFolder', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('an existing file is opened, never overwritten', async () => {
    await writeNote(uriOf('Kept.md'), 'my own text\n');
    const created = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createNote', 'Kept', from());
    assert.strictEqual(created?.toString(), uriOf('Kept.md').toString());
    assert.strictEqual(await textOf(uriOf('Kept.md')), 'my own text\n');
  });

  test('a target outside the vault is refused and nothing is written', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('marginalia.createNote', '../../../etc/marginalia-x', from());
    assert.strictEqual(created, undefined);
    assert.ok(!(await exists(vscode.Uri.joinPath(folder(), '../../../etc/marginalia-x.md'))));
  });

  test('one undo takes the created note away', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createNote', `${dir}/undone`, from());
    assert.ok(created && await exists(created));
    await vscode.commands.executeCommand('undo');
    const deadline = Date.now() + 10000;
    while (await exists(created) && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
    assert.ok(!(await exists(created)), 'undo removed the file');
  });
});
