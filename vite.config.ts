import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { exercisesPlugin } from './scripts/exercises-plugin.ts';
import { studioSavePlugin } from './scripts/studio-save-plugin.ts';
import { dndKitDefaultsPlugin } from './scripts/dnd-kit-defaults-plugin.ts';

/**
 * Vite wraps every import() in its preload helper, which preloads the chunk's dependencies and fires
 * `vite:preloadError` when one fails. With `modulePreload: false` and no stylesheet in any lazy chunk it
 * is handed no dependencies, ever: it only calls the import, for 0.4 KB gzip on every page. This is the
 * helper reduced to that call. The build fails if a lazy chunk ever needs a stylesheet it would load.
 */
function noPreloadHelper(): Plugin {
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

// The exercise files: exercises/, or another folder for a test that saves from the studio.
const exercisesDir = process.env.CODEBLANKS_EXERCISES_DIR ?? fileURLToPath(new URL('./exercises', import.meta.url));

// The site: index.html (catalogue, set pages, the studio at /author). The exercise files are served
// beside it; under `npm start` the studio can also write them back (studioSavePlugin, dev only).
export default defineConfig({
  plugins: [
    react(),
    exercisesPlugin(exercisesDir),
    studioSavePlugin(exercisesDir),
    {
      // The studio's schema help renders its descriptions as plain text: see src/studio/plain-markdown.ts.
      name: 'codeblanks-plain-schema-markdown',
      enforce: 'pre',
      resolveId(source, importer) {
        if (importer?.includes('codemirror-json-schema') && /\/utils\/markdown(\.js)?$/.test(source)) {
          return fileURLToPath(new URL('./src/studio/plain-markdown.ts', import.meta.url));
        }
        return null;
      },
    },
    noPreloadHelper(),
    dndKitDefaultsPlugin(),
  ],
  resolve: {
    alias: {
      // refractor's slim Prism core, without the 10 KB of HTML helpers its main entry adds (see highlight.ts).
      'codeblanks-prism-core': fileURLToPath(new URL('./src/components/code/prism-core.js', import.meta.url)),
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // The studio imports web-tree-sitter (CommonJS): pre-bundled at start, so the dev server does not
  // discover it when a set is first opened and reload the page under the author.
  optimizeDeps: { include: ['web-tree-sitter'] },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    // No preload helper or polyfill (0.4 KB gzip on every page). The cost: a grammar that others import
    // loads through a two-line facade (scripts/generate-languages.ts says why), and a grammar that imports
    // another fetches it after itself, so their colours come a round trip or two later; the code shows
    // at once either way, in one colour until its grammar is in.
    modulePreload: false,
    // Browsers with CSS light-dark(): the stylesheet keeps one colour pair per property instead of two blocks.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    rollupOptions: {
      input: { index: 'index.html' },
      // Everything the page's entry imports stays in one chunk with it. Without this, line order's chunk
      // made the bundler move React and its CommonJS helpers into a shared chunk loaded up front, 0.7 KB
      // gzip more on every set page (rolldown/rolldown#10731: a module the entry already loaded split out).
      // FSRS and the review schedules derived with it are one chunk: as three they were fetched one after
      // another (each found only once the one before was parsed), which held up the Today page's counts.
      // (review-items.ts stays out: the mode picker needs it, and not FSRS's 4 KB.)
      output: {
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'] },
            // Only these modules: what they import (days, logs, review-items) stays shared, FSRS-free.
            { name: 'fsrs', test: /[\\/]ts-fsrs[\\/]|[\\/]src[\\/](engine[\\/](schedule|review)|store[\\/]today-reviews)\.ts$/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
  },
});
