// `npm run bench -- --graph`, the extension-host side: builds the index of a bench vault, then
// times what the graph panel does in the host: building the graph message (a GraphModel's packed
// picture and the kept positions joined to it, as the panel sends them), then making the model's
// objects for small steps (`prepare`, which the panel does after posting), and, after one note is
// edited, created, deleted or renamed, the model's update (the diff). Prints JSON: the timings
// (wall and CPU; the first build separately: code not yet compiled), the packed graph, and the
// diff of the edit (for the webview side).
import { buildIndex } from '../src/core/index/build';
import { GraphModel } from '../src/core/graph/graphModel';
import { alignPositions } from '../src/core/graph/packedGraph';
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
  // Kept positions for every note, as a reopened graph has them.
  const kept: Record<string, [number, number]> = {};
  let k = 0;
  for (const n of index.notes()) kept[n.path] = [k, k++];
  const build: number[] = [];
  const buildCpu: number[] = [];
  let graph = new GraphModel(index, {}).packedData();
  let model = new GraphModel(index, {});
  let firstCpuMs = 0;
  for (let i = 0; i < 8; i++) {
    const r = timed(() => {
      const m = new GraphModel(index, {});
      const g = m.packedData();
      alignPositions(g.ids, kept);
      return { m, g };
    });
    model = r.value.m;
    graph = r.value.g;
    if (i === 0) firstCpuMs = r.cpuMs;
    else {
      build.push(r.ms);
      buildCpu.push(r.cpuMs);
    }
  }
  const prepareCpuMs = timed(() => model.prepare()).cpuMs;
  // As the panel makes them: 12 ms slices (the longest is the task an editor could wait behind).
  let sliced: GraphModel | undefined = new GraphModel(index, {});
  sliced.packedData();
  let prepareSlices = 0;
  let prepareLongestMs = 0;
  const prepareSlicedCpuMs = timed(() => {
    for (let done = false; !done; prepareSlices++) {
      // The slice's CPU time: on a loaded machine its wall time counts other processes' turns.
      const c = process.cpuUsage();
      done = sliced!.prepareUntil(performance.now() + 12);
      const u = process.cpuUsage(c);
      prepareLongestMs = Math.max(prepareLongestMs, (u.user + u.system) / 1000);
    }
  }).cpuMs;
  sliced = undefined;
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
  // A note created, deleted, renamed: a rebuild and a diff of the two packed pictures.
  const steps: string[] = [];
  const change = (f: () => void, renames?: Map<string, string>) => {
    const cpu: number[] = [];
    for (let i = 0; i < 3; i++) {
      f();
      cpu.push(timed(() => model.update(renames)).cpuMs);
      steps.push(model.lastUpdate ?? '');
      model.prepare();
    }
    return median(cpu);
  };
  let made = 0;
  const target = b.replace(/\.md$/, '');
  const createCpuMs = change(() => index.upsert(`bench-new-${made++}.md`, `# New\n\n[[${target}]]\n`));
  const deleteCpuMs = change(() => index.remove(`bench-new-${--made}.md`));
  // A linked note deleted (its linkers lose an edge each) and written again.
  const linked = notes.map(n => ({ path: n.path, linkers: index.backlinks(n.path).length })).sort((x, y) => y.linkers - x.linkers)[Math.floor(notes.length / 10)];
  const linkedText = index.textOf(linked.path) ?? '';
  let gone = false;
  const deleteLinkedCpuMs = change(() => ((gone = !gone) ? index.remove(linked.path) : index.upsert(linked.path, linkedText)));
  if (gone) {
    index.upsert(linked.path, linkedText);
    model.update();
  }
  let moved = 0;
  const renameCpuMs = change(() => index.rename(moved === 0 ? a : `bench-moved-${moved}.md`, `bench-moved-${++moved}.md`));
  index.rename(`bench-moved-${moved}.md`, a);

  model = new GraphModel(index, {});
  graph = model.packedData();
  index.upsert(a, edited);
  const diff = model.update();
  process.stdout.write(
    JSON.stringify({ buildMs: median(build), buildCpuMs: median(buildCpu), firstBuildCpuMs: firstCpuMs, prepareCpuMs, prepareSlicedCpuMs, prepareSlices, prepareLongestMs, deleteLinkedCpuMs, linkers: linked.linkers, steps, stringifyMs: median(message), messageBytes: bytes, editMs: median(edit), editCpuMs: median(editCpu), createCpuMs, deleteCpuMs, renameCpuMs, graph, diff }),
  );
}

void main();
