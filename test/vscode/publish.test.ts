// "Marginalia: Publish Vault…" in a real VS Code: the command is there under its exact name,
// publishes the open vault into the folder it is given (the site's pages, search and the
// marker) with its citations formatted, and refuses a folder inside the vault.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { folder, marginalia, run } from './marginalia';

if (run === 'single') suite('publish', () => {
  suiteSetup(async () => {
    await marginalia();
  });

  test('the command is contributed as Marginalia: Publish Vault…', async () => {
    const ext = vscode.extensions.all.find(e => e.packageJSON?.name === 'marginalia')!;
    const command = ext.packageJSON.contributes.commands.find((c: { command: string }) => c.command === 'marginalia.publish');
    assert.deepStrictEqual({ title: command.title, category: command.category }, { title: 'Publish Vault…', category: 'Marginalia' });
    assert.ok((await vscode.commands.getCommands(true)).includes('marginalia.publish'));
    const settings = Object.keys(ext.packageJSON.contributes.configuration.properties).filter(k => k.startsWith('marginalia.publish.'));
    assert.deepStrictEqual(settings.sort(), ['marginalia.publish.backlinks', 'marginalia.publish.baseUrl', 'marginalia.publish.exclude', 'marginalia.publish.include', 'marginalia.publish.title']);
  });

  test('publishes the vault into the folder given: a page per note, tag pages, search', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-site-'));
    try {
      const site = await vscode.commands.executeCommand<vscode.Uri | undefined>('marginalia.publish', vscode.Uri.file(out));
      assert.strictEqual(site?.fsPath, out);
      for (const f of ['index.html', 'transformers/index.html', 'papers/attention-is-all-you-need/index.html', 'tags/attention/index.html', 'search.json', 'search/docs.json', 'search/words-0.json', 'assets/site.js', 'marginalia-site.json']) {
        assert.ok(fs.existsSync(path.join(out, f)), f);
      }
      assert.match(fs.readFileSync(path.join(out, 'transformers/index.html'), 'utf8'), /class="sidenote"/);
      // Citations drawn as the preview draws them: formatted (APA by default), the reference in the margin, References.
      const paper = fs.readFileSync(path.join(out, 'papers/attention-is-all-you-need/index.html'), 'utf8');
      assert.match(paper, /<cite class="citation" data-cites="vaswani2017">\(Vaswani et al\., 2017, sec\. 4\)<\/cite>/);
      assert.match(paper, /class="sidenote citation-sidenote"[^>]*>.*Attention is all you need/i);
      assert.match(paper, /<h2 class="references-title">References<\/h2>/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('a folder inside the vault is refused: nothing is written', async () => {
    const inside = vscode.Uri.joinPath(folder(), 'site-here');
    const site = await vscode.commands.executeCommand<vscode.Uri | undefined>('marginalia.publish', inside);
    assert.strictEqual(site, undefined);
    assert.ok(!fs.existsSync(inside.fsPath));
  });
});
