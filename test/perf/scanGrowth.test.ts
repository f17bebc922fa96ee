// Blow-up inputs: the scan must stay linear. No absolute time is asserted (speed is the
// bench's job); four times the input must cost less than eight times the time (a scan that
// rescans the rest of the note per opener would cost sixteen): growth.ts says how that is
// measured so that neither a busy machine nor a cache cliff makes the test fail on correct code.
// Each case gives the size of the largest input (the others are a quarter and a sixteenth).
// Every input here is scanned in full: nesting stays under the depth beyond which nothing is
// read (that limit has its own test, test/unit/core/syntax/depthLimit.test.ts).
import { scanNote } from '../../src/core/syntax/scanNote';
import { assertGrowsLinearly, describeGrowth, STEP } from './growth';

const repeat = (unit: string) => (n: number) => unit.repeat(n);

const cases: Array<[string, (n: number) => string, number]> = [
  ['1 MB of [[[[', repeat('['), 1_000_000],
  ['100k #', repeat('#'), 100_000],
  ['a 5 MB single line', repeat('word [[link]] #tag $x$ `c` [a](b.md) '), 5_000_000 / 38],
  ['list items nested 49 deep on one line, over and over', (n) => ('- '.repeat(49) + 'x [[y]]\n\n').repeat(n), 4_000],
  ['lists nested 100 deep, indented, over and over', (n) => Array.from({ length: 100 }, (_, i) => `${' '.repeat(2 * i)}- item [[x]]`).join('\n').concat('\n\n').repeat(n), 48],
  ['quotes nested 99 deep, line after line', (n) => ('> '.repeat(99) + 'x [[y]] #t\n').repeat(n), 4_000],
  ['an unclosed fence', (n) => '```\n' + 'code [[x]] #y\n'.repeat(n), 40_000],
  ['an unclosed $$ block', (n) => '$$\n' + 'x [[y]]\n'.repeat(n), 40_000],
  ['unclosed $ in one paragraph', repeat('$a '), 100_000],
  ['unclosed \\( in one paragraph', repeat('\\( '), 100_000],
  ['\\[ lines without a closer', repeat('\\[\n'), 40_000],
  ['unclosed backticks', repeat('`a '), 100_000],
  ['backtick runs of growing length', (n) => Array.from({ length: n }, (_, i) => '`'.repeat(1 + (i % 50)) + ' x ').join(''), 20_000],
  ['unclosed comments', repeat('<!-- '), 100_000],
  ['![[ and ![ openers', repeat('![[ ![ '), 50_000],
  ['[a]( tails', repeat('[a]('), 100_000],
  ['[^ and ^[ openers with a footnote defined', (n) => '[^1]: x\n\n' + '[^[^ ^[ [^1 '.repeat(n), 50_000],
  [']: after [ (definition look-ahead)', repeat('[a]:'), 100_000],
  // Below the young generation's cliff (growth.ts): 4,000 units at most where each makes objects.
  ['reference links with a definition', (n) => '[a]: b.md\n\n' + '[a] [x][a] '.repeat(n), 4_000],
  ['a wide table', (n) => '| a |\n|---|\n' + '| x '.repeat(n) + '|\n', 100_000],
  ['a long table', (n) => '| a | b |\n|---|---|\n' + '| [[x]] | #y |\n'.repeat(n), 4_000],
  ['< without >', repeat('<a '), 100_000],
  ['a frontmatter list of property links', (n) => '---\nup:\n' + '  - "[[x]]"\n'.repeat(n) + '---\n', 20_000],
  ['a frontmatter the yaml package reads', (n) => '---\n' + 'k: [[x]]\n'.repeat(n) + '---\n', 10_000],
];

suite('scanner: pathological input stays linear', () => {
  for (const [name, make, n] of cases) {
    test(name, function () {
      console.log(`      ${describeGrowth(assertGrowsLinearly(scanNote, make, Math.ceil(n / (STEP * STEP))))}`);
    });
  }
});
