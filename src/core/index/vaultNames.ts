// Every name a link can use to reach a note or attachment, as maps: resolving a link
// looks up a few keys and never scans all notes.
import { addToSet, removeFromSet } from './setMap';
import { fileNameOf, looseKey, lowerKey, noteNameKey, stripMd } from './paths';

/** What a note answers to besides its path: frontmatter `title` and `aliases`. */
export interface NoteNames {
  readonly title?: string;
  readonly aliases: readonly string[];
}

type PathSets = Map<string, Set<string>>;

const NONE: ReadonlySet<string> = new Set();

function titleKeys(names: NoteNames): string[] {
  const keys = names.title === undefined ? [] : [names.title];
  return keys.concat(names.aliases);
}

export class VaultNames {
  /** Lowercase file name without `.md` -> note paths. */
  private readonly byName: PathSets = new Map();
  private readonly byLooseName: PathSets = new Map();
  /** Lowercase title or alias -> note paths. */
  private readonly byTitle: PathSets = new Map();
  private readonly byLooseTitle: PathSets = new Map();
  /** Lowercase frontmatter title of each note that has one (tells `title` from `alias` matches). */
  private readonly titleOf = new Map<string, string>();
  /** Lowercase file name with its extension -> attachment paths. */
  private readonly attachmentsByName: PathSets = new Map();

  addNote(path: string, names: NoteNames): void {
    this.editNote(path, names, addToSet);
    if (names.title !== undefined) this.titleOf.set(path, lowerKey(names.title));
  }

  removeNote(path: string, names: NoteNames): void {
    this.editNote(path, names, removeFromSet);
    this.titleOf.delete(path);
  }

  private editNote(path: string, names: NoteNames, edit: typeof addToSet): void {
    const fileName = stripMd(fileNameOf(path));
    edit(this.byName, noteNameKey(path), path);
    edit(this.byLooseName, looseKey(fileName), path);
    for (const t of titleKeys(names)) {
      edit(this.byTitle, lowerKey(t), path);
      edit(this.byLooseTitle, looseKey(t), path);
    }
  }

  addAttachment(path: string): void {
    addToSet(this.attachmentsByName, fileNameOf(path).toLowerCase(), path);
  }

  removeAttachment(path: string): void {
    removeFromSet(this.attachmentsByName, fileNameOf(path).toLowerCase(), path);
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
    return this.titleOf.get(path) === lowerTitle;
  }

  /** Attachments whose file name (lowercase, with extension) is `nameKey`. */
  attachmentsNamed(nameKey: string): ReadonlySet<string> {
    return this.attachmentsByName.get(nameKey) ?? NONE;
  }
}

/**
 * The keys under which changes to this note can change what some link means: its path,
 * its file name, its titles and aliases, exact and loose. `linkKeys` gives the matching keys
 * of a link, so "links that may point here" is a lookup, not a scan.
 */
export function noteKeys(path: string, names: NoteNames): string[] {
  const fileName = stripMd(fileNameOf(path));
  const keys = ['/' + stripMd(path).toLowerCase(), lowerKey(fileName), looseKey(fileName)];
  for (const t of titleKeys(names)) keys.push(lowerKey(t), looseKey(t));
  return unique(keys);
}

export function attachmentKeys(path: string): string[] {
  return unique(['/' + path.toLowerCase(), fileNameOf(path).toLowerCase()]);
}

/** The keys without repeats or empties, in first-seen order. */
export function unique(keys: string[]): string[] {
  return [...new Set(keys)].filter(k => k !== '');
}
