// A cold build scanned on worker threads (src/node/scanPool.ts, src/core/index/scanBatch.ts): the
// index it files is the one the main thread builds alone (every query, both kinds of index: keeping
// texts and reading them back), its problems are the same, in the same order, and a worker that
// cannot start or stops costs no note.
import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildIndex, type BuildOptions } from '../../../src/core/index/build';
import type { NoteScanner, ScanOptions } from '../../../src/core/host';
import { NoteIndex } from '../../../src/core/index/noteIndex';
import { loadSnapshot, snapshot } from '../../../src/core/index/snapshot';
import { NodeVaultHost } from '../../../src/node/nodeHost';
import { startScanPool } from '../../../src/node/scanPool';
import { folderWith } from '../tempFolder';

const root = path.resolve(__dirname, '../../../..');
const worker = path.join(root, 'out/src/node/scanWorkerMain.js');

/** A Node host whose builds scan, however few their notes, with `workers` workers running `program`; `scans` counts the requests answered with notes. */
class ScanningHost extends NodeVaultHost {
  scans = 0;
  constructor(dir: string, private readonly workers: number, private readonly program = worker) {
    super(dir);
  }

  startScanning(options: ScanOptions): NoteScanner | undefined {
    const pool = startScanPool(this.root, { ...options, workers: this.workers, program: this.program });
    if (!pool) return undefined;
    return {
      scan: async files => {
        const outcome = await pool.scan(files);
        if (!('failed' in outcome)) this.scans++;
        return outcome;
      },
      stop: () => pool.stop(),
    };
  }
}

/** The same host as the main thread reads it: no scanning. */
function mainThreadHost(dir: string): NodeVaultHost {
  return Object.assign(new NodeVaultHost(dir), { startScanning: undefined });
}

function textless(dir: string): NoteIndex {
  const index = new NoteIndex();
  index.readTextsThrough(async p => {
    try {
      return fs.readFileSync(path.join(dir, p), 'utf8').replace(/^\uFEFF/, '');
    } catch {
      return undefined;
    }
  });
  return index;
}

async function built(host: NodeVaultHost, options: BuildOptions, keepTexts: boolean) {
  const warnings: string[] = [];
  const index = keepTexts ? undefined : textless(host.root);
  const result = await buildIndex(host, { ...options, index, logger: { info() {}, error() {}, warn: m => warnings.push(m) } });
  return { answers: keepTexts ? snapshot(result.index) : await loadSnapshot(result.index), problems: result.problems, warnings, index: result.index };
}

function generatedVault(n: number): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-scan-')), 'vault');
  execFileSync(process.execPath, [path.join(root, 'bench/gen-vault.mjs'), String(n), dir, '11'], { stdio: 'ignore' });
  return dir;
}

/** Every kind of file a build meets: ASCII and not, a byte order mark, binary, invalid UTF-8, too large, attachments. */
function troubledVault(): string {
  return folderWith({
    'a.md': '# A\n\nSee [[b]], [[c#Intro]] and [[missing]]. #tag/one\n',
    'b.md': '---\ntitle: Bé\naliases: [Bee]\n---\nCafé [[a]] and [[Bee]] #tag/two\n',
    'c.md': '\uFEFF# Intro\n\n[[a|alias]] ![[img.png]] $x^2$ [^1]\n\n[^1]: a note ^block\n',
    'bin.md': Buffer.from([0x61, 0x00, 0x62]),
    'bad.md': Buffer.from([0x61, 0x5b, 0x5b, 0xff, 0x5d, 0x5d]),
    'big.md': `# Big\n${'x'.repeat(3000)}\n`,
    'img.png': Buffer.from([0x89, 0x50]),
    'sub/d.md': '[[a]] [[sub/e]] #tag\n',
    'sub/e.md': 'é'.repeat(10) + ' [[d]]\n',
    'notes.txt': 'not a note',
  }, 'marginalia-scan-');
}

