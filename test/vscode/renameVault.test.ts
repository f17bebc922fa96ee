// Rename in a generated 1,000-note vault (bench/gen-vault.mjs): renaming a hub note and moving
// a folder change exactly the link text they must, every other byte of every file stays, and
// one undo gives back every file as it was.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { closeAllEditors, folder, lines, marginalia, removeScratch, revertUnsaved, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'big';
const repo = path.resolve(__dirname, '../../..');

/** Every file under `dir` as VS Code has it now (an edited note's text is its editor's, saved or not). */
async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const open = new Map(vscode.workspace.textDocuments.map(d => [d.uri.toString(), d]));
  for (const uri of await vscode.workspace.findFiles(`${dir}/**/*`)) {
    const doc = open.get(uri.toString());
    out.set(vscode.workspace.asRelativePath(uri, false), doc ? doc.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  }
  return out;
}

/** Compares every file, by path, byte for byte; names the first few that differ. */
function assertSame(actual: Map<string, string>, expected: Map<string, string>, what: string): void {
  const missing = [...expected.keys()].filter(p => !actual.has(p));
  const extra = [...actual.keys()].filter(p => !expected.has(p));
  assert.deepStrictEqual({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }, { missing: [], extra: [] }, `${what}: files`);
  const differ = [...expected.keys()].filter(p => actual.get(p) !== expected.get(p));
  if (differ.length > 0) assert.strictEqual(actual.get(differ[0]), expected.get(differ[0]), `${what}: ${differ.length} files differ, first ${differ[0]}`);
}

async function renamed(from: string, to: string): Promise<number> {
  const started = Date.now();
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(uriOf(from), uriOf(to));
  assert.ok(await vscode.workspace.applyEdit(edit), `rename ${from}`);
  return Date.now() - started;
}

async function undoIn(changedPath: string, expected: Map<string, string>): Promise<void> {
  await vscode.window.showTextDocument(uriOf(changedPath));
  await vscode.commands.executeCommand('undo');
  const deadline = Date.now() + 30000;
  let now = await snapshot();
  while ([...expected].some(([p, t]) => now.get(p) !== t) && Date.now() < deadline) {
    await new Promise(r => setTimeout(r, 200));
    now = await snapshot();
  }
  assertSame(now, expected, 'after one undo');
}

if (run === 'single') suite('rename in a 1,000-note vault', function () {
  this.timeout(240000);
  let original: Map<string, string>;

  suiteSetup(async () => {
    const api = await marginalia();
    execFileSync(process.execPath, [path.join(repo, 'bench/gen-vault.mjs'), '1000', path.join(folder().fsPath, dir), '7'], { stdio: 'ignore' });
    // Links written as paths, relative and markdown links, into and out of the folder that moves.
    await writeNote(uriOf(`${dir}/resources/papers/zz-paper.md`), lines('# ZZ paper', '', '## zz', '', 'Beside [[./zz-sibling]], up [area](../../areas/zz-area.md) and [[zz-area]].'));
    await writeNote(uriOf(`${dir}/resources/papers/zz-sibling.md`), '# Sibling\n');
    await writeNote(uriOf(`${dir}/areas/zz-area.md`), lines('# Area', '',
      '[[resources/papers/zz-paper]], [[/big/resources/papers/zz-paper|P]], [p](../resources/papers/zz-paper.md#zz), ![[zz-paper]] and [[zz-sibling#Sibling]].'));
    // A thousand files at once can outrun a loaded machine's file watcher: read the folder again.
    await vscode.commands.executeCommand('marginalia.reindex');
    await waitFor('the generated vault is indexed', () =>
      [...api.indexFor(folder())!.notes()].filter(n => n.path.startsWith(dir + '/')).length >= 1003, 180000);
    await api.ready();
    original = await snapshot();
  });

  suiteTeardown(async () => {
    await revertUnsaved(dir);
    await closeAllEditors();
    await removeScratch(dir);
  });

  test('renaming a hub note changes exactly its links; one undo restores every file', async () => {
    const index = (await marginalia()).indexFor(folder())!;
    const notes = [...index.notes()].filter(n => n.path.startsWith(dir + '/'));
    const hub = notes.map(n => ({ path: n.path, links: index.backlinks(n.path).length })).sort((a, b) => b.links - a.links)[0];
    const name = path.posix.basename(hub.path, '.md');
    const to = path.posix.join(path.posix.dirname(hub.path), 'zz-renamed-hub.md');

    const expected = new Map<string, string>();
    const link = new RegExp(`\\[\\[${name}(?=[\\]|#])`, 'g');
    let linksChanged = 0;
    for (const [p, text] of original) {
      expected.set(p === hub.path ? to : p, text.replace(link, () => (linksChanged++, '[[zz-renamed-hub')));
    }
    assert.ok(linksChanged >= 20, `the hub has ${linksChanged} links`);

    const millis = await renamed(hub.path, to);
    console.log(`      renaming ${hub.path} (${hub.links} backlinks, ${linksChanged} links in code-free text): ${millis} ms`);
    assertSame(await snapshot(), expected, 'after renaming the hub');
    const changedNote = [...original.keys()].find(p => p !== hub.path && original.get(p) !== expected.get(p))!;
    await undoIn(changedNote, original);
  });

  test('moving a folder changes only the path links into it and the relative links out of it; one undo restores every file', async () => {
    const from = `${dir}/resources/papers`;
    const to = `${dir}/archive-2026`;
    const expected = new Map<string, string>();
    for (const [p, text] of original) expected.set(p.startsWith(from + '/') ? to + p.slice(from.length) : p, text);
    expected.set(`${to}/zz-paper.md`, lines('# ZZ paper', '', '## zz', '', 'Beside [[./zz-sibling]], up [area](../areas/zz-area.md) and [[zz-area]].'));
    expected.set(`${dir}/areas/zz-area.md`, lines('# Area', '',
      '[[archive-2026/zz-paper]], [[/big/archive-2026/zz-paper|P]], [p](../archive-2026/zz-paper.md#zz), ![[zz-paper]] and [[zz-sibling#Sibling]].'));
    const moved = [...original.keys()].filter(p => p.startsWith(from + '/')).length;

    const millis = await renamed(from, to);
    console.log(`      moving ${from} (${moved} files): ${millis} ms`);
    assertSame(await snapshot(), expected, 'after moving the folder');
    await undoIn(`${dir}/areas/zz-area.md`, original);
  });
});
