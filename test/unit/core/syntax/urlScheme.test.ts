// One answer to "is this target a URL?" and "may it open outside?": the editor's features, check,
// the preview's HTML and its adapter all ask src/core/syntax/urlScheme.ts.
import * as assert from 'assert';
import { hasUrlScheme, opensExternally, urlSchemeOf } from '../../../../src/core/syntax/urlScheme';
import { safeHref } from '../../../../src/core/render/safeHref';
import { noteTarget } from '../../../../src/core/syntax/noteLink';

suite('URL schemes', () => {
  test('a target with a scheme is a URL, a vault path is not', () => {
    for (const url of ['https://example.org', 'mailto:a@b.c', 'zotero://select/items/1', 'x-devonthink-item://abc', 'C:']) assert.ok(hasUrlScheme(url), url);
    for (const path of ['notes/moths.md', 'moths', './a:b.md', '#heading', '1st:try', '']) assert.ok(!hasUrlScheme(path), path);
    assert.strictEqual(urlSchemeOf('HTTPS://x'), 'https');
    assert.strictEqual(urlSchemeOf('notes/a.md'), undefined);
  });

  test('only http, https and mailto open outside, and only they survive as hrefs', () => {
    for (const s of ['http', 'HTTPS', 'mailto']) assert.ok(opensExternally(s), s);
    for (const s of ['javascript', 'file', 'command', 'vscode', 'data']) assert.ok(!opensExternally(s), s);
    assert.strictEqual(safeHref('https://example.org'), 'https://example.org');
    assert.strictEqual(safeHref('java\tscript:alert(1)'), '#');
    assert.strictEqual(safeHref('zotero://x'), '#');
  });

  test('a markdown link with a scheme names no note', () => {
    assert.strictEqual(noteTarget('https://example.org/a.md', 'https://example.org/a.md'), undefined);
    assert.ok(noteTarget('moths.md', 'moths.md'));
  });
});
