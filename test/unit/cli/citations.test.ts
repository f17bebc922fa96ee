// `marginalia check` on citations: unknown keys with the closest, and bibliography entries that
// could not be read, each at file:line:column.
import * as assert from 'assert';
import { citationProblems, cliLibrary } from '../../../src/cli/citations';
import { checkCommand } from '../../../src/cli/commands';
import { buildIndex } from '../../../src/core/index/build';
import { MemoryHost } from '../core/index/memoryHost';

suite('cli: check citations', () => {
  test('an unknown key and a malformed entry are reported; a vault that cites nothing reads no library', async () => {
    const host = new MemoryHost({
      'a.md': 'Known [@doe2020] and\nunknown [see @doe2021, p. 2].\n',
      'refs.bib': '@article{doe2020, title = {T}, year = {2020}}\n\n@book{broken, title = {oops\n',
    });
    const { index } = await buildIndex(host);
    const out = checkCommand(index, [], false, await citationProblems(index, await cliLibrary(host, index)));
    assert.deepStrictEqual((out as { text: string[] }).text, [
      'a.md:2:14: No entry "doe2021" in refs.bib; closest: doe2020',
      'refs.bib:3:1: bibliography entry not read: entry broken: ' + (out as { text: string[] }).text[1]!.split('entry broken: ')[1],
    ]);
    assert.strictEqual(out.exitCode, 1);
    const noBibliography = new MemoryHost({ 'b.md': '| sign | @a |\n| --- | --- |\n\nCited [@doe2020] here.\n' });
    const { index: bare } = await buildIndex(noBibliography);
    assert.deepStrictEqual((await citationProblems(bare, await cliLibrary(noBibliography, bare))).map(p => `${p.line}:${p.column} ${p.key}`), ['4:8 doe2020'],
      'without a bibliography a bare @a is not reported, a bracketed citation is');
    const quiet = new MemoryHost({ 'a.md': 'mail me@example.org', 'refs.bib': '@book{broken' });
    assert.strictEqual(await cliLibrary(quiet, (await buildIndex(quiet)).index), undefined);
  });

  test("a note's frontmatter bibliography: adds its files for that note alone, and their broken entries are named", async () => {
    const host = new MemoryHost({
      'refs.bib': '@article{doe2020, title = {T}, year = {2020}}\n',
      'project/own.bib': '@book{roe1999, title = {Own}, year = {1999}}\n@book{bad, title = {x}\n',
      'project/draft.md': '---\nbibliography: own.bib\n---\nSee [@roe1999] and [@doe2020].\n',
      'other.md': 'See [@roe1999].\n',
    });
    const { index } = await buildIndex(host);
    const out = checkCommand(index, [], false, await citationProblems(index, await cliLibrary(host, index)));
    const text = (out as { text: string[] }).text;
    assert.deepStrictEqual(text.map(t => t.replace(/: bibliography entry not read: .*/, ': not read')), [
      'other.md:1:6: No entry "roe1999" in refs.bib; closest: doe2020',
      'project/own.bib:2:1: not read',
    ]);
  });
});
