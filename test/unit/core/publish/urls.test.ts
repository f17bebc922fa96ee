import * as assert from 'assert';
import { noteUrls, relativeHref, slugPath, tagUrl } from '../../../../src/core/publish/urls';

suite('publish: URL rules', () => {
  test('a note lives at its path, each segment slugged, as a folder', () => {
    assert.strictEqual(slugPath('Papers/Attention Is All You Need.md'), 'papers/attention-is-all-you-need');
    assert.strictEqual(slugPath('people/Émile Zola?.md'), 'people/émile-zola');
    assert.strictEqual(slugPath('日本語/ノート.md'), '日本語/ノート');
  });

  test('names the site uses at its root are never a note\'s', () => {
    assert.strictEqual(slugPath('tags.md'), 'tags-notes');
    assert.strictEqual(slugPath('search/x.md'), 'search-notes/x');
  });

  test('notes that slug alike: the first in path order keeps the URL, the next get -2, -3, in any listing order', () => {
    const paths = ['a/My Note.md', 'a/my-note.md', 'a/my_note!.md', 'a/MY NOTE.md'];
    const one = noteUrls(paths);
    const two = noteUrls([...paths].reverse());
    assert.deepStrictEqual([...one.entries()].sort(), [...two.entries()].sort());
    assert.deepStrictEqual(new Set(one.values()).size, 3 + 1);
    assert.strictEqual(one.get('a/MY NOTE.md'), 'a/my-note/');
    assert.strictEqual(one.get('a/My Note.md'), 'a/my-note-2/');
  });

  test('a suffixed URL never takes the bare URL of another note', () => {
    const urls = noteUrls(['x.md', 'X!.md', 'x-2.md']);
    assert.strictEqual(urls.get('x-2.md'), 'x-2/');
    assert.strictEqual(urls.get('X!.md'), 'x/');
    assert.strictEqual(urls.get('x.md'), 'x-3/');
  });

  test('tags are pages under tags/, nested tags nested', () => {
    assert.strictEqual(tagUrl('#ml/Transformers'), 'tags/ml/transformers/');
  });

  test('hrefs are relative, so the site works from any folder', () => {
    assert.strictEqual(relativeHref('papers/a/', 'tags/x/'), '../../tags/x/');
    assert.strictEqual(relativeHref('', ''), './');
    assert.strictEqual(relativeHref('a/', ''), '../');
    assert.strictEqual(relativeHref('', 'files/my figure.png'), 'files/my%20figure.png');
  });
});
