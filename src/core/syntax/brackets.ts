// The brackets still open in one inline text (`[`, `![`, `^[`), innermost last. Kept in typed
// arrays, not objects: a note of a million `[` must cost neither a million allocations nor a
// garbage collector walking them.
import { grown } from './lines';

export const enum Opener {
  Link,
  Image,
  InlineFootnote,
}

export class BracketStack {
  size = 0;
  /** Brackets below this height can no longer make a link (a link was found inside them). */
  private poisonedBelow = 0;
  pos: Int32Array = new Int32Array(16);
  kind: Int32Array = new Int32Array(16);
  /** For `[^label](...`: the `]` of the label, a footnote reference should the link fail; else -1. */
  footnoteClose: Int32Array = new Int32Array(16);
  /** For each open image, innermost last: how many links, tags, footnotes and math items were found before it. */
  private imageMarks: Int32Array = new Int32Array(16);
  private images = 0;

  clear(): void {
    this.size = 0;
    this.images = 0;
    this.poisonedBelow = 0;
  }

  push(pos: number, kind: Opener, footnoteClose: number): void {
    if (this.poisonedBelow > this.size) this.poisonedBelow = this.size;
    const i = this.size++;
    if (i >= this.pos.length) {
      this.pos = grown(this.pos, i + 1);
      this.kind = grown(this.kind, i + 1);
      this.footnoteClose = grown(this.footnoteClose, i + 1);
    }
    this.pos[i] = pos;
    this.kind[i] = kind;
    this.footnoteClose[i] = footnoteClose;
  }

  /** An image's `![`, with the counts of what was found before it (to take back its alt text). */
  pushImage(pos: number, links: number, tags: number, footnotes: number, math: number): void {
    this.push(pos, Opener.Image, -1);
    const at = 4 * this.images++;
    if (at + 4 > this.imageMarks.length) this.imageMarks = grown(this.imageMarks, at + 4);
    this.imageMarks[at] = links;
    this.imageMarks[at + 1] = tags;
    this.imageMarks[at + 2] = footnotes;
    this.imageMarks[at + 3] = math;
  }

  /** Takes off the innermost bracket and returns its index (its data stay until the next push), or -1. */
  pop(): number {
    if (this.size === 0) return -1;
    const i = --this.size;
    if (this.kind[i] === Opener.Image) this.images--;
    return i;
  }

  /** For the image just popped: the count of `n`-th kind (0 links, 1 tags, 2 footnotes, 3 math) before it. */
  imageMark(n: number): number {
    return this.imageMarks[4 * this.images + n];
  }

  /** Whether the bracket at `index` (just popped) can no longer make a link. */
  isPoisoned(index: number): boolean {
    return index < this.poisonedBelow;
  }

  /** A link was found: no bracket open around it may become a link (markdown-it nests no links). */
  poisonOpen(): void {
    this.poisonedBelow = this.size;
  }
}
