/// <reference lib="dom" />
// Hovering (or focusing) a link to another page of the site shows that note's opening: the
// page is fetched once (same origin: `connect-src 'self'`), its first blocks copied without ids.
import { hasUrlScheme } from '../../../src/core/syntax/urlScheme';

const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 200;
const BLOCKS = 'p, ul, ol, blockquote, .callout, .katex-display, .katex-block, pre, table, .embed, h2, h3';

const pages = new Map<string, Promise<DocumentFragment | undefined>>();

function isInternal(a: HTMLAnchorElement): boolean {
  const href = a.getAttribute('href') ?? '';
  if (href === '' || href.startsWith('#') || hasUrlScheme(href)) return false;
  return a.origin === location.origin && !/\.(?:png|jpe?g|gif|svg|webp|pdf|xml|json)$/i.test(a.pathname);
}

async function opening(url: string): Promise<DocumentFragment | undefined> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) return undefined;
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const article = doc.querySelector('article.note') ?? doc.querySelector('main');
  if (!article) return undefined;
  const fragment = document.createDocumentFragment();
  const title = article.querySelector('h1');
  if (title) {
    const h = document.createElement('p');
    h.className = 'popover-title';
    h.textContent = title.textContent;
    fragment.append(h);
  }
  let taken = 0;
  for (const block of Array.from(article.querySelectorAll(BLOCKS))) {
    if (block.closest('.note-meta, .backlinks, .outgoing, .sidenote') || block.parentElement?.closest(BLOCKS)) continue;
    const copy = document.importNode(block, true) as HTMLElement;
    for (const el of [copy, ...Array.from(copy.querySelectorAll('[id]'))]) el.removeAttribute('id');
    for (const el of Array.from(copy.querySelectorAll('input, label.sidenote-number, .sidenote'))) el.remove();
    fragment.append(copy);
    if (++taken >= 3) break;
  }
  return fragment;
}

export function initPopovers(_root: string): void {
  const box = document.createElement('div');
  box.className = 'popover';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  document.body.append(box);
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  let current: HTMLAnchorElement | undefined;

  const close = () => {
    box.hidden = true;
    box.replaceChildren();
    current = undefined;
  };
  const scheduleClose = () => {
    window.clearTimeout(openTimer);
    closeTimer = window.setTimeout(close, CLOSE_DELAY_MS);
  };
  const show = async (a: HTMLAnchorElement) => {
    const url = a.href.replace(/#.*$/, '');
    let page = pages.get(url);
    if (!page) {
      page = opening(url).catch(() => undefined);
      pages.set(url, page);
    }
    const content = await page;
    if (!content || current !== a) return;
    box.replaceChildren(content.cloneNode(true));
    box.hidden = false;
    const r = a.getBoundingClientRect();
    const width = Math.min(420, window.innerWidth - 16);
    box.style.width = `${width}px`;
    box.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) + window.scrollX}px`;
    const below = r.bottom + 8;
    const height = box.offsetHeight;
    const top = below + height > window.innerHeight && r.top - 8 - height > 0 ? r.top - 8 - height : below;
    box.style.top = `${top + window.scrollY}px`;
  };
  const enter = (event: Event) => {
    const a = (event.target as Element | null)?.closest?.('a');
    if (!(a instanceof HTMLAnchorElement) || !isInternal(a) || box.contains(a)) return;
    window.clearTimeout(closeTimer);
    window.clearTimeout(openTimer);
    current = a;
    openTimer = window.setTimeout(() => void show(a), OPEN_DELAY_MS);
  };
  const leave = (event: Event) => {
    const a = (event.target as Element | null)?.closest?.('a');
    if (a && a === current) scheduleClose();
  };
  document.addEventListener('mouseover', enter);
  document.addEventListener('focusin', enter);
  document.addEventListener('mouseout', leave);
  document.addEventListener('focusout', leave);
  box.addEventListener('mouseenter', () => window.clearTimeout(closeTimer));
  box.addEventListener('mouseleave', scheduleClose);
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape') close();
  });
}
