#!/usr/bin/env node
// npm run bench -- --graph --vscode [--sizes 1000,10000] [--starts 3] [--profile DIR] [--trace DIR] [--edits-only] [--first-frames]: the graph's budgets (issue 21)
// through code-server, as a user meets them: a fresh code-server (test/harness) on a copy of each
// bench vault (bench/vaults/N-42; the bench edits notes), the workbench in chromium (no GPU), and
// for each of `--starts` fresh servers: Show Graph with no kept positions, the layout left to
// settle, a pan and zoom gesture by real wheel and drag events on the canvas, edits typed into
// the open note and written to a file on disk, Show Graph again with positions kept (panel
// closed and reopened), Show Local Graph, and Show Graph after a server restart. Times run on
// one epoch clock across both processes: the extension host logs (at debug level: the workbench
// URL asks for it) when the command runs and what building the message cost (wall and CPU,
// src/vscode/graph/hostTiming.ts); the webview stamps its frames with `performance.timeOrigin +
// performance.now()` (media/src/graph/webview.ts, `marginaliaGraph.timings()`). CPU of the
// page's main thread from DevTools (Performance.getMetrics ThreadTime). Medians of the starts.
// VS Code's floor on the same clock: a bench-only extension (bench/floor-extension, copied into
// the server's extensions folder, never shipped) opens a blank webview panel as the graph's is
// opened, and VS Code's own Markdown preview of the open note. `--first-frames`: only the
// openings (no gesture, edits or restart), for quick A/B runs. Measures; never asserts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { logOf, option, sessionsOf, vaultOf, waitForLog, launchBrowser, ROOT, sizes, startServer, starts, workbenchUrl } from './codeServer.mjs';

const { Workbench } = createRequire(import.meta.url)('../test/ui/workbench.js');

// --profile DIR: a CPU profile of the page's main thread (the workbench's and the webview's) during each pan/zoom gesture and the typed edits.
const profileDir = option('--profile', undefined);
if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
// --trace DIR: a Chrome trace (the timeline: input, rendering, paint, GC; open it in DevTools' Performance panel) of each pan/zoom gesture and of the edits; each edit's steps on one clock printed.
const traceDir = option('--trace', undefined);
if (traceDir) fs.mkdirSync(traceDir, { recursive: true });
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'blink', 'cc', 'viz', 'input', 'latencyInfo', 'v8', 'disabled-by-default-v8.gc'].join(',');

/** Starts tracing through `cdp`; the returned function stops it and writes the events to `file`. */
async function startTrace(cdp, file) {
  const events = [];
  const collect = e => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    fs.writeFileSync(file, JSON.stringify({ traceEvents: events }));
    progress(`trace: ${file}`);
  };
}
const VIEWPORT = { width: 1600, height: 1000 };
// --edits-only: each start stops after the edits (no reopening, local graph or restart).
const editsOnly = process.argv.includes('--edits-only');
// --first-frames: each start measures only the openings (no gesture, no edits).
const firstFramesOnly = process.argv.includes('--first-frames');

const sleep = ms => new Promise(r => setTimeout(r, ms));
const epochNow = () => performance.timeOrigin + performance.now();
const median = xs => {
  const ys = xs.filter(x => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  return ys.length ? ys[Math.floor((ys.length - 1) / 2)] : undefined;
};
const progress = line => process.stderr.write(`graph bench (code-server): ${line}; load ${os.loadavg()[0].toFixed(1)}\n`);


/** Notes of the vault whose file names are unique (Quick Open finds them by name), sorted. */
function uniqueNotes(dir) {
  const all = [];
  const walk = d => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) all.push(path.relative(dir, p));
    }
  };
  walk(dir);
  const seen = new Map();
  for (const p of all) seen.set(path.basename(p), (seen.get(path.basename(p)) ?? 0) + 1);
  return all.filter(p => seen.get(path.basename(p)) === 1).sort();
}

