// One answer to "which heading or block does this link name?" (issue 16): every link of the
// sample vault and of the real vault `../shared/vaults/garden` (when present) gets the same
// answer from `marginalia check` (the index's broken links), the editor's diagnostics, F12 and
// the Outgoing view (placeOfLink, placeOfFragment), embeds, the preview's link addresses, hover excerpts, and
// references/rename — resolved or not, and if resolved, the same line.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { linkProblems } from '../../../../src/core/check/linkProblems';
import { excerptSpan } from '../../../../src/core/editor/excerpt';
import { linksToBlock, linksToHeading } from '../../../../src/core/edits/references';
import { buildIndex } from '../../../../src/core/index/build';
import type { NoteIndex } from '../../../../src/core/index/noteIndex';
import { embedSource } from '../../../../src/core/render/embedSource';
import { fragmentLine, formatNoteAddress, parseNoteAddress } from '../../../../src/core/render/noteAddress';
import { linkFragment, resolveFragment } from '../../../../src/core/syntax/fragment';
import { placeOfFragment, placeOfLink } from '../../../../src/core/editor/linkPlace';
import type { LinkItem } from '../../../../src/core/syntax/types';
import { NodeVaultHost } from '../../../../src/node/nodeHost';

// out/test/unit/core/check -> the repository root.
const ROOT = path.resolve(__dirname, '../../../../..');
const GARDEN = [path.resolve(ROOT, '../shared/vaults/garden'), path.resolve(ROOT, '../../shared/vaults/garden')].find(p => fs.existsSync(p)) ?? path.resolve(ROOT, '../shared/vaults/garden');
const VAULTS = [path.join(ROOT, 'samples/research-notes'), GARDEN];

interface Answer { readonly resolved: boolean; readonly line?: number }

/**
 * Every part's answer for one link whose target note is `target`: whether it finds the heading or
 * block, and the line it names (a heading's line; for a block, the line of its `^id`).
 */
function answers(index: NoteIndex, source: string, target: string, link: LinkItem): Record<string, Answer> {
  const text = index.textOf(target)!;
  const syntax = index.note(target)!.syntax;
  const at = (r: { link: LinkItem }) => r.link.range.startOffset === link.range.startOffset;
  const missing = (k: string) => k === 'missing-heading' || k === 'missing-block';
  const out: Record<string, Answer> = {};
  out.check = { resolved: !index.brokenLinksIn(source).some(b => at(b) && missing(b.kind)) };
  out.diagnostics = { resolved: !linkProblems(index, source, index.note(source)!.syntax).some(p => at(p) && missing(p.kind)) };
  const place = placeOfLink(syntax, text, link);
  out.definition = { resolved: place !== undefined, line: place?.end.line };
  const row = placeOfFragment(syntax, text, link.block !== undefined ? `^${link.block}` : link.heading!);
  out.outgoing = { resolved: row !== undefined, line: row?.end.line };
  const fragment = link.block !== undefined ? `^${link.block}` : link.heading!;
  const address = parseNoteAddress(formatNoteAddress(target, fragment));
  const line = address?.fragment === undefined ? undefined : fragmentLine(syntax, address.fragment);
  out.preview = { resolved: line !== undefined, line };
  const wanted = linkFragment(link)!;
  const span = excerptSpan(text, syntax, wanted);
  out.hover = { resolved: span.named };
  const found = resolveFragment(syntax, wanted);
  if (link.kind !== 'markdown') {
    const embedded = embedSource(text, syntax, link);
    const from = found && 'heading' in found ? found.heading.range.startOffset : found?.block.block.startOffset;
    // The embed is whole lines (a block in a callout keeps its `>`), and a lone `^id` line shows the
    // block above it: the embedded text covers the block's start, or ends just before its `^id` line.
    const at = embedded === undefined ? -1 : text.lastIndexOf(embedded, from);
    out.embed = { resolved: at >= 0 && at <= from! && (at + embedded!.length > from! || text.slice(at + embedded!.length, from).trim() === '') };
  }
  const refs = found === undefined ? [] : 'block' in found ? linksToBlock(index, target, found.block.id) : linksToHeading(index, target, found.heading);
  out.references = { resolved: refs.some(r => r.path === source && r.range.startOffset === link.range.startOffset) };
  return out;
}

suite('every part names the same heading or block for every link of a real vault', function () {
  this.timeout(300_000);
  for (const root of VAULTS) {
    test(path.basename(root), async function () {
      if (!fs.existsSync(root)) {
        console.log(`      (skipped: ${root} is not on this machine)`);
        this.skip();
      }
      const { index } = await buildIndex(new NodeVaultHost(root));
      let checked = 0;
      const disagreements: string[] = [];
      for (const { path: source } of [...index.notes()]) {
        for (const l of index.forwardLinks(source)) {
          const r = l.resolution;
          if (l.link.heading === undefined && l.link.block === undefined) continue;
          if (r.kind !== 'note' && r.kind !== 'self') continue;
          const target = r.kind === 'self' ? source : r.path;
          const a = answers(index, source, target, l.link);
          checked++;
          const resolved = new Set(Object.values(a).map(x => x.resolved));
          const lines = new Set(Object.values(a).filter(x => x.line !== undefined).map(x => x.line));
          if (resolved.size > 1 || lines.size > 1) disagreements.push(`${source}: ${l.link.kind} ${JSON.stringify(l.link.heading ?? '^' + l.link.block)} -> ${target}: ${JSON.stringify(a)}`);
        }
      }
      assert.ok(checked > 0, 'the vault has links to headings or blocks');
      assert.deepStrictEqual(disagreements, []);
    });
  }
});
