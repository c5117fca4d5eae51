/**
 * The iframe page, embed.html?set=<id>&task=<n>: `<code-blanks frame>` takes its settings from the query
 * string (set, task, mode, lang, storage-key, theme, xapi, id) and posts to its parent its height on every
 * change, `{ type: 'codeblanks:resize', height, id }`, and each event the element dispatches,
 * `{ type: 'codeblanks:event', event: 'checked', detail, id }`. public/codeblanks-resizer.js, on the host
 * page, sizes the iframe and dispatches the events on it, as `<code-blanks>` dispatches them on itself.
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

const forwarding = new WeakSet<Element>();

/**
 * Posts the events named (`codeblanks:checked`…, host-events.ts's HOST_EVENTS, which the caller passes:
 * imported here, it would split the embed's entry into two files) that `element` dispatches, xAPI
 * statements too, to the page that frames it. Any origin may frame the page, and it hears only what its
 * own learner did there.
 */
export function forwardEvents(
  element: Element,
  names: readonly string[],
  attribute: (name: string) => string | null,
  to: Pick<Window, 'postMessage'> = parent,
): void {
  if (forwarding.has(element) || (to as unknown) === window) return;
  forwarding.add(element);
  for (const name of names) {
    element.addEventListener(name, (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      to.postMessage({ type: 'codeblanks:event', event: name.slice('codeblanks:'.length), detail, id: attribute('id') ?? attribute('set') }, '*');
    });
  }
}
