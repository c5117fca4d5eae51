// `npm run test:e2e`: the browser tests in real Chromium against the production build.
//
//   npm run test:e2e                         build, serve with `vite preview`, run every test
//   npm run test:e2e -- e2e/smoke.spec.ts    extra arguments go to `playwright test` as they are
//   npm run test:e2e -- --project=phone --headed
//
// It finds a Chromium (installing one if needed, see find-chrome.mjs), hands it to
// playwright.config.ts through CHROME_PATH, and exits with Playwright's exit code.
// scripts/test.mjs sets CODEBLANKS_SKIP_BUILD=1 after its own build step so `npm test` builds once.
import process from 'node:process';
import console from 'node:console';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { findChrome } from './find-chrome.mjs';

let chrome;
try {
  chrome = findChrome();
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
console.log(`e2e: Chromium at ${chrome}`);

// `npx playwright test`, run as `node <@playwright/test cli> test` so there is no npx or shell
// between us and Playwright: signals reach it directly and its webServer ends with it.
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const child = spawn(process.execPath, [cli, 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});

// Ctrl-C reaches the whole process group, Playwright included: wait for it to tidy up and report.
// A SIGTERM or SIGHUP (a CI timeout) reaches only us, so pass it on.
process.on('SIGINT', () => {});
for (const signal of ['SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => {
  console.error(`e2e: could not start Playwright: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
