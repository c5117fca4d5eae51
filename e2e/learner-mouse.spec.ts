// A learner with a mouse plays the seed set end to end with real pointer drags: four tasks solved, one
// failed three times; the summary follows. axe checks the page in each state the learner passes through.
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags, untilClicksPass, centre } from './helpers';

const SET_URL = '/?set=oauth2-client-credentials';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (page: Page, n: number, b = 1) => task(page, n).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const option = (page: Page, n: number, text: string) => task(page, n).getByRole('button', { name: text, exact: true });

/** Presses on `from`, moves past the 5 px activation distance, glides to `to` in steps, releases. */
async function drag(page: Page, from: Locator, to: Locator) {
  // The target in the middle of the viewport and of its code block (a long line scrolls sideways), away
  // from the edges where dnd-kit autoscrolls, as a learner would scroll it before dragging.
  await to.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  const start = await centre(from);
  const end = await centre(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 8, start.y + 8, { steps: 4 });
  await expect(page.locator('.cb-chip--overlay[data-active]')).toBeVisible();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator('.cb-chip--overlay[data-active]')).toHaveCount(0);
}

async function dragAndSee(page: Page, n: number, b: number, text: string) {
  await drag(page, option(page, n, text), blank(page, n, b));
  await expect(blank(page, n, b)).toHaveAccessibleName(new RegExp(`^Blank ${b}: ${text.replace(/[[\]]/g, '\\$&')}$`));
}

async function check(page: Page, n: number) {
  await untilClicksPass(page);
  await task(page, n).getByRole('button', { name: 'Check' }).click();
}

