import * as assert from 'assert';
import { collectLinksAndTags, createMarkdown } from '../../../../src/core/render/markdown';
import { lines } from './lines';

const md = createMarkdown();
const tagNames = (text: string) => collectLinksAndTags(md, text).tags.map((t) => t.name);

suite('render: tags', () => {
  test('#tag is a tag anchor', () => {
    assert.strictEqual(md.renderInline('about #attention'), 'about <a class="tag" data-tag="attention">#attention</a>');
  });

  test('a nested tag keeps its path', () => {
    assert.deepStrictEqual(tagNames('#ml/transformers'), ['ml/transformers']);
  });

  test('a tag starts a line, or follows whitespace or (', () => {
    assert.deepStrictEqual(tagNames(lines('#first', 'mid #second', '(#third)')), ['first', 'second', 'third']);
  });

  test('a # inside a word is no tag', () => {
    assert.deepStrictEqual(tagNames('C#sharp issue#12'), []);
  });

  test('digits alone are no tag, digits with a letter are', () => {
    assert.deepStrictEqual(tagNames('#1984 #2024-review #1984a'), ['2024-review', '1984a']);
  });

  test('a tag ends at a character that is not a tag character', () => {
    assert.deepStrictEqual(tagNames('#a.b #c, #d!'), ['a', 'c', 'd']);
  });

  test('_ and - are tag characters', () => {
    assert.deepStrictEqual(tagNames('#reinforcement_learning #to-read'), ['reinforcement_learning', 'to-read']);
  });

  test('letters of any script make tags', () => {
    assert.deepStrictEqual(tagNames('#日本語 #café #Ελληνικά'), ['日本語', 'café', 'Ελληνικά']);
  });

  test('emoji make tags', () => {
    assert.deepStrictEqual(tagNames('#🚀 #launch🚀'), ['🚀', 'launch🚀']);
  });

  test('# Heading is a heading, not a tag', () => {
    assert.strictEqual(md.render('# Heading'), '<h1>Heading</h1>\n');
  });

  test('a tag inside a heading is a tag', () => {
    assert.deepStrictEqual(tagNames('## Notes #draft'), ['draft']);
  });

  test('an escaped # is no tag', () => {
    assert.deepStrictEqual(tagNames('\\#literal'), []);
  });

  test('no tag in a code span, math or a link destination', () => {
    assert.deepStrictEqual(tagNames('`#code` $#math$ \\(#math\\) [x](note.md#frag) [y]( #dest)'), []);
  });

  test('no tag in a link title', () => {
    assert.deepStrictEqual(tagNames('[x](note.md "see #title")'), []);
  });

  test('a tag inside a link\'s text is a span, so no anchor nests in an anchor', () => {
    assert.strictEqual(md.renderInline('[see #draft](x.md)'), '<a href="x.md">see <span class="tag" data-tag="draft">#draft</span></a>');
  });

  test('a trailing / is not part of the tag', () => {
    assert.deepStrictEqual(tagNames('#a/b/ and #c/'), ['a/b', 'c']);
  });

  test('a tag name is text in the anchor and an escaped attribute', () => {
    assert.strictEqual(md.renderInline('#a<b>'), '<a class="tag" data-tag="a">#a</a>&lt;b&gt;');
  });
});
