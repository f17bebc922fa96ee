// Headless Debian chromium driven by playwright-core (never `playwright install`: it
// downloads a browser, and nothing but npm and apt is reachable here).
const fs = require('fs');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** A fresh profile in `profileDir`, so no state leaks from an earlier run. */
async function launchBrowser(profileDir, { viewport = { width: 1400, height: 900 } } = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: run test/harness/install.sh (or set CHROMIUM)`);
  }
  fs.rmSync(profileDir, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || await context.newPage();
  return { context, page };
}

/**
 * Workbench and extension-host console output reaches the page as `%c INFO`, a CSS colour
 * argument, then the text: turn one message back into the plain text that was logged.
 */
async function plainConsoleLine(message) {
  let args;
  try { args = await Promise.all(message.args().map(a => a.jsonValue())); } catch { args = [message.text()]; }
  const parts = [];
  let skip = 0;
  for (const a of args) {
    if (skip > 0) { skip--; continue; }
    if (typeof a === 'string' && a.includes('%c')) {
      skip = (a.match(/%c/g) || []).length; // each %c consumes one CSS argument
      parts.push(a.replace(/%c/g, ''));
    } else {
      parts.push(typeof a === 'string' ? a : JSON.stringify(a));
    }
  }
  return parts.join(' ').replace(/^\s*(INFO|WARN|ERR)\s/, '');
}

module.exports = { launchBrowser, plainConsoleLine };
