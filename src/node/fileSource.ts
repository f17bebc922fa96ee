// A file read a piece at a time at given offsets (the index cache's reader: a chunk, then the next),
// so a large file's bytes are never all in memory at once.
import * as fs from 'node:fs';

export interface FileSource {
  readonly size: number;
  /** `length` bytes from `at`, in a fresh array (fewer only where the file ends). */
  read(at: number, length: number): Promise<Uint8Array>;
  /** Once done; later calls do nothing. */
  close(): Promise<void>;
}

export async function openFileSource(path: string): Promise<FileSource> {
  const handle = await fs.promises.open(path, 'r');
  let closed: Promise<void> | undefined;
  try {
    const { size } = await handle.stat();
    const read = async (at: number, length: number): Promise<Uint8Array> => {
      // Node's read asserts natively on a length or position that is no int32 (exit 134, not an
      // exception): whatever a caller computed from a file's bytes, only sane ones get through.
      if (!Number.isSafeInteger(at) || !Number.isSafeInteger(length) || at < 0 || length < 0) {
        throw new RangeError(`cannot read ${length} bytes at ${at}`);
      }
      length = Math.max(0, Math.min(length, size - at));
      const out = new Uint8Array(length);
      let got = 0;
      while (got < length) {
        const { bytesRead } = await handle.read(out, got, length - got, at + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === length ? out : out.subarray(0, got);
    };
    return { size, read, close: () => (closed ??= handle.close()) };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
