// The extensionTestsPath entry: VS Code's extension host loads this file and awaits run()
// (the contract @vscode/test-electron uses too, so one suite serves both launchers).
// Runs mocha over every out/test/vscode/**/*.test.js and writes the results as JSON to
// $MARGINALIA_TEST_RESULTS for the launcher, which prints the failures and the counts.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import * as vscode from 'vscode';

// The extension host forwards console output to the page as raw format strings, mixed with
// the workbench's own logging: format each line here and mark it, so the launcher prints
// exactly the suite's output.
const MARK = '[in-host] ';
function say(text: string): void {
  console.log(text.split('\n').map(line => MARK + line).join('\n'));
}
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => say(util.format(...args));

interface HostResults {
  run: string;
  passes: string[];
  failures: { title: string; error: string }[];
  pending: string[];
}

function testFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  const which = process.env.MARGINALIA_TEST_RUN ?? 'unnamed';
  say(`in-host suites (${which}): VS Code ${vscode.version}, Node ${process.version}`);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20000 });
  const grep = process.env.MARGINALIA_TEST_GREP;
  if (grep) {
    say(`only tests matching /${grep}/ (MARGINALIA_TEST_GREP)`);
    mocha.grep(grep);
  }
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  const results: HostResults = { run: which, passes: [], failures: [], pending: [] };
  const save = () => {
    const out = process.env.MARGINALIA_TEST_RESULTS;
    if (out) fs.writeFileSync(out, JSON.stringify(results, null, 1));
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        save();
        if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', t => results.passes.push(t.fullTitle()));
      runner.on('fail', (t, err: unknown) => {
        const e = err as { stack?: string } | undefined;
        results.failures.push({ title: t.fullTitle(), error: String(e?.stack ?? err) });
      });
      runner.on('pending', t => results.pending.push(t.fullTitle()));
    } catch (e) {
      // A suite file that throws on load: report it as a failure rather than no results at all.
      results.failures.push({ title: 'loading the in-host suites', error: String((e as Error).stack ?? e) });
      save();
      reject(e);
    }
  });
}
