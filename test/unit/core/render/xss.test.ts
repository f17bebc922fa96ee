// The XSS corpus: hostile notes rendered exactly as the preview renders them (raw HTML on,
// links resolved by an index, embeds drawn), each output parsed by a real HTML parser and
// checked for anything that could run: scripts, handlers, dangerous URLs, forms, frames.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser } from 'htmlparser2';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { renderNotePage, type PageHost } from '../../../../src/core/render/page';
import { renderTagPage } from '../../../../src/core/render/tagPage';
import { exportPage } from '../../../../src/core/render/exportPage';

/** test/fixtures/xss/: one hostile note per file, named by what it tries. */
const CORPUS_DIR = path.resolve(__dirname, '../../../../../test/fixtures/xss');
export const CORPUS: Record<string, string> = Object.fromEntries(fs.readdirSync(CORPUS_DIR).filter(f => f.endsWith('.md') && f !== 'README.md').sort()
  .map(f => [f.replace(/\.md$/, ''), fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8')]));

const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'button', 'textarea',
  'select', 'option', 'link', 'meta', 'base', 'template', 'noscript', 'foreignobject', 'use', 'image', 'animate', 'set', 'video',
  'audio', 'source', 'applet', 'body', 'html', 'head', 'title', 'xmp', 'isindex', 'marquee']);
const URL_ATTRS = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'background', 'poster', 'srcset', 'data', 'cite', 'srcdoc',
  'longdesc', 'usemap', 'ping', 'codebase', 'classid', 'archive', 'manifest', 'icon', 'lowsrc', 'dynsrc', 'profile', 'values', 'to', 'from', 'by']);
const IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|webp);/;

/** Everything in `html` that could run or reach out, described. */
export function dangers(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (FORBIDDEN_TAGS.has(name)) found.push(`<${name}>`);
      if (name === 'input' && !(attribs['type'] === 'checkbox' && /margin-toggle|task-list-item-checkbox/.test(attribs['class'] ?? ''))) found.push('an input that is no toggle');
      for (const [attr, value] of Object.entries(attribs)) {
        if (attr.startsWith('on')) found.push(`${name}[${attr}]`);
        if (attr === 'id' && !/^(?:mg-|user-content-)/.test(value)) found.push(`id="${value}" without a prefix`);
        if (attr === 'name' && !value.startsWith('user-content-')) found.push(`name="${value}" without a prefix`);
        if (attr === 'style' && /url\(|expression|javascript|@import/i.test(value)) found.push(`${name}[style=${value}]`);
        if (URL_ATTRS.has(attr)) {
          const url = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
          const imageData = name === 'img' && attr === 'src' && IMAGE_DATA.test(url);
          if (scheme && !['http', 'https', 'mailto'].includes(scheme) && !imageData) found.push(`${name}[${attr}=${value}]`);
          if (attr === 'srcdoc' || attr === 'srcset' && scheme) found.push(`${name}[${attr}]`);
        }
      }
    },
  }, { decodeEntities: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  return found;
}

const host: PageHost = { noteHref: (p, f) => encodeURI(p) + (f ? `#${encodeURIComponent(f)}` : ''), imageSrc: p => encodeURI(p) };

suite('render: the XSS corpus renders nothing executable', () => {
  const index = new NoteIndex();
  index.upsert('note.md', '# Note\n\nA harmless note. #tag');
  const names = Object.keys(CORPUS);
  names.forEach((name, i) => index.upsert(`hostile-${i}.md`, `${CORPUS[name]}\n\n#tag\n\n![[note]]`));

  test(`the corpus holds at least 40 notes (${names.length})`, () => assert.ok(names.length >= 40));

  names.forEach((name, i) => {
    test(name, () => {
      const path = `hostile-${i}.md`;
      const page = renderNotePage(index, host, path, index.textOf(path)!);
      assert.deepStrictEqual(dangers(page.html), [], page.html);
    });
  });

  test('a page that embeds every hostile note, and its tag page, are clean too', () => {
    index.upsert('all.md', names.map((_, i) => `![[hostile-${i}]]`).join('\n\n'));
    assert.deepStrictEqual(dangers(renderNotePage(index, host, 'all.md', index.textOf('all.md')!).html), []);
    assert.deepStrictEqual(dangers(renderTagPage(index, host, 'tag').html), []);
  });

  test('an exported page carries the preview\'s CSP before anything it governs: no script, no <base>, no form', () => {
    const assets = { katexCss: '.katex{}', notesCss: '', previewCss: '', font: () => undefined };
    const html = exportPage(index, { note: 'hostile-0.md' }, assets, new Map());
    const policies: string[] = [];
    let beforePolicy = 0;
    const parser = new Parser({
      onopentag(name, attribs) {
        if (name === 'meta' && attribs['http-equiv']?.toLowerCase() === 'content-security-policy') policies.push(attribs['content'] ?? '');
        else if (policies.length === 0 && !['html', 'head', 'meta'].includes(name)) beforePolicy++;
      },
    }, { decodeEntities: true });
    parser.write(html);
    parser.end();
    assert.strictEqual(policies.length, 1, html.slice(0, 400));
    assert.strictEqual(beforePolicy, 0, 'the policy comes first in <head>');
    const directives = new Map(policies[0]!.split(';').map(d => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    assert.deepStrictEqual(directives.get('default-src'), ["'none'"]);
    assert.strictEqual(directives.get('script-src'), undefined);
    assert.deepStrictEqual(directives.get('base-uri'), ["'none'"]);
    assert.deepStrictEqual(directives.get('form-action'), ["'none'"]);
  });

  test('the checker itself finds what it looks for', () => {
    assert.deepStrictEqual(dangers('<img src=x onerror=y><a href="java&#9;script:1">x</a><iframe></iframe>'),
      ['img[onerror]', 'a[href=java\tscript:1]', '<iframe>']);
  });
});
