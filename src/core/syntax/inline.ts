// The inline pass over one paragraph, heading or table cell. A single left-to-right walk that
// only wakes up at `\` `` ` `` `$` `[` `]` `!` `^` `#` `<` `@`; at each it applies the rule the
// preview's markdown-it pipeline would apply there, in the same order, so both agree on what
// is code, math, a comment, a link destination — and so on every link and tag.
//
// Markdown links use a stack of open brackets (CommonMark's way) instead of markdown-it's
// look-ahead, which decides the same but stays linear: a `]` closes the nearest `[`; a link
// inside a link's text (a markdown link or a wiki-link) spoils every bracket still open
// before it, as markdown-it's "no nested links" does.
import { TextKind } from './blockState';
import { BracketStack, Opener } from './brackets';
import { htmlTagEnd } from './htmlTag';
import { InlineMath } from './inlineMath';
import type { InlineSink } from './inlineSink';
import { opensBracketMath } from './mathBlocks';
import { isAllowedDestination } from './linkParts';
import { inlineTail, referenceTail } from './linkTail';
import { noteTarget } from './noteLink';
import { bareCitation, canPrecedeCitation, citationGroup } from './citation';
import { canPrecedeTag, tagEnd } from './tagChars';
import { parseWikiLink } from './wikiLink';

