// The preview panel in a real VS Code: it opens on the active note, follows the editor,
// re-renders as you type, answers a link-click message by opening the right note, and
// refuses messages that name a file outside the workspace or a scheme other than http(s)/mailto.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/api';
import { folder, marginalia, run, uriOf, waitFor } from './marginalia';

const activePath = () => {
  const editor = vscode.window.activeTextEditor;
  return editor ? vscode.workspace.asRelativePath(editor.document.uri, false) : undefined;
};

if (run === 'single') suite('preview panel', () => {
  let api: MarginaliaApi;

  suiteSetup(async () => {
    api = await marginalia();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Open Preview to the Side shows the active note with its sidenotes, math and Backlinks', async () => {
    await vscode.window.showTextDocument(uriOf('transformers.md'));
    await vscode.commands.executeCommand('marginalia.openPreviewToSide');
    await waitFor('the preview shows transformers.md', () => api.preview.state()?.name === 'transformers.md');
    const html = api.preview.state()!.html;
    assert.match(html, /class="sidenote"/);
    const body = html.slice(0, html.indexOf('<section class="backlinks"'));
    assert.strictEqual((body.match(/<span class="sidenote"/g) ?? []).length, 3, 'the three footnotes of transformers.md');
    assert.match(html, /class="katex"/);
    assert.doesNotMatch(html, /katex-error/);
    assert.match(html, /<section class="backlinks"/);
    assert.notStrictEqual(api.preview.state()!.viewColumn, vscode.window.activeTextEditor?.viewColumn, 'beside the editor');
  });

  test('it follows the editor to another note', async () => {
    await vscode.window.showTextDocument(uriOf('gpt3.md'), { viewColumn: vscode.ViewColumn.One });
    await waitFor('the preview follows to gpt3.md', () => api.preview.state()?.name === 'gpt3.md');
  });

  test('typing re-renders in place (same page, new content)', async () => {
    const editor = vscode.window.activeTextEditor!;
    const page = api.preview.state()!.page;
    await editor.edit(e => e.insert(new vscode.Position(editor.document.lineCount, 0), '\n\nA typed line with \\(x^2\\) and [[attention]].\n'));
    await waitFor('the typed line shows', () => api.preview.state()!.html.includes('A typed line with'));
    assert.strictEqual(api.preview.state()!.page, page, 'an update of the same page, not a new one');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a link-click message opens the note it names, and the preview follows', async () => {
    const state = api.preview.state()!;
    assert.ok(await api.preview.receive({ type: 'openNote', page: state.page, href: 'papers/attention-is-all-you-need.md' }));
    await waitFor('the editor shows the paper', () => activePath() === 'papers/attention-is-all-you-need.md');
    await waitFor('the preview follows', () => api.preview.state()?.name === 'papers/attention-is-all-you-need.md');
  });

  test('a link to a heading opens the note at that heading', async () => {
    const state = api.preview.state()!;
    assert.ok(await api.preview.receive({ type: 'openNote', page: state.page, href: 'transformers.md#Moving%20away%20from%20stationarity' }));
    await waitFor('the editor shows transformers.md', () => activePath() === 'transformers.md');
    const line = vscode.window.activeTextEditor!.selection.active.line;
    assert.strictEqual(vscode.window.activeTextEditor!.document.lineAt(line).text, '### Moving away from stationarity');
  });

  test('messages naming a file outside the workspace are refused', async () => {
    const page = api.preview.state()!.page;
    const before = activePath();
    for (const href of ['../outside.md', '/etc/passwd', '..%2F..%2Fetc%2Fpasswd', 'a/../../x.md', 'file:///etc/passwd', 'C:\\x.md', '%E0%A4%A.md']) {
      assert.strictEqual(await api.preview.receive({ type: 'openNote', page, href }), false, href);
    }
    assert.strictEqual(activePath(), before, 'nothing was opened');
  });

  test('external links other than http, https and mailto are refused; malformed messages too', async () => {
    const page = api.preview.state()!.page;
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.quit', 'vscode://x']) {
      assert.strictEqual(await api.preview.receive({ type: 'openExternal', page, url }), false, url);
    }
    for (const bad of [null, 'openNote', { type: 'openNote' }, { type: 'openNote', page, href: 42 }, { type: 'runScript', page }]) {
      assert.strictEqual(await api.preview.receive(bad), false, JSON.stringify(bad));
    }
  });

  test('a tag-click message shows the tag page, nested tags included', async () => {
    const page = api.preview.state()!.page;
    assert.ok(await api.preview.receive({ type: 'openTag', page, tag: 'ml' }));
    await waitFor('the tag page shows', () => api.preview.state()?.kind === 'tag');
    const state = api.preview.state()!;
    assert.strictEqual(state.name, 'ml');
    const shown = [...state.html.matchAll(/<article class="note tag-page-note" data-path="([^"]+)"/g)].map(m => m[1]);
    const expected = [...new Set(api.indexFor(folder())!.notesWithTag('ml').map(o => o.path))];
    assert.deepStrictEqual([...shown].sort(), [...expected].sort());
  });

  test('Show Tag Page takes a tag string with #, or a tree item with a tag property', async () => {
    await vscode.commands.executeCommand('marginalia.showTagPage', '#attention');
    await waitFor('#attention shows', () => api.preview.state()?.name === 'attention');
    await vscode.commands.executeCommand('marginalia.showTagPage', { tag: 'ml/transformers' });
    await waitFor('#ml/transformers shows', () => api.preview.state()?.name === 'ml/transformers');
  });

  test('Show Tag Page from a row of the Tags view (its context menu passes the row)', async () => {
    const roots = await api.sidebar.tags.getChildren();
    const row = roots.find(r => r.kind === 'tag' && r.tag === 'attention');
    assert.ok(row, 'the Tags view lists #attention');
    await vscode.commands.executeCommand('marginalia.showTagPage', row);
    await waitFor('#attention shows', () => api.preview.state()?.name === 'attention');
  });

  test('Export Note as HTML writes one standalone page with the fonts inlined', async () => {
    const to = uriOf('.export-test/transformers.html');
    await vscode.commands.executeCommand('marginalia.exportHtml', uriOf('transformers.md'), to);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(to));
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /url\(data:font\/woff2;base64,/);
    assert.match(html, /<img class="embed-image" src="data:image\/png;base64,/);
    assert.doesNotMatch(html, /<script/);
    await vscode.workspace.fs.delete(uriOf('.export-test'), { recursive: true });
  });

  test('marginalia.preview.backlinks: false leaves the Backlinks section out', async () => {
    const config = vscode.workspace.getConfiguration('marginalia.preview');
    await vscode.window.showTextDocument(uriOf('transformers.md'), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('marginalia.openPreviewToSide'); // it shows a tag page: back to the note
    await waitFor('the preview shows transformers.md', () => api.preview.state()?.name === 'transformers.md');
    await waitFor('it has a Backlinks section', () => api.preview.state()!.html.includes('class="backlinks"'));
    await config.update('backlinks', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the section is gone', () => !api.preview.state()!.html.includes('class="backlinks"'));
    } finally {
      await config.update('backlinks', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a preview in the editor\'s own group (Open Preview) navigates in place on a link click; the editor follows behind', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the panel is closed', () => api.preview.state() === undefined);
    await vscode.window.showTextDocument(uriOf('transformers.md'), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('marginalia.openPreview');
    await waitFor('the preview shows transformers.md', () => api.preview.state()?.name === 'transformers.md');
    assert.strictEqual(api.preview.state()!.viewColumn, vscode.ViewColumn.One, 'in the editor\'s group');
    const page = api.preview.state()!.page;
    assert.ok(await api.preview.receive({ type: 'openNote', page, href: 'gpt3.md' }));
    await waitFor('the preview shows gpt3.md', () => api.preview.state()?.name === 'gpt3.md');
    const group = vscode.window.tabGroups.all.find(g => g.viewColumn === vscode.ViewColumn.One)!;
    await waitFor('the preview is in front', () => group.activeTab?.input instanceof vscode.TabInputWebview);
    assert.strictEqual(api.preview.state()!.viewColumn, vscode.ViewColumn.One);
    assert.ok(group.tabs.some(t => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/gpt3.md')), 'the editor followed behind it');
    assert.strictEqual(vscode.window.tabGroups.all.length, 1, 'no second group opened');
  });

  test("VS Code's own Markdown preview renders wiki-links, tags, callouts and \\( \\) math through the plugin", async () => {
    const doc = await vscode.workspace.openTextDocument(uriOf('transformers.md'));
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    assert.match(html, /<a class="wikilink" data-target="papers\/attention-is-all-you-need" href="\/papers\/attention-is-all-you-need\.md"/);
    assert.match(html, /<a class="wikilink missing" data-target="bitter-lesson"/);
    assert.match(html, /class="tag" data-tag="attention"/);
    assert.match(html, /class="katex"/);
    assert.match(html, /class="sidenote"/);
    const callout = await vscode.commands.executeCommand<string>('markdown.api.render', '> [!tip] Title\n> body');
    assert.match(callout, /class="callout" data-callout="tip"/);
  });
});
