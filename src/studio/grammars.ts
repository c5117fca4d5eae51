/**
 * The solution parse in the studio (src/cli/solutions.ts, the validator's own code) with its browser
 * host. The runtime's .wasm is fetched when the first set with a parsable language is open, and each
 * grammar's .wasm (a build asset; the URLs below are only strings) when a set in its language is. The
 * learner's pages import none of this.
 *
 * web-tree-sitter's JavaScript (25 KB gzip) is part of the studio's chunk rather than a chunk of its
 * own: as its own chunk (CommonJS), the bundler moved its module helpers out of the site's entry into a
 * chunk every learner's page then loaded (+0.1 KB on the set page).
 */
import Parser from 'web-tree-sitter';
import runtime from 'web-tree-sitter/tree-sitter.wasm?url';
import bashUrl from 'tree-sitter-wasms/out/tree-sitter-bash.wasm?url';
import cUrl from 'tree-sitter-wasms/out/tree-sitter-c.wasm?url';
import cppUrl from 'tree-sitter-wasms/out/tree-sitter-cpp.wasm?url';
import cSharpUrl from 'tree-sitter-wasms/out/tree-sitter-c_sharp.wasm?url';
import cssUrl from 'tree-sitter-wasms/out/tree-sitter-css.wasm?url';
import elixirUrl from 'tree-sitter-wasms/out/tree-sitter-elixir.wasm?url';
import goUrl from 'tree-sitter-wasms/out/tree-sitter-go.wasm?url';
import htmlUrl from 'tree-sitter-wasms/out/tree-sitter-html.wasm?url';
import javaUrl from 'tree-sitter-wasms/out/tree-sitter-java.wasm?url';
import javascriptUrl from 'tree-sitter-wasms/out/tree-sitter-javascript.wasm?url';
import jsonUrl from 'tree-sitter-wasms/out/tree-sitter-json.wasm?url';
import kotlinUrl from 'tree-sitter-wasms/out/tree-sitter-kotlin.wasm?url';
import objcUrl from 'tree-sitter-wasms/out/tree-sitter-objc.wasm?url';
import ocamlUrl from 'tree-sitter-wasms/out/tree-sitter-ocaml.wasm?url';
import phpUrl from 'tree-sitter-wasms/out/tree-sitter-php.wasm?url';
import pythonUrl from 'tree-sitter-wasms/out/tree-sitter-python.wasm?url';
import rubyUrl from 'tree-sitter-wasms/out/tree-sitter-ruby.wasm?url';
import rustUrl from 'tree-sitter-wasms/out/tree-sitter-rust.wasm?url';
import scalaUrl from 'tree-sitter-wasms/out/tree-sitter-scala.wasm?url';
import solidityUrl from 'tree-sitter-wasms/out/tree-sitter-solidity.wasm?url';
import swiftUrl from 'tree-sitter-wasms/out/tree-sitter-swift.wasm?url';
import tomlUrl from 'tree-sitter-wasms/out/tree-sitter-toml.wasm?url';
import tsxUrl from 'tree-sitter-wasms/out/tree-sitter-tsx.wasm?url';
import typescriptUrl from 'tree-sitter-wasms/out/tree-sitter-typescript.wasm?url';
import zigUrl from 'tree-sitter-wasms/out/tree-sitter-zig.wasm?url';
import { solutionParser } from '../cli/solutions.ts';

// Every parser solutions.ts names (PARSERS, and html): grammars.test.ts keeps the two lists in step.
export const GRAMMAR_URLS: Readonly<Record<string, string>> = {
  bash: bashUrl,
  c: cUrl,
  cpp: cppUrl,
  c_sharp: cSharpUrl,
  css: cssUrl,
  elixir: elixirUrl,
  go: goUrl,
  html: htmlUrl,
  java: javaUrl,
  javascript: javascriptUrl,
  json: jsonUrl,
  kotlin: kotlinUrl,
  objc: objcUrl,
  ocaml: ocamlUrl,
  php: phpUrl,
  python: pythonUrl,
  ruby: rubyUrl,
  rust: rustUrl,
  scala: scalaUrl,
  solidity: solidityUrl,
  swift: swiftUrl,
  toml: tomlUrl,
  tsx: tsxUrl,
  typescript: typescriptUrl,
  zig: zigUrl,
};

/** The studio's parsers: each grammar fetched once per visit, identical solutions parsed once. */
export const browserParsers = solutionParser({
  runtime: async () => {
    // The runtime's own .wasm, where the build put it (the library would look beside the page).
    await Parser.init({ locateFile: () => runtime });
    return Parser;
  },
  locate: (name) => {
    const url = GRAMMAR_URLS[name];
    if (url === undefined) throw new Error(`No grammar is built for ${name}`);
    return url;
  },
});
