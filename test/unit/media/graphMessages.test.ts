import * as assert from 'assert';
import { DEFAULT_VIEW, parseFromGraphWebview, parseViewState } from '../../../media/src/graph/messages';

suite('graph webview messages are checked on arrival', () => {
  test('a well-formed open, state and positions pass', () => {
    assert.deepStrictEqual(parseFromGraphWebview({ type: 'open', id: 'a.md', toSide: true }), { type: 'open', id: 'a.md', toSide: true });
    assert.deepStrictEqual(parseFromGraphWebview({ type: 'state', state: DEFAULT_VIEW }), { type: 'state', state: DEFAULT_VIEW });
    const kept = parseFromGraphWebview({ type: 'positions', positions: { 'a.md': [1, 2] } });
    assert.ok(kept?.type === 'positions');
    assert.deepStrictEqual({ ...kept.positions }, { 'a.md': [1, 2] });
  });

  test('an unknown type, a missing field or a wrong type is refused', () => {
    assert.strictEqual(parseFromGraphWebview({ type: 'runCommand', id: 'x' }), undefined);
    assert.strictEqual(parseFromGraphWebview({ type: 'open', id: 'a.md' }), undefined);
    assert.strictEqual(parseFromGraphWebview({ type: 'open', id: 42, toSide: false }), undefined);
    assert.strictEqual(parseFromGraphWebview(null), undefined);
  });

  test("a state's seq (the page's count of its own changes) is a whole number or absent", () => {
    assert.deepStrictEqual(parseFromGraphWebview({ type: 'state', state: DEFAULT_VIEW, seq: 3 }), { type: 'state', state: DEFAULT_VIEW, seq: 3 });
    for (const seq of [-1, 1.5, '2', null, Number.NaN]) assert.strictEqual(parseFromGraphWebview({ type: 'state', state: DEFAULT_VIEW, seq }), undefined, String(seq));
  });

  test('positions must be pairs of finite numbers', () => {
    assert.strictEqual(parseFromGraphWebview({ type: 'positions', positions: { 'a.md': [1, Infinity] } }), undefined);
    assert.strictEqual(parseFromGraphWebview({ type: 'positions', positions: { 'a.md': [1] } }), undefined);
    assert.strictEqual(parseFromGraphWebview({ type: 'positions', positions: [[1, 2]] }), undefined);
  });

  test('a view state with a depth past 3 or an unknown grouping is refused', () => {
    assert.strictEqual(parseViewState({ ...DEFAULT_VIEW, depth: 4 }), undefined);
    assert.strictEqual(parseViewState({ ...DEFAULT_VIEW, groupBy: 'colour' }), undefined);
    assert.strictEqual(parseViewState({ ...DEFAULT_VIEW, groupBy: 'topTag' })?.groupBy, 'topTag');
    assert.strictEqual(parseViewState({ ...DEFAULT_VIEW, filter: 'x'.repeat(5000) }), undefined);
  });
});
