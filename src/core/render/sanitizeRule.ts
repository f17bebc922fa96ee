// Raw HTML in a note reaches the page only through an allow-list (DESIGN.md §8). markdown-it
// hands raw HTML over as html_block / html_inline tokens, one tag or one block at a time;
// `xss` filters tag by tag, so each token is cleaned on its own and the HTML the pipeline
// itself makes (KaTeX, links, sidenotes) never passes through it. Not allowed: scripts,
// styles, event handlers, forms and inputs, iframes, objects, SVG, inline style; hrefs and
// srcs pass safeHref; ids and names get a prefix so a note cannot clobber the page's own.
// Every attribute value is decoded once the way a browser decodes it (the whole HTML5 table of
// character references: `jav&Tab;ascript&colon;` is `javascript:`), checked as text, and written
// back escaped, `&` included, so what was checked is what the browser reads.
import type MarkdownIt from 'markdown-it';
import { decodeHTMLAttribute } from 'entities/lib/decode.js';
import { FilterXSS } from 'xss';
import { hasUrlScheme } from '../syntax/urlScheme';
import { escapeAttr } from './escape';
import { safeHref } from './safeHref';
import type { RenderEnv } from './types';

/** Prefix of every id or name taken from a note's own HTML. */
export const USER_ID_PREFIX = 'user-content-';

const COMMON = ['class', 'id', 'title', 'lang', 'dir'];
const TAGS = [
  'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd',
  'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span',
  'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt',
  'u', 'ul', 'var', 'wbr',
];
const EXTRA: Record<string, string[]> = {
  a: ['href', 'name'],
  img: ['src', 'alt', 'width', 'height'],
  ol: ['start', 'type', 'reversed'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  details: ['open'],
  time: ['datetime'],
  q: ['cite'],
  blockquote: ['cite'],
};
const ALLOW_LIST: Record<string, string[]> = Object.fromEntries(
  [...TAGS, ...Object.keys(EXTRA)].map(tag => [tag, [...COMMON, ...(EXTRA[tag] ?? [])]]),
);

/** Their content is code or widgets, never reading matter: dropped with the tag. */
const BODY_DROPPED = ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'textarea', 'select', 'xmp', 'noembed', 'noframes', 'title'];
const OPENS_DROPPED = new RegExp(`^<(${BODY_DROPPED.join('|')})(?=[\\s/>])`, 'i');

/**
 * Every attribute a browser reads as a URL in HTML, SVG or MathML. The allow-list lets only a few
 * through; the check covers all of them, so widening the list can never skip it.
 */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'poster', 'srcset', 'xlink:href', 'background',
  'longdesc', 'usemap', 'data', 'codebase', 'classid', 'archive', 'ping', 'manifest', 'icon', 'profile', 'lowsrc', 'dynsrc', 'itemtype']);

/** A `srcset`'s candidates (`url 2x, url 300w`), each URL through the gate; the unsafe ones dropped. */
function safeSrcset(value: string): string {
  return value.split(',').map(c => c.trim()).filter(c => {
    const url = c.split(/\s+/)[0] ?? '';
    return url !== '' && safeHref(url, '', { image: true }) === url;
  }).join(', ');
}

/** The value an allowed attribute is written with, from its raw text in the note. */
function attributeValue(tag: string, name: string, raw: string, rewriteSrc: (src: string) => string): string {
  const value = decodeHTMLAttribute(raw);
  if (name === 'id' || name === 'name') return escapeAttr(USER_ID_PREFIX + value);
  if (name === 'srcset') return escapeAttr(safeSrcset(value));
  if (!URL_ATTRIBUTES.has(name)) return escapeAttr(value);
  // xss's own check refuses relative paths (`figure.png`); safeHref is the project's one gate.
  const image = tag === 'img' && name === 'src';
  let safe = safeHref(value.trim(), '', { image });
  if (image && safe !== '') safe = rewriteSrc(safe);
  return escapeAttr(safe);
}

function makeFilter(rewriteSrc: (src: string) => string): FilterXSS {
  return new FilterXSS({
    whiteList: ALLOW_LIST,
    stripIgnoreTag: true,
    // Their text is code or layout, never reading matter: drop it with the tag.
    stripIgnoreTagBody: [...BODY_DROPPED],
    allowCommentTag: false,
    css: false,
    safeAttrValue: (tag, name, value) => attributeValue(tag, name, value, rewriteSrc),
  });
}

const plain = makeFilter(src => src);

/** A relative image path names a vault file: ask the host for its address, as `![[x.png]]` does. */
function filterFor(env: RenderEnv | undefined): FilterXSS {
  const resolve = env?.resolveLink;
  if (!resolve) return plain;
  return makeFilter(src => {
    if (hasUrlScheme(src) || src.startsWith('#')) return src;
    let path = src;
    try {
      path = decodeURIComponent(src);
    } catch { /* keep as written */ }
    const resolved = resolve(path.replace(/^\.\//, ''));
    return resolved?.exists ? resolved.src ?? resolved.href : src;
  });
}

/** Cleans raw HTML the way the preview does. */
export function sanitizeHtml(html: string, env?: RenderEnv): string {
  const clean = filterFor(env).process(html);
  // xss marks a dropped element it saw no end of: the note said nothing there.
  return html.includes('removed]') ? clean : clean.replace(/\[\/?removed\]/g, '');
}

/**
 * Inline, `<script>` and `</script>` are two tokens with markdown text between them: drop the
 * text too, as a browser would never have shown it.
 */
function dropInlineBodies(state: MarkdownIt.StateCore): void {
  for (const block of state.tokens) {
    const children = block.children;
    if (block.type !== 'inline' || !children) continue;
    for (let i = 0; i < children.length; i++) {
      const open = children[i]!.type === 'html_inline' ? OPENS_DROPPED.exec(children[i]!.content) : null;
      if (!open) continue;
      const closer = new RegExp(`^</${open[1]}\\s*>`, 'i');
      let end = i + 1;
      while (end < children.length && !(children[end]!.type === 'html_inline' && closer.test(children[end]!.content))) end++;
      children.splice(i, Math.min(end + 1, children.length) - i);
      i--;
    }
  }
}

export function sanitizer(md: MarkdownIt): void {
  if (!md.options.html) return;
  md.core.ruler.after('inline', 'drop_inline_bodies', dropInlineBodies);
  md.renderer.rules['html_block'] = (tokens, idx, _options, env) => sanitizeHtml(tokens[idx]!.content, env as RenderEnv);
  md.renderer.rules['html_inline'] = (tokens, idx, _options, env) => sanitizeHtml(tokens[idx]!.content, env as RenderEnv);
}
