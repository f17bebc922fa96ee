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
  // Slugs given so far and, per slug, the last suffix its repeats took. A list searched front to
  // back while short: the scanner makes a Slugger per note, most notes have a few headings, and
  // comparing a slug with a few others costs less than hashing it (a Map per note was 2% of a
  // cold index). A long list moves into a Map, so a note of thousands of headings stays linear.
  private readonly slugs: string[] = [];
  private readonly counts: number[] = [];
  private map: Map<string, number> | undefined;

  slug(text: string): string {
    const base = githubSlug(text);
    let slug = base;
    while (this.has(slug)) {
      const n = this.bump(base);
      slug = `${base}-${n}`;
    }
    this.add(slug);
    return slug;
  }

  private has(slug: string): boolean {
    return this.map ? this.map.has(slug) : this.slugs.includes(slug);
  }

  /** The next suffix for a repeat of `base` (a slug already given). */
  private bump(base: string): number {
    if (this.map) {
      const n = this.map.get(base)! + 1;
      this.map.set(base, n);
      return n;
    }
    return ++this.counts[this.slugs.indexOf(base)];
  }

  private add(slug: string): void {
    if (this.map) {
      this.map.set(slug, 0);
      return;
    }
    this.slugs.push(slug);
    this.counts.push(0);
    if (this.slugs.length > SHORT) this.map = new Map(this.slugs.map((s, i) => [s, this.counts[i]]));
  }
}

/** Slugs searched in a list, beyond which a Map. */
const SHORT = 32;
