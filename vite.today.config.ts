// Today's page: today.html (served at /today by static hosts and Vite alike, which map /today to
// today.html) and its own bundle, with its own copy of React, as the embed has. Runs after the site's
// build (`npm run build`), into the same dist/. A page of the site's entry would load the set page's
// code with it (97.9 KB before Today's own 13 KB); as a build of its own, sharing React with the site's
// entry would have moved React into a chunk of its own and cost every set page 0.7 KB (see vite.config.ts).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { noPreloadHelper } from './scripts/no-preload-helper-plugin.ts';
import { BROWSER_TARGETS } from './scripts/browser-targets.ts';

export default defineConfig({
  plugins: [react(), noPreloadHelper()],
  publicDir: false,
  build: {
    ...BROWSER_TARGETS,
    modulePreload: false,
    outDir: 'dist',
    emptyOutDir: false, // the site's build is already there
    copyPublicDir: false,
    rollupOptions: {
      input: { today: 'today.html' },
      // What the page imports stays in its one chunk (as the site's, vite.config.ts). Its two lazy chunks,
      // export and import, and FSRS with the reviews, are fetched at once, side by side.
      output: { codeSplitting: { groups: [{ name: 'today', tags: ['$initial'] }] } },
    },
  },
});
