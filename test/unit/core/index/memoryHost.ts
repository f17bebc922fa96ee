// A vault in memory for tests: files as text or bytes, and files whose read fails.
import type { ReusingReadHost, SyncReadHost, VaultFile, VaultHost } from '../../../../src/core/host';

export type MemoryFile = string | Uint8Array | { readonly fails: string } | { readonly size: number };

export class MemoryHost implements VaultHost {
  constructor(readonly files: Record<string, MemoryFile>) {}

  async listFiles(): Promise<VaultFile[]> {
    return Object.keys(this.files).map(path => ({ path, size: sizeOf(this.files[path]) }));
  }

  async readFile(path: string): Promise<Uint8Array> {
    return this.read(path);
  }

  protected read(path: string): Uint8Array {
    const file = this.files[path];
    if (file === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    if (typeof file === 'string') return new TextEncoder().encode(file);
    if (file instanceof Uint8Array) return file;
    if ('fails' in file) throw new Error(file.fails);
    return new Uint8Array(file.size);
  }
}

/** The same vault with the CLI's fast synchronous reads. */
export class SyncMemoryHost extends MemoryHost implements SyncReadHost {
  readFileSync(path: string): Uint8Array {
    return this.read(path);
  }
}

/** The same vault read as the CLI reads: every file into one buffer, overwritten by the next read. */
export class ReusingMemoryHost extends MemoryHost implements ReusingReadHost {
  private readonly buffer = new Uint8Array(1 << 16);

  readFileReusing(path: string, maxBytes: number): Uint8Array | number {
    const bytes = this.read(path);
    if (bytes.length > maxBytes) return bytes.length;
    this.buffer.fill(0xff); // what a caller still holding the last read would see
    this.buffer.set(bytes);
    return this.buffer.subarray(0, bytes.length);
  }
}

function sizeOf(file: MemoryFile): number | undefined {
  if (typeof file === 'string') return new TextEncoder().encode(file).length;
  if (file instanceof Uint8Array) return file.length;
  return 'size' in file ? file.size : undefined;
}
