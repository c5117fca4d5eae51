import type { Plugin } from 'vite';

/**
 * Vite wraps every import() in its preload helper, which preloads the chunk's dependencies and fires
 * `vite:preloadError` when one fails. With `modulePreload: false` and no stylesheet in any lazy chunk it
 * is handed no dependencies, ever: it only calls the import, for 0.4 KB gzip on every page. This is the
 * helper reduced to that call. The build fails if a lazy chunk ever needs a stylesheet it would load.
 */
export function noPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'codeblanks-no-preload-helper',
    enforce: 'pre',
    load(source) {
      return source === id ? 'export const __vitePreload = (load) => load();' : null;
    },
    writeBundle(_, bundle) {
      // The entry's own stylesheet is on every page already (index.html links it): Vite lists it for a
      // lazy chunk that imports code from the entry (the studio does), and not loading it again is right.
      const onThePage = new Set(Object.values(bundle).flatMap((c) => (c.type === 'chunk' && c.isEntry ? [...(c.viteMetadata?.importedCss ?? [])] : [])));
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.code.includes('__vite__mapDeps')) continue;
        const deps = [...(chunk.code.match(/m\.f=\[([^\]]*)\]/)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!.replace(/^\//, ''));
        if (deps.length === 0 || deps.some((dep) => !onThePage.has(dep))) {
          this.error(`${chunk.fileName} preloads dependencies (a lazy chunk's stylesheet?), which the reduced helper would not load: ${deps.join(', ')}`);
        }
      }
    },
  };
}
