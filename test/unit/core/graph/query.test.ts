import * as assert from 'assert';
import { matchesQuery, parseQuery, QueryError, queryProblem, type QueryNote } from '../../../../src/core/graph/query';

const note = (path: string, title: string, tags: string[] = []): QueryNote => ({ path, title, tags });
const attention = note('papers/attention-is-all-you-need.md', 'Attention Is All You Need', ['paper', 'ml/transformers']);
const rl = note('reinforcement-learning.md', 'Reinforcement Learning', ['ml/rl', 'todo']);
const mypapers = note('mypapers/x.md', 'Elsewhere', []);
const nested = note('lab/papers/y.md', 'Nested Paper', ['Paper']);
const all = [attention, rl, mypapers, nested];
const matching = (q: string) => all.filter(n => matchesQuery(parseQuery(q), n)).map(n => n.path);

suite('graph query', () => {
  test('an empty query matches every note', () => {
    assert.deepStrictEqual(matching('   '), all.map(n => n.path));
  });

  test('path: matches at a folder boundary, never inside a folder name', () => {
    assert.deepStrictEqual(matching('path:papers/'), [attention.path, nested.path]);
  });

  test('path: with a leading slash means the same', () => {
    assert.deepStrictEqual(matching('path:/papers/'), [attention.path, nested.path]);
  });

  test('tag: matches the tag and the tags below it, with or without #, in any case', () => {
    assert.deepStrictEqual(matching('tag:#ml'), [attention.path, rl.path]);
    assert.deepStrictEqual(matching('tag:ML/Transformers'), [attention.path]);
    assert.deepStrictEqual(matching('tag:paper'), [attention.path, nested.path]);
  });

  test('tag: does not match a tag that only starts with the same letters', () => {
    assert.deepStrictEqual(matching('tag:ml/trans'), []);
  });

  test('title: is a substring in any case; quotes keep spaces', () => {
    assert.deepStrictEqual(matching('title:learning'), [rl.path]);
    assert.deepStrictEqual(matching('title:"is all"'), [attention.path]);
  });

  test('a bare word looks in the title and the path', () => {
    assert.deepStrictEqual(matching('mypapers'), [mypapers.path]);
    assert.deepStrictEqual(matching('nested'), [nested.path]);
  });

  test('terms side by side must all match', () => {
    assert.deepStrictEqual(matching('path:papers/ tag:ml'), [attention.path]);
  });

  test('OR joins groups, and AND binds tighter', () => {
    assert.deepStrictEqual(matching('path:papers/ tag:ml OR tag:todo'), [attention.path, rl.path]);
  });

  test('a leading - negates a term', () => {
    assert.deepStrictEqual(matching('-tag:ml'), [mypapers.path, nested.path]);
  });

  test('a quoted word with a colon is text, not a field', () => {
    const q = parseQuery('"a:b"');
    assert.deepStrictEqual(q.anyOf, [[{ field: 'text', value: 'a:b', negate: false }]]);
  });

  test('an unknown field is an error naming it and its column', () => {
    assert.throws(() => parseQuery('tag:x folder:papers'), (e: unknown) => e instanceof QueryError && e.column === 7 && /unknown field "folder:"/.test(e.message));
  });

  test('a field with no value is an error with an example', () => {
    assert.throws(() => parseQuery('path:'), /"path:" at column 1 needs a value, e.g. path:papers\//);
  });

  test('an open quote is an error', () => {
    assert.throws(() => parseQuery('title:"open'), /quote at column 7 is not closed/);
  });

  test('OR with nothing on one side is an error', () => {
    assert.throws(() => parseQuery('OR tag:a'), /needs a term before it/);
    assert.throws(() => parseQuery('tag:a OR'), /needs a term after it/);
  });

  test('queryProblem gives the message or undefined', () => {
    assert.strictEqual(queryProblem('tag:a'), undefined);
    assert.match(queryProblem('nope:a') ?? '', /unknown field/);
  });
});
