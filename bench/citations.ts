// The citation library at 5,000 entries (bench/gen-bib.mjs): the first parse of the .bib, a
// reload after one entry changed (what Zotero does on every edit), and `@` completion per
// keystroke (the library's search for the typed key); and formatting a page's citations with
// citeproc, the first time (citeproc loaded, the style read) and after. Prints one JSON line;
// never asserts.
import { citationFormatter } from '../src/core/citations/citeproc';
import type { CitationStyle } from '../src/core/citations/format';
import { CitationLibrary } from '../src/core/citations/library';
import { citationGroup } from '../src/core/syntax/citation';
import type { VaultHost } from '../src/core/host';
// @ts-expect-error a plain .mjs generator
import { generateBib } from './gen-bib.mjs';

function cpuMs(from: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 5000);
  let text: string = generateBib(n);
  const host: VaultHost = { listFiles: async () => [{ path: 'lib.bib' }], readFile: async () => new TextEncoder().encode(text) };
  const library = new CitationLibrary(host);
  let t = performance.now();
  let c = process.cpuUsage();
  await library.load('lib.bib');
  const parse = { wall: performance.now() - t, cpu: cpuMs(c), entries: library.size };

  text = text.replace(/title = \{\{([A-Z])/, 'title = {{Changed $1');
  t = performance.now();
  c = process.cpuUsage();
  await library.load('lib.bib');
  const reload = { wall: performance.now() - t, cpu: cpuMs(c) };

  // Typing a key after `@`: each prefix of a few keys, as completion asks for it.
  const keys = library.search('', 50).map(k => k.key);
  const times: number[] = [];
  for (const key of keys) for (let i = 0; i <= Math.min(key.length, 12); i++) {
    const s = performance.now();
    library.search(key.slice(0, i), 200);
    times.push(performance.now() - s);
  }
  const completion = { median: median(times), p95: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!, n: times.length };

  // A page citing ten entries: each citation and its reference, then the References section.
  // The entries are read in full (citation-js) before; only the formatting is timed.
  const cited = keys.slice(0, 10);
  for (const key of cited) library.item(key);
  const page = (style: CitationStyle) => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const formatter = citationFormatter(style, key => library.item(key));
    formatter.cite(cited);
    for (const key of cited) {
      const src = `[see @${key}, p. 4]`;
      formatter.citation(citationGroup(src, 0, src.length)!.cites, true);
      formatter.reference(key);
    }
    formatter.references();
    return { wall: performance.now() - t0, cpu: cpuMs(c0) };
  };
  const format = { first: page('author-date'), next: page('author-date'), numericFirst: page('numeric'), numericNext: page('numeric') };
  console.log(JSON.stringify({ parse, reload, completion, format }));
}

void main();
