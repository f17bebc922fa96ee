import * as assert from 'assert';
import { NoteSymbols } from '../../../../src/core/editor/noteSymbols';
import { NoteIndex } from '../../../../src/core/index/noteIndex';

function vault(): NoteIndex {
  const index = new NoteIndex();
  index.upsert('papers/vaswani.md', '---\ntitle: Attention Is All You Need\naliases: [transformer paper]\n---\n# Attention Is All You Need\n\n## Scaled dot-product attention\n');
  index.upsert('attention.md', '# Attention\n\n## Additive attention\n');
  index.upsert('gpt3.md', '# GPT-3\n\n## Scaling\n');
  return index;
}

const found = (index: NoteIndex, query: string, symbols = new NoteSymbols()) =>
  symbols.search(index.notes(), query, 10).map(s => `${s.kind}:${s.name}@${s.path}:${s.line}`);

suite('note symbols: go to note by name', () => {
  test('a title that starts with the query comes first, then aliases, then headings', () => {
    assert.deepStrictEqual(found(vault(), 'att'), [
      'note:Attention@attention.md:0',
      'note:Attention Is All You Need@papers/vaswani.md:0',
      'heading:Additive attention@attention.md:2',
      'heading:Scaled dot-product attention@papers/vaswani.md:6',
    ]);
  });

  test('an alias finds its note', () => {
    assert.deepStrictEqual(found(vault(), 'transformer'), ['alias:transformer paper@papers/vaswani.md:0']);
  });

  test('a heading is found with its line', () => {
    assert.deepStrictEqual(found(vault(), 'scaling'), ['heading:Scaling@gpt3.md:2']);
  });

  test('the title heading is not listed again as a heading', () => {
    assert.ok(!found(vault(), 'gpt').some(s => s.startsWith('heading:GPT-3')));
  });

  test('letters in order from a word start match too', () => {
    assert.deepStrictEqual(found(vault(), 'sdpa'), ['heading:Scaled dot-product attention@papers/vaswani.md:6']);
  });

  test('an edited note is searched as it is now', () => {
    const index = vault();
    const symbols = new NoteSymbols();
    assert.deepStrictEqual(found(index, 'scaling', symbols), ['heading:Scaling@gpt3.md:2']);
    index.upsert('gpt3.md', '# GPT-3\n\n## Power laws\n');
    assert.deepStrictEqual(found(index, 'scaling', symbols), []);
    assert.deepStrictEqual(found(index, 'power', symbols), ['heading:Power laws@gpt3.md:2']);
  });
});
