// The wiki-link grammar injected into markdown, run by VS Code's own TextMate engine
// (vscode-textmate and vscode-oniguruma from the running VS Code) over its own markdown grammar.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { lines, run } from './marginalia';

/* eslint-disable @typescript-eslint/no-require-imports */
interface Token { startIndex: number; endIndex: number; scopes: string[] }
interface Grammar { tokenizeLine(line: string, stack: unknown): { tokens: Token[]; ruleStack: unknown } }

async function markdownGrammar(): Promise<Grammar> {
  const root = vscode.env.appRoot;
  const need = (name: string) => require(path.join(root, 'node_modules', name)) as Record<string, any>;
  const textmate = need('vscode-textmate');
  const onig = need('vscode-oniguruma');
  const wasm = fs.readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).catch(() => undefined);
  const ours = path.resolve(__dirname, '../../../syntaxes/marginalia.markdown.tmLanguage.json');
  const markdown = path.join(root, 'extensions/markdown-basics/syntaxes/markdown.tmLanguage.json');
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = scope === 'text.html.markdown' ? markdown : scope === 'marginalia.markdown.links' ? ours : undefined;
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) => scope === 'text.html.markdown' ? ['marginalia.markdown.links'] : undefined,
  });
  return registry.loadGrammar('text.html.markdown');
}

/** Each piece of text with the scopes Marginalia's grammar gave it (`marginalia`, markdown link and tag scopes). */
function scopesOf(grammar: Grammar, text: string): string[] {
  const out: string[] = [];
  let stack: unknown = null;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    for (const t of r.tokens) {
      const ours = t.scopes.filter(s => /marginalia|link\.title|reference\.link\.markdown|link\.description\.markdown/.test(s) && !/inline\.markdown$/.test(s));
      if (ours.length) out.push(`${line.slice(t.startIndex, t.endIndex)} = ${ours[ours.length - 1]}`);
    }
  }
  return out;
}

if (run === 'single') suite('the wiki-link grammar', () => {
  let grammar: Grammar;
  suiteSetup(async () => { grammar = await markdownGrammar(); });

  test('[[links]], ![[embeds]], #tags and ^block-ids get their scopes', () => {
    assert.deepStrictEqual(scopesOf(grammar, 'See [[papers/attention#Intro|the paper]], ![[figure.png|300]] and #ml/rl. A claim ^key-1'), [
      '[[ = meta.link.wiki.marginalia',
      'papers/attention = markup.underline.link.wiki.marginalia',
      '#Intro = constant.other.reference.link.markdown',
      '|the paper = string.other.link.description.markdown',
      ']] = meta.link.wiki.marginalia',
      '! = punctuation.definition.embed.marginalia',
      '[[ = meta.embed.wiki.marginalia',
      'figure.png = markup.underline.link.wiki.marginalia',
      '|300 = string.other.link.description.markdown',
      ']] = meta.embed.wiki.marginalia',
      '# = punctuation.definition.tag.marginalia',
      'ml/rl = entity.name.tag.marginalia',
      '^ = punctuation.definition.block-id.marginalia',
      'key-1 = constant.other.reference.block-id.marginalia',
    ]);
  });

  test('nothing in code blocks or code spans, and a heading is no tag', () => {
    assert.deepStrictEqual(scopesOf(grammar, lines('# Heading', '', '```', '[[in-code]] #no', '```', '', '`[[span]]` #1984 a#b')), []);
  });
});
