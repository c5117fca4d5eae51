// Live editing under `npm start`: Vite's real dev server over a copy of exercises/, a page open in it,
// and the files edited on disk as an author's editor would. The rest of the suite runs against the
// production build; these tests start and stop their own dev server (desktop project only: the page
// does not depend on the device, and one server on one port serves the file's tests in order).
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createServer, type Logger, type ViteDevServer } from 'vite';
import { newSetText } from '../src/cli/new-set.ts';
import { test, expect, tags } from './helpers';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// The dev server's own port, beside the preview server's (CODEBLANKS_E2E_PORT): a checkout's, not 5173.
const PORT = Number(process.env.CODEBLANKS_DEV_PORT ?? 5209);
const BASE = `http://127.0.0.1:${PORT}`;
// "Within a second" of the save, with room for a loaded machine.
const LIVE = { timeout: 2_000 };

let server: ViteDevServer;
let dir = '';
/** What the dev server printed, one entry per logger call. */
const printed: { level: string; message: string }[] = [];

const logger: Logger = {
  hasWarned: false,
  info: (message) => printed.push({ level: 'info', message }),
  warn: (message) => printed.push({ level: 'warn', message }),
  warnOnce: (message) => printed.push({ level: 'warn', message }),
  error: (message) => printed.push({ level: 'error', message }),
  clearScreen: () => {},
  hasErrorLogged: () => false,
};

const file = (name: string) => path.join(dir, name);
const read = (name: string) => readFileSync(file(name), 'utf8');
/** Saves a file as an editor does. */
const save = (name: string, text: string) => writeFileSync(file(name), text);

/** A mark on the window that a page reload would wipe out. */
async function markWindow(page: Page) {
  await page.evaluate(() => Object.assign(window, { liveMark: 'still here' }));
}
const windowMark = (page: Page) => page.evaluate(() => (window as { liveMark?: string }).liveMark);

/**
 * Times a save in the page itself (the assertions poll, a few hundred milliseconds apart): call before
 * saving; the function it returns notes in the report, once the text is shown, how long it took.
 */
