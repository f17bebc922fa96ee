// One <head> for the four pages Marginalia writes (preview, graph, export/`render`, a published
// site): the policy comes first and each page's stays as strict as it was, the title is text.
import * as assert from 'assert';
import { Parser } from 'htmlparser2';
import { contentSecurityPolicy } from '../../../../src/core/render/contentPolicy';
import { pageHead } from '../../../../src/core/render/pageHead';
import { SITE_CSP } from '../../../../src/core/publish/layout';

interface Read { tags: string[]; title: string; policy?: string; styles: string[] }

function read(html: string): Read {
  const out: Read = { tags: [], title: '', styles: [] };
  let inTitle = false;
  let inStyle = false;
  const parser = new Parser({
    onopentag(name, attribs) {
      out.tags.push(name);
      if (name === 'meta' && attribs['http-equiv'] === 'Content-Security-Policy') out.policy = attribs['content'];
      inTitle = name === 'title';
      inStyle = name === 'style';
      if (inStyle) out.styles.push('');
    },
    ontext(text) {
      if (inTitle) out.title += text;
      if (inStyle) out.styles[out.styles.length - 1] += text;
    },
    onclosetag() {
      inTitle = false;
      inStyle = false;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return out;
}

suite('pageHead: the start of every page', () => {
  test('the policy is the first thing after the charset, and reads as given', () => {
    const csp = contentSecurityPolicy({ self: 'https://webview', scriptNonce: 'n0nce+/=' });
    const r = read(`${pageHead({ title: 'T', csp, stylesheets: ['https://webview/a.css'] })}<body></body></html>`);
    assert.deepStrictEqual(r.tags.slice(0, 4), ['html', 'head', 'meta', 'meta']);
    assert.strictEqual(r.policy, csp);
  });

  test('a hostile title and stylesheet stay text: no element comes out of them', () => {
    const title = '</title><script>alert(1)</script><b>"x" & \'y\'';
    const html = pageHead({ title, csp: contentSecurityPolicy(), inlineStyles: ['p{}</style><script>alert(2)</script>'] });
    const r = read(html);
    assert.strictEqual(r.title, title);
    assert.ok(!r.tags.includes('script') && !r.tags.includes('b'), r.tags.join(' '));
    assert.strictEqual(r.styles.length, 1);
  });

  test('the colour schemes and the generator are said only when asked', () => {
    const bare = pageHead({ title: 'T', csp: contentSecurityPolicy() });
    assert.ok(!/color-scheme|generator/.test(bare));
    assert.match(pageHead({ title: 'T', csp: contentSecurityPolicy(), colorScheme: 'light dark', generator: true }), /name="color-scheme" content="light dark"[\s\S]*name="generator"/);
  });
});

suite('each page\'s policy, from the one contentSecurityPolicy()', () => {
  test('the graph: only its stylesheet, its script by nonce and its layout worker from a blob (no images, fonts or style attributes)', () => {
    assert.strictEqual(contentSecurityPolicy({ self: 'https://webview', scriptNonce: 'abc', noteContent: false, workerFromBlob: true }),
      "default-src 'none'; style-src https://webview; script-src 'nonce-abc'; worker-src blob:; base-uri 'none'; form-action 'none'");
    assert.ok(!contentSecurityPolicy({ self: 'https://webview', scriptNonce: 'abc' }).includes('worker-src'), 'no other page may start a worker');
  });

  test('a published site: its own files, its script file and fetches, no inline script', () => {
    assert.strictEqual(SITE_CSP,
      "default-src 'none'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; font-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'");
  });

  test('a standalone page: no script, nothing to fetch', () => {
    const csp = contentSecurityPolicy({ scriptsFromSelf: true, connectToSelf: true });
    assert.ok(!/script-src|connect-src/.test(csp), csp);
  });
});
