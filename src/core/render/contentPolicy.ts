// The one Content-Security-Policy of every page Marginalia draws (DESIGN.md §8): the preview's
// webview and every page written outside it (export, `render`). Nothing loads unless named here;
// no script but the host's own, by nonce; no <base> and no form can send the reader elsewhere.

export interface PolicyOptions {
  /**
   * Where the page's own files come from (a webview's `cspSource`). A standalone page has none:
   * its stylesheets are inline and its fonts and images data URIs.
   */
  readonly self?: string;
  /** Images from http(s) servers (`marginalia.preview.remoteImages`, default on as in VS Code's preview). */
  readonly remoteImages?: boolean;
  /** The nonce of the host's one script; no script at all without it. */
  readonly scriptNonce?: string;
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const own = options.self ? [options.self] : [];
  return [
    "default-src 'none'",
    `img-src ${[...own, ...(options.remoteImages ?? true ? ['https:'] : []), 'data:'].join(' ')}`,
    // KaTeX lays formulas out with style attributes, hence 'unsafe-inline'; a note's own style
    // attributes never get this far (the sanitizer drops them).
    `style-src ${[...own, "'unsafe-inline'"].join(' ')}`,
    `font-src ${own.length ? own.join(' ') : 'data:'}`,
    ...(options.scriptNonce ? [`script-src 'nonce-${options.scriptNonce}'`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