/** A code-server on `vault`'s run copy (fresh, or the same again with `reopen`), the workbench loaded, the index ready. */
async function openSession(name, vault, n, reopen) {
  const runDir = path.join(ROOT, '.e2e', 'runs', name);
  const before = reopen ? sessionsOf(runDir) : [];
  // The same port on a reopening: the web workbench names the workspace's storage (kept positions) by its URI, port included.
  const server = startServer({ name, fixture: vault, env: reopen ? { REOPEN: '1', CODE_SERVER_PORT: String(reopen.port) } : {} });
  fs.cpSync(path.join(ROOT, 'bench', 'floor-extension'), path.join(server.runDir, 'extensions', 'marginalia-bench.floor-0.0.1'), { recursive: true });
  let browser;
  try {
    browser = await launchBrowser(path.join(server.runDir, 'chrome-profile'), { viewport: VIEWPORT });
  } catch (e) {
    server.stop();
    throw e;
  }
  const errors = [];
  browser.page.on('pageerror', e => errors.push(e.message));
  const wb = new Workbench(server, browser.context, browser.page, errors);
  try {
    // The extension's debug lines (the host's side of the timeline) through the workbench's `logLevel` payload.
    const url = new URL(workbenchUrl(server, { folder: server.wsDir, extensionDevelopmentPath: ROOT }));
    const payload = JSON.parse(url.searchParams.get('payload'));
    payload.push(['logLevel', 'marginalia.marginalia:debug']);
    url.searchParams.set('payload', JSON.stringify(payload));
    await wb.page.goto(url.toString(), { timeout: 180000 });
    await wb.waitForWorkbench(120000);
    await waitForLog(server.runDir, before, /Indexed [^:]+: (\d+) notes/, Math.max(120000, n * 20));
    await wb.waitForStatusBarText(/^\d[\d,]* notes?$/, 60000);
  } catch (e) {
    await wb.close();
    throw e;
  }
  const devtools = await wb.page.context().newCDPSession(wb.page);
  await devtools.send('Performance.enable');
  return { wb, server, before, devtools, log: () => logOf(server.runDir, before), floorLog: () => floorLogOf(server.runDir, before) };
}

/** The floor extension's log (bench/floor-extension) of the run's newest session. */
function floorLogOf(runDir, before) {
  const session = sessionsOf(runDir).filter(s => !before.includes(s)).pop();
  const file = session && path.join(runDir, 'user-data', 'logs', session, 'exthost1', 'marginalia-bench.floor', 'Marginalia Bench.log');
  return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/** The renderer process's main-thread CPU time, ms (DevTools' ThreadTime; the workbench and its webviews share that thread here). */
async function threadTime(session) {
  return (await session.devtools.send('Performance.getMetrics')).metrics.find(m => m.name === 'ThreadTime').value * 1000;
}

/** The frame of a graph panel's document opened after `since` (epoch ms): its first frame drawn. */
async function graphFrameSince(page, local, since, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const t = await frame.evaluate(l => {
        const g = window.marginaliaGraph;
        if (!g || !document.getElementById('mg-graph-canvas') || document.body.classList.contains('mg-local') !== l) return undefined;
        return { ...g.timings(), timeOrigin: performance.timeOrigin, nodes: g.nodeCount() };
      }, local).catch(() => undefined);
      if (t && t.timeOrigin >= since && t.firstFrameAt !== undefined) return { frame, t };
    }
    await sleep(25);
  }
  throw new Error(`no ${local ? 'local ' : ''}graph drew a frame within ${timeout / 1000} s`);
}

const timings = frame => frame.evaluate(() => ({ ...window.marginaliaGraph.timings(), nodes: window.marginaliaGraph.nodeCount() }));

/** The host's stamp of the command (epoch ms) logged after `since`, and the message it built then. */
async function hostSide(session, local, since, timeout) {
  const name = local ? 'Show Local Graph' : 'Show Graph';
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = session.log();
    const invoked = [...text.matchAll(new RegExp(`Graph: ${name} at (\\d+)`, 'g'))].map(m => +m[1]).find(at => at >= since - 5);
    if (invoked !== undefined) {
      const built = [...text.matchAll(/Graph: message of (\d+) nodes built in ([\d.]+) ms \(CPU ([\d.?]+) ms\), posted in ([\d.]+) ms \(CPU ([\d.?]+) ms\) at (\d+)/g)]
        .map(m => ({ nodes: +m[1], ms: +m[2], cpuMs: +m[3], postMs: +m[4], postCpuMs: +m[5], at: +m[6] }))
        .find(b => b.at >= invoked);
      const after = re => [...text.matchAll(re)].map(m => +m[1]).find(at => at >= invoked);
      if (built) return { invoked, built, created: after(/Graph: panel created at (\d+)/g), ready: after(/Graph: page ready at (\d+)/g) };
    }
    if (Date.now() > deadline) throw new Error(`no "${name}" and message lines in the log after ${since}:\n${text.slice(-3000)}`);
    await sleep(50);
  }
}

