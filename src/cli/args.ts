// Command-line words -> a parsed command. Errors are UsageError so main can print usage and exit 2.

export class UsageError extends Error {}

export type CommandName = 'index' | 'check' | 'backlinks' | 'tags' | 'graph' | 'render' | 'publish';
export const COMMANDS: readonly CommandName[] = ['index', 'check', 'backlinks', 'tags', 'graph', 'render', 'publish'];

export interface ParsedArgs {
  readonly command: CommandName;
  readonly dir: string;
  /** `backlinks DIR NOTE`: a path or a link target. */
  readonly note?: string;
  readonly json: boolean;
  readonly maxFileBytes?: number;
  /** `render DIR --tag TAG`: the tag page instead of a note. */
  readonly tag?: string;
  /** `render ... -o FILE`: where to write the page (else stdout). */
  readonly output?: string;
  /** `render ... --no-backlinks`: leave the Backlinks section out. */
  readonly backlinks?: boolean;
  /** `publish DIR OUT`: the site's options. */
  readonly publish?: PublishArgs;
  /** `graph`: what to draw, as the graph panel's toggles and filter say it. */
  readonly graph?: GraphArgs;
}

export interface PublishArgs {
  readonly out: string;
  readonly include: string[];
  readonly exclude: string[];
  readonly baseUrl?: string;
  readonly title?: string;
  readonly force: boolean;
  readonly watch: boolean;
}

export interface GraphArgs {
  /** `--local NOTE`: a path or link target, resolved by main. */
  readonly local?: string;
  /** `--depth N`, 1 to 3 as the panel offers (default 1). */
  readonly depth: number;
  /** `--filter QUERY` (src/core/graph/query.ts). */
  readonly filter?: string;
  readonly tags: boolean;
  readonly placeholders: boolean;
  readonly attachments: boolean;
  readonly orphans: boolean;
}

export const USAGE = `usage: marginalia <command> DIR [options]

commands:
  index DIR [--json]             count notes, links, tags; report files that could not be read
  check DIR [--json]             list broken links (missing notes, headings, blocks), ambiguous links,
                                 invalid frontmatter and unreadable files as path:line:col: message (exit 1 if any)
  backlinks DIR NOTE [--json]    the notes that link to NOTE (a path like papers/x.md, or a link target like x)
  tags DIR [--json]              each tag with its notes
  graph DIR --json [--local NOTE [--depth N]] [--filter QUERY] [--tags] [--no-placeholders]
                 [--no-attachments] [--no-orphans]
                                 nodes and edges of the link graph, as the Show Graph panel draws it
  render DIR NOTE [-o FILE]      NOTE as the preview shows it: one standalone HTML page (CSS and fonts inlined)
  render DIR --tag TAG [-o FILE] the tag page of TAG: every note carrying it, in full
  publish DIR OUT                the vault as a static website in OUT (docs/publish.md)

options:
  --json                 machine-readable output (documented in the README)
  --max-file-size MB     skip notes larger than this (default 5)
  -o, --output FILE      render: write the page to FILE instead of stdout
  --tag TAG              render: the tag page of TAG (with or without #)
  --no-backlinks         render, publish: leave out the Backlinks section
  --include GLOB         publish: only notes matching GLOB (repeatable)
  --exclude GLOB         publish: leave out notes matching GLOB (repeatable)
  --base-url URL         publish: the site's address; adds feed.xml and sitemap.xml
  --title TEXT           publish: the site's name (default: DIR's folder name)
  --force                publish: write into a non-empty OUT that publish did not make
  --watch                publish: keep running, rebuilding the pages a changed note feeds
  --local NOTE           graph: NOTE and its neighbours up to --depth links away (1-3, default 1)
  --filter QUERY         graph: only notes matching QUERY: path:papers/ tag:#ml title:word, OR, -term
  --tags, --no-placeholders, --no-attachments, --no-orphans
                         graph: tags as nodes; leave out notes not written yet, attachments, unlinked notes
  -h, --help             this text

exit codes: 0 ok; 1 check found problems; 2 bad usage or DIR missing; 3 internal error (a bug: please report it)`;

