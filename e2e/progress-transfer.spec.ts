// Progress the learner owns: Export progress in one browser, Import progress in a fresh one, nothing
// lost; a damaged or newer file refused, nothing changed.
import type { Browser, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags } from './helpers';

const SET = 'oauth2-client-credentials';
const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (page: Page, n: number, b = 1) => task(page, n).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });

/** A flashcard as the memory engine stores it (src/store/memory.ts), rated Good once. */
const CARDS = JSON.stringify({
  v: 1,
  cards: { 'http-caching/t1@abc#1': { due: Date.parse('2026-12-01T00:00:00Z'), stab: 3, diff: 5, state: 2, reps: 1, lapses: 0, last: Date.parse('2026-11-28T10:00:00Z'), days: 3, log: [[Date.parse('2026-11-28T10:00:00Z'), 3]] } },
});

/** Every codeblanks entry of the page's storage. */
const dump = (page: Page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('codeblanks:')).sort().map((k) => [k, localStorage.getItem(k)])));

/** Practice in the set: task 1 checked wrong once (an attempt spent, a wrong line in the log), task 2 solved. */
async function practise(page: Page) {
  await page.goto(`/?set=${SET}`);
  await blank(page, 1).click();
  await task(page, 1).getByRole('button', { name: 'password', exact: true }).click();
  await task(page, 1).getByRole('button', { name: 'Check' }).click();
  await expect(task(page, 1).getByText('Attempts: 2 left', { exact: true })).toBeVisible();
  await blank(page, 2).click();
  await task(page, 2).getByRole('button', { name: 'application/x-www-form-urlencoded', exact: true }).click();
  await task(page, 2).getByRole('button', { name: 'Check' }).click();
  await expect(blank(page, 2)).toHaveAccessibleName(/right/);
}

/** Another browser: a new context (its own, empty storage) like the project's. */
async function freshPage(browser: Browser) {
  const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
  const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch });
  return { context, page: await context.newPage() };
}

