import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeVaultHost } from '../../../../src/node/nodeHost';
import { buildIndex } from '../../../../src/core/index/build';
import { decodeNote } from '../../../../src/core/index/decodeNote';
import { JoinedText } from '../../../../src/core/index/joinedText';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { snapshot } from '../../../../src/core/index/snapshot';
import { MemoryHost, ReusingMemoryHost, SyncMemoryHost } from './memoryHost';
import { linksOf } from './vault';

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (text: string) => new TextEncoder().encode(text);

suite('decodeNote', () => {
  test('UTF-8 text decodes as is', () => {
    assert.deepStrictEqual(decodeNote('a.md', utf8('héllo [[b]]')), { text: 'héllo [[b]]' });
  });

  test('a leading byte order mark is stripped', () => {
    assert.deepStrictEqual(decodeNote('a.md', bytes(0xef, 0xbb, 0xbf, 0x68, 0x69)), { text: 'hi' });
  });

  test('invalid UTF-8 is a problem naming the file, the byte and its offset', () => {
    const result = decodeNote('papers/x.md', bytes(0x61, 0x62, 0xff, 0x63));
    assert.ok('problem' in result);
    assert.strictEqual(result.problem.reason, 'invalid-utf8');
    assert.strictEqual(result.problem.message, 'papers/x.md: not valid UTF-8 (byte 0xff at offset 2); save it as UTF-8 to index it');
  });

  test('a NUL byte near the start makes a file binary', () => {
    const result = decodeNote('x.md', bytes(0x50, 0x4b, 0x00, 0x01));
    assert.ok('problem' in result && result.problem.reason === 'binary');
    assert.match(result.problem.message, /^x\.md: /);
  });

  test('a file over the limit is too large', () => {
    const result = decodeNote('big.md', utf8('0123456789'), 5);
    assert.ok('problem' in result && result.problem.reason === 'too-large');
    assert.match(result.problem.message, /^big\.md: too large/);
  });
});

suite('JoinedText', () => {
  test('ASCII notes decode as one string whose offsets are byte offsets', () => {
    const joined = new JoinedText();
    const starts = [joined.append(utf8('abc')), joined.append(utf8('de'))];
    assert.deepStrictEqual([starts, joined.decodeAscii()], [[0, 3], 'abcde']);
  });

  test('a batch with a character beyond ASCII, or invalid UTF-8, is not decoded as one', () => {
    const joined = new JoinedText();
    joined.append(utf8('abc'));
    joined.append(utf8('é'));
    const invalid = new JoinedText();
    invalid.append(bytes(0x61, 0xc3));
    assert.deepStrictEqual([joined.decodeAscii(), invalid.decodeAscii()], [undefined, undefined]);
  });

  test('a note larger than the buffer grows it, and what came before stays', () => {
    const joined = new JoinedText();
    joined.append(utf8('head '));
    joined.append(new Uint8Array(3 << 20).fill(0x78));
    const text = joined.decodeAscii();
    assert.deepStrictEqual([text?.length, text?.slice(0, 6)], [5 + (3 << 20), 'head x']);
  });
});

