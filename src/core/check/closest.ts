// The few names nearest to one a user wrote (a heading or block id with a typo), for quick fixes.

/** Up to `max` of `choices`, nearest first: containing the written text, then by edit distance. */
export function closest(written: string, choices: readonly string[], max = 3): string[] {
  const w = written.toLowerCase();
  return choices
    .map(c => {
      const lower = c.toLowerCase();
      const contains = lower.includes(w) || w.includes(lower);
      return { c, score: contains ? -1 : editDistance(w, lower) };
    })
    .sort((a, b) => a.score - b.score || a.c.length - b.c.length)
    .slice(0, max)
    .map(x => x.c);
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}
