// What each note's words are, for unlinked mentions: a small Bloom filter per note
// (a signature) of its words and of every two words in a row (wordKeys.ts). A title or alias
// is only found in a note whose signature holds all its words and pairs, so a search runs
// findMentions on those notes, not on the whole vault; a filter never misses (it only lets a
// few notes through for nothing), so the result is the same. A word index (word -> notes)
// was tried first: the bench vault's words are so few that a title's three words were all in
// a quarter of the notes; pairs are what tell them apart, and a filter keeps them small.
// Signatures are made the first time a search reads a note (a cold build pays nothing; a host
// searching in slices makes them a slice at a time) and kept per note record: the index makes
// a new record for every note it rescans, so an edited or renamed note gets a new signature
// and an old one goes with its record.
import { pairHash, wordHashes } from './wordKeys';

/** Filter bits per character of text: about 10 per distinct word or pair of the bench's notes, 1.8% false hits each. */
const BITS_PER_CHAR = 2;
const PROBES = 3;

type Signature = Uint32Array;

export class MentionIndex {
  private readonly signatures = new WeakMap<object, Signature>();

  /** Whether the note's filter is made (else its text is needed to rule it out). */
  hasSignature(record: object): boolean {
    return this.signatures.has(record);
  }

  /**
   * The notes among `sources` (default: every note), but `path`, in their order, whose words
   * may hold one of `terms` (every note whose text holds one does). A note's filter is made from
   * `textOf(note)` the first time; a note without a filter whose text is not at hand is kept (it
   * cannot be ruled out).
   */
  notesToSearch<R extends object>(
    terms: readonly string[],
    records: ReadonlyMap<string, R>,
    path: string,
    sources: Iterable<string> | undefined,
    textOf: (record: R) => string | undefined,
  ): R[] {
    const wanted: Int32Array[] = [];
    for (const term of terms) {
      if (term.trim() === '') continue; // the pattern leaves empty terms out
      const probes = termProbes(term);
      if (probes.length === 0) return otherNotes(records, path, sources); // all punctuation: no word to look for
      wanted.push(probes);
    }
    const out: R[] = [];
    const consider = (record: R) => {
      let signature = this.signatures.get(record);
      if (!signature) {
        const text = textOf(record);
        if (text === undefined) return void out.push(record);
        this.signatures.set(record, (signature = signatureOf(text)));
      }
      if (wanted.some(probes => holdsAll(signature!, probes))) out.push(record);
    };
    if (sources) {
      for (const p of sources) {
        const record = p !== path ? records.get(p) : undefined;
        if (record) consider(record);
      }
    } else {
      for (const [p, record] of records) if (p !== path) consider(record);
    }
    return out;
  }
}

function otherNotes<R>(records: ReadonlyMap<string, R>, path: string, sources?: Iterable<string>): R[] {
  const out: R[] = [];
  for (const p of sources ?? records.keys()) {
    const record = p !== path ? records.get(p) : undefined;
    if (record) out.push(record);
  }
  return out;
}

/** A term's pairs of words in a row, then its words: what a note must hold to hold the term (pairs rule out most). */
function termProbes(term: string): Int32Array {
  const { hashes, count } = wordHashes(term);
  const probes = new Int32Array(count === 0 ? 0 : 2 * count - 1);
  for (let i = 0; i < count; i++) {
    probes[count - 1 + i] = hashes[i];
    if (i > 0) probes[i - 1] = pairHash(hashes[i - 1], hashes[i]);
  }
  return probes;
}

function signatureOf(text: string): Signature {
  const signature = new Uint32Array(Math.max(2, Math.ceil((text.length * BITS_PER_CHAR) / 32)));
  const { hashes, count } = wordHashes(text);
  for (let i = 0; i < count; i++) {
    set(signature, hashes[i]);
    if (i > 0) set(signature, pairHash(hashes[i - 1], hashes[i]));
  }
  return signature;
}

/** Bit `k` of `PROBES` for hash `h` (double hashing), spread over the filter's bits without a modulo. */
function bitOf(signature: Signature, h: number, k: number): number {
  const step = ((h >>> 17) | (h << 15)) | 1;
  return Math.floor((((h + Math.imul(k, step)) >>> 0) * (signature.length * 32)) / 4294967296);
}

function set(signature: Signature, h: number): void {
  for (let k = 0; k < PROBES; k++) {
    const bit = bitOf(signature, h, k);
    signature[bit >>> 5] |= 1 << (bit & 31);
  }
}

function holdsAll(signature: Signature, probes: Int32Array): boolean {
  for (let i = 0; i < probes.length; i++) {
    for (let k = 0; k < PROBES; k++) {
      const bit = bitOf(signature, probes[i], k);
      if ((signature[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
  }
  return true;
}
