import * as assert from 'assert';
import { attachmentTargets } from '../../../../src/core/editor/attachmentTargets';

suite('attachmentTargets: what ![[ inserts for a file', () => {
  test('a file name alone when it is the only file of that name', () => {
    assert.deepStrictEqual(attachmentTargets(['attachments/figure.png']), [{ path: 'attachments/figure.png', target: 'figure.png' }]);
  });

  test('files of the same name get as many folders as tell them apart', () => {
    const targets = attachmentTargets(['a/img/plot.png', 'b/img/plot.png', 'c/plot.PNG']).map(t => t.target);
    assert.deepStrictEqual(targets, ['a/img/plot.png', 'b/img/plot.png', 'c/plot.PNG']);
  });

  test('a file at the root that shares its name with one in a folder is written from the root', () => {
    const targets = attachmentTargets(['plot.png', 'x/plot.png']);
    assert.deepStrictEqual(targets.map(t => t.target).sort(), ['/plot.png', 'x/plot.png']);
  });
});
