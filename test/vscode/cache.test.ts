// The index cache across openings: restored equal to a fresh build, right after files changed
// while VS Code was closed, and rebuilt from the files when the cache file is damaged.
// `api.restart(whileClosed)` drops every index and starts again as a fresh activation does.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/api';
import { loadSnapshot, packedAsRead, snapshot } from '../../src/core/index/snapshot';
import type { PackedSyntax } from '../../src/core/syntax/packed';
import { IndexCacheStore } from '../../src/vscode/vaults/indexCacheStore';
import type { CacheNote } from '../../src/core/index/indexCache';
import type { NoteIndex } from '../../src/core/index/noteIndex';
import { folder, lines, marginalia, run, uriOf, waitFor } from './marginalia';

const dir = 'cache-scratch';

/** The index as a fresh build from the files sees it (Reindex reads everything, never the cache). */
async function freshSnapshot(api: MarginaliaApi): Promise<ReturnType<typeof snapshot>> {
  await vscode.commands.executeCommand('marginalia.reindex');
  await api.ready();
  assert.strictEqual(api.lastBuildOf(folder())!.fromCache, false);
  return loadSnapshot(api.indexFor(folder())!);
}

function write(path: string, text: string): void {
  fs.mkdirSync(uriOf(path).fsPath.replace(/\/[^/]*$/, ''), { recursive: true });
  fs.writeFileSync(uriOf(path).fsPath, text);
}

/** Watcher events for what `whileClosed` did arrive while no index listens. */
const settle = () => new Promise(resolve => setTimeout(resolve, 600));

async function reopen(api: MarginaliaApi, whileClosed: () => void = () => {}): Promise<void> {
  await api.saveCaches();
  await api.restart(async () => {
    whileClosed();
    await settle();
  });
  await api.ready();
}

