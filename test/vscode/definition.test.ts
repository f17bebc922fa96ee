// Go to definition on links, through VS Code's own command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { folder, lines, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'definition-scratch';

interface Landing { path: string; line: number }

let notesWritten = 0;

/** Where go-to-definition at the `|` in `text` (written to a new note) lands. */
async function definitionAt(text: string): Promise<Landing[]> {
  const path = `${dir}/from-${++notesWritten}.md`;
  await writeNote(uriOf(path), text.replace('|', ''));
  const doc = await vscode.workspace.openTextDocument(uriOf(path));
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
    'vscode.executeDefinitionProvider', doc.uri, doc.positionAt(text.indexOf('|')));
  return found.map(l => 'targetUri' in l
    ? { path: vscode.workspace.asRelativePath(l.targetUri, false), line: (l.targetSelectionRange ?? l.targetRange).start.line }
    : { path: vscode.workspace.asRelativePath(l.uri, false), line: l.range.start.line });
}

if (run === 'single') suite('go to definition', () => {
  suiteSetup(async () => {
    await writeNote(uriOf(`${dir}/paper.md`), lines(
      '# Paper', '', '## Method', '', 'We train.', '', '## Results', '', 'It works,', 'mostly. ^finding'));
    await writeNote(uriOf(`${dir}/a/twin.md`), '# Twin A');
    await writeNote(uriOf(`${dir}/b/twin.md`), '# Twin B');
    await writeNote(uriOf(`${dir}/chart.png`), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    const api = await marginalia();
    await waitFor('the scratch notes are indexed', () => ['paper.md', 'a/twin.md', 'b/twin.md', 'chart.png']
      .every(p => api.indexFor(folder())!.has(`${dir}/${p}`)));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeScratch(dir);
  });

  test('a wiki-link opens the note it names', async () => {
    assert.deepStrictEqual(await definitionAt('see [[pa|per]]'), [{ path: `${dir}/paper.md`, line: 0 }]);
  });

  test('a wiki-link to a heading lands on the heading', async () => {
    assert.deepStrictEqual(await definitionAt('see [[paper#Res|ults]]'), [{ path: `${dir}/paper.md`, line: 6 }]);
  });

  test('a wiki-link to a block lands at the start of the block', async () => {
    assert.deepStrictEqual(await definitionAt('see [[paper#^fin|ding]]'), [{ path: `${dir}/paper.md`, line: 8 }]);
  });

  test('a link in a frontmatter property opens the note it names', async () => {
    assert.deepStrictEqual(await definitionAt(lines('---', 'related: "[[pa|per]]"', '---', 'body')), [{ path: `${dir}/paper.md`, line: 0 }]);
  });

  test("Foam's link reference definition decides where a wiki-link goes", async () => {
    // VS Code's own markdown support also offers the definition line for the `[writeup]` inside.
    const landings = await definitionAt(lines('see [[wri|teup]]', '', '[writeup]: paper.md "Paper"'));
    assert.ok(landings.some(l => l.path === `${dir}/paper.md` && l.line === 0), JSON.stringify(landings));
  });

  test('a markdown link to a note and heading slug lands on the heading', async () => {
    const landings = await definitionAt('see [the method](pa|per.md#method)');
    assert.ok(landings.some(l => l.path === `${dir}/paper.md` && l.line === 2), JSON.stringify(landings));
  });

  test('an ambiguous link offers every candidate', async () => {
    const landings = await definitionAt('see [[tw|in]]');
    assert.deepStrictEqual(landings.map(l => l.path).sort(), [`${dir}/a/twin.md`, `${dir}/b/twin.md`]);
  });

  test('a link to a note not written yet goes nowhere', async () => {
    assert.deepStrictEqual(await definitionAt('see [[still-to|-write]]'), []);
  });

  test('[[#Heading]] lands on the heading of the same note', async () => {
    const landings = await definitionAt(lines('# Top', '', '## Later', '', 'back to [[#La|ter]]'));
    assert.deepStrictEqual(landings, [{ path: `${dir}/from-${notesWritten}.md`, line: 2 }]);
  });

  test('a link to an attachment opens the file', async () => {
    assert.deepStrictEqual(await definitionAt('see ![[ch|art.png]]'), [{ path: `${dir}/chart.png`, line: 0 }]);
  });
});

