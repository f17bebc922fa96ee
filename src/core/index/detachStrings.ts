// A string cut from a note's text with `slice` (13 characters or more) is, in V8, a view that
// keeps the whole text alive; and a cold build's texts are themselves slices of one string per
// batch (joinedText.ts). An index that keeps no texts but kept the scanner's titles, targets and
// headings as they came would hold every text anyway: 39 MB of a 10,000-note vault's first
// opening, all of it gone on the next opening, whose strings come from the cache (issue 20).

/** V8 copies shorter substrings (SlicedString::kMinLength); only longer ones can hold a parent. */
const MIN_VIEW = 13;

/** How deep a value is walked (a cycle in frontmatter ends there): a note's syntax is 3 levels deep. */
const MAX_DEPTH = 64;

type Holder = Record<string, unknown>;

// Reused between calls (the extension scans 10,000 notes in a row): no arrays made per note.
const holders: Holder[] = [];
/** A property name, or an array index. */
const keys: string[] = [];
const parts: string[] = [];

/**
 * Replaces every string of 13 characters or more found in `value` (its plain objects and arrays,
 * however deep: a note's packed syntax and frontmatter) by a copy that holds nothing else alive.
 * The copies are cut from one new string of just their characters, so a note costs one copy.
 */
export function detachStrings(value: object): void {
  try {
    collect(value as Holder, 0);
    const n = holders.length;
    for (let i = 0; i < n; i++) parts.push(holders[i][keys[i]] as string);
    // One trailing character more, so that no cut is the whole string (that would be the join itself,
    // which may be a rope of the old views); cutting a rope first makes it one flat new string.
    const joined = parts.join('') + '.';
    let at = 0;
    for (let i = 0; i < n; i++) {
      const end = at + parts[i].length;
      holders[i][keys[i]] = joined.slice(at, end);
      at = end;
    }
  } finally {
    holders.length = keys.length = parts.length = 0;
  }
}

/** Objects met twice (a paragraph's span shared by its links) are walked twice: they hold numbers. */
function collect(o: Holder, depth: number): void {
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) visit(o as unknown as Holder, i as unknown as string, o[i], depth);
  } else {
    for (const k in o) visit(o, k, o[k], depth);
  }
}

function visit(o: Holder, k: string, v: unknown, depth: number): void {
  if (typeof v === 'string') {
    if (v.length >= MIN_VIEW) {
      holders.push(o);
      keys.push(k);
    }
  } else if (typeof v === 'object' && v !== null && depth < MAX_DEPTH && isPlain(v)) {
    collect(v as Holder, depth + 1);
  }
}

function isPlain(o: object): boolean {
  if (Array.isArray(o)) return true;
  const proto = Object.getPrototypeOf(o);
  return proto === Object.prototype || proto === null;
}
