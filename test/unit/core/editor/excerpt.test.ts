import * as assert from 'assert';
import { noteExcerpt } from '../../../../src/core/editor/excerpt';
import { scanNote } from '../../../../src/core/syntax/scanNote';

const note = (...lines: string[]) => lines.join('\n');
const excerpt = (text: string, options = {}) => noteExcerpt(text, scanNote(text), options);

suite('noteExcerpt: the opening of a note for a hover', () => {
  const paper = note(
    '---', 'title: Paper', 'tags: [x]', '---',
    '# Paper', '',
    'First paragraph with [[transformers|a link]] and [[bert]].', '',
    '## Method', '',
    'We train. ^step', '',
    'Then [[gpt3#Scaling]] again.', '',
    '## Results', '',
    'It works.');

  test('the first paragraphs, without frontmatter or title, links written as their words', () => {
    assert.strictEqual(excerpt(paper, { maxParagraphs: 2 }), note('First paragraph with *a link* and *bert*.', '', 'We train.'));
  });

  test('a link to a heading starts at that section and ends before the next', () => {
    assert.strictEqual(excerpt(paper, { heading: 'Method', maxParagraphs: 5 }), note('We train.', '', 'Then *gpt3 › Scaling* again.'));
  });

  test('a link to a block shows that block', () => {
    assert.strictEqual(excerpt(paper, { block: 'step' }), 'We train.');
  });

  test('a long paragraph is cut at a word', () => {
    const long = excerpt(Array.from({ length: 200 }, () => 'word').join(' '), { maxChars: 50 });
    assert.ok(long.length < 60 && long.endsWith(' …'), long);
  });

  test('a size label of an embed is no words to show', () => {
    assert.strictEqual(excerpt('See ![[figure.png|300]].'), 'See &#91;figure\\.png&#93;.');
  });

  test('markup in link text cannot open emphasis or a link', () => {
    assert.strictEqual(excerpt('See [[a_b*c]].'), 'See *a\\_b\\*c*.');
  });

  test('a line of tags only is left out', () => {
    assert.strictEqual(excerpt(note('#attention #ml/transformers', '# Transformers', '', 'Text.')), 'Text.');
  });

  test('a paragraph that does not fit whole is cut where the room ends', () => {
    const text = note('Short one.', '', Array.from({ length: 100 }, () => 'word').join(' '));
    const shown = excerpt(text, { maxChars: 200 });
    assert.ok(shown.startsWith('Short one.\n\nword word') && shown.endsWith(' …') && shown.length <= 205, shown);
  });
});
