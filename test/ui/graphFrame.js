// What the graph UI tests share: finding a graph panel's document among the page's frames, and
// waiting for its layout to settle.

/** The frame holding a graph's document; with `local`, the one whose body says it is local. */
async function graphFrame(page, local, timeout = 60000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const ok = await frame.evaluate(l => !!document.getElementById('mg-graph-canvas') && document.body.classList.contains('mg-local') === l
        && Number(document.getElementById('mg-graph-count')?.dataset.nodes ?? 0) > 0, local).catch(() => false);
      if (ok) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`the ${local ? 'local ' : ''}graph webview did not show`);
}

/** Waits until the layout has settled: positions stop changing between two looks. */
async function settled(frame) {
  let before = '';
  for (let i = 0; i < 60; i++) {
    const now = await frame.evaluate(() => JSON.stringify(window.marginaliaGraph.ids().map(id => window.marginaliaGraph.positionOf(id))));
    if (now === before) return;
    before = now;
    await frame.waitForTimeout(500);
  }
}

module.exports = { graphFrame, settled };
