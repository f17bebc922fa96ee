// Hovers on links and tags, through VS Code's own command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { folder, lines, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

const dir = 'hover-scratch';
let notesWritten = 0;

/** The hover's markdown at the `|` of a new note holding `text` (parts joined by a blank line). */
async function hoverAt(text: string): Promise<string> {
  const doc = await noteAt(text.replace('|', ''));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(text.indexOf('|')));
  return hovers.flatMap(h => h.contents.map(c => typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n\n');
}

async function noteAt(text: string): Promise<vscode.TextDocument> {
  const path = `${dir}/from-${++notesWritten}.md`;
  await writeNote(uriOf(path), text);
  // Counted among the notes that link, once indexed.
  const api = await marginalia();
  await waitFor('the note is indexed', () => api.indexFor(folder())!.has(path));
  return vscode.workspace.openTextDocument(uriOf(path));
}

/** What markdown shows of escaped text. */
const plain = (md: string) => md.replace(/\\(.)/g, '$1');

if (run === 'single') suite('hover', () => {
  suiteSetup(async () => {
    await writeNote(uriOf(`${dir}/a/twin.md`), '# Twin A\n\nThe first twin.');
    await writeNote(uriOf(`${dir}/b/twin.md`), '# Twin B\n\nThe second twin.');
    const api = await marginalia();
    await waitFor('the scratch notes are indexed', () => ['a/twin.md', 'b/twin.md'].every(p => api.indexFor(folder())!.has(`${dir}/${p}`)));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeScratch(dir);
  });

  test('a link shows the note\'s title, folder, opening paragraph and how many notes link to it', async () => {
    const api = await marginalia();
    const before = new Set(api.indexFor(folder())!.backlinks('papers/language-models-are-few-shot-learners.md').map(b => b.source)).size;
    const md = plain(await hoverAt('see [[language-models-are|-few-shot-learners]]'));
    assert.match(md, /\*\*Language Models are Few-Shot Learners\*\* · papers/);
    assert.ok(md.includes('GPT-3'), md);
    assert.ok(md.includes(`*${before + 1} notes link here*`), md);
  });

  test('wiki-links in the excerpt read as their words', async () => {
    const md = await hoverAt('see [[be|rt]]');
    // The excerpt is drawn by the preview's pipeline: the words come emphasized, as HTML.
    assert.ok((md.includes('*transformer*') || md.includes('<em>transformer</em>')) && !md.includes('[[transformers'), md);
  });

  test('a link to a heading shows that section', async () => {
    const md = plain(await hoverAt('see [[reinforcement-learning#Open q|uestions]]'));
    assert.match(md, /› Open questions/);
    assert.ok(md.includes('reward hacking'), md);
  });

  test('a miscased link resolves', async () => {
    assert.match(plain(await hoverAt('see [[TRANSFOR|MERS]]')), /\*\*Transformers\*\*/);
  });

  test('a note not written yet says so, how many notes link to it, and offers Create note', async () => {
    const md = plain(await hoverAt('see [[bitter-le|sson]]'));
    assert.match(md, /not written yet — 5 notes link here/);
    assert.match(md, /\[\$\(new-file\) Create note\]\(command:marginalia\.createNote\?/);
  });

  test('an ambiguous link lists every candidate, each a command that points the link at it', async () => {
    const md = await hoverAt('see [[tw|in]]');
    assert.match(plain(md), /may mean 2 notes/);
    const commands = [...md.matchAll(/\(command:marginalia\.rewriteLink\?([^ )]+)/g)].map(m => JSON.parse(decodeURIComponent(m[1])) as unknown[]);
    assert.deepStrictEqual(commands.map(c => c[4]), ['a/twin', 'b/twin']);
    // Choosing one rewrites the link, as one edit.
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(commands[1][0] as string));
    assert.ok(await vscode.commands.executeCommand('marginalia.rewriteLink', ...commands[1]));
    assert.strictEqual(doc.getText(), 'see [[b/twin]]');
    await vscode.commands.executeCommand('workbench.action.files.revert', doc.uri);
  });

  test('a tag shows how many notes carry it and the first few', async () => {
    const md = plain(await hoverAt('about #ml/trans|formers'));
    const count = /(\d+) notes carry it/.exec(md);
    assert.ok(count && Number(count[1]) >= 6, md);
    assert.ok(md.includes('[Attention](file:'), md);
    assert.match(md, /… and \d+ more/);
  });

  test('a link inside a code span has no hover', async () => {
    assert.strictEqual(await hoverAt('see `[[transfor|mers]]`'), '');
  });

  test('text from a note cannot run a command from the hover', async () => {
    await writeNote(uriOf(`${dir}/sneaky.md`), lines('# Sneaky', '', '[run](command:marginalia.createNote?%5B%22x%22%5D)'));
    const api = await marginalia();
    await waitFor('the note is indexed', () => api.indexFor(folder())!.has(`${dir}/sneaky.md`));
    const doc = await noteAt('see [[sneaky]]');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 8));
    const withCommand = hovers.flatMap(h => h.contents).filter(c => typeof c !== 'string' && 'value' in c && c.value.includes('command:'));
    assert.ok(withCommand.every(c => !(c as vscode.MarkdownString).isTrusted), 'the excerpt is not trusted');
  });

  test('math in the excerpt is drawn for the hover (no TeX source, no MathML)', async () => {
    const md = await hoverAt('see [[attention#Additive att|ention]]');
    assert.ok(md.includes('<i>h</i><sub><i>j</i></sub>'), md);
    assert.ok(!md.includes('h_j') && !md.includes('<math'), md);
  });
});
