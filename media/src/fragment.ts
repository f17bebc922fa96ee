// The element id a same-page link (`#mg-h-intro`) points at. A note can write any href, and
// `#%` is no valid percent-encoding: decodeURIComponent would throw in the click handler, so
// such a fragment is taken as written.
export function fragmentId(href: string): string {
  const raw = href.startsWith('#') ? href.slice(1) : href;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
