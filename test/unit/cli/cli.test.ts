import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runCli } from '../../../src/cli/main';

const lines = (...l: string[]) => l.join('\n');

/** The temp vaults this file made: removed when its suite ends, passed or failed. */
const made: string[] = [];

/** Writes a vault into a fresh temp folder: { 'a.md': 'text' | Uint8Array }. */
function vault(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cli-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

export async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: t => (out += t + '\n'), err: t => (err += t + '\n') });
  return { code, out, err };
}

const research = () =>
  vault({
    'transformers.md': lines('# Transformers', '', '#attention is all you need. See [[bitter-lesson]].', '', '- key idea: [[attention]]'),
    'gpt3.md': lines('# GPT-3', '', 'It uses 96 layers (see [[transformers]]) and is #ml/llm.', '', 'Unrelated paragraph.'),
    'papers/attention.md': lines('---', 'title: Attention Is All You Need', 'tags: [ml/transformers]', '---', '', 'The paper. [[gpt3|GPT-3]] came later.'),
    'notes/attention.md': '# Attention (my notes)\n',
  });

suite('cli', () => {
  suiteTeardown(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('index counts notes, links and tags', async () => {
    const r = await run('index', research(), '--json');
    assert.strictEqual(r.code, 0, r.err);
    const s = JSON.parse(r.out);
    assert.strictEqual(s.notes, 4);
    assert.strictEqual(s.links, 4);
    assert.strictEqual(s.unresolved, 1);
    assert.strictEqual(s.ambiguous, 1);
    assert.deepStrictEqual(s.problems, []);
    assert.strictEqual(typeof s.millis, 'number');
  });

  test('index prints a readable summary', async () => {
    const r = await run('index', research());
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^notes +4$/m);
    assert.match(r.out, /^links +4 \(3 resolved, 1 of them ambiguous; 1 unresolved\)$/m);
  });

  test('check lists each broken and ambiguous link as path:line:col: message and exits 1', async () => {
    const r = await run('check', research());
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(r.out.trim().split('\n'), [
      'transformers.md:3:33: broken link [[bitter-lesson]]: no note named "bitter-lesson"',
      'transformers.md:5:13: ambiguous link [[attention]]: 2 files match (notes/attention.md, papers/attention.md); it opens notes/attention.md',
    ]);
  });

  test('check exits 0 on a vault with no broken links', async () => {
    const r = await run('check', vault({ 'a.md': 'see [[b]]', 'b.md': 'back to [[a]]' }));
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.out, '');
  });

  test('a missing folder is a clear message and exit 2', async () => {
    const r = await run('index', path.join(os.tmpdir(), 'no-such-marginalia-vault'));
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /folder not found: .*no-such-marginalia-vault/);
  });

  test('a file given as DIR is refused with exit 2', async () => {
    const dir = vault({ 'a.md': 'x' });
    const r = await run('index', path.join(dir, 'a.md'));
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /not a folder/);
  });

  test('an unknown command prints usage and exits 2', async () => {
    const r = await run('frobnicate', '.');
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /unknown command "frobnicate"/);
    assert.match(r.err, /usage: marginalia/);
  });

  test('graph without --json is a usage error', async () => {
    assert.strictEqual((await run('graph', '.')).code, 2);
  });

  test('binary, invalid UTF-8 and over-large notes are each named, and the rest is indexed', async () => {
    const dir = vault({
      'good.md': 'links to [[other]]',
      'other.md': '# Other',
      'binary.md': new Uint8Array([0x23, 0x20, 0x00, 0x01, 0x02]),
      'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]),
      'huge.md': 'x'.repeat(2 * 1024 * 1024),
    });
    const r = await run('index', dir, '--json', '--max-file-size', '1');
    assert.strictEqual(r.code, 0);
    const s = JSON.parse(r.out);
    assert.strictEqual(s.notes, 2);
    assert.strictEqual(s.resolved, 1);
    const byPath = Object.fromEntries(s.problems.map((p: { path: string; reason: string }) => [p.path, p.reason]));
    assert.deepStrictEqual(byPath, { 'binary.md': 'binary', 'huge.md': 'too-large', 'latin1.md': 'invalid-utf8' });
    for (const name of ['binary.md', 'latin1.md', 'huge.md']) assert.ok(r.err.includes(name), `stderr names ${name}: ${r.err}`);
  });

  test('check reports unreadable files as problems too', async () => {
    const dir = vault({ 'ok.md': 'fine', 'latin1.md': new Uint8Array([0xe9]) });
    const r = await run('check', dir);
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /^latin1\.md:1:1: .*UTF-8/m);
  });

  test('check names each unreadable file once, on stdout, not again on stderr', async () => {
    const dir = vault({ 'ok.md': 'fine', 'latin1.md': new Uint8Array([0xe9]) });
    const r = await run('check', dir);
    assert.strictEqual(r.out.split('\n').filter((l) => l.includes('latin1.md')).length, 1);
    assert.strictEqual(r.err, '');
  });

  test('a note over the size limit is named with the option that raises it', async () => {
    const r = await run('index', vault({ 'huge.md': 'x'.repeat(2 * 1024 * 1024) }), '--max-file-size', '1');
    assert.match(r.err, /huge\.md: too large .*--max-file-size/);
  });

  test('--help lists every exit code, 3 included', async () => {
    const r = await run('--help');
    assert.match(r.out, /exit codes: 0 .*; 1 .*; 2 .*; 3 internal error/);
  });

  test('backlinks of a note give each linking note with line and paragraph', async () => {
    const r = await run('backlinks', research(), 'transformers.md', '--json');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(JSON.parse(r.out), {
      note: 'transformers.md',
      backlinks: [{ source: 'gpt3.md', line: 3, column: 24, target: 'transformers', context: 'It uses 96 layers (see [[transformers]]) and is #ml/llm.' }],
    });
  });

  test('backlinks accept a link target and a note that does not exist yet', async () => {
    const dir = research();
    const byName = JSON.parse((await run('backlinks', dir, 'GPT3', '--json')).out);
    assert.strictEqual(byName.note, 'gpt3.md');
    assert.deepStrictEqual(byName.backlinks.map((b: { source: string }) => b.source), ['papers/attention.md']);
    const placeholder = JSON.parse((await run('backlinks', dir, 'bitter-lesson', '--json')).out);
    assert.strictEqual(placeholder.placeholder, 'bitter-lesson');
    assert.strictEqual(placeholder.backlinks[0].source, 'transformers.md');
  });

  test('backlinks of an unknown note is a clear error', async () => {
    const r = await run('backlinks', research(), 'nothing-like-this');
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /no note and no link target "nothing-like-this"/);
  });

  test('backlinks in text mode show the location then the indented context', async () => {
    const r = await run('backlinks', research(), 'transformers');
    assert.strictEqual(r.out, 'gpt3.md:3:24\n    It uses 96 layers (see [[transformers]]) and is #ml/llm.\n');
  });

  test('tags lists each tag with its notes, nested tags under their parent', async () => {
    const r = await run('tags', research(), '--json');
    const tags = JSON.parse(r.out).tags as { name: string; notes: string[]; noteCount: number }[];
    const byName = Object.fromEntries(tags.map(t => [t.name, t]));
    assert.deepStrictEqual(byName['attention'].notes, ['transformers.md']);
    assert.deepStrictEqual(byName['ml'].notes, []);
    assert.strictEqual(byName['ml'].noteCount, 2);
    assert.deepStrictEqual(byName['ml/llm'].notes, ['gpt3.md']);
    const text = (await run('tags', research())).out;
    assert.match(text, /^#ml \(2 notes\)$/m);
    assert.match(text, /^ {2}#ml\/llm \(1 note\): gpt3\.md$/m);
  });

  test('graph --json has notes, placeholders and counted edges', async () => {
    const g = JSON.parse((await run('graph', research(), '--json')).out);
    assert.deepStrictEqual(
      g.nodes.map((n: { id: string; type: string }) => `${n.type}:${n.id}`),
      ['placeholder:bitter-lesson', 'note:gpt3.md', 'note:notes/attention.md', 'note:papers/attention.md', 'note:transformers.md'],
    );
    assert.deepStrictEqual(g.edges, [
      { source: 'gpt3.md', target: 'transformers.md', kind: 'link', count: 1 },
      { source: 'papers/attention.md', target: 'gpt3.md', kind: 'link', count: 1 },
      { source: 'transformers.md', target: 'bitter-lesson', kind: 'link', count: 1 },
      { source: 'transformers.md', target: 'notes/attention.md', kind: 'link', count: 1 },
    ]);
  });

  test('graph --local NOTE --depth N: the note and its neighbours, the note given as a link target', async () => {
    const g = JSON.parse((await run('graph', research(), '--json', '--local', 'gpt3', '--depth', '1')).out);
    assert.strictEqual(g.center, 'gpt3.md');
    assert.deepStrictEqual(g.nodes.map((n: { id: string }) => n.id), ['gpt3.md', 'papers/attention.md', 'transformers.md']);
  });

  test('graph --filter keeps the notes the query matches; a bad query is a usage error naming the field', async () => {
    const g = JSON.parse((await run('graph', research(), '--json', '--filter', 'tag:#ml', '--no-placeholders')).out);
    assert.ok(g.nodes.length > 0);
    assert.ok(g.nodes.every((n: { type: string }) => n.type === 'note'));
    const bad = await run('graph', research(), '--json', '--filter', 'folder:x');
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /unknown field "folder:"/);
  });

  test('graph options are refused elsewhere, --depth without --local and a depth past 3', async () => {
    assert.strictEqual((await run('tags', research(), '--tags')).code, 2);
    assert.strictEqual((await run('graph', research(), '--json', '--depth', '2')).code, 2);
    assert.strictEqual((await run('graph', research(), '--json', '--local', 'gpt3', '--depth', '4')).code, 2);
  });

  test('render writes one standalone page of a note: sidenotes, math, fonts inlined, no script', async () => {
    const dir = vault({
      'a.md': lines('# A', '', 'Claim[^1] with \\(x^2\\) and [[b]].', '', '[^1]: The note.'),
      'b.md': lines('# B', '', 'Links back to [[a]].'),
    });
    const file = path.join(dir, 'a.html');
    const r = await run('render', dir, 'a.md', '-o', file);
    assert.strictEqual(r.code, 0, r.err);
    const html = fs.readFileSync(file, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<span class="sidenote"/);
    assert.match(html, /class="katex"/);
    assert.match(html, /url\(data:font\/woff2;base64,/);
    assert.match(html, /<section class="backlinks"/);
    assert.doesNotMatch(html, /<script/);
  });

  test("render formats a citation from the note's own frontmatter bibliography:", async () => {
    const dir = vault({
      'refs.bib': '@book{shared2000, title = {Shared}, author = {Roe, Ann}, year = {2000}}\n',
      'p/own.bib': '@book{own2021, title = {Only Here}, author = {Quill, Ada}, year = {2021}}\n',
      'p/a.md': lines('---', 'bibliography: own.bib', '---', 'See [@own2021] and [@shared2000].'),
    });
    const r = await run('render', dir, 'p/a.md');
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, />\(Quill, 2021\)<\/cite>/);
    assert.match(r.out, />\(Roe, 2000\)<\/cite>/);
  });

  test('render --tag prints the tag page; --no-backlinks leaves the section out', async () => {
    const r = await run('render', research(), '--tag', '#ml', '--no-backlinks');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual([...r.out.matchAll(/data-path="([^"]+)"/g)].map(m => m[1]), ['papers/attention.md', 'gpt3.md']);
    assert.doesNotMatch(r.out, /class="backlinks"/);
  });

  test('render of a note that does not exist is a clear error, and a page never replaces a note', async () => {
    const dir = research();
    const missing = await run('render', dir, 'bitter-lesson');
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /not written yet/);
    const note = path.join(dir, 'gpt3.md');
    const before = fs.readFileSync(note, 'utf8');
    const r = await run('render', dir, 'transformers.md', '-o', note);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(fs.readFileSync(note, 'utf8'), before);
  });
  test('-o through a symbolic link to a note is refused, and the note is unchanged', async function () {
    const dir = research();
    const note = path.join(dir, 'gpt3.md');
    const before = fs.readFileSync(note, 'utf8');
    const link = path.join(dir, 'page.html');
    fs.symlinkSync(note, link);
    const r = await run('render', dir, 'transformers.md', '-o', link);
    assert.strictEqual(r.code, 2, r.err);
    assert.match(r.err, /links to a note/);
    assert.strictEqual(fs.readFileSync(note, 'utf8'), before);
  });

  test('-o naming a folder, or a file in a missing folder, is a clear message and exit 2', async () => {
    const dir = research();
    const folder = await run('render', dir, 'transformers.md', '-o', path.join(dir, 'papers'));
    assert.strictEqual(folder.code, 2);
    assert.match(folder.err, /is a folder/);
    const missing = await run('render', dir, 'transformers.md', '-o', path.join(dir, 'nowhere', 'page.html'));
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /folder not found: .*nowhere/);
    assert.doesNotMatch(folder.err + missing.err, /internal error|\n\s+at /);
  });
});

