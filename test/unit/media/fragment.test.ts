import * as assert from 'assert';
import { fragmentId } from '../../../media/src/fragment';
import { contentSecurityPolicy } from '../../../src/core/render/contentPolicy';

suite('preview: same-page links', () => {
  test('a fragment that is no valid percent-encoding (`#%`) is taken as written, never thrown', () => {
    assert.strictEqual(fragmentId('#%'), '%');
    assert.strictEqual(fragmentId('#a%zz'), 'a%zz');
  });

  test('a percent-encoded fragment is decoded', () => {
    assert.strictEqual(fragmentId('#mg-h-caf%C3%A9'), 'mg-h-café');
  });
});

suite('the pages\' content security policy', () => {
  const directives = (csp: string) => new Map(csp.split(';').map(d => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

  test('the preview\'s: its own files, its script by nonce, no <base>, no form', () => {
    const d = directives(contentSecurityPolicy({ self: 'https://webview', scriptNonce: 'abc' }));
    assert.deepStrictEqual(d.get('default-src'), ["'none'"]);
    assert.deepStrictEqual(d.get('script-src'), ["'nonce-abc'"]);
    assert.deepStrictEqual(d.get('base-uri'), ["'none'"]);
    assert.deepStrictEqual(d.get('form-action'), ["'none'"]);
    assert.deepStrictEqual(d.get('img-src'), ['https://webview', 'https:', 'data:']);
  });

  test('marginalia.preview.remoteImages off: no image from a server', () => {
    const d = directives(contentSecurityPolicy({ self: 'https://webview', remoteImages: false }));
    assert.deepStrictEqual(d.get('img-src'), ['https://webview', 'data:']);
  });
});
