// The sidebar's views on the sample vault: the rows each shows (backlinks with their
// paragraph, mentions and the Link edit, nested tag counts, notes not written yet, orphans,
// outgoing links), live updates from unsaved edits, pinning and sorting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/api';
import { mentionCount } from '../../src/core/views/mentionRows';
import { closeAllEditors, folder, lines, marginalia, removeScratch, run, textOf, uriOf, waitFor, writeNote } from './marginalia';

type Provider<T> = { getChildren(e?: T): vscode.ProviderResult<T[]>; getTreeItem(e: T): vscode.TreeItem | Thenable<vscode.TreeItem> };

async function rows<T>(provider: Provider<T>, parent?: T): Promise<{ element: T; item: vscode.TreeItem }[]> {
  const children = (await provider.getChildren(parent)) ?? [];
  return Promise.all(children.map(async element => ({ element, item: await provider.getTreeItem(element) })));
}

/** Polls a view's rows until `check` holds (views refresh a moment after the index changes). */
async function rowsWhen<T>(provider: Provider<T>, what: string, check: (r: { element: T; item: vscode.TreeItem }[]) => boolean, parent?: T) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const r = await rows(provider, parent);
    if (check(r)) return r;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}: ${JSON.stringify(r.map(x => x.item.label))}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

function highlightedOf(item: vscode.TreeItem): string[] {
  const label = item.label;
  if (!label || typeof label === 'string') return [];
  return (label.highlights ?? []).map(([a, b]) => label.label.slice(a, b));
}

async function open(path: string): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(uriOf(path), { preview: false });
}

/** Waits until the Backlinks view shows `title` (the view follows the active editor). */
async function backlinksShow(api: MarginaliaApi, title: string): Promise<void> {
  await waitFor(`Backlinks shows ${title} (it shows ${api.sidebar.backlinks.view.description}, active ${api.sidebar.active.current?.path})`,
    () => api.sidebar.backlinks.view.description?.includes(title) === true);
}

