// The XSS corpus: hostile notes rendered exactly as the preview renders them (raw HTML on,
// links resolved by an index, embeds drawn), each output parsed by a real HTML parser and
// checked for anything that could run: scripts, handlers, dangerous URLs, forms, frames.
import * as assert from 'assert';
import { Parser } from 'htmlparser2';
import { NoteIndex } from '../../../../src/core/index/noteIndex';
import { renderNotePage, type PageHost } from '../../../../src/core/render/page';
import { renderTagPage } from '../../../../src/core/render/tagPage';

export const CORPUS: Record<string, string> = {
  'script tag': '<script>alert(1)</script>',
  'script inline': 'text <script>alert(1)</script> more',
  'script uppercase and spaced': '<SCRIPT >alert(1)</SCRIPT >',
  'script split over lines': '<script\n>alert(1)</script\n>',
  'style tag': '<style>body{background:url(javascript:alert(1))}</style>',
  'style attribute': '<div style="background:url(javascript:alert(1))">x</div>',
  'img onerror': '<img src=x onerror=alert(1)>',
  'img onerror no quotes, slash': '<img/src=x/onerror=alert(1)>',
  'event handler on a span': '<span onmouseover="alert(1)">hover</span>',
  'body onload': '<body onload=alert(1)>',
  'javascript: in raw a href': '<a href="javascript:alert(1)">x</a>',
  'javascript: with entities': '<a href="&#106;&#97;vascript:alert(1)">x</a>',
  'javascript: with a tab': '<a href="java\tscript:alert(1)">x</a>',
  'javascript: upper case': '<a href="JAVASCRIPT:alert(1)">x</a>',
  'vbscript:': '<a href="vbscript:msgbox(1)">x</a>',
  'data: html link': '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  'data: svg image': '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  'markdown link javascript:': '[x](javascript:alert(1))',
  'markdown link entity javascript:': '[x](&#106;avascript:alert(1))',
  'markdown image javascript:': '![x](javascript:alert(1))',
  'autolink javascript:': '<javascript:alert(1)>',
  'markdown link to a command:': '[quit](command:workbench.action.quit) <command:workbench.action.quit>',
  'markdown link to vscode:': '[x](vscode://extension/evil)',
  'wiki-link target javascript:': '[[javascript:alert(1)]]',
  'wiki-link label with HTML': '[[note|<img src=x onerror=alert(1)>]]',
  'wiki-link target with quotes': '[[a" onmouseover="alert(1)]]',
  'wiki-link alias with script': '[[x|<script>alert(1)</script>]]',
  'embed file name with HTML': '![[<img src=x onerror=alert(1)>.png]]',
  'embed file name with quotes': '![[x" onerror="alert(1).png]]',
  'embed javascript: image': '![[javascript:alert(1).png]]',
  'tag with HTML around': '#tag<script>alert(1)</script>',
  'KaTeX \\href': '$\\href{javascript:alert(1)}{click}$',
  'KaTeX \\url': '\\(\\url{javascript:alert(1)}\\)',
  'KaTeX \\htmlData': '$\\htmlData{foo=bar}{x}$',
  'KaTeX \\htmlClass and \\htmlId': '$\\htmlClass{x}{a}\\htmlId{y}{b}\\htmlStyle{color:red}{c}$',
  'KaTeX \\includegraphics': '$\\includegraphics{javascript:alert(1)}$',
  'malformed math with HTML': '$\\frac{<img src=x onerror=alert(1)>$',
  'malformed display math': '$$\n\\begin{<script>alert(1)</script>\n$$',
  'math error in a sidenote': 'x[^1]\n\n[^1]: $\\left( <b onclick=alert(1)>$',
  'svg with onload': '<svg onload=alert(1)><circle r=5 /></svg>',
  'svg script': '<svg><script>alert(1)</script></svg>',
  'svg use href': '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>',
  'math tag with href': '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>',
  'iframe': '<iframe src="https://example.com"></iframe>',
  'iframe srcdoc': '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  'object and embed': '<object data="x.swf"></object><embed src="x.swf">',
  'form with action': '<form action="https://evil.example"><input name=q><button>go</button></form>',
  'input autofocus onfocus': '<input autofocus onfocus=alert(1)>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  'base href': '<base href="javascript:alert(1)//">',
  'link stylesheet': '<link rel=stylesheet href="https://evil.example/x.css">',
  'template and noscript': '<template><img src=x onerror=alert(1)></template><noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  'id clobbering': '<img id="preview-state" name="content"><a id="mg-sn-1">x</a>',
  'callout title with HTML': '> [!note] <img src=x onerror=alert(1)>\n> body',
  'callout type with quotes': '> [!x" onclick="alert(1)] t',
  'footnote label with HTML': 'x[^<b>]\n\n[^<b>]: <img src=x onerror=alert(1)>',
  'comment hiding a script': '%%<script>alert(1)</script>%%<script>alert(2)</script>',
  'html comment trick': '<!-- --><script>alert(1)</script><!-- -->',
  'nested quotes in attributes': '<a title=\'"><script>alert(1)</script>\' href="#">x</a>',
  'srcset and formaction': '<img srcset="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button>',
  'details ontoggle': '<details open ontoggle=alert(1)><summary>x</summary></details>',
  'heading with HTML, for its id': '# <img src=x onerror=alert(1)> "quoted"',
};