suite('node: a cold build scanned on worker threads', () => {
  const vaults = [
    path.join(root, 'test/fixtures/render'),
    path.join(root, 'test/fixtures/syntax'),
    path.join(root, 'samples/research-notes'),
    generatedVault(300),
    troubledVault(),
  ];
  for (const dir of vaults) {
    for (const keepTexts of [true, false]) {
      test(`every query answers as the main thread's build, problems alike (${path.basename(dir)}, ${keepTexts ? 'texts kept' : 'texts read back'})`, async function () {
        this.timeout(60000);
        // Small batches: many requests, spread over both workers, filed in order.
        const options: BuildOptions = { batchSize: 7, maxFileBytes: 2000 };
        const alone = await built(mainThreadHost(dir), options, keepTexts);
        const host = new ScanningHost(dir, 2);
        const scanned = await built(host, options, keepTexts);
        assert.ok(host.scans > 0, 'the workers scanned');
        assert.deepStrictEqual(scanned.problems, alone.problems);
        assert.deepStrictEqual(scanned.warnings, alone.warnings);
        assert.strictEqual(JSON.stringify(scanned.answers), JSON.stringify(alone.answers));
        if (keepTexts) for (const n of alone.index.notes()) assert.strictEqual(scanned.index.textOf(n.path), alone.index.textOf(n.path), n.path);
      });
    }
  }

  test('the troubled vault meets every problem (the test above compares them)', async () => {
    const { problems } = await built(new ScanningHost(vaults[4], 1), { maxFileBytes: 2000 }, true);
    assert.deepStrictEqual(problems.map(p => `${p.path} ${p.reason}`), ['bad.md invalid-utf8', 'big.md too-large', 'bin.md binary']);
  });

  test('a worker that cannot run its program: the build reads every note itself, and says so once', async function () {
    this.timeout(60000);
    const dir = vaults[3];
    const program = path.join(folderWith({ 'fails.js': 'throw new Error("no worker today")' }), 'fails.js');
    const alone = await built(mainThreadHost(dir), {}, true);
    const host = new ScanningHost(dir, 2, program);
    const broken = await built(host, { batchSize: 20 }, true);
    assert.strictEqual(host.scans, 0);
    assert.strictEqual(broken.warnings.length, 1, broken.warnings.join('\n'));
    assert.match(broken.warnings[0], /^Scanning on worker threads failed \(.*no worker today.*\); reading the notes on the main thread instead$/);
    assert.strictEqual(JSON.stringify(broken.answers), JSON.stringify(alone.answers));
  });

  test('a worker that stops after its first answer: the notes it held are read by the build, none lost', async function () {
    this.timeout(60000);
    const dir = vaults[3];
    const program = path.join(folderWith({
      'stops.js': `const { parentPort } = require('node:worker_threads');\nlet n = 0;\nparentPort.on('message', () => { if (++n === 2) process.exit(3); });\nrequire(${JSON.stringify(worker)});\n`,
    }), 'stops.js');
    const alone = await built(mainThreadHost(dir), {}, false);
    const host = new ScanningHost(dir, 1, program);
    const stopped = await built(host, { batchSize: 20 }, false);
    assert.strictEqual(host.scans, 1);
    assert.strictEqual(stopped.warnings.length, 1, stopped.warnings.join('\n'));
    assert.match(stopped.warnings[0], /stopped \(3\)/);
    assert.strictEqual(JSON.stringify(stopped.answers), JSON.stringify(alone.answers));
  });

  test('no program, or no workers wanted: no pool, the build reads on its own thread', () => {
    assert.strictEqual(startScanPool(root, { maxFileBytes: 1000, keepTexts: true, workers: 0 }), undefined);
    assert.strictEqual(startScanPool(root, { maxFileBytes: 1000, keepTexts: true, program: path.join(root, 'no-such-worker.js') }), undefined);
  });

  test('the CLI\'s host scans on its own thread however large the vault; the extension\'s asks for workers', () => {
    const options = { maxFileBytes: 1000, keepTexts: true, notes: 100_000 };
    assert.strictEqual(new NodeVaultHost(root).startScanning(options), undefined, 'the command line keeps one thread');
    const scanner = new NodeVaultHost(root, { scanOnWorkers: true }).startScanning(options);
    try {
      assert.ok(scanner, 'an opted-in host starts workers (its program compiled beside scanPool.js)');
    } finally {
      scanner?.stop();
    }
    assert.strictEqual(new NodeVaultHost(root, { scanOnWorkers: true }).startScanning({ ...options, notes: 10 }), undefined, 'too few notes for a worker');
  });
});
