// The context a backlink quotes: its paragraph or list item as a reader sees it, without the
// markers of the list item, task or quote it sits in, and where that text starts.
import * as assert from 'assert';
import { lines, vaultIndex } from './vault';

/** The context and its start of the one link to `b.md` in `text`. */
function contextOf(text: string): { context: string; start: string } {
  const [backlink] = vaultIndex({ 'a.md': text, 'b.md': '' }).backlinks('b.md');
  return { context: backlink.context, start: `${backlink.contextStart.line}:${backlink.contextStart.character}` };
}

suite('backlink contexts', () => {
  const rows: Array<[string, string, string, string]> = [
    ['a list item', '- links [[b]]', 'links [[b]]', '0:2'],
    ['a list item of another marker', '* links [[b]]', 'links [[b]]', '0:2'],
    ['an ordered item', '12) links [[b]]', 'links [[b]]', '0:4'],
    ['an open task', '- [ ] write [[b]]', 'write [[b]]', '0:6'],
    ['a done task', '- [x] read [[b]]', 'read [[b]]', '0:6'],
    ['a done task with a capital X', '+ [X] read [[b]]', 'read [[b]]', '0:6'],
    ['an ordered task', '1. [ ] write [[b]]', 'write [[b]]', '0:7'],
    ['a task whose text starts on the next line', lines('- [ ]', '  [[b]] later'), '[[b]] later', '1:2'],
    ['a nested item', lines('- parent', '  - child [[b]]'), 'child [[b]]', '1:4'],
    ['a nested task', lines('- parent', '  - [x] child [[b]]', '    - grandchild'), 'child [[b]]', '1:8'],
    ['a list item over two lines', lines('- item [[b]]', '  continued'), lines('item [[b]]', 'continued'), '0:2'],
    ['a quoted paragraph', lines('> quoted [[b]]', '> more'), lines('quoted [[b]]', 'more'), '0:2'],
    ['a paragraph in nested quotes, with a lazy line', lines('> > deep [[b]]', '> > more', 'lazy'), lines('deep [[b]]', 'more', 'lazy'), '0:4'],
    ['a task in a quote', lines('> - [ ] quoted task [[b]]', '>   cont'), lines('quoted task [[b]]', 'cont'), '0:8'],
    ['a link on the second line of a quote', lines('> first', '> then [[b]]'), lines('first', 'then [[b]]'), '0:2'],
    ['a paragraph that starts with brackets is no task', '[ ] not a task [[b]]', '[ ] not a task [[b]]', '0:0'],
    ['a box without its space is no task', '- [] x [[b]]', '[] x [[b]]', '0:2'],
    ['a link that opens the item', '- [[b]] first', '[[b]] first', '0:2'],
  ];
  for (const [what, text, context, start] of rows) {
    test(`${what}: ${JSON.stringify(context)}`, () => assert.deepStrictEqual(contextOf(text), { context, start }));
  }

  test('the seed note: each Backlinks item quotes its own text', () => {
    const text = lines('Backlinks', '- [[b]]', '- This is a 175b-parameter language model. (see [[b]]) and #BERT.', 'Episode with Ilya');
    const contexts = vaultIndex({ 'a.md': text, 'b.md': '' }).backlinks('b.md').map(b => b.context);
    assert.deepStrictEqual(contexts, ['[[b]]', lines('This is a 175b-parameter language model. (see [[b]]) and #BERT.', 'Episode with Ilya')]);
  });

  test('an unlinked mention quotes its line without the markers of its task and quote', () => {
    const index = vaultIndex({ 'b.md': lines('---', 'title: Self Attention', '---'), 'a.md': lines('> - [ ] read up on self attention', '- [x] self attention again') });
    assert.deepStrictEqual(index.unlinkedMentions('b.md').map(m => m.context), ['read up on self attention', 'self attention again']);
  });
});
