// Every place that shows a piece of a note draws it as the note draws it: an embedded block or
// section that holds a callout is a callout, a `^id` on its own line after a callout names it
// and prints nothing, and the Backlinks section quotes a link from a callout or a table drawn.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { renderNotePage } from '../../../../src/core/render/page';
import { renderTagPage, TAG_PAGE_OPEN_BACKLINKS } from '../../../../src/core/render/tagPage';
import { fixtureHost } from './fixtureVault';

function visible(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

function vault(): NoteIndex {
  const index = new NoteIndex();
  index.upsert('Owls.md', [
    '# Owls',
    '',
    '> [!info] Night hunters',
    '> Owls hunt by ear in the dark. ^ears',
    '',
    '> [!warning] Pellets',
    '> They bring up what they cannot digest.',
    '',
    '^pellets',
    '',
    '## Eyes',
    '',
    '> [!tip] Fixed in place',
    '> An owl turns its head, not its eyes.',
    '',
    '## Voice',
    '',
    'Hoots.',
  ].join('\n'));
  index.upsert('Birds.md', [
    '# Birds',
    '',
    '![[Owls#^ears]]',
    '',
    '![[Owls#^pellets]]',
    '',
    '![[Owls#Eyes]]',
  ].join('\n'));
  index.upsert('Prey.md', [
    '# Prey',
    '',
    '> [!note] Who eats whom',
    '> Mice are eaten by [[Owls]].',
    '',
    '| Animal | Hunter |',
    '| --- | --- |',
    '| vole | [[Owls]] |',
  ].join('\n'));
  return index;
}

suite('pieces of notes drawn, not shown as source', () => {
  test('an embedded block or section holding a callout is drawn as a callout', () => {
    const index = vault();
    const html = renderNotePage(index, fixtureHost, 'Birds.md', index.textOf('Birds.md')!, { backlinks: false }).html;
    assert.strictEqual((html.match(/class="callout"/g) ?? []).length, 3, html);
    assert.ok(html.includes('data-callout="info"') && html.includes('data-callout="warning"') && html.includes('data-callout="tip"'), html);
    const text = visible(html);
    assert.ok(!/\[!/.test(text), text);
    assert.ok(!/(^|\s)\^(ears|pellets)/.test(text), text);
    assert.ok(text.includes('Owls hunt by ear') && text.includes('cannot digest') && text.includes('turns its head'), text);
  });

  test('a ^block-id on its own line after a callout prints nothing under it', () => {
    const index = vault();
    const html = renderNotePage(index, fixtureHost, 'Owls.md', index.textOf('Owls.md')!, { backlinks: false }).html;
    assert.ok(!visible(html).includes('^pellets'), html);
    assert.ok(!visible(html).includes('^ears'), html);
  });

  test('the Backlinks section draws a context from a callout or a table, no marker, pipe or --- row', () => {
    const index = vault();
    const html = renderNotePage(index, fixtureHost, 'Owls.md', index.textOf('Owls.md')!).html;
    const section = html.slice(html.indexOf('<section class="backlinks"'));
    const text = visible(section);
    assert.ok(section.includes('data-callout="note"'), section);
    assert.ok(!text.includes('[!note]'), text);
    assert.ok(!text.includes('|'), text);
    assert.ok(!/---/.test(text), text);
    assert.ok(text.includes('Mice are eaten by') && text.includes('vole'), text);
  });
});

suite('a callout whose body ends in a --- line', () => {
  test('is a callout: the --- under its body makes a heading of the body, never of the [!type] line', () => {
    const index = new NoteIndex();
    index.upsert('Rain.md', '# Rain\n\n> [!example]+\n> Clouds were grey all week.\n> ---\n> So it rained.\n');
    const html = renderNotePage(index, fixtureHost, 'Rain.md', index.textOf('Rain.md')!).html;
    assert.ok(html.includes('data-callout="example"'), html);
    assert.ok(!visible(html).includes('[!example]'), html);
    assert.ok(visible(html).includes('Clouds were grey all week.'), html);
  });
});

suite('a nested callout shows its own icon', () => {
  test('the inner callout carries its type, and every icon rule of notes.css reaches only its own title', () => {
    const index = new NoteIndex();
    index.upsert('Trip.md', '# Trip\n\n> [!warning] Weather\n> Pack a coat.\n>\n> > [!todo] Before leaving\n> > Water the plants.\n');
    const html = renderNotePage(index, fixtureHost, 'Trip.md', index.textOf('Trip.md')!).html;
    const outer = html.indexOf('data-callout="warning"');
    const inner = html.indexOf('data-callout="todo"');
    assert.ok(outer >= 0 && inner > outer, html);
    // A descendant selector (`.callout[data-callout="warning"] .callout-icon`) would reach the
    // nested todo's icon too and, written later in the file, win: each type's rule must stop at its own title.
    const css = fs.readFileSync(path.resolve(__dirname, '../../../../../media/notes.css'), 'utf8');
    const rules = [...css.matchAll(/\.callout\[data-callout="(\w+)"\]([^{]*)\.callout-icon::before/g)];
    assert.ok(rules.length >= 12, `${rules.length} icon rules`);
    for (const r of rules) assert.strictEqual(r[2]!.trim(), '> .callout-title >', `${r[1]}: "${r[2]}"`);
  });
});

suite('tag pages fold their members\' Backlinks when long', () => {
  function tagged(count: number): NoteIndex {
    const index = new NoteIndex();
    for (let i = 0; i < count; i++) index.upsert(`bird${i}.md`, `# Bird ${i}\n\nA bird of the marsh. #marsh\n`);
    index.upsert('list.md', `# List\n\n${Array.from({ length: count }, (_, i) => `[[bird${i}]]`).join(' ')}\n`);
    return index;
  }

  test('a few notes keep the seed look: each Backlinks section open', () => {
    const html = renderTagPage(tagged(3), fixtureHost, 'marsh').html;
    assert.strictEqual((html.match(/<section class="backlinks"/g) ?? []).length, 3);
    assert.ok(!html.includes('backlinks-fold'), html);
  });

  test('more than a few: every member\'s Backlinks section folded under a one-line summary', () => {
    const html = renderTagPage(tagged(TAG_PAGE_OPEN_BACKLINKS + 1), fixtureHost, 'marsh').html;
    const folds = html.match(/<details class="backlinks-fold"><summary class="backlinks-fold-summary">Backlinks · 1 note<\/summary>\n<section class="backlinks"/g) ?? [];
    assert.strictEqual(folds.length, TAG_PAGE_OPEN_BACKLINKS + 1, html);
    assert.ok(!/<details class="backlinks-fold" open/.test(html));
  });
});
