import * as assert from 'assert';
import { placeOfFragment, placeOfLink } from '../../../../src/core/editor/linkPlace';
import { scanNote } from '../../../../src/core/syntax/scanNote';

const note = (...lines: string[]) => lines.join('\n');

suite('linkPlace: where in its target a link lands', () => {
  const text = note('# Paper', '', '## Method', '', '### Setup', '', 'First line', 'second line ^step', '', '## Results');
  const syntax = scanNote(text);

  test('a heading link lands on the heading, by its text or its slug, whatever the case', () => {
    assert.strictEqual(placeOfLink(syntax, text, { heading: 'method' })?.start.line, 2);
    assert.strictEqual(placeOfLink(syntax, text, { heading: 'Results' })?.start.line, 9);
  });

  test('a nested heading link (`#A#B`) lands on its last part', () => {
    assert.strictEqual(placeOfLink(syntax, text, { heading: 'Method#Setup' })?.start.line, 4);
  });

  test('a block link covers the whole block, from its first line to the id', () => {
    const place = placeOfLink(syntax, text, { block: 'STEP' });
    assert.deepStrictEqual([place?.start.line, place?.end.line], [6, 7]);
    assert.strictEqual(text.slice(place!.startOffset, place!.endOffset), 'First line\nsecond line ^step');
  });

  test('no heading or block named, or none that exists: no place (the note opens at its top)', () => {
    assert.strictEqual(placeOfLink(syntax, text, {}), undefined);
    assert.strictEqual(placeOfLink(syntax, text, { heading: 'Nowhere' }), undefined);
    assert.strictEqual(placeOfLink(undefined, text, { heading: 'Method' }), undefined);
  });

  test('a fragment names a heading or, with ^, a block', () => {
    assert.strictEqual(placeOfFragment(syntax, text, 'Method#Setup')?.start.line, 4);
    assert.strictEqual(placeOfFragment(syntax, text, '^step')?.start.line, 6); // the whole block, as F12 shows it
    assert.strictEqual(placeOfFragment(syntax, text, '^nope'), undefined);
  });
});
