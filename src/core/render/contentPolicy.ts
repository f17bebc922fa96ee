// The one Content-Security-Policy of every page Marginalia draws (DESIGN.md §8): the preview's
// and the graph's webviews, every page written outside them (export, `render`) and a published
// site's pages. Nothing loads unless named here; no script but the host's own (by nonce, or the
// site's own files); no <base> and no form can send the reader elsewhere.

export interface PolicyOptions {
  /**
   * Where the page's own files come from (a webview's `cspSource`). A standalone page has none:
   * its stylesheets are inline and its fonts and images data URIs.
   */
  readonly self?: string;
  /** Images from http(s) servers (`marginalia.preview.remoteImages`, default on as in VS Code's preview). */
  readonly remoteImages?: boolean;
  /** The nonce of the host's one script; no script at all without it (or `scriptsFromSelf`). */
  readonly scriptNonce?: string;
  /** Scripts from `self`'s files (a published site's `assets/site.js`; no inline script). */
  readonly scriptsFromSelf?: boolean;
  /** Fetches from `self` (a published site's popovers and search index). */
  readonly connectToSelf?: boolean;
  /** Off for a page that draws no image, font or KaTeX (the graph): only `self`'s stylesheets, no style attributes. */
  readonly noteContent?: boolean;
  /** A web worker made by the page's own script from its bundled code (a blob: URL): the graph's layout. */
  readonly workerFromBlob?: boolean;
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const own = options.self ? [options.self] : [];
  const notes = options.noteContent ?? true;
  return [
    "default-src 'none'",
    ...(notes ? [`img-src ${[...own, ...(options.remoteImages ?? true ? ['https:'] : []), 'data:'].join(' ')}`] : []),
    // KaTeX lays formulas out with style attributes, hence 'unsafe-inline'; a note's own style
    // attributes never get this far (the sanitizer drops them).
    `style-src ${[...own, ...(notes ? ["'unsafe-inline'"] : [])].join(' ')}`,
    ...(notes ? [`font-src ${own.length ? own.join(' ') : 'data:'}`] : []),
    ...(options.scriptNonce ? [`script-src 'nonce-${options.scriptNonce}'`] : options.scriptsFromSelf && own.length ? [`script-src ${own.join(' ')}`] : []),
    ...(options.connectToSelf && own.length ? [`connect-src ${own.join(' ')}`] : []),
    ...(options.workerFromBlob ? ['worker-src blob:'] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
