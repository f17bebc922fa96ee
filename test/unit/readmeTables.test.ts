// The README's tables of commands and settings are generated from package.json
// (scripts/readme-tables.mjs): this fails when someone changes one without the other.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '../../..');
const script = path.join('scripts', 'readme-tables.mjs');

function check(dir: string): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(dir, script), '--check'], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

suite('README tables', () => {
  test('the commands and settings tables are those package.json makes (else: npm run readme-tables)', () => {
    const { status, stderr } = check(root);
    assert.strictEqual(status, 0, stderr);
  });

  test('a setting added to package.json and not to the README fails the check', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-tables-'));
    try {
      fs.mkdirSync(path.join(dir, 'scripts'));
      fs.copyFileSync(path.join(root, script), path.join(dir, script));
      fs.copyFileSync(path.join(root, 'README.md'), path.join(dir, 'README.md'));
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      const configuration = manifest.contributes.configuration;
      const part = Array.isArray(configuration) ? configuration[0] : configuration;
      part.properties['marginalia.somethingNew'] = { type: 'boolean', default: false, description: 'Not in the README yet.' };
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
      const { status, stderr } = check(dir);
      assert.strictEqual(status, 1);
      assert.match(stderr, /the settings table differs from package\.json/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
