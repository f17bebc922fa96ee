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
    await config().update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
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
});
