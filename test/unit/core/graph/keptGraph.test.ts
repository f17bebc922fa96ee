import * as assert from 'assert';
import { groupSlots } from '../../../../src/core/graph/groupColors';
import { readKeptGroupSlots, readKeptPositions, writeKeptGroupSlots } from '../../../../src/core/graph/keptGraph';

suite('what a graph keeps between openings', () => {
  test('group colours written and read back are the same slots', () => {
    const kept = new Map<string, number>();
    groupSlots(['papers/', 'people/', '/'], 10, kept);
    const read = readKeptGroupSlots(writeKeptGroupSlots(kept), 10)!;
    assert.deepStrictEqual([...read].sort(), [...kept].sort());
  });

  test('a group read back keeps its slot when groups whose hashes meet it appear in another order', () => {
    // Two names with the same home slot: given fresh, the one with the smaller hash takes it.
    const names = Array.from({ length: 200 }, (_, i) => `folder-${i}/`);
    const home = (n: string) => groupSlots([n], 10)[0];
    const pair = names.filter(n => home(n) === home(names[0])).slice(0, 2);
    // `a` is the one that takes the home slot when both are given one fresh.
    const [a, b] = groupSlots(pair, 10)[0] === home(pair[0]) ? pair : [pair[1], pair[0]];
    const fresh = groupSlots([a, b], 10);
    // `b` alone first (a day without `a`), kept; then both: `b` keeps the slot it had.
    const kept = new Map<string, number>();
    const alone = groupSlots([b], 10, kept)[0];
    const reopened = readKeptGroupSlots(writeKeptGroupSlots(kept), 10)!;
    const both = groupSlots([a, b], 10, reopened);
    assert.strictEqual(both[1], alone, 'b keeps its colour');
    assert.notStrictEqual(both[0], both[1], 'a gets another');
    assert.notDeepStrictEqual(fresh, both, 'without what was kept, the two would have been given other slots');
  });

  test('a damaged group colours file is refused whole, never half used', () => {
    for (const text of ['', '{', 'null', '[]', '[1,2]', '"papers/"', '{"papers/": "1"}', '{"papers/": 1.5}', '{"papers/": -1}', '{"a/": 1, "b/": {}}', '{"papers/": 1e400}']) {
      assert.strictEqual(readKeptGroupSlots(text, 10), undefined, JSON.stringify(text));
    }
  });

  test('a kept slot past a smaller palette is given afresh; the others stay', () => {
    assert.deepStrictEqual([...readKeptGroupSlots('{"a/": 3, "b/": 9}', 6)!], [['a/', 3]]);
  });

  test('kept positions read back; a damaged positions file is refused whole', () => {
    assert.deepStrictEqual({ ...readKeptPositions('{"a.md": [1, 2.5], "__proto__": [3, 4]}') }, { 'a.md': [1, 2.5], ['__proto__']: [3, 4] });
    for (const text of ['', 'not json', 'null', '[]', '{"a.md": [1]}', '{"a.md": [1, "2"]}', '{"a.md": [1, null]}', '{"a.md": {"x": 1, "y": 2}}']) {
      assert.strictEqual(readKeptPositions(text), undefined, JSON.stringify(text));
    }
  });
});
