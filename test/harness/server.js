// One fresh code-server per run, through start.sh/stop.sh (one implementation of the
// doc's care for the shell scripts and for Node callers alike), stopped on every exit path.
const { execFileSync } = require('child_process');
const path = require('path');

const HARNESS = __dirname;
const ROOT = path.resolve(HARNESS, '../..');
const E2E = path.join(ROOT, '.e2e');

const running = new Set();
let handlersInstalled = false;

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => { for (const s of [...running]) s.stop(); });
  // Signals skip 'exit' handlers unless we turn them into an exit ourselves.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, () => process.exit(code));
  }
}

/**
 * Starts code-server on 127.0.0.1 and a free port, with a fresh copy of `fixture`.
 * `open`: a file inside the copy to open instead of the folder (a .code-workspace).
 * `env`: extra variables for the server, which hands them on to the extension host.
 */
function startServer({ name, fixture, open, env = {}, extensionsDir }) {
  installExitHandlers();
  const runDir = path.join(E2E, 'runs', name);
  const args = [path.join(HARNESS, 'start.sh'), runDir, fixture];
  if (open) args.push(open);
  const fullEnv = { ...process.env, ...env };
  if (extensionsDir) fullEnv.CODE_SERVER_EXTENSIONS_DIR = extensionsDir;
  const out = execFileSync('bash', args, { env: fullEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const port = Number(out.trim().split('\n').pop());
  const server = {
    name,
    port,
    runDir,
    /** The copy of the fixture that this server has open. */
    wsDir: path.join(runDir, 'workspace', path.basename(fixture)),
    /** What the browser must use verbatim: code-server takes the Host header as remote authority. */
    authority: `127.0.0.1:${port}`,
    stop() {
      if (!running.delete(server)) return;
      execFileSync('bash', [path.join(HARNESS, 'stop.sh'), runDir], { stdio: 'inherit' });
    },
  };
  running.add(server);
  return server;
}

/**
 * The workbench URL for `server`, opening `folder` or `workspace` (absolute paths) and loading
 * the working copy of the extension (`extensionDevelopmentPath`, no packaging) and, optionally,
 * an in-host test entry (`extensionTestsPath`) through the web `payload` query.
 */
function workbenchUrl(server, { folder, workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = p => `vscode-remote://${server.authority}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = [workspace ? `workspace=${encodeURIComponent(workspace)}` : `folder=${encodeURIComponent(folder)}`];
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://${server.authority}/?${query.join('&')}`;
}

module.exports = { startServer, workbenchUrl, ROOT, E2E };
