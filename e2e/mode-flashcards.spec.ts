// Flashcards (issue 11, mode 7) with the seed set: every blank of every task is a card (5 tasks, 7
// blanks); the learner turns it, rates it, sees when it is due, and meets it again on that day and not
// before. The page's clock is Playwright's (page.clock), so days pass in a moment.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const URL = '/?set=oauth2-client-credentials&mode=flashcards';
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const on = (page: Page, days: number) => page.clock.setFixedTime(T0 + days * DAY);

test.beforeEach(async ({ page }) => {
  await on(page, 0);
});

const card = (page: Page) => page.getByRole('region', { name: /^Card \d+ of \d+$/ });

test('rated cards come back on the day FSRS gives them, and not before', async ({ page }, info) => {
  test.slow();
  await page.goto(URL);
  await expect(page.getByRole('heading', { name: 'Card 1 of 7' })).toBeVisible();
  await expect(card(page).getByText('Task 1, blank 1')).toBeVisible();
  // The blank to recall is masked; the answer is not on the card yet.
  await expect(card(page).getByText('client_credentials')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `/tmp/fc-front-${info.project.name}.png`, fullPage: true });

  await page.getByRole('button', { name: 'Show answer' }).click();
  await expect(card(page).getByText('client_credentials').first()).toBeVisible();
  // Each rating says when it would bring the card back.
  const rate = page.getByRole('group', { name: /How well did you recall it/ });
  await expect(rate.getByRole('button')).toHaveText(['Again · tomorrow', 'Hard · in 2 days', 'Good · in 3 days', 'Easy · in 8 days']);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `/tmp/fc-back-${info.project.name}.png`, fullPage: true });
  await rate.getByRole('button', { name: /^Good/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Good · due in 3 days' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Card 2 of 7' })).toBeVisible();

  await page.getByRole('button', { name: 'Show answer' }).click();
  await rate.getByRole('button', { name: /^Again/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Again · due tomorrow' })).toBeVisible();
  for (let i = 3; i <= 7; i++) {
    await expect(page.getByRole('heading', { name: `Card ${i} of 7` })).toBeVisible();
    await page.getByRole('button', { name: 'Show answer' }).click();
    await rate.getByRole('button', { name: /^Easy/ }).click();
  }
  await expect(page.getByRole('heading', { name: 'No cards due' })).toBeFocused();
  await expect(page.getByText('Next: 1 card due tomorrow.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Later today, after a restart: nothing due.
  await on(page, 0.5);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No cards due' })).toBeVisible();
  await page.getByText('All cards (7)').click();
  await expect(page.getByRole('listitem')).toHaveText([
    'Task 1, blank 1 · in 3 days',
    'Task 2, blank 1 · tomorrow',
    'Task 3, blank 1 · in 8 days',
    'Task 4, blank 1 · in 8 days',
    'Task 5, blank 1 · in 8 days',
    'Task 5, blank 2 · in 8 days',
    'Task 5, blank 3 · in 8 days',
  ]);

  // Tomorrow: the card rated Again.
  await on(page, 1);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Card 1 of 1' })).toBeVisible();
  await expect(card(page).getByText('Task 2, blank 1')).toBeVisible();

  // Three days on: the Good one as well (the Again one was not rated since, so it is still due).
  await on(page, 3);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Card 1 of 2' })).toBeVisible();
  await expect(card(page).getByText('Task 1, blank 1')).toBeVisible();
});

test('keyboard only: turn with Enter, rate with the keys 1 to 4', async ({ page }) => {
  await page.goto(URL);
  const turn = page.getByRole('button', { name: 'Show answer' });
  for (let i = 0; i < 30 && !(await turn.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(turn).toBeFocused();
  await page.keyboard.press('Enter');
  // Focus moves to Good, the usual answer; the number keys rate wherever focus is.
  await expect(page.getByRole('button', { name: 'Good · in 3 days' })).toBeFocused();
  await page.keyboard.press('4');
  await expect(page.getByRole('status').filter({ hasText: 'Easy · due in 8 days' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Card 2 of 7' })).toBeVisible();
  // Before the card is turned, a number rates nothing.
  await page.keyboard.press('1');
  await expect(page.getByRole('heading', { name: 'Card 2 of 7' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await expect(page.getByRole('status').filter({ hasText: 'Again · due tomorrow' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Card 3 of 7' })).toBeVisible();
  await expectNoAxeViolations(page);
});
