// `npm test`: every check a change must pass, in the order that fails fastest, stopping at the
// first failure. CI runs exactly this (.ci/run), so a green `npm test` locally means a green CI.
//
//   1 typecheck      npm run typecheck   (tsc -p .)
//   2 lint           npm run lint        (eslint .)
//   3 unit tests     npm run test:unit   (vitest run: unit and component tests)
//   4 exercises      npm run validate    (every exercise set parses and grades)
//   5 build          npm run build       (the production build the browser tests serve)
//   6 size budget    scripts/bench/size-check.mjs (deterministic byte budgets)
//   7 browser tests  scripts/e2e.mjs     (Playwright in real Chromium; reuses the build from step 5)
//
// The size budget runs before the browser tests, not after: it needs only the build, takes a
// second, and a blown budget should not wait behind a minute of browsers.
// The last line of output is `N passed, N failed` (counting steps); the exit code is 0 only if
// every step ran and passed.
import process from 'node:process';
import console from 'node:console';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
process.chdir(root);

// Run package scripts with the npm that started us (npm sets npm_execpath), so there is no shell
// and no npm.cmd lookup on Windows; fall back to `npm` on PATH when run as `node scripts/test.mjs`.
const npmCli = process.env.npm_execpath;
const npm = (script) =>
  npmCli && /\.[cm]?js$/.test(npmCli)
    ? [process.execPath, [npmCli, 'run', script]]
    : ['npm', ['run', script]];
const node = (file) => [process.execPath, [file]];

const sizeCheck = join('scripts', 'bench', 'size-check.mjs');

/** @type {{ name: string, what: string, cmd: [string, string[]], env?: Record<string, string> }[]} */
const steps = [
  { name: 'typecheck', what: 'tsc -p .', cmd: npm('typecheck') },
  { name: 'lint', what: 'eslint .', cmd: npm('lint') },
  { name: 'unit tests', what: 'vitest run', cmd: npm('test:unit') },
  { name: 'exercises', what: 'validate every exercise set', cmd: npm('validate') },
  { name: 'build', what: 'vite build (production)', cmd: npm('build') },
  { name: 'size budget', what: sizeCheck, cmd: node(sizeCheck) },
  {
    name: 'browser tests',
    what: 'Playwright in Chromium, desktop and phone',
    cmd: node(join('scripts', 'e2e.mjs')),
    env: { CODEBLANKS_SKIP_BUILD: '1' }, // step 5 just built dist/
  },
];

/** Runs one command with our stdio; resolves to its exit code (signals count as failure). */
function run([cmd, args], extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    child.on('error', (error) => {
      console.error(`Could not start ${cmd}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

// Ctrl-C reaches the running step too; let it finish failing so the summary still prints.
process.on('SIGINT', () => {});

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const results = [];
const started = Date.now();


for (const [index, step] of steps.entries()) {
  console.log(`\n=== [${index + 1}/${steps.length}] ${step.name}: ${step.what} ===\n`);
  const t0 = Date.now();
  const code = await run(step.cmd, step.env);
  results.push({ ...step, code, ms: Date.now() - t0 });
  if (code !== 0) break;
}

const passed = results.filter((r) => r.code === 0).length;
const failed = results.length - passed;
const notRun = steps.slice(results.length);

console.log(`\n=== Summary (${seconds(Date.now() - started)}) ===`);
for (const r of results) {
  console.log(`  ${r.code === 0 ? 'ok  ' : 'FAIL'}  ${r.name.padEnd(14)} ${seconds(r.ms).padStart(7)}${r.code === 0 ? '' : `  (exit ${r.code})`}`);
}
for (const s of notRun) console.log(`  --    ${s.name.padEnd(14)}  not run`);
if (failed > 0) console.log(`\nFirst failure: ${results.at(-1).name}. Rerun it alone with: ${rerun(results.at(-1))}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && notRun.length === 0 ? 0 : 1);

function rerun(step) {
  if (step.name === 'browser tests') return 'npm run test:e2e';
  if (step.name === 'size budget') return `node ${sizeCheck}`;
  const [, args] = step.cmd;
  return `npm run ${args.at(-1)}`;
}
