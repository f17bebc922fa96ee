import * as assert from 'assert';
import { frontmatterValueAt } from '../../../../src/core/editor/frontmatterValue';

function keyAt(...lines: string[]): string | undefined {
  const withCursor = lines.join('\n');
  const offset = withCursor.indexOf('‸');
  return frontmatterValueAt(withCursor.slice(0, offset) + withCursor.slice(offset + 1), offset)?.key;
}

suite('frontmatterValueAt: the property the cursor is in', () => {
  test('a value on the key line', () => {
    assert.strictEqual(keyAt('---', 'related: "[[tr‸', '---'), 'related');
  });

  test('a list item belongs to the key above it', () => {
    assert.strictEqual(keyAt('---', 'title: X', 'related:', '  - "[[a]]"', '  - "[[b‸"', '---'), 'related');
  });

  test('the key itself is no value', () => {
    assert.strictEqual(keyAt('---', 'rel‸ated: x', '---'), undefined);
  });

  test('the body is not the frontmatter', () => {
    assert.strictEqual(keyAt('---', 'title: X', '---', 'related: [[a‸'), undefined);
  });

  test('a note without frontmatter has none', () => {
    assert.strictEqual(keyAt('related: [[a‸'), undefined);
  });

  test('an unclosed frontmatter is not frontmatter', () => {
    assert.strictEqual(keyAt('---', 'related: [[a‸'), undefined);
  });
});
