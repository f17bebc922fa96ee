// Reading and resealing a cache file's parts, for tests that damage one on purpose.
import { checksum } from '../../../../src/core/index/indexCache';

/** Where the first chunk of a cache file sits, and its header. */
export function layoutOf(file: Uint8Array): { prefixAt: number; chunkAt: number; chunkBytes: number; header: { chunks: { bytes: number; checksum: number }[] } } {
  const view = new DataView(file.buffer, file.byteOffset, file.length);
  const headerLength = view.getUint32(20, true);
  const header = JSON.parse(Buffer.from(file.subarray(28, 28 + headerLength)).toString('utf8'));
  const chunkAt = (28 + headerLength + 3) & ~3;
  return { prefixAt: 28, chunkAt, chunkBytes: header.chunks[0].bytes, header };
}

/** The file with its first chunk's checksum, and the header's, made to match its (damaged) bytes. */
export function resealed(file: Uint8Array, prefixAt: number, chunkAt: number, chunkBytes: number, header: { chunks: { checksum: number }[] }): Uint8Array {
  const chunks = file.subarray(chunkAt);
  const sealed = { ...header, chunks: header.chunks.map((c, i) => (i === 0 ? { ...c, checksum: checksum(chunks.slice(0, chunkBytes)) } : c)) };
  const headerBytes = Buffer.from(JSON.stringify(sealed));
  const prefix = Buffer.alloc((prefixAt + headerBytes.length + 3) & ~3);
  Buffer.from(file.subarray(0, 20)).copy(prefix);
  prefix.writeUInt32LE(headerBytes.length, 20);
  prefix.writeUInt32LE(checksum(new Uint8Array(headerBytes.buffer.slice(headerBytes.byteOffset, headerBytes.byteOffset + headerBytes.length))), 24);
  headerBytes.copy(prefix, prefixAt);
  return new Uint8Array(Buffer.concat([prefix, chunks]));
}
