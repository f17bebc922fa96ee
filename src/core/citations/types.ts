// A reference as the library keeps it: CSL-JSON's item (the shape Zotero exports and citeproc
// reads), with where it was written. Only the fields Marginalia shows are typed.

export interface CslName {
  readonly family?: string;
  readonly given?: string;
  /** "von" in "John von Neumann" (BibTeX's lowercase particle). */
  readonly 'non-dropping-particle'?: string;
  /** An institution or a name kept whole (`{World Health Organization}`). */
  readonly literal?: string;
}

export interface CslItem {
  readonly id: string;
  /** CSL's type: `article-journal`, `book`, `paper-conference`, `chapter`, `report`, `thesis`, `webpage`, ... */
  readonly type: string;
  readonly title?: string;
  readonly author?: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly issued?: { readonly 'date-parts'?: readonly (readonly (number | string)[])[]; readonly literal?: string };
  readonly 'container-title'?: string;
  readonly publisher?: string;
  readonly 'publisher-place'?: string;
  readonly volume?: string | number;
  readonly issue?: string | number;
  readonly page?: string;
  readonly DOI?: string;
  readonly URL?: string;
  readonly abstract?: string;
}

/** One entry of the library, and where it is written (for F12 and for messages). */
export interface LibraryEntry {
  /**
   * The full item. For BibTeX it is read the first time it is asked for (src/core/citations/bibtex.ts):
   * read `brief` where id, type, title, authors and year are enough.
   */
  readonly item: CslItem;
  /** What the first pass reads: id, type, title, author, editor, issued (the year). */
  readonly brief: CslItem;
  /** Vault-relative path of the bibliography file. */
  readonly file: string;
  /** 0-based line of the entry in that file. */
  readonly line: number;
}

/** An entry that could not be read: the rest of the file is still used. */
export interface BibliographyProblem {
  readonly file: string;
  /** 0-based line where the entry starts. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedBibliography {
  readonly entries: LibraryEntry[];
  readonly problems: BibliographyProblem[];
}
