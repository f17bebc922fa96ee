import * as assert from 'assert';
import { snippetOf, snippetOfSpans } from '../../../../src/core/views/snippet';

function highlighted(s: { text: string; highlights: readonly (readonly [number, number])[] }): string[] {
  return s.highlights.map(([a, b]) => s.text.slice(a, b));
}

suite('backlink snippets', () => {
  test('a short paragraph is quoted whole with the link highlighted', () => {
    const context = 'It uses 96 layers (see [[transformers]]) and is #ml/llm.';
    const s = snippetOf(context, 23, 39);
    assert.strictEqual(s.text, 'It uses 96 layers (see transformers) and is #ml/llm.');
    assert.deepStrictEqual(highlighted(s), ['transformers']);
  });

  test('line breaks and runs of spaces fold to one space, the highlight follows', () => {
    const context = 'First line\n  and   the [[link]] here';
    const s = snippetOf(context, context.indexOf('[['), context.indexOf(']]') + 2);
    assert.strictEqual(s.text, 'First line and the link here');
    assert.deepStrictEqual(highlighted(s), ['link']);
  });

  test('several parts of one line are all highlighted; one beyond a long line\'s window is not', () => {
    const short = 'The *widget* and the widget.';
    assert.deepStrictEqual(highlighted(snippetOfSpans(short, [[5, 11], [21, 27]])), ['widget', 'widget']);
    const filler = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const long = `A widget, ${filler} and a widget`;
    const s = snippetOfSpans(long, [[2, 8], [long.length - 6, long.length]]);
    assert.ok(s.text.endsWith('…'), s.text);
    assert.deepStrictEqual(highlighted(s), ['widget']);
  });

  test('a long paragraph is trimmed to about 300 characters around the link, at word boundaries', () => {
    const before = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const after = Array.from({ length: 80 }, (_, i) => `tail${i}`).join(' ');
    const context = `${before} see [[target]] then ${after}`;
    const start = context.indexOf('[[target]]');
    const s = snippetOf(context, start, start + 10);
    assert.ok(s.text.length <= 302, `length ${s.text.length}`);
    assert.ok(s.text.startsWith('…word') && s.text.endsWith('…'), s.text);
    assert.deepStrictEqual(highlighted(s), ['target']);
    assert.ok(!/\bwor$|…ord/.test(s.text), 'cut at a word boundary');
    const left = s.highlights[0][0];
    const right = s.text.length - s.highlights[0][1];
    assert.ok(Math.abs(left - right) < 60, `centred: ${left} before, ${right} after`);
  });

  test('a link at the very start of a long paragraph keeps the start, trimmed at the end only', () => {
    const context = `[[target]] ${'x '.repeat(400)}`;
    const s = snippetOf(context, 0, 10);
    assert.ok(s.text.startsWith('target') && s.text.endsWith('…'));
    assert.deepStrictEqual(highlighted(s), ['target']);
  });

  test('an unknown link position gives the text without a highlight', () => {
    assert.deepStrictEqual(snippetOf('plain text', -1, -1), { text: 'plain text', highlights: [] });
  });
});

suite('rows as clean text, never markdown source', () => {
  test('a callout marker, emphasis, code marks, links and table pipes become what a reader sees, the link still highlighted', () => {
    const callout = '[!tip] Read **more** about `moths` in [[Insects/moths|Moths]] and [the guide](https://example.org)';
    const s = snippetOf(callout, callout.indexOf('[['), callout.indexOf(']]') + 2);
    assert.strictEqual(s.text, 'Read more about moths in Moths and the guide');
    assert.deepStrictEqual(highlighted(s), ['Moths']);
    const row = '| moth | [[Night flyers\\|flyers]] | brown |';
    const t = snippetOf(row, row.indexOf('[['), row.indexOf(']]') + 2);
    assert.strictEqual(t.text, 'moth · flyers · brown');
    assert.deepStrictEqual(highlighted(t), ['flyers']);
    const table = '| a | b |\n| --- | --- |\n| c | [[d]] |';
    assert.ok(!/\||---/.test(snippetOf(table, -1, -1).text), snippetOf(table, -1, -1).text);
  });

  test('a footnote reference is no text in a row', () => {
    const context = 'Wings beat fast (see [[hummingbirds]])[^1], about fifty times a second.';
    assert.strictEqual(snippetOf(context, -1, -1).text, 'Wings beat fast (see hummingbirds), about fifty times a second.');
  });

  test('snake_case and an escaped star stay as written', () => {
    assert.strictEqual(snippetOf('the file_name and 2 \\* 3', -1, -1).text, 'the file_name and 2 * 3');
  });
});
