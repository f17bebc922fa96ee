// `#` completion through VS Code's own command, on the sample vault's tags.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { folder, lines, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'tag-completion-scratch';
let notesWritten = 0;

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Tags offered at the `|` in `text`, written to a new note of the vault; and the line once the first is accepted. */
async function complete(text: string): Promise<{ labels: string[]; first?: string }> {
  const path = `${dir}/typing-${++notesWritten}.md`;
  const offset = text.indexOf('|');
  await writeNote(uriOf(path), text.replace('|', ''));
  const doc = await vscode.workspace.openTextDocument(uriOf(path));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(offset), '#');
  const items = list.items.filter(i => i.kind === vscode.CompletionItemKind.Keyword);
  const item = items[0];
  let first: string | undefined;
  if (item) {
    const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
    const line = doc.lineAt(range.start.line).text;
    first = line.slice(0, range.start.character) + String(item.insertText) + line.slice(range.end.character);
  }
  return { labels: items.map(labelOf), first };
}

if (run === 'single') suite('# tag completion', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeScratch(dir);
  });

  test('# offers the vault\'s tags, the most used first', async () => {
    const { labels } = await complete('see #|');
    assert.strictEqual(labels[0], 'ml', labels.join(', '));
    for (const tag of ['ml/transformers', 'attention', 'toread', 'econometrics']) assert.ok(labels.includes(tag), `${tag} in ${labels.join(', ')}`);
  });

  test('#trans finds the nested tag by its segment, and accepting writes it whole', async () => {
    const { labels, first } = await complete('see #trans|');
    assert.deepStrictEqual(labels, ['ml/transformers']);
    assert.strictEqual(first, 'see #ml/transformers');
  });

  test('a tag in a code span or a fenced block offers nothing', async () => {
    assert.deepStrictEqual((await complete('see `#ml|`')).labels, []);
    assert.deepStrictEqual((await complete(lines('```', '#ml|', '```'))).labels, []);
  });

  test('a heading\'s # offers no tags', async () => {
    assert.deepStrictEqual((await complete('# ml|')).labels, []);
  });

  test('the frontmatter\'s tags: list completes tags, without #', async () => {
    const { labels, first } = await complete(lines('---', 'tags: [econ|]', '---', 'Body.'));
    assert.deepStrictEqual(labels, ['econometrics']);
    assert.strictEqual(first, 'tags: [econometrics]');
  });

  test('the frontmatter\'s tags: block list completes tags', async () => {
    const { labels } = await complete(lines('---', 'tags:', '  - podc|', '---'));
    assert.deepStrictEqual(labels, ['podcast']);
  });

  test('the tag being typed is not offered as a tag of its own', async () => {
    const api = await marginalia();
    const path = `${dir}/own-tag.md`;
    await writeNote(uriOf(path), 'see #qqxtag');
    await waitFor('the note is indexed', () => api.indexFor(folder())!.notesWithTag('qqxtag').length === 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', uriOf(path), new vscode.Position(0, 8), '#');
    assert.ok(!list.items.map(labelOf).includes('qqxtag'));
  });

  test('a tag typed into an unsaved note is offered in another note at once', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/draft.md`), 'Draft.');
    const doc = await vscode.workspace.openTextDocument(uriOf(`${dir}/draft.md`));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(e => e.insert(new vscode.Position(0, 6), ' #qqxunsaved'));
    await waitFor('the unsaved tag is indexed', () => api.indexFor(folder())!.notesWithTag('qqxunsaved').length === 1);
    assert.deepStrictEqual((await complete('see #qqxuns|')).labels, ['qqxunsaved']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
