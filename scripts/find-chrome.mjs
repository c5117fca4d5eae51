// Finds a Chromium executable for the browser tests and screenshots, installing one if the machine
// has none. Browser tests never skip: when no browser can be found or installed, findChrome throws
// an Error that says what to install and how to point us at it.
//
//   import { findChrome } from './find-chrome.mjs';   // returns an absolute path
//   node scripts/find-chrome.mjs                      // prints the path, exit 1 with the reason if none
//
// Order: $CHROME_PATH, then chromium / chromium-browser / google-chrome on PATH, then the browser
// Playwright downloaded (playwright-core's chromium.executablePath()), then an install: apt-get on
// Debian as root, `playwright install chromium` elsewhere.
// CODEBLANKS_NO_INSTALL=1 turns the install off (to test the failure path, or on machines where
// installing is not ours to do).
import process from 'node:process';
import console from 'node:console';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Executable names we accept on PATH, best first. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Usual install locations that are often not on PATH (a developer's laptop). */
const WELL_KNOWN = {
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    join(process.env.PROGRAMFILES ?? 'C:\\Program Files', 'Google\\Chrome\\Application\\chrome.exe'),
    join(process.env.LOCALAPPDATA ?? '', 'Chromium\\Application\\chrome.exe'),
  ],
};

function isExecutableFile(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Our own `command -v`: walks PATH without a shell. */
function onPath(name) {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext);
      if (isExecutableFile(file)) return file;
    }
  }
  return undefined;
}

function playwrightBrowser() {
  try {
    const { chromium } = require('playwright-core');
    const file = chromium.executablePath();
    return file && isExecutableFile(file) ? file : undefined;
  } catch {
    return undefined; // playwright-core missing or the platform unsupported: not a browser either way
  }
}

/**
 * Flags that keep headless Chromium quiet and self-contained on a closed network and in containers
 * (shared/TOOLCHAIN.md). Playwright makes its own profile: never add --user-data-dir here.
 */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Looks without installing; returns the path and where it came from, or undefined. */
export function locateChrome({ warn = (msg) => console.warn(msg) } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    const file = isAbsolute(fromEnv) ? fromEnv : resolve(fromEnv);
    if (isExecutableFile(file)) return { path: file, source: 'CHROME_PATH' };
    warn(`find-chrome: CHROME_PATH=${fromEnv} is not an executable file; looking elsewhere.`);
  }
  for (const name of PATH_NAMES) {
    const file = onPath(name);
    if (file) return { path: file, source: `${name} on PATH` };
  }
  for (const file of WELL_KNOWN[process.platform] ?? []) {
    if (isExecutableFile(file)) return { path: file, source: 'standard install location' };
  }
  const downloaded = playwrightBrowser();
  if (downloaded) return { path: downloaded, source: "Playwright's downloaded browser" };
  return undefined;
}

function run(cmd, args, env = process.env) {
  console.error(`find-chrome: running: ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (result.error) console.error(`find-chrome: could not run ${cmd}: ${result.error.message}`);
  return result.status === 0;
}

function isDebianRoot() {
  return (
    process.platform === 'linux' &&
    existsSync('/etc/debian_version') &&
    process.getuid?.() === 0 &&
    onPath('apt-get') !== undefined
  );
}

/** Tries to install a Chromium; returns true when the installer said it succeeded. */
function install() {
  if (isDebianRoot()) {
    console.error('find-chrome: no Chromium found; installing Debian\'s "chromium" package with apt-get (about a minute).');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    return run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', 'chromium'], env);
  }
  // The same as `npx playwright install chromium`, minus the npx wrapper (no shell, works on Windows).
  let cli;
  try {
    cli = require.resolve('playwright-core/cli');
  } catch {
    console.error('find-chrome: playwright-core is not installed (run `npm ci`), so it cannot download a browser.');
    return false;
  }
  console.error('find-chrome: no Chromium found; downloading Playwright\'s (npx playwright install chromium).');
  return run(process.execPath, [cli, 'install', 'chromium']);
}

function failure(installTried) {
  const lines = [
    'No Chromium found for the browser tests.',
    '  Looked at: $CHROME_PATH' +
      (process.env.CHROME_PATH ? ` (${process.env.CHROME_PATH}: not an executable file)` : ' (unset)') +
      ', ' + PATH_NAMES.join(' / ') + " on PATH, and Playwright's downloaded browser.",
    installTried
      ? '  Tried to install one, and still found none (see the installer output above).'
      : '  Did not try to install one (CODEBLANKS_NO_INSTALL is set).',
    '  Fix it with one of:',
    '    Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium',
    '    anywhere else:   npx playwright install chromium',
    '    or point us at a Chrome/Chromium you already have:  CHROME_PATH=/path/to/chrome npm test',
  ];
  return new Error(lines.join('\n'));
}

/**
 * Returns the absolute path of a Chromium executable, installing one if there is none.
 * Throws an Error saying what to install when that fails: browser tests never skip silently.
 */
export function findChrome({ allowInstall = process.env.CODEBLANKS_NO_INSTALL !== '1' } = {}) {
  const found = locateChrome();
  if (found) return found.path;
  if (!allowInstall) throw failure(false);
  install();
  const after = locateChrome({ warn: () => {} });
  if (after) return after.path;
  throw failure(true);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const path = findChrome();
    console.log(path);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
