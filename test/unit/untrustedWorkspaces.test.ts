// Restricted Mode (DESIGN.md §8): a cloned repository's .vscode/settings.json must not name the
// files Marginalia reads or writes. VS Code ignores a workspace's value of every setting listed
// in capabilities.untrustedWorkspaces.restrictedConfigurations until the folder is trusted.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));

suite('package.json: untrusted workspaces', () => {
  const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];
  const settings = Object.keys(manifest.contributes.configuration.properties ?? {});

  test('every setting that names a file or folder is restricted', () => {
    const paths = settings.filter(s => /Template$|Folder$/.test(s));
    assert.ok(paths.includes('marginalia.newNoteTemplate') && paths.includes('marginalia.dailyNoteTemplate'));
    assert.deepStrictEqual(paths.filter(s => !restricted.includes(s)), []);
  });

  test('every restricted setting exists', () => {
    assert.deepStrictEqual(restricted.filter(s => !settings.includes(s)), []);
  });
});
