// Small vaults in, the command line's answers out, markdown-it style: each folder
// `test/fixtures/vaults/X/` has `X.expected.txt` beside it, a transcript of commands
// (`$ check`, `$ backlinks Movies --json`: DIR is inserted after the command) and what each
// prints, stdout then stderr (marked `!`), then its exit code. A person can read and check it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';

const dir = path.resolve(__dirname, '../../../../test/fixtures/vaults');

async function transcript(vault: string, commands: string[]): Promise<string> {
  let text = '';
  for (const command of commands) {
    const [name, ...rest] = command.split(' ').filter((w) => w !== '');
    let out = '';
    let err = '';
    const code = await runCli([name, vault, ...rest], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
    text += `$ ${command}\n${out}${err.split('\n').filter((l) => l !== '').map((l) => `! ${l.replace(vault, 'DIR')}\n`).join('')}exit ${code}\n\n`;
  }
  return text;
}

if (require.main !== module) suite('cli: fixture vaults', () => {
  const vaults = fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  test('there are fixture vaults', () => {
    assert.ok(vaults.length >= 2);
  });

  for (const name of vaults) {
    test(name, async () => {
      const expectedFile = path.join(dir, `${name}.expected.txt`);
      const expected = fs.readFileSync(expectedFile, 'utf8');
      const commands = expected.split('\n').filter((l) => l.startsWith('$ ')).map((l) => l.slice(2));
      assert.strictEqual(await transcript(path.join(dir, name), commands), expected);
    });
  }
});

/** `node out/test/unit/cli/vaultFixtures.test.js NAME`: writes NAME.expected.txt from its commands (to review by eye). */
if (require.main === module) {
  const name = process.argv[2];
  const file = path.join(dir, `${name}.expected.txt`);
  const commands = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('$ ')).map((l) => l.slice(2));
  void transcript(path.join(dir, name), commands).then((t) => fs.writeFileSync(file, t));
}
