// A string cut from a note's text with `slice` (13 characters or more) is, in V8, a view that
// keeps the whole text alive; and a cold build's texts are themselves slices of one string per
// batch (joinedText.ts). An index that keeps no texts but kept the scanner's titles, targets and
// headings as they came would hold every text anyway: 39 MB of a 10,000-note vault's first
// opening, all of it gone on the next opening, whose strings come from the cache (issue 20).

/** V8 copies shorter substrings (SlicedString::kMinLength); only longer ones can hold a parent. */
const MIN_VIEW = 13;

/**
 * Replaces every string of 13 characters or more found in `value` (its plain objects and arrays,
 * however deep: a note's packed syntax and frontmatter) by a copy that holds nothing else alive.
 * The copies are cut from one new string of just their characters, so a note costs one copy.
 */
export function detachStrings(value: object): void {
  const holders: Record<string | number, unknown>[] = [];
  const keys: (string | number)[] = [];
  const seen = new Set<object>();
  const visit = (holder: Record<string | number, unknown>, key: string | number, v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length >= MIN_VIEW) {
        holders.push(holder);
        keys.push(key);
      }
    } else if (typeof v === 'object' && v !== null && isPlain(v) && !seen.has(v)) {
      seen.add(v);
      walk(v as Record<string | number, unknown>);
    }
  };
  const walk = (o: Record<string | number, unknown>): void => {
    if (Array.isArray(o)) for (let i = 0; i < o.length; i++) visit(o, i, o[i]);
    else for (const k of Object.keys(o)) visit(o, k, o[k]);
  };
  walk(value as Record<string | number, unknown>);
  if (holders.length === 0) return;
  const parts = new Array<string>(holders.length);
  for (let i = 0; i < holders.length; i++) parts[i] = holders[i][keys[i]] as string;
  // One trailing character more, so that no cut is the whole string (that would be the join itself,
  // which may be a rope of the old views); cutting a rope first makes it one flat new string.
  const joined = parts.join('') + '.';
  let at = 0;
  for (let i = 0; i < holders.length; i++) {
    const end = at + parts[i].length;
    holders[i][keys[i]] = joined.slice(at, end);
    at = end;
  }
}

function isPlain(o: object): boolean {
  if (Array.isArray(o)) return true;
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}
