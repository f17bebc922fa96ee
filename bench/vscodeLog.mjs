// What the benches that run the extension in code-server (vscode.mjs, graphVscode.mjs) share:
// reading the Marginalia log of a run's newest session, and waiting for a line in it.
import fs from 'node:fs';
import path from 'node:path';

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
