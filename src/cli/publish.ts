// `marginalia publish DIR OUT`: the vault as a static site (src/core/publish/, docs/publish.md),
// written through Node's fs into OUT and nowhere else; `--watch` keeps the index in memory and
// rewrites only the pages a changed note feeds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NoteIndex } from '../core/index/noteIndex';
import { isNotePath } from '../core/index/paths';
import { SiteBuilder } from '../core/render/engine';
import type { PublishOptions, SiteSource } from '../core/publish/site';
import { NodeVaultHost } from '../node/nodeHost';
import { searchWorker } from '../node/searchWorker';
import { refuseOutput, siteAssets, SiteFolder } from '../node/siteFolder';
import type { PublishArgs } from './args';
import { cliSiteCitations, type CliSiteCitations } from './citations';
import { mediaFolder } from './render';

export interface PublishRun {
  readonly builder: SiteBuilder;
  readonly folder: SiteFolder;
  /** The library citations are drawn from (read once a page draws one), re-read under --watch. */
  readonly citations: CliSiteCitations;
  readonly notes: number;
  readonly tags: number;
  readonly attachments: number;
  readonly millis: number;
}

export async function publishCommand(index: NoteIndex, root: string, args: PublishArgs, log: (message: string) => void, options: Partial<PublishOptions> = {}): Promise<PublishRun | { error: string }> {
  const refused = refuseOutput(root, args.out, args.force);
  if (refused) return { error: refused };
  const media = mediaFolder();
  if (!media || !fs.existsSync(path.join(media, 'site.js'))) return { error: 'the site\'s files are missing (media/site.js): run `npm run build` first' };
  const started = performance.now();
  const source: SiteSource = {
    index,
    assets: siteAssets(media),
    readAttachment: p => {
      try {
        return fs.readFileSync(path.join(root, p));
      } catch {
        return undefined;
      }
    },
    modified: p => {
      try {
        return fs.statSync(path.join(root, p)).mtimeMs;
      } catch {
        return undefined;
      }
    },
  };
  const folder = new SiteFolder(path.resolve(args.out));
  folder.clearPrevious();
  const citations = cliSiteCitations(new NodeVaultHost(root), index);
  const builder = new SiteBuilder(source, {
    include: args.include,
    exclude: args.exclude,
    baseUrl: args.baseUrl,
    title: args.title ?? path.basename(root),
    warn: m => log(m),
    searchIndexer: process.env.MARGINALIA_SEARCH_WORKER === '0' ? undefined : searchWorker,
    citations,
    ...options,
  });
  const result = await builder.build(folder);
  for (const p of citations.problems()) log(`${p.path}:${p.line}: ${p.message}`);
  return { builder, folder, citations, notes: result.notes, tags: result.tags, attachments: result.attachments, millis: performance.now() - started };
}

export interface SiteWatch {
  close(): void;
  /** Resolves after the changes seen so far are published (tests wait on it). */
  settled(): Promise<void>;
}

/**
 * Keeps the site in step with DIR: each burst of changes (50 ms quiet) updates the index and
 * rewrites the pages those notes feed; a change that moves URLs publishes the whole site again.
 * A bibliography that changed is read again and every page of a note that cites is drawn again.
 */
export function watchSite(index: NoteIndex, root: string, run: PublishRun, log: (message: string) => void): SiteWatch {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let working = Promise.resolve();
  const out = path.resolve(run.folder.root);
  const flush = async () => {
    timer = undefined;
    const changed = [...pending].filter(p => isNotePath(p));
    const others = [...pending].filter(p => !isNotePath(p));
    pending.clear();
    const bibliographies: string[] = [];
    for (const p of others) if (await run.citations.reload(p, !fs.existsSync(path.join(root, p)))) bibliographies.push(p);
    if (changed.length === 0 && bibliographies.length === 0) return;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return Math.round((used.user + used.system) / 1000);
    };
    const before = new Map(changed.map(p => [p, [...run.builder.dependents(p)]]));
    for (const p of changed) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(path.join(root, p), 'utf8');
      } catch {
        text = undefined;
      }
      if (text === undefined) index.remove(p);
      else index.upsert(p, text);
    }
    // The pages of the notes that cite are drawn again as if those notes had changed (their text has not).
    const citing = bibliographies.length ? [...index.packedNotes()].filter(n => n.packed.citations?.length && !changed.includes(n.path)).map(n => n.path) : [];
    for (const p of citing) before.set(p, [...run.builder.dependents(p)]);
    const files = await run.builder.update([...changed, ...citing], before, run.folder);
    const what = [...changed, ...bibliographies].join(', ');
    if (!files) {
      const all = (await run.builder.build(run.folder)).files;
      log(`published ${what}: the whole site again (its URLs moved), ${all.length} files in ${Math.round(performance.now() - started)} ms`);
      return;
    }
    await run.folder.flush();
    log(`published ${what}: ${files.length} files in ${Math.round(performance.now() - started)} ms (CPU ${cpuMs(cpu)} ms)`);
    const indexing = performance.now();
    const indexCpu = process.cpuUsage();
    const written = await run.builder.writeIndexes(run.folder);
    log(`search index and graph updated in ${Math.round(performance.now() - indexing)} ms (CPU ${cpuMs(indexCpu)} ms): ${written.join(', ')}`);
  };
  const queue = (rel: string) => {
    if (rel.split('/').some(s => s.startsWith('.') || s === 'node_modules')) return;
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      working = working.then(flush).catch(e => log(`could not publish the change: ${e instanceof Error ? e.message : String(e)}`));
    }, 50);
  };
  // One watcher per folder, set up before this returns: Node's recursive watch on Linux walks
  // the tree (every file of it) asynchronously, and misses what changes meanwhile.
  const watchers = new Map<string, fs.FSWatcher>();
  const watchFolder = (folder: string) => {
    const full = path.join(root, folder);
    if (watchers.has(folder) || full === out || full.startsWith(out + path.sep)) return;
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(full, (_event, name) => {
        if (!name) return;
        const rel = folder === '' ? name.toString() : `${folder}/${name.toString()}`;
        try {
          if (fs.statSync(path.join(root, rel)).isDirectory()) {
            if (!rel.split('/').some(s => s.startsWith('.') || s === 'node_modules')) walk(rel);
            return;
          }
        } catch {
          // Gone: a deleted note, queued below.
        }
        queue(rel);
      });
    } catch {
      return;
    }
    watchers.set(folder, watcher);
  };
  const walk = (folder: string) => {
    watchFolder(folder);
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(folder === '' ? e.name : `${folder}/${e.name}`);
    }
  };
  walk('');
  return {
    close: () => {
      for (const w of watchers.values()) w.close();
      if (timer) clearTimeout(timer);
    },
    settled: async () => {
      while (timer) await new Promise(r => setTimeout(r, 20));
      await working;
    },
  };
}
