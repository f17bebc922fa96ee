// The file that says a folder holds a site made by `marginalia publish` (so a later publish may
// clear and replace it), listing every file it wrote. Its own module: the extension checks a
// folder without loading the render stack.
export const SITE_MARKER = 'marginalia-site.json';
