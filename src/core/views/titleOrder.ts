// The order of rows by title: case and accents ignored, numbers by value (`Note 2` < `Note 10`).
// One collator for all: `localeCompare` with options builds a new one per call (microseconds
// each, milliseconds for a hub note's hundreds of rows).
import { comparePaths } from '../index/paths';

// Made on first use: building one costs milliseconds, and a command that shows no rows needs none.
let made: Intl.Collator | undefined;
const titles = (): Intl.Collator => (made ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));

export function compareTitles(a: string, b: string): number {
  return titles().compare(a, b);
}

/** By title, then path (two notes may share a title). */
export function byTitleThenPath(a: { readonly title: string; readonly path: string }, b: { readonly title: string; readonly path: string }): number {
  return titles().compare(a.title, b.title) || comparePaths(a.path, b.path);
}
