import * as assert from 'assert';
import { itemAt } from '../../../../src/core/syntax/itemAt';
import { scanNote } from '../../../../src/core/syntax/scanNote';

suite('the link or tag at an offset', () => {
  const text = 'See [[Moths|night flyers]] and #insects here.';
  const syntax = scanNote(text);

  test('a link holds every offset from its first bracket to its last; the end is outside', () => {
    const start = text.indexOf('[[');
    const end = text.indexOf(']]') + 2;
    assert.strictEqual(itemAt(syntax.links, start)?.target, 'Moths');
    assert.strictEqual(itemAt(syntax.links, end - 1)?.target, 'Moths');
    assert.strictEqual(itemAt(syntax.links, end), undefined);
    assert.strictEqual(itemAt(syntax.links, start - 1), undefined);
  });

  test('a caret just after a tag is on it only when the caller asks (rename at a word end)', () => {
    const end = text.indexOf('#insects') + '#insects'.length;
    assert.strictEqual(itemAt(syntax.tags, end), undefined);
    assert.strictEqual(itemAt(syntax.tags, end, true)?.name, 'insects');
  });
});