if (run === 'single') suite('the index cache', () => {
  suiteSetup(async () => {
    const api = await marginalia();
    write(`${dir}/kept.md`, lines('# Kept', '', 'Links to [[changed]] and [[to-delete]] and [[renamed-before]].', '#cache-test'));
    write(`${dir}/changed.md`, lines('# Changed', '', 'First version.'));
    write(`${dir}/to-delete.md`, lines('# To delete', '', 'See [[kept]].'));
    write(`${dir}/renamed-before.md`, lines('# Renamed', '', 'See [[kept]].'));
    await waitFor('the scratch notes are indexed', () => api.indexFor(folder())!.has(`${dir}/renamed-before.md`));
  });

  suiteTeardown(async () => {
    const api = await marginalia();
    fs.rmSync(uriOf(dir).fsPath, { recursive: true, force: true });
    await waitFor(`${dir} has left the index`, () => ![...api.indexFor(folder())!.notes()].some(n => n.path.startsWith(dir + '/')));
  });

  test('the folder is read through the host this run asks for', async () => {
    const api = await marginalia();
    const expected = process.env.MARGINALIA_HOST === 'workspace' ? 'workspace' : 'fs';
    assert.strictEqual(api.lastBuildOf(folder())!.host, expected);
  });

  test('a reopened workspace is restored from the cache, equal to a fresh build', async () => {
    const api = await marginalia();
    const fresh = await freshSnapshot(api);
    await reopen(api);
    const report = api.lastBuildOf(folder())!;
    assert.strictEqual(report.fromCache, true, report.cacheProblem);
    assert.strictEqual(report.reread, 0);
    assert.ok(fs.existsSync(api.cacheFileFor(folder())!.fsPath));
    assert.deepStrictEqual(await loadSnapshot(api.indexFor(folder())!), fresh);
  });

  test('notes changed, added, deleted and renamed while closed are right after reopening', async () => {
    const api = await marginalia();
    await reopen(api, () => {
      write(`${dir}/changed.md`, lines('# Changed', '', 'Second, longer version: now links to [[kept]] and [[added]].'));
      write(`${dir}/added.md`, lines('# Added', '', 'A new note linking to [[kept]].'));
      fs.rmSync(uriOf(`${dir}/to-delete.md`).fsPath);
      fs.renameSync(uriOf(`${dir}/renamed-before.md`).fsPath, uriOf(`${dir}/renamed-after.md`).fsPath);
    });
    const report = api.lastBuildOf(folder())!;
    assert.strictEqual(report.fromCache, true, report.cacheProblem);
    // The changed note, the new one, and the renamed one under its new name; nothing else.
    assert.strictEqual(report.reread, 3);
    const index = api.indexFor(folder())!;
    assert.ok(index.indexedFrom(`${dir}/changed.md`, fs.readFileSync(uriOf(`${dir}/changed.md`).fsPath, 'utf8')), 'the changed note was indexed from its new text');
    assert.match((await index.readText(`${dir}/changed.md`))!, /Second, longer version/);
    assert.strictEqual(index.has(`${dir}/to-delete.md`), false);
    assert.strictEqual(index.has(`${dir}/renamed-before.md`), false);
    assert.ok(index.has(`${dir}/renamed-after.md`));
    assert.deepStrictEqual(index.backlinks(`${dir}/added.md`).map(b => b.source), [`${dir}/changed.md`]);
    const restored = await loadSnapshot(index);
    assert.deepStrictEqual(restored, await freshSnapshot(api));
  });

  const damages: [string, (bytes: Buffer) => Buffer | string][] = [
    ['truncated', bytes => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['corrupted', bytes => { const copy = Buffer.from(bytes); copy[Math.floor(copy.length * 0.7)] ^= 0x41; return copy; }],
    ['foreign', () => '{"this": "is not a Marginalia cache"}'],
    ['empty', () => ''],
  ];
  for (const [kind, damage] of damages) {
    test(`${kind === 'empty' ? 'an' : 'a'} ${kind} cache file is discarded, logged, and the index rebuilt from the files`, async () => {
      const api = await marginalia();
      const fresh = await freshSnapshot(api);
      const file = api.cacheFileFor(folder())!.fsPath;
      await reopen(api, () => fs.writeFileSync(file, damage(fs.readFileSync(file))));
      const report = api.lastBuildOf(folder())!;
      assert.strictEqual(report.fromCache, false);
      assert.match(report.cacheProblem ?? '', kind === 'empty' ? /^truncated/ : new RegExp(`^${kind}`));
      assert.deepStrictEqual(await loadSnapshot(api.indexFor(folder())!), fresh);
      // The damaged file is gone; the next save writes a good one, which the next opening uses.
      await reopen(api);
      assert.strictEqual(api.lastBuildOf(folder())!.fromCache, true);
    });
  }

  test('Clear Index Cache deletes the cache: the next opening reads every note', async () => {
    const api = await marginalia();
    await api.saveCaches();
    const file = api.cacheFileFor(folder())!.fsPath;
    assert.ok(fs.existsSync(file));
    await vscode.commands.executeCommand('marginalia.clearCache');
    assert.strictEqual(fs.existsSync(file), false);
    await api.restart();
    await api.ready();
    assert.strictEqual(api.lastBuildOf(folder())!.fromCache, false);
    assert.strictEqual(api.lastBuildOf(folder())!.reread, api.indexFor(folder())!.stats().notes);
  });
});

/** Files in memory under a scheme of its own: storage that is no local file (a remote or web host's). */
class MemoryFiles implements vscode.FileSystemProvider {
  readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.length };
    if ([...this.files.keys()].some(k => k.startsWith(uri.path + '/')) || uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {}
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content.slice());
  }
  delete(uri: vscode.Uri): void {
    if (!this.files.delete(uri.path)) throw vscode.FileSystemError.FileNotFound(uri);
  }
  rename(from: vscode.Uri, to: vscode.Uri): void {
    this.files.set(to.path, this.readFile(from));
    this.files.delete(from.path);
  }
}

if (run === 'single') suite('the index cache in storage that is no local file', () => {
  test('is written whole through workspace.fs (no temp file left) and read back as it was', async () => {
    const api = await marginalia();
    const memory = new MemoryFiles();
    const registration = vscode.workspace.registerFileSystemProvider('marginalia-test-memory', memory);
    try {
      const notes: CacheNote[] = [...(api.indexFor(folder()) as NoteIndex).packedNotes()].map((n, i) => ({ ...n, stamp: { size: n.print.length, mtime: 1000 + i } }));
      assert.ok(notes.length > 10, 'the fixture vault has notes');
      const logged: string[] = [];
      const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
      const identity = { producer: 'test', folder: 'marginalia-test-memory:/vault', settings: '' };
      const store = new IndexCacheStore(vscode.Uri.from({ scheme: 'marginalia-test-memory', path: '/storage' }), () => identity, logger);
      await store.save(notes);
      assert.deepStrictEqual([...memory.files.keys()], [store.file.path], logged.join('\n'));
      assert.match(logged.join('\n'), /Saved the index cache/);
      const loaded = await store.load();
      assert.ok(loaded, store.lastProblem);
      const asRead = (n: { stamp: unknown; print: unknown; packed: PackedSyntax } | undefined) => n && { stamp: n.stamp, print: n.print, packed: packedAsRead(n.packed) };
      assert.deepStrictEqual(notes.map(n => [n.path, asRead(loaded.get(n.path))]), notes.map(n => [n.path, asRead(n)]));
      store.dispose();
    } finally {
      registration.dispose();
    }
  });
});