if (run === 'single') suite('sidebar views', () => {
  let api: MarginaliaApi;
  suiteSetup(async () => {
    api = await marginalia();
    await vscode.commands.executeCommand('workbench.view.extension.marginalia');
    // Collapsed at first, and computed only when open.
    await vscode.commands.executeCommand('marginalia.placeholders.focus');
    await vscode.commands.executeCommand('marginalia.orphans.focus');
    await waitFor('the vault views are open', () => api.sidebar.placeholders.view.visible && api.sidebar.orphans.view.visible);
  });
  teardown(async () => {
    api.sidebar.backlinks.unpin();
    await closeAllEditors();
  });

  test('Backlinks: one row per linking note, each link with its paragraph and the link highlighted', async () => {
    await open('transformers.md');
    await backlinksShow(api, 'Transformers');
    const groups = await rows(api.sidebar.backlinks);
    assert.strictEqual(groups.length, 8, 'EXPECTED.md: 8 notes link to transformers.md');
    assert.strictEqual(api.sidebar.backlinks.view.description, 'Transformers · 9');
    const gpt = groups.find(g => labelOf(g.item) === 'GPT-3')!;
    assert.strictEqual(gpt.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const [link] = await rows(api.sidebar.backlinks, gpt.element);
    assert.ok(labelOf(link.item).includes('96 transformer layers with 96 attention heads (see transformers)'), labelOf(link.item));
    assert.ok(labelOf(link.item).length <= 302, 'a long paragraph is trimmed');
    assert.deepStrictEqual(highlightedOf(link.item), ['transformers']);
    const tooltip = link.item.tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.includes('examples curated below'), 'the tooltip has the whole paragraph');
    const papers = groups.find(g => labelOf(g.item) === 'Attention Is All You Need')!;
    assert.match(String(papers.item.description), /^papers · 1$/);
  });

  test('Backlinks: clicking a link opens the linking note with the link selected', async () => {
    await open('transformers.md');
    await backlinksShow(api, 'Transformers');
    const bert = (await rows(api.sidebar.backlinks)).find(g => labelOf(g.item) === 'BERT')!;
    const [link] = await rows(api.sidebar.backlinks, bert.element);
    assert.strictEqual(labelOf(link.item), 'A transformer encoder pre-trained with two objectives:');
    const command = link.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/bert.md'));
    assert.strictEqual(editor.document.getText(editor.selection), '[[transformers|transformer]]');
  });

  test('Backlinks follow unsaved edits, keep row ids (and so expansion) across updates, and say when nothing links here', async () => {
    const reading = await open('reading-list.md');
    await backlinksShow(api, 'Reading list');
    assert.strictEqual((await rows(api.sidebar.backlinks)).length, 0);
    assert.strictEqual(api.sidebar.backlinks.view.message, 'Nothing links to Reading list yet.');
    const gpt = await open('gpt3.md');
    await gpt.edit(e => e.insert(new vscode.Position(gpt.document.lineCount, 0), '\nSee also [[reading-list]].\n'));
    await vscode.window.showTextDocument(reading.document);
    await waitFor('the unsaved link shows', () => api.sidebar.backlinks.groups().some(g => g.source === 'gpt3.md'));
    const before = (await rows(api.sidebar.backlinks)).map(r => r.item.id);
    const more = new vscode.WorkspaceEdit();
    more.insert(gpt.document.uri, new vscode.Position(gpt.document.lineCount, 0), 'More [[reading-list]] here.\n');
    await vscode.workspace.applyEdit(more);
    await waitFor('the second link shows', () => api.sidebar.backlinks.groups().some(g => g.links.length === 2));
    assert.deepStrictEqual((await rows(api.sidebar.backlinks)).map(r => r.item.id), before);
    await vscode.window.showTextDocument(gpt.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the reverted note drops out', () => !api.sidebar.backlinks.groups().some(g => g.source === 'gpt3.md'));
  });

  test('Backlinks pinned to a note stay on it while the active note changes', async () => {
    await open('transformers.md');
    await backlinksShow(api, 'Transformers');
    await vscode.commands.executeCommand('marginalia.backlinks.pin');
    await open('gpt3.md');
    assert.strictEqual(api.sidebar.backlinks.view.description, 'Pinned: Transformers · 9');
    await vscode.commands.executeCommand('marginalia.backlinks.unpin');
    await backlinksShow(api, 'GPT-3');
  });

  test('Backlinks of a note not written yet, opened from its placeholder row', async () => {
    const [first] = await rows(api.sidebar.placeholders);
    const command = first.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await backlinksShow(api, 'bitter-lesson');
    assert.strictEqual(api.sidebar.backlinks.groups().reduce((n, g) => n + g.links.length, 0), 4);
  });

  test('Tags: nested tags under their parents, each counting the notes below it', async () => {
    const tags = await rows(api.sidebar.tags);
    const byLabel = new Map(tags.map(t => [labelOf(t.item), t]));
    assert.deepStrictEqual(tags.map(t => labelOf(t.item)).slice(0, 5), ['attention', 'BERT', 'econometrics', 'language_model', 'ml']);
    const ml = byLabel.get('ml')!;
    assert.strictEqual(ml.item.description, '9');
    assert.strictEqual((ml.element as { tag: string }).tag, 'ml');
    const children = await rows(api.sidebar.tags, ml.element);
    assert.deepStrictEqual(children.map(c => [labelOf(c.item), c.item.description]),
      [['rl', '2'], ['ssl', '1'], ['transformers', '6'], ['Deep Learning', '']]);
    assert.strictEqual((children[2].element as { tag: string }).tag, 'ml/transformers');
  });

  test('Tags: a note under a tag opens at the tag', async () => {
    const attention = (await rows(api.sidebar.tags)).find(t => labelOf(t.item) === 'attention')!;
    const notes = await rows(api.sidebar.tags, attention.element);
    const transformers = notes.find(n => n.item.resourceUri?.path.endsWith('/transformers.md'))!;
    const command = transformers.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.getText(editor.selection), '#attention');
    assert.strictEqual(editor.selection.start.line, 0);
  });

  test('Notes Not Written Yet: most wanted first, with how many links', async () => {
    const placeholders = await rows(api.sidebar.placeholders);
    assert.deepStrictEqual(placeholders.map(p => [labelOf(p.item), p.item.description]), [
      ['bitter-lesson', '4 links'], ['toread', '4 links'], ['invariant-risk-minimization', '3 links'],
      ['project-fairness', '3 links'], ['calculus-for-brain-computation', '2 links'],
    ]);
  });

  test('Orphans: none in the sample vault (every note links or is linked), and the view says so', async () => {
    assert.deepStrictEqual(await rows(api.sidebar.orphans), []);
    assert.strictEqual(api.sidebar.orphans.view.message, 'No orphans: every note links to another or is linked from one.');
  });

  test('Outgoing Links: each target once, notes not written yet marked', async () => {
    await open('gpt3.md');
    await waitFor('Outgoing shows GPT-3', () => api.sidebar.outgoing.view.description?.startsWith('GPT-3') === true);
    const outgoing = await rows(api.sidebar.outgoing);
    assert.deepStrictEqual(outgoing.map(o => [labelOf(o.item), o.item.description]), [
      ['transformers', 'transformers.md'],
      ['papers/language-models-are-few-shot-learners', 'papers/language-models-are-few-shot-learners.md'],
      ['episode-with-ilya', 'podcasts/episode-with-ilya.md'],
      ['bitter-lesson', 'not written yet'],
      ['bert', 'bert.md'],
    ]);
    assert.strictEqual(outgoing[3].item.contextValue, 'placeholder');
  });

  test('Outgoing Links: a heading link opens its note at the heading', async () => {
    await open('self-supervised-learning.md');
    await waitFor('Outgoing shows it', () => api.sidebar.outgoing.view.description?.startsWith('Self-supervised learning') === true);
    const row = (await rows(api.sidebar.outgoing)).find(o => labelOf(o.item) === 'transformers#Deep Learning 2.0')!;
    assert.strictEqual(row.item.description, 'transformers.md');
    const command = row.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/transformers.md'));
    assert.strictEqual(editor.document.lineAt(editor.selection.start.line).text, '### Deep Learning 2.0');
  });
});

