// Blow-up inputs for the rules of this folder. No absolute time is asserted (speed is the
// bench's job); what is checked is growth: ten times the input may cost about ten times the
// time, as it does for stock markdown-it on the same input, never the hundredfold a rule
// that rescans the rest of the note per opener (quadratic) would cost. Growth is compared
// with stock markdown-it's because markdown-it itself grows worse than linearly on some of
// these (`\(` x 100k: ~35x for 10x, in its escape handling), which is not ours to assert on.
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { createMarkdown } from '../../../src/core/render/markdown';

const ours = createMarkdown();
const stock = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** Best of enough runs to fill ~100 ms (at least three): the minimum is what the code costs, the rest is the machine. */
function bestTime(md: MarkdownIt, text: string): number {
  let best = Infinity;
  let spent = 0;
  for (let run = 0; run < 3 || (spent < 100e6 && run < 50); run++) {
    const start = process.hrtime.bigint();
    md.render(text);
    const took = Number(process.hrtime.bigint() - start);
    best = Math.min(best, took);
    spent += took;
  }
  return best;
}

/** Time for `count` repetitions of `unit` over time for a tenth as many. */
function growth(md: MarkdownIt, unit: string, count: number): number {
  const small = unit.repeat(count / 10);
  md.render(small); // warm up the JIT before timing
  return bestTime(md, unit.repeat(count)) / bestTime(md, small);
}

suite('render: pathological input grows linearly', () => {
  // The two the issue names at 100k; the other openers of these rules at 50k, to keep the suite quick.
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
      if (mine < 30) return;
      // Only now is stock markdown-it worth timing: is the excess its own?
      const theirs = growth(stock, unit, count);
      assert.ok(mine < 3 * theirs, `10x the input took ${mine.toFixed(1)}x the time (stock markdown-it: ${theirs.toFixed(1)}x)`);
    });
  }
});
