// The exam mode (issue 10, mode 5) with the seed set: a time limit chosen at the start, one saved answer
// per task with no marks until the exam is submitted, a reload that keeps the answers and the clock,
// the results, a retake in a new order, time up submitting by itself, and all of it by keyboard alone.
// The page's clock is Playwright's (page.clock), so ten minutes pass in a moment.
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags } from './helpers';

const URL = '/?set=oauth2-client-credentials&mode=exam';
const T0 = Date.parse('2026-03-02T09:00:00Z');
/** Moves the page's time to `ms` after T0. */
const at = (page: Page, ms: number) => page.clock.setFixedTime(T0 + ms);
const PROMPTS: Record<string, RegExp> = {
  'grant-type': /grant type/,
  'content-type': /content type/,
};

/** The task ids in the order the page shows them. */
const shownOrder = (page: Page) => page.locator('section[data-task]').evaluateAll((els) => els.map((el) => el.getAttribute('data-task')));

/** The task region showing a task of the set, whatever its place in this round. */
async function taskRegion(page: Page, id: string): Promise<Locator> {
  const n = (await shownOrder(page)).indexOf(id) + 1;
  expect(n, `task ${id} is shown`).toBeGreaterThan(0);
  return page.getByRole('region', { name: `Task ${n}`, exact: true });
}

const blank = (scope: Locator, b = 1) => scope.getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });

async function answer(page: Page, id: string, option: string) {
  const task = await taskRegion(page, id);
  await blank(task).click();
  await task.getByRole('button', { name: option, exact: true }).click();
  await expect(blank(task)).toHaveAccessibleName(`Blank 1: ${option}`);
  await task.getByRole('button', { name: 'Save answer' }).click();
  await expect(task.getByText('Answer saved')).toBeVisible();
  // Locked in, and nothing says whether it was right.
  await expect(task.getByRole('button', { name: 'Save answer' })).toHaveCount(0);
  await expect(blank(task)).toHaveAccessibleName(`Blank 1: ${option}`);
  await expect(task.getByText(/Correct|Solved|Failed|Not yet|wrong/i)).toHaveCount(0);
}

