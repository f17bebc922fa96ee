// The preview webview's script: turns clicks into typed messages, keeps the scroll position
// through live updates, and syncs scrolling with the editor by source line (`data-line`).
// Sidenotes need no script: they are CSS with a checkbox toggle, as in tufte-css.
import type { FromWebview, ToWebview } from './messages';
import { fragmentId } from './fragment';
import { hasUrlScheme } from '../../src/core/syntax/urlScheme';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void; setState(s: unknown): void; getState(): unknown };

const vscode = acquireVsCodeApi();
const content = document.getElementById('mg-content')!;
let page = Number(document.body.dataset['page'] ?? 0);
/** Until then, scroll events are our own (a sync from the editor), not the reader's. */
let ignoreScrollUntil = 0;

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

/** The page's blocks that carry a source line, in document order. */
function lineBlocks(): HTMLElement[] {
  return [...content.querySelectorAll<HTMLElement>('[data-line]')].filter(e => !e.closest('.embed-body, .backlinks'));
}

function scrollToLine(line: number): void {
  let target: HTMLElement | undefined;
  for (const block of lineBlocks()) {
    if (Number(block.dataset['line']) > line) break;
    target = block;
  }
  ignoreScrollUntil = Date.now() + 200;
  if (!target) window.scrollTo(0, 0);
  else window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - 8);
}

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (Date.now() < ignoreScrollUntil) return;
  window.clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    const top = lineBlocks().find(b => b.getBoundingClientRect().bottom > 0);
    if (top) post({ type: 'revealLine', page, line: Number(top.dataset['line']) });
  }, 50);
}, { passive: true });

document.addEventListener('click', event => {
  const target = event.target as Element | null;
  const link = target?.closest('a');
  if (!link) return;
  event.preventDefault();
  if (link.classList.contains('tag') && link.dataset['tag']) {
    post({ type: 'openTag', page, tag: link.dataset['tag'] });
    return;
  }
  const href = link.getAttribute('href') ?? '';
  if (href === '' || href === '#') return;
  if (href.startsWith('#')) {
    document.getElementById(fragmentId(href))?.scrollIntoView();
  } else if (hasUrlScheme(href)) {
    post({ type: 'openExternal', page, url: href });
  } else {
    post({ type: 'openNote', page, href });
  }
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'update': {
      // Replaced in one go, in the same frame: no flash; the reader's place is kept when it
      // is the same note being edited, and the top is shown for another page.
      const y = window.scrollY;
      content.innerHTML = message.html;
      document.title = message.title;
      page = message.page;
      window.scrollTo(0, message.sameSource ? y : 0);
      break;
    }
    case 'scrollToLine':
      if (message.page === page) scrollToLine(message.line);
      break;
  }
});

post({ type: 'ready', page });
