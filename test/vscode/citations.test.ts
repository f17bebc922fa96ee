// Citations in a real VS Code, on the sample vault's references.bib: completion after `@`, hover,
// F12 to the literature note or the entry, Create Literature Note, unknown keys as problems with
// quick fixes, and the References view.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { exists, folder, lines, marginalia, removeScratch, run, textOf, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'citations-scratch';
let written = 0;

/** A new note with `text` (the cursor at `|`), open in an editor. */
async function open(text: string): Promise<{ doc: vscode.TextDocument; at: vscode.Position }> {
  const path = `${dir}/note-${++written}.md`;
  const offset = Math.max(0, text.indexOf('|'));
  await writeNote(uriOf(path), text.replace('|', ''));
  const doc = await vscode.workspace.openTextDocument(uriOf(path));
  const editor = await vscode.window.showTextDocument(doc);
  const at = doc.positionAt(offset);
  editor.selection = new vscode.Selection(at, at);
  return { doc, at };
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function complete(text: string): Promise<string[]> {
  const { doc, at } = await open(text);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '@');
  return list.items.filter(i => i.kind === vscode.CompletionItemKind.Reference).map(labelOf);
}

async function hoverText(text: string): Promise<string> {
  const { doc, at } = await open(text);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function definitionOf(text: string): Promise<{ path: string; line: number } | undefined> {
  const { doc, at } = await open(text);
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
  const first = found[0];
  if (!first) return undefined;
  const uri = 'targetUri' in first ? first.targetUri : first.uri;
  const range = 'targetUri' in first ? first.targetRange : first.range;
  return { path: vscode.workspace.asRelativePath(uri, false), line: range.start.line };
}

if (run === 'single') suite('citations', () => {
  suiteSetup(async () => {
    await marginalia();
    await (await marginalia()).ready();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeScratch(dir);
    for (const p of ['lecun2015.md']) if (await exists(uriOf(p))) await vscode.workspace.fs.delete(uriOf(p));
  });

  test('[@ completes keys from references.bib', async () => {
    const keys = await complete('As shown [@vasw|');
    assert.strictEqual(keys[0], 'vaswani2017');
  });

  test('a bare @ matches by title words and by author too', async () => {
    assert.ok((await complete('See @bitter|')).includes('sutton2019'));
    assert.ok((await complete('See @goodfellow|')).includes('goodfellow2016'));
  });

  test('no completion after a word (an e-mail address)', async () => {
    assert.deepStrictEqual(await complete('mail ada@vasw|'), []);
  });

  test('hover shows the formatted reference and the abstract', async () => {
    const text = await hoverText('Attention [@vas|wani2017].');
    assert.match(text, /Vaswani, A\., Shazeer, N\., Parmar, N\./);
    assert.match(text, /Attention Is All You Need/);
    assert.match(text, /with no recurrence and no convolution/);
  });

  test('hover on an unknown key names the closest', async () => {
    assert.match(await hoverText('Attention [@vaswani20|18].'), /No entry `vaswani2018`.*vaswani2017/);
  });

  test('F12 opens the literature note named by citekey:, else the .bib entry', async () => {
    assert.deepStrictEqual(await definitionOf('See [@vaswa|ni2017].'), { path: 'papers/attention-is-all-you-need.md', line: 0 });
    const entry = await definitionOf('See [@lecu|n2015].');
    assert.strictEqual(entry?.path, 'references.bib');
    assert.match((await textOf(uriOf('references.bib'))).split('\n')[entry!.line]!, /^@article\{lecun2015,/);
  });

  test('Create Literature Note fills the template, one undoable edit, and never overwrites', async () => {
    await open('The review [@lecun|2015] is short.');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createLiteratureNote');
    assert.strictEqual(vscode.workspace.asRelativePath(uri, false), 'lecun2015.md');
    const text = await textOf(uri);
    assert.match(text, /^---\ntitle: "Deep Learning"\ncitekey: lecun2015\n/);
    assert.match(text, /Yann LeCun, Yoshua Bengio, Geoffrey Hinton \(2015\)\. https:\/\/doi\.org\/10\.1038\/nature14539/);
    await writeNote(uri, 'my own notes');
    await open('Again [@lecun|2015].');
    const again = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createLiteratureNote');
    assert.strictEqual(again.toString(), uri.toString());
    assert.strictEqual(await textOf(uri), 'my own notes');
  });

  test('one undo takes a created literature note away; undo after opening an existing one leaves it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createLiteratureNote', 'sutton2019');
    assert.strictEqual(vscode.workspace.asRelativePath(uri, false), 'sutton2019.md');
    assert.match(await textOf(uri), /citekey: sutton2019/);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await vscode.commands.executeCommand('undo');
    const deadline = Date.now() + 10000;
    while ((await exists(uri)) && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
    assert.ok(!(await exists(uri)), 'one undo removed the created note');

    await writeNote(uri, 'written by hand');
    const api = await marginalia();
    await waitFor('the hand-written note is indexed', () => api.indexFor(folder())!.note('sutton2019.md') !== undefined);
    const again = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createLiteratureNote', 'sutton2019');
    assert.strictEqual(again.toString(), uri.toString());
    await vscode.commands.executeCommand('undo');
    await new Promise(r => setTimeout(r, 500));
    assert.strictEqual(await textOf(uri), 'written by hand', 'nothing was created, so undo has nothing of ours to take');
    await vscode.workspace.fs.delete(uri);
  });

  test('an unknown key is a problem with the closest keys as quick fixes', async () => {
    const { doc } = await open(lines('Cited [@devlin2018, p. 3].', ''));
    await waitFor('the unknown key is reported', () => vscode.languages.getDiagnostics(doc.uri).some(d => d.code === 'unknown-citation'));
    const problem = vscode.languages.getDiagnostics(doc.uri).find(d => d.code === 'unknown-citation')!;
    assert.match(problem.message, /No entry "devlin2018" in references\.bib; closest: devlin2019/);
    assert.strictEqual(doc.getText(problem.range), '@devlin2018');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, problem.range);
    const fix = actions.find(a => a.title === 'Cite devlin2019')!;
    assert.ok(fix, actions.map(a => a.title).join(', '));
    await vscode.workspace.applyEdit(fix.edit!);
    assert.strictEqual(doc.lineAt(0).text, 'Cited [@devlin2019, p. 3].');
  });

  test('the References view lists the keys the active note cites', async () => {
    const api = await marginalia();
    await vscode.window.showTextDocument(uriOf('deep-learning.md'));
    await waitFor('the view follows the note', () => api.citations.references.shown.join(' ') === 'goodfellow2016 lecun2015');
    const rows = await Promise.all(api.citations.references.getChildren().map(k => api.citations.references.getTreeItem(k)));
    // A row is made asynchronously (its literature note may be read for): asked again until the library is read.
    let lecun = '';
    await waitFor('the library is read', () => {
      void api.citations.references.getTreeItem('lecun2015').then(item => (lecun = String(item.description)));
      return lecun.includes('LeCun');
    });
    assert.strictEqual(rows.length, 2);
    assert.match(String((await api.citations.references.getTreeItem('goodfellow2016')).description), /Goodfellow et al\. 2016 — Deep Learning/);
    void folder;
  });

  test("a note's frontmatter bibliography: completion, hover, F12, diagnostics and preview read its file too", async () => {
    await writeNote(uriOf(`${dir}/own.bib`), lines('@book{ownkey2022,', '  title = {A Book Only This Note Cites},', '  author = {Quill, Ada},', '  year = {2022},', '}', ''));
    const head = lines('---', 'bibliography: own.bib', '---', '');
    assert.ok((await complete(`${head}See [@ownk|`)).includes('ownkey2022'));
    assert.ok((await complete(`${head}See [@lecun|`)).includes('lecun2015'), 'the workspace library still answers');
    assert.ok(!(await complete('No frontmatter [@ownk|')).includes('ownkey2022'), 'another note does not see it');
    assert.match(await hoverText(`${head}See [@ownk|ey2022].`), /Quill, A\. \(2022\)\. <i>A Book Only This Note Cites<\/i>/);
    assert.deepStrictEqual(await definitionOf(`${head}See [@ownk|ey2022].`), { path: `${dir}/own.bib`, line: 0 });

    const { doc } = await open(`${head}See [@ownkey2022] and [@nosuchkey2022].`);
    await waitFor('the unknown key is reported', () => vscode.languages.getDiagnostics(doc.uri).some(d => d.code === 'unknown-citation'));
    const problems = vscode.languages.getDiagnostics(doc.uri).filter(d => d.code === 'unknown-citation');
    assert.deepStrictEqual(problems.map(p => doc.getText(p.range)), ['@nosuchkey2022']);
    assert.match(problems[0]!.message, /own\.bib/);

    const api = await marginalia();
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('marginalia.openPreview');
    await waitFor('the preview formats the note\'s own reference', () => (api.preview.state()?.html ?? '').includes('(Quill, 2022)'), 20000);
    assert.match(api.preview.state()!.html, /class="references"[^]*A Book Only This Note Cites/);
  });

  test('the preview draws each reference in the margin and a References section; numeric on request', async () => {
    const api = await marginalia();
    await vscode.window.showTextDocument(uriOf('deep-learning.md'));
    await vscode.commands.executeCommand('marginalia.openPreview');
    await waitFor('the preview shows the references', () => {
      const html = api.preview.state()?.html ?? '';
      return api.preview.state()?.name === 'deep-learning.md' && html.includes('citation-sidenote') && html.includes('class="references"');
    }, 20000);
    const html = api.preview.state()!.html;
    assert.match(html, /<cite class="citation" data-cites="goodfellow2016">\(see Goodfellow et al\., 2016, Chapter 6\)<\/cite><input type="checkbox"/);
    assert.match(html, /class="sidenote citation-sidenote" role="note"><span class="sidenote-label">\d+<\/span> <span class="sidenote-par citation-ref">LeCun, Y\., Bengio, Y\., &#38; Hinton, G\. \(2015\)\./);
    const config = vscode.workspace.getConfiguration('marginalia.citations');
    await config.update('style', 'numeric', vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('numbers instead', () => (api.preview.state()?.html ?? '').includes('>(see 1)</cite>'));
    } finally {
      await config.update('style', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