if (run === 'single') suite('sidebar edits', () => {
  const dir = 'sidebar-scratch';
  let api: MarginaliaApi;
  suiteSetup(async () => {
    api = await marginalia();
    for (const view of ['mentions', 'placeholders', 'orphans']) await vscode.commands.executeCommand(`marginalia.${view}.focus`);
  });
  teardown(closeAllEditors);
  suiteTeardown(() => removeScratch(dir));

  async function mentionsOf(path: string, expected: number) {
    await open(path);
    await waitFor(`${expected} mentions of ${path}`, () =>
      mentionCount(api.sidebar.mentions.groups()) === expected
      && api.sidebar.active.current?.path === path);
    return rows(api.sidebar.mentions);
  }

  // One row per line, as the row shows it: Link writes every mention the row highlights (Obsidian
  // has a row and a Link button per mention; a line that names a note twice is one row here).
  test('Unlinked mentions: one row per line; Link links every mention on it, as written, in one undoable edit', async () => {
    await writeNote(uriOf(`${dir}/Quantum Widget.md`), '# Quantum Widget\n');
    const other = uriOf(`${dir}/lab.md`);
    await writeNote(other, lines('# Lab', '', 'The quantum widget broke. `Quantum Widget` in code stays.', 'Quantum Widget again, then quantum widget, and [[Quantum Widget]].', ''));
    const groups = await mentionsOf(`${dir}/Quantum Widget.md`, 3);
    assert.strictEqual(groups[0].item.description, `${dir} · 3`);
    const lineRows = await rows(api.sidebar.mentions, groups[0].element);
    assert.deepStrictEqual(lineRows.map(m => highlightedOf(m.item)), [['quantum widget'], ['Quantum Widget', 'quantum widget']]);
    await vscode.commands.executeCommand('marginalia.mentions.link', lineRows[1].element);
    const doc = await vscode.workspace.openTextDocument(other);
    assert.strictEqual(doc.lineAt(3).text, '[[Quantum Widget]] again, then [[Quantum Widget|quantum widget]], and [[Quantum Widget]].');
    assert.strictEqual(doc.lineAt(2).text, 'The quantum widget broke. `Quantum Widget` in code stays.', 'the other line is left');
    await waitFor('the edit is saved', () => !doc.isDirty);
    assert.ok((await textOf(other)).includes('then [[Quantum Widget|quantum widget]], and'));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.lineAt(3).text, 'Quantum Widget again, then quantum widget, and [[Quantum Widget]].', 'one undo takes the line back');
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  test('Unlinked mentions: Link All links every one in one edit, and one undo takes them all back', async () => {
    const other = uriOf(`${dir}/lab.md`);
    await mentionsOf(`${dir}/Quantum Widget.md`, 3);
    await vscode.commands.executeCommand('marginalia.mentions.linkAll');
    const doc = await vscode.workspace.openTextDocument(other);
    assert.strictEqual(doc.lineAt(2).text, 'The [[Quantum Widget|quantum widget]] broke. `Quantum Widget` in code stays.');
    assert.strictEqual(doc.lineAt(3).text, '[[Quantum Widget]] again, then [[Quantum Widget|quantum widget]], and [[Quantum Widget]].');
    await waitFor('the view empties', () => api.sidebar.mentions.groups().length === 0);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.lineAt(3).text, 'Quantum Widget again, then quantum widget, and [[Quantum Widget]].');
    assert.strictEqual(doc.lineAt(2).text, 'The quantum widget broke. `Quantum Widget` in code stays.');
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  test('a mention changed since the view was drawn is left alone', async () => {
    const other = uriOf(`${dir}/lab.md`);
    const groups = await mentionsOf(`${dir}/Quantum Widget.md`, 3);
    const [first] = await rows(api.sidebar.mentions, groups[0].element);
    const editor = await vscode.window.showTextDocument(other);
    await editor.edit(e => e.replace(new vscode.Range(2, 4, 2, 11), 'QUANTUM'));
    await vscode.commands.executeCommand('marginalia.mentions.link', first.element);
    assert.strictEqual(editor.document.lineAt(2).text, 'The QUANTUM widget broke. `Quantum Widget` in code stays.');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Unlinked mentions: typing in the note leaves the list; a mention written elsewhere joins it', async () => {
    await mentionsOf(`${dir}/Quantum Widget.md`, 3);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit(e => e.insert(new vscode.Position(1, 0), '\nSome words of my own.\n'));
    await waitFor('the edit is indexed', () => api.indexFor(folder())!.indexedFrom(`${dir}/Quantum Widget.md`, editor.document.getText()));
    assert.strictEqual(mentionCount(api.sidebar.mentions.groups()), 3);
    await writeNote(uriOf(`${dir}/also.md`), '# Also\n\nA Quantum Widget, elsewhere, and [[gpt3]].\n');
    await waitFor('the new mention shows', () => mentionCount(api.sidebar.mentions.groups()) === 4);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Backlinks sort by last modified, newest first, when toggled', async () => {
    await writeNote(uriOf(`${dir}/hub.md`), '# Hub\n');
    await writeNote(uriOf(`${dir}/a-old.md`), '# A old\n[[hub]]\n');
    await new Promise(r => setTimeout(r, 1100)); // file times have one-second resolution on some file systems
    await writeNote(uriOf(`${dir}/z-new.md`), '# Z new\n[[hub]]\n');
    await open(`${dir}/hub.md`);
    await waitFor('both link', () => api.sidebar.backlinks.groups().length === 2);
    assert.deepStrictEqual(api.sidebar.backlinks.groups().map(g => g.title), ['A old', 'Z new']);
    await vscode.commands.executeCommand('marginalia.backlinks.sortByModified');
    try {
      await waitFor('newest first', () => api.sidebar.backlinks.groups()[0]?.title === 'Z new');
    } finally {
      await vscode.commands.executeCommand('marginalia.backlinks.sortByTitle');
    }
    await waitFor('by title again', () => api.sidebar.backlinks.groups()[0]?.title === 'A old');
  });

  test('Orphans: a note with no links in or out shows, and leaves once linked', async () => {
    await writeNote(uriOf(`${dir}/stray.md`), '# Stray thought\n');
    const orphans = await rowsWhen(api.sidebar.orphans, 'the orphan shows', r => r.length > 0);
    assert.deepStrictEqual(orphans.map(o => labelOf(o.item)), ['Stray thought']);
    assert.strictEqual(orphans[0].item.description, dir);
    await writeNote(uriOf(`${dir}/stray.md`), '# Stray thought\nSee [[gpt3]].\n');
    await rowsWhen(api.sidebar.orphans, 'the orphan leaves', r => r.length === 0);
  });

  test('Create Note on a placeholder row creates it, as one undoable edit', async () => {
    await writeNote(uriOf(`${dir}/wants.md`), '# Wants\n[[Brand New Idea]]\n');
    const row = (await rowsWhen(api.sidebar.placeholders, 'the placeholder shows', r => r.some(x => labelOf(x.item) === 'Brand New Idea')))
      .find(r => labelOf(r.item) === 'Brand New Idea')!;
    const created = await vscode.commands.executeCommand<vscode.Uri>('marginalia.createNoteFromRow', row.element);
    assert.strictEqual(created?.toString(), uriOf('Brand New Idea.md').toString());
    assert.strictEqual(await textOf(created), '# Brand New Idea\n');
    await vscode.commands.executeCommand('undo');
    await waitFor('undo removed it', () => !api.indexFor(folder())!.has('Brand New Idea.md'));
  });
});

if (run === 'multi-root') suite('sidebar views in a multi-root workspace', () => {
  let api: MarginaliaApi;
  suiteSetup(async () => {
    api = await marginalia();
    await vscode.commands.executeCommand('marginalia.placeholders.focus');
    await waitFor('Notes Not Written Yet is open', () => api.sidebar.placeholders.view.visible);
  });
  teardown(closeAllEditors);

  test('Tags and Notes Not Written Yet have one root row per folder', async () => {
    const roots = await rows(api.sidebar.tags);
    assert.deepStrictEqual(roots.map(r => labelOf(r.item)), ['lab-notes', 'reading-list']);
    const lab = await rows(api.sidebar.tags, roots[0].element);
    assert.deepStrictEqual(lab.map(r => [labelOf(r.item), r.item.description]), [['experiment', '1'], ['ml', '1'], ['todo', '1']]);
    const [labFolder] = await rows(api.sidebar.placeholders);
    const waiting = await rows(api.sidebar.placeholders, labFolder.element);
    assert.deepStrictEqual(waiting.map(r => [labelOf(r.item), r.item.description]), [['attention-paper', '1 link']]);
  });

  test('Backlinks of a note come from its own folder only', async () => {
    await vscode.window.showTextDocument(uriOf('todo.md', 'lab-notes'));
    await waitFor('Backlinks follows lab-notes/todo.md', () => api.sidebar.active.current?.vault.folder.name === 'lab-notes');
    // The rows come once the linking notes' texts are read (asynchronously: the index may keep none).
    await waitFor('its rows are shown', () => api.sidebar.backlinks.groups().length > 0);
    assert.deepStrictEqual(api.sidebar.backlinks.groups().map(g => g.source), ['experiment-log.md']);
  });
});
