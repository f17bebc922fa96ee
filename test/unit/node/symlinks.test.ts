// Symbolic links in a vault on disk (src/cli/symlinks.ts): indexed once, never silently dropped.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { NodeVaultHost } from '../../../src/node/nodeHost';

function tree(files: Record<string, string>, links: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-links-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  for (const [rel, to] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.symlinkSync(to, path.join(dir, rel));
  }
  return dir;
}

async function graph(dir: string) {
  let out = '';
  let err = '';
  const code = await runCli(['graph', dir, '--json'], { out: (t) => (out += t), err: (t) => (err += t + '\n') });
  const notes = (JSON.parse(out).nodes as { id: string; type: string }[]).filter((n) => n.type === 'note').map((n) => n.id);
  return { code, notes, err };
}

suite('cli: symbolic links', () => {
  test('a linked note or folder elsewhere in the vault is indexed once, at its real path', async () => {
    const dir = tree({ 'real/a.md': '[[b]]', 'b.md': '' }, { 'alias': 'real', 'b-link.md': 'b.md' });
    const r = await graph(dir);
    assert.deepStrictEqual([r.notes, r.err], [['b.md', 'real/a.md'], '']);
  });

  test('a linked folder whose real place is not indexed (a hidden folder) is indexed under the link', async () => {
    const dir = tree({ '.hidden/notes/c.md': '# C' }, { 'notes': '.hidden/notes' });
    assert.deepStrictEqual((await graph(dir)).notes, ['notes/c.md']);
  });

  test('links that leave the vault, loop, or point nowhere are skipped and named in one message', async () => {
    const outside = tree({ 'elsewhere.md': '' }, {});
    const dir = tree({ 'sub/a.md': '' }, { 'out': outside, 'sub/loop': '..', 'gone.md': 'nothing-here.md' });
    const r = await graph(dir);
    assert.deepStrictEqual(r.notes, ['sub/a.md']);
    assert.strictEqual(r.err.trim().split('\n').length, 1, r.err);
    assert.match(r.err, /skipped 3 symbolic links .*gone\.md points nowhere; out points outside the folder; sub\/loop loops back to a folder above it/);
  });
});

suite('NodeVaultHost: symbolic links in both listings', () => {
  // The extension lists folder by folder (listFilesAsync), the command line in one go: the same
  // links must be followed, and the same ones skipped and named (the extension logs them).
  test('the folder-by-folder listing follows and skips the same links as the one-task listing', async () => {
    const outside = tree({ 'elsewhere.md': '' }, {});
    const dir = tree(
      { 'real/a.md': '[[b]]', 'b.md': '', '.hidden/notes/c.md': '# C', 'sub/d.md': '' },
      { 'alias': 'real', 'b-link.md': 'b.md', 'notes': '.hidden/notes', 'out': outside, 'sub/loop': '..', 'gone.md': 'nothing-here.md' },
    );
    const host = new NodeVaultHost(dir);
    const sync = host.listFilesSync();
    const syncSkipped = host.skippedLinks;
    const async = await host.listFilesAsync();
    assert.deepStrictEqual(async, sync);
    assert.deepStrictEqual(host.skippedLinks, syncSkipped);
    assert.deepStrictEqual(sync.map(f => f.path), ['b.md', 'notes/c.md', 'real/a.md', 'sub/d.md']);
    assert.deepStrictEqual(host.skippedLinks.map(s => s.path).sort(), ['gone.md', 'out', 'sub/loop']);
  });

  test('a listing without links forgets the links an earlier listing skipped', async () => {
    const dir = tree({ 'a.md': '' }, { 'gone.md': 'nothing-here.md' });
    const host = new NodeVaultHost(dir);
    await host.listFilesAsync();
    assert.strictEqual(host.skippedLinks.length, 1);
    fs.unlinkSync(path.join(dir, 'gone.md'));
    await host.listFilesAsync();
    assert.deepStrictEqual(host.skippedLinks, []);
  });
});
