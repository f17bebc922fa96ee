import * as assert from 'assert';
import { githubSlug, Slugger } from '../../../../src/core/syntax/slug';

/** GitHub's rule, written the plain way: a Map of every slug given and the last suffix of each. */
function referenceSlugs(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map(text => {
    const base = githubSlug(text);
    let slug = base;
    while (seen.has(slug)) {
      const n = seen.get(base)! + 1;
      seen.set(base, n);
      slug = `${base}-${n}`;
    }
    seen.set(slug, 0);
    return slug;
  });
}

suite('Slugger', () => {
  test('repeats get -1, -2, … and a heading that reads like a repeat is skipped over', () => {
    const slugger = new Slugger();
    assert.deepStrictEqual(['Intro', 'Intro', 'Intro 1', 'Intro'].map(t => slugger.slug(t)), ['intro', 'intro-1', 'intro-1-1', 'intro-2']);
  });

  test('a note of many headings (past the short list) gives the same slugs as the plain rule', () => {
    // Headings drawn from a few texts that collide with each other's suffixed slugs, long enough to pass the list's length.
    const pool = ['A', 'a', 'A 1', 'a-1', 'A-2', 'B', 'b 1', 'Intro', 'Intro 2'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (const length of [5, 31, 32, 33, 40, 200]) {
      const texts = Array.from({ length }, () => pool[next() % pool.length]);
      const slugger = new Slugger();
      assert.deepStrictEqual(texts.map(t => slugger.slug(t)), referenceSlugs(texts), `${length} headings`);
    }
  });
});
