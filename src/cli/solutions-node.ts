/**
 * The solution parse in Node (`npm run validate`, the dev server's and the build's checks): web-tree-sitter
 * and the grammars read from node_modules. The parsing itself is solutions.ts, shared with the studio.
 */
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import Parser from 'web-tree-sitter';
import type { SourceFile } from './check-file.ts';
import { checkSolutions as checkWith, solutionParser, validateFiles as validateWith } from './solutions.ts';

// WebAssembly compiled by V8's baseline compiler only. With its optimising tier on, each grammar loaded
// waited for the optimised compile of the ones before it in the background (1.9 s for the 98 KB CSS
// grammar after TypeScript's and Rust's on a 2-core machine, the bundled sets' check took 6 s); the
// baseline code parses a solution in well under a millisecond all the same. Read when a module is
// compiled, so setting it before the first grammar is loaded is enough.
setFlagsFromString('--liftoff-only');

const require = createRequire(import.meta.url);

/** This process's parsers: each grammar loaded once, identical solutions parsed once. */
export const nodeParsers = solutionParser({
  runtime: () => Parser.init().then(() => Parser),
  locate: (name) => require.resolve(`tree-sitter-wasms/out/tree-sitter-${name}.wasm`),
});

/** checkSolutions (solutions.ts) with the grammars in node_modules. */
export const checkSolutions = (files: readonly SourceFile[]) => checkWith(files, nodeParsers);

/** validateFiles (solutions.ts) with the grammars in node_modules: what `npm run validate` prints. */
export const validateFiles = (files: readonly SourceFile[]) => validateWith(files, nodeParsers);
