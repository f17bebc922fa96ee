// Every name a link can use to reach a note or attachment, as maps: resolving a link
// looks up a few keys and never scans all notes.
import { fileNameOf, looseKey, lowerKey, stripMd } from './paths';
import { SetMap } from './setMap';

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

export class VaultNames {
  private readonly entries = new Map<string, Entry>();
  /** Lowercase file name without `.md` -> note paths. */
  private readonly byName = new SetMap<string>();
  private readonly byLooseName = new SetMap<string>();
  /** Lowercase title or alias -> note paths. */
  private readonly byTitle = new SetMap<string>();
  private readonly byLooseTitle = new SetMap<string>();
  /** Lowercase file name with its extension -> attachment paths. */
  private readonly attachmentsByName = new SetMap<string>();

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
    this.byName.add(name, path);
    this.byLooseName.add(looseName, path);
    for (const t of titles) this.byTitle.add(t, path);
    for (const t of looseTitles) this.byLooseTitle.add(t, path);
    return keys;
  }

  /** Returns the keys the note was filed under (see `addNote`). */
  removeNote(path: string): readonly string[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    this.entries.delete(path);
    this.byName.delete(entry.name, path);
    this.byLooseName.delete(entry.looseName!, path);
    for (const t of entry.titles) this.byTitle.delete(t, path);
    for (const t of entry.looseTitles) this.byLooseTitle.delete(t, path);
    return entry.keys;
  }

  addAttachment(path: string): readonly string[] {
    const lower = path.toLowerCase();
    const name = fileNameOf(lower);
    const keys = unique(['/' + lower, name]);
    this.entries.set(path, { stem: { lower, loose: lower }, name, titles: [], looseTitles: [], keys });
    this.attachmentsByName.add(name, path);
    return keys;
  }

  removeAttachment(path: string): readonly string[] {
    const entry = this.entries.get(path);
    if (!entry) return [];
    this.entries.delete(path);
    this.attachmentsByName.delete(entry.name, path);
    return entry.keys;
  }

  /** The stem of a note or attachment this table holds. */
  stem(path: string): PathStem {
    return this.entries.get(path)!.stem;
  }

  /** Notes whose file name (lowercase, no `.md`) is `nameKey`. */
  notesNamed(nameKey: string): readonly string[] {
    return this.byName.get(nameKey);
  }

  notesLooselyNamed(key: string): readonly string[] {
    return this.byLooseName.get(key);
  }

  notesTitled(key: string): readonly string[] {
    return this.byTitle.get(key);
  }

  notesLooselyTitled(key: string): readonly string[] {
    return this.byLooseTitle.get(key);
  }

  /** True when `lowerTitle` is the note's frontmatter title rather than one of its aliases. */
  isTitleOf(path: string, lowerTitle: string): boolean {
    return this.entries.get(path)?.title === lowerTitle;
  }

  /** Attachments whose file name (lowercase, with extension) is `nameKey`. */
  attachmentsNamed(nameKey: string): readonly string[] {
    return this.attachmentsByName.get(nameKey);
  }
}

/** The keys without repeats or empties, in first-seen order (a handful each: no Set needed). */
export function unique(keys: string[]): string[] {
  const out: string[] = [];
  for (const k of keys) if (k !== '' && !out.includes(k)) out.push(k);
  return out;
}
