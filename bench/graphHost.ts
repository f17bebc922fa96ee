// `npm run bench -- --graph`, the extension-host side: builds the index of a bench vault, then
// times what the graph panel does in the host: building the graph message (buildGraphData,
// as the panel calls it) and, after one note is edited, the new picture and its diff. Prints
// JSON: the timings, the graph, and the diff of that edit (for the webview side to apply).
import { buildIndex } from '../src/core/index/build';
import { buildGraphData } from '../src/core/graph/graphData';
import { diffGraph } from '../src/core/graph/graphDiff';
import { NodeVaultHost } from '../src/node/nodeHost';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dir = process.argv[2];
  const { index } = await buildIndex(new NodeVaultHost(dir), {});
  const build: number[] = [];
  let data = buildGraphData(index);
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    data = buildGraphData(index);
    build.push(performance.now() - t);
  }
  const message: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    JSON.stringify({ type: 'graph', data });
    message.push(performance.now() - t);
  }
  // An edit: the first note gains a link to the last one.
  const notes = [...index.notes()];
  const a = notes[0].path;
  const b = notes[notes.length - 1].path;
  const text = index.textOf(a) ?? '';
  const edit: number[] = [];
  let diff = diffGraph(data, data);
  let before = data;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    index.upsert(a, i % 2 === 0 ? `${text}\n\nSee [[${b.replace(/\.md$/, '')}]].\n` : text);
    const after = buildGraphData(index);
    diff = diffGraph(before, after);
    edit.push(performance.now() - t);
    before = after;
  }
  index.upsert(a, text);
  const after = buildGraphData(index);
  diff = diffGraph(data, buildGraphData(index));
  index.upsert(a, `${text}\n\nSee [[${b.replace(/\.md$/, '')}]].\n`);
  diff = diffGraph(after, buildGraphData(index));
  process.stdout.write(JSON.stringify({ buildMs: median(build), stringifyMs: median(message), editMs: median(edit), data, diff }));
}

void main();
