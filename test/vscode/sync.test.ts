// The index follows the user: unsaved edits (debounced), undo, closing without saving,
// and files created, changed, deleted or renamed on disk or through a workspace edit.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/api';
import { backlinkSources, closeAllEditors, folder, lines, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'sync-scratch';

async function openNote(path: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf(path)));
}

async function appendText(editor: vscode.TextEditor, text: string): Promise<void> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  assert.ok(await editor.edit(b => b.insert(end, text)));
}

if (run === 'single') suite('keeping the index in sync', () => {
  suiteSetup(async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/target.md`), lines('# Target', '', 'Linked to from the tests.'));
    await writeNote(uriOf(`${dir}/source.md`), lines('# Source', '', 'No links yet.'));
    await waitFor('the scratch notes are indexed', () => api.indexFor(folder())!.has(`${dir}/source.md`)
      && api.indexFor(folder())!.has(`${dir}/target.md`));
  });

  teardown(closeAllEditors);

  suiteTeardown(async () => {
    await removeScratch(dir);
  });

  const source = `${dir}/source.md`;
  const linksToTarget = (api: MarginaliaApi) => backlinkSources(api, `${dir}/target.md`).includes(source);

  /** Opens source.md and types a link to target.md into it, without saving. */
  async function typeLinkIntoSource(api: MarginaliaApi): Promise<vscode.TextEditor> {
    const editor = await openNote(source);
    await appendText(editor, '\nSee [[target]].');
    await waitFor('source links to target', () => linksToTarget(api));
    return editor;
  }

  test('a link typed into an open note shows in backlinks before it is saved', async () => {
    const editor = await typeLinkIntoSource(await marginalia());
    assert.ok(editor.document.isDirty, 'the note was not saved');
  });

  test('undoing the edit takes the link out again', async () => {
    const api = await marginalia();
    await typeLinkIntoSource(api);
    await vscode.commands.executeCommand('undo');
    await waitFor('the link is out', () => !linksToTarget(api));
  });

  test('reverting and closing an edited note puts back its disk version', async () => {
    const api = await marginalia();
    await typeLinkIntoSource(api);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the link is gone with the edit', () => !linksToTarget(api));
  });

  test('a note written on disk by another program is indexed', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/created.md`), lines('# Created', '', 'Points at [[target]].'));
    await waitFor('created links to target', () => backlinkSources(api, `${dir}/target.md`).includes(`${dir}/created.md`));
  });

  test('a note changed on disk is read again', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/changing.md`), '# Changing');
    await waitFor('it is indexed', () => api.indexFor(folder())!.has(`${dir}/changing.md`));
    await writeNote(uriOf(`${dir}/changing.md`), lines('# Changing', '', 'Now with [[target]].'));
    await waitFor('its new link counts', () => backlinkSources(api, `${dir}/target.md`).includes(`${dir}/changing.md`));
  });

  test('a note deleted on disk leaves the index and its links break', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/doomed.md`), '# Doomed');
    await writeNote(uriOf(`${dir}/mourner.md`), 'Remembers [[doomed]].');
    await waitFor('both are indexed', () => backlinkSources(api, `${dir}/doomed.md`).length === 1);
    await vscode.workspace.fs.delete(uriOf(`${dir}/doomed.md`));
    await waitFor('doomed is gone', () => !api.indexFor(folder())!.has(`${dir}/doomed.md`));
    const link = api.indexFor(folder())!.forwardLinks(`${dir}/mourner.md`)[0];
    assert.strictEqual(link.resolution.kind, 'placeholder');
  });

  test('a note renamed on disk moves in the index', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/before.md`), '# Moving');
    await waitFor('it is indexed', () => api.indexFor(folder())!.has(`${dir}/before.md`));
    await vscode.workspace.fs.rename(uriOf(`${dir}/before.md`), uriOf(`${dir}/after.md`));
    const index = () => api.indexFor(folder())!;
    await waitFor('it moved', () => index().has(`${dir}/after.md`) && !index().has(`${dir}/before.md`));
  });

  test('a rename through a workspace edit keeps the index right', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/old-name.md`), lines('# Renamed', '', 'Cites [[target]].'));
    await waitFor('it is indexed', () => backlinkSources(api, `${dir}/target.md`).includes(`${dir}/old-name.md`));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uriOf(`${dir}/old-name.md`), uriOf(`${dir}/new-name.md`));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('its backlink moved with it', () => {
      const sources = backlinkSources(api, `${dir}/target.md`);
      return sources.includes(`${dir}/new-name.md`) && !sources.includes(`${dir}/old-name.md`);
    });
  });

  test('a folder deleted on disk takes its notes out of the index', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/sub/one.md`), '# One');
    await writeNote(uriOf(`${dir}/sub/two.md`), '# Two');
    const index = () => api.indexFor(folder())!;
    await waitFor('both are indexed', () => index().has(`${dir}/sub/one.md`) && index().has(`${dir}/sub/two.md`));
    await vscode.workspace.fs.delete(uriOf(`${dir}/sub`), { recursive: true });
    await waitFor('both are gone', () => !index().has(`${dir}/sub/one.md`) && !index().has(`${dir}/sub/two.md`));
  });

  test('an attachment added on disk becomes a link target', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/chart.png`), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    await waitFor('the attachment is indexed', () => [...api.indexFor(folder())!.attachments()].includes(`${dir}/chart.png`));
    assert.deepStrictEqual(api.indexFor(folder())!.resolve('chart.png', `${dir}/source.md`).kind, 'attachment');
  });

  test('an attachment deleted on disk leaves the index', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/gone.png`), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    await waitFor('the attachment is indexed', () => [...api.indexFor(folder())!.attachments()].includes(`${dir}/gone.png`));
    await vscode.workspace.fs.delete(uriOf(`${dir}/gone.png`));
    await waitFor('the attachment is gone', () => ![...api.indexFor(folder())!.attachments()].includes(`${dir}/gone.png`));
  });
});

