// `marginalia publish` formats citations as `marginalia render` does: the citation in the text,
// the full reference in the margin, a References section; on note pages, tag pages and in the
// paragraphs Backlinks quote. A vault that cites nothing is published byte for byte as without a
// library, which is never read. Under --watch a changed .bib redraws the pages that cite it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliSiteCitations } from '../../../src/cli/citations';
import { mediaFolder } from '../../../src/cli/render';
import { publishCommand, watchSite } from '../../../src/cli/publish';
import { buildIndex } from '../../../src/core/index/build';
import { SiteBuilder, type PublishOptions, type SiteOutput } from '../../../src/core/publish/site';
import { NodeVaultHost } from '../../../src/node/nodeHost';
import { siteAssets } from '../../../src/node/siteFolder';
import { MemoryHost } from '../core/index/memoryHost';
import { run } from './cli.test';

const lines = (...l: string[]) => l.join('\n');
const made: string[] = [];
function vault(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-pubcite-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, 'vault', rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, 'vault', rel), content);
  }
  return dir;
}

const BIB = lines(
  '@article{hollis2019, author = {Hollis, Mara and Quint, Ed}, title = {Ferns Under Glass}, journal = {Journal of Small Gardens}, year = {2019}, volume = {4}, pages = {10--20}}',
  '@book{orme2008, author = {Orme, Tobias}, title = {A Field Guide to Moss}, publisher = {Lichen Press}, year = {2008}}',
  '',
);
const NOTES = {
  'refs.bib': BIB,
  'ferns.md': lines('# Ferns', '', 'Ferns like damp shade [@hollis2019, p. 12]. As @orme2008 notes, moss comes first. #reading', ''),
  'moss.md': lines('# Moss', '', 'A note that cites nothing, linked from [[shade]].', ''),
  'shade.md': lines('# Shade', '', 'Shade suits [[moss]] well [@orme2008].', ''),
};

/** What a page draws of its citations: each `<cite>`, each reference in the margin, the References section. */
function citationParts(html: string): { cites: string[]; margin: string[]; references: string } {
  return {
    cites: html.match(/<cite class="citation[^"]*" data-cites="[^"]*">.*?<\/cite>/g) ?? [],
    margin: html.match(/<span class="sidenote citation-sidenote" role="note">.*?<\/span><\/span>/g) ?? [],
    references: /<section class="references">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '',
  };
}

class MemorySite implements SiteOutput {
  readonly files = new Map<string, string | Uint8Array>();
  write(p: string, data: string | Uint8Array): void {
    this.files.set(p, data);
  }
}

