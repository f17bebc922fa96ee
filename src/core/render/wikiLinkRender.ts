// HTML for the tokens wikiLinkRule makes. Every string from the note is escaped, every
// href passes safeHref, and resolution is asked of env.resolveLink (the host's index).
import type MarkdownIt from 'markdown-it';
import { safeHref } from './safeHref';
import type { RenderEnv, ResolvedHref, WikiLinkMeta } from './types';

const IMAGE = /\.(?:png|jpe?g|gif|svg|webp|bmp|avif)$/i;
/** `300` or `300x200`, Obsidian's size suffix for images. */
const SIZE = /^(\d{1,5})(?:x(\d{1,5}))?$/;

function fragmentOf(meta: WikiLinkMeta): string | undefined {
  return meta.block !== undefined ? `^${meta.block}` : meta.heading;
}

function resolve(md: MarkdownIt, meta: WikiLinkMeta, env: unknown): { href: string; resolved?: ResolvedHref } {
  const fragment = fragmentOf(meta);
  const resolved = (env as RenderEnv | undefined)?.resolveLink?.(meta.target, fragment);
  if (resolved) return { href: resolved.href, resolved };
  // No index to ask: point at the target as written so the page still navigates somewhere sane.
  const hash = fragment === undefined ? '' : `#${encodeURIComponent(fragment)}`;
  return { href: (meta.target === '' ? '' : md.normalizeLink(meta.target)) + hash };
}

function classes(base: string, resolved: ResolvedHref | undefined): string {
  return base + (resolved && !resolved.exists ? ' missing' : '') + (resolved?.ambiguous ? ' ambiguous' : '');
}

function dataAttrs(md: MarkdownIt, meta: WikiLinkMeta): string {
  const esc = md.utils.escapeHtml;
  return (
    ` data-target="${esc(meta.target)}"` +
    (meta.heading !== undefined ? ` data-heading="${esc(meta.heading)}"` : '') +
    (meta.block !== undefined ? ` data-block="${esc(meta.block)}"` : '')
  );
}

function renderImage(md: MarkdownIt, meta: WikiLinkMeta, href: string, xhtml: boolean): string {
  const esc = md.utils.escapeHtml;
  const size = meta.label === undefined ? null : SIZE.exec(meta.label);
  const alt = size ? meta.target : (meta.label ?? meta.target);
  const src = safeHref(href, '', { image: true });
  return (
    `<img class="embed-image" src="${esc(src)}" alt="${esc(alt)}"${dataAttrs(md, meta)}` +
    (size ? ` width="${size[1]}"` + (size[2] ? ` height="${size[2]}"` : '') : '') +
    (xhtml ? ' />' : '>')
  );
}

export function wikiLinkRender(md: MarkdownIt): void {
  const esc = md.utils.escapeHtml;
  md.renderer.rules['wikilink_open'] = (tokens, idx, _options, env) => {
    const meta = tokens[idx]!.meta as WikiLinkMeta;
    const { href, resolved } = resolve(md, meta, env);
    const title = resolved && !resolved.exists ? ` title="Not written yet: ${esc(meta.target)}"`
      : resolved?.ambiguous ? ` title="Ambiguous: opens the first of several notes named ${esc(meta.target)}"` : '';
    const schemes = resolved ? (env as RenderEnv | undefined)?.hostSchemes : undefined;
    return `<a class="${classes('wikilink', resolved)}"${dataAttrs(md, meta)} href="${esc(safeHref(href, '#', { schemes }))}"${title}>`;
  };
  md.renderer.rules['wikilink_close'] = () => '</a>';
  md.renderer.rules['wikiembed'] = (tokens, idx, options, env) => {
    const meta = tokens[idx]!.meta as WikiLinkMeta;
    const { href, resolved } = resolve(md, meta, env);
    if (IMAGE.test(meta.target) && resolved?.exists !== false) {
      return renderImage(md, meta, resolved?.src ?? href, options.xhtmlOut === true);
    }
    // The host draws the target's content (it knows the vault; core does not); else a placeholder.
    const drawn = (env as RenderEnv | undefined)?.renderEmbed?.(meta);
    if (drawn !== undefined) return drawn;
    return `<div class="${classes('embed', resolved)}"${dataAttrs(md, meta)}>${esc(meta.inner.trim())}</div>`;
  };
}