/** Runs Show Graph / Show Local Graph from the command palette; the timeline from the host's stamp to the webview's first frame and first whole picture. */
async function show(session, local, timeout, waitForWhole = true) {
  const since = Date.now();
  const cpu0 = await threadTime(session);
  await session.wb.runCommand(local ? 'Marginalia: Show Local Graph' : 'Marginalia: Show Graph');
  const { frame, t } = await graphFrameSince(session.wb.page, local, since, timeout);
  const cpuMs = (await threadTime(session)) - cpu0;
  const host = await hostSide(session, local, since, 30000);
  let whole = t.firstWholeAt;
  const until = Date.now() + timeout;
  while (waitForWhole && whole == null && Date.now() < until) {
    await sleep(50);
    whole = (await timings(frame)).firstWholeAt;
  }
  return {
    frame, invokedAt: host.invoked, nodes: t.nodes, firstFrameMs: t.firstFrameAt - host.invoked,
    // Where the time went: the command to the webview's document, to the host posting the picture (after the page said ready).
    documentMs: t.timeOrigin - host.invoked, postedMs: host.built.at - host.invoked, wholeMs: whole == null ? undefined : whole - host.invoked,
    pageCpuMs: cpuMs, buildMs: host.built.ms, buildCpuMs: host.built.cpuMs, postMs: host.built.postMs, nodesSent: host.built.nodes,
    // The chain, each step from the command (ms): panel created (host), document started, script
    // fetched and run, `ready` posted (page) and received (host), picture posted (host), received and taken (page), first frame.
    chain: {
      created: host.created - host.invoked, document: t.timeOrigin - host.invoked, fetched: t.scriptFetchedAt - host.invoked, script: t.scriptAt - host.invoked,
      readyPosted: t.readyAt - host.invoked, readyAtHost: host.ready - host.invoked, posted: host.built.at - host.invoked,
      received: t.graphReceivedAt - host.invoked, taken: t.graphTakenAt - host.invoked, frame: t.firstFrameAt - host.invoked,
    },
  };
}

/** Closes an editor tab by its label (a middle click), and waits until `isOpen` (run in every frame) holds in none. */
async function closeTab(session, label, isOpen, arg) {
  const { page } = session.wb;
  const tab = page.locator('.tabs-container .tab').filter({ has: page.locator('.label-name', { hasText: label }) });
  await tab.first().click({ button: 'middle' });
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    let open = false;
    for (const f of page.frames()) if (await f.evaluate(isOpen, arg).catch(() => false)) open = true;
    if (!open) return;
    await sleep(100);
  }
  throw new Error(`the ${label} tab did not close`);
}

/** Closes a graph panel by its tab, and waits until its document is gone. */
async function closeGraph(session, local) {
  await closeTab(session, local ? /^Local Graph$/ : /^Graph$/, l => !!document.getElementById('mg-graph-canvas') && document.body.classList.contains('mg-local') === l, local);
}

/** The first frame `read` (run in every frame) returns for a document opened after `since`. */
async function frameSince(page, read, since, timeout, what) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const t = await frame.evaluate(read).catch(() => undefined);
      if (t && t.timeOrigin >= since) return t;
    }
    await sleep(25);
  }
  throw new Error(`no ${what} within ${timeout / 1000} s`);
}

/** A line of the floor extension's log after `since`, its numbers. */
async function floorLine(session, pattern, since, timeout = 30000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const m = [...session.floorLog().matchAll(pattern)].map(x => x.slice(1).map(Number)).find(x => x[0] >= since - 5);
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`no floor log line ${pattern} after ${since}`);
    await sleep(50);
  }
}

/**
 * VS Code's floor on the graph's clock (bench/floor-extension): a blank webview panel opened as
 * the graph's is, its one-line page stamping its document, script and first frame; and VS Code's
 * own Markdown preview of the open note, to its first contentful paint.
 */