suite('buildIndex', () => {
  test('a vault builds into an index of its notes and attachments', async () => {
    const host = new MemoryHost({ 'a.md': '[[b]] ![[f.png]]', 'notes/b.md': '', 'img/f.png': '' });
    const { index, problems } = await buildIndex(host);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> notes/b.md', 'f.png -> img/f.png']);
  });

  test('a synchronous host builds the same index', async () => {
    const host = new SyncMemoryHost({ 'a.md': '[[b]]', 'b.md': '' });
    const { index } = await buildIndex(host);
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> b.md']);
  });

  test('a host that reuses its read buffer gives each note its own text', async () => {
    const host = new ReusingMemoryHost({ 'a.md': '# A\n\n[[b]]', 'b.md': 'plain b', 'c.md': 'see [[a]] #t' });
    const { index, problems } = await buildIndex(host);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(['a.md', 'b.md', 'c.md'].map(p => index.textOf(p)), ['# A\n\n[[b]]', 'plain b', 'see [[a]] #t']);
    assert.deepStrictEqual(linksOf(index, 'c.md'), ['a -> a.md']);
  });

  test('a reused-buffer batch with non-ASCII, a byte order mark and bad UTF-8 reads each note as alone', async () => {
    const host = new ReusingMemoryHost({
      'a.md': 'ascii [[b]]',
      'b.md': 'héllo #tåg',
      'c.md': bytes(0xef, 0xbb, 0xbf, 0x23, 0x20, 0x54),
      'd.md': bytes(0x61, 0xff),
      'e.md': bytes(0x61, 0x00),
    });
    const { index, problems } = await buildIndex(host);
    assert.deepStrictEqual(problems.map(p => [p.path, p.reason]), [['d.md', 'invalid-utf8'], ['e.md', 'binary']]);
    assert.deepStrictEqual(['a.md', 'b.md', 'c.md'].map(p => index.textOf(p)), ['ascii [[b]]', 'héllo #tåg', '# T']);
  });

  test('a listed file that is missing is a problem, the rest is indexed', async () => {
    const host = new MemoryHost({ 'a.md': '[[b]]', 'b.md': '' });
    host.listFiles = async () => [{ path: 'a.md' }, { path: 'b.md' }, { path: 'gone.md' }];
    const { index, problems } = await buildIndex(host);
    assert.deepStrictEqual(problems.map(p => [p.path, p.reason]), [['gone.md', 'unreadable']]);
    assert.match(problems[0].message, /^gone\.md: could not be read \(ENOENT/);
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> b.md']);
  });

  test('a read that throws is an unreadable problem, the rest is indexed', async () => {
    const host = new SyncMemoryHost({ 'a.md': '[[b]]', 'b.md': '', 'locked.md': { fails: 'EACCES: permission denied' } });
    const { index, problems } = await buildIndex(host);
    assert.deepStrictEqual(problems.map(p => p.message), [
      'locked.md: could not be read (EACCES: permission denied); check that it exists and you may read it',
    ]);
    assert.ok(index.has('a.md') && index.has('b.md'));
  });

  test('a binary note is a problem, the rest is indexed', async () => {
    const { index, problems } = await buildIndex(new MemoryHost({ 'x.md': bytes(1, 0, 2), 'a.md': '' }));
    assert.deepStrictEqual(problems.map(p => [p.path, p.reason]), [['x.md', 'binary']]);
    assert.ok(index.has('a.md') && !index.has('x.md'));
  });

  test('a note over the size limit is a problem, and is not read', async () => {
    const host = new MemoryHost({ 'huge.md': { size: 10 * 1024 * 1024 }, 'a.md': '' });
    host.readFile = async p => {
      if (p === 'huge.md') throw new Error('read an over-large file');
      return utf8('');
    };
    const { index, problems } = await buildIndex(host);
    assert.deepStrictEqual(problems.map(p => [p.path, p.reason]), [['huge.md', 'too-large']]);
    assert.ok(index.has('a.md'));
  });

  test('a note with invalid UTF-8 is a problem, the rest is indexed', async () => {
    const { index, problems } = await buildIndex(new MemoryHost({ 'bad.md': bytes(0xc3, 0x28), 'a.md': '' }));
    assert.deepStrictEqual(problems.map(p => [p.path, p.reason]), [['bad.md', 'invalid-utf8']]);
    assert.ok(index.has('a.md'));
  });

  test('a note with a byte order mark is indexed without it', async () => {
    const { index } = await buildIndex(new MemoryHost({ 'a.md': bytes(0xef, 0xbb, 0xbf, 0x23, 0x20, 0x54) }));
    assert.strictEqual(index.note('a.md')?.title, 'T');
  });

  test('a note the scanner throws on is a problem, the rest is indexed', async () => {
    // Stands in for a scanner bug: the build must survive it and name the note.
    const scanner = require('../../../../src/core/syntax/scanNote') as { scanNotePacked: (text: string) => unknown };
    const real = scanner.scanNotePacked;
    scanner.scanNotePacked = text => (text === 'boom' ? assert.fail('scanner bug') : real(text));
    try {
      const { index, problems } = await buildIndex(new MemoryHost({ 'odd.md': 'boom', 'a.md': '' }));
      assert.deepStrictEqual(problems.map(p => [p.path, p.reason]), [['odd.md', 'unreadable']]);
      assert.match(problems[0].message, /^odd\.md: could not be scanned \(scanner bug\)/);
      assert.ok(index.has('a.md') && !index.has('odd.md'));
    } finally {
      scanner.scanNotePacked = real;
    }
  });

  test('problems go to the logger as they are found', async () => {
    const warnings: string[] = [];
    const logger = { info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    await buildIndex(new MemoryHost({ 'x.md': bytes(0) }), { logger });
    assert.strictEqual(warnings.length, 1);
    assert.match(warnings[0], /^x\.md: looks binary/);
  });

  test('progress is reported batch by batch and ends at the total', async () => {
    const host = new MemoryHost({ 'a.md': '', 'b.md': '', 'c.md': '', 'd.md': '', 'e.md': '' });
    const progress: string[] = [];
    await buildIndex(host, { batchSize: 2, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    assert.deepStrictEqual(progress, ['2/5', '4/5', '5/5']);
  });

  test('a cancelled build stops between batches', async () => {
    const host = new MemoryHost({ 'a.md': '', 'b.md': '', 'c.md': '', 'd.md': '' });
    let batches = 0;
    const { index } = await buildIndex(host, { batchSize: 2, onProgress: () => batches++, isCancelled: () => batches > 0 });
    assert.deepStrictEqual([...index.notes()].map(n => n.path), ['a.md', 'b.md']);
  });
});

suite('buildIndex in time slices', () => {
  const many: Record<string, string> = {};
  for (let i = 0; i < 300; i++) many[`n${i}.md`] = `# Note ${i}\n\nSee [[n${(i * 7) % 300}]] and [[missing-${i % 5}]] #tag/${i % 9}`;

  test('a build with a slice budget yields and ends equal to one without', async () => {
    const whole = await buildIndex(new SyncMemoryHost(many));
    let timers = 0;
    const ticking = setInterval(() => timers++, 0);
    const sliced = await buildIndex(new SyncMemoryHost(many), { sliceMs: 0, batchSize: 50 });
    clearInterval(ticking);
    assert.ok(timers > 3, 'other tasks ran during the build');
    assert.deepStrictEqual(snapshot(sliced.index), snapshot(whole.index));
  });

  test('the completion list prepared a few entries at a time equals one made at once', async () => {
    const { index } = await buildIndex(new SyncMemoryHost(many));
    let steps = 1;
    while (!index.prepareCompletion(0)) steps++;
    assert.ok(steps > 1, 'it took several steps');
    const fresh = (await buildIndex(new SyncMemoryHost(many))).index;
    assert.deepStrictEqual(index.completionCandidates(''), fresh.completionCandidates(''));
  });

  test('the index being filled answers meanwhile, and completion asked meanwhile does not stick', async () => {
    const index = new NoteIndex();
    const seen: number[] = [];
    const result = await buildIndex(new SyncMemoryHost(many), {
      index, batchSize: 50, onProgress: () => seen.push(index.completionCandidates('').length),
    });
    assert.strictEqual(result.index, index);
    assert.ok(seen.length > 0 && seen[0] > 0 && seen[0] < 300, `answers from what is indexed: ${seen}`);
    assert.deepStrictEqual(snapshot(index), snapshot((await buildIndex(new SyncMemoryHost(many))).index));
  });
});

suite('NodeVaultHost', () => {
  let root: string;
  setup(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-'));
    const write = (p: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
      fs.writeFileSync(path.join(root, p), text);
    };
    write('a.md', '[[b]]');
    write('notes/b.md', 'hello');
    write('img/f.png', 'png');
    write('.git/HEAD.md', 'x');
    write('.obsidian/workspace.md', 'x');
    write('node_modules/pkg/readme.md', 'x');
  });
  teardown(() => fs.rmSync(root, { recursive: true, force: true }));

  test('lists files with / paths, skipping .git, node_modules and dot-folders', async () => {
    const files = await new NodeVaultHost(root).listFiles();
    assert.deepStrictEqual(files, [{ path: 'a.md' }, { path: 'img/f.png' }, { path: 'notes/b.md' }]);
  });

  test('an accepts rule decides which files are listed and which folders are walked', async () => {
    const walked: string[] = [];
    const host = new NodeVaultHost(root, {
      accepts: (p, isFolder) => {
        if (isFolder) walked.push(p);
        return isFolder ? p !== 'img' : p.endsWith('.md');
      },
    });
    assert.deepStrictEqual((await host.listFiles()).map(f => f.path), ['.git/HEAD.md', '.obsidian/workspace.md', 'a.md', 'node_modules/pkg/readme.md', 'notes/b.md']);
    assert.ok(walked.includes('img') && !walked.some(p => p.startsWith('img/')));
  });

  test('the folder-by-folder listing gives the same files as the one-task listing', async () => {
    const host = new NodeVaultHost(root);
    assert.deepStrictEqual(await host.listFilesAsync(), host.listFilesSync());
  });

  test('a stamp gives the size and modification time of the file', () => {
    const stat = fs.statSync(path.join(root, 'notes/b.md'));
    assert.deepStrictEqual(new NodeVaultHost(root).stamp('notes/b.md'), { size: 5, mtime: stat.mtimeMs });
  });

  test('reads a file by its vault path', () => {
    assert.strictEqual(new TextDecoder().decode(new NodeVaultHost(root).readFileSync('notes/b.md')), 'hello');
  });

  test('a reusing read gives each file whole, however much larger than the last', () => {
    const long = 'x'.repeat(200 * 1024);
    fs.writeFileSync(path.join(root, 'long.md'), long);
    const host = new NodeVaultHost(root);
    const text = (p: string) => new TextDecoder().decode(host.readFileReusing(p, 1024 * 1024) as Uint8Array);
    assert.deepStrictEqual([text('notes/b.md'), text('long.md') === long, text('a.md')], ['hello', true, '[[b]]']);
  });

  test('a reusing read of a file over the limit gives its size instead', () => {
    fs.writeFileSync(path.join(root, 'big.md'), 'y'.repeat(300 * 1024));
    assert.strictEqual(new NodeVaultHost(root).readFileReusing('big.md', 100 * 1024), 300 * 1024);
  });

  test('a note over the size limit on disk is a too-large problem, the rest is indexed', async () => {
    fs.writeFileSync(path.join(root, 'big.md'), 'y'.repeat(300 * 1024));
    const { index, problems } = await buildIndex(new NodeVaultHost(root), { maxFileBytes: 100 * 1024 });
    assert.deepStrictEqual(problems.map(p => [p.path, p.reason]), [['big.md', 'too-large']]);
    assert.match(problems[0].message, /^big\.md: too large to index \(0\.3 MB, the limit is 0\.1 MB\)/);
    assert.ok(index.has('a.md'));
  });

  test('a vault on disk builds through the synchronous path', async () => {
    const { index, problems } = await buildIndex(new NodeVaultHost(root));
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(linksOf(index, 'a.md'), ['b -> notes/b.md']);
  });
});
