// Symbolic links a listing of the vault left out, in the words both hosts log and the command
// line prints (DESIGN.md §3: a link never leaves the vault), so every host says it alike.

export interface SkippedLink {
  /** Vault path of the symbolic link. */
  readonly path: string;
  readonly reason: 'outside' | 'loop' | 'dangling';
}

/** One message for every skipped link, or undefined. */
export function skippedLinksMessage(skipped: readonly SkippedLink[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const why = { outside: 'points outside the folder', loop: 'loops back to a folder above it', dangling: 'points nowhere' };
  return `skipped ${skipped.length} symbolic ${skipped.length === 1 ? 'link' : 'links'} (a link is indexed only inside the folder): ${skipped.map(s => `${s.path} ${why[s.reason]}`).join('; ')}`;
}
