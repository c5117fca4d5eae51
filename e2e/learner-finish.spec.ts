// Finishing a set: the task that ends it keeps the learner where they are (its "Correct" and explanation
// in view, focus where it was), a screen reader hears that the set is finished, and the summary is
// offered by a link that moves focus only when followed. The summary's review links move focus too.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const SET_URL = '/?set=oauth2-client-credentials';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const SOLUTIONS: Record<number, Record<number, string>> = {
  1: { 1: 'client_credentials' },
  2: { 1: 'application/x-www-form-urlencoded' },
  3: { 1: 'your_client_id' },
  4: { 1: 'access_token' },
  5: { 1: 'client_credentials', 2: 'your_client_id', 3: 'your_client_secret' },
};

/** Click (or tap) a blank, then an option, for each blank of a task. */
async function fill(page: Page, n: number) {
  for (const [b, option] of Object.entries(SOLUTIONS[n]!)) {
    await task(page, n).getByRole('button', { name: `Blank ${b}, empty`, exact: true }).click();
    await task(page, n).getByRole('button', { name: option, exact: true }).click();
  }
}

test('the task that finishes the set stays in view with focus on it; the end is announced and the summary offered', async ({ page }) => {
  await page.goto(SET_URL);
  for (const n of [1, 2, 3, 5]) {
    await fill(page, n);
    await task(page, n).getByRole('button', { name: 'Check' }).click();
    await expect(task(page, n).getByText(/^✓ Correct$/)).toBeVisible();
  }
  // The last open task is task 4, in the middle of the page: the summary is far below it.
  await fill(page, 4);
  const check = task(page, 4).getByRole('button', { name: 'Check' });
  await check.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const before = await page.evaluate(() => scrollY);
  await check.click();

  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toBeAttached();
  const offer = page.getByRole('link', { name: 'See the summary' });
  await expect(offer).toBeVisible();
  expect(await page.evaluate(() => scrollY), 'the page did not move').toBe(before);
  await expect(task(page, 4).getByText(/^✓ Correct$/)).toBeInViewport();
  await expect(offer).toBeInViewport();
  await expect(summary).not.toBeInViewport();
  await expect(check).toBeFocused();
  await expect(task(page, 4).locator('xpath=following-sibling::*[1]')).toContainText('Set finished: 5 of 5 tasks solved.');
  await expect(page.locator('[data-announcer]')).toHaveText('Correct! Task solved. Set finished: 5 of 5 tasks solved.');
  await expectNoAxeViolations(page);

  // Followed, the offer takes focus to the summary; a review link takes it to its task.
  await offer.click();
  const heading = summary.getByRole('heading', { name: 'Summary' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await summary.getByRole('link', { name: 'Review task 2 (solved)' }).click();
  await expect(task(page, 2).getByRole('heading', { name: 'Task 2' })).toBeFocused();
  await expect(task(page, 2).getByRole('heading', { name: 'Task 2' })).toBeInViewport();
  await expect(page).toHaveURL(/#task-content-type$/);
});
