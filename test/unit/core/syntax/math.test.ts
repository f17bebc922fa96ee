import * as assert from 'assert';
import { lines, scan, tagNames, targets, textOf } from './helpers';

const math = (text: string) => scan(text).math.map((m) => [m.delimiter, m.display, m.tex]);

suite('scanner: math', () => {
  test('$..$ is inline math', () => {
    assert.deepStrictEqual(math('where $x^2 + y$ holds'), [['$', false, 'x^2 + y']]);
  });

  test('$$..$$ inside a line is display math', () => {
    assert.deepStrictEqual(math('see $$\\sum_i x_i$$ here'), [['$$', true, '\\sum_i x_i']]);
  });

  test('a $$ block runs over several lines', () => {
    const text = lines('Before', '$$', '\\mathrm{Attention}(Q,K,V)', '= QK^T', '$$', 'After [[x]]');
    const [block] = scan(text).math;
    assert.deepStrictEqual([block.delimiter, block.display, block.tex], ['$$', true, '\\mathrm{Attention}(Q,K,V)\n= QK^T']);
    assert.strictEqual(textOf(text, block.range), lines('$$', '\\mathrm{Attention}(Q,K,V)', '= QK^T', '$$'));
    assert.deepStrictEqual(targets(text), ['x']);
  });

  test('\\(..\\) is inline math, \\[..\\] display math', () => {
    assert.deepStrictEqual(math('pairs \\(K,V \\in \\mathbb{R}^{n}\\) and \\[E = mc^2\\]'), [
      ['\\(', false, 'K,V \\in \\mathbb{R}^{n}'],
      ['\\[', true, 'E = mc^2'],
    ]);
  });

  test('a \\[ block runs from a line starting \\[ to a line ending \\]', () => {
    const text = lines('\\[', '- not a list', '\\]');
    assert.deepStrictEqual(math(text), [['\\[', true, '- not a list']]);
  });

  test('$ does not open after a letter or digit, nor close before one', () => {
    assert.deepStrictEqual(math('costs 5$ or $5 and $6, a$b$ and $c$d'), []);
  });

  test('$ closes at the first unescaped $', () => {
    assert.deepStrictEqual(math('$a \\$ b$'), [['$', false, 'a \\$ b']]);
  });

  test('\\$ is no opener', () => {
    assert.deepStrictEqual(math('\\$x$ and \\$5'), []);
  });

  test('$$$ inside a line does not open display math', () => {
    assert.deepStrictEqual(math('a $$$x$$$'), []);
  });

  test('a line starting with $$ opens a block even when more $ follow (as the preview reads it)', () => {
    assert.deepStrictEqual(math('$$$x$$$'), [['$$', true, '$x$$$']]);
  });

  test('$$..$$ starting a line with text after it is display math in a paragraph, not a block to the next $$', () => {
    const text = lines('$$k^2$$ squares it', '', 'a [[middle]] line #kept', '', '$$', 'm', '$$');
    assert.deepStrictEqual(math(text), [['$$', true, 'k^2'], ['$$', true, 'm']]);
    assert.strictEqual(textOf(text, scan(text).math[0].range), '$$k^2$$');
    assert.deepStrictEqual(targets(text), ['middle']);
    assert.deepStrictEqual(tagNames(text), ['kept']);
  });

  test('a $$..$$ line with text after it does not interrupt a paragraph', () => {
    const text = lines('first words', '$$k^2$$ squares it [[here]]', '$$', 'm', '$$');
    assert.deepStrictEqual(math(text), [['$$', true, 'k^2'], ['$$', true, 'm']]);
    assert.deepStrictEqual(targets(text), ['here']);
  });

  test('$$k$$ with only spaces after it is still a one-line block', () => {
    const text = lines('$$k$$  ', 'next [[line]]');
    assert.deepStrictEqual(math(text), [['$$', true, 'k']]);
    assert.strictEqual(textOf(text, scan(text).math[0].range), '$$k$$');
    assert.deepStrictEqual(targets(text), ['line']);
  });

  test('an escaped \\$$ closes nothing: the line still opens a block', () => {
    assert.deepStrictEqual(math(lines('$$k \\$$ more', 'm', '$$')), [['$$', true, 'k \\$$ more\nm']]);
  });

  test('$$..$$ in a code span or a fence is no math', () => {
    assert.deepStrictEqual(math(lines('`$$k$$` then text', '', '```', '$$k$$ then text', '```')), []);
  });

  test('\\\\) is TeX\'s line break then ), not the closer', () => {
    assert.deepStrictEqual(math('\\(a \\\\) b\\)'), [['\\(', false, 'a \\\\) b']]);
  });

  test('nothing inside math is a link or a tag', () => {
    const text = 'a $[[x]] #y$ b \\([[z]]\\) $$#w$$';
    assert.deepStrictEqual([targets(text), tagNames(text)], [[], []]);
  });

  test('inline math may span the lines of its paragraph, not a blank line', () => {
    assert.deepStrictEqual(math(lines('a $x', 'y$ b')), [['$', false, 'x\ny']]);
    assert.deepStrictEqual(math(lines('a $x', '', 'y$ b')), []);
  });

  test('unclosed math is text, and what follows is found', () => {
    const text = 'a $x [[link]] \\( #tag';
    assert.deepStrictEqual([math(text), targets(text), tagNames(text)], [[], ['link'], ['tag']]);
  });

  test('an unclosed $$ block runs to the end of the note (as the preview reads it)', () => {
    assert.deepStrictEqual(targets(lines('$$', 'x', '', '[[hidden]]')), []);
  });
});
