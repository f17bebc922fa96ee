// What the benches that run the extension in code-server (vscode.mjs, graphVscode.mjs) share:
// their options, the bench vaults, reading the Marginalia log of a run's newest session and
// waiting for a line in it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The test harness: a fresh code-server per run, and headless chromium. */
export const { startServer, workbenchUrl, ROOT } = require('../test/harness/server.js');
export const { launchBrowser } = require('../test/harness/browser.js');

/** `--name VALUE` from the command line, or `fallback`. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  return args.includes(name) ? args[args.indexOf(name) + 1] : fallback;
}

/** `--sizes` (notes per bench vault) and `--starts` (fresh servers per size, medians of them). */
export const sizes = option('--sizes', '1000,10000').split(',').map(Number);
export const starts = Number(option('--starts', '3'));

/** bench/vaults/N-42, generated (bench/gen-vault.mjs, seed 42) if it is not there yet. */
export function vaultOf(n) {
  const dir = path.join(ROOT, 'bench', 'vaults', `${n}-42`);
  if (!fs.existsSync(dir)) execFileSync(process.execPath, [path.join(ROOT, 'bench', 'gen-vault.mjs'), String(n), dir, '42'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

/** The sessions (log folders) a run's user data holds, oldest first. */
export function sessionsOf(runDir) {
  const logs = path.join(runDir, 'user-data', 'logs');
  return fs.existsSync(logs) ? fs.readdirSync(logs).sort() : [];
}

/** The Marginalia log of the newest session in `runDir` that is not one of `before` (earlier openings'). */
export function logOf(runDir, before = []) {
  const session = sessionsOf(runDir).filter(s => !before.includes(s)).pop();
  const file = session && path.join(runDir, 'user-data', 'logs', session, 'exthost1', 'marginalia.marginalia', 'Marginalia.log');
  return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/** Waits until the log matches `pattern` (a global pattern: until `count` lines match); returns the match(es). */
export async function waitForLog(runDir, before, pattern, timeoutMs, count = 1) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = logOf(runDir, before);
    if (pattern.global) {
      const all = [...text.matchAll(pattern)];
      if (all.length >= count) return all;
    } else {
      const m = text.match(pattern);
      if (m) return m;
    }
    if (Date.now() > deadline) throw new Error(`no log line ${pattern} in ${runDir} after ${timeoutMs / 1000}s:\n${text.slice(-4000)}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
