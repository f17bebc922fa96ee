// What the Backlinks view and the preview's Backlinks section list (core/views/backlinkRows.ts).
import * as assert from 'assert';
import { backlinkGroups, shownBacklinks } from '../../../../src/core/views/backlinkRows';
import { vaultIndex } from '../index/vault';

// Issue 16: a researcher's notes open with `# [[Their own name]]`; the note listed itself.
suite('backlinks leave out a note\'s links to itself', () => {
  test('the view\'s groups, the preview\'s section and the count skip the note itself; references keep it', async () => {
    const index = vaultIndex({ 'plague.md': '# [[plague]]\nSee [[#History]].\n## History', 'rat.md': 'carries [[plague]]' });
    assert.deepStrictEqual((await backlinkGroups(index, 'plague.md')).map(g => g.source), ['rat.md']);
    assert.deepStrictEqual(shownBacklinks(index, 'plague.md').map(b => b.source), ['rat.md']);
    assert.deepStrictEqual(index.backlinks('plague.md').map(b => b.source).sort(), ['plague.md', 'rat.md']);
  });
});