const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'button', 'textarea',
  'select', 'option', 'link', 'meta', 'base', 'template', 'noscript', 'foreignobject', 'use', 'image', 'animate', 'set', 'video',
  'audio', 'source', 'applet', 'body', 'html', 'head', 'title', 'xmp', 'isindex', 'marquee']);
const URL_ATTRS = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'background', 'poster', 'srcset', 'data', 'cite', 'srcdoc']);
const IMAGE_DATA = /^data:image\/(?:png|gif|jpeg|webp);/;

/** Everything in `html` that could run or reach out, described. */
export function dangers(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (FORBIDDEN_TAGS.has(name)) found.push(`<${name}>`);
      if (name === 'input' && !(attribs['type'] === 'checkbox' && /margin-toggle|task-list-item-checkbox/.test(attribs['class'] ?? ''))) found.push('an input that is no toggle');
      for (const [attr, value] of Object.entries(attribs)) {
        if (attr.startsWith('on')) found.push(`${name}[${attr}]`);
        if (attr === 'id' && !/^(?:mg-|user-content-)/.test(value)) found.push(`id="${value}" without a prefix`);
        if (attr === 'name' && !value.startsWith('user-content-')) found.push(`name="${value}" without a prefix`);
        if (attr === 'style' && /url\(|expression|javascript|@import/i.test(value)) found.push(`${name}[style=${value}]`);
        if (URL_ATTRS.has(attr)) {
          const url = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
          const imageData = name === 'img' && attr === 'src' && IMAGE_DATA.test(url);
          if (scheme && !['http', 'https', 'mailto'].includes(scheme) && !imageData) found.push(`${name}[${attr}=${value}]`);
          if (attr === 'srcdoc' || attr === 'srcset' && scheme) found.push(`${name}[${attr}]`);
        }
      }
    },
  }, { decodeEntities: true, recognizeSelfClosing: true });
  parser.write(html);
  parser.end();
  return found;
}

const host: PageHost = { noteHref: (p, f) => encodeURI(p) + (f ? `#${encodeURIComponent(f)}` : ''), imageSrc: p => encodeURI(p) };

suite('render: the XSS corpus renders nothing executable', () => {
  const index = new NoteIndex();
  index.upsert('note.md', '# Note\n\nA harmless note. #tag');
  const names = Object.keys(CORPUS);
  names.forEach((name, i) => index.upsert(`hostile-${i}.md`, `${CORPUS[name]}\n\n#tag\n\n![[note]]`));

  test(`the corpus holds at least 40 notes (${names.length})`, () => assert.ok(names.length >= 40));

  names.forEach((name, i) => {
    test(name, () => {
      const path = `hostile-${i}.md`;
      const page = renderNotePage(index, host, path, index.textOf(path)!);
      assert.deepStrictEqual(dangers(page.html), [], page.html);
    });
  });

  test('a page that embeds every hostile note, and its tag page, are clean too', () => {
    index.upsert('all.md', names.map((_, i) => `![[hostile-${i}]]`).join('\n\n'));
    assert.deepStrictEqual(dangers(renderNotePage(index, host, 'all.md', index.textOf('all.md')!).html), []);
    assert.deepStrictEqual(dangers(renderTagPage(index, host, 'tag').html), []);
  });

  test('the checker itself finds what it looks for', () => {
    assert.deepStrictEqual(dangers('<img src=x onerror=y><a href="java&#9;script:1">x</a><iframe></iframe>'),
      ['img[onerror]', 'a[href=java\tscript:1]', '<iframe>']);
  });
});
