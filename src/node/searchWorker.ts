// The site's search index kept by a worker thread while the main thread renders the pages: the
// worker takes each page's body, extracts its words and indexes them (src/core/publish/search.ts),
// and hands back the files to write; under --watch it stays, and a change sends it the note's page
// again. On two cores this takes the search index (a third of a 10,000-note publish) off the
// rendering thread.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchIndexer, SearchPage } from '../core/publish/site';

/** The module that exports SearchIndex: the bundle's render.js, or the compiled source (tests). */
function searchModule(): string | undefined {
  for (const candidate of [path.join(__dirname, 'render.js'), path.join(__dirname, '..', 'core', 'publish', 'search.js')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

// Plain JavaScript, run as the worker's whole program: it loads the engine's own search code.
// Messages, in order: a batch of pages ({ add }), ids taken out ({ remove }), 'take' (answered with the files).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { SearchIndex } = require(workerData.module);
const index = new SearchIndex();
parentPort.on('message', m => {
  if (m === 'take') {
    parentPort.postMessage(index.takeChanged());
    return;
  }
  for (const id of m.remove ?? []) index.remove(id);
  for (const p of m.add ?? []) index.addPage(p);
});
`;

/** Pages posted to the worker at a time. */
const BATCH = 32;

/** A SearchIndexer on a worker thread; undefined when no worker can be started (the index is then kept in this thread). */
export function searchWorker(): SearchIndexer | undefined {
  const module = searchModule();
  if (!module) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { eval: true, workerData: { module } });
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
    if (batch.length) worker.postMessage({ add: batch });
    batch = [];
  };
  return {
    add(page) {
      batch.push({ id: page.id, url: page.url, title: page.title, tags: [...page.tags], html: page.html });
      if (batch.length >= BATCH) send();
    },
    remove(id) {
      send();
      worker.postMessage({ remove: [id] });
    },
    take() {
      send();
      return new Promise<[string, string][]>((resolve, reject) => {
        if (failed) {
          reject(failed);
          return;
        }
        const done = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        const onMessage = (files: [string, string][]) => {
          done();
          resolve(files);
        };
        const onError = (e: unknown) => {
          done();
          reject(new Error(`the search index's worker failed: ${e instanceof Error ? e.message : String(e)}`));
        };
        const onExit = (code: number) => {
          done();
          reject(new Error(`the search index's worker stopped (${code})`));
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage('take');
      });
    },
    close() {
      void worker.terminate();
    },
  };
}
