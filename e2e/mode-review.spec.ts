// Review (issue 11, mode 8): a task got wrong in practice, in any set, comes back in Review on the day
// FSRS gives it (got wrong and never solved: tomorrow; solved after a mistake: in two days), played as
// practice, and leaves the day's review once answered. The page's clock is Playwright's (page.clock).
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const on = (page: Page, days: number) => page.clock.setFixedTime(T0 + days * DAY);
const OAUTH = '/?set=oauth2-client-credentials';
const PYTHON = '/?set=python-indexing-and-slicing';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}`, exact: true });
async function answer(page: Page, n: number, text: string) {
  await task(page, n).getByRole('button', { name: /^Blank 1\b/ }).click();
  await task(page, n).getByRole('button', { name: text, exact: true }).click();
  await task(page, n).getByRole('button', { name: 'Check' }).click();
}

test.beforeEach(async ({ page }) => {
  await on(page, 0);
});

test('a task got wrong in practice comes back in Review on its due day, from whichever set', async ({ page }, info) => {
  test.slow();
  // Day 0: in practice, the grant type wrong then right (Hard: two days); a Python index wrong, left unsolved (Again: tomorrow).
  await page.goto(`${OAUTH}&mode=practice`);
  await answer(page, 1, 'password');
  await expect(task(page, 1).getByText('Attempts: 2 left', { exact: true })).toBeVisible();
  await answer(page, 1, 'client_credentials');
  await expect(task(page, 1).getByText(/Solved/).first()).toBeVisible();
  await page.goto(`${PYTHON}&mode=practice`);
  await answer(page, 1, '4');
  await expect(task(page, 1).getByText('Attempts: 2 left', { exact: true })).toBeVisible();

  // The same day, nothing is due yet; Review says when.
  await page.goto(`${OAUTH}&mode=review`);
  await expect(page.getByRole('heading', { name: 'Nothing to review today' })).toBeVisible();
  await expect(page.getByText('Next: 1 task tomorrow.')).toBeVisible();
  await expect(page.getByText('0 of 0 solved')).toBeHidden();
  await expectNoAxeViolations(page);

  // Day 1: the Python task, in the OAuth set's page: Review is across sets.
  await on(page, 1);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'To review today: 1 task' })).toBeVisible();
  await expect(task(page, 1).getByText('Indexing and slicing in Python · Read the last colour of the list')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `/tmp/review-due-${info.project.name}.png`, fullPage: true });
  await answer(page, 1, '-1');
  await expect(task(page, 1).getByText(/Solved/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  // Answered today: not due again today.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Nothing to review today' })).toBeVisible();
  await expect(page.getByText('Next: 1 task tomorrow.')).toBeVisible();

  // Day 2: the grant type task, due two days after it was solved at the second check.
  await on(page, 2);
  await page.goto(`${PYTHON}&mode=review`);
  await expect(page.getByRole('heading', { name: 'To review today: 1 task' })).toBeVisible();
  await expect(task(page, 1).getByText(/^Client credentials flow in Rest API · Complete the code to specify the grant type/)).toBeVisible();
});

test('keyboard only: a due review is answered with the keyboard alone', async ({ page }) => {
  await page.goto(`${OAUTH}&mode=practice`);
  await answer(page, 1, 'password');
  await expect(task(page, 1).getByText('Attempts: 2 left', { exact: true })).toBeVisible();
  await on(page, 1);
  await page.goto(`${OAUTH}&mode=review`);
  await expect(page.getByRole('heading', { name: 'To review today: 1 task' })).toBeVisible();
  const blank = task(page, 1).getByRole('button', { name: /^Blank 1\b/ });
  for (let i = 0; i < 30 && !(await blank.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(blank).toBeFocused();
  await page.keyboard.press('Enter');
  const option = task(page, 1).getByRole('button', { name: 'client_credentials', exact: true });
  for (let i = 0; i < 10 && !(await option.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const check = task(page, 1).getByRole('button', { name: 'Check' });
  for (let i = 0; i < 10 && !(await check.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(task(page, 1).getByText(/Solved/).first()).toBeVisible();
  await expectNoAxeViolations(page);
});
