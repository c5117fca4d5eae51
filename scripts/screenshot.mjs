// Takes a screenshot of a page in real Chromium, so we can look at it at desktop and phone width.
//
//   node scripts/screenshot.mjs <url> <out.png> [--width 1280] [--height 800] [--full]
//                                               [--phone] [--scale 2] [--wait-for <css selector>]
//
//   node scripts/screenshot.mjs http://127.0.0.1:4173/ /tmp/home.png --full
//   node scripts/screenshot.mjs http://127.0.0.1:4173/ /tmp/home-phone.png --phone --full
//
// --phone is a 390x844 touch phone at deviceScaleFactor 2 (explicit --width/--height/--scale win).
// Serve the page first: `npm run build && npm run preview` (port 4173) or `npm start` (5173).
import process from 'node:process';
import console from 'node:console';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { URL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS, findChrome } from './find-chrome.mjs';

const usage =
  'usage: node scripts/screenshot.mjs <url> <out.png> [--width 1280] [--height 800] [--full] [--phone] [--scale N] [--wait-for <css>]';

function fail(message) {
  console.error(`screenshot: ${message}\n${usage}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      width: { type: 'string' },
      height: { type: 'string' },
      scale: { type: 'string' },
      full: { type: 'boolean', default: false },
      phone: { type: 'boolean', default: false },
      'wait-for': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length !== 2) fail('expected exactly a URL and an output file');
const [url, outArg] = positionals;
try {
  new URL(url);
} catch {
  fail(`not a URL: ${url}`);
}

function positiveNumber(name, fallback) {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number, got ${raw}`);
  return n;
}

const phone = values.phone;
const width = Math.round(positiveNumber('width', phone ? 390 : 1280));
const height = Math.round(positiveNumber('height', phone ? 844 : 800));
const scale = positiveNumber('scale', phone ? 2 : 1);
const out = resolve(outArg);

let executablePath;
try {
  executablePath = findChrome();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath,
  args: CHROME_FLAGS,
});
try {
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor: scale,
    isMobile: phone,
    hasTouch: phone,
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`screenshot: page console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`screenshot: page threw: ${error.message}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response && !response.ok()) console.error(`screenshot: ${url} answered HTTP ${response.status()}`);
  // Let late requests (fonts, lazy chunks) land; a page that never goes quiet is shot anyway.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  if (values['wait-for']) await page.locator(values['wait-for']).first().waitFor({ timeout: 10_000 });
  await page.evaluate('document.fonts.ready.then(() => true)'); // a string: this file has no DOM types
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: values.full, animations: 'disabled' });
  console.log(`screenshot: ${out} (${width}x${height} @${scale}x${values.full ? ', full page' : ''}${phone ? ', phone' : ''})`);
} finally {
  await browser.close();
}
