// Blow-up inputs: the scan must stay linear. No absolute time is asserted (speed is the
// bench's job); four times the input must cost less than eight times the time (a scan that
// rescans the rest of the note per opener would cost sixteen). Best of several runs, so a busy
// machine does not make the test flaky.
import * as assert from 'assert';
import { scanNote } from '../../../src/core/syntax/scanNote';

/** Best time of a few runs each of `small` and `large`, taken in turns so both meet the same machine. */
function bestTimes(small: string, large: string): [number, number] {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  let spent = 0;
  for (let run = 0; run < 3 || (spent < 200e6 && run < 15); run++) {
    for (const text of [small, large]) {
      const start = process.hrtime.bigint();
      scanNote(text);
      const took = Number(process.hrtime.bigint() - start);
      if (text === small) bestSmall = Math.min(bestSmall, took);
      else bestLarge = Math.min(bestLarge, took);
      spent += took;
    }
  }
  return [bestSmall, bestLarge];
}

/**
 * Time for the input made of `n` units over time for `n / 4`: the lowest of up to three
 * measures, as other work on the machine can only make a measure worse, never better.
 */
function growth(make: (n: number) => string, n: number): number {
  const small = make(n / 4);
  const large = make(n);
  scanNote(small); // let the JIT warm up before timing
  scanNote(large);
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= 8; attempt++) {
    const [timeSmall, timeLarge] = bestTimes(small, large);
    ratio = Math.min(ratio, timeLarge / timeSmall);
  }
  return ratio;
}

const repeat = (unit: string) => (n: number) => unit.repeat(n);

const cases: Array<[string, (n: number) => string, number]> = [
  ['1 MB of [[[[', repeat('['), 1_000_000],
  ['100k #', repeat('#'), 100_000],
  ['a 5 MB single line', repeat('word [[link]] #tag $x$ `c` [a](b.md) '), 5_000_000 / 38],
  ['10k nested list levels on one line', (n) => '- '.repeat(n) + 'x', 10_000],
  ['lists nested 100 deep, indented, over and over', (n) => Array.from({ length: 100 }, (_, i) => `${' '.repeat(2 * i)}- item [[x]]`).join('\n').concat('\n\n').repeat(n), 40],
  ['10k nested quotes', (n) => '> '.repeat(n) + 'x', 10_000],
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
  ['reference links with a definition', (n) => '[a]: b.md\n\n' + '[a] [x][a] '.repeat(n), 50_000],
  ['a wide table', (n) => '| a |\n|---|\n' + '| x '.repeat(n) + '|\n', 100_000],
  ['a long table', (n) => '| a | b |\n|---|---|\n' + '| [[x]] | #y |\n'.repeat(n), 40_000],
  ['< without >', repeat('<a '), 100_000],
  ['a frontmatter list of property links', (n) => '---\nup:\n' + '  - "[[x]]"\n'.repeat(n) + '---\n', 20_000],
  ['a frontmatter the yaml package reads', (n) => '---\n' + 'k: [[x]]\n'.repeat(n) + '---\n', 10_000],
];

suite('scanner: pathological input stays linear', () => {
  for (const [name, make, n] of cases) {
    test(name, function () {
      this.timeout(60_000);
      const ratio = growth(make, n);
      assert.ok(ratio < 8, `4x the input took ${ratio.toFixed(1)}x the time`);
    });
  }
});
