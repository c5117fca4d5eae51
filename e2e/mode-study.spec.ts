// Study mode (issue 11, mode 6) with the seed set: each task opens as a worked example (every blank
// showing its answer, the mistakes it avoids and why); "Hide the next answer" hands the learner one
// blank at a time, the last first, to fill from the options, each filling said right or not at once;
// once every blank is theirs and right, the task counts as studied, after a reload and in the picker.
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const URL = '/?set=oauth2-client-credentials&mode=study';
const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}`, exact: true });
const blank = (scope: Locator, b: number) => scope.getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const said = (scope: Locator) => scope.locator('.cb-study > p[role="status"]');

/** Presses Tab until `target` has focus. */
async function tabTo(page: Page, target: Locator, max = 20) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target.toString()} not reached in ${max} presses of Tab`);
}

test('study a task to the end: the worked example, then its answers faded one at a time and filled by the learner', async ({ page }) => {
  test.slow();
  await page.goto(URL);
  const five = task(page, 5);
  // The worked example: every answer shown, with what it avoids and why; nothing to fill yet.
  await expect(five.getByRole('heading', { name: 'Worked example' })).toBeVisible();
  await expect(five.getByRole('listitem').filter({ hasText: 'Blank 3' })).toContainText('your_client_secret');
  await expect(five.getByText('Why:')).toBeVisible();
  await expect(blank(five, 3)).toHaveCount(0);
  await expect(five.getByRole('group', { name: 'Options' })).toHaveCount(0);
  await expect(five.getByText('Step 0 of 3')).toBeVisible();
  await expectNoAxeViolations(page);

  // Step on: the last blank is the learner's, empty and focused; the bank appears.
  await five.getByRole('button', { name: 'Hide the next answer (blank 3)' }).click();
  await expect(blank(five, 3)).toHaveAccessibleName('Blank 3, empty');
  await expect(blank(five, 3)).toBeFocused();
  await expect(said(five)).toHaveText('Blank 3 is empty now: fill it from the options.');
  await expect(five.getByRole('listitem').filter({ hasText: 'Blank 3' })).toContainText('Your turn');

  // A wrong option is said so at once; stepping on is refused until it is right. No attempt is used.
  await blank(five, 3).click();
  await five.getByRole('button', { name: 'authorization_code', exact: true }).click();
  await expect(said(five)).toHaveText('Blank 3: not this one. Try another option.');
  const next = five.getByRole('button', { name: 'Hide the next answer (blank 2)' });
  await expect(next).toHaveAttribute('aria-disabled', 'true');
  // (Playwright's click waits for an aria-disabled button to be enabled: the keyboard presses it as it is.)
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(said(five)).toHaveText('First fill blank 3 with the right answer.');
  await expectNoAxeViolations(page);

  await blank(five, 3).click();
  await five.getByRole('button', { name: 'your_client_secret', exact: true }).click();
  await expect(said(five)).toHaveText('Blank 3: right.');
  // A reload midway comes back to the step reached, with the learner's own answer in its blank.
  await page.reload();
  await expect(five.getByText('Step 1 of 3')).toBeVisible();
  await expect(blank(five, 3)).toHaveAccessibleName(/^Blank 3: your_client_secret/);
  await next.click();
  await expect(blank(five, 2)).toBeFocused();
  await blank(five, 2).click();
  await five.getByRole('button', { name: 'your_client_id', exact: true }).click();
  await five.getByRole('button', { name: 'Hide the next answer (blank 1)' }).click();
  await blank(five, 1).click();
  await five.getByRole('button', { name: 'client_credentials', exact: true }).click();
  await expect(five.getByText('Step 3 of 3')).toBeVisible();
  await five.getByRole('button', { name: 'Finish studying this task' }).click();

  // Studied: said, marked, counted; the worked example shows again.
  await expect(five.getByText('✓ Task studied: every blank filled by you.')).toBeFocused();
  await expect(five.getByText('✓ Studied')).toBeVisible();
  await expect(page.getByText('1 of 5 studied')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(task(page, 5).getByText('✓ Studied')).toBeVisible();
  await page.getByText(/Choose your learning style/).click();
  await expect(page.getByRole('link', { name: /^Study/ })).toContainText('1 of 5 studied');
});

test('keyboard only: step on, fill the blank from the bank and finish, focus following each step', async ({ page }) => {
  await page.goto(URL);
  const one = task(page, 1);
  const step = one.getByRole('button', { name: 'Hide the next answer (blank 1)' });
  await tabTo(page, step);
  await page.keyboard.press('Enter');
  await expect(blank(one, 1)).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, one.getByRole('button', { name: 'client_credentials', exact: true }));
  await page.keyboard.press('Enter');
  await expect(blank(one, 1)).toHaveAccessibleName('Blank 1: client_credentials');
  await expect(said(one)).toHaveText('Blank 1: right.');
  await tabTo(page, one.getByRole('button', { name: 'Finish studying this task' }));
  await page.keyboard.press('Enter');
  await expect(one.getByText('✓ Task studied: every blank filled by you.')).toBeFocused();
  await expectNoAxeViolations(page);
});
