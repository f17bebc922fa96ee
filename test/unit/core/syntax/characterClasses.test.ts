// The character tables the shared-rule tests use are what they say they are.
import * as assert from 'assert';
import { CATEGORY_OF, charsOf, NOT_SPACES, PUNCTUATION, SPACES } from './characterClasses';

suite('character tables of the shared-rule tests', () => {
  test('SPACES holds every character JavaScript counts as whitespace, and only those', () => {
    const listed = new Set(SPACES.map(([ch]) => ch));
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      assert.strictEqual(listed.has(ch), /\s/.test(ch), `U+${code.toString(16)}`);
    }
  });

  test('NOT_SPACES are not whitespace', () => {
    for (const [ch, name] of NOT_SPACES) assert.ok(!/\s/.test(ch), name);
  });

  test('each punctuation sample belongs to its Unicode category', () => {
    for (const [name, chars] of Object.entries(PUNCTUATION)) {
      for (const ch of charsOf(chars)) assert.ok(CATEGORY_OF[name].test(ch), `${JSON.stringify(ch)} is not ${name}`);
    }
  });

  test('every ASCII punctuation character is sampled', () => {
    const sampled = new Set(charsOf(Object.values(PUNCTUATION).join('')));
    for (let code = 0x21; code < 0x7f; code++) {
      const ch = String.fromCharCode(code);
      if (!/[A-Za-z0-9]/.test(ch)) assert.ok(sampled.has(ch), JSON.stringify(ch));
    }
  });
});
