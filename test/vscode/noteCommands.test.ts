// The note commands on disk: New Note (with and without a template), the daily notes,
// a random note, Copy Link to This Note; none overwrites a file, and the default
// keybindings are free in VS Code's own keymap.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, exists, folder, marginalia, removeScratch, run, textOf, uriOf, waitFor, writeNote } from './marginalia';

function isoDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

const config = () => vscode.workspace.getConfiguration('marginalia');

if (run === 'single') suite('note commands', () => {
  const dir = 'commands-scratch';
  suiteSetup(() => marginalia());
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    for (const name of ['newNoteFolder', 'newNoteTemplate', 'dailyNoteFolder', 'dailyNoteFormat', 'dailyNoteTemplate']) {
      await config().update(name, undefined, vscode.ConfigurationTarget.Workspace);
    }
    for (const path of ['journal', dir]) if (await exists(uriOf(path))) await removeScratch(path);
  });

  test('New Note creates the note in marginalia.newNoteFolder with its title, and opens it', async () => {
    await config().update('newNoteFolder', dir, vscode.ConfigurationTarget.Workspace);
    const created = await vscode.commands.executeCommand<vscode.Uri>('marginalia.newNote', 'Fresh Idea');
    assert.strictEqual(created?.toString(), uriOf(`${dir}/Fresh Idea.md`).toString());
    assert.strictEqual(await textOf(created), '# Fresh Idea\n');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
  });

  test('New Note fills the template: {{title}}, {{date}}, {{time}}', async () => {
    await writeNote(uriOf(`${dir}/templates/note.md`), '---\ncreated: {{date}} {{time}}\n---\n# {{title}}\n\n');
    await config().update('newNoteTemplate', `${dir}/templates/note.md`, vscode.ConfigurationTarget.Workspace);
    const created = await vscode.commands.executeCommand<vscode.Uri>('marginalia.newNote', 'Templated');
    assert.match(await textOf(created!), /^---\ncreated: \d{4}-\d\d-\d\d \d\d:\d\d\n---\n# Templated\n\n$/);
    await config().update('newNoteTemplate', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('a template outside the workspace folder (absolute, or through ..) is never copied into a note', async () => {
    const secret = vscode.Uri.joinPath(folder(), '..', 'marginalia-secret-template.md');
    await vscode.workspace.fs.writeFile(secret, new TextEncoder().encode('PRIVATE KEY\n'));
    try {
      for (const [i, path] of [secret.fsPath, '../marginalia-secret-template.md', `${dir}/../../marginalia-secret-template.md`].entries()) {
        await config().update('newNoteTemplate', path, vscode.ConfigurationTarget.Workspace);
        const created = await vscode.commands.executeCommand<vscode.Uri>('marginalia.newNote', `Outside ${i}`);
        assert.ok(created, path);
        assert.doesNotMatch(await textOf(created), /PRIVATE KEY/, path);
      }
    } finally {
      await config().update('newNoteTemplate', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(secret);
    }
  });

  test('New Note never overwrites: an existing note is opened as it is', async () => {
    await writeNote(uriOf(`${dir}/Kept.md`), 'my own words\n');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('marginalia.newNote', 'Kept');
    assert.strictEqual(opened?.toString(), uriOf(`${dir}/Kept.md`).toString());
    assert.strictEqual(await textOf(opened!), 'my own words\n');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), opened!.toString());
  });

  test('New Note is one undoable edit', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('marginalia.newNote', 'Undone');
    assert.ok(created && await exists(created));
    await vscode.commands.executeCommand('undo');
    const deadline = Date.now() + 10000;
    while (await exists(created) && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
    assert.ok(!(await exists(created)));
  });

  test("Open Today's Note creates journal/YYYY-MM-DD.md once, then opens it untouched", async () => {
    const today = await vscode.commands.executeCommand<vscode.Uri>('marginalia.openDailyNote');
    assert.strictEqual(today?.toString(), uriOf(`journal/${isoDay(0)}.md`).toString());
    assert.strictEqual(await textOf(today!), `# ${isoDay(0)}\n`);
    await writeNote(today!, `# ${isoDay(0)}\n\nwritten by me\n`);
    const again = await vscode.commands.executeCommand<vscode.Uri>('marginalia.openDailyNote');
    assert.strictEqual(again?.toString(), today!.toString());
    assert.strictEqual(await textOf(today!), `# ${isoDay(0)}\n\nwritten by me\n`);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), today!.toString());
  });

  test("yesterday's and tomorrow's notes, a folder, a format and a template from the settings", async () => {
    const yesterday = await vscode.commands.executeCommand<vscode.Uri>('marginalia.openYesterdaysNote');
    assert.strictEqual(yesterday?.toString(), uriOf(`journal/${isoDay(-1)}.md`).toString());
    await writeNote(uriOf(`${dir}/templates/day.md`), '# {{title}}\n\nOn {{date}}:\n');
    await config().update('dailyNoteFolder', `${dir}/daily`, vscode.ConfigurationTarget.Workspace);
    await config().update('dailyNoteFormat', 'YYYY/[day] YYYY-MM-DD', vscode.ConfigurationTarget.Workspace);
    await config().update('dailyNoteTemplate', `${dir}/templates/day.md`, vscode.ConfigurationTarget.Workspace);
    const tomorrow = await vscode.commands.executeCommand<vscode.Uri>('marginalia.openTomorrowsNote');
    const name = `day ${isoDay(1)}`;
    assert.strictEqual(tomorrow?.toString(), uriOf(`${dir}/daily/${isoDay(1).slice(0, 4)}/${name}.md`).toString());
    assert.strictEqual(await textOf(tomorrow!), `# ${name}\n\nOn ${isoDay(1)}:\n`);
  });

  test('Open Random Note opens another note of the vault', async () => {
    await vscode.window.showTextDocument(uriOf('gpt3.md'));
    const api = await marginalia();
    const opened = await vscode.commands.executeCommand<vscode.Uri>('marginalia.openRandomNote');
    assert.ok(opened && opened.path.endsWith('.md') && !opened.path.endsWith('/gpt3.md'), String(opened));
    const path = opened.path.slice(folder().path.length + 1);
    assert.ok(api.indexFor(folder())!.note(path), `${path} is a note of the vault`);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), opened.toString());
  });

  test('Copy Link to This Note: the shortest unique target, with the heading under the selection', async () => {
    const editor = await vscode.window.showTextDocument(uriOf('gpt3.md'));
    editor.selection = new vscode.Selection(8, 0, 8, 0); // the first paragraph: in the body, not on a heading
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.copyWikiLink'), '[[gpt3]]');
    assert.strictEqual(await vscode.env.clipboard.readText(), '[[gpt3]]');
    const examples = editor.document.getText().split('\n').indexOf('## Examples');
    editor.selection = new vscode.Selection(examples, 3, examples, 3);
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.copyWikiLink'), '[[gpt3#Examples]]');
    editor.selection = new vscode.Selection(examples + 2, 2, examples + 2, 12);
    assert.strictEqual(await vscode.commands.executeCommand('marginalia.copyWikiLink'), '[[gpt3#Examples]]');
  });

  test('the default keybindings are not taken by VS Code itself', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    await waitFor('the default keymap opens', () => vscode.window.activeTextEditor?.document.getText().includes('"key"') === true);
    const keymap = vscode.window.activeTextEditor!.document.getText();
    const taken = (key: string) => [...keymap.matchAll(/"key":\s*"([^"]+)",\s*"command":\s*"([^"]+)"/g)]
      .filter(m => m[1] === key && !m[2].startsWith('marginalia.')).map(m => m[2]);
    const all = vscode.extensions.getExtension('marginalia.marginalia')!.packageJSON.contributes.keybindings as { command: string; key: string; when?: string }[];
    assert.deepStrictEqual(all.map(k => k.command).sort(), ['marginalia.followLink', 'marginalia.newNote', 'marginalia.openDailyNote']);
    // F12 in a markdown editor is meant to take VS Code's Go to Definition, which it runs itself off a missing link (followLink.ts).
    assert.match(all.find(k => k.command === 'marginalia.followLink')!.when ?? '', /editorLangId == markdown/);
    const ours = all.filter(k => k.command !== 'marginalia.followLink');
    for (const { key } of ours) assert.deepStrictEqual(taken(key), [], `${key} is also bound by VS Code`);
    assert.ok(keymap.length > 10000, 'the keymap was read');
  });
});
