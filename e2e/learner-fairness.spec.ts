// Fair attempts and feedback: an answer is graded once, "Common mistakes" never gives the answer away,
// a screen reader hears the mistake the answer made, and feedback stays with the answer it graded.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const SET_URL = '/?set=oauth2-client-credentials';
const PASSWORD_MISTAKE = "Using 'password': the resource owner password grant sends a user's password and is deprecated in OAuth 2.1.";

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (page: Page, n: number, b = 1) => task(page, n).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const option = (page: Page, n: number, text: string) => task(page, n).getByRole('button', { name: text, exact: true });
const button = (page: Page, n: number, name: string) => task(page, n).getByRole('button', { name, exact: true });
const attempts = (page: Page, n: number, left: number) => task(page, n).getByText(`Attempts: ${left} left`, { exact: true });
/** Our live region (dnd-kit has its own status regions, which never speak these words). */
const spoken = (page: Page) => page.locator('[data-announcer]');

/** Click-to-place: the blank, then the option. */
async function place(page: Page, n: number, b: number, text: string) {
  await blank(page, n, b).click();
  await option(page, n, text).click();
  await expect(blank(page, n, b)).toHaveAccessibleName(new RegExp(`^Blank ${b}: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}

test.describe('fair attempts', () => {
  test('a double click on Check spends one attempt, and Check again without a change spends none and says why', async ({ page }) => {
    await page.goto(SET_URL);
    await place(page, 1, 1, 'password');
    await button(page, 1, 'Check').dblclick();
    await expect(attempts(page, 1, 2)).toBeVisible();
    await expect(button(page, 1, 'Check')).toHaveAttribute('aria-disabled', 'true');
    await expect(task(page, 1).getByRole('alert')).toHaveText('Already checked: change an answer first.');

    // Dimmed (aria-disabled, so Playwright would wait for it to enable), yet a learner can still press it.
    await button(page, 1, 'Check').click({ force: true });
    await expect(task(page, 1).getByRole('alert')).toHaveText('Already checked: change an answer first.');
    await expect(attempts(page, 1, 2)).toBeVisible();

    await place(page, 1, 1, 'refresh_token');
    await expect(task(page, 1).getByRole('alert')).toHaveCount(0);
    await button(page, 1, 'Check').click();
    await expect(attempts(page, 1, 1)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a wrong check shows and speaks the mistake the answer made, and Common mistakes names no other wrong option', async ({ page }) => {
    await page.goto(SET_URL);
    await place(page, 1, 1, 'password');
    await button(page, 1, 'Check').click();
    await expect(task(page, 1).getByText(PASSWORD_MISTAKE)).toContainText(`Your choice: ${PASSWORD_MISTAKE}`);
    await expect(spoken(page)).toHaveText(`Blank 1 is wrong. Attempts: 2 left. Your choice: ${PASSWORD_MISTAKE}`);

    const toggle = button(page, 1, 'Common mistakes');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const list = task(page, 1).locator('.cb-mistakes');
    await expect(list.getByRole('listitem')).toHaveText([`Your choice: ${PASSWORD_MISTAKE}`]);
    await expect(list.getByText('All are shown once the task ends.')).toBeVisible();
    // Nothing in the task, shown or hidden, names the other two wrong options' mistakes: the answer stays unknown.
    await expect(task(page, 1)).not.toContainText("Using 'refresh_token'");
    await expect(task(page, 1)).not.toContainText("Using 'authorization_code'");
    await expectNoAxeViolations(page);

    // Once the task ends, the whole list.
    await place(page, 1, 1, 'client_credentials');
    await button(page, 1, 'Check').click();
    await expect(list.getByRole('listitem')).toHaveCount(4);
    await expect(list.getByText('All are shown once the task ends.')).toHaveCount(0);
  });

  test('Hint pressed before anything else shows the hint (its words come with the feedback chunk Hint loads)', async ({ page }) => {
    await page.goto(SET_URL);
    await button(page, 1, 'Hint').click();
    await expect(task(page, 1).locator('.cb-hint')).toHaveText(['Hint 1 of 2: The grant type names the flow you are using.']);
    await expectNoAxeViolations(page);
  });

  test('opening Common mistakes for advice the author marked "always" counts as help in the summary', async ({ page }) => {
    // The seed's first task alone, its general mistake marked `always`, served in place of the seed set.
    const seed = JSON.parse(readFileSync(new URL('../exercises/oauth2-client-credentials.json', import.meta.url), 'utf8'));
    const first = seed.tasks[0];
    first.mistakes = first.mistakes.map((m: { when?: unknown }) => (m.when ? m : { ...m, always: true }));
    await page.route('**/exercises/oauth2-client-credentials.json', (route) => route.fulfill({ json: { ...seed, tasks: [first] } }));

    await page.goto(SET_URL);
    await button(page, 1, 'Common mistakes').click();
    await expect(task(page, 1).locator('.cb-mistakes').getByRole('listitem')).toHaveText(['Leaving the grant_type parameter empty.']);
    await place(page, 1, 1, 'client_credentials');
    await button(page, 1, 'Check').click();
    await expect(page.getByRole('region', { name: 'Summary' }).getByText('1 hint used')).toBeVisible();
  });
});

test.describe('feedback belongs to the answer it graded', () => {
  test("after Reset or a changed answer the last check's marks go; an ended task says how it ended instead of showing dead buttons", async ({ page }) => {
    await page.goto(SET_URL);
    await place(page, 1, 1, 'password');
    await button(page, 1, 'Check').click();
    await expect(task(page, 1).getByText('Blank 1: password — wrong')).toBeVisible();
    await button(page, 1, 'Reset').click();
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1, empty');
    await expect(task(page, 1).getByText(/Blank 1: password — wrong|blank is wrong/)).toHaveCount(0);
    await expect(attempts(page, 1, 2)).toBeVisible();

    await place(page, 5, 1, 'client_credentials');
    await place(page, 5, 2, 'your_client_secret');
    await place(page, 5, 3, 'your_client_id');
    await button(page, 5, 'Check').click();
    await expect(task(page, 5).getByText('Blank 2: your_client_secret — wrong')).toBeVisible();
    await place(page, 5, 2, 'authorization_code');
    await expect(task(page, 5).getByText(/your_client_secret — wrong|blanks are wrong/)).toHaveCount(0);
    await expect(blank(page, 5, 1)).toHaveAccessibleName('Blank 1: client_credentials, right');

    // Solved at the second attempt: the outcome, not "Attempts: 1 left" and three greyed buttons.
    await place(page, 1, 1, 'client_credentials');
    await button(page, 1, 'Check').click();
    await expect(task(page, 1).getByText('Solved in 2 attempts', { exact: true })).toBeVisible();
    await expect(task(page, 1).getByText(/^Attempts:/)).toHaveCount(0);
    for (const name of ['Check', 'Hint', 'Reset']) await expect(button(page, 1, name)).toHaveCount(0);

    // Failed: it says no attempts are left, once, and offers no buttons either.
    for (const wrong of ['token', '[', ']']) {
      await place(page, 4, 1, wrong);
      await button(page, 4, 'Check').click();
    }
    await expect(task(page, 4).getByText('No attempts left', { exact: true })).toBeVisible();
    for (const name of ['Check', 'Hint', 'Reset']) await expect(button(page, 4, name)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
