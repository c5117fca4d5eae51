// The embed: one ES module, dist/embed/codeblanks.js, with the styles inside it, and the iframe page
// dist/embed.html that loads it. Runs after the site's build (`npm run build`), into the same dist/.
//
// What only some pages need (a language's grammar, the French table, xAPI, the iframe page's height
// reporting) is a small chunk beside it in dist/embed/, imported relative to the module's own URL, so it
// loads from wherever the script was loaded from. Budget: 100 KB gzip for what a page loads.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { shadowRem, shadowStyles } from './src/embed/shadow-css.ts';
import { dndKitDefaultsPlugin } from './scripts/dnd-kit-defaults-plugin.ts';
import { BROWSER_TARGETS } from './scripts/browser-targets.ts';

/** The iframe page is plain HTML around the same module: copied, not bundled, so both share one file. */
function framePage(): Plugin {
  return {
    name: 'codeblanks-embed-page',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed.html', source: fs.readFileSync('embed.html', 'utf8') });
    },
  };
}

/** Re-roots the inlined stylesheet for a shadow root at build time (src/embed/shadow-css.ts says how). */
export function shadowCss(): Plugin {
  const prefix = 'export default ';
  return {
    name: 'codeblanks-shadow-css',
    enforce: 'post',
    transform(code, id) {
      // styles.css, and feedback.css, which the feedback chunk adds to a shadow root (its sizes only).
      const styles = id.endsWith('/src/components/styles.css?inline');
      // The feedback's and each mode's own sheets, adopted into the shadow root later: their rem sizes follow --cb-rem.
      if (!styles && !id.endsWith('/src/components/feedback.css?inline') && !/\/src\/modes\/[\w/-]+\.css\?inline$/.test(id)) return null;
      if (!code.startsWith(prefix)) this.error(`expected Vite's inlined CSS module for ${id}`);
      const css = JSON.parse(code.slice(prefix.length)) as string;
      return { code: prefix + JSON.stringify(styles ? shadowStyles(css) : shadowRem(css)), map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), framePage(), shadowCss(), dndKitDefaultsPlugin()],
  resolve: {
    alias: {
      // The same slim Prism core as the site (see vite.config.ts and src/components/code/highlight.ts).
      'codeblanks-prism-core': fileURLToPath(new URL('./src/components/code/prism-core.js', import.meta.url)),
    },
  },
  // Library mode leaves process.env alone; React needs to know this is production.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    ...BROWSER_TARGETS, // as the site's
    outDir: 'dist',
    emptyOutDir: false, // the site's build is already there
    copyPublicDir: false,
    cssMinify: true,
    lib: {
      entry: 'src/embed/index.ts',
      formats: ['es'],
      fileName: () => 'embed/codeblanks.js',
    },
    rolldownOptions: {
      // Code the entry shares with a lazy chunk stays in the entry (which exports it to the chunk),
      // instead of becoming one more file the page must fetch before anything shows.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'embed/[name]-[hash].js',
        // As the site (vite.config.ts): everything the entry imports stays in it. Without this, the chunks
        // of Study and Challenge, which reuse the task card, made the bundler move the entry's hooks into
        // a shared chunk fetched up front (rolldown/rolldown#10731).
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
        // Library mode keeps ES output readable for other bundlers; this file goes straight to browsers.
        minify: true,
        comments: false,
      },
    },
  },
});
