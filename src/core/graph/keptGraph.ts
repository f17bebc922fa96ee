// What a graph keeps between openings, as the files in the extension's storage hold it: node
// positions, and the palette slot each colour group was given (so "papers are orange" holds from
// one day to the next). Read here, in one place, so a damaged file is told from a good one the
// same way for both: anything not of the expected shape is refused whole (the caller logs it and
// starts afresh), never half used.

export type KeptPositions = Record<string, [number, number]>;

/** The kept positions in a file's text; undefined when the text is not such a file (damaged). */
export function readKeptPositions(text: string): KeptPositions | undefined {
  const raw = parse(text);
  if (!isRecord(raw)) return undefined;
  const out: KeptPositions = Object.create(null);
  for (const [id, p] of Object.entries(raw)) {
    if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return undefined;
    out[id] = [p[0], p[1]];
  }
  return out;
}

/**
 * The kept palette slots by group key (groupColors.ts) in a file's text; undefined when the
 * text is not such a file (damaged). A slot past `slots` (a smaller palette than when it was
 * kept) is dropped: that group is given a slot afresh.
 */
export function readKeptGroupSlots(text: string, slots: number): Map<string, number> | undefined {
  const raw = parse(text);
  if (!isRecord(raw)) return undefined;
  const out = new Map<string, number>();
  for (const [key, slot] of Object.entries(raw)) {
    if (!Number.isSafeInteger(slot) || (slot as number) < 0) return undefined;
    if ((slot as number) < slots) out.set(key, slot as number);
  }
  return out;
}

export function writeKeptGroupSlots(kept: ReadonlyMap<string, number>): string {
  return JSON.stringify(Object.fromEntries([...kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
