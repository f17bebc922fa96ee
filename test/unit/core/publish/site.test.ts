// The site as a crawler sees it: every internal href and src resolves to a file the site
// holds; nothing of a note left out (publish: false, draft: true, --exclude) reaches any
// page, the search index or the graph; every page of the sample vault is valid HTML; the XSS
// corpus published as a site has nothing that runs; an incremental update writes what a
// full build would.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Parser } from 'htmlparser2';
import { HtmlValidate } from 'html-validate';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { SiteBuilder, type PublishOptions, type SiteOutput, type SiteSource } from '../../../../src/core/publish/site';
import { siteAssets } from '../../../../src/node/siteFolder';
import { mediaFolder } from '../../../../src/cli/render';
import { CORPUS, dangers } from '../render/xss.test';
import { SiteSearch, type SearchManifest } from '../../../../src/core/publish/search';

const ROOT = path.resolve(__dirname, '../../../../..');
const lines = (...l: string[]) => l.join('\n');

class MemorySite implements SiteOutput {
  readonly files = new Map<string, string | Uint8Array>();
  write(p: string, data: string | Uint8Array): void {
    this.files.set(p, data);
  }
  remove(p: string): void {
    this.files.delete(p);
  }
  text(p: string): string {
    const f = this.files.get(p);
    return typeof f === 'string' ? f : Buffer.from(f ?? '').toString('utf8');
  }
  pages(): string[] {
    return [...this.files.keys()].filter(f => f.endsWith('.html')).sort();
  }
}

/** Every file of the search index, as written (search.json lists them). */
function searchShards(site: MemorySite): string {
  const manifest = JSON.parse(site.text('search.json')) as SearchManifest;
  const files = [manifest.docs, ...manifest.chunks.map(c => c.file)];
  assert.ok(manifest.chunks.length > 0 && files.every(f => site.files.has(f)), 'search.json lists the files written');
  return files.map(f => site.text(f)).join('\n');
}

let assets: Map<string, Uint8Array> | undefined;
function source(index: NoteIndex, attachments: Record<string, string> = {}): SiteSource {
  const media = mediaFolder();
  if (!media) throw new Error('media/katex is missing: run `npm run build` first');
  assets ??= siteAssets(media);
  return { index, assets, readAttachment: p => (p in attachments ? Buffer.from(attachments[p]!) : undefined) };
}

async function publish(index: NoteIndex, options: PublishOptions = {}, attachments: Record<string, string> = {}): Promise<{ site: MemorySite; builder: SiteBuilder }> {
  const site = new MemorySite();
  const builder = new SiteBuilder(source(index, attachments), options);
  await builder.build(site);
  return { site, builder };
}

function sampleIndex(): { index: NoteIndex; attachments: Record<string, string> } {
  const index = new NoteIndex();
  const attachments: Record<string, string> = {};
  const dir = path.join(ROOT, 'samples/research-notes');
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.md')) index.upsert(p, fs.readFileSync(path.join(dir, p), 'utf8'));
      else {
        index.addAttachment(p);
        attachments[p] = fs.readFileSync(path.join(dir, p), 'latin1');
      }
    }
  };
  walk('');
  return { index, attachments };
}

