import * as assert from 'assert';
import { expandMove, planLinkUpdates } from '../../../../src/core/edits/moveLinks';
import { lines, vaultIndex } from '../index/vault';
import { changedTexts } from './helpers';

suite('links follow a moved note', () => {
  test('a bare name becomes the new name; label, heading and block stay', async () => {
    const index = vaultIndex({
      'attention.md': '# Attention',
      'a.md': lines('See [[attention]], [[attention|the paper]], [[attention#Scaled dot-product]] and', '![[attention#^why]] [[Attention.md|x]]'),
    });
    const changes = (await planLinkUpdates(index, [{ from: 'attention.md', to: 'attn.md' }]));
    assert.deepStrictEqual(changedTexts(index, changes), {
      'a.md': lines('See [[attn]], [[attn|the paper]], [[attn#Scaled dot-product]] and', '![[attn#^why]] [[attn.md|x]]'),
    });
  });

  test('moving to another folder changes nothing while the name is still unique', async () => {
    const index = vaultIndex({ 'attention.md': '', 'a.md': '[[attention]] [[Attention]]' });
    assert.deepStrictEqual((await planLinkUpdates(index, [{ from: 'attention.md', to: 'papers/attention.md' }])), []);
  });

  test('a bare name that would become ambiguous gets the shortest unique path', async () => {
    const index = vaultIndex({ 'x/attention.md': '', 'notes/attn.md': '', 'a.md': '[[attn]]' });
    const changes = (await planLinkUpdates(index, [{ from: 'notes/attn.md', to: 'papers/attention.md' }]));
    assert.deepStrictEqual(changedTexts(index, changes), { 'a.md': '[[papers/attention]]' });
  });

  test('a link written as a path stays a path, a rooted one stays rooted', async () => {
    const index = vaultIndex({ 'papers/attention.md': '', 'a.md': '[[papers/attention]] [[/papers/attention]]' });
    const changes = (await planLinkUpdates(index, [{ from: 'papers/attention.md', to: 'reading/attention.md' }]));
    assert.deepStrictEqual(changedTexts(index, changes), { 'a.md': '[[reading/attention]] [[/reading/attention]]' });
  });

  test('a link by title or alias is left as it is', async () => {
    const index = vaultIndex({ 'p.md': lines('---', 'title: The Paper', 'aliases: [TP]', '---'), 'a.md': '[[The Paper]] [[TP]]' });
    assert.deepStrictEqual((await planLinkUpdates(index, [{ from: 'p.md', to: 'q.md' }])), []);
  });

  test('a loose link is rewritten only when the new name no longer matches it', async () => {
    const index = vaultIndex({ 'my-note.md': '', 'a.md': '[[My Note]]' });
    assert.deepStrictEqual((await planLinkUpdates(index, [{ from: 'my-note.md', to: 'sub/my-note.md' }])), []);
    assert.deepStrictEqual(changedTexts(index, (await planLinkUpdates(index, [{ from: 'my-note.md', to: 'other.md' }]))), { 'a.md': '[[other]]' });
  });

  test('markdown links keep a correct relative path and their encoding', async () => {
    const index = vaultIndex({
      'papers/attention.md': '',
      'a.md': '[A](papers/attention.md#intro) [B](./papers/attention.md) [C](</papers/attention.md>)',
      'notes/b.md': '[A](../papers/attention.md)',
    });
    const changes = (await planLinkUpdates(index, [{ from: 'papers/attention.md', to: 'reading list/Attention é.md' }]));
    assert.deepStrictEqual(changedTexts(index, changes), {
      'a.md': '[A](reading%20list/Attention%20é.md#intro) [B](./reading%20list/Attention%20é.md) [C](</reading list/Attention é.md>)',
      'notes/b.md': '[A](../reading%20list/Attention%20é.md)',
    });
  });

  test('a destination with escaped non-ASCII characters keeps escaping them', async () => {
    const index = vaultIndex({ 'caf%C3%A9.md': '', 'café.md': '', 'a.md': '[x](caf%C3%A9.md)' });
    const changes = (await planLinkUpdates(index, [{ from: 'café.md', to: 'thé.md' }]));
    assert.deepStrictEqual(changedTexts(index, changes), { 'a.md': '[x](th%C3%A9.md)' });
  });

  test('the relative links inside the moved note itself are fixed, its bare links are not touched', async () => {
    const index = vaultIndex({
      'notes/a.md': '[[./b]] [[../top]] [[top]] [B](b.md) [T](../top.md)',
      'notes/b.md': '',
      'top.md': '',
    });
    const changes = (await planLinkUpdates(index, [{ from: 'notes/a.md', to: 'archive/old/a.md' }]));
    assert.deepStrictEqual(changedTexts(index, changes), {
      'notes/a.md': '[[../../notes/b]] [[../../top]] [[top]] [B](../../notes/b.md) [T](../../top.md)',
    });
  });

  test('a folder moves with everything in it; links between its notes keep working', async () => {
    const index = vaultIndex({
      'papers/a.md': '[[./b]] [B](b.md) [[papers/b]]',
      'papers/b.md': '![[papers/fig.png]]',
      'papers/fig.png': '',
      'index.md': '[[papers/a]] [[a]] ![[fig.png]] [x](papers/b.md)',
    });
    const moves = expandMove(index, 'papers', 'reading/papers2');
    assert.deepStrictEqual(moves.map(m => m.to).sort(), ['reading/papers2/a.md', 'reading/papers2/b.md', 'reading/papers2/fig.png']);
    assert.deepStrictEqual(changedTexts(index, (await planLinkUpdates(index, moves))), {
      'index.md': '[[papers2/a]] [[a]] ![[fig.png]] [x](reading/papers2/b.md)',
      'papers/a.md': '[[./b]] [B](b.md) [[papers2/b]]',
      'papers/b.md': '![[papers2/fig.png]]',
    });
  });

  test('an attachment keeps its extension; two references to one definition change it once', async () => {
    const index = vaultIndex({ 'img/figure.png': '', 'n.md': '', 'a.md': lines('![[figure.png|300]] [x][r] [y][r]', '', '[r]: n.md') });
    const changes = (await planLinkUpdates(index, [{ from: 'img/figure.png', to: 'img/plot.png' }, { from: 'n.md', to: 'm.md' }]));
    assert.deepStrictEqual(changedTexts(index, changes), { 'a.md': lines('![[plot.png|300]] [x][r] [y][r]', '', '[r]: m.md') });
  });

  test('a link inside code is not a link and is not renamed', async () => {
    const index = vaultIndex({ 'attention.md': '', 'a.md': lines('```', '[[attention]]', '```', '`[[attention]]` [[attention]]') });
    assert.deepStrictEqual(changedTexts(index, (await planLinkUpdates(index, [{ from: 'attention.md', to: 'attn.md' }]))), {
      'a.md': lines('```', '[[attention]]', '```', '`[[attention]]` [[attn]]'),
    });
  });

  test('a note that links to itself by name is fixed too', async () => {
    const index = vaultIndex({ 'a.md': 'me: [[a]], [[#Top]]' });
    assert.deepStrictEqual(changedTexts(index, (await planLinkUpdates(index, [{ from: 'a.md', to: 'b.md' }]))), { 'a.md': 'me: [[b]], [[#Top]]' });
  });
});

suite('links written as paths', () => {
  test('a path stays a path, the shortest with a folder that names the note alone', async () => {
    const index = vaultIndex({ 'big/resources/papers/p.md': '', 'a.md': '[[resources/papers/p]] [[big/resources/papers/p#H]]' });
    const changes = (await planLinkUpdates(index, expandMove(index, 'big/resources/papers', 'big/archive')));
    assert.deepStrictEqual(changedTexts(index, changes), { 'a.md': '[[archive/p]] [[archive/p#H]]' });
  });
});
