// What the graph keeps between openings (positions, group colours), read before its panel is
// made: the prefetch is the read the picture then uses (each file read once, not twice), and a
// write still queued when the prefetch starts is what it reads. Reads are counted by watching
// Node's fs.promises.readFile, which the store uses for a local file (positionStore.ts).
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/api';
import { GraphPositionStore } from '../../src/vscode/graph/positionStore';
import { folder, marginalia, run, uriOf, waitFor } from './marginalia';

/** Runs `body` counting the reads of each file through fs.promises.readFile. */
async function countingReads<T>(body: (reads: Map<string, number>) => Promise<T>): Promise<T> {
  const reads = new Map<string, number>();
  const readFile = fs.promises.readFile;
  fs.promises.readFile = ((file: Parameters<typeof readFile>[0], ...rest: unknown[]) => {
    reads.set(String(file), (reads.get(String(file)) ?? 0) + 1);
    return (readFile as (...a: unknown[]) => Promise<unknown>).call(fs.promises, file, ...rest);
  }) as typeof readFile;
  try {
    return await body(reads);
  } finally {
    fs.promises.readFile = readFile;
  }
}

if (run === 'single') suite('graph: what it keeps, read before the panel is made', () => {
  let storage: vscode.Uri;
  let log: vscode.LogOutputChannel;
  const stores: GraphPositionStore[] = [];
  /** A store on the suite's storage, as a window of VS Code (opened again) makes one. */
  const newStore = () => {
    const store = new GraphPositionStore(storage, log);
    stores.push(store);
    return store;
  };

  suiteSetup(() => {
    storage = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'graph-kept-')));
    log = vscode.window.createOutputChannel('Marginalia graph kept (test)', { log: true });
  });

  suiteTeardown(async () => {
    for (const s of stores) await s.flush();
    log.dispose();
    fs.rmSync(storage.fsPath, { recursive: true, force: true });
  });

  test('a prefetch is the read the picture then uses: each kept file read once', async () => {
    const notes = folder();
    const first = newStore();
    first.save(notes, { 'transformers.md': [1, 2] });
    first.groupSlots(notes, [{ name: 'papers/', count: 1 }]);
    await first.flush(notes);

    const reopened = newStore();
    const positionsFile = reopened.fileFor(notes)!.fsPath;
    const groupsFile = reopened.groupsFileFor(notes)!.fsPath;
    await countingReads(async reads => {
      reopened.prefetch(notes, true);
      // The prefetch's reads have begun, before anything asks for what they read.
      await waitFor('the prefetch reads both files', () => reads.get(positionsFile) === 1 && reads.get(groupsFile) === 1);
      const [positions, slots] = await Promise.all([reopened.load(notes), reopened.loadGroupSlots(notes)]);
      assert.deepStrictEqual(Object.entries(positions), [['transformers.md', [1, 2]]]);
      assert.deepStrictEqual([...slots.keys()], ['papers/']);
      assert.strictEqual(reads.get(positionsFile), 1, 'the positions file was read once');
      assert.strictEqual(reads.get(groupsFile), 1, 'the group colours file was read once');
    });
  });

  test('a write still queued when the prefetch starts is what the prefetch reads', async () => {
    const notes = folder();
    const store = newStore();
    store.save(notes, { 'gpt3.md': [3, 4] });
    await store.flush(notes);
    // A newer position and a new group, their writes queued and not waited for; then the window reopens.
    store.save(notes, { 'gpt3.md': [5, 6] });
    const writing = store.flush(notes);
    store.groupSlots(notes, [{ name: 'people/', count: 1 }]);
    store.forget(notes);
    store.prefetch(notes, true);
    const [positions, slots] = await Promise.all([store.load(notes), store.loadGroupSlots(notes)]);
    assert.deepStrictEqual(positions['gpt3.md'], [5, 6]);
    assert.ok(slots.has('people/'), `the queued group is read back (read ${JSON.stringify([...slots.keys()])})`);
    await writing;
  });

  test('Show Graph reads each kept file once (its prefetch and its picture share the reads)', async function () {
    this.timeout(90000);
    const api: MarginaliaApi = await marginalia();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.graph.flushPositions();
    api.graph.forgetPositions();
    const positionsFile = api.graph.positionsFileFor(folder())!.fsPath;
    const groupsFile = positionsFile.replace(/\.json$/, '.groups.json');
    await vscode.window.showTextDocument(uriOf('transformers.md'));
    await countingReads(async reads => {
      await vscode.commands.executeCommand('marginalia.showGraph');
      await waitFor('the picture is sent', () => api.graph.global.state()?.sent.some(m => m.type === 'graph') ?? false, 80000);
      assert.strictEqual(reads.get(positionsFile), 1, 'the positions file was read once');
      assert.strictEqual(reads.get(groupsFile), 1, 'the group colours file was read once');
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
