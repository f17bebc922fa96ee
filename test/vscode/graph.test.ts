// The graph panels in a real VS Code: the data sent to the webview (counts of the sample vault
// as in test/fixtures/EXPECTED.md, toggles, a query filter, local depth 1-3), a vault change
// reaching it as a diff (edit, create, delete, rename), positions kept across a reopening, a
// hostile title carried only as data, and the CLI printing the same graph as the panel.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../src/vscode/api';
import type { GraphPanelState } from '../../src/vscode/graph/panel';
import { DEFAULT_VIEW, type GraphViewState, type ToGraphWebview } from '../../media/src/graph/messages';
import { runCli } from '../../src/cli/main';
import { GROUP_PALETTE_SIZE, groupSlots } from '../../src/core/graph/groupColors';
import { exists, folder, marginalia, removeScratch, run, uriOf, waitFor, writeNote } from './marginalia';

type Panel = MarginaliaApi['graph']['global'];
const graphs = (s: GraphPanelState | undefined) => s?.sent.filter(m => m.type === 'graph') ?? [];
const last = (s: GraphPanelState | undefined) => s?.sent[s.sent.length - 1];

/** Sends the controls' state and waits for the whole picture it asks for. */
async function setState(panel: Panel, change: Partial<GraphViewState>): Promise<GraphPanelState> {
  const before = graphs(panel.state()).length;
  assert.ok(await panel.receive({ type: 'state', state: { ...panel.state()!.viewState, ...change } }));
  await waitFor('the new picture is sent', () => graphs(panel.state()).length > before);
  return panel.state()!;
}

