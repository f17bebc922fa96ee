// The one message module the preview webview (media/src/preview.ts) and its adapter
// (src/vscode/preview.ts) both import (DESIGN.md §8). Messages from the webview are untrusted
// input: `parseFromWebview` checks every field before the adapter acts on one.

/** What the webview asks of the extension. `page` is the page it was showing, so stale asks are dropped. */
export type FromWebview =
  /** A click on a link to a vault path (`papers/a.md#Intro`), as the page's href wrote it. */
  | { readonly type: 'openNote'; readonly page: number; readonly href: string }
  /** A click on an http, https or mailto link. */
  | { readonly type: 'openExternal'; readonly page: number; readonly url: string }
  /** A click on a `#tag`. */
  | { readonly type: 'openTag'; readonly page: number; readonly tag: string }
  /** The preview was scrolled: the source line now at its top. */
  | { readonly type: 'revealLine'; readonly page: number; readonly line: number }
  /** The script has loaded and shows page `page`. */
  | { readonly type: 'ready'; readonly page: number };

/** What the extension tells the webview. */
export type ToWebview =
  /** New content for the same or another page; `page` numbers each distinct page shown. */
  | { readonly type: 'update'; readonly page: number; readonly html: string; readonly title: string; readonly sameSource: boolean }
  /** The editor scrolled: bring this source line to the top. */
  | { readonly type: 'scrollToLine'; readonly page: number; readonly line: number };

const MAX_TEXT = 4096;

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_TEXT;
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9;
}

/** The message if it is one the webview may send, well formed; undefined for anything else. */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (!isCount(m['page'])) return undefined;
  const page = m['page'];
  switch (m['type']) {
    case 'openNote':
      return isText(m['href']) ? { type: 'openNote', page, href: m['href'] } : undefined;
    case 'openExternal':
      return isText(m['url']) ? { type: 'openExternal', page, url: m['url'] } : undefined;
    case 'openTag':
      return isText(m['tag']) && m['tag'] !== '' ? { type: 'openTag', page, tag: m['tag'] } : undefined;
    case 'revealLine':
      return isCount(m['line']) ? { type: 'revealLine', page, line: m['line'] } : undefined;
    case 'ready':
      return { type: 'ready', page };
    default:
      return undefined;
  }
}
