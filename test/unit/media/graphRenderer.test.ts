import * as assert from 'assert';
import { drawnAsBig } from '../../../media/src/graph/renderer';

suite('graph renderer: which graphs are drawn with level of detail', () => {
  test('many links make a graph big whatever its node count (the 1,000-note bench vault has 8,318)', () => {
    assert.strictEqual(drawnAsBig(1000, 8318), true);
    assert.strictEqual(drawnAsBig(13, 4001), true);
  });

  test('many nodes make it big with few links; a small graph is drawn whole', () => {
    assert.strictEqual(drawnAsBig(2001, 0), true);
    assert.strictEqual(drawnAsBig(2000, 4000), false);
    assert.strictEqual(drawnAsBig(13, 48), false);
  });
});
