// Markdown in, HTML out: each note of test/fixtures/render/vault rendered as the preview
// renders it, compared with test/fixtures/render/expected/NAME.html (formulas shown as
// `<katex>TeX</katex>`). After a deliberate change, `UPDATE_FIXTURES=1` rewrites them; read
// the diff before committing it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderNotePage } from '../../../../src/core/render/page';
import { renderTagPage } from '../../../../src/core/render/tagPage';
import { fixtureHost, fixtureIndex, fixtureRoot, readableMath } from './fixtureVault';

const index = fixtureIndex();

function check(name: string, html: string): void {
  const file = path.join(fixtureRoot, 'expected', `${name}.html`);
  const actual = readableMath(html);
  if (process.env['UPDATE_FIXTURES']) fs.writeFileSync(file, actual);
  assert.strictEqual(actual, fs.readFileSync(file, 'utf8'), `${name}.html differs`);
}

const note = (path: string, backlinks = false) => renderNotePage(index, fixtureHost, path, index.textOf(path)!, { backlinks });

suite('render: fixtures (test/fixtures/render)', () => {
  for (const name of ['sidenotes', 'math', 'links', 'embeds', 'callouts', 'obsidian', 'html']) {
    test(`${name}.md`, () => check(name, note(`${name}.md`).html));
  }
  test('backlinked.md with its Backlinks section', () => check('backlinked', note('backlinked.md', true).html));
  test('the tag page of #topic (nested #topic/sub included)', () =>
    check('tag-topic', renderTagPage(index, fixtureHost, '#topic', { backlinks: false }).html));
});
