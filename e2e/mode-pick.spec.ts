// Pick (`&mode=pick`): the seed set answered with a native list per blank. Each list holds the task's
// options after an empty "Choose…"; a check marks each list, a wrong choice gets its common mistake,
// choices survive a reload, the keyboard alone answers, and at 390 px every list is in view.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const URL = '/?set=oauth2-client-credentials&mode=pick';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const list = (page: Page, n: number, b = 1) => task(page, n).getByRole('combobox', { name: `Blank ${b}`, exact: true });
const attempts = (page: Page, n: number, left: number) => task(page, n).getByText(`Attempts: ${left} left`, { exact: true });
const check = (page: Page, n: number) => task(page, n).getByRole('button', { name: 'Check' }).click();

test('Pick: each blank lists the task\'s options; a wrong choice gets its mistake, a right one solves', async ({ page }) => {
  await page.goto(URL);
  const first = list(page, 1);
  await expect(first).toHaveValue('');
  await expect(first.getByRole('option')).toHaveText(['Choose…', 'authorization_code', 'refresh_token', 'client_credentials', 'password']);
  await expect(task(page, 1).getByRole('button', { name: 'client_credentials' })).toHaveCount(0);

  // Nothing chosen: the check is refused and uses no attempt.
  await check(page, 1);
  await expect(task(page, 1).getByRole('alert')).toHaveText('Fill blank 1 before checking.');
  await expect(attempts(page, 1, 3)).toBeVisible();

  await first.selectOption('password');
  await check(page, 1);
  await expect(attempts(page, 1, 2)).toBeVisible();
  await expect(first).toHaveAccessibleDescription('wrong');
  await expect(task(page, 1).getByText(/Using 'password': the resource owner password grant/)).toBeVisible();
  await expectNoAxeViolations(page);

  await first.selectOption('client_credentials');
  // A new choice takes the old mark away until it is checked.
  await expect(first).not.toHaveAccessibleDescription('wrong');
  await check(page, 1);
  await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
  await expect(first).toHaveAccessibleDescription('right');
  await expect(first).toBeDisabled();
  await expectNoAxeViolations(page);
});

test('Pick: a task fails after its attempts and its lists show the solution', async ({ page }) => {
  await page.goto(URL);
  for (const wrong of ['application/json', 'text/plain', 'multipart/form-data']) {
    await list(page, 2).selectOption(wrong);
    await check(page, 2);
  }
  await expect(task(page, 2).getByText('No attempts left')).toBeVisible();
  await expect(list(page, 2)).toHaveValue('application/x-www-form-urlencoded');
  await expect(list(page, 2)).toHaveAccessibleDescription('solution');
  await expectNoAxeViolations(page);
});

test('Pick: choices and checks survive a reload', async ({ page }) => {
  await page.goto(URL);
  await list(page, 5, 1).selectOption('client_credentials');
  await list(page, 5, 2).selectOption('your_client_secret');
  await list(page, 3).selectOption('client_secret');
  await check(page, 3);
  await expect(attempts(page, 3, 2)).toBeVisible();

  await page.reload();
  await expect(list(page, 5, 1)).toHaveValue('client_credentials');
  await expect(list(page, 5, 2)).toHaveValue('your_client_secret');
  await expect(list(page, 5, 3)).toHaveValue('');
  await expect(attempts(page, 3, 2)).toBeVisible();
  await expect(list(page, 3)).toHaveAccessibleDescription('wrong');
});

test('Pick by keyboard alone: Tab to each list, arrow keys choose, Tab to Check and Enter', async ({ page }) => {
  await page.goto(URL);
  await page.getByRole('heading', { name: 'Task 4' }).focus();
  for (let i = 0; i < 10 && !(await list(page, 4).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(list(page, 4)).toBeFocused();
  // A closed native list changes its choice with the arrow keys (no mouse, no opening it).
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(list(page, 4)).toHaveValue('access_token');
  for (let i = 0; i < 8; i++) {
    if (await task(page, 4).getByRole('button', { name: 'Check' }).evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(task(page, 4).getByRole('button', { name: 'Check' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(task(page, 4).getByText(/^✓? ?Correct$/)).toBeVisible();
});

test('Pick at 390 px: no sideways scrolling, every list in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(URL);
  await expect(list(page, 1)).toBeVisible();
  const lists = page.getByRole('combobox', { name: /^Blank \d+$/ });
  expect(await lists.count()).toBe(7);
  for (const l of await lists.all()) {
    const r = (await l.boundingBox())!;
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(390);
  }
  // The longest option chosen still fits.
  await list(page, 2).selectOption('application/x-www-form-urlencoded');
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
});
