// GitHub's heading slugs (as github-slugger makes them): lowercase; keep letters, marks,
// numbers, `_`, `-` and spaces of every script; drop the rest (punctuation, symbols, emoji);
// spaces become `-`. A repeated slug gets `-1`, `-2`, ... in order.

const DROPPED = /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu;

export function githubSlug(text: string): string {
  const lower = text.toLowerCase();
  // Most headings are plain words: nothing to drop, only spaces to turn into `-`.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x20 || c === 0x2d || c === 0x5f)) {
      return lower.replace(DROPPED, '').replaceAll(' ', '-');
    }
  }
  return lower.replaceAll(' ', '-');
}

/** Slugs for the headings of one note, in order, made unique as GitHub does. */
export class Slugger {
  private readonly seen = new Map<string, number>();

  slug(text: string): string {
    const base = githubSlug(text);
    let slug = base;
    while (this.seen.has(slug)) {
      const n = this.seen.get(base)! + 1;
      this.seen.set(base, n);
      slug = `${base}-${n}`;
    }
    this.seen.set(slug, 0);
    return slug;
  }
}
