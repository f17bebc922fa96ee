// Which files are the bibliography: `marginalia.bibliography` when set (paths relative to the
// vault), else every `*.bib` and CSL-JSON `*.json` at the vault root and under `bib/` or
// `references/` (docs/citations.md). A note's frontmatter `bibliography:` adds its own.

export function isDefaultBibliography(path: string): boolean {
  if (!/\.(bib|json)$/i.test(path)) return false;
  const slash = path.indexOf('/');
  if (slash < 0) return true;
  return /^(bib|references)\//i.test(path);
}

export function bibliographyFiles(allPaths: readonly string[], configured: readonly string[]): string[] {
  if (configured.length > 0) return configured.map(p => p.replace(/\\/g, '/').replace(/^\.\//, '')).filter(p => p !== '' && !p.startsWith('../') && !p.startsWith('/'));
  return allPaths.filter(isDefaultBibliography).sort();
}
