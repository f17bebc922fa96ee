// The graph panel as a user works it, checked in a real VS Code by what it leaves behind (the
// panel's data and controls, the workspace settings, the editors and their groups), not by the
// messages' shapes: named views from `marginalia.graph.views` chosen from the drop-down and by
// Use Graph View (a malformed entry skipped), a click that opens the note in the editor's group
// with the focus while the graph stays in view, Ctrl/Cmd+click opening to the side, and the CLI
// printing the local graph and filters the panel shows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/api';
import type { GraphData } from '../../src/core/graph/graphData';
import { DEFAULT_VIEW, type GraphViewState } from '../../media/src/graph/messages';
import { runCli } from '../../src/cli/main';
import { folder, marginalia, run, uriOf, waitFor } from './marginalia';

type Panel = MarginaliaApi['graph']['global'];

const PAPERS: GraphViewState & { name: string } = { ...DEFAULT_VIEW, name: 'Papers', filter: 'path:papers/', groupBy: 'tag', sizeBy: 'pagerank' };
const PEOPLE: GraphViewState & { name: string } = { ...DEFAULT_VIEW, name: 'People and tags', filter: 'path:people/', tags: true, depth: 2 };

async function setViews(views: unknown[] | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('marginalia.graph').update('views', views, vscode.ConfigurationTarget.Workspace);
}

/** Sets the panel's controls as the webview would, and waits until its picture follows them. */
async function setControls(panel: Panel, change: Partial<GraphViewState>): Promise<void> {
  const want = { ...panel.state()!.viewState, ...change };
  assert.ok(await panel.receive({ type: 'state', state: want }));
  await waitFor('the panel shows the new controls', () => JSON.stringify(panel.state()!.viewState) === JSON.stringify(want));
}

/** The editor groups' columns showing a graph panel (its tab active in the group: in view). */
function graphColumnsInView(): number[] {
  return vscode.window.tabGroups.all
    .filter(g => g.activeTab?.input instanceof vscode.TabInputWebview && /marginalia\.graph$/.test(g.activeTab.input.viewType))
    .map(g => g.viewColumn);
}

function activeFileIn(column: number): string | undefined {
  const tab = vscode.window.tabGroups.all.find(g => g.viewColumn === column)?.activeTab;
  return tab?.input instanceof vscode.TabInputText ? vscode.workspace.asRelativePath(tab.input.uri, false) : undefined;
}

const activeFile = () => vscode.window.activeTextEditor && vscode.workspace.asRelativePath(vscode.window.activeTextEditor.document.uri, false);

