// When the graph panel sends the index's changes: driven by a hand-moved clock and an index of
// the test's (a set of paths), the halves of a rename made in the orders the index can see them.
import * as assert from 'assert';
import { DiffBatch } from '../../../../src/core/graph/diffBatch';
import { ManualClock } from '../../manualClock';

/** A batch over an index that is a set of paths; `sent` records what the index held at each diff. */
function batchOver(paths: string[]) {
  const clock = new ManualClock();
  const index = new Set(paths);
  const sent: string[][] = [];
  const batch = new DiffBatch(p => index.has(p), () => sent.push([...index].sort()), { quietMs: 30, maxHoldMs: 2000, clock });
  /** The index changes as `change` says, and tells the batch. */
  const change = (f: (index: Set<string>) => void) => {
    f(index);
    batch.changed();
  };
  return { clock, index, sent, batch, change };
}

suite('DiffBatch', () => {
  test('a lone change is sent on the next turn, not after the fold', () => {
    const { clock, sent, change } = batchOver(['a.md', 'b.md']);
    change(i => i.add('c.md'));
    clock.advance(0);
    assert.deepStrictEqual(sent, [['a.md', 'b.md', 'c.md']]);
  });

  test('a burst after a lone change goes as one diff when it stops', () => {
    const { clock, sent, change } = batchOver(['a.md']);
    change(i => i.add('b.md'));
    clock.advance(0);
    for (const p of ['c.md', 'd.md', 'e.md']) {
      clock.advance(10);
      change(i => i.add(p));
    }
    clock.advance(29);
    assert.strictEqual(sent.length, 1);
    clock.advance(1);
    assert.deepStrictEqual(sent, [['a.md', 'b.md'], ['a.md', 'b.md', 'c.md', 'd.md', 'e.md']]);
  });

  test('a change asked now (the local graph recentred) goes on the next turn inside a burst', () => {
    const { clock, sent, batch, change } = batchOver(['a.md']);
    change(i => i.add('b.md'));
    clock.advance(0);
    clock.advance(5);
    change(i => i.add('c.md'));
    batch.changedNow();
    clock.advance(0);
    assert.deepStrictEqual(sent, [['a.md', 'b.md'], ['a.md', 'b.md', 'c.md']]);
  });

  test('a change asked now waits like any other while a rename is half seen, and goes with its other half', () => {
    const { clock, sent, batch, change } = batchOver(['old.md', 'x.md']);
    batch.expectRename('old.md', 'new.md');
    change(i => i.delete('old.md'));
    clock.advance(100);
    batch.changedNow();
    clock.advance(100);
    assert.deepStrictEqual(sent, [], 'the recentred picture would show the renamed note gone');
    assert.ok(batch.holding);
    change(i => i.add('new.md'));
    clock.advance(0);
    assert.deepStrictEqual(sent, [['new.md', 'x.md']]);
  });

  test('a rename seen as the delete, then the create, far apart: one diff, once both are in', () => {
    const { clock, sent, batch, change } = batchOver(['old.md', 'x.md']);
    batch.expectRename('old.md', 'new.md');
    change(i => i.delete('old.md'));
    clock.advance(500);
    assert.deepStrictEqual(sent, [], 'the delete alone does not go out');
    assert.ok(batch.holding);
    change(i => i.add('new.md'));
    clock.advance(0);
    assert.deepStrictEqual(sent, [['new.md', 'x.md']]);
    assert.ok(!batch.holding);
  });

  test('a rename seen as the create, then the delete: one diff', () => {
    const { clock, sent, batch, change } = batchOver(['old.md', 'x.md']);
    batch.expectRename('old.md', 'new.md');
    change(i => i.add('new.md'));
    clock.advance(300);
    assert.deepStrictEqual(sent, []);
    change(i => i.delete('old.md'));
    clock.advance(30);
    assert.deepStrictEqual(sent, [['new.md', 'x.md']]);
  });

  test('a rename the index sees whole goes at once, and is not waited for again', () => {
    const { clock, sent, batch, change } = batchOver(['old.md']);
    batch.expectRename('old.md', 'new.md');
    change(i => {
      i.delete('old.md');
      i.add('new.md');
    });
    clock.advance(0);
    assert.deepStrictEqual(sent, [['new.md']]);
    // Announced again after the fact (onDidRenameFiles): nothing to wait for.
    batch.expectRename('old.md', 'new.md');
    clock.advance(100);
    change(i => i.delete('new.md'));
    clock.advance(0);
    assert.deepStrictEqual(sent, [['new.md'], []]);
  });

  test('a change while an announced rename has not started is sent at once', () => {
    const { clock, sent, batch, change } = batchOver(['old.md']);
    batch.expectRename('old.md', 'new.md');
    change(i => i.add('other.md'));
    clock.advance(0);
    assert.deepStrictEqual(sent, [['old.md', 'other.md']]);
  });

  test('a folder\'s notes renamed one by one: one diff when the last has arrived', () => {
    const { clock, sent, batch, change } = batchOver(['f/a.md', 'f/b.md', 'f/c.md']);
    for (const n of ['a', 'b', 'c']) batch.expectRename(`f/${n}.md`, `g/${n}.md`);
    change(i => ['a', 'b', 'c'].forEach(n => i.delete(`f/${n}.md`)));
    for (const n of ['a', 'b', 'c']) {
      clock.advance(50);
      change(i => i.add(`g/${n}.md`));
    }
    clock.advance(1000);
    assert.deepStrictEqual(sent, [['g/a.md', 'g/b.md', 'g/c.md']]);
  });

  test('a rename whose other half never comes holds the diff no longer than the limit', () => {
    const { clock, sent, batch, change } = batchOver(['old.md', 'x.md']);
    batch.expectRename('old.md', 'new.md');
    change(i => i.delete('old.md'));
    clock.advance(1999);
    assert.deepStrictEqual(sent, []);
    clock.advance(1);
    assert.deepStrictEqual(sent, [['x.md']]);
    // Given up: the next change goes at once.
    clock.advance(100);
    change(i => i.add('y.md'));
    clock.advance(0);
    assert.strictEqual(sent.length, 2);
  });

  test('reset drops announced renames and the diff waiting', () => {
    const { clock, sent, batch, change } = batchOver(['old.md']);
    batch.expectRename('old.md', 'new.md');
    change(i => i.delete('old.md'));
    clock.advance(0);
    batch.reset();
    clock.advance(5000);
    assert.deepStrictEqual(sent, []);
    change(i => i.add('z.md'));
    clock.advance(0);
    assert.deepStrictEqual(sent, [['z.md']]);
  });
});
