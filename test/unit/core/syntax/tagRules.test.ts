// The character rules of tags (DESIGN.md §2) as tables, on the functions both readers call
// (syntax/tagChars.ts): the differential test cannot see a wrong rule here, since the scanner
// and the preview would be wrong alike.
import * as assert from 'assert';
import { asTagName, canPrecedeTag, tagEnd } from '../../../../src/core/syntax/tagChars';
import { charsOf, nameOf, NOT_SPACES, PUNCTUATION, SPACES } from './characterClasses';

/** The tag name `#` at offset 0 of `text` starts, or undefined when it starts none. */
function tagAt(text: string): string | undefined {
  const end = tagEnd(text, 0, text.length);
  return end < 0 ? undefined : text.slice(1, end);
}

const TAG_PUNCTUATION = new Set(['_', '-', '/']);

suite('shared rule: the characters of a tag', () => {
  suite('whitespace', () => {
    for (const [ch, name] of SPACES) {
      test(`${nameOf(ch, name)} ends a tag`, () => assert.strictEqual(tagAt(`#ab${ch}cd`), 'ab'));
      test(`${nameOf(ch, name)} may come before a tag`, () => assert.strictEqual(canPrecedeTag(ch.charCodeAt(0)), true));
      test(`# followed by ${nameOf(ch, name)} is no tag`, () => assert.strictEqual(tagAt(`#${ch}ab`), undefined));
    }
  });

  suite('characters that look blank but are not whitespace', () => {
    for (const [ch, name] of NOT_SPACES) {
      test(`${nameOf(ch, name)} ends a tag and may not come before one`, () => {
        assert.strictEqual(tagAt(`#ab${ch}cd`), 'ab');
        assert.strictEqual(canPrecedeTag(ch.charCodeAt(0)), false);
      });
    }
  });

  suite('punctuation and symbols', () => {
    for (const [kind, chars] of Object.entries(PUNCTUATION)) {
      test(`${kind}: only _ - / belong to a tag`, () => {
        for (const ch of charsOf(chars)) {
          const expected = TAG_PUNCTUATION.has(ch) ? `ab${ch}cd` : 'ab';
          assert.strictEqual(tagAt(`#ab${ch}cd`), expected, nameOf(ch));
        }
      });
      test(`${kind}: only ( may come before a tag`, () => {
        for (const ch of charsOf(chars)) assert.strictEqual(canPrecedeTag(ch.codePointAt(0)!), ch === '(', nameOf(ch));
      });
    }
  });

  suite('letters, marks, digits and emoji', () => {
    const rows: Array<[string, string, string | undefined]> = [
      ['latin with a precomposed accent', '#café', 'café'],
      ['latin with a combining accent', '#cafe\u0301', 'cafe\u0301'],
      ['cyrillic', '#наука', 'наука'],
      ['greek', '#λόγος', 'λόγος'],
      ['CJK', '#日本語', '日本語'],
      ['arabic', '#مرحبا', 'مرحبا'],
      ['devanagari with its vowel signs', '#हिन्दी', 'हिन्दी'],
      ['an emoji', '#🚀', '🚀'],
      ['an emoji with a skin tone', '#👍🏽', '👍🏽'],
      ['an emoji joined by ZWJ', '#👩‍🔬', '👩‍🔬'],
      ['a flag (regional indicators)', '#🇫🇷', '🇫🇷'],
      ['an emoji with variation selector 16', '#❤️', '❤️'],
      ['ASCII digits alone', '#1984', undefined],
      ['arabic-indic digits alone', '#١٩٨٤', undefined],
      ['devanagari digits alone', '#१९८४', undefined],
      ['digits and slashes alone', '#2024/01', undefined],
      ['digits then a letter', '#1984a', '1984a'],
      ['a letter then other-script digits', '#a١', 'a١'],
      ['a trailing slash is left out', '#ml/', 'ml'],
      ['a lone high surrogate ends the tag', '#ab\ud800', 'ab'],
      ['a lone low surrogate ends the tag', '#ab\udc00', 'ab'],
    ];
    for (const [what, text, expected] of rows) test(what, () => assert.strictEqual(tagAt(text), expected));
  });

  suite('the end of the text to read', () => {
    test('a tag stops at `max`, not at the end of the string', () => {
      assert.strictEqual(tagEnd('#abcdef', 0, 4), 4);
    });
    test('an astral character split by `max` is not read', () => {
      assert.strictEqual(tagEnd('#a🚀', 0, 3), 2);
    });
  });

  suite('a whole value as a tag name (frontmatter)', () => {
    const rows: Array<[string, string | undefined]> = [
      ['ml', 'ml'],
      ['#ml', 'ml'],
      ['ml/llm', 'ml/llm'],
      ['ml/', 'ml'],
      ['ml x', undefined],
      ['ml\u00a0x', undefined],
      ['ml.x', undefined],
      ['1984', undefined],
      ['', undefined],
      ['#', undefined],
    ];
    for (const [value, expected] of rows) test(JSON.stringify(value), () => assert.strictEqual(asTagName(value), expected));
  });
});
