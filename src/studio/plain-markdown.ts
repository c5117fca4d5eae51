/**
 * Stands in for codemirror-json-schema's Markdown renderer (vite.config.ts swaps it in): that one loads
 * markdown-it and Shiki, about 250 KB gzip, to render the schema's one-line descriptions. Ours escapes
 * the text and keeps `code` spans, which is all those descriptions use.
 */
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderMarkdown(markdown: string, inline = true): string {
  const html = escape(markdown).replace(/`([^`]+)`/g, '<code>$1</code>');
  return inline ? html : `<p>${html}</p>`;
}