async function floor(session, timeout) {
  const paint = name => performance.getEntriesByType('paint').find(e => e.name === name)?.startTime;
  let since = Date.now();
  let cpu0 = await threadTime(session);
  await session.wb.runCommand('Marginalia Bench: Blank Webview');
  const b = await frameSince(session.wb.page, () => window.benchBlank?.firstFrameAt && { ...window.benchBlank, timeOrigin: performance.timeOrigin, fcp: performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint')?.startTime }, since, timeout, 'blank webview frame');
  const blankCpuMs = (await threadTime(session)) - cpu0;
  const [invoked, created, , , readyAtHost] = await floorLine(session, /Blank webview: invoked at (\d+), panel created at (\d+), document at (\d+), script at (\d+), ready at host (\d+)/g, since);
  const blank = {
    firstFrameMs: b.firstFrameAt - invoked, pageCpuMs: blankCpuMs, fcpMs: b.fcp === undefined ? undefined : b.timeOrigin + b.fcp - invoked,
    chain: { created: created - invoked, document: b.timeOrigin - invoked, script: b.scriptAt - invoked, readyAtHost: readyAtHost - invoked, frame: b.firstFrameAt - invoked },
  };
  await closeTab(session, /^Blank$/, () => !!window.benchBlank);
  await sleep(500);
  since = Date.now();
  cpu0 = await threadTime(session);
  await session.wb.runCommand('Marginalia Bench: Markdown Preview');
  const p = await frameSince(session.wb.page, new Function(`return document.getElementById('vscode-markdown-preview-data') && { timeOrigin: performance.timeOrigin, fcp: (${paint})('first-contentful-paint') }`), since, timeout, 'Markdown preview');
  let fcp = p.fcp;
  for (let i = 0; fcp === undefined && i < 200; i++) {
    await sleep(25);
    fcp = (await frameSince(session.wb.page, new Function(`return document.getElementById('vscode-markdown-preview-data') && { timeOrigin: performance.timeOrigin, fcp: (${paint})('first-contentful-paint') }`), since, timeout, 'Markdown preview')).fcp;
  }
  const previewCpuMs = (await threadTime(session)) - cpu0;
  const [previewInvoked] = await floorLine(session, /Markdown preview: invoked at (\d+)/g, since);
  const preview = { documentMs: p.timeOrigin - previewInvoked, fcpMs: fcp === undefined ? undefined : p.timeOrigin + fcp - previewInvoked, pageCpuMs: previewCpuMs };
  await closeTab(session, /^Preview /, () => !!document.getElementById('vscode-markdown-preview-data'));
  await sleep(500);
  return { blank, preview };
}

/**
 * The kept positions' file, once written (the layout settled): its path. Not the group colours'
 * beside it (graph-<hash>.groups.json), written at the opening: taken for this one, the 10,000-note
 * gesture was timed while the fresh layout still ran in the worker (positions written 31 s later).
 */
async function positionsWritten(runDir, timeout) {
  const storage = path.join(runDir, 'user-data', 'User', 'workspaceStorage');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const found = fs.existsSync(storage) && fs.readdirSync(storage).map(d => path.join(storage, d, 'marginalia.marginalia')).filter(fs.existsSync)
      .flatMap(d => fs.readdirSync(d).filter(f => /^graph-[0-9a-f]{8}\.json$/.test(f)).map(f => path.join(d, f)));
    if (found && found.length) return found[0];
    await sleep(200);
  }
  return undefined;
}

/**
 * A point of the canvas on no node (a drag there pans instead of moving a node, which would warm
 * the whole layout again), in page coordinates: the points of a grid farthest from every node
 * first, each tried by hovering it (the canvas shows a pointer over a node). At 10,000 notes the
 * farthest point alone was sometimes on a node.
 */
async function emptySpot(session, frame) {
  const iframe = await frame.frameElement();
  const box = await iframe.boundingBox();
  const spots = await frame.evaluate(() => {
    const g = window.marginaliaGraph;
    const r = document.getElementById('mg-graph-canvas').getBoundingClientRect();
    const points = g.ids().map(id => g.positionOf(id)).filter(Boolean);
    const found = [];
    for (let i = 1; i < 24; i++) for (let j = 1; j < 16; j++) {
      const x = r.left + (r.width * i) / 24, y = r.top + (r.height * j) / 16;
      // Only where the canvas itself takes the pointer (not under the legend or the controls).
      if (document.elementFromPoint(x, y)?.id !== 'mg-graph-canvas') continue;
      let d = Infinity;
      for (const p of points) d = Math.min(d, Math.hypot(p.x - x, p.y - y));
      found.push({ x, y, d });
    }
    return found.sort((a, b) => b.d - a.d).slice(0, 12);
  });
  for (const spot of spots) {
    await session.wb.page.mouse.move(box.x + spot.x, box.y + spot.y);
    await sleep(150);
    if (await frame.evaluate(() => document.getElementById('mg-graph-canvas').style.cursor !== 'pointer')) return { x: box.x + spot.x, y: box.y + spot.y, onNode: false };
  }
  return { x: box.x + spots[0].x, y: box.y + spots[0].y, onNode: true };
}

/**
 * Pans (drags from an empty spot) and zooms (the wheel) for about 2 s as a hand would, real input
 * events through the browser; then waits for the whole picture. Frames are the webview's own
 * (their draw time, level of detail); gaps between frames and long tasks show what input waited.
 */
async function panZoom(session, frame) {
  const { page } = session.wb;
  const at = await emptySpot(session, frame);
  await frame.evaluate(() => {
    window.__benchLongTasks = [];
    window.__benchObserver?.disconnect();
    window.__benchObserver = new PerformanceObserver(list => window.__benchLongTasks.push(...list.getEntries().map(e => ({ at: performance.timeOrigin + e.startTime, ms: e.duration, self: e.name === 'self' }))));
    window.__benchObserver.observe({ type: 'longtask' });
  });
  // The webview's own renderer, if it has one (an out-of-process frame); here it shares the workbench's.
  const own = await page.context().newCDPSession(frame).then(async cdp => {
    await cdp.send('Performance.enable');
    return cdp;
  }, () => undefined);
  const ownTime = async () => own && (await own.send('Performance.getMetrics')).metrics.find(x => x.name === 'ThreadTime').value * 1000;
  const own0 = await ownTime();
  if (profileDir) {
    await session.devtools.send('Profiler.enable');
    await session.devtools.send('Profiler.start');
  }
  const stopTrace = traceDir ? await startTrace(session.devtools, path.join(traceDir, `pan-zoom-${session.server.name}-${Date.now()}.json`)) : undefined;
  const cpu0 = await threadTime(session);
  const start = Date.now();
  // A hand does not wait for the page: an event every 16 ms, each sent without waiting for the
  // page to take the last (the browser queues and coalesces them, as it does real input).
  const sent = [page.mouse.move(at.x, at.y), page.mouse.down()];
  for (let i = 1; i <= 60; i++) {
    await sleep(16);
    sent.push(page.mouse.move(at.x + 120 * Math.sin(i / 10), at.y + 80 * Math.sin(i / 7)));
  }
  sent.push(page.mouse.up());
  for (let i = 0; i < 40; i++) {
    await sleep(16);
    sent.push(page.mouse.wheel(0, i % 10 < 5 ? -120 : 120));
  }
  const handDone = Date.now();
  await Promise.all(sent);
  // Moving lasts until the page has taken the last event.
  const end = Date.now();
  const movingCpuMs = (await threadTime(session)) - cpu0;
  const webviewCpuMs = own ? (await ownTime()) - own0 : undefined;
  if (profileDir) {
    const { profile } = await session.devtools.send('Profiler.stop');
    const file = path.join(profileDir, `pan-zoom-${session.server.name}-${start}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    progress(`CPU profile of the gesture: ${file}`);
  }
  await stopTrace?.();
  // The gesture's frames are read at once: the page keeps its last 600 frames, and while a big
  // graph's layout still runs it draws 60 a second, so waiting for the whole picture first lost them.
  const movingFrames = (await timings(frame)).frames.filter(f => f.at >= start && f.at <= end);
  let t;
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    t = await timings(frame);
    if (t.frames.some(f => f.at > end && f.complete)) break;
  }
  const longTasks = await frame.evaluate(() => window.__benchLongTasks);
  const moving = movingFrames;
  const after = t.frames.filter(f => f.at > end);
  const gaps = moving.slice(1).map((f, i) => f.at - moving[i].at);
  return {
    trace: { frames: moving.map(f => [Math.round(f.at - start), +f.ms.toFixed(1), f.reduced ? 1 : 0]), longTasks: longTasks.map(l => [Math.round(l.at - start), Math.round(l.ms), l.self ? 1 : 0]) },
    inputLagMs: end - handDone, dragStartedOnNode: at.onNode,
    frames: moving.length, reduced: moving.filter(f => f.reduced).length, seconds: (end - start) / 1000,
    longestFrameMs: Math.max(0, ...moving.map(f => f.ms)), longestGapMs: Math.max(0, ...gaps),
    // Long tasks of the main thread the webview shares: the page's own ('self'), and any (the workbench's too).
    longestOwnTaskMs: Math.max(0, ...longTasks.filter(l => l.self && l.at >= start && l.at <= end).map(l => l.ms)),
    longestTaskMs: Math.max(0, ...longTasks.filter(l => l.at >= start && l.at <= end).map(l => l.ms)),
    afterFrameMs: Math.max(0, ...after.map(f => f.ms)), wholeAfterMs: after.find(f => f.complete) ? after.find(f => f.complete).at - end : undefined,
    movingCpuMs, webviewCpuMs, webviewProcess: own ? 'its own' : 'shared with the workbench',
  };
}

/** The webview's first frame after a diff that arrived after `since`: the edit's end in the picture. */
async function diffShown(session, frame, since, timeout = 20000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const t = await timings(frame);
    const diff = t.diffs.find(d => d.at >= since);
    const shown = diff && t.frames.find(f => f.at >= diff.at);
    if (shown) {
      const host = [...session.log().matchAll(/Graph: diff built and posted in ([\d.]+) ms \(CPU ([\d.?]+) ms\) at (\d+)/g)].map(m => ({ ms: +m[1], cpuMs: +m[2], at: +m[3] })).find(h => h.at >= since);
      // Frames the page drew between the edit and the diff's arrival (a page drawing all along leaves the workbench less time to pass the message on).
      const before = t.frames.filter(f => f.at >= since && f.at < diff.at);
      // The host's steps on the same epoch clock (the editor's event, the sync, the index's change, the diff posted), then the page's.
      const timeline = [...session.log().matchAll(/((?:Edit|Graph): [^\n]*?),? at (\d{13})/g)]
        .map(m => [+m[2] - since, m[1]]).filter(([ms]) => ms >= -50 && ms <= shown.at - since)
        .concat([[diff.at - since, 'page: diff arrived'], [diff.at + diff.appliedMs - since, 'page: diff applied'], [shown.at - since, `page: frame (${shown.ms.toFixed(1)} ms)`]])
        .sort((a, b) => a[0] - b[0]).map(([ms, what]) => `${Math.round(ms)} ${what}`);
      if (traceDir) progress(`edit timeline: ${timeline.join(' | ')}`);
      return {
        timeline, at: since, framesBefore: before.length, reducedBefore: before.filter(f => f.reduced).length, frameMsBefore: before.reduce((a, f) => a + f.ms, 0),
        ms: shown.at - since, hostPostedMs: host ? host.at - since : undefined, hostMs: host?.ms, hostCpuMs: host?.cpuMs,
        appliedMs: diff.appliedMs, frameMs: shown.ms, arrivedMs: diff.at - since,
      };
    }
    await sleep(20);
  }
  return undefined;
}

/** Edits typed into the open note: a link added, then taken back (undo), `times` each; and the same written to another note's file. */
async function edits(session, frame, typedTarget, fileNote, fileTarget, times) {
  const { page } = session.wb;
  // The picture still first: a layout still running (the gesture's drag may have moved a node,
  // which warms the whole layout again) draws on the thread the workbench passes messages on.
  const waited = Date.now();
  for (let still = false; !still && Date.now() - waited < 60000;) {
    await sleep(250);
    const { frames } = await timings(frame);
    still = !frames.length || epochNow() - frames[frames.length - 1].at > 1000;
  }
  const stillAfterMs = Date.now() - waited;
  const typed = [];
  // --trace: the timeline of the edits too (the page's tasks, rasterisation and frames between a diff's arrival and its frame).
  const stopTrace = traceDir ? await startTrace(session.devtools, path.join(traceDir, `edits-${session.server.name}-${Date.now()}.json`)) : undefined;
  if (profileDir) {
    await session.devtools.send('Profiler.enable');
    await session.devtools.send('Profiler.start');
  }
  for (let i = 0; i < times; i++) {
    await session.wb.goToEndOfEditor();
    await sleep(300);
    let since = Date.now();
    // One input event, as a paste or an IME commit is (typing key by key would open completion on `[[`).
    await page.keyboard.insertText(` [[${typedTarget}]]`);
    typed.push(await diffShown(session, frame, since));
    await sleep(600);
    since = Date.now();
    await page.keyboard.press('Control+Z');
    typed.push(await diffShown(session, frame, since));
    await sleep(600);
  }
  if (profileDir) {
    const { profile } = await session.devtools.send('Profiler.stop');
    const file = path.join(profileDir, `typed-${session.server.name}-${Date.now()}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    progress(`CPU profile of the typed edits: ${file}`);
  }
  const written = [];
  const file = path.join(session.server.wsDir, fileNote);
  const endTrace = async () => { await stopTrace?.(); };
  const original = fs.readFileSync(file, 'utf8');
  for (let i = 0; i < 2 * times; i++) {
    const since = Date.now();
    fs.writeFileSync(file, i % 2 === 0 ? `${original}\nSee [[${fileTarget}]].\n` : original);
    written.push(await diffShown(session, frame, since));
    await sleep(800);
  }
  await endTrace();
  return { typed, written, stillAfterMs };
}

const outFile = path.join(ROOT, '.e2e', 'bench-graph-vscode.json');
const saveRaw = rows => {
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, JSON.stringify({ load: os.loadavg(), rows }, null, 1));
};
const rows = [];
for (const n of sizes) {
  const vault = vaultOf(n);
  const notes = uniqueNotes(vault);
  // The note typed into, a note it links to, and a note edited on disk (with its target): far apart in the sorted list.
  const typedNote = notes[Math.floor(notes.length / 3)];
  const typedTarget = path.basename(notes[Math.floor((2 * notes.length) / 3)], '.md');
  const fileNote = notes[Math.floor(notes.length / 5)];
  const fileTarget = path.basename(notes[Math.floor((4 * notes.length) / 5)], '.md');
  const timeout = Math.max(60000, n * 12);
  const runs = [];
  for (let s = 0; s < starts; s++) {
    const name = `bench-graph-${n}`;
    const run = {};
    let session = await openSession(name, vault, n, undefined);
    try {
      progress(`${n} notes, start ${s + 1}/${starts}: indexed`);
      await session.wb.openFile(path.basename(typedNote), 60000);
      // A big graph's whole picture (edges too) comes once the fresh layout has settled: waited for below.
      run.fresh = await show(session, false, timeout, false);
      progress(`${n}: no kept positions, first frame ${Math.round(run.fresh.firstFrameMs)} ms`);
      const kept = await positionsWritten(session.server.runDir, Math.max(120000, n * 30));
      // From the command to the positions' file written (the panel writes 0.5 s after the layout stops).
      run.settledS = kept ? (fs.statSync(kept).mtimeMs - run.fresh.invokedAt) / 1000 : undefined;
      const whole = (await timings(run.fresh.frame)).firstWholeAt;
      if (whole != null) run.fresh.wholeMs = whole - run.fresh.invokedAt;
      progress(`${n}: layout ${kept ? `settled, positions kept after ${run.settledS.toFixed(1)} s` : 'did not settle in time'}`);
      if (!firstFramesOnly) {
        run.moving = await panZoom(session, run.fresh.frame);
        progress(`${n}: pan/zoom longest frame ${Math.round(run.moving.longestFrameMs)} ms`);
        run.edits = await edits(session, run.fresh.frame, typedTarget, fileNote, fileTarget, 2);
        progress(`${n}: edits ${run.edits.typed.map(e => e && Math.round(e.ms)).join(', ')} (typed) / ${run.edits.written.map(e => e && Math.round(e.ms)).join(', ')} (written), the picture still ${(run.edits.stillAfterMs / 1000).toFixed(1)} s after the gesture's whole frame`);
        if (editsOnly) throw new Error('stopped after the edits (--edits-only)');
      }
      run.kept = [];
      for (let i = 0; i < 2; i++) {
        await closeGraph(session, false);
        await sleep(500);
        run.kept.push(await show(session, false, timeout));
      }
      await closeGraph(session, false);
      await sleep(500);
      run.floor = [];
      for (let i = 0; i < 2; i++) run.floor.push(await floor(session, timeout));
      progress(`${n}: blank webview ${run.floor.map(f => Math.round(f.blank.firstFrameMs)).join(', ')} ms, Markdown preview painted ${run.floor.map(f => Math.round(f.preview.fcpMs)).join(', ')} ms`);
      run.local = [];
      for (let i = 0; i < 2; i++) {
        run.local.push(await show(session, true, timeout));
        await closeGraph(session, true);
        await sleep(500);
      }
      progress(`${n}: kept ${run.kept.map(k => Math.round(k.firstFrameMs)).join(', ')} ms, local ${run.local.map(k => Math.round(k.firstFrameMs)).join(', ')} ms`);
      run.errors = session.wb.pageErrors.filter(e => /graph/i.test(e));
      if (!firstFramesOnly) {
        const port = session.server.port;
        await session.wb.close();
        session = undefined;
        // A restart: the positions come from the file, the index from its cache. A failure here
        // (a loaded machine's timeouts) loses only this figure.
        try {
          session = await openSession(name, vault, n, { port });
          await session.wb.openFile(path.basename(typedNote), 60000);
          run.restarted = await show(session, false, timeout);
          progress(`${n}: after a restart, first frame ${Math.round(run.restarted.firstFrameMs)} ms`);
        } catch (e) {
          run.restartFailed = String(e).split('\n')[0];
          progress(`${n}: the restart failed: ${run.restartFailed}`);
        }
      }
    } catch (e) {
      // A step that failed (a loaded machine's timeouts): the start keeps what it measured before it.
      run.failed = String(e).split('\n')[0];
      progress(`${n}: start ${s + 1} stopped: ${run.failed}`);
    } finally {
      if (session) await session.wb.close();
    }
    for (const k of [run.fresh, run.restarted, ...(run.kept ?? []), ...(run.local ?? [])]) if (k) delete k.frame;
    runs.push(run);
    // Every start's figures as soon as they are taken: a later failure does not lose them.
    saveRaw([...rows, { n, runs }]);
  }
  rows.push({ n, runs });
}

const round = x => (x === undefined || !Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(1) : String(Math.round(x)));
// A start that stopped early has no figure for the steps after: those are left out of the median.
const m = (runs, pick) => median(runs.flatMap(r => {
  try {
    return [].concat(pick(r));
  } catch {
    return [];
  }
}));
saveRaw(rows);

console.log(`\nGraph through code-server (VS Code 1.100.3 web, headless chromium, no GPU, window ${VIEWPORT.width}x${VIEWPORT.height}) — ${os.cpus().length} cores, load average ${os.loadavg().map(x => x.toFixed(1)).join(' ')}; medians of ${starts} fresh starts (raw: .e2e/bench-graph-vscode.json)\n`);
console.log('| notes | Show Graph → first frame, positions kept: wall (whole picture) / page CPU | … after a restart | Show Graph → first frame, no positions: wall (whole) / page CPU | layout settled | pan/zoom: longest frame (frames, LOD) / longest gap / longest task of the page (of the thread); after the gesture | typed edit → graph updated (host diff posted; diff applied + frame) | file written → graph updated (host diff posted) | host: build the graph message, wall / CPU (first opening; + posting) | Show Local Graph → first frame / page CPU |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { n, runs } of rows) {
  const typed = r => r.edits.typed;
  const written = r => r.edits.written;
  console.log(`| ${n.toLocaleString('en')} | ${round(m(runs, r => r.kept.map(k => k.firstFrameMs)))} (${round(m(runs, r => r.kept.map(k => k.wholeMs)))}) / ${round(m(runs, r => r.kept.map(k => k.pageCpuMs)))} ms`
    + ` | ${round(m(runs, r => r.restarted?.firstFrameMs))} (${round(m(runs, r => r.restarted?.wholeMs))}) ms`
    + ` | ${round(m(runs, r => r.fresh.firstFrameMs))} (${round(m(runs, r => r.fresh.wholeMs))}) / ${round(m(runs, r => r.fresh.pageCpuMs))} ms`
    + ` | ${round(m(runs, r => r.settledS))} s`
    + ` | ${round(m(runs, r => r.moving.longestFrameMs))} ms (${round(m(runs, r => r.moving.frames))}, ${round(m(runs, r => r.moving.reduced))} LOD) / ${round(m(runs, r => r.moving.longestGapMs))} / ${round(m(runs, r => r.moving.longestOwnTaskMs))} (${round(m(runs, r => r.moving.longestTaskMs))}) ms; ${round(m(runs, r => r.moving.afterFrameMs))} ms, whole after ${round(m(runs, r => r.moving.wholeAfterMs))} ms`
    + ` | ${round(m(runs, r => typed(r).map(e => e?.ms)))} ms (${round(m(runs, r => typed(r).map(e => e?.hostPostedMs)))}; ${round(m(runs, r => typed(r).map(e => e?.appliedMs)))} + ${round(m(runs, r => typed(r).map(e => e?.frameMs)))} ms)`
    + ` | ${round(m(runs, r => written(r).map(e => e?.ms)))} ms (${round(m(runs, r => written(r).map(e => e?.hostPostedMs)))})`
    + ` | ${round(m(runs, r => r.kept.map(k => k.buildMs)))} / ${round(m(runs, r => r.kept.map(k => k.buildCpuMs)))} ms (${round(m(runs, r => r.fresh.buildMs))} / ${round(m(runs, r => r.fresh.buildCpuMs))}; +${round(m(runs, r => r.kept.map(k => k.postMs)))} ms)`
    + ` | ${round(m(runs, r => r.local.map(k => k.firstFrameMs)))} / ${round(m(runs, r => r.local.map(k => k.pageCpuMs)))} ms |`);
}
console.log('budgets (issue 21): positions kept ≤ 300 ms / ≤ 1 s; no positions ≤ 1 s / ≤ 2 s; pan/zoom frame ≤ 50 / ≤ 100 ms; edit → updated ≤ 100 ms; host build ≤ 20 / ≤ 150 ms (1,000 / 10,000 notes)');

// Where the time from the command to the first frame goes, beside VS Code's floor (each step's
// median, ms after the command on the one clock; – where a step does not apply).
console.log('\nCommand → first frame, step by step (ms after the command in the extension host; medians)\n');
console.log('| notes | opening | panel created (host) | document started | script fetched | script run | `ready` at host | picture posted (host) | picture received (page) | taken (page) | first frame | first contentful paint | page CPU |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { n, runs } of rows) {
  const steps = ['created', 'document', 'fetched', 'script', 'readyAtHost', 'posted', 'received', 'taken', 'frame'];
  const line = (what, pick, fcp, cpu) => console.log(`| ${n.toLocaleString('en')} | ${what} | ${steps.map(k => round(m(runs, r => pick(r).map(x => x.chain[k])))).join(' | ')} | ${round(m(runs, r => pick(r).map(fcp)))} | ${round(m(runs, r => pick(r).map(cpu)))} |`);
  line('Show Graph, positions kept', r => r.kept, () => undefined, k => k.pageCpuMs);
  line('Show Graph, no positions', r => [r.fresh], () => undefined, k => k.pageCpuMs);
  line('Show Local Graph', r => r.local, () => undefined, k => k.pageCpuMs);
  line('a blank webview (VS Code\'s floor)', r => r.floor.map(f => f.blank), b => b.fcpMs, b => b.pageCpuMs);
  console.log(`| ${n.toLocaleString('en')} | VS Code's Markdown preview of the open note | – | ${round(m(runs, r => r.floor.map(f => f.preview.documentMs)))} | – | – | – | – | – | – | – | ${round(m(runs, r => r.floor.map(f => f.preview.fcpMs)))} | ${round(m(runs, r => r.floor.map(f => f.preview.pageCpuMs)))} |`);
}
