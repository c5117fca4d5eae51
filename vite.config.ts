import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { exercisesPlugin } from './scripts/exercises-plugin.ts';
import { studioSavePlugin } from './scripts/studio-save-plugin.ts';
import { dndKitDefaultsPlugin } from './scripts/dnd-kit-defaults-plugin.ts';
import { noPreloadHelper } from './scripts/no-preload-helper-plugin.ts';
import { BROWSER_TARGETS } from './scripts/browser-targets.ts';

// The exercise files: exercises/, or another folder for a test that saves from the studio.
const exercisesDir = process.env.CODEBLANKS_EXERCISES_DIR ?? fileURLToPath(new URL('./exercises', import.meta.url));

// The site: index.html (catalogue, set pages, the studio at /author; Today's page is vite.today.config.ts's).
// The exercise files are served beside it; under `npm start` the studio can also write them back (studioSavePlugin, dev only).
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
    ...BROWSER_TARGETS,
    // No preload helper or polyfill (0.4 KB gzip on every page). The cost: a grammar that others import
    // loads through a two-line facade (scripts/generate-languages.ts says why), and a grammar that imports
    // another fetches it after itself, so their colours come a round trip or two later; the code shows
    // at once either way, in one colour until its grammar is in.
    modulePreload: false,
    rollupOptions: {
      input: { index: 'index.html' },
      // Everything the page's entry imports stays in one chunk with it. Without this, line order's chunk
      // made the bundler move React and its CommonJS helpers into a shared chunk loaded up front, 0.7 KB
      // gzip more on every set page (rolldown/rolldown#10731: a module the entry already loaded split out).
      // FSRS and the review schedules derived with it are one chunk: as three they were fetched one after
      // another (each found only once the one before was parsed), which held up what needed them (Today's
      // counts, when Today was a page of this build). (review-items.ts stays out: the mode picker needs
      // it, and not FSRS's 4 KB.)
      output: {
        codeSplitting: {
          groups: [
            { name: 'index', tags: ['$initial'] },
            // Only these modules: what they import (days, logs, review-items) stays shared, FSRS-free.
            { name: 'fsrs', test: /[\\/]ts-fsrs[\\/]|[\\/]src[\\/]engine[\\/](schedule|review)\.ts$/, includeDependenciesRecursively: false },
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
