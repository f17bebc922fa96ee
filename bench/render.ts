// Render times (DESIGN.md §7, issue 8): a 2,000-line note with 200 formulas (all four
// delimiter forms) and 100 footnotes, as the preview renders it (sidenotes, links resolved,
// Backlinks section), and a tag page of 50 notes of the generated vault. Bundled and run by
// bench/run.mjs: `node render.js DIR` prints one JSON line. Measures; never asserts.
import MarkdownIt from 'markdown-it';
import { buildIndex } from '../src/core/index/build';
import { NodeVaultHost } from '../src/node/nodeHost';
import { clearMathCache } from '../src/core/render/math';
import { formatNoteAddress } from '../src/core/render/noteAddress';
import { renderNotePage } from '../src/core/render/page';
import { renderTagPage } from '../src/core/render/tagPage';

const host = { noteHref: formatNoteAddress, imageSrc: (p: string) => formatNoteAddress(p) };

interface Stats { first: number; median: number; p95: number; cpuMedian: number }

/** Wall time, and CPU time of this process (on a machine shared with other work, the steadier one). */
function stats(runs: { wall: number; cpu: number }[]): Stats {
  const rest = runs.slice(1);
  const wall = rest.map(r => r.wall).sort((a, b) => a - b);
  const cpu = rest.map(r => r.cpu).sort((a, b) => a - b);
  return { first: runs[0]!.wall, median: wall[Math.floor(wall.length / 2)]!, p95: wall[Math.floor(wall.length * 0.95)]!, cpuMedian: cpu[Math.floor(cpu.length / 2)]! };
}

function timeRuns(runs: number, f: () => unknown): { wall: number; cpu: number }[] {
  const out: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    f();
    const used = process.cpuUsage(c);
    out.push({ wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: (used.user + used.system) / 1000 });
  }
  return out;
}

/** Exactly 2,000 lines: headings, paragraphs and list items with links and tags, 200 formulas (50 of each form), 100 footnotes. */
export function bigNote(targets: readonly string[]): string {
  const forms = [(i: number) => [`Inline $x_{${i}}^2 + y$ in a sentence.`], (i: number) => [`Keys \\(K_{${i}},V \\in \\mathbb{R}^{n}\\) here.`],
    (i: number) => ['$$', `\\sum_{k=1}^{${i}} \\frac{k^2}{\\sqrt{k+1}}`, '$$'], (i: number) => ['\\[', `\\int_0^{${i}} e^{-t^2} \\, dt`, '\\]']];
  const body: string[] = ['# A long note', ''];
  let formulas = 0;
  let footnotes = 0;
  for (let i = 0; body.length < 1900 - 4; i++) {
    if (i % 40 === 0) body.push(`## Section ${i / 40}`, '');
    const ref = footnotes < 100 && i % 7 === 3 ? `[^n${footnotes++}]` : '';
    const formula = formulas < 200 && i % 3 === 1 ? forms[formulas % 4]!(formulas++) : [];
    const text = `Line ${i} of prose about [[${targets[i % targets.length]}]] and #topic/${i % 7}, with **emphasis** and \`code\`${ref}.`;
    // Inline forms ride in the line; display forms are blocks of their own.
    const inline = formula.length === 1 ? ` ${formula[0]}` : '';
    body.push(i % 4 === 0 ? `- ${text}${inline}` : `${text}${inline}`, '');
    if (formula.length > 1) body.push(...formula, '');
  }
  const notes = Array.from({ length: footnotes }, (_, i) => `[^n${i}]: Footnote ${i}, citing [[${targets[i % targets.length]}]].`);
  const lines = [...body, ...notes];
  while (lines.length < 2000) lines.splice(lines.length - notes.length, 0, `Filler line ${lines.length}.`, '');
  return lines.slice(0, 2000).join('\n');
}

async function main(dir: string) {
  const { index } = await buildIndex(new NodeVaultHost(dir));
  const paths = [...index.notes()].map(n => n.path).sort();
  const targets = paths.slice(0, 50).map(p => p.slice(0, -3));
  const text = bigNote(targets);
  index.upsert('bench-long-note.md', text);
  // Cold: every formula drawn by KaTeX afresh (as on opening a note). Keystroke: one line
  // changed and rendered again (formulas already drawn are kept), as the preview does as you type.
  const note = stats(timeRuns(31, () => {
    clearMathCache();
    renderNotePage(index, host, 'bench-long-note.md', text);
  }));
  let typed = text;
  const keystroke = stats(timeRuns(31, () => {
    typed = typed.replace('Line 500 of', `Line 500${'x'} of`);
    renderNotePage(index, host, 'bench-long-note.md', typed);
  }));
  // The same text through stock markdown-it (no plugins): what the machine gives any parser now.
  const stock = new MarkdownIt();
  const baseline = stats(timeRuns(31, () => stock.render(text)));
  const page = renderNotePage(index, host, 'bench-long-note.md', text);

  for (const p of paths.slice(0, 50)) index.upsert(p, `${index.textOf(p)}\n\n#bench-fifty\n`);
  const tag = stats(timeRuns(11, () => {
    clearMathCache();
    renderTagPage(index, host, 'bench-fifty');
  }));
  const tagPage = renderTagPage(index, host, 'bench-fifty');
  console.log(JSON.stringify({
    stock: baseline,
    keystroke,
    note: { ...note, lines: text.split('\n').length, formulas: (page.html.match(/class="katex"/g) ?? []).length, sidenotes: page.sidenotes, kb: page.html.length / 1024 },
    tag: { ...tag, notes: (tagPage.html.match(/class="note tag-page-note"/g) ?? []).length, kb: tagPage.html.length / 1024 },
  }));
}

main(process.argv[2]!).catch(e => {
  console.error(e);
  process.exit(1);
});
