/**
 * The iframe page, embed.html?set=<id>&task=<n>: `<code-blanks frame>` takes its settings from the query
 * string (set, task, mode, lang, storage-key, theme, id) and posts its height to the parent on every
 * change, `{ type: 'codeblanks:resize', height, id }`, for public/codeblanks-resizer.js to apply.
 */

/** Reads a setting from the page's query string; `set=<id>` stands for `src=exercises/<id>.json`. */
export function frameAttribute(search: string, own: (name: string) => string | null): (name: string) => string | null {
  const query = new URLSearchParams(search);
  return (name) => {
    if (name !== 'src') return query.get(name) ?? own(name);
    const set = query.get('set');
    return set ? `exercises/${encodeURIComponent(set)}.json` : own(name);
  };
}

let reporting = false;

/** Posts the page's height to the parent whenever it changes, and again when the parent asks. */
export function reportHeight(attribute: (name: string) => string | null): void {
  const lang = attribute('lang');
  if (lang) document.documentElement.lang = lang;
  if (reporting) return;
  reporting = true;
  const { body, documentElement } = document;
  // The parent sizes the frame to fit: no margin to leave out, and never a scrollbar, even for a moment.
  body.style.margin = '0';
  documentElement.style.setProperty('scrollbar-width', 'none');
  let last = -1;
  const post = (force?: boolean) => {
    const height = Math.ceil(body.getBoundingClientRect().height);
    if (height === last && !force) return;
    last = height;
    parent.postMessage({ type: 'codeblanks:resize', height, id: attribute('id') ?? attribute('set') }, '*');
  };
  new ResizeObserver(() => post()).observe(body);
  // The resizer loaded after our first message: it asks, we answer.
  addEventListener('message', (event) => {
    if (event.source === parent && (event.data as { type?: unknown } | null)?.type === 'codeblanks:measure') post(true);
  });
}
