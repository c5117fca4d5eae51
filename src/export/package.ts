/**
 * Builds an LMS package for a set: index.html (the set and the package's settings inline as JSON),
 * the runtime (vite.lms.config.ts, built in memory) with only the chunks this set needs (its
 * languages' grammars, its mode's view; cmi5's client for a cmi5 package), and the descriptor the LMS reads (with the
 * XSD files it names, for SCORM 1.2 always and 2004 when asked). Every URL
 * is relative and nothing comes from a CDN, so the zip runs from wherever the LMS serves it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { build, type Rollup } from 'vite';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { PLAIN_NAMES, resolveLanguage } from '../schema/languages.ts';
import { CONFIG_ID, type PackageConfig, type PackageFormat } from '../lms/config.ts';
import { cmi5CourseStructure, scorm12Manifest, scorm2004Manifest, type PackageInfo } from './manifest.ts';

export interface PackageOptions {
  readonly format: PackageFormat;
  readonly mode: string;
  /** Attempts per task for every task; the set's own when absent. */
  readonly attempts?: number;
  readonly mastery: number;
  /** Ship the format's XSD files (and name them in the manifest): SCORM 1.2 always does; 2004 when true (about +21 KB zipped). */
  readonly xsd?: boolean;
}

/** The XSD files a SCORM package carries at its root, name -> bytes (src/export/xsd/PROVENANCE.md says where they come from). */
function schemaFiles(format: 'scorm12' | 'scorm2004'): Record<string, Uint8Array> {
  const dir = join(ROOT, 'src/export/xsd', format);
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
}

type Chunk = Rollup.OutputChunk;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let runtime: Promise<readonly Chunk[]> | undefined;

/** The runtime's chunks, built once per process. */
async function runtimeChunks(): Promise<readonly Chunk[]> {
  runtime ??= (async () => {
    // A production build whoever calls (vitest sets NODE_ENV=test, which gives React's JSX its dev runtime).
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const result = await build({ configFile: `${ROOT}vite.lms.config.ts`, root: ROOT, mode: 'production', logLevel: 'warn' });
      const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
      return outputs.flatMap((o) => o.output).filter((o): o is Chunk => o.type === 'chunk');
    } finally {
      // (Assigning undefined would store the string "undefined".)
      if (env === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = env;
    }
  })();
  return runtime;
}

/** The chunks a package needs: the entry and what it imports, plus the lazy chunks `wanted` picks, with theirs. */
export function pickChunks(chunks: readonly Chunk[], wanted: (moduleId: string) => boolean): Chunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const picked = new Set<Chunk>();
  const add = (chunk: Chunk | undefined) => {
    if (!chunk || picked.has(chunk)) return;
    picked.add(chunk);
    chunk.imports.forEach((name) => add(byName.get(name)));
    chunk.dynamicImports.forEach((name) => {
      const lazy = byName.get(name);
      if (lazy?.facadeModuleId && wanted(lazy.facadeModuleId)) add(lazy);
    });
  };
  chunks.filter((c) => c.isEntry).forEach(add);
  return [...picked];
}

/** A grammar chunk's name: refractor's grammar, or the facade the highlighter loads it through. */
const grammarOf = (moduleId: string | null | undefined): string | undefined => {
  const match = /\/(?:components\/code\/facades\/([a-z0-9_-]+)\.ts|refractor\/lang\/([a-z0-9_-]+)\.js)$/.exec(moduleId ?? '');
  return match?.[1] ?? match?.[2];
};
const TABLE = /\/components\/code\/grammars\.ts$/;

/**
 * Which lazy modules a set's package loads: its languages' grammars (and the table of names, when a
 * language is named by an alias the highlighter does not load directly), cmi5's client for cmi5; not
 * the French table, the embed's xAPI or the iframe page's height reporting.
 */