suite('cli in a pipe', () => {
  /** `marginalia COMMAND DIR | head -1` over 5,000 notes of `note(i)`: the command's own exit code, stdout and stderr. */
  function throughHead(command: string, note: (i: number) => string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-pipe-'));
    try {
      // Enough output (about 150 KB) that writing goes on after `head` has read its line and gone.
      for (let i = 0; i < 5000; i++) fs.writeFileSync(path.join(dir, `n${i}.md`), note(i));
      const main = path.join(__dirname, '../../../src/cli/main.js');
      const r = spawnSync('bash', ['-c', `node "${main}" ${command} "${dir}" | head -1; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
      assert.strictEqual(r.stdout.split('\n').length, 2, r.stdout.slice(0, 200));
      assert.doesNotMatch(r.stderr, /EPIPE|Error/, r.stderr);
      return r;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  test('a reader that stops early (`| head -1`) ends the command quietly, not with an EPIPE crash', function () {
    this.timeout(60000);
    const r = throughHead('tags', i => `note #tag${i}\n`);
    assert.strictEqual(r.status, 0, r.stderr);
  });

  test('`check DIR | head -1` keeps check\'s exit code: 1 when it found problems', function () {
    this.timeout(60000);
    const r = throughHead('check', i => `note [[missing-${i}]]\n`);
    assert.strictEqual(r.status, 1, r.stderr);
  });
});

suite('cli as a process', () => {
  // The command exits explicitly once its output is written (main.ts, exitWhenWritten):
  // through a pipe, nothing may be cut, and exit codes stay those of runCli.
  const main = path.join(__dirname, '../../../src/cli/main.js');
  const spawn = (...argv: string[]) => spawnSync(process.execPath, [main, ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 }) as { status: number; stdout: string; stderr: string };
  let dir = '';
  suiteSetup(() => {
    const notes: Record<string, string> = {};
    // Enough notes that the graph's JSON is far larger than a pipe's buffer (64 KB).
    for (let i = 0; i < 400; i++) notes[`n${i}.md`] = lines(`# Note ${i}`, '', `[[n${(i + 1) % 400}]] [[n${(i * 7) % 400}]] [[missing-${i}]] #tag/${i % 9}`);
    dir = vault(notes);
  });
  suiteTeardown(() => {
    for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  test('a large output through a pipe is whole, as runCli gives it', async () => {
    const child = spawn('graph', dir, '--json');
    assert.strictEqual(child.status, 0, child.stderr);
    assert.ok(child.stdout.length > 100_000, `only ${child.stdout.length} characters`);
    assert.strictEqual(child.stdout, (await run('graph', dir, '--json')).out);
  });

  test('the exit code is the command\'s: 1 for a check that finds broken links, 2 for a missing folder', () => {
    assert.strictEqual(spawn('check', dir).status, 1);
    const missing = spawn('index', path.join(dir, 'nope'));
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /folder not found/);
  });
});
