// Every name a link can use to reach a note or attachment, as maps: resolving a link
// looks up a few keys and never scans all notes.
import { fileNameOf, looseKey, lowerKey, stripMd } from './paths';
import { addToSet, removeFromSet } from './setMap';

/** What a note answers to besides its path: frontmatter `title` and `aliases`. */
export interface NoteNames {
  readonly title?: string;
  readonly aliases: readonly string[];
}

/** A path as suffix checks compare it: lowercase, and loose, without `.md` for notes. */
export interface PathStem {
  readonly lower: string;
  readonly loose: string;
}

/** What one file is filed under, kept so that removing it needs nothing but its path. */
interface Entry {
  readonly stem: PathStem;
  /** Lowercase file name: without `.md` for notes, with its extension for attachments. */
  readonly name: string;
  readonly looseName?: string;
  readonly title?: string;
  readonly titles: readonly string[];
  readonly looseTitles: readonly string[];
  /** See `VaultNames.addNote`. */
  readonly keys: readonly string[];
}

type PathSets = Map<string, Set<string>>;

const NONE: ReadonlySet<string> = new Set();

export class VaultNames {
  private readonly entries = new Map<string, Entry>();
  /** Lowercase file name without `.md` -> note paths. */
  private readonly byName: PathSets = new Map();
  private readonly byLooseName: PathSets = new Map();
  /** Lowercase title or alias -> note paths. */
  private readonly byTitle: PathSets = new Map();
  private readonly byLooseTitle: PathSets = new Map();
  /** Lowercase file name with its extension -> attachment paths. */
  private readonly attachmentsByName: PathSets = new Map();

  /**
   * Files a note under its names and returns the keys under which its coming, going or
   * renaming can change what some link means: its path, file name, titles and aliases,
   * exact and loose. `linkKeys` gives the matching keys of a link, so "links that may
   * point here" is a lookup, not a scan.
   */
  addNote(path: string, names: NoteNames): readonly string[] {
    const stem = stripMd(path);
    const lower = stem.toLowerCase();
    const name = lower.slice(lower.lastIndexOf('/') + 1);
    const looseName = looseKey(name);
    const titleTexts = names.title === undefined ? names.aliases : [names.title, ...names.aliases];
    const titles = titleTexts.map(lowerKey);
    const looseTitles = titleTexts.map(looseKey);
    const keys = unique(['/' + lower, lowerKey(name), looseName, ...titles, ...looseTitles]);
    const entry: Entry = {
      stem: { lower, loose: looseKey(lower) },
      name,
      looseName,
      title: names.title === undefined ? undefined : titles[0],
      titles,
      looseTitles,
      keys,
    };
    this.entries.set(path, entry);
    addToSet(this.byName, name, path);
    addToSet(this.byLooseName, looseName, path);
    for (const t of titles) addToSet(this.byTitle, t, path);
    for (const t of looseTitles) addToSet(this.byLooseTitle, t, path);
    return keys;
  }

  /** Returns the keys the note was filed under (see `addNote`). */
  removeNote(path: string): readonly string[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    this.entries.delete(path);
    removeFromSet(this.byName, entry.name, path);
    removeFromSet(this.byLooseName, entry.looseName!, path);
    for (const t of entry.titles) removeFromSet(this.byTitle, t, path);
    for (const t of entry.looseTitles) removeFromSet(this.byLooseTitle, t, path);
    return entry.keys;
  }

  addAttachment(path: string): readonly string[] {
    const lower = path.toLowerCase();
    const name = fileNameOf(lower);
    const keys = unique(['/' + lower, name]);
    this.entries.set(path, { stem: { lower, loose: lower }, name, titles: [], looseTitles: [], keys });
    addToSet(this.attachmentsByName, name, path);
    return keys;
  }

  removeAttachment(path: string): readonly string[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    this.entries.delete(path);
    removeFromSet(this.attachmentsByName, entry.name, path);
    return entry.keys;
  }

  /** The stem of a note or attachment this table holds. */
  stem(path: string): PathStem {
    return this.entries.get(path)!.stem;
  }

  /** Notes whose file name (lowercase, no `.md`) is `nameKey`. */
  notesNamed(nameKey: string): ReadonlySet<string> {
    return this.byName.get(nameKey) ?? NONE;
  }

  notesLooselyNamed(key: string): ReadonlySet<string> {
    return this.byLooseName.get(key) ?? NONE;
  }

  notesTitled(key: string): ReadonlySet<string> {
    return this.byTitle.get(key) ?? NONE;
  }

  notesLooselyTitled(key: string): ReadonlySet<string> {
    return this.byLooseTitle.get(key) ?? NONE;
  }

  /** True when `lowerTitle` is the note's frontmatter title rather than one of its aliases. */
  isTitleOf(path: string, lowerTitle: string): boolean {
    return this.entries.get(path)?.title === lowerTitle;
  }

  /** Attachments whose file name (lowercase, with extension) is `nameKey`. */
  attachmentsNamed(nameKey: string): ReadonlySet<string> {
    return this.attachmentsByName.get(nameKey) ?? NONE;
  }
}

/** The keys without repeats or empties, in first-seen order (a handful each: no Set needed). */
export function unique(keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) if (k !== '' && !out.includes(k)) out.push(k);
  return out;
}
