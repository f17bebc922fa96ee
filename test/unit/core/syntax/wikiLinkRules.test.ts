// How the inside of `[[...]]` reads, as tables, on the function both readers call
// (syntax/wikiLink.ts parseWikiLink): the differential test cannot see a wrong rule here.
import * as assert from 'assert';
import { parseWikiLink } from '../../../../src/core/syntax/wikiLink';
import { charsOf, nameOf, NOT_SPACES, PUNCTUATION, SPACES } from './characterClasses';

/** The link `[[` at offset 0 starts, as plain parts, with the text its target range covers. */
function read(text: string) {
  const link = parseWikiLink(text, 0, text.length);
  if (!link) return undefined;
  const { target, heading, block, label } = link;
  return { target, ranged: text.slice(link.targetStart, link.targetEnd), heading, block, label, end: link.end };
}

const LINE_BREAKS = new Set(['\n', '\r']);

suite('shared rule: the parts of a wiki-link', () => {
  suite('whitespace', () => {
    for (const [ch, name] of SPACES) {
      if (LINE_BREAKS.has(ch)) {
        test(`${nameOf(ch, name)} ends the text a link may span: no link`, () => {
          assert.strictEqual(read(`[[a${ch}b]]`), undefined);
          assert.strictEqual(read(`[[${ch}a]]`), undefined);
        });
        continue;
      }
      test(`${nameOf(ch, name)} around the target is trimmed, from its text and its range`, () => {
        const r = read(`[[${ch}my note${ch}]]`)!;
        assert.strictEqual(r.target, 'my note');
        assert.strictEqual(r.ranged, 'my note');
      });
      test(`${nameOf(ch, name)} inside the target is kept`, () => {
        assert.strictEqual(read(`[[a${ch}b]]`)!.target, `a${ch}b`);
      });
      test(`${nameOf(ch, name)} around the heading, block id and label is trimmed`, () => {
        const text = `[[a${ch}#${ch}Head${ch}|${ch}shown${ch}]]`;
        assert.deepStrictEqual(read(text), { target: 'a', ranged: 'a', heading: 'Head', block: undefined, label: 'shown', end: text.length });
        assert.strictEqual(read(`[[a#^${ch}id${ch}]]`)!.block, 'id');
      });
      test(`a target of only ${nameOf(ch, name)} is a same-note link or none`, () => {
        assert.strictEqual(read(`[[${ch}]]`), undefined);
        assert.strictEqual(read(`[[${ch}#h]]`)!.target, '');
      });
    }
    for (const [ch, name] of NOT_SPACES) {
      test(`${nameOf(ch, name)} is not whitespace: kept around the target`, () => {
        const r = read(`[[${ch}a${ch}]]`)!;
        assert.strictEqual(r.target, `${ch}a${ch}`);
        assert.strictEqual(r.ranged, r.target);
      });
    }
  });

  suite('punctuation and symbols inside the target', () => {
    // What each special character does; every other one is part of the target.
    const special: Record<string, (r: ReturnType<typeof read>) => void> = {
      '[': r => assert.strictEqual(r, undefined),
      ']': r => assert.strictEqual(r, undefined),
      '|': r => assert.deepStrictEqual([r!.target, r!.label], ['a', 'b']),
      '#': r => assert.deepStrictEqual([r!.target, r!.heading], ['a', 'b']),
    };
    for (const [kind, chars] of Object.entries(PUNCTUATION)) {
      test(`${kind}: part of the target unless it is [ ] | #`, () => {
        for (const ch of charsOf(chars)) {
          const r = read(`[[a${ch}b]]`);
          if (special[ch]) special[ch](r);
          else assert.strictEqual(r?.target, `a${ch}b`, nameOf(ch));
        }
      });
    }
  });

  suite('forms', () => {
    const rows: Array<[string, Partial<NonNullable<ReturnType<typeof read>>> | undefined]> = [
      ['[[a]]', { target: 'a', end: 5 }],
      ['[[a]]]', { target: 'a', end: 5 }],
      ['[[a#h#i]]', { target: 'a', heading: 'h#i' }],
      ['[[a#^b]]', { target: 'a', block: 'b' }],
      ['[[a^b]]', { target: 'a^b' }],
      ['[[#^b]]', { target: '', block: 'b' }],
      ['[[a\\|b]]', { target: 'a', label: 'b' }],
      ['[[a|b|c]]', { target: 'a', label: 'b|c' }],
      ['[[a|b#c]]', { target: 'a', label: 'b#c' }],
      ['[[a\\b]]', { target: 'a\\b' }],
      ['[[a|]]', { target: 'a' }],
      ['[[|b]]', undefined],
      ['[[#]]', undefined],
      ['[[#^]]', undefined],
      ['[[]]', undefined],
      ['[[a]', undefined],
      ['[[a] ]', undefined],
      ['[[a', undefined],
    ];
    for (const [text, expected] of rows) {
      test(JSON.stringify(text), () => {
        const r = read(text);
        if (expected === undefined) return assert.strictEqual(r, undefined);
        assert.ok(r, 'a link');
        for (const [key, value] of Object.entries(expected)) assert.strictEqual(r[key as keyof typeof r], value, key);
        for (const key of ['heading', 'block', 'label'] as const) if (!(key in expected)) assert.strictEqual(r[key], undefined, key);
      });
    }

    test('the link ends at `max`: a `]]` past it does not count', () => {
      assert.strictEqual(parseWikiLink('[[a]]', 0, 4), undefined);
      assert.strictEqual(parseWikiLink('x [[a]] y', 2, 7)!.end, 7);
    });
  });
});