test('progress exported in one browser and imported in a fresh one comes back whole', async ({ page, browser }) => {
  await practise(page);
  await page.evaluate((cards) => localStorage.setItem('codeblanks:v2:cards', cards), CARDS);
  await page.goto('/today');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  const mastery = page.getByRole('region', { name: 'Mastery' });
  await expect(mastery.getByRole('listitem')).toHaveCount(2);
  // The sets' titles arrive with the catalogue, after the counts.
  await expect(mastery.getByRole('link', { name: /^Client credentials/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Due today' })).not.toContainText('Counting');
  const before = await dump(page);
  const shown = await page.getByRole('main').innerText();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^codeblanks-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const path = test.info().outputPath('progress.json');
  await file.saveAs(path);
  await expect(page.getByRole('status')).toContainText(`Saved ${file.suggestedFilename()}`);

  const fresh = await freshPage(browser);
  try {
    const other = fresh.page;
    await other.goto('/today');
    await expect(other.getByRole('region', { name: 'Mastery' })).toContainText('No set practised yet.');
    const chooser = other.waitForEvent('filechooser');
    await other.getByRole('button', { name: 'Import progress' }).click();
    await (await chooser).setFiles(path);
    await expect(other.getByRole('status')).toContainText(/^Imported progress\.json: 4 entries added or merged; nothing of this browser's was lost\.$/);
    // Everything, entry for entry; the page reads it at once, and shows what the first browser showed.
    expect(await dump(other)).toEqual(before);
    await expect(other.getByRole('region', { name: 'Mastery' }).getByRole('listitem')).toHaveCount(2);
    await other.reload();
    await expect(other.getByRole('region', { name: 'Due today' })).not.toContainText('Counting');
    await expect(other.getByRole('region', { name: 'Mastery' }).getByRole('link', { name: /^Client credentials/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Due today' })).not.toContainText('Counting');
    expect((await other.getByRole('main').innerText()).replace(/\n\n.*\n*$/s, '')).toEqual(shown.replace(/\n\n.*\n*$/s, ''));

    // The set shows the progress as before: the spent attempt and the solved task.
    await other.goto(`/?set=${SET}`);
    await expect(blank(other, 1)).toHaveAccessibleName('Blank 1: password, wrong');
    await expect(task(other, 1).getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await expect(blank(other, 2)).toHaveAccessibleName(/right/);

    // Importing the same file again changes nothing.
    await other.goto('/today');
    const again = other.waitForEvent('filechooser');
    await other.getByRole('button', { name: 'Import progress' }).click();
    await (await again).setFiles(path);
    await expect(other.getByRole('status')).toContainText('this browser already had all of it');
    expect(await dump(other)).toEqual(before);
  } finally {
    await fresh.context.close();
  }
});

test('a browser with progress of its own keeps it when importing another', async ({ page, browser }) => {
  await practise(page);
  await page.goto('/today');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const path = test.info().outputPath('progress.json');
  await (await download).saveAs(path);

  const fresh = await freshPage(browser);
  try {
    const other = fresh.page;
    // This browser solved task 1 at the first check: importing a wrong attempt must not undo that.
    await other.goto(`/?set=${SET}`);
    await blank(other, 1).click();
    await task(other, 1).getByRole('button', { name: 'client_credentials', exact: true }).click();
    await task(other, 1).getByRole('button', { name: 'Check' }).click();
    await expect(blank(other, 1)).toHaveAccessibleName(/right/);
    await other.goto('/today');
    const chooser = other.waitForEvent('filechooser');
    await other.getByRole('button', { name: 'Import progress' }).click();
    await (await chooser).setFiles(path);
    await expect(other.getByRole('status')).toContainText('Imported');
    const log = await other.evaluate((set) => JSON.parse(localStorage.getItem(`codeblanks:v2:${set}:log`)!), SET);
    // Both browsers' checks of task 1: the wrong one imported, the right one of this browser.
    expect(Object.values(log).flat().filter((l) => (l as { s?: boolean }).s !== undefined)).toHaveLength(3);
    await other.goto(`/?set=${SET}`);
    await expect(blank(other, 1)).toHaveAccessibleName(/client_credentials, right/);
    await expect(blank(other, 2)).toHaveAccessibleName(/right/);
  } finally {
    await fresh.context.close();
  }
});

// Refusing a file is the same on any screen, and a keyboard is a desktop's: desktop project only.
test.describe('a file that cannot be imported', { tag: tags.desktop }, () => {
  for (const [name, content, message] of [
    ['a damaged file', '{"format":"codeblanks-progress","version":1,"entries":{"codeblanks:v2:', /This file is damaged: it is not complete JSON\. Nothing was changed\./],
    ['a file from a newer version', JSON.stringify({ format: 'codeblanks-progress', version: 2, entries: {} }), /made by a newer version of codeblanks.*Nothing was changed\./],
    [
      'a file with one damaged entry among good ones',
      JSON.stringify({ format: 'codeblanks-progress', version: 1, entries: { 'codeblanks:v2:mode:sql-joins': 'typed', 'codeblanks:v2:sql-joins:log': { 'sql-joins/t@1': [{ t: 'yesterday' }] } } }),
      /its attempt log "v2:sql-joins:log" cannot be read\. Nothing was changed\./,
    ],
  ] as const) {
    test(`${name} is refused with a clear message, and nothing changes`, async ({ page }) => {
      await practise(page);
      await page.goto('/today');
      await expect(page.getByRole('region', { name: 'Mastery' }).getByRole('listitem')).toHaveCount(1);
      const before = await dump(page);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import progress' }).click();
      await (await chooser).setFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(content) });
      await expect(page.getByRole('alert')).toContainText(message);
      await expect(page.getByRole('alert')).toContainText('progress.json was not imported.');
      expect(await dump(page)).toEqual(before);
      await expect(page.getByRole('region', { name: 'Mastery' }).getByRole('listitem')).toHaveCount(1);
      await expectNoAxeViolations(page);
    });
  }
});

test('export and import work from the keyboard alone', { tag: tags.desktop }, async ({ page, browser }) => {
  await practise(page);
  await page.goto('/today');
  await expect(page.getByRole('region', { name: 'Mastery' }).getByRole('listitem')).toHaveCount(1);
  const exportButton = page.getByRole('button', { name: 'Export progress' });
  for (let i = 0; i < 30 && !(await exportButton.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(exportButton).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const path = test.info().outputPath('progress.json');
  await (await download).saveAs(path);

  const fresh = await freshPage(browser);
  try {
    const other = fresh.page;
    await other.goto('/today');
    await other.getByRole('button', { name: 'Export progress' }).focus();
    await other.keyboard.press('Tab');
    await expect(other.getByRole('button', { name: 'Import progress' })).toBeFocused();
    const chooser = other.waitForEvent('filechooser');
    await other.keyboard.press('Enter');
    await (await chooser).setFiles(path);
    await expect(other.getByRole('status')).toContainText('Imported');
    await expect(other.getByRole('region', { name: 'Mastery' }).getByRole('listitem')).toHaveCount(1);
    await expectNoAxeViolations(other);
  } finally {
    await fresh.context.close();
  }
});
