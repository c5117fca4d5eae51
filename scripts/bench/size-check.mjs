#!/usr/bin/env node
/**
 * The byte budgets alone, read from an existing build (no browser, about a second): the set page's JS+CSS,
 * the embed bundle's, the Today page's and each mode's chunk, gzip -9, against scripts/bench/budgets.mjs. Both count what a page loads to
 * show the seed set: the page's (or the embed entry's) files and their static imports, plus the lazy
 * grammar chunk of each language the set uses (lib/dist.mjs says how each is found). CI runs it right after the build
 * (scripts/test.mjs); `npm run bench` measures the same page in Chromium as well.
 *
 *   node scripts/bench/size-check.mjs [--dist dist] [--set oauth2-client-credentials] [--json]
 *
 * Exits 1, naming the budget, the size, the overshoot and the heaviest files, when a budget is missed or
 * a bundle is missing; 0 when both fit.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BYTE_BUDGETS, REPORTED_LINES, judge } from './budgets.mjs';
import { findEmbedBundle, kb, modeChunks, moduleGraph, setWeight, staticSetPage, todayPage, weigh } from './lib/dist.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_SET = 'oauth2-client-credentials';

/** The seed set as the build shipped it (dist/exercises/), else as authored (exercises/). */
function readSet(distDir, id) {
  for (const file of [join(distDir, 'exercises', `${id}.json`), join(ROOT, 'exercises', `${id}.json`)]) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  }
  throw new Error(`exercise set "${id}" not found in ${join(distDir, 'exercises')} or exercises/`);
}

/** Both byte figures from a build folder; an error for one figure is returned, not thrown. */
export function staticWeights({ root = ROOT, distDir = join(root, 'dist'), setId = SEED_SET } = {}) {
  const out = {};
  let set;
  try {
    if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${distDir}/index.html is missing: run npm run build first`);
    set = readSet(distDir, setId);
    out.setPage = staticSetPage(distDir, set);
  } catch (error) {
    out.setPageError = error.message;
  }
  try {
    const bundle = findEmbedBundle(distDir);
    // What a course page loads to show the set: the entry, its static imports and the set's grammars.
    const page = setWeight(bundle.dir, moduleGraph(bundle.dir, [bundle.entry]), set ?? readSet(distDir, setId));
    out.embed = { rule: bundle.rule, dir: bundle.dir, entry: bundle.entry, allFiles: weigh(bundle.dir, bundle.files).total, ...page };
  } catch (error) {
    out.embedError = error.message;
  }
  try {
    out.today = todayPage(distDir);
  } catch (error) {
    out.todayError = error.message;
  }
  try {
    out.modes = modeChunks(distDir);
  } catch (error) {
    out.modesError = error.message;
  }
  return out;
}

/** Every byte figure by budget id, from staticWeights' result. */
export function byteFigures(weights) {
  const figures = { 'weight.setPage': weights.setPage?.total, 'weight.embed': weights.embed?.initial, 'weight.today': weights.today?.total };
  for (const m of weights.modes ?? []) figures[`weight.mode.${m.mode}`] = m.gzip;
  return figures;
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const distDir = resolve(arg('dist', join(ROOT, 'dist')));
  // The embed is looked for in the site's build folder, in embed/ (findEmbedBundle).
  const weights = staticWeights({ root: dirname(distDir), distDir, setId: arg('set', SEED_SET) });
  const figures = byteFigures(weights);
  const errors = { 'weight.setPage': weights.setPageError, 'weight.embed': weights.embedError, 'weight.today': weights.todayError };
  const details = { 'weight.setPage': weights.setPage, 'weight.embed': weights.embed, 'weight.today': weights.today };
  for (const budget of BYTE_BUDGETS) {
    if (budget.id.startsWith('weight.mode.') && figures[budget.id] === undefined) errors[budget.id] = weights.modesError ?? `no chunk for the mode ${budget.id.slice(12)}`;
  }
  let failed = 0;
  for (const budget of BYTE_BUDGETS) {
    const verdict = judge(budget, figures[budget.id]);
    const detail = details[budget.id];
    if (verdict.ok) {
      console.log(`ok    ${budget.label}: ${kb(verdict.value)} (budget ${verdict.limit})`);
      continue;
    }
    failed++;
    if (errors[budget.id]) {
      console.log(`FAIL  ${budget.label}: not measured. ${errors[budget.id]}`);
      continue;
    }
    console.log(`FAIL  ${budget.label}: ${kb(verdict.value)} is over the budget ${verdict.limit} by ${verdict.over}.`);
    if (!detail) continue; // a mode's chunk: its file is named in the line above's label
    console.log('      Heaviest files (gzip -9):');
    for (const f of detail.files.slice(0, 5)) console.log(`        ${kb(f.gzip).padStart(9)}  ${f.file}`);
    console.log('      Run `npm run bench` for which packages and folders the bytes come from (docs/benchmarks.md).');
  }
  if (weights.setPage) {
    const p = weights.setPage;
    console.log(
      `      set page = ${kb(p.initial)} loaded up front + grammar chunks for ${p.languages.join(', ')} ` +
        `(${p.lazyLoaded.join(', ') || 'none lazy'}); with every lazy chunk: ${kb(p.worstCase)}`,
    );
  }
  if (weights.embed?.entry) {
    const e = weights.embed;
    console.log(
      `      embed = ${e.entry} and its imports ${kb(e.initial)}; a course page showing the seed set adds the grammar ` +
        `chunks for ${e.languages.join(', ')}: ${kb(e.total)} in all; every file in ${e.rule} together: ${kb(e.allFiles)}`,
    );
    // Reported, not a budget (see REPORTED_LINES in budgets.mjs for why).
    for (const line of REPORTED_LINES) {
      const verdict = judge(line, e.total);
      console.log(`      ${verdict.ok ? 'within' : 'over'} ${verdict.limit} (reported, not a budget) for ${line.label}: ${kb(e.total)}${verdict.ok ? '' : `, ${verdict.over}`}`);
    }
  }
  if (argv.includes('--json')) console.log(JSON.stringify({ figures, weights }, null, 2));
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
