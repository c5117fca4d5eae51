/**
 * A mode's own stylesheet, given to the document or shadow root the mode shows in as a constructed sheet,
 * once per root. A strict Content Security Policy (a course page's `style-src 'self'`) allows that where it
 * refuses a <style> element: with one, every mode but practice lost its look in such a page. (feedback.tsx
 * and the embed's styles.ts do the same for theirs.)
 */
const sheets = new Map<string, CSSStyleSheet>();

function adopt(root: Node, css: string): void {
  if (!('adoptedStyleSheets' in root)) return; // (jsdom)
  const r = root as Document | ShadowRoot;
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  if (!r.adoptedStyleSheets.includes(sheet)) r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
}

/** Renders nothing visible: adopts `css` into its root as it is committed, before the first paint. */
export function ModeStyles({ css }: { css: string }) {
  return <span hidden ref={(element) => void (element && adopt(element.getRootNode(), css))} />;
}
