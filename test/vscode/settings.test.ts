// `marginalia.exclude` decides what is a note: changing it reindexes, and the watcher
// honours it for files that appear later.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { folder, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

if (run === 'single') suite('include and exclude settings', () => {
  const config = () => vscode.workspace.getConfiguration('marginalia', folder());
  const index = async () => (await marginalia()).indexFor(folder())!;

  suiteSetup(async () => {
    await writeNote(uriOf('archive-scratch/old.md'), '# Old');
    await writeNote(uriOf('kept-scratch/new.md'), '# New');
    const api = await marginalia();
    await waitFor('the scratch notes are indexed', () => api.indexFor(folder())!.has('archive-scratch/old.md'));
  });

  suiteTeardown(async () => {
    for (const setting of ['exclude', 'include', 'maxFileSize']) await config().update(setting, undefined, vscode.ConfigurationTarget.Workspace);
    for (const dir of ['archive-scratch', 'kept-scratch']) await removeScratch(dir);
  });

  test('excluding a folder takes its notes out of the index', async () => {
    const api = await marginalia();
    const defaults = config().inspect<string[]>('exclude')!.defaultValue!;
    await config().update('exclude', [...defaults, 'archive-scratch'], vscode.ConfigurationTarget.Workspace);
    await waitFor('archive-scratch is excluded', () => !api.indexFor(folder())!.has('archive-scratch/old.md'));
    assert.ok((await index()).has('kept-scratch/new.md'));
  });

  test('a note created in an excluded folder stays out of the index', async () => {
    const api = await marginalia();
    await waitFor('the exclude is in force', () => !api.indexFor(folder())!.has('archive-scratch/old.md'));
    await writeNote(uriOf('archive-scratch/later.md'), '# Later');
    await writeNote(uriOf('kept-scratch/later.md'), '# Later');
    await waitFor('the included one is indexed', () => api.indexFor(folder())!.has('kept-scratch/later.md'));
    assert.strictEqual((await index()).has('archive-scratch/later.md'), false);
  });

  test('removing the exclude brings the notes back', async () => {
    const api = await marginalia();
    await config().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('archive-scratch is back', () => api.indexFor(folder())!.has('archive-scratch/old.md')
      && api.indexFor(folder())!.has('archive-scratch/later.md'));
  });

  test('including only one folder leaves every other note out', async () => {
    const api = await marginalia();
    await config().update('include', ['kept-scratch'], vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('only kept-scratch is indexed', () => api.indexFor(folder())!.has('kept-scratch/new.md') &&
        [...api.indexFor(folder())!.notes()].every(n => n.path.startsWith('kept-scratch/')));
    } finally {
      await config().update('include', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the whole vault is back', () => api.indexFor(folder())!.has('archive-scratch/old.md'));
  });

  test('a note over marginalia.maxFileSize is reported as too large and left out', async () => {
    const api = await marginalia();
    await writeNote(uriOf('kept-scratch/long.md'), '# Long\n\n' + 'word '.repeat(400));
    await waitFor('the long note is indexed', () => api.indexFor(folder())!.has('kept-scratch/long.md'));
    await config().update('maxFileSize', 0.001, vscode.ConfigurationTarget.Workspace); // about 1 KB
    try {
      await waitFor('the long note is reported', () => api.problemsFor(folder()).some(p => p.path === 'kept-scratch/long.md'));
      assert.strictEqual(api.problemsFor(folder()).find(p => p.path === 'kept-scratch/long.md')!.reason, 'too-large');
      assert.strictEqual(api.indexFor(folder())!.has('kept-scratch/long.md'), false);
      assert.ok(api.indexFor(folder())!.has('kept-scratch/new.md'), 'short notes stay');
    } finally {
      await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the long note is back', () => api.indexFor(folder())!.has('kept-scratch/long.md'));
  });
});

