// Which markdown link destinations name a note, as a table, on the function both readers call
// (syntax/noteLink.ts noteTarget): the differential test cannot see a wrong rule here.
import * as assert from 'assert';
import { noteTarget, percentDecode } from '../../../../src/core/syntax/noteLink';
import { nameOf, SPACES } from './characterClasses';

type Row = [href: string, raw: string, expected: { target: string; heading?: string; pathLength: number } | undefined];

const rows: Row[] = [
  ['a.md', 'a.md', { target: 'a.md', pathLength: 4 }],
  ['a.MD', 'a.MD', { target: 'a.MD', pathLength: 4 }],
  ['papers/a.md', 'papers/a.md', { target: 'papers/a.md', pathLength: 11 }],
  ['../a.md', '../a.md', { target: '../a.md', pathLength: 7 }],
  ['./a.md', './a.md', { target: './a.md', pathLength: 6 }],
  ['/a.md', '/a.md', { target: '/a.md', pathLength: 5 }],
  ['a.md#Intro', 'a.md#Intro', { target: 'a.md', heading: 'Intro', pathLength: 4 }],
  ['a.md#', 'a.md#', { target: 'a.md', pathLength: 4 }],
  ['a.md#sec%20two', 'a.md#sec two', { target: 'a.md', heading: 'sec two', pathLength: 4 }],
  ['my%20note.md', '<my note.md>', { target: 'my note.md', pathLength: 12 }],
  ['%20a.md', '%20a.md', { target: ' a.md', pathLength: 7 }],
  ['a%C2%A0b.md', 'a%C2%A0b.md', { target: 'a\u00a0b.md', pathLength: 11 }],
  ['caf%C3%A9.md', 'café.md', { target: 'café.md', pathLength: 7 }],
  ['100%.md', '100%.md', { target: '100%.md', pathLength: 7 }],
  ['a%zz.md', 'a%zz.md', { target: 'a%zz.md', pathLength: 7 }],
  ['%E0%A4%A.md', '%E0%A4%A.md', { target: '%E0%A4%A.md', pathLength: 11 }],
  ['1a:b.md', '1a:b.md', { target: '1a:b.md', pathLength: 7 }],
  ['a.md%20', 'a.md%20', undefined],
  ['a.md%23x', 'a.md%23x', undefined],
  ['a.mdx', 'a.mdx', undefined],
  ['a.md/', 'a.md/', undefined],
  ['a.md?x=1', 'a.md?x=1', undefined],
  ['a.markdown', 'a.markdown', undefined],
  ['a.png', 'a.png', undefined],
  // No extension at all: a note, as Obsidian opens [Zektor](Zektor) (issue 9).
  ['a', 'a', { target: 'a', pathLength: 1 }],
  ['../people/Zektor', '../people/Zektor', { target: '../people/Zektor', pathLength: 16 }],
  ['Zektor#Bio', 'Zektor#Bio', { target: 'Zektor', heading: 'Bio', pathLength: 6 }],
  ['people/', 'people/', undefined],
  ['..', '..', undefined],
  ['a%5Bb%5D', 'a[b]', undefined],
  ['v1.2', 'v1.2', undefined],
  ['', '', undefined],
  ['#intro', '#intro', undefined],
  ['http://x.org/a.md', 'http://x.org/a.md', undefined],
  ['HTTPS://x.org/a.md', 'HTTPS://x.org/a.md', undefined],
  ['mailto:a.md', 'mailto:a.md', undefined],
  ['file:a.md', 'file:a.md', undefined],
  ['vscode-notebook+x.y:a.md', 'vscode-notebook+x.y:a.md', undefined],
  ['C:/notes/a.md', 'C:/notes/a.md', undefined],
  ['//host/a.md', '//host/a.md', undefined],
];

suite('shared rule: which markdown links are links between notes', () => {
  for (const [href, raw, expected] of rows) {
    test(`${JSON.stringify(raw)}${expected ? ` names ${JSON.stringify(expected.target)}` : ' is not a note'}`, () => {
      assert.deepStrictEqual(noteTarget(href, raw), expected);
    });
  }

  // markdown-it percent-encodes a destination's spaces; one written with a space (`<a b.md>`) keeps it.
  for (const [ch, name] of SPACES) {
    test(`${nameOf(ch, name)} in a path is part of the note's name, never trimmed`, () => {
      assert.deepStrictEqual(noteTarget(`${ch}a${ch}b.md`, ''), { target: `${ch}a${ch}b.md`, pathLength: 0 });
      assert.strictEqual(noteTarget(`a.md${ch}`, ''), undefined);
    });
  }

  test('percent-decoding leaves a malformed escape as written, and a text with broken UTF-8 as it is', () => {
    assert.strictEqual(percentDecode('a%20b%zz%2'), 'a b%zz%2');
    assert.strictEqual(percentDecode('%E2%82%AC and %E2%82'), '%E2%82%AC and %E2%82');
  });
});