export function parseArgs(argv: readonly string[]): ParsedArgs | 'help' {
  const positional: string[] = [];
  let json = false;
  let maxFileBytes: number | undefined;
  let tag: string | undefined;
  let output: string | undefined;
  let backlinks: boolean | undefined;
  const include: string[] = [];
  const exclude: string[] = [];
  let baseUrl: string | undefined;
  let title: string | undefined;
  let force = false;
  let watch = false;
  let publishOption: string | undefined;
  let local: string | undefined;
  let depth: number | undefined;
  let filter: string | undefined;
  const graphFlags = { tags: false, placeholders: true, attachments: true, orphans: true };
  let graphOption = false;
  const valueOf = (a: string, i: number) => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--json') json = true;
    else if (a === '--tags') graphFlags.tags = graphOption = true;
    else if (a === '--no-placeholders' || a === '--no-attachments' || a === '--no-orphans') {
      graphFlags[a.slice(5) as 'placeholders' | 'attachments' | 'orphans'] = false;
      graphOption = true;
    } else if (a === '--local' || a.startsWith('--local=')) {
      local = valueOf(a, a.includes('=') ? i : ++i);
      if (!local) throw new UsageError('--local takes a note: marginalia graph DIR --json --local papers/attention.md');
      graphOption = true;
    } else if (a === '--depth' || a.startsWith('--depth=')) {
      const value = valueOf(a, a.includes('=') ? i : ++i);
      depth = Number(value);
      if (!Number.isInteger(depth) || depth < 1 || depth > 3) throw new UsageError(`--depth takes 1, 2 or 3, not "${value ?? ''}"`);
      graphOption = true;
    } else if (a === '--filter' || a.startsWith('--filter=')) {
      filter = valueOf(a, a.includes('=') ? i : ++i);
      if (filter === undefined) throw new UsageError('--filter takes a query: marginalia graph DIR --json --filter path:papers/');
      graphOption = true;
    }
    else if (a === '--no-backlinks') backlinks = false;
    else if (a === '--force' || a === '--watch') {
      publishOption = a;
      if (a === '--force') force = true;
      else watch = true;
    }
    else if (/^--(?:include|exclude|base-url|title)(?:=|$)/.test(a)) {
      const name = a.replace(/=.*$/, '');
      const value = valueOf(a, a.includes('=') ? i : ++i);
      if (!value) throw new UsageError(`${name} takes a value`);
      publishOption = name;
      if (name === '--include') include.push(value);
      else if (name === '--exclude') exclude.push(value);
      else if (name === '--title') title = value;
      else {
        if (!/^https?:\/\/[^\s]+$/i.test(value)) throw new UsageError(`--base-url takes an http(s) address, not "${value}"`);
        baseUrl = value;
      }
    }
    else if (a === '-o' || a === '--output' || a.startsWith('--output=')) {
      output = valueOf(a, a.includes('=') ? i : ++i);
      if (!output) throw new UsageError(`${a} takes a file name`);
    } else if (a === '--tag' || a.startsWith('--tag=')) {
      tag = valueOf(a, a.includes('=') ? i : ++i)?.replace(/^#/, '');
      if (!tag) throw new UsageError('--tag takes a tag: marginalia render DIR --tag attention');
    }
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
  if (name === 'render' && (note === undefined) === (tag === undefined)) {
    throw new UsageError('render needs a note or a tag: marginalia render DIR NOTE, or marginalia render DIR --tag TAG');
  }
  if (name !== 'render' && (tag !== undefined || output !== undefined || (backlinks !== undefined && name !== 'publish'))) {
    throw new UsageError('--tag, --output and --no-backlinks are options of render');
  }
  if (name !== 'graph' && graphOption) throw new UsageError('--local, --depth, --filter, --tags, --no-placeholders, --no-attachments and --no-orphans are options of graph');
  if (name !== 'publish' && publishOption !== undefined) throw new UsageError(`${publishOption} is an option of publish`);
  if (name === 'publish') {
    if (note === undefined) throw new UsageError('publish needs an output folder: marginalia publish DIR OUT');
    if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
    return { command: name, dir, json, maxFileBytes, backlinks, publish: { out: note, include, exclude, baseUrl, title, force, watch } };
  }
  if (name !== 'backlinks' && name !== 'render' && note !== undefined) throw new UsageError(`unexpected argument "${note}"`);
  if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  if (name === 'graph' && !json) throw new UsageError('graph prints JSON only: marginalia graph DIR --json');
  if (depth !== undefined && local === undefined) throw new UsageError('--depth goes with --local NOTE');
  const graph: GraphArgs | undefined = name === 'graph' ? { local, depth: depth ?? 1, filter, ...graphFlags } : undefined;
  return { command: name, dir, note, json, maxFileBytes, tag, output, backlinks, graph };
}
