#!/usr/bin/env node
/**
 * `npm run validate`: runs src/cli/validate.ts from a bundle of it made once per change of the sources
 * (node_modules/.cache/codeblanks/), not through tsx. Loading the validator's TypeScript through tsx's
 * loader was most of every run (0.7 s of CPU for one file against 0.15 s from the bundle) and kept
 * `npm run validate` over 1,000 files above its 1 s budget (scripts/bench).
 *
 * The bundle is made with esbuild (which tsx brings); without it, the validator runs through tsx as it
 * always did. web-tree-sitter stays outside the bundle: it finds its .wasm beside its own file.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The bundle lives elsewhere: it is told where the exercises are (validate.ts's default folder).
process.env.CODEBLANKS_DEFAULT_EXERCISES ??= join(ROOT, 'exercises');

/** The newest modification time of the TypeScript under `dir`: the bundle is made again when it changes. */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) time = Math.max(time, newest(path));
    else if (/\.tsx?$/.test(entry.name)) time = Math.max(time, statSync(path).mtimeMs);
  }
  return time;
}

async function bundled() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const stamp = Math.round(Math.max(newest(join(ROOT, 'src')), statSync(join(ROOT, 'package-lock.json')).mtimeMs));
  const cache = join(ROOT, 'node_modules', '.cache', 'codeblanks');
  const file = join(cache, `validate-${stamp}.mjs`);
  if (existsSync(file)) return file;
  mkdirSync(cache, { recursive: true });
  const made = `${file}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [join(ROOT, 'src', 'cli', 'validate.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // ES module builds of the dependencies (jsonc-parser's UMD one requires files at run time).
    mainFields: ['module', 'main'],
    external: ['web-tree-sitter'],
    outfile: made,
    logLevel: 'silent',
  });
  // Renamed into place whole: two runs at once never read half a file.
  renameSync(made, file);
  for (const old of readdirSync(cache)) if (/^validate-\d+\.mjs$/.test(old) && join(cache, old) !== file) rmSync(join(cache, old), { force: true });
  return file;
}

const file = await bundled().catch(() => undefined);
if (file) await import(pathToFileURL(file).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/validate.ts');
}