// The characters at which some rule may apply. A regex finds the next one faster than a
// character loop, and test() (no match object) allocates nothing.
const WAKE = /[\\`$[\]!^#<%@]/g;

const AUTOLINK = /^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\x00-\x20]*$/;
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

function isBlockIdChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
}

export class InlineScanner {
  private segStart: Int32Array = new Int32Array(0);
  private segCount = 0;
  /** The segment being read. */
  private seg = 0;
  /** End of the whole text: no construct reaches past it. */
  private end = 0;
  /** No `%%` closes a comment from here to the text's end (see percent). */
  private percentUnclosed = false;
  private kind = TextKind.Paragraph;
  private readonly openers = new BracketStack();
  private readonly math = new InlineMath();
  private readonly nextLine = (pos: number) => this.nextLineStart(pos);
  private commentUnclosed = false;
  /** Backtick runs: length -> start of the last run of that length seen (markdown-it's memo). */
  private readonly backtickLast = new Map<number, number>();
  private backticksScanned = false;
  /** No wake character in [wakeFrom, wake): where the last search started and what it found. */
  private wakeFrom = 0;
  private wake = -1;

  private src = '';
  private found!: InlineSink;

  /** Starts a note: the scanner is reused from note to note (a vault is thousands), so nothing of the last one stays. */
  begin(src: string, found: InlineSink): void {
    this.src = src;
    this.found = found;
    this.wakeFrom = 0;
    this.wake = -1;
  }

  scan(kind: TextKind, segStart: Int32Array, segEnd: Int32Array, count: number): void {
    this.kind = kind;
    this.segStart = segStart;
    this.segCount = count;
    this.end = segEnd[count - 1];
    this.openers.clear();
    this.math.reset(this.src, this.end, this.found);
    this.commentUnclosed = false;
    this.percentUnclosed = false;
    if (this.backticksScanned || this.backtickLast.size > 0) this.backtickLast.clear();
    this.backticksScanned = false;

    const src = this.src;
    let seg = 0;
    let pos = segStart[0];
    let lineEnd = segEnd[0];
    for (;;) {
      pos = this.nextWake(pos);
      while (pos >= lineEnd && ++seg < count) lineEnd = segEnd[seg];
      if (seg >= count) break;
      if (pos < segStart[seg]) {
        pos = segStart[seg]; // between two lines of the text (never a wake character there, but be sure)
        continue;
      }
      this.seg = seg;
      switch (src.charCodeAt(pos)) {
        case 0x5c:
          pos = this.backslash(pos, lineEnd);
          break;
        case 0x60:
          pos = this.backticks(pos, lineEnd);
          break;
        case 0x24:
          pos = this.math.dollar(pos);
          break;
        case 0x5b:
          pos = this.openBracket(pos, lineEnd);
          break;
        case 0x5d:
          pos = this.closeBracket(pos);
          break;
        case 0x21:
          pos = this.bang(pos, lineEnd);
          break;
        case 0x5e:
          pos = this.caret(pos, lineEnd);
          break;
        case 0x23:
          pos = this.hash(pos, lineEnd);
          break;
        case 0x25:
          pos = this.percent(pos);
          break;
        case 0x40:
          pos = this.at(pos, lineEnd);
          break;
        default:
          pos = this.angle(pos);
      }
    }
  }

  /**
   * The first wake character at or after `pos`. Texts come in document order, so a search that
   * ran ahead (past this text, over code the block pass skipped) serves the next texts too:
   * each character of the note is looked at by the regex at most once.
   */
  private nextWake(pos: number): number {
    if (pos < this.wakeFrom || pos > this.wake) {
      WAKE.lastIndex = pos;
      this.wake = WAKE.test(this.src) ? WAKE.lastIndex - 1 : this.src.length;
      this.wakeFrom = pos;
    }
    return this.wake;
  }

  /**
   * `%%comment%%` within a text (render/obsidianCommentRule.ts's inline rule): hidden in the
   * preview, so nothing in it is found. Unclosed, the `%` is text; once no `%%` closes from one
   * place, none closes from a later one (no search twice).
   */
  private percent(pos: number): number {
    const src = this.src;
    if (src.charCodeAt(pos + 1) !== 0x25 || this.percentUnclosed) return pos + 1;
    let close = -1;
    for (let i = pos + 2; i + 1 < this.end; i++) {
      if (src.charCodeAt(i) === 0x25 && src.charCodeAt(i + 1) === 0x25) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      this.percentUnclosed = true;
      return pos + 1;
    }
    return close + 2;
  }

  /** `\(..\)` and `\[..\]` math (the preview reads them before escapes), else an escape. */
  private backslash(pos: number, lineEnd: number): number {
    if (pos + 1 >= lineEnd) return pos + 1; // a hard line break
    const src = this.src;
    const next = src.charCodeAt(pos + 1);
    if (next === 0x28 /* ( */ || (next === 0x5b /* [ */ && opensBracketMath(src, pos))) {
      const end = this.math.backslash(pos, next === 0x28);
      if (end >= 0) return end;
    }
    if (next === 0x20) return pos + 1;
    if (next >= 0xd800 && next <= 0xdbff && pos + 2 < lineEnd) return pos + 3;
    return pos + 2;
  }

  /** A code span: a run of backticks closed by a run of the same length; otherwise the run is text. */
  private backticks(pos: number, lineEnd: number): number {
    const src = this.src;
    let runEnd = pos + 1;
    while (runEnd < lineEnd && src.charCodeAt(runEnd) === 0x60) runEnd++;
    const length = runEnd - pos;
    if (this.backticksScanned && (this.backtickLast.get(length) ?? 0) <= pos) return runEnd;
    let matchEnd = runEnd;
    for (;;) {
      const matchStart = src.indexOf('`', matchEnd);
      if (matchStart < 0 || matchStart >= this.end) break;
      matchEnd = matchStart + 1;
      while (matchEnd < this.end && src.charCodeAt(matchEnd) === 0x60) matchEnd++;
      if (matchEnd - matchStart === length) {
        this.found.code(pos, matchEnd);
        return matchEnd;
      }
      this.backtickLast.set(matchEnd - matchStart, matchStart);
    }
    this.backticksScanned = true;
    return runEnd;
  }

  /** `[[wiki-link]]`, `[^footnote]`, or the `[` that may start a markdown link. */
  private openBracket(pos: number, lineEnd: number): number {
    const src = this.src;
    const next = src.charCodeAt(pos + 1);
    if (next === 0x5b) {
      const link = parseWikiLink(src, pos, lineEnd);
      if (link) {
        this.found.wikiLink('wiki', link, pos);
        this.openers.poisonOpen();
        return link.end;
      }
    }
    if (next !== 0x5e /* ^ */) {
      const group = citationGroup(src, pos, lineEnd);
      if (group) {
        this.found.citations(group);
        return group.end;
      }
    }
    let footnoteClose = -1;
    if (next === 0x5e && this.found.footnoteLabels) {
      const close = this.footnoteLabelEnd(pos, lineEnd);
      if (close >= 0 && this.found.footnoteLabels.has(src.slice(pos + 2, close))) {
        // `[^1](x.md)` is a link first, as markdown-it tries links before footnote references.
        if (src.charCodeAt(close + 1) !== 0x28) return this.footnoteRef(pos, close);
        footnoteClose = close;
      }
    }
    this.openers.push(pos, Opener.Link, footnoteClose);
    return pos + 1;
  }

  /**
   * The `]` closing `[^label`, or -1 (markdown-it-footnote: no spaces, no line break, not empty;
   * defined, checked by the caller — and no label with `[` is defined, so stop there).
   */
  private footnoteLabelEnd(pos: number, lineEnd: number): number {
    const src = this.src;
    for (let i = pos + 2; i < lineEnd; i++) {
      const c = src.charCodeAt(i);
      if (c === 0x20 || c === 0x5b) return -1;
      if (c === 0x5d) return i > pos + 2 ? i : -1;
    }
    return -1;
  }

  private footnoteRef(pos: number, close: number): number {
    // Not a link, so it spoils no enclosing bracket (markdown-it-footnote's would only when defined).
    this.found.footnote('ref', this.src.slice(pos + 2, close), pos, close + 1);
    return close + 1;
  }

  private closeBracket(pos: number): number {
    const openers = this.openers;
    const index = openers.pop();
    if (index < 0) return pos + 1;
    const start = openers.pos[index];
    const kind = openers.kind[index];
    if (kind === Opener.InlineFootnote) {
      this.found.footnote('inline', '', start, pos + 1);
      return pos + 1;
    }
    const definitions = this.found.definitions;
    const tail =
      inlineTail(this.src, pos + 1, this.end, this.nextLine) ??
      (definitions && referenceTail(this.src, start + (kind === Opener.Image ? 2 : 1), pos, this.end, definitions));
    if (!tail) {
      if (openers.footnoteClose[index] === pos) return this.footnoteRef(start, pos);
      return pos + 1;
    }
    if (kind === Opener.Image) {
      // An image's alt text is not shown as content: nothing in it counts.
      this.found.retract(openers.imageMark(0), openers.imageMark(1), openers.imageMark(2), openers.imageMark(3));
      this.found.retractCitationsAfter(start);
      return tail.end;
    }
    if (openers.isPoisoned(index)) return pos + 1;
    const src = this.src;
    const note = noteTarget(tail.href, src.slice(tail.rawStart, tail.rawEnd));
    if (note) {
      this.found.markdownLink(note, src.slice(start + 1, pos), start, tail.end, tail.rawStart, tail.rawStart + note.pathLength);
    }
    // A citation in a link's text is text (markdown-it reads none inside a link).
    this.found.retractCitationsAfter(start);
    openers.poisonOpen();
    return tail.end;
  }

  private nextLineStart(pos: number): number {
    let k = this.seg;
    while (k < this.segCount && this.segStart[k] <= pos) k++;
    return k < this.segCount ? this.segStart[k] : this.end;
  }

  /** `![[embed]]`, or the `![` of an image. */
  private bang(pos: number, lineEnd: number): number {
    const src = this.src;
    if (src.charCodeAt(pos + 1) !== 0x5b) return pos + 1;
    if (src.charCodeAt(pos + 2) === 0x5b) {
      const link = parseWikiLink(src, pos + 1, lineEnd);
      if (link) {
        this.found.wikiLink('embed', link, pos);
        return link.end;
      }
    }
    const found = this.found;
    this.openers.pushImage(pos, found.links.length, found.tags.length, found.footnotes.length, found.mathItems.length);
    return pos + 2;
  }

  /** `^[inline footnote]`, or a block id `^id` that ends a paragraph. */
  private caret(pos: number, lineEnd: number): number {
    const src = this.src;
    if (src.charCodeAt(pos + 1) === 0x5b && pos + 1 < lineEnd) {
      this.openers.push(pos, Opener.InlineFootnote, -1);
      return pos + 2;
    }
    if (this.kind !== TextKind.Paragraph || this.seg !== this.segCount - 1) return pos + 1;
    const prev = pos === this.segStart[this.seg] ? 0x20 : src.charCodeAt(pos - 1);
    // After a space, or right after a wiki-link or embed (`![[chart.png]]^chart`, as Obsidian reads it).
    if (prev !== 0x20 && prev !== 0x09 && !(prev === 0x5d && src.charCodeAt(pos - 2) === 0x5d)) return pos + 1;
    let end = pos + 1;
    while (end < lineEnd && isBlockIdChar(src.charCodeAt(end))) end++;
    if (end === pos + 1 || end !== lineEnd) return pos + 1;
    this.found.blockId(src.slice(pos + 1, end), pos, end);
    return end;
  }

  private hash(pos: number, lineEnd: number): number {
    if (pos !== this.segStart[this.seg] && !canPrecedeTag(this.src.charCodeAt(pos - 1))) return pos + 1;
    const end = tagEnd(this.src, pos, lineEnd);
    if (end < 0) return pos + 1;
    this.found.tag(pos, end);
    return end;
  }

  /** A bare citation `@key` (not after a word character: `me@example.org` is an address). */
  private at(pos: number, lineEnd: number): number {
    if (pos !== this.segStart[this.seg] && !canPrecedeCitation(this.src, pos)) return pos + 1;
    const group = bareCitation(this.src, pos, lineEnd);
    if (!group) return pos + 1;
    this.found.citations(group);
    return group.end;
  }

  /** An autolink `<scheme:...>` / `<a@b.c>`, an HTML comment, or an HTML tag (text, with nothing found inside). */
  private angle(pos: number): number {
    const autolink = this.autolinkEnd(pos);
    if (autolink > 0) return autolink;
    const comment = this.commentEnd(pos);
    if (comment > 0) return comment;
    const tag = htmlTagEnd(this.src, pos, this.end);
    return tag > 0 ? tag : pos + 1;
  }

  private autolinkEnd(pos: number): number {
    const src = this.src;
    let i = pos + 1;
    // Neither form allows spaces or control characters, so stop at the first one.
    for (; i < this.end; i++) {
      const c = src.charCodeAt(i);
      if (c === 0x3e /* > */) break;
      if (c === 0x3c || c <= 0x20) return -1;
    }
    if (i >= this.end) return -1;
    const url = src.slice(pos + 1, i);
    if (AUTOLINK.test(url)) return isAllowedDestination(url) ? i + 1 : -1;
    return EMAIL.test(url) ? i + 1 : -1;
  }

  private commentEnd(pos: number): number {
    const src = this.src;
    if (!src.startsWith('<!--', pos)) return -1;
    if (src.charCodeAt(pos + 4) === 0x3e) return pos + 5; // `<!-->`
    if (src.startsWith('->', pos + 4)) return pos + 6; // `<!--->`
    if (this.commentUnclosed) return -1;
    const close = src.indexOf('-->', pos + 4);
    if (close < 0 || close + 3 > this.end) {
      this.commentUnclosed = true;
      return -1;
    }
    return close + 3;
  }
}
