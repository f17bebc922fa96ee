// Blow-up inputs for the preview's rules. No absolute time is asserted (speed is the bench's
// job); what is checked is growth (growth.ts): four times the input may cost about four times
// the time, never the sixteen a rule that rescans the rest of the note per opener (quadratic)
// would cost. Where ours grows past the limit, stock markdown-it is measured on the same input:
// markdown-it itself grows worse than linearly on some of these (`\(` x 100k: ~35x for 10x, in
// its escape handling), which is not ours to assert on; ours must then stay within twice its
// growth.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { createMarkdown } from '../../src/core/render/markdown';
import { ATTEMPTS, describeGrowth, LIMIT, measureGrowth, STEP } from './growth';

const ours = createMarkdown();
const stock = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** The smaller step of n -> 4n -> 16n, the largest being `count` units; measured again (up to ATTEMPTS in all) while it is over the limit. */
function growth(md: MarkdownIt, unit: string, count: number): number {
  let smaller = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && smaller >= LIMIT; attempt++) {
    const measured = measureGrowth(text => md.render(text), (n: number) => unit.repeat(n), Math.ceil(count / (STEP * STEP)), { samples: 7 });
    console.log(`      ${md === ours ? '' : 'stock markdown-it: '}${describeGrowth(measured)}`);
    smaller = Math.min(smaller, ...measured.steps);
  }
  return smaller;
}

suite('render: pathological input grows linearly', () => {
  const cases: Array<[string, number]> = [
    ['[[', 100_000],
    ['#', 100_000],
    ['![[', 50_000],
    ['#a#', 50_000],
    ['\\(', 50_000],
    ['\\[\n\n', 50_000],
    ['<!-- ', 50_000],
  ];
  for (const [unit, count] of cases) {
    test(`${JSON.stringify(unit)} x ${count / 1000}k`, () => {
      const mine = growth(ours, unit, count);
      if (mine < LIMIT) return;
      // Only now is stock markdown-it worth timing: is the excess its own?
      const theirs = growth(stock, unit, count);
      assert.ok(mine < 2 * theirs, `${STEP}x the input took ${mine.toFixed(1)}x the time (stock markdown-it: ${theirs.toFixed(1)}x)`);
    });
  }
});
