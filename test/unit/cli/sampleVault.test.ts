// The sample vault's contract (test/fixtures/EXPECTED.md), checked through the command line's
// JSON as a user would read it: `marginalia index --json samples/research-notes` and friends.
// A change to the sample vault changes these numbers in the same commit as EXPECTED.md.
import * as assert from 'assert';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { buildIndex } from '../../../src/core/index/build';
import { NodeVaultHost } from '../../../src/node/nodeHost';

// out/test/unit/cli -> the repository root.
const VAULT = path.resolve(__dirname, '../../../../samples/research-notes');

async function json(...argv: string[]): Promise<any> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: t => (out += t + '\n'), err: t => (err += t + '\n') });
  assert.ok(code === 0 || code === 1, `exit ${code}: ${err}`);
  return JSON.parse(out);
}

suite('the sample vault keeps the counts of test/fixtures/EXPECTED.md', () => {
  test('index --json: 13 notes, 2 attachments, 74 links (58 resolved, 16 unresolved, 0 ambiguous), 15 tags, 5 placeholders', async () => {
    const s = await json('index', VAULT, '--json');
    const { millis, problems, ...counts } = s;
    assert.deepStrictEqual(counts, {
      notes: 13, attachments: 2, links: 74, resolved: 58, unresolved: 16, ambiguous: 0, tags: 15, placeholders: 5,
    });
    assert.strictEqual(typeof millis, 'number');
    assert.deepStrictEqual(problems, []);
  });

  test('the placeholders and their backlinks', async () => {
    const counts: Record<string, number> = {};
    for (const name of ['bitter-lesson', 'toread', 'project-fairness', 'invariant-risk-minimization', 'calculus-for-brain-computation']) {
      const r = await json('backlinks', VAULT, name, '--json');
      assert.strictEqual(r.placeholder, name);
      counts[name] = r.backlinks.length;
    }
    assert.deepStrictEqual(counts, {
      'bitter-lesson': 4, toread: 4, 'project-fairness': 3, 'invariant-risk-minimization': 3, 'calculus-for-brain-computation': 2,
    });
  });

  test('transformers.md has 9 backlinks from 8 notes', async () => {
    const r = await json('backlinks', VAULT, 'transformers.md', '--json');
    assert.strictEqual(r.note, 'transformers.md');
    assert.strictEqual(r.backlinks.length, 9);
    assert.strictEqual(new Set(r.backlinks.map((b: { source: string }) => b.source)).size, 8);
  });

  test('the 15 tags, by name', async () => {
    const r = await json('tags', VAULT, '--json');
    const names = (r.tags as { name: string }[]).map(t => t.name).sort();
    assert.deepStrictEqual(names, ['BERT', 'attention', 'econometrics', 'language_model', 'ml', 'ml/rl', 'ml/ssl', 'ml/transformers',
      'moc', 'paper', 'people', 'podcast', 'reinforcement_learning', 'todo', 'toread'].sort());
  });

  test('the notes no other note links to are deep-learning.md and reading-list.md', async () => {
    // EXPECTED.md calls them "orphans (no backlinks)".
    const g = await json('graph', VAULT, '--json');
    const notes = (g.nodes as { id: string; type: string }[]).filter(n => n.type === 'note').map(n => n.id);
    const linkedTo = new Set((g.edges as { source: string; target: string }[]).filter(e => e.source !== e.target).map(e => e.target));
    assert.deepStrictEqual(notes.filter(n => !linkedTo.has(n)).sort(), ['deep-learning.md', 'reading-list.md']);
    assert.strictEqual(notes.length, 13);
  });

  test('orphans as the index defines them (no link in or out to another note): none, though two notes have no backlinks', async () => {
    const { index } = await buildIndex(new NodeVaultHost(VAULT));
    assert.deepStrictEqual(index.orphans(), []);
    assert.deepStrictEqual(['deep-learning.md', 'reading-list.md'].map(p => index.backlinks(p).length), [0, 0]);
  });
});
