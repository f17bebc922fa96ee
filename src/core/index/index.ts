// The index's public door: everything adapters, the CLI and the preview use.
export { NoteIndex } from './noteIndex';
export { buildIndex, type BuildOptions, type BuildResult } from './build';
export { decodeNote, DEFAULT_MAX_FILE_BYTES } from './decodeNote';
export { snapshot } from './snapshot';
export * from './types';
