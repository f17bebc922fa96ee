// The growth check itself: it passes a linear function and fails a quadratic one, so a
// growth test that passes says something.
import * as assert from 'assert';
import { assertGrowsLinearly } from './growth';

/** Linear: one pass over the text. */
function countSpaces(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x20) count++;
  return count;
}

/** Quadratic: for each character, looks back over everything before it for an `x` that is not there. */
function lookBackForX(text: string): number {
  let found = 0;
  for (let i = 0; i < text.length; i++) if (text.lastIndexOf('x', i) >= 0) found++;
  return found;
}

suite('growth check', () => {
  test('passes a linear function', () => {
    assertGrowsLinearly(countSpaces, (n: number) => 'a '.repeat(n), 20_000);
  });

  test('fails a quadratic function', () => {
    assert.throws(() => assertGrowsLinearly(lookBackForX, (n: number) => 'a '.repeat(n), 250), /limit 8x/);
  });

  test('fails a function that does not read its input', () => {
    assert.throws(() => assertGrowsLinearly((text: string) => text.length, (n: number) => 'a '.repeat(n), 20_000), /read at all/);
  });
});
