// Blow-up inputs for the preview's rules. No absolute time is asserted (speed is the bench's
// job); what is checked is growth: ten times the input may cost about ten times the time, as
// it does for stock markdown-it on the same input, never the hundredfold a rule that rescans
// the rest of the note per opener (quadratic) would cost. Growth is compared with stock
// markdown-it's because markdown-it itself grows worse than linearly on some of these (`\(` x
// 100k: ~35x for 10x, in its escape handling), which is not ours to assert on. Ratios are
// medians of samples (growth.ts).
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { createMarkdown } from '../../src/core/render/markdown';
import { growthRatio } from './growth';

const ours = createMarkdown();
const stock = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

function growth(md: MarkdownIt, unit: string, count: number): number {
  return growthRatio(text => md.render(text), unit.repeat(count / 10), unit.repeat(count), { samples: 7 });
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
      console.log(`      10x the input: ${mine.toFixed(2)}x the time`);
      if (mine < 30) return;
      // Only now is stock markdown-it worth timing: is the excess its own?
      const theirs = growth(stock, unit, count);
      assert.ok(mine < 3 * theirs, `10x the input took ${mine.toFixed(1)}x the time (stock markdown-it: ${theirs.toFixed(1)}x)`);
    });
  }
});
