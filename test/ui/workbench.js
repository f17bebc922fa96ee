// The shared fixture of the UI tests: a fresh code-server and headless chromium per test
// file, the workbench opened on a fresh copy of a fixture with the working copy of the
// extension loaded (extensionDevelopmentPath: no packaging), and the few gestures the
// tests need. Everything is stopped by close(), and on any exit of the process.
const fs = require('fs');
const path = require('path');
const { startServer, workbenchUrl, ROOT, E2E } = require('../harness/server');
const { launchBrowser } = require('../harness/browser');

const SCREENSHOTS = path.join(E2E, 'screenshots');
const SAMPLE_VAULT = path.join(ROOT, 'samples/research-notes');

/**
 * Opens a workbench. Options:
 *   name          names the run folder (.e2e/runs/ui-NAME); one per test file
 *   fixture       folder to copy and open (default: samples/research-notes)
 *   open          a .code-workspace inside the fixture to open instead of the folder
 *   extensionsDir installed extensions (default: a fresh empty folder)
 *   development   load the working copy as extensionDevelopmentPath (default true)
 */
async function openWorkbench({ name, fixture = SAMPLE_VAULT, open, extensionsDir, development = true }) {
  if (development && !fs.existsSync(path.join(ROOT, 'dist/extension.js'))) {
    // The workbench would open without the extension and the tests would fail far from the cause.
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const server = startServer({ name: `ui-${name}`, fixture, open, extensionsDir });
  let browser;
  try {
    browser = await launchBrowser(path.join(server.runDir, 'chrome-profile'));
  } catch (e) {
    server.stop();
    throw e;
  }
  const { context, page } = browser;
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const target = open ? { workspace: path.join(server.wsDir, open) } : { folder: server.wsDir };
  const url = workbenchUrl(server, { ...target, extensionDevelopmentPath: development ? ROOT : undefined });
  const wb = new Workbench(server, context, page, errors);
  try {
    await page.goto(url);
    await wb.waitForWorkbench();
  } catch (e) {
    await wb.screenshot(`${name}-failed-to-open`).catch(() => {});
    await wb.close();
    throw e;
  }
  return wb;
}

/**
 * For a mocha suite (TDD ui): opens the workbench before the suite, screenshots every failing
 * test, closes it all after. Returns a getter for the Workbench.
 *   const workbench = useWorkbench({ name: 'sample-vault' });
 *   test('...', async () => { await workbench().openFile('gpt3.md'); });
 */
function useWorkbench(options) {
  let wb;
  suiteSetup(async () => { wb = await openWorkbench(options); });
  teardown(async function () { if (wb) await wb.screenshotIfFailed(this.currentTest); });
  suiteTeardown(async () => { if (wb) await wb.close(); });
  return () => {
    if (!wb) throw new Error('the workbench did not open: see the "before all" hook failure');
    return wb;
  };
}

class Workbench {
  constructor(server, context, page, errors) {
    this.server = server;
    this.context = context;
    this.page = page;
    /** Uncaught errors of the page, for tests that want none. */
    this.pageErrors = errors;
    /** The copy of the fixture the workbench has open. */
    this.wsDir = server.wsDir;
  }

  /** The workbench is drawn and the explorer lists the workspace. */
  async waitForWorkbench(timeout = 60000) {
    await this.page.waitForSelector('.monaco-workbench', { timeout });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
  }

  /** The labels of the explorer's visible rows (files and folders), top to bottom. */
  async explorerItems() {
    return this.page.$$eval('.explorer-folders-view .monaco-list-row', rows =>
      rows.map(r => (r.getAttribute('aria-label') || r.textContent || '').trim()));
  }

  /** Opens a file by Quick Open (Ctrl+P) and waits until its editor is the active one. */
  async openFile(fileName, timeout = 20000) {
    const { page } = this;
    await this.pickFromQuickInput('Control+P', fileName, timeout);
    const base = fileName.split('/').pop();
    await page.waitForFunction(name => document.querySelector('.tab.active')?.textContent.includes(name), base, { timeout });
    await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout });
  }

  /** Waits for a status bar item whose text matches (a string is looked for inside the text); returns the text. */
  async waitForStatusBarText(match, timeout = 30000) {
    const pattern = match instanceof RegExp ? { source: match.source, flags: match.flags } : null;
    const handle = await this.page.waitForFunction(({ pattern, text }) => {
      const re = pattern && new RegExp(pattern.source, pattern.flags);
      const items = [...document.querySelectorAll('.statusbar-item')].map(e => e.textContent.trim());
      return items.find(t => (re ? re.test(t) : t.includes(text))) || null;
    }, { pattern, text: pattern ? null : match }, { timeout });
    return handle.jsonValue();
  }

  /** Puts the cursor at the end of the active editor. */
  async goToEndOfEditor(timeout = 15000) {
    await this.page.click('.editor-instance .monaco-editor .view-lines');
    // Keys typed before the editor has focus go to whatever had it (a tree row, a hover):
    // on a loaded machine the click's focus change can lag behind the next key.
    await this.page.waitForFunction(() => document.activeElement?.closest('.editor-instance .monaco-editor'), null, { timeout });
    await this.page.keyboard.press('Control+End');
  }

  /**
   * Types `text` at the end of the active editor and waits until its last line shows in the
   * editor. On a loaded machine a tree row clicked just before can take the focus back after the
   * editor got it, and the keys go to the tree: then the editor is focused again and the text
   * typed once more (only when none of it arrived, so nothing is typed twice).
   */
  async appendToEditor(text, timeout = 10000) {
    const last = text.split('\n').pop();
    const shows = () => this.page.waitForFunction(
      want => [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')]
        .some(l => l.textContent.replace(/\u00a0/g, ' ').includes(want)),
      last, { timeout }).then(() => true, () => false);
    for (let attempt = 0; attempt < 2; attempt++) {
      const dirtyBefore = await this.page.$('.tab.active.dirty');
      await this.goToEndOfEditor();
      await this.type(text);
      if (await shows()) return;
      if (!dirtyBefore && await this.page.$('.tab.active.dirty')) break; // some of it arrived: do not type it twice
    }
    throw new Error(`typed ${JSON.stringify(text)} but the editor does not show ${JSON.stringify(last)}`);
  }

  /** Types into whatever has focus, like a person would (key by key). */
  async type(text) {
    await this.page.keyboard.type(text);
  }

  /** The labels in the suggest widget once it shows (null if it does not within `timeout`). */
  async suggestions(timeout = 10000) {
    const handle = await this.page.waitForFunction(() => {
      const labels = [...document.querySelectorAll('.suggest-widget.visible .monaco-list-row .label-name')]
        .map(e => e.textContent);
      return labels.length ? labels : null;
    }, null, { timeout }).catch(() => null);
    return handle ? handle.jsonValue() : null;
  }

  /** Runs a command by its title from the command palette (F1). */
  async runCommand(title, timeout = 15000) {
    await this.pickFromQuickInput('F1', title, timeout);
  }

  /** Opens the quick input with `key`, types `text`, waits for a row showing it, picks it. */
  async pickFromQuickInput(key, text, timeout) {
    const { page } = this;
    await page.keyboard.press(key);
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout });
    await page.keyboard.type(text);
    // Enter picks the focused row, and results arrive while the list redraws: wait until the
    // focused row is the one we mean, or Enter may pick a stale one.
    await page.waitForFunction(t => document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent
      .includes(t), text, { timeout });
    await page.keyboard.press('Enter');
  }

  /** Switches the colour theme by its name in the theme picker (Ctrl+K Ctrl+T). */
  async setColorTheme(name) {
    const { page } = this;
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+T');
    await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input');
    await page.keyboard.type(name);
    await page.waitForFunction(n => document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent.includes(n), name);
    await page.keyboard.press('Enter');
  }

  /** Texts of the notification toasts on screen now. */
  async notifications() {
    return this.page.$$eval('.notifications-toasts .notification-toast', ts => ts.map(t => t.textContent.trim()));
  }

  /** Writes .e2e/screenshots/NAME.png of the whole window and returns its path. */
  async screenshot(name) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** For an afterEach hook: keeps a screenshot of the moment a test failed. */
  async screenshotIfFailed(test) {
    if (test && test.state === 'failed') await this.screenshot(`failed-${test.fullTitle()}`).catch(() => {});
  }

  /** Closes the browser and stops the server (its whole process group). */
  async close() {
    await this.context.close().catch(() => {});
    this.server.stop();
  }
}

/** The frame holding the preview's document (VS Code nests it in two iframes), once `selector` shows in it. */
async function previewFrame(page, timeout = 30000, selector = '#mg-content') {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.$(selector).catch(() => null);
      if (found) return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`the preview webview did not show ${selector}`);
}

module.exports = { openWorkbench, useWorkbench, previewFrame, Workbench, SAMPLE_VAULT, SCREENSHOTS };
