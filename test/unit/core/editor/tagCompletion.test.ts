import * as assert from 'assert';
import { flattenTags, rankTags, tagsToOffer, type TagCandidate } from '../../../../src/core/editor/tagCompletion';
import { typedTagAt } from '../../../../src/core/editor/typedTag';
import { NoteIndex } from '../../../../src/core/index/noteIndex';

function vault(): TagCandidate[] {
  const index = new NoteIndex();
  index.upsert('a.md', '#ml/transformers #attention');
  index.upsert('b.md', '#ml/transformers #ml/rl');
  index.upsert('c.md', '#ml/transformers #Trading');
  index.upsert('d.md', '---\ntags: [attention, paper]\n---\n');
  return flattenTags(index.tagTree());
}

const names = (tags: TagCandidate[]) => tags.map(t => t.name);

suite('tag completion: which tags, in which order', () => {
  test('with nothing typed, the most used first', () => {
    assert.deepStrictEqual(names(rankTags(vault(), '', 10)).slice(0, 3), ['ml/transformers', 'ml', 'attention']);
  });

  test('nested tags are offered whole, parents too', () => {
    const all = names(rankTags(vault(), '', 10));
    assert.ok(all.includes('ml/rl') && all.includes('ml'), all.join(', '));
  });

  test('typing any segment finds a nested tag', () => {
    assert.deepStrictEqual(names(rankTags(vault(), 'trans', 10)), ['ml/transformers']);
  });

  test('a name starting with what is typed comes before a segment that does', () => {
    assert.deepStrictEqual(names(rankTags(vault(), 'tr', 10)), ['Trading', 'ml/transformers']);
  });

  test('typing the parent and / narrows to its children', () => {
    assert.deepStrictEqual(names(rankTags(vault(), 'ml/', 10)), ['ml/transformers', 'ml/rl']);
  });

  test('frontmatter tags count like inline ones', () => {
    const attention = vault().find(t => t.name === 'attention');
    assert.strictEqual(attention?.noteCount, 2);
  });

  test('matching ignores case and a typed #', () => {
    assert.deepStrictEqual(names(rankTags(vault(), '#PAP', 10)), ['paper']);
  });

  test('any part of a name matches last', () => {
    assert.deepStrictEqual(names(rankTags(vault(), 'form', 10)), ['ml/transformers']);
  });

  test('the list is cut to the limit', () => {
    assert.strictEqual(rankTags(vault(), '', 2).length, 2);
  });

  test('the tag being typed, indexed from the unsaved text, is not offered', () => {
    const index = new NoteIndex();
    index.upsert('a.md', '#attention');
    index.upsert('draft.md', 'see #att');
    const typed = typedTagAt('see #att', 8)!;
    assert.deepStrictEqual(names(tagsToOffer(index, 'draft.md', typed, 10)), ['attention']);
  });

  test('a tag this note carries elsewhere is still offered', () => {
    const index = new NoteIndex();
    index.upsert('draft.md', '#attn and #att');
    const typed = typedTagAt('#attn and #att', 14)!;
    assert.deepStrictEqual(names(tagsToOffer(index, 'draft.md', typed, 10)), ['attn']);
  });

  test('the tag being typed in the frontmatter is not offered either', () => {
    const index = new NoteIndex();
    index.upsert('a.md', '#econometrics');
    const draft = '---\ntags: [econ]\n---\n';
    index.upsert('draft.md', draft);
    const typed = typedTagAt(draft, draft.indexOf('econ') + 4)!;
    assert.deepStrictEqual(names(tagsToOffer(index, 'draft.md', typed, 10)), ['econometrics']);
  });
});
