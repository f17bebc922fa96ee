import * as assert from 'assert';
import { planBlockRename, planHeadingRename } from '../../../../src/core/edits/renameHeading';
import { isTagName, planTagRename } from '../../../../src/core/edits/renameTag';
import { renamedPath } from '../../../../src/core/edits/newName';
import { linksToBlock, linksToHeading, linksToNote, tagReferences } from '../../../../src/core/edits/references';
import { lines, vaultIndex } from '../index/vault';
import { changedTexts } from './helpers';

suite('renaming a heading', () => {
  const vault = () => vaultIndex({
    'rl.md': lines('# RL', '', '## Open questions ##', '', 'See [[#Open questions]].'),
    'a.md': lines('[[rl#Open questions|Q]] [[rl#open questions]] [[rl#Other]] [x](rl.md#open-questions) [[rl]]'),
  });

  test('the heading and every link to it change, each in the form it was written', async () => {
    const index = vault();
    const heading = index.note('rl.md')!.syntax.headings[1];
    const plan = (await planHeadingRename(index, 'rl.md', heading, 'Open problems'));
    assert.ok(plan.ok);
    assert.deepStrictEqual(changedTexts(index, plan.changes), {
      'rl.md': lines('# RL', '', '## Open problems ##', '', 'See [[#Open problems]].'),
      'a.md': lines('[[rl#Open problems|Q]] [[rl#Open problems]] [[rl#Other]] [x](rl.md#open-problems) [[rl]]'),
    });
  });

  test('a name that would break the links is refused', async () => {
    const index = vault();
    const plan = (await planHeadingRename(index, 'rl.md', index.note('rl.md')!.syntax.headings[1], 'a # b'));
    assert.strictEqual(plan.ok, false);
  });
});

suite('renaming a tag', () => {
  const vault = () => vaultIndex({
    'a.md': lines('---', 'tags: [ml, "#ml/rl", other]', '---', '#ML and #ml/transformers, not #mlx or `#ml`'),
    'b.md': lines('---', 'tags: ml', '---', '- item #ml/rl'),
  });

  test('the tag and the tags below it change everywhere, frontmatter included; others stay', async () => {
    const index = vault();
    const plan = (await planTagRename(index, '#ml', 'ai'));
    assert.ok(plan.ok);
    assert.deepStrictEqual(changedTexts(index, plan.changes), {
      'a.md': lines('---', 'tags: [ai, "#ai/rl", other]', '---', '#ai and #ai/transformers, not #mlx or `#ml`'),
      'b.md': lines('---', 'tags: ai', '---', '- item #ai/rl'),
    });
  });

  test('a nested tag renames only itself and its children', async () => {
    const index = vault();
    const plan = (await planTagRename(index, 'ml/rl', 'ml/reinforcement'));
    assert.ok(plan.ok);
    assert.deepStrictEqual(changedTexts(index, plan.changes), {
      'a.md': lines('---', 'tags: [ml, "#ml/reinforcement", other]', '---', '#ML and #ml/transformers, not #mlx or `#ml`'),
      'b.md': lines('---', 'tags: ml', '---', '- item #ml/reinforcement'),
    });
  });

  test('what is not a tag is refused', async () => {
    assert.deepStrictEqual([isTagName('ok/tag-1'), isTagName('two words'), isTagName('1984'), isTagName('a.b'), isTagName('')], [true, false, false, false, false]);
    assert.strictEqual((await planTagRename(vault(), 'ml', 'two words')).ok, false);
  });
});

suite('references', () => {
  const vault = () => vaultIndex({
    'rl.md': lines('# RL', '', '## Open questions', '', 'A claim ^claim', '', 'See [[#Open questions]].', '#rl/deep'),
    'a.md': lines('[[rl#Open questions]] [[rl#^claim]] ![[rl]] [x](rl.md) #rl', '```', '[[rl]]', '```'),
  });

  test('a note: every link to it, none inside code', async () => {
    assert.deepStrictEqual(linksToNote(vault(), 'rl.md').map(r => `${r.path}:${r.range.start.character}`), ['a.md:0', 'a.md:22', 'a.md:36', 'a.md:44']);
  });

  test('a heading: the links to it, same-note ones included', async () => {
    const index = vault();
    const refs = linksToHeading(index, 'rl.md', index.note('rl.md')!.syntax.headings[1]);
    assert.deepStrictEqual(refs.map(r => `${r.path}:${r.range.start.line}`), ['a.md:0', 'rl.md:6']);
  });

  test('a block: the links to it', async () => {
    assert.deepStrictEqual(linksToBlock(vault(), 'rl.md', 'claim').map(r => `${r.path}:${r.range.start.character}`), ['a.md:22']);
  });

  test('a tag: every occurrence, the tags below it included', async () => {
    assert.deepStrictEqual(tagReferences(vault(), '#rl').map(r => r.path).sort(), ['a.md', 'rl.md']);
  });
});

suite('the path F2 gives a note', () => {
  test('a new name never leads out of the vault, also with spaces around `..`', async () => {
    for (const name of ['x/ ../ ../ ../outside/evil', ' .. /evil', 'a/ . /b', '../evil', 'x/..\t/y']) {
      const to = renamedPath('notes/a.md', name);
      assert.ok(typeof to !== 'string', `${JSON.stringify(name)} became ${String(to)}`);
    }
  });

  test('a name stays in the folder, a path is from the root, .md is added, bad characters replaced', async () => {
    assert.deepStrictEqual([
      renamedPath('papers/a.md', 'b'), renamedPath('papers/a.md', 'notes/b.md'), renamedPath('a.md', 'What? Now'),
      renamedPath('img/f.png', 'g.png'), renamedPath('img/f.png', 'plot'),
    ], ['papers/b.md', 'notes/b.md', 'What- Now.md', 'img/g.png', 'img/plot.png']);
  });

  test('empty names, `..` and the same name are refused', async () => {
    for (const bad of ['', '  ', '../x', 'a/../b', 'a']) assert.ok(typeof renamedPath('a.md', bad) === 'object', bad);
  });
});

suite('renaming a block id', () => {
  test('the id and every link to it change; other blocks stay', async () => {
    const index = vaultIndex({
      'rl.md': lines('A claim. ^claim', '', 'Other ^other', '', 'See [[#^claim]].'),
      'a.md': '[[rl#^claim|the claim]] ![[rl#^Claim]] [[rl#^other]]',
    });
    const plan = (await planBlockRename(index, 'rl.md', index.note('rl.md')!.syntax.blockIds[0], 'key-claim'));
    assert.ok(plan.ok);
    assert.deepStrictEqual(changedTexts(index, plan.changes), {
      'rl.md': lines('A claim. ^key-claim', '', 'Other ^other', '', 'See [[#^key-claim]].'),
      'a.md': '[[rl#^key-claim|the claim]] ![[rl#^key-claim]] [[rl#^other]]',
    });
    assert.strictEqual((await planBlockRename(index, 'rl.md', index.note('rl.md')!.syntax.blockIds[0], 'no spaces')).ok, false);
  });
});
