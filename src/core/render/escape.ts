// Escaping for text and attribute values the page builders write themselves (markdown-it's
// own escapeHtml leaves `'` alone, which is safe only inside double quotes).
export function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
