// Lint: TypeScript's recommended rules, React hooks rules, and the import boundaries that keep the
// layers pointing one way: schema -> engine -> store -> hooks -> dnd/components -> app | embed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

const layer = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['src/components/code/prism-core.js' /* vendored from refractor, kept as written */, 'dist', 'dist-embed', 'node_modules', 'bench-results', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  // The bench's measuring code runs inside the page as well as in Node.
  { files: ['scripts/bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            layer('./src/schema', ['./src/studio', './src/engine', './src/store', './src/hooks', './src/dnd', './src/components', './src/app', './src/embed', './src/cli'], 'The schema is the bottom layer.'),
            layer('./src/engine', ['./src/studio', './src/store', './src/hooks', './src/dnd', './src/components', './src/app', './src/embed', './src/cli'], 'The engine is pure: it knows only the schema.'),
            layer('./src/store', ['./src/studio', './src/hooks', './src/dnd', './src/components', './src/app', './src/embed', './src/cli'], 'The store has no React.'),
            layer('./src/hooks', ['./src/studio', './src/dnd', './src/components', './src/app', './src/embed', './src/cli'], 'Hooks sit below the UI.'),
            layer('./src/components', ['./src/studio', './src/app', './src/embed', './src/cli'], 'Components never import a front door.'),
            layer('./src/dnd', ['./src/studio', './src/app', './src/embed', './src/cli'], 'The dnd layer never imports a front door.'),
            // A mode's view sits beside the components it reuses; the front doors load it through src/modes/registry.ts.
            layer('./src/modes', ['./src/studio', './src/app', './src/embed', './src/cli', './src/lms'], 'A mode never imports a front door.'),
            layer(['./src/schema', './src/engine', './src/store', './src/hooks', './src/components', './src/dnd'], ['./src/modes'], 'Only the front doors load modes (src/modes/registry.ts).'),
            layer('./src/app', ['./src/embed', './src/cli'], 'The site and the embed never import each other.'),
            layer('./src/embed', ['./src/app', './src/cli', './src/lms', './src/studio'], 'The site and the embed never import each other, nor the LMS packages\' runtime.'),
            layer('./src/app', ['./src/lms'], 'The site never imports the LMS packages\' runtime.'),
            layer('./src/lms', ['./src/app', './src/cli', './src/import', './src/export', './src/studio'], 'The LMS runtime is a front door beside the embed (it may use mount()); it never imports the site or the tools.'),
            layer(
              ['./src/schema', './src/engine', './src/store', './src/hooks', './src/components', './src/dnd', './src/app', './src/embed', './src/lms'],
              ['./src/export'],
              "The learner's page never imports the exporters (src/export): only the CLI does.",
            ),
            layer('./src/export', ['./src/store', './src/hooks', './src/dnd', './src/components', './src/app', './src/embed', './src/cli'], 'Exporters use the schema, the engine and the LMS runtime\'s shared config only.'),
            // The studio uses everything below it and the validator (src/cli/check-file.ts, pure); only the
            // site's router imports it, lazily, so the learner's pages never load it.
            layer('./src/studio', ['./src/app', './src/embed', './src/lms'], 'The studio is a page of the site: the site imports it, never the other way.'),
            layer(
              ['./src/schema', './src/engine', './src/store', './src/hooks', './src/components', './src/dnd', './src/app', './src/embed'],
              ['./src/import'],
              "The learner's page never imports the importers (src/import): only the CLI and the studio do.",
            ),
            layer('./src/import', ['./src/store', './src/hooks', './src/dnd', './src/components', './src/app', './src/embed', './src/cli'], 'Importers are pure converters over the schema and engine; only the CLI (and the studio) call them.'),
            layer('./src/cli', ['./src/studio', './src/store', './src/hooks', './src/dnd', './src/components', './src/app', './src/embed'], 'The validator uses the schema and engine only.'),
            layer('./src/components', ['./src/store/exercise-store.ts'], 'Components read state through hooks, never the store module.'),
          ],
        },
      ],
    },
  },
  {
    // The importers' tests check every output with the validator (src/cli/check-file.ts), as an author would.
    files: ['src/import/**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { zones: [layer('./src/import', ['./src/store', './src/hooks', './src/dnd', './src/components', './src/app', './src/embed'], 'Importers use the schema and engine only.')] },
      ],
    },
  },
  {
    // React, the DOM and dnd-kit stay out of the pure layers.
    files: ['src/schema/**', 'src/engine/**', 'src/store/**', 'src/cli/**', 'src/import/**', 'src/export/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@dnd-kit/*'], message: 'Pure layers import no React and no dnd-kit.' }] }],
    },
  },
  {
    files: ['src/schema/**', 'src/engine/**'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'fetch'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The engine is deterministic: use seededRandom.' },
        { object: 'Date', property: 'now', message: 'The engine is deterministic: take time as an argument.' },
      ],
    },
  },
  {
    // Only src/dnd talks to @dnd-kit; the importers' zip and XML readers stay off the learner's page.
    files: ['src/**'],
    ignores: ['src/dnd/**', 'src/schema/**', 'src/engine/**', 'src/store/**', 'src/cli/**', 'src/import/**', 'src/export/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@dnd-kit/*'], message: 'Only src/dnd imports @dnd-kit.' },
            { group: ['fflate', 'fast-xml-parser'], message: 'Zip and XML readers belong to the importers (src/import), never the learner\'s page.' },
          ],
        },
      ],
    },
  },
);
