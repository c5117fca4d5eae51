#!/usr/bin/env node
/**
 * `npm run bench`: builds the production site and embed, measures them, prints ONE table and writes it as
 * JSON to bench-results/latest.json. `npm run bench:check` does the same and exits 1 when a budget in
 * scripts/bench/budgets.mjs is missed (or could not be measured).
 *
 *   node --import tsx scripts/bench/run.mjs [--check] [--skip-build] [--only weight,load,interaction,authoring]
 *                              [--lh-runs 3] [--record]
 *
 * --skip-build  measure the dist/ already there;  --only  run some sections (the rest show n/a);
 * --lh-runs     Lighthouse runs per page (median kept);  --record  also rewrite the table in
 * docs/benchmarks.md between its bench:table markers.
 *
 * Sections, one after the other so they never share the 2 cores: build -> static weights and byte
 * attribution -> the set page's fetched weight in Chromium -> Lighthouse -> stress sets at 4x CPU ->
 * the validator. The build is copied to a temp folder first, so a teammate's build into dist/ during
 * the run cannot change what is measured; the preview server is Vite's preview() on a free port and ends
 * with this process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { verdicts, tableRows, markdownTable } from './lib/table.mjs';
import { CHROME_FLAGS, chromePath, chromeVersion } from './lib/chrome.mjs';
import { staticWeights, SEED_SET } from './size-check.mjs';
import { attributeBuild, buildConfigs, mergeGroups } from './lib/attribute.mjs';
import { servePreview } from './lib/server.mjs';
import { fetchedWeight } from './lib/weight.mjs';
import { runLighthouse } from './lib/lighthouse.mjs';
import { measureInteraction } from './lib/interaction.mjs';
import { measureTypedKeystrokes } from './lib/typed-keystroke.mjs';
import { stressSet, STRESS_SIZES } from './lib/generate-sets.mjs';
import { measureOrder, orderStressSet } from './lib/order.mjs';
import { measureToday } from './lib/today.mjs';
import { benchValidator } from './lib/validator.mjs';
import { addSets, discoverSetRoute } from './lib/site.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.split('=')[1] : i >= 0 ? argv[i + 1] : fallback;
};
const ONLY = new Set(option('only', 'weight,load,interaction,authoring').split(','));
const LH_RUNS = Number(option('lh-runs', '3'));
const started = Date.now();
const log = (message) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return r.status === 0 ? r.stdout.trim() : null;
}

function machine(chrome) {
  const pkg = (name) => {
    try {
      return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  const dirty = sh('git', ['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    // Other work on the machine moves every timing: the 1-minute load average when the bench started.
    loadAverageAtStart: Math.round(loadavg()[0] * 100) / 100,
    os: existsSync('/etc/debian_version') ? `Debian ${readFileSync('/etc/debian_version', 'utf8').trim()}` : process.platform,
    node: process.version,
    chromium: chrome ? chromeVersion(chrome) : null,
    chromePath: chrome,
    lighthouse: pkg('lighthouse'),
    playwrightCore: pkg('playwright-core'),
    vite: pkg('vite'),
    commit: sh('git', ['rev-parse', '--short', 'HEAD']),
    uncommittedFiles: dirty === null ? null : dirty.split('\n').filter(Boolean).length,
  };
}

const results = { errors: {} };
async function section(name, fn) {
  const t0 = Date.now();
  try {
    return await fn();
  } catch (error) {
    results.errors[name] = error.message.split('\n')[0];
    log(`${name} FAILED: ${error.stack ?? error.message}`);
    return undefined;
  } finally {
    (results.timings ??= {})[name] = Date.now() - t0;
  }
}

async function main() {
  let chrome = null;
  try {
    chrome = chromePath();
  } catch (error) {
    results.errors.chrome = error.message;
  }
  results.meta = machine(chrome);
  log(`${results.meta.nproc} cores, ${results.meta.cpu}, Node ${results.meta.node}, ${results.meta.chromium}`);

  if (!flag('skip-build')) {
    log('npm run build');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (build.status !== 0) {
      console.error(`${build.stdout}\n${build.stderr}`);
      throw new Error(`npm run build failed (exit ${build.status}): nothing to measure`);
    }
  }
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('dist/index.html is missing: the build wrote no site');

  // A private copy of the build: measurements never race a teammate's build into dist/.
  const work = mkdtempSync(join(tmpdir(), 'codeblanks-bench-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  process.on('exit', cleanup);
  const site = join(work, 'dist');
  cpSync(join(ROOT, 'dist'), site, { recursive: true });

  results.weight = {};
  if (ONLY.has('weight')) {
    log('weights from the build, and which sources the bytes come from');
    results.weight.static = staticWeights({ root: work, distDir: site });
    results.weight.attribution = await section('attribution', async () => {
      // One source-mapped rebuild per config the build script runs (site, then embed), in temp folders.
      const chunks = {};
      for (const [i, configFile] of buildConfigs(ROOT).entries()) {
        Object.assign(chunks, await attributeBuild({ root: ROOT, configFile, outDir: join(work, `attribution-${i}`) }));
      }
      const js = (list) => (list ?? []).map((f) => f.file).filter((f) => f.endsWith('.js'));
      return {
        setPage: mergeGroups(chunks, js(results.weight.static.setPage?.files)),
        embed: mergeGroups(chunks, js(results.weight.static.embed?.files)),
        chunks,
      };
    });
  }

  const route = await section('route', () => discoverSetRoute(ROOT));
  // The stress sets go into a second copy, so the catalogue that Lighthouse loads is the real one.
  const stress = STRESS_SIZES.map((size) => stressSet(size));
  // Line order (Parsons problems): 40 lines and 10 distractors, on the set's line-order page.
  const orderSet = orderStressSet({ lines: 40, distractors: 10 });
  const stressSite = join(work, 'dist-stress');
  cpSync(site, stressSite, { recursive: true });
  await section('stress-sets', () => addSets(ROOT, stressSite, [...stress, orderSet]));

  // A course page that embeds the seed set, for the embed's fetched weight (the bundle as the build laid it out).
  const embedHost = await section('embed-host', () => {
    const embed = results.weight.static?.embed;
    if (!embed?.entry) return null;
    const src = embed.entry;
    writeFileSync(
      join(site, 'bench-embed-host.html'),
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>A course page</title>\n` +
        `<script type="module" src="${src}"></script></head>\n` +
        `<body><main><h1>A course page</h1><code-blanks src="exercises/${SEED_SET}.json"></code-blanks></main></body></html>\n`,
    );
    return 'bench-embed-host.html';
  });

  const server = await servePreview({ root: ROOT, outDir: site });
  log(`preview at ${server.url}`);
  const launch = () => chromium.launch({ executablePath: chrome, args: CHROME_FLAGS });
  try {
    if (ONLY.has('weight') && route && chrome) {
      results.weight.fetched = await section('weight', async () => {
        log('set page weight as fetched by Chromium');
        const browser = await launch();
        try {
          return await fetchedWeight(browser, route.setUrl(server.url, SEED_SET), (page) =>
            page.getByRole('region', { name: 'Task 1', exact: true }).waitFor({ timeout: 30_000 }),
          );
        } finally {
          await browser.close();
        }
      });
    }
    if (ONLY.has('weight') && chrome && embedHost) {
      results.weight.embedFetched = await section('embed-weight', async () => {
        log('embed weight as fetched by a course page with one <code-blanks>');
        const browser = await launch();
        try {
          return await fetchedWeight(browser, `${server.url}${embedHost}`, (page) =>
            page.getByRole('region', { name: 'Task 1', exact: true }).waitFor({ timeout: 30_000 }),
          );
        } finally {
          await browser.close();
        }
      });
    }
    if (ONLY.has('load') && route && chrome) {
      results.lighthouse = await section('lighthouse', async () => {
        log(`Lighthouse, ${LH_RUNS} run(s) per page`);
        mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
        return runLighthouse(
          [
            { name: 'catalogue', url: server.url },
            { name: 'set', url: route.setUrl(server.url, SEED_SET) },
          ],
          { chromePath: chrome, runs: LH_RUNS, outDir: join(ROOT, 'bench-results') },
        );
      });
    }
  } finally {
    await server.close();
  }
  if (ONLY.has('interaction') && route && chrome && !results.errors['stress-sets']) {
    const stressServer = await servePreview({ root: ROOT, outDir: stressSite });
    try {
      results.interaction = await section('interaction', async () => {
        const browser = await launch();
        try {
          const out = [];
          for (const set of stress) {
            log(`interaction: ${set.id} at 4x CPU`);
            out.push(await measureInteraction(browser, { url: route.setUrl(stressServer.url, set.id), set, log }));
          }
          log(`interaction: ${orderSet.id} (line order) at 4x CPU`);
          const url = route.setUrl(stressServer.url, orderSet.id);
          results.order = await measureOrder(browser, { url: `${url}${url.includes('?') ? '&' : '?'}mode=order`, set: orderSet, log }).catch((error) => ({
            set: orderSet.id,
            problems: [`not measured: ${error.message.split('\n')[0]}`],
          }));
          return out;
        } finally {
          await browser.close();
        }
      });
      // Type it with the 50-blank set: every blank a text box, each keystroke a store update.
      results.typed = await section('typed', async () => {
        const browser = await launch();
        const set = stress.find((s) => Object.keys(s.tasks[0].answers).length === 50) ?? stress[0];
        try {
          log(`typed: ${set.id} in Type it at 4x CPU`);
          return await measureTypedKeystrokes(browser, { url: `${route.setUrl(stressServer.url, set.id)}&mode=typed`, set, log });
        } finally {
          await browser.close();
        }
      });
      // The Today page with 5,000 flashcards and 500 reviewable tasks stored.
      results.today = await section('today', async () => {
        const browser = await launch();
        try {
          log('today: /today with 5,000 cards stored at 4x CPU');
          return await measureToday(browser, { url: `${stressServer.url}today`, log });
        } finally {
          await browser.close();
        }
      });
    } finally {
      await stressServer.close();
    }
  }

  if (ONLY.has('authoring')) {
    results.authoring = await section('authoring', () => {
      log('npm run validate over 1,000 generated files');
      return benchValidator({ root: ROOT, work });
    });
  }

  results.route = route?.rule;
  results.meta.loadAverageAtEnd = Math.round(loadavg()[0] * 100) / 100;
  results.verdicts = verdicts(results);
  results.rows = tableRows(results);
  const table = markdownTable(results.rows);
  const m = results.meta;
  const header = `codeblanks bench, ${m.date.slice(0, 16).replace('T', ' ')} UTC, commit ${m.commit}${m.uncommittedFiles ? ` + ${m.uncommittedFiles} uncommitted files` : ''}: ${m.nproc} cores (${m.cpu}), ${m.chromium}, Node ${m.node}; load average ${m.loadAverageAtStart} at start, ${m.loadAverageAtEnd} at end`;
  // The load when we started is other work; the load at the end includes our own browsers.
  const busy = m.loadAverageAtStart > m.nproc;
  const warning = busy ? `\nWARNING: the machine was busy (load average ${m.loadAverageAtStart} on ${m.nproc} cores when the bench started): timings and Lighthouse scores are inflated; rerun on a quiet machine before trusting a miss.\n` : '';
  console.log(`\n${header}\n${warning}\n${table}\n`);
  const misses = results.verdicts.filter((x) => !x.ok);
  console.log(misses.length ? `Budget misses (${misses.length}): ${misses.map((x) => `${x.label} ${x.over}`).join('; ')}` : 'Every budget met.');
  if (Object.keys(results.errors).length) console.log(`Sections that failed: ${Object.entries(results.errors).map(([k, v]) => `${k}: ${v}`).join('; ')}`);

  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-results', 'latest.json'), `${JSON.stringify({ ...results, header, busy, table }, null, 2)}\n`);
  log(`wrote bench-results/latest.json (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);

  if (flag('record')) recordInDocs(warning ? `${header}\n${warning.trim()}` : header, table, misses);

  if (flag('check')) return misses.length ? 1 : 0;
  return Object.keys(results.errors).length ? 1 : 0;
}

/** Rewrites the table between the markers in docs/benchmarks.md (only with --record). */
function recordInDocs(header, table, misses) {
  const file = join(ROOT, 'docs', 'benchmarks.md');
  const start = '<!-- bench:table:start -->';
  const end = '<!-- bench:table:end -->';
  if (!existsSync(file)) return log('docs/benchmarks.md is missing: not recorded');
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) return log('docs/benchmarks.md has no bench:table markers: not recorded');
  const missText = misses.length ? misses.map((x) => `- ${x.label}: ${x.over}`).join('\n') : '- none';
  const body = `${start}\n${header}\n\n${table}\n\nBudget misses:\n${missText}\n${end}`;
  writeFileSync(file, doc.slice(0, a) + body + doc.slice(b + end.length));
  log('recorded the table in docs/benchmarks.md');
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  },
);
