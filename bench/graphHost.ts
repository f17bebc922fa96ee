// `npm run bench -- --graph`, the extension-host side: builds the index of a bench vault, then
// times what the graph panel does in the host: building the graph message (a GraphModel, packed
// as the panel sends it) and, after one note is edited, the model's update (the diff). Prints
// JSON: the timings (wall and CPU), the packed graph, and the diff of that edit (for the webview side).
import { buildIndex } from '../src/core/index/build';
import { GraphModel } from '../src/core/graph/graphModel';
import { packGraph } from '../src/core/graph/packedGraph';
import { NodeVaultHost } from '../src/node/nodeHost';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timed<T>(f: () => T): { value: T; ms: number; cpuMs: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const ms = performance.now() - t;
  const u = process.cpuUsage(c);
  return { value, ms, cpuMs: (u.user + u.system) / 1000 };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  const { index } = await buildIndex(new NodeVaultHost(dir), {});
  const build: number[] = [];
  const buildCpu: number[] = [];
  let graph = packGraph(new GraphModel(index, {}).data());
  let model = new GraphModel(index, {});
  for (let i = 0; i < 7; i++) {
    const r = timed(() => {
      const m = new GraphModel(index, {});
      return { m, g: packGraph(m.data()) };
    });
    model = r.value.m;
    graph = r.value.g;
    build.push(r.ms);
    buildCpu.push(r.cpuMs);
  }
  const message: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    bytes = JSON.stringify({ type: 'graph', graph, positions: new Array(2 * graph.ids.length).fill(0) }).length;
    message.push(performance.now() - t);
  }
  // An edit: the first note gains a link to the last one (and loses it again, alternately).
  const notes = [...index.notes()];
  const a = notes[0].path;
  const b = notes[notes.length - 1].path;
  const text = index.textOf(a) ?? '';
  const edited = `${text}\n\nSee [[${b.replace(/\.md$/, '')}]].\n`;
  const edit: number[] = [];
  const editCpu: number[] = [];
  for (let i = 0; i < 6; i++) {
    const r = timed(() => {
      index.upsert(a, i % 2 === 0 ? edited : text);
      return model.update();
    });
    edit.push(r.ms);
    editCpu.push(r.cpuMs);
  }
  index.upsert(a, text);
  model = new GraphModel(index, {});
  graph = packGraph(model.data());
  index.upsert(a, edited);
  const diff = model.update();
  process.stdout.write(JSON.stringify({ buildMs: median(build), buildCpuMs: median(buildCpu), stringifyMs: median(message), messageBytes: bytes, editMs: median(edit), editCpuMs: median(editCpu), graph, diff }));
}

void main();