/** Every href and src of every page, resolved against the page's folder: those naming no file of the site. */
function deadLinks(site: MemorySite): string[] {
  const dead: string[] = [];
  for (const page of site.pages()) {
    const folder = path.posix.dirname(page);
    const refs: string[] = [];
    const parser = new Parser({
      onopentag(_name, attribs) {
        for (const a of ['href', 'src']) if (attribs[a] !== undefined) refs.push(attribs[a]!);
      },
    }, { decodeEntities: true });
    parser.write(site.text(page));
    parser.end();
    for (const ref of refs) {
      if (/^(?:https?:|mailto:|data:|#)/i.test(ref)) continue;
      const target = decodeURIComponent(ref.replace(/[#?].*$/, ''));
      let file = path.posix.normalize(path.posix.join(folder, target));
      if (file === '.' || target.endsWith('/') || file.endsWith('/')) file = path.posix.join(file, 'index.html');
      if (file.startsWith('..') || !site.files.has(file)) dead.push(`${page}: ${ref}`);
    }
  }
  return dead;
}

suite('publish: the site', () => {
  test('every internal href and src of the sample vault\'s site resolves to a file it holds', async () => {
    const { index, attachments } = sampleIndex();
    const { site } = await publish(index, { baseUrl: 'https://example.org/notes/' }, attachments);
    assert.ok(site.pages().length > 25);
    assert.deepStrictEqual(deadLinks(site), []);
    assert.ok(site.files.has('files/attachments/figure.png'), 'an embedded image is copied');
    assert.ok(site.files.has('feed.xml') && site.files.has('sitemap.xml'));
  });

  test('the crawler finds a dead link when there is one', async () => {
    const site = new MemorySite();
    site.write('a/index.html', '<a href="../b/">b</a><img src="../x.png">');
    site.write('b/index.html', '<a href="../a/">a</a>');
    assert.deepStrictEqual(deadLinks(site), ['a/index.html: ../x.png']);
  });

  test('only linked or embedded attachments are copied', async () => {
    const index = new NoteIndex();
    index.upsert('a.md', 'A figure ![[used.png]] and a [[paper.pdf]].');
    for (const f of ['used.png', 'paper.pdf', 'unused.png']) index.addAttachment(f);
    const { site } = await publish(index, {}, { 'used.png': 'png', 'paper.pdf': 'pdf', 'unused.png': 'x' });
    assert.ok(site.files.has('files/used.png'));
    assert.ok(site.files.has('files/paper.pdf'));
    assert.ok(!site.files.has('files/unused.png'));
  });

  test('a link to a note not written yet is plain text with a mark, not a link', async () => {
    const index = new NoteIndex();
    index.upsert('a.md', '# A\n\nSee [[bitter-lesson]] and [lesson](lesson.md).');
    const html = (await publish(index)).site.text('a/index.html');
    assert.match(html, /<span class="wikilink missing" title="Not written yet">bitter-lesson<\/span>/);
    assert.match(html, /<span class="wikilink missing" title="Not written yet">lesson<\/span>/);
    assert.doesNotMatch(html, /href="[^"]*bitter-lesson/);
  });

  suite('a note left out leaves no trace', () => {
    let site: MemorySite;
    let everything: string;
    suiteSetup(async () => {
    const index = new NoteIndex();
    index.upsert('public.md', lines('# Public', '', 'Read [[secret]], [[Zebra Plans|the plans]] and [[drafty]]; see #shared.', '', '![[secret]]', '', '![[private/diary]]'));
    index.upsert('secret.md', lines('---', 'title: Zebra Plans', 'aliases: [Quagga]', 'publish: false', '---', '', 'The xylophonic word. [[public]] #secret-tag #shared'));
    index.upsert('drafty.md', lines('---', 'draft: true', '---', '# Drafty Marmoset', '', 'Bassoonical words. [[public]]'));
    index.upsert('private/diary.md', '# Diary Okapi\n\nClarinetish. [[public]] #shared');
    index.upsert('other.md', '# Other\n\nLinks [[public]]. #shared');
    site = (await publish(index, { exclude: ['private/**'], baseUrl: 'https://example.org/' })).site;
    everything = [...site.files.entries()].filter(([f]) => !f.startsWith('assets/')).map(([f]) => `${f}\n${site.text(f)}`).join('\n');
    });

    test('no page for it', async () => {
      assert.ok(site.files.has('public/index.html'));
      assert.ok(site.files.has('other/index.html'));
      for (const f of ['secret/index.html', 'drafty/index.html', 'private/diary/index.html', 'tags/secret-tag/index.html']) assert.ok(!site.files.has(f), f);
    });

    test('no title, alias, word or tag of it in any page, the search index, the graph, the feed', async () => {
      for (const word of ['Zebra Plans', 'Quagga', 'xylophonic', 'Drafty Marmoset', 'Bassoonical', 'Diary Okapi', 'Clarinetish', 'secret-tag']) {
        // "Zebra Plans" is what public.md itself wrote as a link target: it may stay as that note's text, never as a title.
        const allowed = word === 'Zebra Plans' ? (everything.match(/\[\[Zebra Plans|Zebra Plans\]/g) ?? []).length : 0;
        const found = everything.split(word).length - 1;
        assert.ok(found <= allowed, `"${word}" leaks (${found} times)`);
      }
      assert.doesNotMatch(searchShards(site), /Zebra|xylophonic|Marmoset|Okapi/);
      assert.match(searchShards(site), /Public/, 'the search index was read');
    });

    test('links to it are plain text, and it quotes no paragraph in Backlinks', async () => {
      const html = site.text('public/index.html');
      assert.match(html, /<span class="wikilink unpublished">secret<\/span>/);
      assert.match(html, /<span class="wikilink unpublished">the plans<\/span>/);
      assert.doesNotMatch(html, /href="[^"]*(?:secret|drafty|diary)/);
      const backlinks = html.slice(html.indexOf('class="backlinks"'));
      assert.match(backlinks, /Other/);
      assert.doesNotMatch(backlinks, /secret|Drafty|Diary/i);
      for (const page of site.pages()) assert.doesNotMatch(site.text(page), /href="[^"]*(?:secret|drafty|diary)[/"]/, page);
    });

    test('its tags count only published notes', async () => {
      assert.match(site.text('tags/shared/index.html'), /2 notes/);
    });
  });

  test('every page of the sample vault is valid HTML (html-validate, recommended rules)', async function () {
    // html-validate over every page: 26 s at load 26 on 2 cores.
    this.timeout(120_000);
    const { index, attachments } = sampleIndex();
    const { site } = await publish(index, { baseUrl: 'https://example.org/' }, attachments);
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // KaTeX positions glyphs with style attributes (the CSP allows them for that alone).
        'no-inline-style': 'off',
      },
    });
    const problems: string[] = [];
    for (const page of site.pages()) {
      const report = await validator.validateString(site.text(page), page);
      for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    assert.deepStrictEqual(problems, []);
  });

  test('the XSS corpus published as a site: nothing in any page can run, and every script is the site\'s own file', async () => {
    const index = new NoteIndex();
    index.upsert('note.md', '# Note\n\nA harmless note. #tag');
    Object.values(CORPUS).forEach((text, i) => index.upsert(`hostile-${i}.md`, `${text}\n\n#tag\n\n![[note]] [[hostile-${(i + 1) % 60}]]`));
    index.upsert('all.md', Object.keys(CORPUS).map((_, i) => `![[hostile-${i}]]`).join('\n\n'));
    const { site } = await publish(index);
    const findings: string[] = [];
    for (const page of site.pages()) {
      const html = site.text(page);
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>') + 7);
      // The search page's box and its <noscript> are the site's own markup, no note's.
      if (page !== 'search/index.html') for (const d of dangers(main)) findings.push(`${page}: ${d}`);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      for (const s of scripts) if (!/^\s+src="(?:\.\.\/)*assets\/site\.js" defer$/.test(s[1]!) || s[2] !== '') findings.push(`${page}: script ${s[0]}`);
      if (!html.includes('content="default-src &#39;none&#39;')) findings.push(`${page}: no CSP`);
    }
    assert.deepStrictEqual(findings, []);
    // The index holds the notes' words as text (`<script>` written in a note is a word there); the
    // search page shows them with textContent only (media/src/site/search.ts), never as HTML.
    assert.doesNotThrow(() => JSON.parse(site.text('search.json')));
    for (const f of site.files.keys()) if (f.startsWith('search/') && f.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(site.text(f)), f);
  });

  test('an incremental update writes the pages a full build would', async () => {
    const index = new NoteIndex();
    index.upsert('a.md', '# A\n\nLinks [[b]]. #x');
    index.upsert('b.md', '# B\n\nPlain.');
    index.upsert('c.md', '# C\n\n![[b]]');
    const site = new MemorySite();
    const builder = new SiteBuilder(source(index));
    await builder.build(site);
    const before = new Map([['b.md', [...builder.dependents('b.md')]]]);
    index.upsert('b.md', '# B renamed\n\nNew words here. [[a]] #y');
    const written = await builder.update(['b.md'], before, site);
    assert.ok(written);
    await builder.writeIndexes(site);
    const fresh = (await publish(index)).site;
    for (const f of ['a/index.html', 'b/index.html', 'c/index.html', 'tags/y/index.html', 'notes/index.html']) assert.strictEqual(site.text(f), fresh.text(f), f);
    assert.ok(!written.includes('assets/site.js'), 'assets are not rewritten');
  });

  suite('under --watch, the site after each change equals a fresh publish of the vault', () => {
    /** What a reader can find: every document the index holds, and the notes each word finds. */
    async function searchable(site: MemorySite, words: readonly string[]): Promise<{ docs: string[]; hits: Record<string, string[]> }> {
      const search = new SiteSearch(async f => site.text(f));
      const docs = (await search.documents()).map(h => JSON.stringify([h.id, h.title, h.url, h.tags])).sort();
      const hits: Record<string, string[]> = {};
      for (const w of words) hits[w] = (await search.search(w)).map(h => String(h.id)).sort();
      return { docs, hits };
    }

    async function assertSame(watched: MemorySite, fresh: MemorySite, index: NoteIndex, step: string): Promise<void> {
      const files = (s: MemorySite) => [...s.files.keys()].sort();
      assert.deepStrictEqual(files(watched), files(fresh), `${step}: the same files`);
      for (const f of files(fresh)) {
        if (f.startsWith('search/')) continue; // compared by what they find, below
        assert.strictEqual(watched.text(f), fresh.text(f), `${step}: ${f}`);
      }
      const words = [...new Set([...index.notes()].flatMap(n => (index.textOf(n.path) ?? '').match(/[a-z]{4,}/gi) ?? []))];
      assert.deepStrictEqual(await searchable(watched, words), await searchable(fresh, words), `${step}: the search index finds the same notes`);
    }

    test('edits, a note written that was linked before, one withdrawn, one deleted, a tag gone, an attachment linked and unlinked', async () => {
      const index = new NoteIndex();
      index.upsert('a.md', '# A\n\nLinks [[b]] and [[later]]. #x');
      index.upsert('b.md', '# B\n\nPlain words. #gone');
      index.upsert('c.md', '# C #z\n\n![[b]]\n\nSee [[a]].');
      index.upsert('d/e.md', '# E\n\nNested, about [[b#Plain]]. #x/y');
      index.addAttachment('pic.png');
      const attachments = { 'pic.png': 'png bytes' };
      const site = new MemorySite();
      const builder = new SiteBuilder(source(index, attachments), { baseUrl: 'https://example.org/' });
      await builder.build(site);
      const step = async (name: string, changed: string[], change: () => void) => {
        const before = new Map(changed.map(p => [p, [...builder.dependents(p)]]));
        change();
        const written = await builder.update(changed, before, site);
        if (written) await builder.writeIndexes(site);
        else await builder.build(site);
        await assertSame(site, (await publish(index, { baseUrl: 'https://example.org/' }, attachments)).site, index, name);
      };
      await step('b edited: new words, a tag, a link, the tag it had gone', ['b.md'], () => index.upsert('b.md', '# B\n\n## Plain\n\nNew quokka words. [[a]] #y'));
      await step('later.md written: a link to it was to a note not written yet', ['later.md'], () => index.upsert('later.md', '# Later\n\nNow here. #x'));
      await step('an attachment embedded', ['c.md'], () => index.upsert('c.md', '# C #z\n\n![[b]]\n\n![[pic.png]] See [[a]].'));
      await step('later.md withdrawn (publish: false)', ['later.md'], () => index.upsert('later.md', '---\npublish: false\n---\n# Later\n\nHidden wombat. #x'));
      await step('the attachment no longer embedded', ['c.md'], () => index.upsert('c.md', '# C #z\n\n![[b]]\n\nSee [[a]].'));
      await step('d/e.md deleted: its tag x/y is gone', ['d/e.md'], () => index.remove('d/e.md'));
      await step('later.md published again', ['later.md'], () => index.upsert('later.md', '# Later\n\nBack. #x'));
    });
  });

  test('a cancelled publish stops between pages and still marks the folder as its own', async () => {
    const index = new NoteIndex();
    for (let i = 0; i < 5; i++) index.upsert(`n${i}.md`, `# N${i}\n\ntext`);
    let asked = 0;
    const site = new MemorySite();
    const result = await new SiteBuilder(source(index), { isCancelled: () => ++asked > 2 }).build(site);
    assert.strictEqual(result.cancelled, true);
    assert.strictEqual(result.notes, 2);
    assert.ok(site.files.has('marginalia-site.json'));
    assert.ok(!site.files.has('search.json'));
  });
});