test.describe('the seed set with a mouse', { tag: tags.desktop }, () => {
  test('drag options into blanks, solve four tasks, fail one, and see the summary; axe-clean throughout', async ({ page }) => {
    test.setTimeout(90_000); // one long journey: 14 drags, 7 checks and 6 axe runs
    await page.goto(SET_URL);
    await expect(task(page, 5)).toBeVisible();
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1, empty');
    await expectNoAxeViolations(page);

    // An option selected by a click (the twin of a drag) shows as pressed; axe checks that state.
    await option(page, 1, 'password').click();
    await expect(option(page, 1, 'password')).toHaveAttribute('aria-pressed', 'true');
    await expectNoAxeViolations(page);
    await option(page, 1, 'password').click();
    await expect(option(page, 1, 'password')).toHaveAttribute('aria-pressed', 'false');

    // Task 1: one drag, one check.
    await dragAndSee(page, 1, 1, 'client_credentials');
    await expect(option(page, 1, 'client_credentials')).toHaveAccessibleDescription(/in blank 1/);
    await check(page, 1);
    await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1: client_credentials, right');
    await expect(task(page, 1).getByRole('heading', { name: 'Explanation' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Task 2: a wrong option first, replaced by a second drag onto the filled blank.
    await dragAndSee(page, 2, 1, 'application/json');
    await dragAndSee(page, 2, 1, 'application/x-www-form-urlencoded');
    await expect(option(page, 2, 'application/json')).not.toHaveAccessibleDescription(/in blank/);
    await check(page, 2);
    await expect(task(page, 2).getByText(/^✓? ?Correct$/)).toBeVisible();

    await dragAndSee(page, 3, 1, 'your_client_id');
    await check(page, 3);
    await expect(task(page, 3).getByText(/^✓? ?Correct$/)).toBeVisible();

    // Task 4: three wrong checks.
    await dragAndSee(page, 4, 1, 'token');
    await check(page, 4);
    await expect(blank(page, 4)).toHaveAccessibleName('Blank 1: token, wrong');
    await expect(task(page, 4).getByText('Attempts: 2 left', { exact: true })).toBeVisible();
    await expect(task(page, 4).getByText("Using the wrong key name like 'token'.")).toContainText("Your choice: Using the wrong key name like 'token'.");
    await expectNoAxeViolations(page);

    await dragAndSee(page, 4, 1, '[');
    await check(page, 4);
    await expect(task(page, 4).getByText('Attempts: 1 left', { exact: true })).toBeVisible();
    await dragAndSee(page, 4, 1, ']');
    await check(page, 4);
    await expect(blank(page, 4)).toHaveAccessibleName('Blank 1: access_token, solution');
    await expect(task(page, 4).getByText('No attempts left', { exact: true })).toBeVisible();
    await expect(task(page, 4).getByText('The solution is shown in the blanks.', { exact: false })).toBeVisible();
    await expect(task(page, 4).getByText(/json\.loads turns the response text into a Python dict/)).toBeVisible();
    await expect(task(page, 4).getByRole('button', { name: 'Check' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Task 5: drags from the bank, a drag from blank to blank, and a drag back to the bank.
    await dragAndSee(page, 5, 3, 'your_client_id');
    await drag(page, blank(page, 5, 3), blank(page, 5, 2));
    await expect(blank(page, 5, 2)).toHaveAccessibleName('Blank 2: your_client_id');
    await expect(blank(page, 5, 3)).toHaveAccessibleName('Blank 3, empty');
    await dragAndSee(page, 5, 1, 'authorization_code');
    await drag(page, blank(page, 5, 1), task(page, 5).getByRole('group', { name: 'Options' }));
    await expect(blank(page, 5, 1)).toHaveAccessibleName('Blank 1, empty');
    await dragAndSee(page, 5, 1, 'client_credentials');
    await dragAndSee(page, 5, 3, 'your_client_secret');
    await check(page, 5);
    await expect(task(page, 5).getByText(/^✓? ?Correct$/)).toBeVisible();

    const summary = page.getByRole('region', { name: 'Summary' });
    await expect(summary).toBeVisible();
    await expect(summary.getByText('4 of 5 tasks solved')).toBeVisible();
    await expect(summary.getByText('7 attempts used')).toBeVisible();
    await expect(summary.getByText('0 hints used')).toBeVisible();
    await expect(summary.getByRole('link', { name: /^Review task \d/ })).toHaveCount(5);
    await expect(summary.getByRole('link', { name: /Review task 4 \(not solved\)/ })).toHaveAttribute('href', '#task-parse-access-token');
    await expect(page.getByRole('progressbar', { name: '4 of 5 solved' })).toBeAttached();
    await expectNoAxeViolations(page);

    await summary.getByRole('link', { name: /Review task 4/ }).click();
    await expect(page).toHaveURL(/#task-parse-access-token$/);
    await expect(task(page, 4)).toBeInViewport();
  });

  test("a blank past the code block's right edge is reached by dragging to the edge: the code scrolls", async ({ page }) => {
    await page.goto(SET_URL);
    const pre = task(page, 5).locator('pre');
    const hidden = blank(page, 5, 3);
    await pre.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const code = await pre.boundingBox();
    if (!code) throw new Error('no code block');
    const start = await centre(option(page, 5, 'your_client_secret'));
    const line = await centre(hidden);

    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 8, start.y + 8, { steps: 4 });
    await page.mouse.move(code.x + code.width - 20, line.y, { steps: 10 });
    // dnd-kit scrolls the code sideways while the chip waits at its edge, until blank 3 is in view.
    await expect.poll(async () => ((await hidden.boundingBox())?.x ?? Infinity) + ((await hidden.boundingBox())?.width ?? 0)).toBeLessThanOrEqual(code.x + code.width);
    const end = await centre(hidden);
    await page.mouse.move(end.x, end.y, { steps: 5 });
    await page.mouse.up();
    await expect(hidden).toHaveAccessibleName('Blank 3: your_client_secret');
  });

  test('a press without travel is a click, not a drag; a drag dropped outside any blank changes nothing', async ({ page }) => {
    await page.goto(SET_URL);
    const from = option(page, 1, 'refresh_token');
    await from.evaluate((el) => el.closest('section')?.scrollIntoView({ block: 'center' }));
    const start = await centre(from);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 2, start.y + 1);
    await page.mouse.up();
    await expect(from).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.cb-chip--overlay[data-active]')).toHaveCount(0);
    await from.click();

    await drag(page, from, task(page, 1).getByRole('heading', { name: 'Task 1' }));
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1, empty');
    await expect(from).not.toHaveAccessibleDescription(/in blank/);
  });
});