/** A click inside the webview focuses the graph's group first; so does this. */
async function focusGraph(): Promise<void> {
  const column = graphColumnsInView()[0];
  assert.ok(column, 'the graph is in view');
  const focusCommand = ['', 'workbench.action.focusFirstEditorGroup', 'workbench.action.focusSecondEditorGroup', 'workbench.action.focusThirdEditorGroup'][column];
  const focused = () => vscode.window.tabGroups.activeTabGroup.viewColumn === column && vscode.window.activeTextEditor === undefined;
  // Asked again while it has not taken: on a loaded machine the command once ran while the editor
  // just opened by the last test still took the focus, and the graph's group never got it (CI, 2 of ~10 runs).
  const deadline = Date.now() + 15000;
  do {
    await vscode.commands.executeCommand(focusCommand);
    try {
      await waitFor('the graph has the focus', focused, 3000);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
  } while (!focused());
}

if (run === 'single') suite('graph views, clicks and the CLI', () => {
  let api: MarginaliaApi;

  suiteSetup(async function () {
    this.timeout(90000);
    api = await marginalia();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(uriOf('transformers.md'), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('marginalia.showGraph');
    // The first webview of a cold workbench loads slowly on a busy machine.
    await waitFor('the graph webview is ready and drawn', () => (api.graph.global.state()?.data.nodes.length ?? 0) > 0, 80000);
    await setControls(api.graph.global, DEFAULT_VIEW);
  });

  suiteTeardown(async () => {
    await setViews(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a named view chosen from the drop-down sets the filter, colouring, size, depth and toggles', async () => {
    await setViews([PAPERS, PEOPLE]);
    const panel = api.graph.global;
    assert.ok(await panel.receive({ type: 'useView', name: 'Papers' }));
    await waitFor('the view is applied', () => panel.state()!.viewState.filter === 'path:papers/');
    const { name: _, ...papers } = PAPERS;
    assert.deepStrictEqual(panel.state()!.viewState, papers);
    assert.deepStrictEqual(panel.state()!.data.nodes.map(n => n.id), ['papers/attention-is-all-you-need.md', 'papers/language-models-are-few-shot-learners.md']);
    assert.ok(await panel.receive({ type: 'useView', name: 'People and tags' }));
    await waitFor('the second view is applied', () => panel.state()!.viewState.filter === 'path:people/');
    assert.ok(panel.state()!.data.nodes.some(n => n.type === 'tag'), 'its tags toggle is on');
    assert.strictEqual(await panel.receive({ type: 'useView', name: 'No such view' }), false);
    await setControls(panel, DEFAULT_VIEW);
  });

  test('Use Graph View offers the saved views, skipping a malformed one, and applies the one picked', async () => {
    await setViews([{ name: 'Broken', depth: 9 }, 'not a view', PEOPLE, PAPERS]);
    const panel = api.graph.global;
    // The quick pick lists the well-formed views in order: the first one is "People and tags".
    const command = vscode.commands.executeCommand('marginalia.useGraphView');
    const deadline = Date.now() + 15000;
    while (panel.state()!.viewState.filter !== 'path:people/') {
      assert.ok(Date.now() < deadline, 'timed out waiting for the picked view to apply');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise(r => setTimeout(r, 200));
    }
    await command;
    const { name: _, ...people } = PEOPLE;
    assert.deepStrictEqual(panel.state()!.viewState, people);
    await setControls(panel, DEFAULT_VIEW);
  });

  test('a click opens the note in the editor\'s group with the focus there; the graph stays in view', async function () {
    this.timeout(60000);
    const graphColumn = graphColumnsInView()[0];
    assert.ok(graphColumn && graphColumn !== 1, 'the graph opened beside the editor');
    await focusGraph();
    assert.ok(await api.graph.global.receive({ type: 'open', id: 'gpt3.md', toSide: false }));
    await waitFor('gpt3.md is the active editor', () => activeFile() === 'gpt3.md');
    assert.strictEqual(vscode.window.activeTextEditor!.viewColumn, vscode.ViewColumn.One, 'in the editor\'s group, not over the graph');
    // The tab groups' active group follows the active editor in an event of its own (2 for a while on a loaded machine).
    await waitFor('the focus moved to the editor', () => vscode.window.tabGroups.activeTabGroup.viewColumn === vscode.ViewColumn.One);
    assert.deepStrictEqual(graphColumnsInView(), [graphColumn], 'the graph is still in view');
  });

  test('Ctrl/Cmd+click opens the note to the side: the editor keeps its note and the graph stays in view', async function () {
    this.timeout(60000);
    const graphColumn = graphColumnsInView()[0];
    await focusGraph();
    assert.ok(await api.graph.global.receive({ type: 'open', id: 'bert.md', toSide: true }));
    await waitFor('bert.md is the active editor', () => activeFile() === 'bert.md');
    const column = vscode.window.activeTextEditor!.viewColumn;
    assert.ok(column !== vscode.ViewColumn.One && column !== graphColumn, `opened in a group of its own (column ${column})`);
    assert.strictEqual(activeFileIn(1), 'gpt3.md', 'the editor still shows its note');
    assert.deepStrictEqual(graphColumnsInView(), [graphColumn], 'the graph is still in view');

    // From the editor's group too (a keyboard user back in the note): still beside, never over the graph.
    await vscode.window.showTextDocument(uriOf('gpt3.md'), { viewColumn: vscode.ViewColumn.One });
    assert.ok(await api.graph.global.receive({ type: 'open', id: 'deep-learning.md', toSide: true }));
    await waitFor('deep-learning.md is the active editor', () => activeFile() === 'deep-learning.md');
    assert.notStrictEqual(vscode.window.activeTextEditor!.viewColumn, vscode.ViewColumn.One);
    assert.strictEqual(activeFileIn(1), 'gpt3.md', 'the editor still shows its note');
    assert.deepStrictEqual(graphColumnsInView(), [graphColumn], 'the graph is still in view');
  });

  test('the CLI prints the local graph the panel shows, depth 1-3, with a filter and the toggles', async function () {
    this.timeout(60000);
    await vscode.window.showTextDocument(uriOf('people/geoffrey-hinton.md'), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('marginalia.showLocalGraph');
    const panel = api.graph.local;
    await waitFor('the local graph is drawn', () => panel.state()?.data.center === 'people/geoffrey-hinton.md', 50000);
    const cli = async (...options: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(['graph', folder().fsPath, '--json', '--local', 'people/geoffrey-hinton.md', ...options], { out: t => (out += t), err: t => (err += t) });
      assert.strictEqual(code, 0, err);
      return JSON.parse(out) as GraphData;
    };
    const cases: { controls: Partial<GraphViewState>; options: string[] }[] = [
      { controls: { depth: 1 }, options: ['--depth', '1', '--no-placeholders', '--no-attachments'] },
      { controls: { depth: 2, placeholders: true, attachments: true }, options: ['--depth', '2'] },
      { controls: { depth: 3, tags: true, orphans: false }, options: ['--depth', '3', '--tags', '--no-placeholders', '--no-attachments', '--no-orphans'] },
      { controls: { depth: 2, filter: '-path:papers/ OR tag:#ml' }, options: ['--depth', '2', '--filter', '-path:papers/ OR tag:#ml', '--no-placeholders', '--no-attachments'] },
    ];
    const sizes: number[] = [];
    for (const { controls, options } of cases) {
      await setControls(panel, { ...DEFAULT_VIEW, ...controls });
      const shown = panel.state()!.data;
      const printed = await cli(...options);
      assert.deepStrictEqual(printed, shown, `the CLI with ${options.join(' ')} prints what the panel shows`);
      sizes.push(shown.nodes.length);
    }
    assert.strictEqual(sizes[0], 5, 'depth 1 as EXPECTED.md and the panel test say');
    assert.ok(new Set(sizes).size > 2, `the cases draw different pictures (${sizes.join(', ')})`);
    await setControls(panel, DEFAULT_VIEW);
  });
});
