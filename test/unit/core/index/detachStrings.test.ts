// Strings the index keeps must not hold the notes' texts alive when it keeps no texts: V8 cuts
// long substrings as views of their parent string (detachStrings.ts).
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { detachStrings } from '../../../../src/core/index/detachStrings';

suite('detachStrings', () => {
  test('every string keeps its value, however deep, short and long, shared objects included', () => {
    const text = 'A long paragraph of a note — with ümlauts and 𝛼 — that the scanner cut from.';
    const span = { startOffset: 3, endOffset: 40 };
    const value = {
      title: text.slice(2, 40),
      short: text.slice(0, 5),
      links: [
        { kind: 'wiki', target: text.slice(10, 60), context: span, heading: undefined },
        { kind: 'wiki', target: text.slice(10, 60), context: span },
      ],
      frontmatter: { aliases: [text.slice(1, 30), 'x'], nested: { deeper: [[text.slice(20)]] }, n: 4, none: null },
      ranges: new Int32Array([1, 2, 3]),
    };
    const before = structuredClone(value);
    detachStrings(value);
    assert.deepStrictEqual(value, before);
    assert.strictEqual(value.links[0].context, value.links[1].context, 'shared objects stay shared');
  });

  test('a value that holds itself is walked to a bounded depth, and its strings still kept', () => {
    const text = 'an alias long enough to be a view of its text';
    const cyclic: Record<string, unknown> = { alias: text.slice(3) };
    cyclic.self = cyclic;
    detachStrings(cyclic);
    assert.strictEqual(cyclic.alias, text.slice(3));
  });

  test('an index that reads texts back holds no note text once the text is dropped', () => {
    // In a child process, so the heap snapshot is small and only this index is in it.
    const noteIndex = path.resolve(__dirname, '../../../../src/core/index/noteIndex.js');
    const script = `
      const { NoteIndex } = require(${JSON.stringify(noteIndex)});
      const fs = require('fs'), os = require('os'), path = require('path'), v8 = require('v8');
      const index = new NoteIndex();
      index.readTextsThrough(async () => undefined);
      function indexNotes() {
        // Texts made at run time, as a read from the disk makes them (a literal would stay in the code).
        const filler = 'Plain words of a long note body, no link in them.\\n'.repeat(4000);
        for (let i = 0; i < 3; i++) {
          const text = ['---', 'title: A title long enough to be cut as a view ' + i, 'aliases: [Another long alias of the note]', '---',
            '# A heading long enough to be cut ' + i, '', 'Links to [[some-other-note-with-a-long-name]] and #a-long-enough-tag/below.',
            '', '$$x^2 + y^2 = z^2 + a long formula$$', '', filler].join('\\n');
          index.upsert('note-' + i + '.md', text);
        }
        // The scanner keeps the last text it read (one, whatever the vault's size): a short one.
        index.upsert('last.md', 'A short note.');
      }
      indexNotes();
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'detach-')), 'heap.heapsnapshot');
      v8.writeHeapSnapshot(file);
      const json = JSON.parse(fs.readFileSync(file, 'utf8'));
      fs.rmSync(path.dirname(file), { recursive: true });
      const m = json.snapshot.meta, NF = m.node_fields.length, types = m.node_types[0];
      let biggest = 0;
      for (let i = 0; i < json.nodes.length; i += NF) {
        const type = types[json.nodes[i]], name = json.strings[json.nodes[i + 1]];
        if (type === 'string' && (name.startsWith('Plain words') || name.startsWith('---'))) biggest = Math.max(biggest, json.nodes[i + 3]);
      }
      process.stdout.write(String(biggest) + ' ' + index.stats().notes);
    `;
    const [biggest, notes] = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).split(' ').map(Number);
    assert.strictEqual(notes, 4);
    // The filler alone is 200 KB: no string of that size may be left.
    assert.ok(biggest < 10000, `a string of ${biggest} bytes from the notes' texts is still held`);
  });
});
