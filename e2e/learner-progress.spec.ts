// Progress that outlives the page: a reload, "Reset progress", the catalogue, deep links, two tabs.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags } from './helpers';

const SET_URL = '/?set=oauth2-client-credentials';
const SET_TITLE = 'Client credentials flow in Rest API';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (page: Page, n: number, b = 1) => task(page, n).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const option = (page: Page, n: number, text: string) => task(page, n).getByRole('button', { name: text, exact: true });
const attempts = (page: Page, n: number, left: number) => task(page, n).getByText(`Attempts: ${left} left`, { exact: true });

/** Click-to-place (the drag's twin): the blank, then the option. */
async function place(page: Page, n: number, b: number, text: string) {
  await blank(page, n, b).click();
  await option(page, n, text).click();
  await expect(blank(page, n, b)).toHaveAccessibleName(new RegExp(`^Blank ${b}: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

async function check(page: Page, n: number) {
  await task(page, n).getByRole('button', { name: 'Check' }).click();
}

test.describe('progress across reloads', { tag: tags.desktop }, () => {
  test('a wrong check survives a reload with its attempts and placements; "Reset progress" starts afresh', async ({ page }) => {
    await page.goto(SET_URL);
    await place(page, 1, 1, 'password');
    await check(page, 1);
    await expect(attempts(page, 1, 2)).toBeVisible();
    await place(page, 5, 2, 'your_client_id');

    await page.reload();
    await expect(attempts(page, 1, 2)).toBeVisible();
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1: password, wrong');
    await expect(blank(page, 5, 2)).toHaveAccessibleName('Blank 2: your_client_id');
    await expect(task(page, 1).getByRole('heading', { name: 'Common mistakes' })).toBeVisible();

    // A reset of the task keeps the attempt it used, across a reload too.
    await task(page, 1).getByRole('button', { name: 'Reset' }).click();
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1, empty');
    await page.reload();
    await expect(attempts(page, 1, 2)).toBeVisible();
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1, empty');

    await page.getByRole('button', { name: 'Reset progress' }).click();
    const confirm = page.getByRole('group', { name: /Start this set afresh\?/ });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Yes, start afresh' })).toBeFocused();
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: 'Reset progress' })).toBeFocused();
    await expect(attempts(page, 1, 2)).toBeVisible();

    await page.getByRole('button', { name: 'Reset progress' }).click();
    await page.getByRole('button', { name: 'Yes, start afresh' }).click();
    await expect(attempts(page, 1, 3)).toBeVisible();
    await expect(blank(page, 5, 2)).toHaveAccessibleName('Blank 2, empty');
    await expect(page.getByRole('button', { name: 'Reset progress' })).toBeDisabled();

    await page.reload();
    await expect(attempts(page, 1, 3)).toBeVisible();
    await expect(blank(page, 5, 2)).toHaveAccessibleName('Blank 2, empty');
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1, empty');
  });

  test('corrupted saved progress shows one notice, then the page works', async ({ page }) => {
    await page.goto('/');
    const key = await page.evaluate(async () => {
      const entries = (await (await fetch('exercises/index.json')).json()) as { id?: string; storageKey?: string }[];
      return entries.find((e) => e.id === 'oauth2-client-credentials')?.storageKey ?? '';
    });
    expect(key).not.toBe('');
    await page.evaluate((k) => localStorage.setItem(k, '{"tasks": {"grant-type": 42'), key);

    await page.goto(SET_URL);
    const notice = page.getByText('Your saved progress for this set could not be read, so it starts afresh.');
    await expect(notice).toHaveCount(1);
    await place(page, 1, 1, 'client_credentials');
    await check(page, 1);
    await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
    await page.getByRole('button', { name: 'OK', exact: true }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1: client_credentials, right');
    await expect(notice).toHaveCount(0);
  });
});

test.describe('links', () => {
  test('a deep link to a task scrolls it into view', async ({ page }) => {
    await page.goto(`${SET_URL}#task-requests-post`);
    await expect(task(page, 5)).toBeInViewport();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect(task(page, 1).getByRole('heading', { name: 'Task 1' })).not.toBeInViewport();
  });

  test.describe(() => {
    // The page asks for the set's file while it reads the catalogue's verdict: a set that does not exist
    // is a 404 the browser logs. That one is expected here.
    test.use({ allowedConsoleErrors: [/404 \(Not Found\).*\/exercises\/no-such-set\.json/] });
    test('a set that does not exist says so, readably, with a link back to the catalogue', async ({ page }) => {
      await page.goto('/?set=no-such-set');
      const alert = page.getByRole('alert');
      await expect(alert).toContainText('no-such-set');
      await expect(alert.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
      await alert.getByRole('link', { name: /exercise sets/i }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Exercise sets' })).toBeVisible();
    });
  });

  test('the catalogue lists the set, opens it, and shows "1 of 5 solved" after one task is solved', { tag: tags.desktop }, async ({ page }) => {
    await page.goto('/');
    const card = page.getByRole('link', { name: new RegExp(SET_TITLE) });
    await expect(card).toContainText('5 tasks');
    await expect(card).toContainText('Not started');
    await expectNoAxeViolations(page);

    await card.click();
    await expect(page.getByRole('heading', { level: 1, name: SET_TITLE })).toBeVisible();
    await place(page, 3, 1, 'your_client_id');
    await check(page, 3);
    await expect(task(page, 3).getByText(/^✓? ?Correct$/)).toBeVisible();

    await page.getByRole('link', { name: 'All exercise sets' }).click();
    await expect(card).toContainText('1 of 5 solved');

    // Back, fail a task: the card counts it apart.
    await card.click();
    for (const text of ['token', '[', ']']) {
      await place(page, 4, 1, text);
      await check(page, 4);
    }
    await expect(blank(page, 4)).toHaveAccessibleName('Blank 1: access_token, solution');
    await page.getByRole('link', { name: 'All exercise sets' }).click();
    await expect(card).toContainText('1 of 5 solved, 1 not solved');
  });
});

test.describe('two tabs', { tag: tags.desktop }, () => {
  test("a check in one tab shows in the other, and the other tab never gives back the attempt", async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(SET_URL);
    await b.goto(SET_URL);
    await expect(attempts(b, 1, 3)).toBeVisible();

    await place(a, 1, 1, 'password');
    await check(a, 1);
    await expect(attempts(a, 1, 2)).toBeVisible();
    // B hears A's save through the storage event.
    await expect(attempts(b, 1, 2)).toBeVisible();
    await expect(blank(b, 1)).toHaveAccessibleName('Blank 1: password, wrong');

    await place(b, 1, 1, 'refresh_token');
    await check(b, 1);
    await expect(attempts(b, 1, 1)).toBeVisible();
    await expect(attempts(a, 1, 1)).toBeVisible();

    // The last attempt, in A: both tabs show the task failed, and a reload agrees.
    await place(a, 1, 1, 'authorization_code');
    await check(a, 1);
    await expect(blank(a, 1)).toHaveAccessibleName('Blank 1: client_credentials, solution');
    await expect(blank(b, 1)).toHaveAccessibleName('Blank 1: client_credentials, solution');
    await expect(task(b, 1).getByRole('button', { name: 'Check' })).toHaveCount(0);
    await b.reload();
    await expect(task(b, 1).getByText('No attempts left', { exact: true })).toBeVisible();
  });

  test('"Reset progress" in one tab resets the other', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await a.goto(SET_URL);
    await b.goto(SET_URL);
    await place(a, 2, 1, 'text/plain');
    await check(a, 2);
    await expect(attempts(b, 2, 2)).toBeVisible();

    await a.getByRole('button', { name: 'Reset progress' }).click();
    await a.getByRole('button', { name: 'Yes, start afresh' }).click();
    await expect(attempts(a, 2, 3)).toBeVisible();
    await expect(attempts(b, 2, 3)).toBeVisible();
    await expect(blank(b, 2)).toHaveAccessibleName('Blank 1, empty');

    // B's next action must not write the old progress back.
    await place(b, 3, 1, 'client_secret');
    await a.reload();
    await expect(attempts(a, 2, 3)).toBeVisible();
    await expect(blank(a, 3)).toHaveAccessibleName('Blank 1: client_secret');
  });
});
