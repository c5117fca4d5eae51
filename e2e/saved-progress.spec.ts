// Saved progress, format 2: progress saved by the build before it comes back, two sets under one
// storage key keep each other's, and an element's "Reset progress" resets only the tasks it shows.
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';
import { readFileSync } from 'node:fs';

/** localStorage as the previous build wrote it (src/store/fixtures/v1-saved-progress.json says how). */
const v1Fixture = JSON.parse(readFileSync(new URL('../src/store/fixtures/v1-saved-progress.json', import.meta.url), 'utf8')) as {
  localStorage: Record<string, string>;
};

const SET = 'oauth2-client-credentials';
const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (scope: Page | Locator, b = 1) => scope.getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });

/** Click-to-place: the blank, then the option. */
async function fill(scope: Locator, option: string, b = 1) {
  await blank(scope, b).click();
  await scope.getByRole('button', { name: option, exact: true }).click();
  await expect(blank(scope, b)).toHaveAccessibleName(new RegExp(`^Blank ${b}: `));
}

/** A page of our own beside the build's (same origin, so the same localStorage), showing these elements. */
async function openPage(page: Page, elements: string) {
  await page.route('**/two-elements.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two elements</title>
        <script type="module" src="/embed/codeblanks.js"></script></head>
        <body><main><h1>Two elements</h1>${elements}</main></body></html>`,
    }),
  );
  await page.goto('/two-elements.html');
}

test.describe('progress saved by the previous build (format 1)', () => {
  test('comes back: the catalogue counts it, the set shows it, and a reload keeps it once migrated', async ({ page }) => {
    await page.goto('/');
    // The fixture's data under the key the previous build would use for the set as this build serves it
    // (the catalogue's content hash), so the test holds if the seed set is edited.
    const v1Key = await page.evaluate(async (id) => {
      const entries = (await (await fetch('exercises/index.json')).json()) as { id?: string; hash?: string }[];
      return `codeblanks:v1:${id}:${entries.find((e) => e.id === id)?.hash}`;
    }, SET);
    const [saved] = Object.values(v1Fixture.localStorage);
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [v1Key, saved]);

    await page.reload();
    const card = page.getByRole('link', { name: /Client credentials flow/ });
    await expect(card).toContainText('1 of 5 solved');

    await card.click();
    await expect(blank(task(page, 1))).toHaveAccessibleName('Blank 1: password, wrong');
    await expect(task(page, 1).getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await expect(task(page, 1).getByText(/Hint 1 of/)).toBeVisible();
    await expect(blank(task(page, 2))).toHaveAccessibleName('Blank 1: application/x-www-form-urlencoded, right');
    await expect(blank(task(page, 5), 2)).toHaveAccessibleName('Blank 2: your_client_id');

    // Copied into format 2, then the old entry removed; a reload reads the new one.
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), v1Key)).toBeNull();
    expect(await page.evaluate((k) => localStorage.getItem(k), `codeblanks:v2:${SET}:${SET}:practice`)).not.toBeNull();
    await page.reload();
    await expect(blank(task(page, 1))).toHaveAccessibleName('Blank 1: password, wrong');
    await expect(task(page, 1).getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'All exercise sets' }).click();
    await expect(card).toContainText('1 of 5 solved');
  });
});

test.describe('embedded elements', () => {
  test('two different sets under one storage-key keep each other\'s progress across reloads', async ({ page }) => {
    await openPage(
      page,
      `<code-blanks id="oauth" src="/exercises/${SET}.json" task="1" storage-key="week3"></code-blanks>
       <code-blanks id="python" src="/exercises/python-indexing-and-slicing.json" task="1" storage-key="week3"></code-blanks>`,
    );
    const oauth = page.locator('#oauth');
    const python = page.locator('#python');
    await fill(oauth, 'password');
    await oauth.getByRole('button', { name: 'Check' }).click();
    await expect(oauth.getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await fill(python, '-1');
    await python.getByRole('button', { name: 'Check' }).click();
    await expect(python.getByText(/^✓ Correct$/)).toBeVisible();

    // Each mount used to delete the other set's entry as a "stale version" of its own.
    await page.reload();
    await expect(python.getByText(/^✓ Correct$/)).toBeVisible();
    await expect(blank(oauth)).toHaveAccessibleName('Blank 1: password, wrong');
    await page.reload();
    await expect(oauth.getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await expect(blank(python)).toHaveAccessibleName('Blank 1: -1, right');
  });

  test('"Reset progress" in an element showing task 5 resets task 5 only, and says so', async ({ page }) => {
    await openPage(
      page,
      `<code-blanks id="first" src="/exercises/${SET}.json" task="1"></code-blanks>
       <code-blanks id="fifth" src="/exercises/${SET}.json" task="5"></code-blanks>`,
    );
    const first = page.locator('#first');
    const fifth = page.locator('#fifth');
    await fill(first, 'password');
    await first.getByRole('button', { name: 'Check' }).click();
    await expect(first.getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await fill(fifth, 'client_credentials', 1);

    await fifth.getByRole('button', { name: 'Reset progress' }).click();
    const confirm = fifth.getByRole('group', { name: /^Start task 5 afresh\? Your answers, attempts and hints there will be cleared\.$/ });
    await expect(confirm).toBeVisible();
    await expectNoAxeViolations(page, { include: '#fifth' });
    await confirm.getByRole('button', { name: 'Yes, start afresh' }).click();
    await expect(blank(fifth, 1)).toHaveAccessibleName('Blank 1, empty');
    await expect(fifth.getByRole('button', { name: 'Reset progress' })).toBeDisabled();
    // The other element's task is untouched, now and after a reload.
    await expect(blank(first)).toHaveAccessibleName('Blank 1: password, wrong');
    await page.reload();
    await expect(first.getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await expect(blank(first)).toHaveAccessibleName('Blank 1: password, wrong');
    await expect(blank(fifth, 1)).toHaveAccessibleName('Blank 1, empty');
  });

  test('a reset is a codeblanks:reset event naming the tasks, and the element sharing the key follows it', async ({ page }) => {
    await openPage(
      page,
      `<code-blanks id="a" src="/exercises/${SET}.json" task="1"></code-blanks>
       <code-blanks id="b" src="/exercises/${SET}.json"></code-blanks>`,
    );
    await page.evaluate(() => {
      (window as unknown as { resets: unknown[] }).resets = [];
      document.addEventListener('codeblanks:reset', (e) => (window as unknown as { resets: unknown[] }).resets.push((e as CustomEvent).detail));
    });
    const a = page.locator('#a');
    const b = page.locator('#b');
    await fill(a, 'password');
    await a.getByRole('button', { name: 'Check' }).click();
    const bTask1 = b.getByRole('region', { name: 'Task 1' });
    await expect(bTask1.getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await fill(b.getByRole('region', { name: 'Task 2' }), 'text/plain');

    await a.getByRole('button', { name: 'Reset progress' }).click();
    await a.getByRole('button', { name: 'Yes, start afresh' }).click();
    await expect(bTask1.getByText('Attempts: 3 left', { exact: true })).toBeVisible();
    await expect(blank(bTask1)).toHaveAccessibleName('Blank 1, empty');
    await expect(blank(b.getByRole('region', { name: 'Task 2' }))).toHaveAccessibleName('Blank 1: text/plain');
    expect(await page.evaluate(() => (window as unknown as { resets: unknown[] }).resets)).toEqual([
      expect.objectContaining({ type: 'reset', setId: SET, taskIds: ['grant-type'] }),
    ]);
  });
});