export function neededModules(chunks: readonly Chunk[], set: ExerciseSet, format: PackageFormat, mode = 'practice'): (moduleId: string) => boolean {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  // The grammars the highlighter imports by name, without the table.
  const direct = new Set(
    chunks
      .filter((c) => !TABLE.test(c.facadeModuleId ?? ''))
      .flatMap((c) => c.dynamicImports.map((name) => grammarOf(byName.get(name)?.facadeModuleId)))
      .filter((name): name is string => name !== undefined),
  );
  const written = set.tasks.map((t) => t.language.trim().toLowerCase());
  const needsTable = written.some((name) => !direct.has(name) && !PLAIN_NAMES.includes(name));
  const grammars = new Set(written.map((name) => resolveLanguage(name) ?? name));
  return (id) => {
    const grammar = grammarOf(id);
    if (grammar) return grammars.has(grammar);
    if (TABLE.test(id)) return needsTable;
    if (id.endsWith('/src/lms/cmi5.ts')) return format === 'cmi5';
    // A mode other than practice: the registry and that mode's own view, not the other modes'.
    if (id.includes('/src/modes/')) return mode !== 'practice' && (id.endsWith('/src/modes/registry.ts') || id.includes(`/src/modes/${mode}/`));
    // Nor the validator: the set was validated here, and the runtime mounts it as it is (prevalidated).
    return !/\/src\/(i18n\/fr|embed\/xapi|embed\/frame|store\/fetch-set)\.ts$/.test(id);
  };
}

/** The set as the package runs it: the package's attempts replace the set's and the tasks' own. */
export function withAttempts(set: ExerciseSet, attempts: number | undefined): ExerciseSet {
  if (attempts === undefined) return set;
  return { ...set, maxAttempts: attempts, tasks: set.tasks.map(({ maxAttempts: _ignored, ...task }) => task) };
}

const json = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The page an LMS opens. The exercise titles itself at level 2, so the page's own h1 names the set for screen readers. */
export function indexHtml(config: PackageConfig, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(config.set.title)}</title>
<style>body{margin:0;padding:1rem;font-family:system-ui,sans-serif}.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}</style>
</head>
<body>
<main>
<h1 class="sr">${esc(config.set.title)}</h1>
<div id="codeblanks"></div>
</main>
<script type="application/json" id="${CONFIG_ID}">${json(config)}</script>
<script type="module" src="${script}"></script>
</body>
</html>
`;
}

/** The package's files, name -> bytes; zip them with `zipPackage`. */
export async function packageFiles(set: ExerciseSet, options: PackageOptions): Promise<Record<string, Uint8Array>> {
  const all = await runtimeChunks();
  const chunks = pickChunks(all, neededModules(all, set, options.format, options.mode));
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('the LMS runtime build has no entry chunk');
  const config: PackageConfig = { format: options.format, mode: options.mode, mastery: options.mastery, set: withAttempts(set, options.attempts) };
  const files: Record<string, Uint8Array> = { 'index.html': strToU8(indexHtml(config, entry.fileName)) };
  for (const chunk of chunks) files[chunk.fileName] = strToU8(chunk.code);
  const format = options.format;
  const schemas = format === 'scorm12' || (format === 'scorm2004' && options.xsd === true);
  const info: PackageInfo = { id: set.id, title: set.title, description: `${set.subject}: ${set.tasks.length} fill-in-the-blank code tasks`, files: Object.keys(files), mastery: options.mastery, schemas };
  if (options.format === 'scorm12') files['imsmanifest.xml'] = strToU8(scorm12Manifest(info));
  else if (options.format === 'scorm2004') files['imsmanifest.xml'] = strToU8(scorm2004Manifest(info));
  else files['cmi5.xml'] = strToU8(cmi5CourseStructure(info));
  // The control documents sit at the zip's root beside the manifest; they are not the SCO's files.
  if (format !== 'cmi5' && schemas) Object.assign(files, schemaFiles(format));
  return files;
}

export function zipPackage(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
}
