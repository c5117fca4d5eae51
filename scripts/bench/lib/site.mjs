/**
 * How the site is reached, read from its source rather than assumed, so the bench follows the app:
 *   - the set page's address: `?set=<id>` when src/app reads the `set` query parameter, `#/set/<id>`
 *     when it routes on the hash, `/set/<id>` when it routes on the path;
 *   - where sets come from: fetched at run time when the build holds an exercises/ folder (then the
 *     bench adds its generated sets to a copy of it, and rewrites the copy's exercises/index.json with the
 *     build's own catalogue function, since the site opens only the sets its catalogue lists); otherwise
 *     the site bundles them and the bench cannot add any without a hook in the app, which it says.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

function appSource(root) {
  const dir = join(root, 'src', 'app');
  if (!existsSync(dir)) throw new Error('src/app does not exist: the site is not there to measure yet');
  return readdirSync(dir, { recursive: true })
    .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/** { rule, setUrl(base, id) } for the learner page of a set. */
export function discoverSetRoute(root) {
  const src = appSource(root);
  if (/\.get\(\s*['"`]set['"`]\s*\)/.test(src)) {
    return { rule: '?set=<id> (src/app reads the "set" query parameter)', setUrl: (base, id) => `${base}?set=${encodeURIComponent(id)}` };
  }
  if (src.includes('#/set/')) {
    return { rule: '#/set/<id> (src/app routes on the hash)', setUrl: (base, id) => `${base}#/set/${encodeURIComponent(id)}` };
  }
  if (/['"`]\/set\//.test(src)) {
    return { rule: '/set/<id> (src/app routes on the path)', setUrl: (base, id) => `${base}set/${encodeURIComponent(id)}` };
  }
  throw new Error('Could not find the set page route in src/app (looked for ?set=, #/set/ and /set/): teach scripts/bench/lib/site.mjs the new one');
}

/** The folder of the built site that serves sets at run time, or an error that says what is needed. */
export function exercisesFolder(distDir) {
  const dir = join(distDir, 'exercises');
  if (existsSync(dir)) return dir;
  throw new Error(
    'The build has no exercises/ folder, so the site must bundle its sets at build time and the bench cannot ' +
      'add its stress sets to it. Needed from the site: fetch sets from exercises/<id>.json at run time (as it did), ' +
      'or honour an env var such as CODEBLANKS_EXTRA_EXERCISES=<folder> at build time.',
  );
}

/**
 * Adds sets to a built site's exercises/ folder (a copy, never dist/ itself). When the build ships a
 * catalogue (exercises/index.json), it is rebuilt with `buildCatalogue` from scripts/exercises-plugin.ts,
 * the very function the build used, so the added sets are listed exactly as authored ones would be.
 */
export async function addSets(root, distDir, sets) {
  const dir = exercisesFolder(distDir);
  for (const set of sets) writeFileSync(join(dir, `${set.id}.json`), JSON.stringify(set));
  const index = join(dir, 'index.json');
  if (!existsSync(index)) return { catalogue: false };
  const plugin = join(root, 'scripts', 'exercises-plugin.ts');
  const mod = existsSync(plugin) ? await tsImport(pathToFileURL(plugin).href, import.meta.url) : {};
  if (typeof mod.buildCatalogue !== 'function') {
    throw new Error('The build ships exercises/index.json but scripts/exercises-plugin.ts exports no buildCatalogue(dir): the bench cannot list its stress sets');
  }
  const catalogue = mod.buildCatalogue(dir);
  for (const set of sets) {
    const entry = catalogue.find((e) => e.file === `${set.id}.json`);
    if (!entry || entry.problems) throw new Error(`the catalogue rejects the generated set ${set.id}: ${entry?.problems?.join('; ') ?? 'not listed'}`);
  }
  writeFileSync(index, JSON.stringify(catalogue));
  return { catalogue: true };
}
