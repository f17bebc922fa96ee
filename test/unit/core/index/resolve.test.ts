import * as assert from 'assert';
import { linkKeys, resolveLink, shortestUniqueTarget } from '../../../../src/core/index/resolve';
import { VaultNames, type NoteNames } from '../../../../src/core/index/vaultNames';

/** A vault of names: note paths (optionally with frontmatter names) and attachment paths. */
function vault(...files: (string | [string, NoteNames])[]): VaultNames {
  const names = new VaultNames();
  for (const f of files) {
    if (Array.isArray(f)) names.addNote(f[0], f[1]);
    else if (f.endsWith('.md')) names.addNote(f, { aliases: [] });
    else names.addAttachment(f);
  }
  return names;
}

function target(t: string, from: string, names: VaultNames): string {
  const r = resolveLink(t, from, names);
  return r.kind === 'placeholder' ? `placeholder:${r.name}` : r.path;
}

suite('resolveLink', () => {
  suite('paths', () => {
    test('a bare name matches a note at the root', () => {
      assert.strictEqual(target('attention', 'a.md', vault('attention.md')), 'attention.md');
    });

    test('a bare name matches a note in a folder', () => {
      assert.strictEqual(target('attention', 'a.md', vault('papers/attention.md')), 'papers/attention.md');
    });

    test('a name matches case-insensitively', () => {
      assert.strictEqual(target('ATTENTION', 'a.md', vault('papers/Attention.md')), 'papers/Attention.md');
    });

    test('a trailing .md in the target is optional', () => {
      assert.strictEqual(target('attention.md', 'a.md', vault('papers/attention.md')), 'papers/attention.md');
    });

    test('a folder in the target matches a deeper path at a folder boundary', () => {
      assert.strictEqual(target('papers/attention', 'a.md', vault('x/papers/attention.md')), 'x/papers/attention.md');
    });

    test('a folder in the target never matches inside a longer folder name', () => {
      const r = resolveLink('papers/attention', 'a.md', vault('mypapers/attention.md'));
      assert.strictEqual(r.kind, 'placeholder');
    });

    test('a path match says it matched by path', () => {
      const r = resolveLink('attention', 'a.md', vault('attention.md'));
      assert.deepStrictEqual(r, { kind: 'note', path: 'attention.md', via: 'path' });
    });

    test('a target starting with / is a path from the root', () => {
      const names = vault('attention.md', 'papers/attention.md');
      assert.deepStrictEqual(resolveLink('/attention', 'papers/a.md', names), {
        kind: 'note',
        path: 'attention.md',
        via: 'path',
      });
    });

    test('a / target does not match the end of a deeper path', () => {
      assert.strictEqual(resolveLink('/attention', 'a.md', vault('papers/attention.md')).kind, 'placeholder');
    });

    test('./ is relative to the linking note folder', () => {
      const names = vault('attention.md', 'papers/attention.md', 'notes/attention.md');
      assert.strictEqual(target('./attention', 'papers/a.md', names), 'papers/attention.md');
    });

    test('../ climbs from the linking note folder', () => {
      const names = vault('attention.md', 'papers/attention.md', 'notes/attention.md');
      assert.strictEqual(target('../notes/attention.md', 'papers/a.md', names), 'notes/attention.md');
    });

    test('a relative path matches case-insensitively', () => {
      assert.strictEqual(target('./Attention', 'papers/a.md', vault('papers/attention.md')), 'papers/attention.md');
    });

    test('a relative path that climbs above the root is a placeholder, not a file outside', () => {
      const r = resolveLink('../../attention', 'papers/a.md', vault('attention.md'));
      assert.strictEqual(r.kind, 'placeholder');
    });

    test('a relative path that names no note is a placeholder named by its vault path', () => {
      assert.deepStrictEqual(resolveLink('./New Idea', 'papers/a.md', vault()), {
        kind: 'placeholder',
        name: 'papers/new-idea',
        attachment: false,
      });
    });
  });

  suite('titles and aliases', () => {
    test('a frontmatter title matches when no path does', () => {
      const names = vault(['vaswani2017.md', { title: 'Attention Is All You Need', aliases: [] }]);
      assert.deepStrictEqual(resolveLink('attention is all you need', 'a.md', names), {
        kind: 'note',
        path: 'vaswani2017.md',
        via: 'title',
      });
    });

    test('an alias matches when no path does', () => {
      const names = vault(['vaswani2017.md', { title: 'Attention Is All You Need', aliases: ['Transformer'] }]);
      assert.deepStrictEqual(resolveLink('transformer', 'a.md', names), {
        kind: 'note',
        path: 'vaswani2017.md',
        via: 'alias',
      });
    });

    test('a path match wins over a title match', () => {
      const names = vault(['x.md', { title: 'attention', aliases: [] }], 'papers/attention.md');
      assert.strictEqual(target('attention', 'a.md', names), 'papers/attention.md');
    });

    test('spaces and dashes are alike when nothing else matches', () => {
      assert.deepStrictEqual(resolveLink('My Note', 'a.md', vault('notes/my-note.md')), {
        kind: 'note',
        path: 'notes/my-note.md',
        via: 'loose',
      });
    });

    test('underscores are alike to dashes and spaces too', () => {
      assert.strictEqual(target('my-note', 'a.md', vault('my_note.md')), 'my_note.md');
    });

    test('a title matches loosely', () => {
      const names = vault(['v.md', { title: 'Bitter Lesson', aliases: [] }]);
      assert.strictEqual(target('bitter-lesson', 'a.md', names), 'v.md');
    });

    test('a title match wins over a loose match', () => {
      const names = vault('my-note.md', ['t.md', { title: 'My Note', aliases: [] }]);
      assert.strictEqual(target('My Note', 'a.md', names), 't.md');
    });
  });

  suite('several candidates', () => {
    test('the note in the linking note folder wins and the link is ambiguous', () => {
      const names = vault('attention.md', 'papers/attention.md', 'old/attention.md');
      assert.deepStrictEqual(resolveLink('attention', 'papers/a.md', names), {
        kind: 'note',
        path: 'papers/attention.md',
        ambiguous: ['papers/attention.md', 'attention.md', 'old/attention.md'],
        via: 'path',
      });
    });

    test('else the shortest path wins', () => {
      const names = vault('deep/papers/attention.md', 'papers/attention.md');
      assert.strictEqual(target('attention', 'a.md', names), 'papers/attention.md');
    });

    test('else the first path in path order wins', () => {
      const names = vault('zz/attention.md', 'aa/attention.md');
      const r = resolveLink('attention', 'a.md', names);
      assert.deepStrictEqual(r.kind === 'note' && r.ambiguous, ['aa/attention.md', 'zz/attention.md']);
    });

    test('two notes with the same title make the link ambiguous', () => {
      const names = vault(['b.md', { title: 'T', aliases: [] }], ['a.md', { title: 't', aliases: [] }]);
      const r = resolveLink('t', 'x.md', names);
      assert.deepStrictEqual(r.kind === 'note' && r.ambiguous, ['a.md', 'b.md']);
    });
  });

  suite('placeholders', () => {
    test('a link to nothing is a placeholder named by the normalized target', () => {
      assert.deepStrictEqual(resolveLink('Bitter Lesson', 'a.md', vault()), {
        kind: 'placeholder',
        name: 'bitter-lesson',
        attachment: false,
      });
    });

    test('differently written targets share one placeholder', () => {
      const names = vault();
      assert.deepStrictEqual(resolveLink('bitter-lesson.md', 'a.md', names), resolveLink('Bitter  Lesson', 'b.md', names));
    });
  });

  suite('attachments', () => {
    test('a target with an extension resolves to an attachment by file name', () => {
      assert.deepStrictEqual(resolveLink('figure.png', 'a.md', vault('img/figure.png')), {
        kind: 'attachment',
        path: 'img/figure.png',
      });
    });

    test('an attachment target follows the folder suffix rule', () => {
      const names = vault('img/figure.png', 'old/figure.png');
      assert.strictEqual(target('img/figure.png', 'a.md', names), 'img/figure.png');
    });

    test('an attachment target is relative with ./', () => {
      const names = vault('papers/paper.pdf', 'paper.pdf');
      assert.strictEqual(target('./paper.pdf', 'papers/a.md', names), 'papers/paper.pdf');
    });

    test('a missing attachment is a broken link: an attachment placeholder', () => {
      assert.deepStrictEqual(resolveLink('figure.png', 'a.md', vault('figure.md')), {
        kind: 'placeholder',
        name: 'figure.png',
        attachment: true,
      });
    });

    test('a dotted name that is no attachment still finds its note', () => {
      assert.strictEqual(target('v1.2', 'a.md', vault('v1.2.md')), 'v1.2.md');
      assert.strictEqual(target('Mr.Smith', 'a.md', vault('Mr.Smith.md')), 'Mr.Smith.md');
    });

    test('a relative dotted name that is no attachment still finds its note', () => {
      const names = vault('papers/v1.2.md', 'notes/2.0.md', 'papers/Mr.Smith.md', 'papers/deep.learning.md');
      assert.strictEqual(target('./v1.2', 'papers/a.md', names), 'papers/v1.2.md');
      assert.strictEqual(target('../notes/2.0', 'papers/a.md', names), 'notes/2.0.md');
      assert.strictEqual(target('/notes/2.0', 'papers/a.md', names), 'notes/2.0.md');
      // `.Smith` and `.learning` look like file extensions: no such attachment, so the note.
      assert.strictEqual(target('./Mr.Smith', 'papers/a.md', names), 'papers/Mr.Smith.md');
      assert.strictEqual(target('../papers/deep.learning', 'notes/a.md', names), 'papers/deep.learning.md');
      assert.strictEqual(target('./v1.2.md', 'papers/a.md', names), 'papers/v1.2.md');
    });

    test('a relative dotted name prefers the attachment of that name over the note', () => {
      const names = vault('papers/Mr.Smith.md', 'papers/Mr.Smith');
      assert.strictEqual(target('./Mr.Smith', 'papers/a.md', names), 'papers/Mr.Smith');
    });

    test('a relative dotted name with no note is a placeholder named by its path', () => {
      assert.strictEqual(target('./v1.3', 'papers/a.md', vault('papers/v1.2.md')), 'placeholder:papers/v1.3');
    });
  });

  test('an empty target is the linking note itself', () => {
    assert.deepStrictEqual(resolveLink('', 'papers/a.md', vault()), { kind: 'self', path: 'papers/a.md' });
  });
});

