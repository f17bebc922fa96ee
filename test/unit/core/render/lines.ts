/** A note written one line per argument, so a test reads like the note it checks. */
export function lines(...text: string[]): string {
  return text.join('\n');
}
