// The one gate every href or src built from note text passes before it reaches HTML.
import { opensExternally } from '../syntax/urlScheme';

const SCHEME = /^([a-z][a-z0-9+.-]*):/;
const IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|webp);/;

/**
 * The href when it is relative or uses an allowed scheme, else `fallback`.
 * Control characters and spaces are dropped before looking at the scheme because browsers
 * drop them too (`java\tscript:` runs as `javascript:`).
 */
export function safeHref(href: string, fallback = '#', options: { image?: boolean; schemes?: readonly string[] } = {}): string {
  const squeezed = href.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  const scheme = SCHEME.exec(squeezed);
  if (!scheme) return href;
  if (opensExternally(scheme[1]!) || options.schemes?.includes(scheme[1]!)) return href;
  if (options.image && IMAGE_DATA.test(squeezed)) return href;
  return fallback;
}