suite('linkKeys', () => {
  test('a note that could match a link provides one of the link keys', () => {
    const cases: [string, string, NoteNames][] = [
      ['papers/attention', 'x/papers/attention.md', { aliases: [] }],
      ['My Note', 'my_note.md', { aliases: [] }],
      ['Attention Is All You Need', 'v.md', { title: 'attention is all you need', aliases: [] }],
      ['tf', 'v.md', { aliases: ['TF'] }],
      ['../b/c', 'b/c.md', { aliases: [] }],
    ];
    for (const [t, path, names] of cases) {
      const vault = new VaultNames();
      vault.addNote(path, names);
      const provided = new Set(vault.keysOf(path));
      assert.ok(
        linkKeys(t, 'a/x.md').some(k => provided.has(k)),
        `${t} -> ${path}: ${linkKeys(t, 'a/x.md')} vs ${[...provided]}`,
      );
    }
  });
});

suite('shortestUniqueTarget', () => {
  test('the file name alone when no other note shares it', () => {
    assert.strictEqual(shortestUniqueTarget('papers/attention.md', vault('papers/attention.md')), 'attention');
  });

  test('the shortest unique folder suffix when the name is shared', () => {
    const names = vault('x/papers/attention.md', 'x/old/attention.md', 'attention.md');
    assert.strictEqual(shortestUniqueTarget('x/papers/attention.md', names), 'papers/attention');
  });

  test('the full path from the root when every suffix is shared', () => {
    const names = vault('papers/attention.md', 'x/papers/attention.md');
    assert.strictEqual(shortestUniqueTarget('papers/attention.md', names), '/papers/attention');
  });

  test('a note whose name looks like an attachment keeps its .md', () => {
    assert.strictEqual(shortestUniqueTarget('paper.pdf.md', vault('paper.pdf.md', 'paper.pdf')), 'paper.pdf.md');
  });
});
