import * as assert from 'assert';
import { groupSlots, legendSlots, NO_SLOT } from '../../../../src/core/graph/groupColors';

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

  test('more groups than colours: the largest get every colour, the rest none (drawn neutral)', () => {
    // 25 first tags, tag i with 25 - i notes: the 8 largest are t0 … t7.
    const names = Array.from({ length: 25 }, (_, i) => `#t${i}`);
    const sizes = names.map((_, i) => 25 - i);
    const slots = groupSlots(names, 8, new Map(), sizes);
    assert.deepStrictEqual([...slots.slice(0, 8)].sort(), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.ok(slots.slice(8).every(s => s === NO_SLOT), `the rest: ${slots.slice(8)}`);
  });

  test('with no more groups than colours, sizes change nothing', () => {
    const sizes = folders.map((_, i) => 100 - 7 * i);
    assert.deepStrictEqual(groupSlots(folders, 10, new Map(), sizes), groupSlots(folders, 10));
    assert.deepStrictEqual(groupSlots(folders, 5, new Map(), sizes), groupSlots(folders, 5));
  });

  test('groups of one size at the cut are chosen by name, whatever the legend order', () => {
    const names = ['#delta', '#alpha', '#echo', '#charlie', '#bravo'];
    const a = groupSlots(names, 3, new Map(), names.map(() => 2));
    const b = groupSlots([...names].reverse(), 3, new Map(), names.map(() => 2)).reverse();
    assert.deepStrictEqual(a, b);
    assert.deepStrictEqual(names.filter((_, i) => a[i] !== NO_SLOT).sort(), ['#alpha', '#bravo', '#charlie']);
  });

  test('a kept slot holds while its group is among the largest; out of them it is neutral, and back in, coloured as before', () => {
    const kept = new Map<string, number>();
    const [papers] = groupSlots(['#papers', '#people', '#stub'], 2, kept, [5, 4, 1]);
    // #papers shrinks below two others: neutral, its slot given to the group that came in.
    const shrunk = groupSlots(['#papers', '#people', '#stub'], 2, kept, [1, 4, 3]);
    assert.strictEqual(shrunk[0], NO_SLOT);
    assert.strictEqual(shrunk[2], papers, '#stub takes the free slot');
    assert.strictEqual(kept.get('#papers'), papers, 'the shrunk group keeps its entry');
    // #stub empties (gone from the legend): #papers is among the largest again, its slot free.
    assert.strictEqual(groupSlots(['#papers', '#people'], 2, kept, [1, 4])[0], papers);
  });

  test('two groups that kept one slot (kept while colours were shared): the larger keeps it, the other gets a free one', () => {
    const kept = new Map([['#small', 3], ['#large', 3]]);
    const [small, large] = groupSlots(['#small', '#large'], 10, kept, [2, 9]);
    assert.strictEqual(large, 3);
    assert.notStrictEqual(small, 3);
    assert.strictEqual(kept.get('#small'), small, 'its new slot is kept');
  });

  test('a legend\'s groups with their own colour (from the settings) take no slot and leave the palette to the others', () => {
    const legend = [{ name: 'papers', count: 50, color: '#d18616' }, { name: 'people', count: 3 }, { name: 'drafts', count: 2 }, { name: 'ideas', count: 1 }];
    const slots = legendSlots(legend, 2);
    assert.strictEqual(slots[0], NO_SLOT);
    assert.deepStrictEqual(slots.slice(1), groupSlots(['people', 'drafts', 'ideas'], 2, new Map(), [3, 2, 1]));
    assert.strictEqual(slots[3], NO_SLOT, 'the smallest of the rest is neutral');
  });
});
