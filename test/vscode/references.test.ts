// Find All References on links, headings, block ids and tags, and marginalia.findReferences.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, folder, lines, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'references-scratch';

/** VS Code's own markdown extension adds what it finds (the heading itself, `[RL]` read as a reference): ours must all be there. */
function assertIncludes(actual: string[], expected: string[]): void {
  assert.deepStrictEqual(expected.filter(e => !actual.includes(e)), [], `missing from ${JSON.stringify(actual)}`);
}

async function referencesAt(path: string, marker: string, offset = 2): Promise<string[]> {
  const doc = await vscode.workspace.openTextDocument(uriOf(`${dir}/${path}`));
  const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, doc.positionAt(doc.getText().indexOf(marker) + offset));
  return found.map(l => `${vscode.workspace.asRelativePath(l.uri, false).slice(dir.length + 1)}:${l.range.start.line}:${l.range.start.character}`).sort();
}

if (run === 'single') suite('references', () => {
  suiteSetup(async () => {
    await writeNote(uriOf(`${dir}/rl.md`), lines('# RL', '', '## Open questions', '', 'A claim. ^claim', '', 'See [[#Open questions]]. #rlx/deep'));
    await writeNote(uriOf(`${dir}/a.md`), lines(
      '[[rl#Open questions]] [[rl#^claim]] ![[rl]] [x](rl.md) #rlx',
      '```', '[[rl]]', '```'));
    await writeNote(uriOf(`${dir}/b.md`), lines('---', 'tags: [rlx]', '---', 'more [[RL]]'));
    const api = await marginalia();
    await waitFor('the scratch notes are indexed', () => ['rl.md', 'a.md', 'b.md'].every(p => api.indexFor(folder())!.has(`${dir}/${p}`)));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await removeScratch(dir);
  });

  test('on a note\'s first heading: every link to the note, none in code', async () => {
    const refs = await referencesAt('rl.md', '# RL');
    assertIncludes(refs, ['a.md:0:0', 'a.md:0:22', 'a.md:0:36', 'a.md:0:44', 'b.md:3:5']);
    assert.deepStrictEqual(refs.filter(r => r.startsWith('a.md:2:')), [], 'nothing inside the code block');
  });

  test('on a link: every link to the note it names', async () => {
    assertIncludes(await referencesAt('b.md', '[[RL]]'), ['a.md:0:0', 'a.md:0:22', 'a.md:0:36', 'a.md:0:44', 'b.md:3:5']);
  });

  test('on a heading, or a link to it: the links to that heading', async () => {
    assertIncludes(await referencesAt('rl.md', '## Open'), ['a.md:0:0', 'rl.md:6:4']);
    assertIncludes(await referencesAt('a.md', '[[rl#Open'), ['a.md:0:0', 'rl.md:6:4']);
  });

  test('on a block id, or a link to it: the links to that block', async () => {
    assertIncludes(await referencesAt('rl.md', '^claim', 1), ['a.md:0:22']);
    assertIncludes(await referencesAt('a.md', '[[rl#^'), ['a.md:0:22']);
  });

  test('on a tag: every occurrence, nested and frontmatter ones included', async () => {
    assertIncludes(await referencesAt('a.md', '#rlx', 1), ['a.md:0:55', 'b.md:1:7', 'rl.md:6:25']);
  });

  test('marginalia.findReferences lists the links to a note given by the explorer', async () => {
    const found = await vscode.commands.executeCommand<vscode.Location[]>('marginalia.findReferences', uriOf(`${dir}/rl.md`));
    assert.strictEqual(found.length, 5);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uriOf(`${dir}/rl.md`).toString());
  });
});
