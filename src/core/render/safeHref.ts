// The one gate every href or src built from note text passes before it reaches HTML.
import { opensExternally, urlSchemeOf } from '../syntax/urlScheme';

const IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|webp);/;

/**
 * The href when it is relative or uses an allowed scheme, else `fallback`.
 * Control characters and spaces are dropped before looking at the scheme because browsers
 * drop them too (`java\tscript:` runs as `javascript:`).
 */
export function safeHref(href: string, fallback = '#', options: { image?: boolean; schemes?: readonly string[] } = {}): string {
  const squeezed = href.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  const scheme = urlSchemeOf(squeezed);
  if (scheme === undefined) return href;
  if (opensExternally(scheme) || options.schemes?.includes(scheme)) return href;
  if (options.image && IMAGE_DATA.test(squeezed)) return href;
  return fallback;
}
