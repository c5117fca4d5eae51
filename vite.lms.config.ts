// The runtime of exported LMS packages (`npm run export`): src/lms/index.ts and its lazy chunks (each
// grammar, the French table, cmi5). The exporter runs this build in memory and copies into each zip
// only the chunks its set needs; nothing is written to dist/. Same styles and Prism core as the embed.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { shadowCss } from './vite.embed.config.ts';
import { dndKitDefaultsPlugin } from './scripts/dnd-kit-defaults-plugin.ts';
import { BROWSER_TARGETS } from './scripts/browser-targets.ts';

export default defineConfig({
  plugins: [react(), shadowCss(), dndKitDefaultsPlugin()],
  resolve: {
    alias: {
      'codeblanks-prism-core': fileURLToPath(new URL('./src/components/code/prism-core.js', import.meta.url)),
    },
  },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  logLevel: 'warn',
  build: {
    ...BROWSER_TARGETS,
    outDir: 'dist/lms',
    write: false,
    copyPublicDir: false,
    cssMinify: true,
    lib: { entry: 'src/lms/index.ts', formats: ['es'], fileName: () => 'codeblanks.js' },
    rolldownOptions: {
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: '[name]-[hash].js',
        minify: true,
        comments: false,
        // As the site and the embed: what the entry imports stays in it (rolldown/rolldown#10731); the
        // mode views otherwise moved the entry's hooks and engine into a chunk of their own.
        codeSplitting: { groups: [{ name: 'codeblanks', tags: ['$initial'] }] },
      },
    },
  },
});
