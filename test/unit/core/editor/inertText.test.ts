// Note text put where VS Code reads markup stays text (DESIGN.md §8; issue 17 finding 1, issue
// 16's one escaper). Markdown (hovers, tooltips): escapeMarkdown and markdownCodeSpan, checked
// by rendering the result with CommonMark (markdown-it, linkify on as VS Code's hovers have it)
// and with our own preview engine (wiki-links, tags, math, callouts), which must both show the
// text as written. Notifications: VS Code turns `[label](command:…)` into a link that runs the
// command; plainMessageText breaks that pattern, and every notification in src/vscode built from
// note text goes through it (src/vscode/messageText.ts). The last suite reads the adapters'
// source to hold each call site to that: a new message that interpolates note text unescaped fails.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, markdownCodeSpan, plainMessageText } from '../../../../src/core/editor/inertText';
import { createMarkdown } from '../../../../src/core/render/markdown';

const commonMark = new MarkdownIt('default', { html: true, linkify: true });
const preview = createMarkdown({ html: true });
const escapeHtml = (text: string) => commonMark.utils.escapeHtml(text);

/** What a reader sees of `markdown` rendered by `md`, as HTML: must be one paragraph of plain text. */
function rendered(md: MarkdownIt, markdown: string): string {
  return md.render(markdown).trim();
}

const HOSTILE = [
  '[Open](command:workbench.action.terminal.new)',
  '<https://evil.example/x> and https://evil.example/y and www.evil.example',
  '<img src=x onerror=alert(1)> <b>bold</b> &amp; &copy;',
  '`code` and ``two`` and ```',
  '[[Wiki link|label]] ![[embed.png]] ![alt](pic.png) [ref][1] [^1]',
  '$x^2$ and $$y$$ and \\(z\\) and \\[w\\]',
  '# not a heading',
  '> not a quote',
  '- not a list',
  '1. not a list either',
  '    not code',
  '***',
  '**bold** _em_ ~~strike~~ ==mark== %%comment%%',
  '#tag and #nested/tag',
  '> [!info] not a callout',
  '| a | b |\n| - | - |',
  'a\\b and \\* and a trailing backslash \\',
  'two\nlines\n===',
  'para\n\n# heading after a blank line',
  'text ^block-id',
  '@citekey [@cite]',
  '(x)[y] \\(not math\\)',
];

suite('escapeMarkdown: note text in a hover or tooltip reads as written', () => {
  for (const text of HOSTILE) {
    const flat = text.replace(/\s+/g, ' ').trim();
    test(`${JSON.stringify(text)} is one paragraph of its own characters`, () => {
      const expected = `<p>${escapeHtml(flat)}</p>`;
      assert.strictEqual(rendered(commonMark, escapeMarkdown(text)), expected, 'CommonMark');
      // Like Obsidian, the preview hides ` ^id` at a paragraph's end even when escaped: VS Code's hovers do not.
      if (!text.includes('^')) assert.strictEqual(rendered(preview, escapeMarkdown(text)), expected, 'the preview engine');
    });
  }

  test('the cases are markup before escaping (else the test proves nothing)', () => {
    const unchanged = HOSTILE.filter(text => rendered(commonMark, text) === `<p>${escapeHtml(text.replace(/\s+/g, ' ').trim())}</p>` &&
      rendered(preview, text) === `<p>${escapeHtml(text.replace(/\s+/g, ' ').trim())}</p>`);
    assert.deepStrictEqual(unchanged, []);
  });

  test('inside our own markup (bold, a list row) it stays text too', () => {
    assert.strictEqual(rendered(commonMark, `**${escapeMarkdown('a** b [x](y)')}**`), '<p><strong>a** b [x](y)</strong></p>');
    assert.strictEqual(rendered(commonMark, `- [${escapeMarkdown('t] (x')}](https://example.org)`),
      '<ul>\n<li><a href="https://example.org">t] (x</a></li>\n</ul>');
  });
});

