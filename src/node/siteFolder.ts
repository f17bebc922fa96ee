// The folder a site is published into, through Node's fs: checks that it is a safe place
// (not inside the vault, not holding the vault, not someone else's files), clears what an
// earlier publish wrote there, and writes every file inside it and nowhere else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SiteOutput } from '../core/publish/site';
import { SITE_MARKER } from '../core/publish/marker';

/** Why a folder may not receive a site, in words that say what to do; undefined when it may. */
export function refuseOutput(vault: string, out: string, force: boolean): string | undefined {
  const real = (p: string) => {
    // The deepest part of p that exists, resolved through symbolic links, then the rest.
    let head = path.resolve(p);
    const tail: string[] = [];
    while (!fs.existsSync(head) && path.dirname(head) !== head) {
      tail.unshift(path.basename(head));
      head = path.dirname(head);
    }
    return path.join(fs.realpathSync(head), ...tail);
  };
  const v = real(vault);
  const o = real(out);
  const inside = (child: string, parent: string) => {
    const rel = path.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  if (inside(o, v)) return `${out} is inside the vault ${vault}: the site would publish itself; choose a folder outside it`;
  if (inside(v, o)) return `${out} holds the vault ${vault}: choose a folder of its own for the site`;
  if (!fs.existsSync(o)) return undefined;
  if (!fs.statSync(o).isDirectory()) return `${out} is a file, not a folder`;
  const entries = fs.readdirSync(o);
  if (entries.length === 0 || entries.includes(SITE_MARKER) || force) return undefined;
  return `${out} is not empty and was not made by marginalia publish: give an empty or new folder, or --force to write into it anyway`;
}

/** Files written at once in the background: enough to keep the disk busy while pages render. */
const WRITES_IN_FLIGHT = 16;

export class SiteFolder implements SiteOutput {
  readonly written = new Set<string>();
  /** Folders known to exist: a site of 10,000 pages made each one's folder again (3 s of mkdir). */
  private readonly folders = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  /** The write under way to each file: a second write to it waits, so the last one wins. */
  private readonly writing = new Map<string, Promise<void>>();
  private failure: unknown;

  constructor(readonly root: string) {}

  /** The files an earlier publish listed in its marker, deleted (only those, only inside the folder). */
  clearPrevious(): number {
    const marker = path.join(this.root, SITE_MARKER);
    let files: unknown;
    try {
      files = JSON.parse(fs.readFileSync(marker, 'utf8')).files;
    } catch {
      return 0;
    }
    if (!Array.isArray(files)) return 0;
    let removed = 0;
    for (const f of files) {
      if (typeof f !== 'string') continue;
      const full = this.inside(f);
      if (full && fs.existsSync(full)) {
        fs.rmSync(full, { force: true });
        removed++;
      }
    }
    return removed;
  }

  private inside(relative: string): string | undefined {
    const full = path.resolve(this.root, relative);
    const rel = path.relative(this.root, full);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : full;
  }

  /**
   * Written in the background, a few files at a time: resolves when the file is under way (it
   * waits only when WRITES_IN_FLIGHT are). A failed write fails the next write or flush().
   */
  async write(relative: string, data: string | Uint8Array): Promise<void> {
    this.check();
    const full = this.inside(relative);
    if (!full) throw new Error(`refused to write ${relative}: outside ${this.root}`);
    const folder = path.dirname(full);
    if (!this.folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    while (this.inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(this.inFlight);
    await this.writing.get(full);
    this.check();
    const done: Promise<void> = fs.promises.writeFile(full, data).catch(e => {
      this.failure ??= e;
    }).finally(() => {
      this.inFlight.delete(done);
      if (this.writing.get(full) === done) this.writing.delete(full);
    });
    this.inFlight.add(done);
    this.writing.set(full, done);
    this.written.add(relative);
  }

  async remove(relative: string): Promise<void> {
    const full = this.inside(relative);
    if (!full) return;
    await this.flush();
    fs.rmSync(full, { force: true });
    this.written.delete(relative);
  }

  /** Resolves when every file written so far is on disk; rejects with the first write that failed. */
  async flush(): Promise<void> {
    while (this.inFlight.size) await Promise.all(this.inFlight);
    this.check();
  }

  private check(): void {
    if (this.failure === undefined) return;
    const e = this.failure;
    this.failure = undefined;
    throw e;
  }
}

/** The site's own files, from media/ (built by `npm run build`): name under assets/ -> bytes. */
export function siteAssets(media: string): Map<string, Uint8Array> {
  const assets = new Map<string, Uint8Array>();
  for (const name of ['notes.css', 'preview.css', 'site.css', 'site.js']) assets.set(name, fs.readFileSync(path.join(media, name)));
  assets.set('katex/katex.min.css', fs.readFileSync(path.join(media, 'katex', 'katex.min.css')));
  for (const font of fs.readdirSync(path.join(media, 'katex', 'fonts'))) {
    if (font.endsWith('.woff2')) assets.set(`katex/fonts/${font}`, fs.readFileSync(path.join(media, 'katex', 'fonts', font)));
  }
  return assets;
}
