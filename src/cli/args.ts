// Command-line words -> a parsed command. Errors are UsageError so main can print usage and exit 2.

export class UsageError extends Error {}

export type CommandName = 'index' | 'check' | 'backlinks' | 'tags' | 'graph';
export const COMMANDS: readonly CommandName[] = ['index', 'check', 'backlinks', 'tags', 'graph'];

export interface ParsedArgs {
  readonly command: CommandName;
  readonly dir: string;
  /** `backlinks DIR NOTE`: a path or a link target. */
  readonly note?: string;
  readonly json: boolean;
  readonly maxFileBytes?: number;
}

export const USAGE = `usage: marginalia <command> DIR [options]

commands:
  index DIR [--json]             count notes, links, tags; report files that could not be read
  check DIR [--json]             list broken links (missing notes, headings, blocks), ambiguous links,
                                 invalid frontmatter and unreadable files as path:line:col: message (exit 1 if any)
  backlinks DIR NOTE [--json]    the notes that link to NOTE (a path like papers/x.md, or a link target like x)
  tags DIR [--json]              each tag with its notes
  graph DIR --json               nodes and edges of the link graph

options:
  --json                 machine-readable output (documented in the README)
  --max-file-size MB     skip notes larger than this (default 5)
  -h, --help             this text

exit codes: 0 ok; 1 check found problems; 2 bad usage or DIR missing; 3 internal error (a bug: please report it)`;

export function parseArgs(argv: readonly string[]): ParsedArgs | 'help' {
  const positional: string[] = [];
  let json = false;
  let maxFileBytes: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--json') json = true;
    else if (a === '--max-file-size' || a.startsWith('--max-file-size=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const mb = Number(value);
      if (value === undefined || !(mb > 0)) throw new UsageError(`--max-file-size takes a size in MB greater than 0, not "${value ?? ''}"`);
      maxFileBytes = Math.round(mb * 1024 * 1024);
    } else if (a.startsWith('-') && a.length > 1) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  const [command, dir, note, ...rest] = positional;
  if (command === undefined) throw new UsageError('no command given');
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}"`);
  if (dir === undefined) throw new UsageError(`${command} needs a folder: marginalia ${command} DIR`);
  const name = command as CommandName;
  if (name === 'backlinks' && note === undefined) throw new UsageError('backlinks needs a note: marginalia backlinks DIR NOTE');
  if (name !== 'backlinks' && note !== undefined) throw new UsageError(`unexpected argument "${note}"`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (name === 'graph' && !json) throw new UsageError('graph prints JSON only: marginalia graph DIR --json');
  return { command: name, dir, note, json, maxFileBytes };
}
