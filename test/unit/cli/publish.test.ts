// `marginalia publish DIR OUT` on bad input, as the rest of the CLI meets it: a note that
// cannot be read is named and skipped, OUT inside DIR (or holding it) is refused, a non-empty
// OUT that publish did not make is refused unless --force, a second publish clears what the
// first wrote, and nothing outside OUT is ever written.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { publishCommand, watchSite } from '../../../src/cli/publish';
import { buildIndex } from '../../../src/core/index/build';
import { NodeVaultHost } from '../../../src/node/nodeHost';

const made: string[] = [];
function temp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-publish-'));
  made.push(dir);
  return dir;
}
function write(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk('');
  return out.sort();
}
async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: t => (out += t + '\n'), err: t => (err += t + '\n') });
  return { code, out, err };
}

suite('cli: publish', () => {
  suiteTeardown(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  function setup() {
    const top = temp();
    const vault = path.join(top, 'vault');
    write(vault, {
      'a.md': '# A\n\nLinks [[b]] and [[nowhere]]. #topic\n\n![[fig.png]]',
      'b.md': '# B\n\nBack to [[a]].',
      'fig.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    return { top, vault, out: path.join(top, 'site') };
  }

  test('publishes into a new folder and writes nothing outside it', async () => {
    const { top, vault, out } = setup();
    const before = listing(vault);
    const r = await run('publish', vault, out);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.err, /published 2 notes, 1 tags, 1 attachments/);
    assert.deepStrictEqual(fs.readdirSync(top).sort(), ['site', 'vault']);
    assert.deepStrictEqual(listing(vault), before);
    assert.ok(fs.existsSync(path.join(out, 'a/index.html')));
    assert.ok(fs.existsSync(path.join(out, 'files/fig.png')));
    assert.ok(!fs.existsSync(path.join(out, 'feed.xml')), 'no feed without --base-url');
  });

  test('OUT inside DIR is refused (the site would publish itself), and DIR inside OUT', async () => {
    const { vault } = setup();
    const inside = await run('publish', vault, path.join(vault, 'site'));
    assert.strictEqual(inside.code, 2);
    assert.match(inside.err, /inside the vault/);
    assert.ok(!fs.existsSync(path.join(vault, 'site')));
    const holding = await run('publish', vault, path.dirname(vault), '--force');
    assert.strictEqual(holding.code, 2);
    assert.match(holding.err, /holds the vault/);
  });

  test('a non-empty OUT that publish did not make is refused unless --force', async () => {
    const { vault, out } = setup();
    write(out, { 'mine.txt': 'keep me' });
    const refused = await run('publish', vault, out);
    assert.strictEqual(refused.code, 2);
    assert.match(refused.err, /not empty and was not made by marginalia publish.*--force/);
    assert.deepStrictEqual(listing(out), ['mine.txt']);
    const forced = await run('publish', vault, out, '--force');
    assert.strictEqual(forced.code, 0, forced.err);
    assert.strictEqual(fs.readFileSync(path.join(out, 'mine.txt'), 'utf8'), 'keep me');
  });

  test('publishing again clears what the last publish wrote: a note withdrawn leaves no page behind', async () => {
    const { vault, out } = setup();
    assert.strictEqual((await run('publish', vault, out)).code, 0);
    assert.ok(fs.existsSync(path.join(out, 'b/index.html')));
    write(vault, { 'b.md': '---\npublish: false\n---\n# B\n\nBack to [[a]].' });
    const again = await run('publish', vault, out);
    assert.strictEqual(again.code, 0, again.err);
    assert.ok(!fs.existsSync(path.join(out, 'b/index.html')));
    assert.doesNotMatch(fs.readFileSync(path.join(out, 'a/index.html'), 'utf8'), /href="[^"]*\bb\//);
  });

  test('a note that cannot be read is named and skipped; the rest is published', async () => {
    const { vault, out } = setup();
    write(vault, { 'broken.md': new Uint8Array([0x23, 0x20, 0xff, 0xfe, 0x00, 0x41]) });
    const r = await run('publish', vault, out);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.err, /broken\.md/);
    assert.ok(!fs.existsSync(path.join(out, 'broken/index.html')));
    assert.ok(fs.existsSync(path.join(out, 'a/index.html')));
  });

  test('--base-url adds an Atom feed and a sitemap with absolute addresses; a bad URL is a usage error', async () => {
    const { vault, out } = setup();
    const r = await run('publish', vault, out, '--base-url', 'https://me.example/notes', '--title', 'My Notes');
    assert.strictEqual(r.code, 0, r.err);
    assert.match(fs.readFileSync(path.join(out, 'sitemap.xml'), 'utf8'), /<loc>https:\/\/me\.example\/notes\/a\/<\/loc>/);
    assert.match(fs.readFileSync(path.join(out, 'feed.xml'), 'utf8'), /<title>My Notes<\/title>/);
    assert.strictEqual((await run('publish', vault, out, '--base-url', 'javascript:alert(1)')).code, 2);
    assert.strictEqual((await run('index', vault, '--watch')).code, 2, '--watch is an option of publish');
  });

  test('--include and --exclude choose the notes', async () => {
    const { vault, out } = setup();
    write(vault, { 'drafts/c.md': '# C\n\n[[a]]' });
    assert.strictEqual((await run('publish', vault, out, '--exclude', 'drafts')).code, 0);
    assert.ok(!fs.existsSync(path.join(out, 'drafts/c/index.html')));
    assert.strictEqual((await run('publish', vault, out, '--include', 'drafts/**')).code, 0);
    assert.deepStrictEqual(listing(out).filter(f => f.endsWith('index.html') && !/^(?:tags|notes|search|graph)\//.test(f)), ['drafts/c/index.html', 'index.html']);
  });

  test('--watch: a changed note rewrites its page and the pages it feeds, not the whole site', async () => {
    const { vault, out } = setup();
    const { index } = await buildIndex(new NodeVaultHost(vault));
    const logs: string[] = [];
    const published = await publishCommand(index, vault, { out, include: [], exclude: [], force: false, watch: true }, m => logs.push(m));
    assert.ok(!('error' in published), 'error' in published ? published.error : '');
    if ('error' in published) return;
    const watch = watchSite(index, vault, published, m => logs.push(m));
    try {
      const untouched = fs.statSync(path.join(out, 'assets/site.css')).mtimeMs;
      write(vault, { 'b.md': '# B\n\nBack to [[a]], with a sentence about quokkas.' });
      const page = path.join(out, 'a/index.html');
      for (let i = 0; i < 200 && !fs.readFileSync(page, 'utf8').includes('quokkas'); i++) await new Promise(r => setTimeout(r, 50));
      await watch.settled();
      assert.match(fs.readFileSync(page, 'utf8'), /quokkas/, `a's Backlinks quote b's new paragraph (${logs.join('; ')})`);
      assert.match(fs.readFileSync(path.join(out, 'b/index.html'), 'utf8'), /quokkas/);
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'search.json'), 'utf8')) as { recent: string };
      assert.match(fs.readFileSync(path.join(out, manifest.recent), 'utf8'), /quokkas/, 'the search overlay holds the new words');
      assert.strictEqual(fs.statSync(path.join(out, 'assets/site.css')).mtimeMs, untouched, 'the assets are not written again');
    } finally {
      watch.close();
    }
  });
});
