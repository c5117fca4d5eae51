/**
 * <code-blanks>: the element a course page writes. Its attributes are mount()'s settings, read afresh
 * on every change (a change re-mounts; a `theme` change only restyles). The exercise may sit inside it
 * as `<script type="application/json">…</script>` instead of `src`.
 *
 * With the `frame` attribute (embed.html, the iframe page) the settings come from the page's query
 * string instead, and the page tells its parent its height.
 */
import { mountSettings, type ElementHandle } from './mount.tsx';
import { readAttributes } from './settings.ts';
import { HOST_EVENTS, type EmbedProgress } from './host-events.ts';

/** The attributes that change what is shown; `frame` is read once. */
const OBSERVED = ['src', 'task', 'mode', 'lang', 'storage-key', 'theme', 'xapi'];

export class CodeBlanksElement extends HTMLElement {
  static readonly observedAttributes = OBSERVED;
  #handle: ElementHandle | undefined;
  #queued = false;

  connectedCallback() {
    this.#queue();
  }

  disconnectedCallback() {
    this.#queue();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null) {
    if (!this.#handle || before === after) return;
    if (name === 'theme' && this.#handle.restyle(after)) return;
    this.#queue();
  }

  /** The score and each shown task's state, as `mount()`'s handle gives it; null until loaded. */
  progress(): EmbedProgress | null {
    return this.#handle?.progress() ?? null;
  }

  /** Starts afresh: clears the saved progress under this element's storage key. */
  reset(): void {
    this.#handle?.reset();
  }

  /** Several changes in one task (a script setting three attributes) re-mount once. */
  #queue() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#render();
    });
  }

  #render() {
    this.#handle?.unmount();
    this.#handle = undefined;
    if (!this.isConnected) return;
    // Upgraded while the page is still parsing (an async script): wait for our inline JSON child.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.#queue(), { once: true });
      return;
    }
    if (this.hasAttribute('frame')) {
      // The iframe page's own code is a chunk of its own: no course page pays for it.
      import('./frame.ts')
        .then(({ frameAttribute, reportHeight, forwardEvents }) => {
          const attribute = frameAttribute(location.search, (name) => this.getAttribute(name));
          forwardEvents(this, HOST_EVENTS, attribute);
          if (this.isConnected && !this.#handle) this.#mount(attribute);
          reportHeight(attribute);
        })
        .catch((error: unknown) => console.error('codeblanks: the iframe page could not start', error));
      return;
    }
    this.#mount((name) => this.getAttribute(name));
  }

  #mount(attribute: (name: string) => string | null) {
    const inline = this.querySelector(':scope > script[type="application/json"]');
    // `xapi` (a boolean attribute) opts in to `codeblanks:xapi` events.
    this.#handle = mountSettings(this, readAttributes(attribute, inline ? inline.textContent : null), attribute('xapi') === null ? {} : { xapi: {} });
  }
}
