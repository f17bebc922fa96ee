// The graph's query language (groups, filters, named views), one small parser that the tag pages
// and `marginalia publish` can use as well, so a query means the same everywhere:
//
//   path:papers/            notes under papers/ (a folder boundary: never mypapers/)
//   tag:#ml/transformers    notes carrying that tag or one below it (`#` optional, any case)
//   title:attention         notes whose title contains the text (any case)
//   attention               a bare word: in the title or the path
//   "bitter lesson"         quotes keep spaces, also after a field: title:"bitter lesson"
//   -tag:todo               a leading `-` negates a term
//   a b                     both (AND); `a OR b` either; AND binds tighter than OR
//
// Obsidian's search writes the same `path:` and `tag:` operators; we keep its spelling.

export type QueryField = 'path' | 'tag' | 'title' | 'text';

export interface QueryTerm {
  readonly field: QueryField;
  /** Lowercase; for `tag:` without `#`; for `path:` without a leading `/`. */
  readonly value: string;
  readonly negate: boolean;
}

export interface Query {
  /** The text as given, for a legend or an error message. */
  readonly source: string;
  /** Any of these groups matches; a group matches when all its terms do. Empty: every note matches. */
  readonly anyOf: readonly (readonly QueryTerm[])[];
}

/** What `matchesQuery` reads of a note; the tags without `#`, as the scanner gives them. */
export interface QueryNote {
  readonly path: string;
  readonly title: string;
  readonly tags: readonly string[];
}

/** A query that cannot be read; `column` is 1-based, where the problem starts. */
export class QueryError extends Error {
  constructor(message: string, readonly column: number) {
    super(message);
    this.name = 'QueryError';
  }
}

const FIELDS: readonly string[] = ['path', 'tag', 'title'];

/** Reads a query; throws QueryError naming the column for bad input (unknown field, empty value, open quote, dangling OR). */
export function parseQuery(text: string): Query {
  const anyOf: QueryTerm[][] = [];
  let group: QueryTerm[] = [];
  let pos = 0;
  let afterOr = false;
  while (true) {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
    if (pos >= text.length) break;
    const start = pos;
    const word = readWord(text, pos);
    pos = word.end;
    if (!word.quoted && word.text === 'OR') {
      if (group.length === 0) throw new QueryError(`"OR" at column ${start + 1} needs a term before it`, start + 1);
      anyOf.push(group);
      group = [];
      afterOr = true;
      continue;
    }
    group.push(termOf(word, start));
    afterOr = false;
  }
  if (afterOr) throw new QueryError('"OR" at the end needs a term after it', text.length);
  if (group.length) anyOf.push(group);
  return { source: text, anyOf };
}

/** The query's message in a user's words, or undefined when the text parses (for settings and the filter box). */
export function queryProblem(text: string): string | undefined {
  try {
    parseQuery(text);
    return undefined;
  } catch (e) {
    if (e instanceof QueryError) return e.message;
    throw e;
  }
}

interface Word {
  readonly text: string;
  readonly quoted: boolean;
  /** `"a:b"`: the word opened with a quote, so a colon in it names no field. */
  readonly leadingQuote: boolean;
  readonly end: number;
}

/** One whitespace-delimited word; a quoted part (`"a b"`, also after `field:`) may hold spaces. */
function readWord(text: string, pos: number): Word {
  let out = '';
  let quoted = false;
  const leadingQuote = text[pos] === '"';
  while (pos < text.length && !/\s/.test(text[pos])) {
    if (text[pos] === '"') {
      const close = text.indexOf('"', pos + 1);
      if (close < 0) throw new QueryError(`the quote at column ${pos + 1} is not closed`, pos + 1);
      out += text.slice(pos + 1, close);
      quoted = true;
      pos = close + 1;
    } else {
      out += text[pos++];
    }
  }
  return { text: out, quoted, leadingQuote, end: pos };
}

function termOf(word: Word, start: number): QueryTerm {
  let raw = word.text;
  let negate = false;
  if (raw.startsWith('-') && raw.length > 1) {
    negate = true;
    raw = raw.slice(1);
  }
  const colon = raw.indexOf(':');
  const name = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
  if (colon > 0 && /^[a-z]+$/.test(name) && !word.leadingQuote) {
    if (!FIELDS.includes(name)) {
      throw new QueryError(`unknown field "${name}:" at column ${start + 1} (use path:, tag: or title:)`, start + 1);
    }
    let value = raw.slice(colon + 1).toLowerCase();
    if (name === 'tag') value = value.replace(/^#/, '');
    if (name === 'path') value = value.replace(/^\/+/, '');
    if (value === '') throw new QueryError(`"${name}:" at column ${start + 1} needs a value, e.g. ${example(name)}`, start + 1);
    return { field: name as QueryField, value, negate };
  }
  return { field: 'text', value: raw.toLowerCase(), negate };
}

function example(field: string): string {
  return field === 'path' ? 'path:papers/' : field === 'tag' ? 'tag:#ml/transformers' : 'title:attention';
}

/** Whether the note answers the query; an empty query matches every note. */
export function matchesQuery(query: Query, note: QueryNote): boolean {
  if (query.anyOf.length === 0) return true;
  return query.anyOf.some(group => group.every(term => termMatches(term, note) !== term.negate));
}

function termMatches(term: QueryTerm, note: QueryNote): boolean {
  switch (term.field) {
    case 'path':
      return underPath(note.path.toLowerCase(), term.value);
    case 'tag':
      return note.tags.some(t => {
        const tag = t.replace(/^#/, '').toLowerCase();
        return tag === term.value || tag.startsWith(term.value + '/');
      });
    case 'title':
      return note.title.toLowerCase().includes(term.value);
    case 'text':
      return note.title.toLowerCase().includes(term.value) || note.path.toLowerCase().includes(term.value);
  }
}

/** The value starts at a folder boundary: `papers/` matches `papers/x.md` and `lab/papers/x.md`, never `mypapers/x.md`. */
function underPath(path: string, value: string): boolean {
  for (let at = path.indexOf(value); at >= 0; at = path.indexOf(value, at + 1)) {
    if (at === 0 || path[at - 1] === '/') return true;
  }
  return false;
}
