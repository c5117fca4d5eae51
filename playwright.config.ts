// Browser tests: real Chromium against the production build served by `vite preview`.
// Run them with `npm run test:e2e` (or `npm test`, which runs everything); that script finds a
// Chromium and passes it in as CHROME_PATH. Running `npx playwright test` directly works too, given
// CHROME_PATH=/usr/bin/chromium (or whatever `node scripts/find-chrome.mjs` prints).
//
// Projects and tags: every test runs in both `desktop` (1280x800, mouse) and `phone` (Pixel 7:
// 412x839 viewport, touch, isMobile) unless it carries a tag:
//   test('drags a token by touch', { tag: '@phone' }, ...)     phone project only
//   test('drags with the mouse', { tag: '@desktop' }, ...)     desktop project only
// A whole file or describe block can be tagged the same way: test.describe('...', { tag: '@phone' }, ...).
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROME_FLAGS } from './scripts/find-chrome.mjs';

const CI = Boolean(process.env.CI);
// The `preview` script's port (package.json) unless CODEBLANKS_E2E_PORT says otherwise: two checkouts
// running their browser tests at once each need their own server (a reused server would be the
// other checkout's build). --strictPort makes a clash loud.
const PORT = Number(process.env.CODEBLANKS_E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// No browser, no run: browser tests never skip silently.
const chromePath = process.env.CHROME_PATH;
if (!chromePath || !existsSync(chromePath)) {
  throw new Error(
    (chromePath ? `CHROME_PATH=${chromePath} does not exist.` : 'CHROME_PATH is not set.') +
      ' The browser tests need a Chromium: run them with `npm run test:e2e` (it finds or installs one),' +
      ' or set CHROME_PATH yourself, e.g. CHROME_PATH=/usr/bin/chromium npx playwright test.' +
      ' Debian: apt-get install -y chromium; elsewhere: npx playwright install chromium.',
  );
}

// scripts/test.mjs builds just before the browser tests and says so with CODEBLANKS_SKIP_BUILD=1;
// any other way in (a fresh clone, `npm run test:e2e`) builds here, so tests never see a stale dist.
const preview = `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`;
const serve = process.env.CODEBLANKS_SKIP_BUILD === '1' ? preview : `npm run build && ${preview}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: CI,
  // Robust waits (web-first assertions, waiting for a drop's visible result) instead of retries:
  // a flaky test should fail loudly and be fixed.
  retries: 0,
  workers: 2, // the project's machines have 2 cores
  reporter: 'list',
  // The whole suite took 10.7 minutes on 2 cores with 253 tests; tests a phone changes nothing in (the
  // studio, embed events and attributes, deep links, refused files) now run on desktop only (223 tests).
  // The cap stops a hung run well inside CI's 90 minutes, not a slow one.
  globalTimeout: CI ? 20 * 60_000 : undefined,
  use: {
    baseURL: BASE_URL,
    // Recording a trace costs every test time (a snapshot per action), and CI's log cannot show one:
    // on CI a failure leaves its screenshot and error context; locally the trace too.
    trace: CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromePath,
      args: CHROME_FLAGS,
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
      grepInvert: /@phone\b/,
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'] }, // Chromium-only descriptor: isMobile + hasTouch need Chromium
      grepInvert: /@desktop\b/,
    },
  ],
  webServer: {
    command: serve,
    url: `${BASE_URL}/`,
    reuseExistingServer: !CI,
    timeout: 180_000, // includes the production build when we do it here
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
