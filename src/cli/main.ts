// `marginalia`: the notes engine on a folder, with no VS Code (DESIGN.md §6).
import { citationProblems, cliLibrary, cliPageCitations, noteLookup } from './citations';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { buildIndex } from '../core/index/build';
import type { FileProblem, Logger } from '../core/host';
import { parseArgs, USAGE, UsageError } from './args';
import { backlinksCommand, checkCommand, findNote, graphCommand, indexCommand, tagsCommand, type Output } from './commands';
import { NodeVaultHost } from '../node/nodeHost';
import { skippedLinksMessage } from '../core/index/skippedLinks';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export interface CliOptions {
  /** Tune V8 for a process that builds once and exits (see holdYoungGeneration); only the real command does. */
  readonly tuneHeap?: boolean;
}

export async function runCli(argv: readonly string[], io: CliIO, options: CliOptions = {}): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`marginalia: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }
  const root = path.resolve(args.dir);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(root);
  } catch {
    stat = undefined;
  }
  if (!stat) {
    io.err(`marginalia: folder not found: ${args.dir}`);
    return 2;
  }
  if (!stat.isDirectory()) {
    io.err(`marginalia: not a folder: ${args.dir} (give the folder that holds your notes)`);
    return 2;
  }

  // File problems are printed once: on stderr, or for `check` among its findings on stdout.
  const logger: Logger = { info() {}, warn() {}, error: m => io.err(`marginalia: ${m}`) };
  const host = new NodeVaultHost(root);
  const built = await buildIndex(host, { logger, maxFileBytes: args.maxFileBytes, onProgress: options.tuneHeap ? holdYoungGeneration() : undefined });
  const { index, millis } = built;
  const problems = built.problems.map(inCliWords);
  if (args.command !== 'check') for (const p of problems) io.err(`marginalia: ${p.message}`);
  const skipped = skippedLinksMessage(host.skippedLinks);
  if (skipped) io.err(`marginalia: ${skipped}`);

  let result: Output | string;
  switch (args.command) {
    case 'index':
      result = indexCommand(index, problems, millis, args.json);
      break;
    case 'check':
      result = checkCommand(index, problems, args.json, await citationProblems(index, await cliLibrary(host, index)));
      break;
    case 'backlinks':
      result = backlinksCommand(index, noteArgument(root, args.note ?? ''), args.json);
      break;
    case 'tags':
      result = tagsCommand(index, args.json);
      break;
    case 'graph': {
      const g = args.graph!;
      const local = g.local === undefined ? undefined : { path: noteArgument(root, g.local), depth: g.depth };
      if (local && !index.has(local.path)) {
        const r = index.resolve(local.path, '');
        if (r.kind !== 'note') {
          result = `--local: no note "${g.local}" in ${args.dir}`;
          break;
        }
        local.path = r.path;
      }
      result = graphCommand(index, { local, filter: g.filter, tags: g.tags, placeholders: g.placeholders, attachments: g.attachments, orphans: g.orphans });
      break;
    }
    case 'render': {
      // Required here, not imported: the other commands never load markdown-it and KaTeX.
      const { renderCommand } = require('./render') as typeof import('./render');
      const note = args.note === undefined ? undefined : noteArgument(root, args.note);
      const library = await cliLibrary(host, index);
      const found = note === undefined ? undefined : findNote(index, note);
      const lookup = library && (found && typeof found !== 'string' && 'note' in found ? await noteLookup(library, index, found.note) : library.workspace);
      const citations = lookup && cliPageCitations(lookup);
      const rendered = renderCommand(index, { root, note, tag: args.tag, output: args.output, backlinks: args.backlinks, citations });
      if ('error' in rendered) result = rendered.error;
      else result = { text: rendered.written ? [] : [rendered.html], exitCode: 0 };
      if ('written' in rendered && rendered.written) io.err(`marginalia: wrote ${rendered.written}`);
      break;
    }
    case 'publish': {
      const { publishCommand, watchSite } = require('./publish') as typeof import('./publish');
      const publish = args.publish!;
      const run = await publishCommand(index, root, { ...publish, out: path.resolve(publish.out) }, m => io.err(`marginalia: ${m}`), { backlinks: args.backlinks });
      if ('error' in run) {
        result = run.error;
        break;
      }
      io.err(`marginalia: published ${run.notes} notes, ${run.tags} tags, ${run.attachments} attachments into ${publish.out} in ${(run.millis / 1000).toFixed(1)} s`);
      if (publish.watch) {
        // Said once every folder is watched: a change made after this line is seen.
        const watch = watchSite(index, root, run, m => io.err(`marginalia: ${m}`));
        io.err('marginalia: watching for changes (Ctrl-C to stop)');
        await new Promise<void>(resolve => process.once('SIGINT', () => { watch.close(); resolve(); }));
      }
      result = { exitCode: 0 };
      break;
    }
  }
  if (typeof result === 'string') {
    io.err(`marginalia: ${result}`);
    return 2;
  }
  if (result.json !== undefined) io.out(JSON.stringify(result.json, null, 2));
  else if (result.text?.length) io.out(result.text.join('\n'));
  return result.exitCode;
}

/**
 * A cold build keeps nearly all it allocates, so once V8 has sized its young generation on the
 * first batch, growing it further only adds memory (10,000 notes: peak RSS 199 -> 177 MB, CPU
 * time 11% less; 50,000: the same time). Its size can only be set before start; its growth can
 * be stopped now. Not from the start: held at 1 MB, 50,000 notes took 1,390 scavenges, not 89.
 */
function holdYoungGeneration(): () => void {
  let held = false;
  return () => {
    if (!held) v8.setFlagsFromString('--semi-space-growth-factor=1');
    held = true;
  };
}

/** The engine says "raise the limit"; here the limit is an option, so name it. */
function inCliWords(problem: FileProblem): FileProblem {
  if (problem.reason !== 'too-large') return problem;
  return { ...problem, message: problem.message.replace(/raise the limit$/, 'raise the limit with --max-file-size MB') };
}

/** A NOTE given as a path that exists (relative to the cwd or to DIR) becomes vault-relative; anything else is a link target. */
function noteArgument(root: string, note: string): string {
  for (const candidate of [path.resolve(note), path.resolve(root, note)]) {
    const rel = path.relative(root, candidate);
    if (!rel.startsWith('..') && !path.isAbsolute(rel) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
      return rel.split(path.sep).join('/');
    }
  }
  return note;
}

if (require.main === module) {
  // `marginalia tags DIR | head`: once the reader has gone, the rest is wanted by no one. Write
  // no more, quietly, as `grep` and `ls` do, instead of crashing on the write that found the pipe closed.
  // The exit code stays the command's: `marginalia check DIR | head -1` still fails when it found problems.
  let readerGone = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    readerGone = true;
  });
  const io: CliIO = { out: t => void (readerGone || process.stdout.write(t + '\n')), err: t => process.stderr.write(t + '\n') };
  runCli(process.argv.slice(2), io, { tuneHeap: true }).then(exitWhenWritten, e => {
    process.stderr.write(`marginalia: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    exitWhenWritten(3);
  });
}

/**
 * Exits as soon as what was written is out. Left to end by itself, Node tears down the heap of
 * the whole index first (10,000 notes: 30-90 ms, on this machine 2-4% of the command); an
 * explicit exit skips that. Output to a pipe may still be queued (asynchronous on macOS and
 * Windows), so each stream is asked to call back once everything before has been written.
 */
function exitWhenWritten(code: number): void {
  let waiting = 2;
  const written = (): void => {
    if (--waiting === 0) process.exit(code);
  };
  // A closed stream (`| head`) calls back with its error: nothing more can be written anyway.
  process.stdout.write('', written);
  process.stderr.write('', written);
}
