// Ctrl+click (DocumentLinks), F12 on a missing link (marginalia.followLink), and go to
// definition on a tag, through VS Code's own commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, exists, folder, lines, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'links-scratch';
let notesWritten = 0;

async function noteWith(text: string): Promise<vscode.TextDocument> {
  const path = `${dir}/from-${++notesWritten}.md`;
  await writeNote(uriOf(path), text);
  return vscode.workspace.openTextDocument(uriOf(path));
}

/** Each link's text and where a click takes it (relative path, `#L` line, or the command). */
async function linksOf(text: string): Promise<{ text: string; target: string }[]> {
  const doc = await noteWith(text);
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 100);
  return links.map(l => ({
    text: doc.getText(l.range),
    target: l.target?.scheme === 'command' ? decodeURIComponent(l.target.toString(true))
      : l.target ? vscode.workspace.asRelativePath(l.target.with({ fragment: '' }), false) + (l.target.fragment ? `#${l.target.fragment}` : '') : '',
  })).sort((a, b) => a.text.localeCompare(b.text));
}

/** Deletes a note a test created at the vault root, and waits until the index has let go of it (others count the notes). */
async function deleteNote(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri);
  const api = await marginalia();
  const path = vscode.workspace.asRelativePath(uri, false);
  await waitFor(`${path} has left the index`, () => !api.indexFor(folder())!.has(path));
}

function activePath(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && vscode.workspace.asRelativePath(uri, false);
}

if (run === 'single') suite('following links', () => {
  suiteSetup(async () => {
    await writeNote(uriOf(`${dir}/Target Note.md`), lines('# Target Note', '', 'Intro.', '', '## Method', '', 'We train. ^step'));
    const api = await marginalia();
    await waitFor('the scratch notes are indexed', () => api.indexFor(folder())!.has(`${dir}/Target Note.md`));
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    await removeScratch(dir);
  });

  test('wiki-links, embeds and markdown links to notes are links, each to its note', async () => {
    const found = await linksOf('[[transformers]], ![[figure.png]] and [the paper](papers/attention-is-all-you-need.md).');
    assert.deepStrictEqual(found, [
      { text: '![[figure.png]]', target: 'attachments/figure.png' },
      { text: '[[transformers]]', target: 'transformers.md' },
      { text: '[the paper](papers/attention-is-all-you-need.md)', target: 'papers/attention-is-all-you-need.md' },
    ]);
  });

  test('a link to a heading or a block opens the note at its line', async () => {
    // Sorted by link text: `#^step` before `#Method`.
    const found = await linksOf('[[Target Note#Method]] and [[Target Note#^step]]');
    assert.deepStrictEqual(found.map(f => f.target), [`${dir}/Target Note.md#L7`, `${dir}/Target Note.md#L5`]);
  });

  test('a miscased link resolves', async () => {
    assert.deepStrictEqual((await linksOf('see [[TRANSFORMERS]]')).map(f => f.target), ['transformers.md']);
  });

  test('a link inside a code block or span is no link', async () => {
    assert.deepStrictEqual(await linksOf(lines('```', '[[transformers]]', '```', 'and `[[bert]]`')), []);
  });

  test('a link to a note not written yet runs Create Note with the target as written', async () => {
    const found = await linksOf('see [[Bitter Lesson]]');
    assert.strictEqual(found.length, 1);
    assert.match(found[0].target, /^command:marginalia\.createNote\?\["Bitter Lesson","[^"]+from-\d+\.md"\]$/);
  });

  test('running the missing link\'s command creates the note and opens it', async () => {
    const doc = await noteWith('see [[Clicked Into Being]]');
    const [link] = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri, 10);
    const args = JSON.parse(decodeURIComponent(link.target!.query)) as unknown[];
    await vscode.commands.executeCommand(link.target!.path, ...args);
    const created = uriOf('Clicked Into Being.md');
    assert.ok(await exists(created));
    assert.strictEqual(activePath(), 'Clicked Into Being.md');
    assert.strictEqual(vscode.window.activeTextEditor!.document.getText(), '# Clicked Into Being\n');
    await closeAllEditors();
    await deleteNote(created);
  });

  test('F12 on a missing link creates the note and opens it', async () => {
    const doc = await noteWith('see [[f12-created]] here');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 8, 0, 8);
    await vscode.commands.executeCommand('marginalia.followLink');
    const created = uriOf('f12-created.md');
    assert.ok(await exists(created));
    assert.strictEqual(activePath(), 'f12-created.md');
    await closeAllEditors();
    await deleteNote(created);
  });

  test('Follow Link on a note that exists opens it and creates nothing', async () => {
    const doc = await noteWith('see [[not-here-yet]] and [[transformers]]');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 30, 0, 30);
    await vscode.commands.executeCommand('marginalia.followLink');
    await waitFor('transformers.md is open', () => activePath() === 'transformers.md');
    assert.ok(!(await exists(uriOf('not-here-yet.md'))));
    await closeAllEditors();
  });

  test('a link that would leave the vault is refused and creates nothing', async () => {
    const doc = await noteWith('see [[../../outside-x]]');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 8, 0, 8);
    const result = await vscode.commands.executeCommand('marginalia.followLink');
    assert.strictEqual(result, undefined);
    assert.strictEqual(activePath(), vscode.workspace.asRelativePath(doc.uri, false));
    await closeAllEditors();
  });

  test('go to definition on a #tag lists every note carrying it', async () => {
    const doc = await noteWith('about #econometrics and #ml/rl');
    const api = await marginalia();
    await waitFor('the note is indexed', () => api.indexFor(folder())!.has(vscode.workspace.asRelativePath(doc.uri, false)));
    const found = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(0, 9));
    const paths = found.map(l => vscode.workspace.asRelativePath(l.targetUri, false)).sort();
    assert.deepStrictEqual(paths, [`${dir}/from-${notesWritten}.md`, 'transformers.md']);
    const rl = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(0, 27));
    assert.ok(rl.some(l => vscode.workspace.asRelativePath(l.targetUri, false) === 'reinforcement-learning.md'), 'a frontmatter tag counts');
  });
});
