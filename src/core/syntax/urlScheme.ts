// URL schemes, answered once: whether a link target is a URL (`https:`, `mailto:`, `zotero:`)
// rather than a path in the vault, and which schemes may be drawn as links and opened outside
// VS Code (DESIGN.md §8: anything else is refused by the preview and by its adapter).

/** `scheme:` at the start of a target, as RFC 3986 writes a scheme. */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Schemes an external link may use, in the preview's HTML and when a click opens it outside. */
export const EXTERNAL_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/** Whether `target` starts with a URL scheme (so it names no note). */
export function hasUrlScheme(target: string): boolean {
  return SCHEME.test(target);
}

/** The scheme of `target`, lowercase, or undefined when it has none. */
export function urlSchemeOf(target: string): string | undefined {
  return SCHEME.exec(target)?.[1]!.toLowerCase();
}

/** Whether a link with this scheme may be drawn as a link and opened outside. */
export function opensExternally(scheme: string): boolean {
  return EXTERNAL_SCHEMES.includes(scheme.toLowerCase());
}
