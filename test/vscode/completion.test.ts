// `[[` completion through VS Code's own command, as the editor asks for it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { folder, lines, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'completion-scratch';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

let notesWritten = 0;

/** Completes at the `|` in `text`, written to a new note of the vault (an open one would lag the disk). */
async function complete(text: string): Promise<{ items: vscode.CompletionItem[]; doc: vscode.TextDocument; incomplete: boolean }> {
  const path = `${dir}/typing-${++notesWritten}.md`;
  const offset = text.indexOf('|');
  await writeNote(uriOf(path), text.replace('|', ''));
  const doc = await vscode.workspace.openTextDocument(uriOf(path));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider', doc.uri, doc.positionAt(offset), '[');
  // Only ours: word-based and other providers may add their own.
  const items = list.items.filter(i => i.kind === vscode.CompletionItemKind.File || i.kind === vscode.CompletionItemKind.Reference);
  return { items, doc, incomplete: !!list.isIncomplete };
}

/** The line as it reads once `item` is accepted. */
function accepted(doc: vscode.TextDocument, item: vscode.CompletionItem): string {
  const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
  const line = doc.lineAt(range.start.line).text;
  return line.slice(0, range.start.character) + String(item.insertText) + line.slice(range.end.character);
}

if (run === 'single') suite('[[ completion', () => {
  suiteSetup(async () => {
    await writeNote(uriOf(`${dir}/vaswani.md`), lines('---', 'title: Attention Is All You Need', 'aliases: [transformer paper]', '---', 'Body.'));
    await writeNote(uriOf(`${dir}/outline.md`), lines('# Outline', '', '## Method', '', 'A claim. ^claim-1', '', '## Results'));
    await writeNote(uriOf(`${dir}/wishes.md`), 'I should write [[not-yet-written]] one day.');
    const api = await marginalia();
    await waitFor('the scratch notes are indexed', () => ['vaswani', 'outline', 'wishes']
      .every(n => api.indexFor(folder())!.has(`${dir}/${n}.md`)));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeScratch(dir);
  });

  test('[[tra offers transformers first', async () => {
    const { items } = await complete('see [[tra|');
    assert.strictEqual(labelOf(items[0]), 'transformers');
  });

  test('accepting a suggestion closes the link', async () => {
    const { items, doc } = await complete('see [[tra|');
    assert.strictEqual(accepted(doc, items[0]), 'see [[transformers]]');
  });

  test('the suggestion replaces an auto-closed ]] instead of adding another', async () => {
    const { items, doc } = await complete('see [[tra|]] and more');
    assert.strictEqual(accepted(doc, items[0]), 'see [[transformers]] and more');
  });

  test('typing part of a title finds the note', async () => {
    const { items } = await complete('see [[|');
    const item = items.find(i => labelOf(i) === 'vaswani');
    assert.ok(item, 'vaswani is offered');
    assert.ok(item.filterText?.includes('Attention Is All You Need'), item.filterText);
    assert.ok(item.filterText?.includes('transformer paper'), 'aliases count too');
    assert.strictEqual(item.detail, 'Attention Is All You Need');
  });

  test('notes not written yet are offered after every real note', async () => {
    const { items } = await complete('see [[|');
    const placeholder = items.findIndex(i => labelOf(i) === 'not-yet-written');
    const lastNote = items.map(i => i.kind).lastIndexOf(vscode.CompletionItemKind.File);
    assert.ok(placeholder > lastNote, `placeholder at ${placeholder}, last note at ${lastNote}`);
  });

  test('the link being typed is not offered as a note to create', async () => {
    // The editor already holds `[[qqx]]` (auto-closed): a link to a note "qqx" that does not exist.
    const api = await marginalia();
    const uri = uriOf(`${dir}/typing-qqx.md`);
    await writeNote(uri, 'see [[qqx]]');
    await waitFor('the note being typed is indexed', () => api.indexFor(folder())!.placeholders().some(p => p.name === 'qqx'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 6), '[');
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('transformers'), 'notes are offered');
    assert.ok(!labels.includes('qqx'), labels.join(', '));
  });

  test('a note not written yet that other notes link to is still offered while typing its name', async () => {
    const { items } = await complete('see [[not-yet-written|]]');
    assert.ok(items.some(i => labelOf(i) === 'not-yet-written'), items.map(labelOf).join(', '));
  });

  test('[[ inside a code span offers no notes', async () => {
    const { items } = await complete('see `[[tra|`');
    assert.deepStrictEqual(items.map(labelOf), []);
  });

  test('[[ inside a fenced code block offers no notes', async () => {
    const { items } = await complete(lines('```', '[[tra|', '```'));
    assert.deepStrictEqual(items.map(labelOf), []);
  });

  test('a single [ offers no notes', async () => {
    const { items } = await complete('see [tra|');
    assert.deepStrictEqual(items.map(labelOf), []);
  });

  test('[[note# offers the headings of that note', async () => {
    const { items, doc } = await complete('see [[outline#|]]');
    assert.deepStrictEqual(items.map(labelOf), ['Outline', 'Method', 'Results']);
    assert.strictEqual(accepted(doc, items[1]), 'see [[outline#Method]]');
  });

  test('[[note# shows a heading as it reads and inserts it as written', async () => {
    await writeNote(uriOf(`${dir}/marked.md`), lines('# The **softmax** step', '', '## See [the paper](https://example.org) again'));
    const api = await marginalia();
    await waitFor('the marked note is indexed', () => api.indexFor(folder())!.has(`${dir}/marked.md`));
    const { items, doc } = await complete('see [[marked#|]]');
    assert.deepStrictEqual(items.map(labelOf), ['The softmax step', 'See the paper again']);
    assert.strictEqual(accepted(doc, items[0]), 'see [[marked#The **softmax** step]]');
  });

  test('[[# offers the headings of the note being written, unsaved ones included', async () => {
    const { items } = await complete(lines('# Here', '## Also here', 'see [[#|'));
    assert.deepStrictEqual(items.map(labelOf), ['Here', 'Also here']);
  });

  test('[[note#^ offers the block ids of that note', async () => {
    const { items, doc } = await complete('see [[outline#^|');
    assert.deepStrictEqual(items.map(labelOf), ['claim-1']);
    assert.strictEqual(accepted(doc, items[0]), 'see [[outline#^claim-1]]');
  });

  test('a list of several matches, all sent, still asks again so the engine keeps their order', async () => {
    const some = await complete('see [[|');
    assert.ok(some.items.length > 1 && some.items.length < 200, `${some.items.length} items`);
    assert.strictEqual(some.incomplete, true);
  });

  test('a vault with more notes than a list should hold sends the best ones and asks again as the user types', async () => {
    const api = await marginalia();
    const many = Array.from({ length: 230 }, (_, i) => `${dir}/many/bulk-${i}.md`);
    await Promise.all(many.map(p => writeNote(uriOf(p), '# Bulk')));
    await waitFor('the notes are indexed', () => many.every(p => api.indexFor(folder())!.has(p)), 20000);
    const all = await complete('see [[|');
    assert.strictEqual(all.items.length, 200, 'the best 200 are sent');
    assert.strictEqual(all.incomplete, true, 'the list says it is incomplete');
    const narrowed = await complete('see [[bulk-227|');
    assert.strictEqual(labelOf(narrowed.items[0]), 'bulk-227');
  });

  test('[[tra shows the alias that matched, and choosing it keeps the alias as the label', async () => {
    const { items, doc } = await complete('see [[Bidirectional enc|]]');
    const alias = items.find(i => labelOf(i) === 'Bidirectional Encoder Representations from Transformers');
    assert.ok(alias, items.map(labelOf).join(', '));
    assert.match(String((alias.label as vscode.CompletionItemLabel).description), /bert/);
    assert.strictEqual(accepted(doc, alias), 'see [[bert|Bidirectional Encoder Representations from Transformers]]');
  });

  test('a title that matched is shown on the item, and choosing it links the note by name', async () => {
    const { items, doc } = await complete('see [[attention is|');
    const item = items.find(i => labelOf(i) === 'vaswani');
    assert.ok(item, items.map(labelOf).join(', '));
    assert.match(String((item.label as vscode.CompletionItemLabel).detail), /Attention Is All You Need/);
    assert.strictEqual(accepted(doc, item), 'see [[vaswani]]');
  });

  test('the note being written is not offered as a link to itself', async () => {
    const { items, doc } = await complete('see [[typing|');
    const self = vscode.workspace.asRelativePath(doc.uri, false).replace(/\.md$/, '').split('/').pop();
    assert.ok(!items.map(labelOf).includes(self!), items.map(labelOf).join(', '));
    assert.ok(items.some(i => labelOf(i).startsWith('typing-')), 'other notes of that name are');
  });

  test('![[ offers attachments with their folder, and plain [[ does not', async () => {
    const embed = await complete('see ![[fig|');
    const figure = embed.items.find(i => labelOf(i) === 'figure.png');
    assert.ok(figure, embed.items.map(labelOf).join(', '));
    assert.strictEqual((figure.label as vscode.CompletionItemLabel).description, 'attachments');
    assert.strictEqual(accepted(embed.doc, figure), 'see ![[figure.png]]');
    const link = await complete('see [[fig|');
    assert.ok(!link.items.some(i => labelOf(i) === 'figure.png'));
  });

  test('notes complete in a frontmatter property value', async () => {
    const { items, doc } = await complete(lines('---', 'related: "[[tra|]]"', '---', 'Body.'));
    assert.strictEqual(labelOf(items[0]), 'transformers');
    assert.strictEqual(accepted(doc, items[0]), 'related: "[[transformers]]"');
  });

  test('the frontmatter\'s own fields complete no notes', async () => {
    const { items } = await complete(lines('---', 'title: "[[tra|"', '---'));
    assert.deepStrictEqual(items.map(labelOf), []);
  });

  test('an alias added in an unsaved note is offered at once', async () => {
    const api = await marginalia();
    await writeNote(uriOf(`${dir}/renamed-later.md`), lines('---', 'aliases: [first]', '---', 'Body.'));
    const doc = await vscode.workspace.openTextDocument(uriOf(`${dir}/renamed-later.md`));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit(e => e.replace(new vscode.Range(1, 10, 1, 15), 'qqxunsavedalias'));
    await waitFor('the unsaved alias is indexed', () => api.indexFor(folder())!.note(`${dir}/renamed-later.md`)?.aliases[0] === 'qqxunsavedalias');
    const { items } = await complete('see [[qqxunsaved|');
    assert.deepStrictEqual(items.map(labelOf), ['qqxunsavedalias']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a list that holds the only match is complete: typing on can only narrow it', async () => {
    const one = await complete('see [[outlin|');
    assert.deepStrictEqual(one.items.map(labelOf), ['outline']);
    assert.strictEqual(one.incomplete, false);
  });

  test('among equally good matches, the note opened or linked most recently comes first', async function () {
    this.timeout(60000); // five completions, each in a note written for it
    const api = await marginalia();
    // Same match, same length, no links: A–Z until one is used.
    await writeNote(uriOf(`${dir}/qqrecent-apple.md`), '# Apple');
    await writeNote(uriOf(`${dir}/qqrecent-berry.md`), '# Berry');
    await waitFor('both indexed', () => ['apple', 'berry'].every(n => api.indexFor(folder())!.has(`${dir}/qqrecent-${n}.md`)));
    const order = async () => (await complete('see [[qqrecent|')).items.map(labelOf);
    assert.deepStrictEqual(await order(), ['qqrecent-apple', 'qqrecent-berry']);
    await vscode.window.showTextDocument(uriOf(`${dir}/qqrecent-berry.md`));
    assert.deepStrictEqual(await order(), ['qqrecent-berry', 'qqrecent-apple'], 'opened: first');
    // Accepting a suggestion writes `target]]`: that note was just linked.
    const { items, doc } = await complete('see [[qqrecent|');
    const apple = items.find(i => labelOf(i) === 'qqrecent-apple')!;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, apple.range instanceof vscode.Range ? apple.range : apple.range!.replacing, String(apple.insertText));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await doc.save();
    assert.deepStrictEqual(await order(), ['qqrecent-apple', 'qqrecent-berry'], 'linked: first');
    // A better match still wins over a recent one.
    assert.deepStrictEqual((await complete('see [[qqrecent-b|')).items.map(labelOf), ['qqrecent-berry']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