/** Presses Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, max = 20, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${target.toString()} not reached in ${max} presses of ${key}`);
}

test.beforeEach(async ({ page }) => {
  // The page's time stands still unless a test moves it (timers keep running, so the clock ticks).
  await page.clock.setFixedTime(T0);
});

test('a timed exam: answers without marks, a reload keeps them and the clock, then results and a retake in a new order', async ({ page }) => {
  // Many steps and five axe runs: a phone's emulation takes longer than the default allows.
  test.slow();
  await page.goto(URL);
  await expect(page.getByRole('heading', { name: 'Exam', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  // No hints, no common mistakes, no task before the start.
  await expect(page.getByRole('region', { name: /^Task / })).toHaveCount(0);

  await page.getByRole('radio', { name: '10 minutes' }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await expect(page.getByRole('timer')).toHaveText('Time left: 10:00');
  await expect(page.getByRole('region', { name: /^Task / })).toHaveCount(5);
  await expect(page.getByRole('button', { name: 'Hint' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Common mistakes' })).toHaveCount(0);
  const order = await shownOrder(page);

  await answer(page, 'grant-type', 'client_credentials');
  await answer(page, 'content-type', 'text/plain');
  await expect(page.getByText('2 of 5 answers saved')).toBeVisible();
  await expectNoAxeViolations(page);

  await at(page, 125_000);
  await expect(page.getByRole('timer')).toHaveText('Time left: 7:55');
  await page.reload();
  await expect(page.getByRole('timer')).toHaveText('Time left: 7:55');
  expect(await shownOrder(page)).toEqual(order);
  await expect((await taskRegion(page, 'grant-type')).getByText('Answer saved')).toBeVisible();
  await expect(blank(await taskRegion(page, 'content-type'))).toHaveAccessibleName('Blank 1: text/plain');

  // Three tasks have no saved answer: Submit asks first, and Keep going keeps the exam.
  await page.getByRole('button', { name: 'Submit exam' }).click();
  await expect(page.getByText('3 tasks have no saved answer and will count as wrong. Submit anyway?')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Keep going' }).click();
  await expect(page.getByRole('button', { name: 'Submit exam' })).toBeFocused();
  await page.getByRole('button', { name: 'Submit exam' }).click();
  await page.getByRole('button', { name: 'Submit', exact: true }).click();

  const results = page.getByRole('region', { name: 'Exam results' });
  await expect(results.getByRole('heading', { name: 'Exam results' })).toBeFocused();
  await expect(results.getByText('1 of 5 right', { exact: true })).toBeVisible();
  await expect(results.getByText('Time taken: 2:05')).toBeVisible();
  const grant = results.getByRole('region', { name: `Task ${order.indexOf('grant-type') + 1} ✓ Right` });
  await expect(grant.getByText(PROMPTS['grant-type']!)).toBeVisible();
  const content = results.getByRole('region', { name: `Task ${order.indexOf('content-type') + 1} ✗ Wrong` });
  await expect(content.getByRole('row', { name: /Blank 1/ })).toHaveText(/text\/plain.*application\/x-www-form-urlencoded/);
  await expect(content.getByText(/RFC 6749 requires token requests/)).toBeVisible();
  await expect(results.getByRole('region', { name: /✗ No answer$/ })).toHaveCount(3);
  await expect(results.getByRole('region', { name: 'Last results' }).getByRole('listitem')).toHaveText([/1 of 5 right in 2:05/]);
  await expectNoAxeViolations(page);

  // The results survive a reload; Retake starts afresh, in another order.
  await page.reload();
  await expect(page.getByText('1 of 5 right', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Retake the exam' }).click();
  await expect(page.getByRole('timer')).toHaveText('Time left: 10:00');
  await expect(page.getByText('0 of 5 answers saved')).toBeVisible();
  expect(await shownOrder(page)).not.toEqual(order);
  await expect(page.getByRole('region', { name: 'Task 1', exact: true }).getByRole('heading', { name: 'Task 1' })).toBeFocused();
});

test('time up submits the exam by itself', async ({ page }) => {
  await page.goto(URL);
  await page.getByRole('radio', { name: '10 minutes' }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await answer(page, 'grant-type', 'client_credentials');

  await at(page, 9 * 60_000);
  await expect(page.getByRole('timer')).toHaveText('Time left: 1:00');
  await at(page, 10 * 60_000 + 1);
  const results = page.getByRole('region', { name: 'Exam results' });
  await expect(results.getByText('Time is up: the exam was submitted.')).toBeVisible();
  await expect(results.getByText('1 of 5 right', { exact: true })).toBeVisible();
  await expect(results.getByText('Time taken: 10:00')).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('time that ran out while the page was closed submits at the limit on return', async ({ page }) => {
  await page.goto(URL);
  await page.getByRole('radio', { name: '20 minutes' }).check();
  await page.getByRole('button', { name: 'Start the exam' }).click();
  await answer(page, 'content-type', 'application/x-www-form-urlencoded');
  await page.goto('about:blank');
  await at(page, 60 * 60_000);
  await page.goto(URL);
  await expect(page.getByText('Time taken: 20:00')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Last results' }).getByRole('listitem')).toHaveText([/1 of 5 right in 20:00/]);
});

test('keyboard alone: choose no limit, start, answer, submit, retake', { tag: tags.desktop }, async ({ page }) => {
  await page.goto(URL);
  await expect(page.getByRole('radio', { name: 'No time limit' })).toBeChecked();
  await page.getByRole('radio', { name: 'No time limit' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '10 minutes' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'No time limit' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start the exam' })).toBeFocused();
  await page.keyboard.press('Enter');

  // No limit, no clock. Focus is on the first task.
  await expect(page.getByRole('timer')).toHaveCount(0);
  const first = page.getByRole('region', { name: 'Task 1', exact: true });
  await expect(first.getByRole('heading', { name: 'Task 1' })).toBeFocused();
  // The round's first task may have several blanks: each takes its own option.
  const blanks = await first.getByRole('button', { name: /^Blank \d+\b/ }).count();
  for (let b = 1; b <= blanks; b += 1) {
    // The bank comes after the code: back up to the next blank.
    await tabTo(page, blank(first, b), 20, b === 1 ? 'Tab' : 'Shift+Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, first.getByRole('group', { name: 'Options' }).getByRole('button').nth(b - 1));
    await page.keyboard.press('Enter');
    await expect(blank(first, b)).toHaveAccessibleName(new RegExp(`^Blank ${b}: `));
  }
  await tabTo(page, first.getByRole('button', { name: 'Save answer' }));
  await page.keyboard.press('Enter');
  await expect(first.getByText('Answer saved')).toBeFocused();
  await expectNoAxeViolations(page);

  await tabTo(page, page.getByRole('button', { name: 'Submit exam' }), 80);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Submit', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Exam results' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Retake the exam' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Task 1', exact: true }).getByRole('heading', { name: 'Task 1' })).toBeFocused();
});
