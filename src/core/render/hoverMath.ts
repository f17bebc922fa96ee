// Math for places that take only a small, sanitized subset of HTML, such as VS Code's hovers
// (MarkdownString with supportHtml: no MathML, no stylesheet, style limited to colours).
// KaTeX parses the TeX (same options, same errors as the preview) and emits MathML; this
// walks that MathML and writes it with what a hover keeps: Unicode letters and symbols,
// <i> for variables, <sup>/<sub> for scripts and limits, `a⁄b` for fractions, √ for roots.
import katex from 'katex';
import { KATEX_OPTIONS } from './math';

interface MathNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (MathNode | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : ENTITIES[name] ?? whole);
}

/** KaTeX's MathML is well-formed XML: a small reader is enough. */
function parseMathMl(xml: string): MathNode {
  const root: MathNode = { tag: '#root', attrs: {}, children: [] };
  const stack: MathNode[] = [root];
  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      top.children.push(decode(m[5]));
    } else if (m[1]) {
      if (stack.length > 1) stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
      const node: MathNode = { tag: m[2]!, attrs, children: [] };
      top.children.push(node);
      if (!m[4]) stack.push(node);
    }
  }
  return root;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Mathematical Alphanumeric Symbols: the letters \mathbb, \mathcal, \mathfrak, \mathbf stand for. */
const VARIANT_START: Record<string, [number, number]> = {
  'bold': [0x1d400, 0x1d41a],
  'double-struck': [0x1d538, 0x1d552],
  'script': [0x1d49c, 0x1d4b6],
  'fraktur': [0x1d504, 0x1d51e],
  'bold-script': [0x1d4d0, 0x1d4ea],
  'sans-serif': [0x1d5a0, 0x1d5ba],
  'monospace': [0x1d670, 0x1d68a],
};
/** Letters that kept their older code points outside the block. */
const VARIANT_HOLES: Record<string, Record<string, string>> = {
  'double-struck': { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
  'script': { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  'fraktur': { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
};

function styled(text: string, variant: string): string {
  const start = VARIANT_START[variant];
  if (!start) return text;
  return [...text].map(ch => {
    const hole = VARIANT_HOLES[variant]?.[ch];
    if (hole) return hole;
    const c = ch.charCodeAt(0);
    if (c >= 0x41 && c <= 0x5a) return String.fromCodePoint(start[0] + c - 0x41);
    if (c >= 0x61 && c <= 0x7a) return String.fromCodePoint(start[1] + c - 0x61);
    return ch;
  }).join('');
}

function textOf(node: MathNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** The elements `node` stands for: an mrow (or the children of a root) opened up. */
function parts(node: MathNode): MathNode[] {
  const kids = node.children.filter((c): c is MathNode => typeof c !== 'string');
  return kids.length === 1 && kids[0]!.tag === 'mrow' ? parts(kids[0]!) : kids;
}

/** Several parts side by side (`QK`, `a+b`): a fraction part or a root needs parentheses to read right. */
function grouped(html: string, node: MathNode | undefined): string {
  if (!node) return html;
  const inner = node.tag === 'mrow' ? parts(node) : [node];
  const several = inner.length > 1 || (inner.length === 1 && inner[0]!.tag !== 'msqrt' && [...textOf(inner[0]!)].length > 1 && !/^\d+$/.test(textOf(inner[0]!)) && !/^m(?:sub|sup|subsup)$/.test(inner[0]!.tag));
  return several ? `(${html})` : html;
}

function write(node: MathNode | string): string {
  if (typeof node === 'string') return escapeHtml(node);
  const kids = node.children.filter((c): c is MathNode => typeof c !== 'string');
  const all = () => node.children.map(write).join('');
  const at = (i: number) => (kids[i] ? write(kids[i]!) : '');
  switch (node.tag) {
    case 'annotation': case 'annotation-xml': case 'mphantom': return '';
    case 'mi': {
      const text = textOf(node);
      const variant = node.attrs['mathvariant'];
      if (variant && variant !== 'normal' && variant !== 'italic') return escapeHtml(styled(text, variant));
      // A single letter is a variable (italic); a name like sin or softmax is upright.
      return variant === 'normal' || [...text].length > 1 ? escapeHtml(text) : `<i>${escapeHtml(text)}</i>`;
    }
    case 'mo': {
      const text = textOf(node);
      if (node.attrs['separator'] === 'true') return `${escapeHtml(text)} `;
      return /^[=<>≤≥≠≈∈∉⊂⊆→←↦⇒⇔+−×·∼≡]$/.test(text) ? ` ${escapeHtml(text)} ` : escapeHtml(text);
    }
    case 'mn': case 'mtext': case 'ms': return escapeHtml(textOf(node));
    case 'mspace': return ' ';
    case 'msup': case 'mover': return `${at(0)}<sup>${at(1)}</sup>`;
    case 'msub': case 'munder': return `${at(0)}<sub>${at(1)}</sub>`;
    case 'msubsup': case 'munderover': return `${at(0)}<sub>${at(1)}</sub><sup>${at(2)}</sup>`;
    case 'mfrac': return `${grouped(at(0), kids[0])}⁄${grouped(at(1), kids[1])}`;
    case 'msqrt': return `√${parts(node).length > 1 ? `(${all()})` : all()}`;
    case 'mroot': return `<sup>${at(1)}</sup>√${grouped(at(0), kids[0])}`;
    case 'mtable': return kids.map(row => row.children.filter((c): c is MathNode => typeof c !== 'string').map(write).join(' & ')).join('; ');
    case 'merror': return `<span class="katex-error">${escapeHtml(textOf(node))}</span>`;
    default: return all();
  }
}

/** One formula as hover-safe HTML; a formula KaTeX cannot parse shows its source, marked. */
export function hoverMath(tex: string, display = false): string {
  let mathml: string;
  try {
    mathml = katex.renderToString(tex, { ...KATEX_OPTIONS, throwOnError: true, output: 'mathml', displayMode: display });
  } catch {
    return `<code title="could not read this formula">${escapeHtml(tex)}</code>`;
  }
  const body = write(parseMathMl(mathml)).replace(/\s{2,}/g, ' ').trim();
  return `<span class="math">${body}</span>`;
}