async function timeUntilShown(page: Page, text: string, what: string) {
  await page.evaluate((wanted) => {
    const observer = new MutationObserver(() => {
      if (!document.body.textContent?.includes(wanted)) return;
      Object.assign(window, { liveShownAt: Date.now() });
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  const since = Date.now();
  return async () => {
    const at = await page.evaluate(() => (window as { liveShownAt?: number }).liveShownAt);
    test.info().annotations.push({ type: `${what} (ms)`, description: String((at ?? NaN) - since) });
  };
}

test.describe('live editing under npm start', { tag: tags.desktop }, () => {
  // One server for the file's tests, so they run in order in one worker.
  test.describe.configure({ mode: 'default' });

  test.beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'codeblanks-live-'));
    cpSync(path.join(ROOT, 'exercises'), dir, { recursive: true });
    // The plugin in vite.config.ts reads the folder from here when the config is loaded.
    const before = process.env.CODEBLANKS_EXERCISES_DIR;
    process.env.CODEBLANKS_EXERCISES_DIR = dir;
    try {
      server = await createServer({
        configFile: path.join(ROOT, 'vite.config.ts'),
        root: ROOT,
        customLogger: logger,
        server: { host: '127.0.0.1', port: PORT, strictPort: true },
      });
    } finally {
      if (before === undefined) delete process.env.CODEBLANKS_EXERCISES_DIR;
      else process.env.CODEBLANKS_EXERCISES_DIR = before;
    }
    await server.listen();
  });

  test.afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a saved prompt shows in the open set without a reload; other tasks keep their progress and the page its scroll', async ({ page }) => {
    const name = 'python-indexing-and-slicing.json';
    const set = JSON.parse(read(name)) as { tasks: { prompt: string }[] };
    await page.goto(`${BASE}/?set=python-indexing-and-slicing`);
    const task = (n: number) => page.getByRole('region', { name: `Task ${n}` });
    await expect(task(1).getByText(set.tasks[0]!.prompt)).toBeVisible({ timeout: 20_000 });
    // Task 2's progress: its first blank filled (click-to-place).
    await task(2).getByRole('button', { name: /^Blank 1\b/ }).click();
    await task(2).getByRole('button', { name: '1', exact: true }).click();
    await expect(task(2).getByRole('button', { name: /^Blank 1\b/ })).toHaveAccessibleName('Blank 1: 1');
    await markWindow(page);
    const scrolled = await page.evaluate(() => {
      window.scrollTo(0, 300);
      return window.scrollY;
    });
    expect(scrolled).toBeGreaterThan(0);

    set.tasks[0]!.prompt = 'Read the last colour, counting from the end of the list.';
    const timed = await timeUntilShown(page, set.tasks[0]!.prompt, 'edit shown after');
    save(name, `${JSON.stringify(set, null, 2)}\n`);
    await expect(task(1).getByText('Read the last colour, counting from the end of the list.')).toBeVisible(LIVE);
    await timed();

    expect(await windowMark(page)).toBe('still here');
    await expect(task(2).getByRole('button', { name: /^Blank 1\b/ })).toHaveAccessibleName('Blank 1: 1');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await expect.poll(() => printed.filter((p) => p.message.includes(`exercises/${name} updated`)).length).toBe(1);
  });

  test('a broken file shows its problems at line and column, in the page and once in the terminal, until it is fixed', async ({ page }) => {
    const name = 'javascript-array-methods.json';
    const original = read(name);
    const set = JSON.parse(original) as { title: string; tasks: { answers: Record<string, unknown> }[] };
    await page.goto(`${BASE}/?set=javascript-array-methods`);
    await expect(page.getByRole('heading', { level: 1, name: set.title })).toBeVisible({ timeout: 20_000 });
    await markWindow(page);
    const problems = page.getByRole('alert');

    // An answer that is not an option: reported at the line of the answer.
    set.tasks[0]!.answers['1'] = 'not-an-option';
    const badAnswer = `${JSON.stringify(set, null, 2)}\n`;
    const line = badAnswer.split('\n').findIndex((l) => l.includes('"not-an-option"')) + 1;
    const expected = new RegExp(`^exercises/${name.replace('.', '\\.')}:${line}:\\d+: Answer "not-an-option" for blank 1 is not one of the options`);
    let timed = await timeUntilShown(page, 'is not one of the options', 'problem shown after');
    save(name, badAnswer);
    await expect(problems.getByRole('heading', { name: `${name} is not a valid exercise set` })).toBeVisible(LIVE);
    await timed();
    await expect(problems.getByRole('listitem')).toHaveText([expected]);
    const shown = await problems.getByRole('listitem').textContent();
    // The terminal: the same line, in one message for the save.
    await expect.poll(() => printed.filter((p) => p.level === 'error' && p.message.includes(shown!)).length).toBe(1);

    // Not JSON at all (a comma missing): the place where it stops being JSON.
    save(name, original.replace(/",\n/, '"\n'));
    await expect(problems.getByRole('listitem')).toHaveText([new RegExp(`^exercises/${name.replace('.', '\\.')}:\\d+:\\d+: `)], LIVE);
    await expect(problems.getByRole('listitem')).not.toHaveText([expected]);

    timed = await timeUntilShown(page, set.title, 'fixed set shown after');
    save(name, original);
    await expect(page.getByRole('heading', { level: 1, name: set.title })).toBeVisible(LIVE);
    await timed();
    await expect(problems).toHaveCount(0);
    expect(await windowMark(page)).toBe('still here');
  });

  test('Vite still hot-updates the site\'s own code, and saves still show after it', async ({ page }) => {
    const name = 'typescript-type-annotations.json';
    const set = JSON.parse(read(name)) as { tasks: { prompt: string }[] };
    await page.goto(`${BASE}/?set=typescript-type-annotations`);
    await expect(page.getByText(set.tasks[0]!.prompt)).toBeVisible({ timeout: 20_000 });
    await markWindow(page);

    // As if the set page's source had been saved (unchanged, so the checkout is left alone): Vite sends
    // its own update, and React Fast Refresh swaps the module in.
    const updated = page.waitForEvent('console', (message) => message.text().includes('hot updated: /src/app/set-page.tsx'));
    server.watcher.emit('change', path.join(ROOT, 'src/app/set-page.tsx'));
    await updated;

    set.tasks[0]!.prompt = 'Annotate the parameter, after a hot update.';
    save(name, `${JSON.stringify(set, null, 2)}\n`);
    await expect(page.getByText('Annotate the parameter, after a hot update.')).toBeVisible(LIVE);
    expect(await windowMark(page)).toBe('still here');
  });

  test('a new file appears in the open catalogue, and a removed one goes', async ({ page }) => {
    await page.goto(`${BASE}/`);
    await expect(page.getByRole('link', { name: /Indexing and slicing in Python/ })).toBeVisible({ timeout: 20_000 });
    await markWindow(page);

    const created = newSetText('live-added-set');
    if (!created.ok) throw new Error(created.message);
    const timed = await timeUntilShown(page, 'Live added set', 'new file listed after');
    save('live-added-set.json', created.text);
    const card = page.getByRole('link', { name: /Live added set/ });
    await expect(card).toBeVisible(LIVE);
    await timed();
    await expect(card).toContainText('1 task');

    unlinkSync(file('live-added-set.json'));
    await expect(card).toHaveCount(0, LIVE);
    expect(await windowMark(page)).toBe('still here');
  });
});
