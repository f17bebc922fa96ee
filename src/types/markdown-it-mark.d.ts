// markdown-it-mark ships no types: it is a plain markdown-it plugin.
declare module 'markdown-it-mark' {
  import type MarkdownIt from 'markdown-it';
  const mark: MarkdownIt.PluginSimple;
  export default mark;
}
