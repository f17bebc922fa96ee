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

/** What one file is filed under, kept so that removing it needs nothing but its path; it is also the file's stem. */
interface Entry extends PathStem {
  /** Lowercase file name: without `.md` for notes, with its extension for attachments. */
  readonly name: string;
  /** Notes only. */
  readonly looseName?: string;
  readonly title?: string;
  readonly titles: readonly string[];
  readonly looseTitles: readonly string[];
}

const NONE: readonly string[] = [];

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

  /** Files a note under its file name, titles and aliases (exact and loose) and its path (see `keysOf`). */
  addNote(path: string, names: NoteNames): void {
    const lower = stripMd(path).toLowerCase();
    const name = lower.slice(lower.lastIndexOf('/') + 1);
    const loose = looseKey(lower);
    // A path already loose has a loose file name: one test per note, not two.
    const looseName = loose === lower ? name : looseKey(name);
    // Most notes have neither title nor aliases: they share one empty list.
    const titleTexts = names.title === undefined ? names.aliases : [names.title, ...names.aliases];
    const titles = titleTexts.length === 0 ? NONE : titleTexts.map(lowerKey);
    const looseTitles = titleTexts.length === 0 ? NONE : titleTexts.map(looseKey);
    const title = names.title === undefined ? undefined : titles[0];
    this.entries.set(path, { lower, loose, name, looseName, title, titles, looseTitles });
    this.byName.add(name, path);
    this.byLooseName.add(looseName, path);
    for (const t of titles) this.byTitle.add(t, path);
    for (const t of looseTitles) this.byLooseTitle.add(t, path);
  }

  /**
   * The keys under which a file's coming, going or renaming can change what some link means:
   * its path, file name, titles and aliases, exact and loose. `linkKeys` gives the matching keys
   * of a link, so "links that may point here" is a lookup, not a scan. Empty for an unknown path.
   */
  keysOf(path: string): readonly string[] {
    const entry = this.entries.get(path);
    if (!entry) return NONE;
    if (entry.looseName === undefined) return unique(['/' + entry.lower, entry.name]);
    return unique(['/' + entry.lower, lowerKey(entry.name), entry.looseName, ...entry.titles, ...entry.looseTitles]);
  }

  /** Returns the keys the note was filed under (see `keysOf`). */
  removeNote(path: string): readonly string[] {
    const entry = this.entries.get(path);
    if (!entry) return NONE;
    const keys = this.keysOf(path);
    this.entries.delete(path);
    this.byName.delete(entry.name, path);
    this.byLooseName.delete(entry.looseName!, path);
    for (const t of entry.titles) this.byTitle.delete(t, path);
    for (const t of entry.looseTitles) this.byLooseTitle.delete(t, path);
    return keys;
  }

  addAttachment(path: string): void {
    const lower = path.toLowerCase();
    const name = fileNameOf(lower);
    this.entries.set(path, { lower, loose: lower, name, titles: NONE, looseTitles: NONE });
    this.attachmentsByName.add(name, path);
  }

  /** Returns the keys the attachment was filed under (see `keysOf`). */
  removeAttachment(path: string): readonly string[] {
    const entry = this.entries.get(path);
    if (!entry) return NONE;
    const keys = this.keysOf(path);
    this.entries.delete(path);
    this.attachmentsByName.delete(entry.name, path);
    return keys;
  }

  /** The stem of a note or attachment this table holds. */
  stem(path: string): PathStem {
    return this.entries.get(path)!;
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
