// A cold publish's search index built by a worker thread while the main thread renders the
// pages: the worker takes each page's body, extracts its words and indexes them into the
// shards (src/core/publish/search.ts), then hands back each shard's JSON. On two cores this
// takes MiniSearch's indexing (a third of a 10,000-note publish) off the rendering thread.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchIndexer, SearchPage } from '../core/publish/site';

/** The module that exports SearchIndex and searchText: the bundle's render.js, or the compiled source (tests). */
function searchModule(): string | undefined {
  for (const candidate of [path.join(__dirname, 'render.js'), path.join(__dirname, '..', 'core', 'publish', 'search.js')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

// Plain JavaScript, run as the worker's whole program: it loads the engine's own search code.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { SearchIndex, searchText } = require(workerData.module);
const index = new SearchIndex(workerData.shards);
parentPort.on('message', m => {
  if (m === 'finish') {
    parentPort.postMessage(index.takeChanged().map(s => s[1]));
    return;
  }
  for (const p of m) index.add({ id: p.id, url: p.url, title: p.title, tags: p.tags, text: searchText(p.html) });
});
`;

/** Pages posted to the worker at a time. */
const BATCH = 32;

/** A SearchIndexer on a worker thread; undefined when no worker can be started (the index is then built in this thread). */
export function searchWorker(shards: number): SearchIndexer | undefined {
  const module = searchModule();
  if (!module) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { eval: true, workerData: { module, shards } });
  } catch {
    return undefined;
  }
  let failed: unknown;
  worker.on('error', e => {
    failed ??= e;
  });
  worker.unref();
  let batch: SearchPage[] = [];
  const send = () => {
    if (batch.length) worker.postMessage(batch);
    batch = [];
  };
  return {
    add(page) {
      batch.push({ id: page.id, url: page.url, title: page.title, tags: [...page.tags], html: page.html });
      if (batch.length >= BATCH) send();
    },
    finish() {
      send();
      return new Promise<string[]>((resolve, reject) => {
        if (failed) {
          reject(failed);
          return;
        }
        worker.once('message', (json: string[]) => resolve(json));
        worker.once('error', e => reject(new Error(`the search index's worker failed: ${e instanceof Error ? e.message : String(e)}`)));
        worker.once('exit', code => reject(new Error(`the search index's worker stopped (${code})`)));
        worker.postMessage('finish');
      });
    },
    close() {
      void worker.terminate();
    },
  };
}
