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
import { NoteIndex } from '../../src/core/index/noteIndex';
import { MAX_EMBEDDED_CHARS, MAX_EMBEDS_PER_PAGE, MAX_RENDER_CHARS, renderNotePage, type PageHost } from '../../src/core/render/page';
import { MAX_SIDENOTE_DEPTH } from '../../src/core/render/sidenoteRule';
import { assertGrowsLinearly, ATTEMPTS, describeGrowth, LIMIT, measureGrowth, STEP } from './growth';

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

// Blow-ups made of many items rather than one repeated unit: each built at n, 4n and 16n. Before, a task list searched backwards from each item for its list (40,000 items: 16 s)
// and markdown-it-footnote copied the token list once per footnote (10,000 footnotes: 25 s).
suite('render: many items grow linearly', () => {
  const preview = createMarkdown({ html: true });
  const cases: Array<[string, (n: number) => string, number]> = [
    ['task list items', n => '- [ ] a task\n'.repeat(n), 20_000],
    ['tasks in nested lists', n => '- [ ] a\n  - [x] b\n'.repeat(n / 2), 20_000],
    ['footnotes, each cited once', n => Array.from({ length: n }, (_, i) => `Claim[^${i}].`).join('\n\n') + '\n\n' +
      Array.from({ length: n }, (_, i) => `[^${i}]: Note ${i}.`).join('\n'), 5_000],
    ['inline footnotes', n => 'A claim^[a note].\n'.repeat(n), 5_000],
  ];
  for (const [name, make, count] of cases) {
    test(`${name} x ${count / 1000}k`, () => {
      // Ours alone: for stock markdown-it these are plain lists and paragraphs, linear too.
      console.log(`      ${describeGrowth(assertGrowsLinearly(text => preview.render(text), make, Math.ceil(count / (STEP * STEP)), { samples: 5 }))}`);
    });
  }
});

// What no growth ratio shows: inputs whose output, not time per byte, explodes. Each must
// finish with an output bounded by the page's budgets, whatever the notes ask for.
suite('render: hostile pages complete with bounded output', () => {
  const host: PageHost = { noteHref: p => p, imageSrc: p => p };

  test('four small notes, each embedding the next 50 times (6 million embeds asked for)', () => {
    const index = new NoteIndex();
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (let i = 0; i < 4; i++) index.upsert(`${names[i]}.md`, `# ${names[i]}\n\n` + `![[${names[i + 1]}]]\n\n`.repeat(50));
    index.upsert('e.md', '# e\n\nThe leaf, a few words long.');
    const page = renderNotePage(index, host, 'a.md', index.textOf('a.md')!);
    const drawn = (page.html.match(/<div class="embed" /g) ?? []).length;
    console.log(`      ${drawn} embeds drawn, ${(page.html.length / 1e6).toFixed(2)} MB of HTML`);
    assert.ok(drawn <= MAX_EMBEDS_PER_PAGE, `${drawn} embeds drawn`);
    assert.ok(page.html.length < 10_000_000, `${page.html.length} characters of HTML`);
    assert.match(page.html, /class="embed embed-over-budget"[^>]*>.*not drawn/, 'a visible marker where the budget stopped it');
  });

  test('one large note embedded over and over stays within the output budget', () => {
    const index = new NoteIndex();
    index.upsert('big.md', '# Big\n\n' + 'A sentence of plain prose, long enough to count.\n\n'.repeat(20_000));
    index.upsert('a.md', '![[big]]\n\n'.repeat(100));
    const page = renderNotePage(index, host, 'a.md', index.textOf('a.md')!);
    assert.ok(page.html.length < MAX_EMBEDDED_CHARS * 2, `${page.html.length} characters of HTML`);
    assert.match(page.html, /embed-over-budget/);
  });

  test('a chain of 2,000 footnotes, each citing the next, renders; the depth is bounded', () => {
    let text = 'Start[^0].\n\n';
    for (let i = 0; i < 2000; i++) text += `[^${i}]: Note ${i} cites[^${i + 1}].\n\n`;
    const html = createMarkdown({ html: true }).render(text);
    const drawn = (html.match(/class="sidenote"/g) ?? []).length;
    assert.strictEqual(drawn, MAX_SIDENOTE_DEPTH);
    assert.match(html, /sidenote-too-deep/);
  });

  test('a note longer than the render limit is refused with a message naming it, at once', () => {
    const index = new NoteIndex();
    const text = 'x'.repeat(MAX_RENDER_CHARS + 1);
    const page = renderNotePage(index, host, 'huge.md', text, { backlinks: false });
    assert.match(page.html, /<p class="render-refused">huge\.md is too long to render/);
    assert.ok(page.html.length < 1000);
  });
});