if (run === 'single') suite('graph panels', () => {
  let api: MarginaliaApi;

  suiteSetup(async () => {
    api = await marginalia();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Graph sends the whole vault: 13 notes and 48 edges (54 links), grouped by folder', async function () {
    this.timeout(90000); // the first webview of a cold workbench loads slowly on a busy machine
    await vscode.window.showTextDocument(uriOf('transformers.md'));
    await vscode.commands.executeCommand('marginalia.showGraph');
    await waitFor('the webview is ready and has its graph', () => graphs(api.graph.global.state()).length > 0, 80000);
    const state = await setState(api.graph.global, DEFAULT_VIEW);
    assert.strictEqual(state.data.nodes.length, 13);
    assert.strictEqual(state.data.edges.length, 48);
    assert.strictEqual(state.data.edges.reduce((s, e) => s + e.count, 0), 54);
    assert.deepStrictEqual(state.data.groups.map(g => g.name), ['/', 'papers/', 'people/', 'podcasts/']);
  });

  test('an opening posts its picture while the page loads, before its `ready`, and the page draws it', async function () {
    this.timeout(90000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(uriOf('transformers.md'));
    await vscode.commands.executeCommand('marginalia.showGraph');
    const panel = api.graph.global;
    // The page reports the nodes it drew only once it has a picture.
    await waitFor('the page drew the picture', () => panel.state()?.lastStats?.nodes === 13, 80000);
    const state = panel.state()!;
    assert.ok((state.postedBeforeReady ?? 0) >= 1, `the picture was posted before the page said ready (${state.postedBeforeReady} messages before)`);
    // Its `ready` is answered by `posted`, not by a second picture. A page that still holds no
    // picture then says `ready` again (VS Code dropped what was posted while it loaded: seen on a
    // loaded machine) and gets one picture for that `ready`: one picture per `ready`, never more.
    assert.ok(state.sent.some(m => m.type === 'posted'), 'the first `ready` was answered by `posted`');
    assert.strictEqual(graphs(state).length, state.readies, `one picture for each \`ready\` (${state.readies} ready, messages sent: ${state.sent.map(m => m.type).join(' ')})`);
  });

  test('a page that lost the picture posted while it loaded asks again when told it was `posted`, and draws it', async function () {
    this.timeout(90000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(uriOf('transformers.md'));
    const panel = api.graph.global;
    panel.loseNextPicture();
    await vscode.commands.executeCommand('marginalia.showGraph');
    await waitFor('the page drew the picture it asked for again', () => panel.state()?.lastStats?.nodes === 13, 80000);
    assert.strictEqual(graphs(panel.state()).length, 2, 'the lost picture and the one the page asked for');
  });

  test('a page that says `ready` again (it lost the picture, or was loaded again) gets the whole picture', async () => {
    const panel = api.graph.global;
    const before = graphs(panel.state()).length;
    assert.ok(await panel.receive({ type: 'ready' }));
    assert.strictEqual(graphs(panel.state()).length, before + 1);
  });

  test('toggles: notes not written yet (5), tags (15), attachments (1)', async () => {
    const panel = api.graph.global;
    assert.strictEqual((await setState(panel, { placeholders: true })).data.nodes.filter(n => n.type === 'placeholder').length, 5);
    assert.strictEqual((await setState(panel, { placeholders: false, tags: true })).data.nodes.filter(n => n.type === 'tag').length, 15);
    const withAttachments = await setState(panel, { tags: false, attachments: true });
    assert.deepStrictEqual(withAttachments.data.nodes.filter(n => n.type === 'attachment').map(n => n.id), ['attachments/figure.png']);
    await setState(panel, DEFAULT_VIEW);
  });

  test('a query filter keeps its notes; a bad query says so and shows the whole vault', async () => {
    const panel = api.graph.global;
    const papers = await setState(panel, { filter: 'path:papers/' });
    assert.deepStrictEqual(papers.data.nodes.map(n => n.id), ['papers/attention-is-all-you-need.md', 'papers/language-models-are-few-shot-learners.md']);
    const bad = await setState(panel, { filter: 'folder:papers' });
    assert.match(bad.problem ?? '', /unknown field "folder:"/);
    assert.strictEqual(bad.data.nodes.length, 13);
    await setState(panel, DEFAULT_VIEW);
  });

  test('a malformed message from the webview is refused', async () => {
    assert.strictEqual(await api.graph.global.receive({ type: 'state', state: { depth: 9 } }), false);
    assert.strictEqual(await api.graph.global.receive({ type: 'open', id: '../../etc/passwd', toSide: false }), false);
  });

  test('Show Local Graph: geoffrey-hinton.md at depth 1, 2 and 3 has 5, 12 and 13 nodes', async function () {
    this.timeout(90000);
    await vscode.window.showTextDocument(uriOf('people/geoffrey-hinton.md'), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('marginalia.showLocalGraph');
    await waitFor('the local graph is sent', () => graphs(api.graph.local.state()).length > 0, 80000);
    const sizes: number[] = [];
    for (const depth of [1, 2, 3]) sizes.push((await setState(api.graph.local, { ...DEFAULT_VIEW, depth })).data.nodes.length);
    assert.deepStrictEqual(sizes, [5, 12, 13]);
    assert.strictEqual(api.graph.local.state()!.data.center, 'people/geoffrey-hinton.md');
    await setState(api.graph.local, DEFAULT_VIEW);
  });

  test('the local graph follows the editor by a diff', async () => {
    const sentGraphs = graphs(api.graph.local.state()).length;
    await vscode.window.showTextDocument(uriOf('reading-list.md'), { viewColumn: vscode.ViewColumn.One });
    await waitFor('the local graph is centred on reading-list.md', () => api.graph.local.state()?.data.center === 'reading-list.md');
    assert.strictEqual(graphs(api.graph.local.state()).length, sentGraphs, 'no whole picture re-sent');
    assert.strictEqual(last(api.graph.local.state())?.type === 'diff' || last(api.graph.local.state())?.type === 'active', true);
  });

  test('a click message opens the note in the editor; the panel stays', async () => {
    assert.ok(await api.graph.global.receive({ type: 'open', id: 'gpt3.md', toSide: false }));
    await waitFor('gpt3.md is the active editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uriOf('gpt3.md').toString());
    assert.ok(api.graph.global.state(), 'the graph panel is still open');
  });

  test('create, edit, rename and delete each reach the graph as a diff, never a re-send; the page\'s node count follows', async () => {
    const panel = api.graph.global;
    const sentGraphs = graphs(panel.state()).length;
    const diffs = () => panel.state()!.sent.filter((m): m is Extract<ToGraphWebview, { type: 'diff' }> => m.type === 'diff');
    const has = (id: string) => panel.state()!.data.nodes.some(n => n.id === id);
    const edge = (s: string, t: string) => panel.state()!.data.edges.some(e => e.source === s && e.target === t);
    /** The diffs sent since `seen`, as one list of each field. */
    const since = (seen: number) => {
      const d = diffs().slice(seen).map(m => m.diff);
      return {
        upsertNodes: d.flatMap(x => x.upsertNodes.map(n => n.id)),
        removeNodes: d.flatMap(x => x.removeNodes),
        upsertEdges: d.flatMap(x => x.upsertEdges.map(e => `${e.source} -> ${e.target}`)),
        removeEdges: d.flatMap(x => x.removeEdges.map(([s, t]) => `${s} -> ${t}`)),
        renamed: d.flatMap(x => (x.renamed ?? []).map(([f, t]) => `${f} -> ${t}`)),
      };
    };
    /** The page reports the nodes it holds after each diff it applied. */
    const pageHolds = (n: number) => waitFor(`the page holds ${n} nodes`, () => panel.state()!.lastStats?.nodes === n);
    const count = panel.state()!.data.nodes.length;
    await pageHolds(count);

    let seen = diffs().length;
    await writeNote(uriOf('papers/graph-scratch/new-idea.md'), '# New idea\n\nBuilds on [[gpt3]].\n');
    await waitFor('the created note is in the graph', () => has('papers/graph-scratch/new-idea.md') && edge('papers/graph-scratch/new-idea.md', 'gpt3.md'));
    let d = since(seen);
    assert.ok(d.upsertNodes.includes('papers/graph-scratch/new-idea.md'), 'the new node is sent');
    assert.ok(d.upsertNodes.includes('gpt3.md'), 'the note it links gains a link in');
    assert.deepStrictEqual(d.upsertEdges, ['papers/graph-scratch/new-idea.md -> gpt3.md']);
    assert.deepStrictEqual(d.removeNodes, []);
    await pageHolds(count + 1);

    seen = diffs().length;
    await writeNote(uriOf('papers/graph-scratch/new-idea.md'), '# New idea\n\nBuilds on [[bert]] instead.\n');
    await waitFor('the edit moved the edge', () => edge('papers/graph-scratch/new-idea.md', 'bert.md') && !edge('papers/graph-scratch/new-idea.md', 'gpt3.md'));
    d = since(seen);
    assert.deepStrictEqual(d.removeEdges, ['papers/graph-scratch/new-idea.md -> gpt3.md']);
    assert.deepStrictEqual(d.upsertEdges, ['papers/graph-scratch/new-idea.md -> bert.md']);

    seen = diffs().length;
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uriOf('papers/graph-scratch/new-idea.md'), uriOf('papers/graph-scratch/renamed-idea.md'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the rename shows', () => has('papers/graph-scratch/renamed-idea.md') && !has('papers/graph-scratch/new-idea.md'));
    d = since(seen);
    assert.deepStrictEqual(d.renamed, ['papers/graph-scratch/new-idea.md -> papers/graph-scratch/renamed-idea.md'], 'the diff says which node moved');
    assert.deepStrictEqual(d.removeNodes, ['papers/graph-scratch/new-idea.md']);
    assert.ok(d.upsertNodes.includes('papers/graph-scratch/renamed-idea.md'));
    assert.ok(edge('papers/graph-scratch/renamed-idea.md', 'bert.md'), 'the renamed note keeps its link');
    await pageHolds(count + 1);

    seen = diffs().length;
    await removeScratch('papers/graph-scratch');
    await waitFor('the deleted note leaves the graph', () => !has('papers/graph-scratch/renamed-idea.md'));
    d = since(seen);
    assert.deepStrictEqual(d.removeNodes, ['papers/graph-scratch/renamed-idea.md']);
    assert.deepStrictEqual(d.removeEdges, ['papers/graph-scratch/renamed-idea.md -> bert.md']);
    assert.deepStrictEqual(d.upsertNodes, ['bert.md'], 'only the note it linked changes (a link in fewer)');
    assert.strictEqual(panel.state()!.data.nodes.length, 13);
    await pageHolds(13);
    assert.strictEqual(graphs(panel.state()).length, sentGraphs, 'no whole picture was re-sent for a vault change');
  });

  test('a rename the index sees as two halves far apart (create then delete, delete then create) goes out as one diff that says which node moved', async function () {
    this.timeout(60000);
    const panel = api.graph.global;
    if (!panel.state()) {
      await vscode.window.showTextDocument(uriOf('transformers.md'));
      await vscode.commands.executeCommand('marginalia.showGraph');
      await waitFor('the graph has its picture', () => graphs(panel.state()).length > 0, 50000);
    }
    const dir = 'papers/graph-halves';
    const text = '# Halves\n\nOn [[gpt3]].\n';
    const index = () => api.indexFor(folder())!;
    const has = (id: string) => panel.state()!.data.nodes.some(n => n.id === id);
    const diffs = () => panel.state()!.sent.filter((m): m is Extract<ToGraphWebview, { type: 'diff' }> => m.type === 'diff').map(m => m.diff);
    const touches = (d: ReturnType<typeof diffs>[number], id: string) => d.upsertNodes.some(n => n.id === id) || d.removeNodes.includes(id);
    await writeNote(uriOf(`${dir}/first.md`), text);
    await waitFor('the scratch note is in the graph', () => has(`${dir}/first.md`));
    // The editor announces each rename (onWillRenameFiles); the test then makes its halves through
    // the file watcher, one at a time, and waits until the panel has looked at the first one alone.
    const halves = async (from: string, to: string, first: () => Promise<void>, firstSeen: () => boolean, second: () => Promise<void>) => {
      const seen = diffs().length;
      panel.willRename(uriOf(`${dir}/${from}`), uriOf(`${dir}/${to}`));
      await first();
      await waitFor('the index has the first half and the panel has looked at it', () => firstSeen() && !panel.state()!.diffPending);
      assert.ok(!diffs().slice(seen).some(d => touches(d, `${dir}/${from}`) || touches(d, `${dir}/${to}`)), 'nothing of the half rename went out alone');
      assert.ok(panel.state()!.diffHeld, 'the diff waits for the other half');
      await second();
      await waitFor('the rename shows', () => has(`${dir}/${to}`) && !has(`${dir}/${from}`));
      const sent = diffs().slice(seen).filter(d => touches(d, `${dir}/${from}`) || touches(d, `${dir}/${to}`));
      assert.strictEqual(sent.length, 1, 'both halves in one diff');
      assert.deepStrictEqual(sent[0].renamed, [[`${dir}/${from}`, `${dir}/${to}`]], 'the diff says which node moved');
      assert.ok(!panel.state()!.diffHeld);
    };
    const write = (name: string) => () => writeNote(uriOf(`${dir}/${name}`), text);
    const remove = (name: string) => () => Promise.resolve(vscode.workspace.fs.delete(uriOf(`${dir}/${name}`)));
    await halves('first.md', 'second.md', write('second.md'), () => index().has(`${dir}/second.md`), remove('first.md'));
    await halves('second.md', 'third.md', remove('second.md'), () => !index().has(`${dir}/second.md`), write('third.md'));
    await removeScratch(dir);
  });

  test('the local graph recentred on another note while a rename is half seen waits for its other half', async function () {
    this.timeout(60000);
    const panel = api.graph.local;
    if (!panel.state()) {
      await vscode.window.showTextDocument(uriOf('reading-list.md'), { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('marginalia.showLocalGraph');
      await waitFor('the local graph is sent', () => graphs(panel.state()).length > 0, 50000);
    }
    const dir = 'papers/graph-local-halves';
    const index = () => api.indexFor(folder())!;
    await writeNote(uriOf(`${dir}/hub.md`), '# Hub\n\nSee [[local-half-first]].\n');
    await writeNote(uriOf(`${dir}/local-half-first.md`), '# First\n');
    await waitFor('both scratch notes are indexed', () => index().has(`${dir}/hub.md`) && index().has(`${dir}/local-half-first.md`));
    await waitFor('no diff waits', () => !panel.state()!.diffPending);
    panel.willRename(uriOf(`${dir}/local-half-first.md`), uriOf(`${dir}/local-half-second.md`));
    await vscode.workspace.fs.delete(uriOf(`${dir}/local-half-first.md`));
    await waitFor('the index has the first half and the panel has looked at it', () => !index().has(`${dir}/local-half-first.md`) && !panel.state()!.diffPending);
    const seen = panel.state()!.sent.length;
    await vscode.window.showTextDocument(uriOf(`${dir}/hub.md`), { viewColumn: vscode.ViewColumn.One });
    // The panel has followed the editor once it told the page the active note.
    await waitFor('the panel followed the editor', () => panel.state()!.sent.slice(seen).some(m => m.type === 'active' && m.id === `${dir}/hub.md`) && !panel.state()!.diffPending);
    assert.ok(!panel.state()!.sent.slice(seen).some(m => m.type === 'diff'), 'no diff went out with the rename half seen (it would show the note gone)');
    assert.ok(panel.state()!.diffHeld, 'the recentred picture waits for the other half');
    await writeNote(uriOf(`${dir}/local-half-second.md`), '# First\n');
    await waitFor('the local graph is centred on the hub once the rename is whole', () => panel.state()!.data.center === `${dir}/hub.md` && !panel.state()!.diffHeld);
    await removeScratch(dir);
  });

  test('positions survive closing and reopening the graph', async function () {
    this.timeout(90000);
    const file = api.graph.positionsFileFor(folder())!;
    // The webview sends positions when its layout settles; they are written a moment later.
    await waitForFile(file, () => api.graph.flushPositions());
    const kept = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, [number, number]>;
    assert.ok(kept['transformers.md'], 'transformers.md has a kept position');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.graph.forgetPositions();
    await vscode.window.showTextDocument(uriOf('transformers.md'));
    await vscode.commands.executeCommand('marginalia.showGraph');
    await waitFor('the reopened graph is sent', () => graphs(api.graph.global.state()).length > 0, 80000);
    const reopened = graphs(api.graph.global.state())[0] as Extract<ToGraphWebview, { type: 'graph' }>;
    const at = reopened.graph.ids.indexOf('transformers.md');
    assert.deepStrictEqual([reopened.positions[2 * at], reopened.positions[2 * at + 1]], kept['transformers.md']);
  });

  test('a new top-level folder is a diff (its group added to the legend, no node re-sent for a new number); every group keeps its colour after a reopening', async function () {
    this.timeout(180000);
    const panel = api.graph.global;
    if (!graphs(panel.state()).length) {
      await vscode.window.showTextDocument(uriOf('transformers.md'));
      await vscode.commands.executeCommand('marginalia.showGraph');
      await waitFor('the graph is sent', () => graphs(panel.state()).length > 0, 80000);
    }
    const sent = graphs(panel.state());
    const shown = sent[sent.length - 1] as Extract<ToGraphWebview, { type: 'graph' }>;
    const names = shown.graph.legend.map(g => g.name);
    // A folder whose hash meets an existing group's: given slots afresh, as a new page once did,
    // the two would trade colours. Chosen by the function that gives the slots.
    const now = shown.slots;
    const fresh = (name: string) => groupSlots([...names, name], GROUP_PALETTE_SIZE).slice(0, names.length);
    const newFolder = Array.from({ length: 1000 }, (_, i) => `graph-colour-${i}`).find(f => fresh(`${f}/`).some((slot, i) => slot !== now[i]));
    assert.ok(newFolder, 'a folder that would take another group\'s colour');
    const colours = () => new Map(panel.state()?.lastStats?.legend ?? []);
    // Run alone, this test opens the first webview of a cold workbench: it loads slowly on a busy machine.
    await waitFor('the page reports its legend', () => colours().size === names.length, 80000);
    const before = colours();

    const seen = panel.state()!.sent.length;
    const pictures = graphs(panel.state()).length;
    const readies = panel.state()!.readies;
    await writeNote(uriOf(`${newFolder}/note.md`), '# A note in a new folder\n\nSee [[gpt3]].\n');
    await waitFor('the new group is in the page\'s legend', () => colours().has(`${newFolder}/`));
    const after = colours();
    for (const [name, colour] of before) assert.strictEqual(after.get(name), colour, `${name} keeps its colour when ${newFolder}/ appears`);
    const diffs = panel.state()!.sent.slice(seen).filter((m): m is Extract<ToGraphWebview, { type: 'diff' }> => m.type === 'diff');
    // A page VS Code loaded again asks with `ready` and is answered by a picture (the designed
    // recovery, seen when this test opens the panel itself): only those, none for the edit.
    assert.strictEqual(graphs(panel.state()).length - pictures, panel.state()!.readies - readies, 'no whole picture re-sent but for a `ready`');
    assert.deepStrictEqual(diffs.flatMap(m => m.diff.upsertNodes.map(n => n.id)).sort(), ['gpt3.md', `${newFolder}/note.md`], 'only the new note and the note it links');
    assert.ok(diffs.some(m => m.diff.groups?.some(g => g.name === `${newFolder}/`)), 'the legend gains the group');

    // Closed and opened again, what was kept in memory forgotten (as after restarting VS Code).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.graph.forgetPositions();
    await vscode.window.showTextDocument(uriOf('transformers.md'));
    await vscode.commands.executeCommand('marginalia.showGraph');
    await waitFor('the reopened page reports its legend', () => colours().size === names.length + 1, 80000);
    assert.deepStrictEqual(colours(), after, 'every group has the colour it had');
    await removeScratch(newFolder!);
  });

  test('a hostile title and tag reach the webview only as data, never in its HTML', async () => {
    const title = '<img src=x onerror="alert(1)">';
    await writeNote(uriOf('graph-hostile/evil.md'), `---\ntitle: '${title}'\n---\n#x<script>alert(1)</script>\n[[gpt3]]\n`);
    const panel = api.graph.global;
    await waitFor('the hostile note is in the graph', () => panel.state()!.data.nodes.some(n => n.id === 'graph-hostile/evil.md'));
    const node = panel.state()!.data.nodes.find(n => n.id === 'graph-hostile/evil.md')!;
    assert.strictEqual(node.title, title, 'carried unchanged, as text for textContent and the canvas');
    await setState(panel, { tags: true });
    assert.ok(panel.state()!.data.nodes.some(n => n.type === 'tag' && n.title === '#x'), 'the tag stops at <');
    await setState(panel, DEFAULT_VIEW);
    await removeScratch('graph-hostile');
  });

  test('the CLI prints the graph the panel shows, with the same options', async () => {
    const panel = api.graph.global;
    const state = await setState(panel, { filter: 'tag:#ml OR path:people/', placeholders: true });
    let out = '';
    const code = await runCli(['graph', folder().fsPath, '--json', '--filter', 'tag:#ml OR path:people/', '--no-attachments'], { out: t => (out += t), err: () => undefined });
    assert.strictEqual(code, 0);
    const cli = JSON.parse(out) as typeof state.data;
    assert.deepStrictEqual(cli.nodes, state.data.nodes);
    assert.deepStrictEqual(cli.edges, state.data.edges);
    await setState(panel, DEFAULT_VIEW);
  });
});

async function waitForFile(file: vscode.Uri, flush: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 20000;
  while ((await flush(), !(await exists(file)))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file.fsPath}`);
    await new Promise(r => setTimeout(r, 200));
  }
}
