// A site draws a note's body and each quoted paragraph once and fills in per page what differs
// (the way up to the root, heading ids, sidenote numbers): every page must read byte for byte as
// if drawn on its own, at any depth, in any order, with the attachments it links copied.
import * as assert from 'assert';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { DrawnOnce } from '../../../../src/core/publish/drawnOnce';
import { relativeHref } from '../../../../src/core/publish/urls';
import { PageRenderer, type PageHost } from '../../../../src/core/render/page';
import { renderTagPage } from '../../../../src/core/render/tagPage';

const lines = (...l: string[]) => l.join('\n');

function vault(): NoteIndex {
  const index = new NoteIndex();
  index.upsert('index.md', lines('# Home', '', 'Start at [[Owls]] and [[deep/er/Pellets]].'));
  index.upsert('Owls.md', lines(
    '# Owls', '', '#birds', '',
    'Owls hunt by ear[^ear] and see [[deep/er/Pellets#What is left]] later^[An inline one.]; back [[index|home]]. $x^2$',
    '', '## Ears', '', 'See [[#Ears]] and the picture ![[owl.png]] and [[notes.pdf]].', '',
    '[^ear]: One ear sits higher than the other, [[index]].'));
  index.upsert('deep/er/Pellets.md', lines(
    '# Pellets', '', '#birds', '',
    'What [[Owls]] bring up[^1]; again[^1]; not written: [[Moles]].', '', '## What is left', '', 'Bones.',
    '', '[^1]: Fur and bones.'));
  index.upsert('deep/Embeds.md', lines('# Embeds', '', '#birds', '', 'Here is all of it: ![[Owls]] and [[deep/er/Pellets]].'));
  index.addAttachment('owl.png');
  index.addAttachment('notes.pdf');
  return index;
}

const URLS: Record<string, string> = { 'index.md': '', 'Owls.md': 'owls/', 'deep/er/Pellets.md': 'deep/er/pellets/', 'deep/Embeds.md': 'deep/embeds/' };

/** As the site addresses notes and files: each path from the root written by `href`. */
function host(href: (to: string) => string, copies: Set<string>): PageHost {
  const file = (p: string) => {
    copies.add(p);
    return href(`files/${p}`);
  };
  return {
    noteHref: (p, fragment) => URLS[p] !== undefined ? href(URLS[p]!) + (fragment && !fragment.startsWith('^') ? `#mg-h-${fragment.toLowerCase().replace(/ /g, '-')}` : '') : p.endsWith('.md') ? '#mg-missing' : file(p),
    imageSrc: file,
  };
}

interface Page {
  readonly html: string;
  readonly copies: string[];
}

function notePage(index: NoteIndex, path: string, drawn?: DrawnOnce): Page {
  const url = URLS[path]!;
  const copies = new Set<string>();
  const root = '../'.repeat(url.split('/').length - 1);
  const renderer = new PageRenderer(index, host(to => relativeHref(url, to), copies), 'mg-', undefined, undefined, drawn?.forPage(root, copies));
  const html = renderer.note(path, index.textOf(path)!) + renderer.backlinks(path) + `<!-- ${renderer.sidenoteCount} -->`;
  return { html, copies: [...copies].sort() };
}

function tagPage(index: NoteIndex, drawn?: DrawnOnce): Page {
  const copies = new Set<string>();
  const html = renderTagPage(index, host(to => relativeHref('tags/birds/', to), copies), 'birds', drawn ? { memo: drawn.forPage('../../', copies) } : {}).html;
  return { html, copies: [...copies].sort() };
}

suite('publish: drawn once, filled per page', () => {
  test('every page reads as drawn on its own: hrefs at each depth, the root, heading ids, sidenote numbers, copies', () => {
    const index = vault();
    const alone = [...Object.keys(URLS).map(p => notePage(index, p)), tagPage(index)];
    const drawn = new DrawnOnce(index, host);
    // The tag page first: the drawings it makes serve the note pages after it, at other depths.
    const shared = [tagPage(index, drawn), ...Object.keys(URLS).map(p => notePage(index, p, drawn))];
    shared.push(shared.shift()!);
    assert.deepStrictEqual(shared, alone);
    assert.match(alone[1]!.html, /<label for="mg-sn-3" class="sidenote-number">3<\/label>/, 'the quoted paragraphs number on from the note');
    assert.match(alone[4]!.html, /href="\.\.\/\.\.\/owls\/"/, 'a link from the tag page climbs two folders');
    assert.deepStrictEqual(alone[4]!.copies, ['notes.pdf', 'owl.png']);
  });

  test('a drawing that embeds a note is drawn on each page (its embed numbers and budget are the page\'s)', () => {
    const index = vault();
    const drawn = new DrawnOnce(index, host);
    const first = tagPage(index, drawn);
    assert.deepStrictEqual(first, tagPage(index));
    assert.deepStrictEqual(notePage(index, 'deep/Embeds.md', drawn), notePage(index, 'deep/Embeds.md'));
    assert.match(first.html, /id="mg-e1-h-owls"/, 'the embed is numbered on the page');
  });

  test('a NUL written in a note is no stand-in: its paragraph quoted reads as the note wrote it', () => {
    const index = vault();
    index.upsert('Nul.md', lines('# Nul', '', '#birds', '', 'Odd \u0000R and \u0000N1\u0000 and \u0000P in a paragraph that links [[Owls]].'));
    const drawn = new DrawnOnce(index, host);
    assert.deepStrictEqual(tagPage(index, drawn), tagPage(index));
    assert.deepStrictEqual(notePage(index, 'Owls.md', drawn), notePage(index, 'Owls.md'));
    assert.match(notePage(index, 'Owls.md', drawn).html, /Odd \uFFFDR and/);
  });
});
