import * as assert from 'assert';
import { groupSlots } from '../../../../src/core/graph/groupColors';

suite('group colours', () => {
  const folders = ['archive/', 'areas/', 'journal/', 'papers/', 'people/'];

  test('a folder that sorts first leaves every other group its colour', () => {
    const kept = new Map<string, number>();
    const before = groupSlots(folders, 10, kept);
    const after = groupSlots(['aaa/', ...folders], 10, kept);
    assert.deepStrictEqual(after.slice(1), before);
  });

  test('groups get distinct colours while the palette has free ones', () => {
    for (let n = 1; n <= 10; n++) {
      const names = Array.from({ length: n }, (_, i) => `folder-${i * 7}/`);
      assert.strictEqual(new Set(groupSlots(names, 10)).size, n, `${n} groups`);
    }
  });

  test('without kept slots, the colours do not depend on the legend order', () => {
    const a = groupSlots(folders, 6);
    const b = groupSlots([...folders].reverse(), 6).reverse();
    assert.deepStrictEqual(a, b);
  });

  test('a new group whose hash points at a free slot changes nobody, even with nothing kept', () => {
    const before = groupSlots(folders, 10);
    const taken = new Set(before);
    // A name whose home slot is free and which sorts before every other.
    const home = (name: string) => groupSlots([name], 10)[0];
    const name = Array.from({ length: 200 }, (_, i) => `a${i}/`).find(n => !taken.has(home(n)))!;
    const after = groupSlots([name, ...folders], 10);
    assert.deepStrictEqual(after.slice(1), before);
    assert.strictEqual(after[0], home(name));
  });

  test('a kept colour survives its group leaving and coming back', () => {
    const kept = new Map<string, number>();
    const [, papers] = groupSlots(['notes/', 'papers/'], 10, kept);
    groupSlots(['notes/'], 10, kept);
    groupSlots(['notes/', 'drafts/', 'zettel/'], 10, kept);
    assert.strictEqual(groupSlots(['drafts/', 'notes/', 'papers/', 'zettel/'], 10, kept)[2], papers);
  });

  test('names are case folded: Papers/ and papers/ share a colour', () => {
    const [a, b] = groupSlots(['Papers/', 'papers/'], 10);
    assert.strictEqual(a, b);
  });

  test('more groups than colours: every colour used, the rest share', () => {
    const names = Array.from({ length: 25 }, (_, i) => `g${i}/`);
    const slots = groupSlots(names, 8);
    assert.strictEqual(new Set(slots).size, 8);
    assert.ok(slots.every(s => s >= 0 && s < 8));
  });
});