suite('markdownCodeSpan: note text as code in a hover', () => {
  for (const text of ['key_2024', 'a`b', '``x``', '`lead', 'trail`', ' spaced ', 'a\\b *c* [d](e)']) {
    test(`${JSON.stringify(text)} is one code span of its own characters`, () => {
      assert.strictEqual(rendered(commonMark, `see ${markdownCodeSpan(text)}.`), `<p>see <code>${escapeHtml(text)}</code>.</p>`);
    });
  }
});

/** VS Code's own pattern for links in notifications (vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const links = (text: string) => [...text.matchAll(VSCODE_LINK)].map(m => m[2]);

suite('plainMessageText: note text in a notification', () => {
  const hostile = [
    '[Open](command:workbench.action.terminal.new)',
    'notes/x [Open](command:workbench.action.quit) y',
    '[a](https://evil.example) and [b](file:///etc/passwd)',
    '[[x](command:a)]]',
    'see [x](command:a) here',
  ];
  for (const name of hostile) {
    test(`"${name}" holds no link VS Code would draw`, () => {
      assert.ok(links(name).length > 0, 'the case is a link before escaping');
      assert.deepStrictEqual(links(plainMessageText(name)), []);
    });
  }

  test('text without link syntax is unchanged, and the escaped text reads the same', () => {
    assert.strictEqual(plainMessageText('papers/attention (draft).md'), 'papers/attention (draft).md');
    assert.strictEqual(plainMessageText('[Open](command:x)').replace(/\u200b/g, ''), '[Open](command:x)');
  });
});

suite('every notification in src/vscode shows note text through plain()', () => {
  const root = path.resolve(__dirname, '../../../../../src/vscode');
  // Interpolations that are never note text: numbers (result.notes: a count), setting names, our own words (instead), and `what`, which
  // renameFiles.ts builds with plain() already.
  const NOT_NOTE_TEXT = new Set(['settingName', 'instead', 'files.length', 'countText(all)', 'what', 'caches.length', 'result.notes']);

  function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
  }

  /** The text of each `show…Message(` call's arguments, balanced parentheses. */
  function calls(text: string): string[] {
    const found: string[] = [];
    for (const m of text.matchAll(/show(?:Information|Warning|Error)Message\(/g)) {
      let depth = 1;
      let i = m.index! + m[0].length;
      for (; i < text.length && depth > 0; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')') depth--;
      }
      found.push(text.slice(m.index!, i));
    }
    return found;
  }

  /** Each `${...}` of a template literal, balanced braces. */
  function interpolations(call: string): string[] {
    const found: string[] = [];
    for (let at = call.indexOf('${'); at >= 0; at = call.indexOf('${', at + 1)) {
      let depth = 1;
      let i = at + 2;
      for (; i < call.length && depth > 0; i++) {
        if (call[i] === '{') depth++;
        else if (call[i] === '}') depth--;
      }
      found.push(call.slice(at + 2, i - 1).trim());
    }
    return found;
  }

  test('the check finds the notifications (there are more than ten)', () => {
    assert.ok(sources(root).flatMap(f => calls(fs.readFileSync(f, 'utf8'))).length > 10);
  });

  for (const file of sources(root)) {
    const text = fs.readFileSync(file, 'utf8');
    const found = calls(text);
    if (found.length === 0) continue;
    test(path.relative(root, file), () => {
      const unescaped = found.flatMap(interpolations)
        .filter(expr => !NOT_NOTE_TEXT.has(expr) && !/^plain\(/.test(expr) && !/^[a-z]+\.length$/i.test(expr))
        // A ternary of two plain literals is no note text either.
        .filter(expr => !/^[\w.]+ > 0 \?/.test(expr));
      assert.deepStrictEqual(unescaped, [], `note text interpolated without plain() in ${path.relative(root, file)}`);
    });
  }
});