suite('cli: publish formats citations', () => {
  suiteTeardown(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });

  test("a note's page draws its citations, margin references and References as render does; tag pages and quoted Backlinks too", async () => {
    const dir = vault({ ...NOTES, 'bib/broken.bib': '@book{unclosed, title = {Never closed\n' });
    const root = path.join(dir, 'vault');
    const out = path.join(dir, 'site');
    const published = await run('publish', root, out);
    assert.strictEqual(published.code, 0, published.err);
    assert.match(published.err, /marginalia: bib\/broken\.bib:1: bibliography entry not read: /, 'a malformed entry is named, the rest is used');
    const page = fs.readFileSync(path.join(out, 'ferns/index.html'), 'utf8');
    assert.match(page, />\(Hollis &#38; Quint, 2019, p\. 12\)<\/cite>|>\(Hollis &amp; Quint, 2019, p\. 12\)<\/cite>/);
    assert.match(page, />Orme \(2008\)<\/cite>/);
    assert.match(page, /<span class="sidenote citation-sidenote" role="note">.*Ferns Under Glass/);
    assert.match(page, /<h2 class="references-title">References<\/h2>[\s\S]*A field guide to moss|<h2 class="references-title">References<\/h2>[\s\S]*A Field Guide to Moss/i);
    const rendered = await run('render', root, 'ferns.md');
    assert.strictEqual(rendered.code, 0, rendered.err);
    const fromRender = citationParts(rendered.out);
    assert.strictEqual(fromRender.cites.length, 2);
    assert.strictEqual(fromRender.margin.length, 2);
    assert.deepStrictEqual(citationParts(page), fromRender, 'render and publish draw the note\'s citations alike');

    // The tag page shows ferns.md in full: formatted, with References at the end.
    const tag = fs.readFileSync(path.join(out, 'tags/reading/index.html'), 'utf8');
    assert.match(tag, />Orme \(2008\)<\/cite>/);
    assert.match(tag, /<section class="references">/);
    // moss.md cites nothing, but its Backlinks quote shade.md's paragraph, which does.
    const moss = fs.readFileSync(path.join(out, 'moss/index.html'), 'utf8');
    assert.match(moss, />\(Orme, 2008\)<\/cite>/);
    assert.doesNotMatch(moss, /data-cites="orme2008">\[@orme2008\]/, 'no citation left as written');
  });

  test('a vault that cites nothing is published byte for byte as without a library, and reads no bibliography', async () => {
    const files = { ...NOTES, 'ferns.md': '# Ferns\n\nNo citation here, mail ed@example.org. #reading\n', 'shade.md': '# Shade\n\nShade suits [[moss]].\n' };
    const host = new MemoryHost(files);
    let bibReads = 0;
    const readFile = host.readFile.bind(host);
    host.readFile = async (p: string) => {
      if (p.endsWith('.bib')) bibReads++;
      return readFile(p);
    };
    const { index } = await buildIndex(host);
    const media = mediaFolder();
    assert.ok(media, 'run `npm run build` first');
    const source = { index, assets: siteAssets(media), readAttachment: () => undefined };
    const publish = async (options: PublishOptions) => {
      const site = new MemorySite();
      await new SiteBuilder(source, options).build(site);
      return site.files;
    };
    const without = await publish({});
    const withLibrary = await publish({ citations: cliSiteCitations(host, index) });
    assert.deepStrictEqual([...withLibrary.keys()].sort(), [...without.keys()].sort());
    for (const [file, data] of without) assert.deepStrictEqual(withLibrary.get(file), data, file);
    assert.strictEqual(bibReads, 0, 'the bibliography is not read');
  });

  test('--watch: a changed .bib redraws the pages that cite from it', async () => {
    const dir = vault(NOTES);
    const root = path.join(dir, 'vault');
    const out = path.join(dir, 'site');
    const { index } = await buildIndex(new NodeVaultHost(root));
    const logs: string[] = [];
    const published = await publishCommand(index, root, { out, include: [], exclude: [], force: false, watch: true }, m => logs.push(m));
    assert.ok(!('error' in published), 'error' in published ? published.error : '');
    if ('error' in published) return;
    const watch = watchSite(index, root, published, m => logs.push(m));
    try {
      const page = path.join(out, 'ferns/index.html');
      assert.match(fs.readFileSync(page, 'utf8'), /Ferns Under Glass/);
      fs.writeFileSync(path.join(root, 'refs.bib'), BIB.replace('Ferns Under Glass', 'Ferns in Greenhouses'));
      for (let i = 0; i < 200 && !fs.readFileSync(page, 'utf8').includes('Greenhouses'); i++) await new Promise(r => setTimeout(r, 50));
      await watch.settled();
      assert.match(fs.readFileSync(page, 'utf8'), /Ferns in Greenhouses/, `the citing page is drawn again (${logs.join('; ')})`);
      assert.doesNotMatch(fs.readFileSync(page, 'utf8'), /Ferns Under Glass/);
      assert.match(fs.readFileSync(path.join(out, 'tags/reading/index.html'), 'utf8'), /Ferns in Greenhouses/, 'and the tag page showing it');
    } finally {
      watch.close();
    }
  });
});
