// Type it (`&mode=typed`): the seed set answered by typing into text boxes in the code. A near miss is
// wrong but says so ("check the capitals", "one character off"), a typed distractor gets its common
// mistake, typed text survives a reload, Enter checks, and at 390 px every box is in view.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

const URL = '/?set=oauth2-client-credentials&mode=typed';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const box = (page: Page, n: number, b = 1) => task(page, n).getByRole('textbox', { name: `Blank ${b}`, exact: true });
const attempts = (page: Page, n: number, left: number) => task(page, n).getByText(`Attempts: ${left} left`, { exact: true });

/** Types an answer into a box (replacing what it held) and checks with Enter. */
async function answer(page: Page, n: number, text: string, b = 1) {
  await box(page, n, b).fill(text);
  await box(page, n, b).press('Enter');
}

test('Type it: near misses are wrong and say so, a typed distractor gets its mistake, a right answer solves', async ({ page }) => {
  await page.goto(URL);
  const first = box(page, 1);
  // Nothing a phone keyboard would change, and no option bank to choose from.
  await expect(first).toHaveAttribute('autocapitalize', 'off');
  await expect(first).toHaveAttribute('autocorrect', 'off');
  await expect(first).toHaveAttribute('spellcheck', 'false');
  await expect(first).toHaveAttribute('autocomplete', 'off');
  await expect(first).toHaveAttribute('inputmode', 'text');
  await expect(task(page, 1).getByRole('group', { name: 'Options' })).toHaveCount(0);
  await expect(task(page, 1).getByRole('button', { name: 'client_credentials' })).toHaveCount(0);

  await answer(page, 1, 'Client_Credentials');
  await expect(attempts(page, 1, 2)).toBeVisible();
  await expect(first).toHaveAccessibleDescription('wrong, check the capitals');
  await expect(task(page, 1).getByText('check the capitals', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Blank 1: check the capitals.' })).toHaveCount(1);
  await expectNoAxeViolations(page);

  await answer(page, 1, 'client_credentails');
  await expect(attempts(page, 1, 1)).toBeVisible();
  await expect(first).toHaveAccessibleDescription('wrong, one character off');

  // Surrounding spaces are no mistake.
  await answer(page, 1, '  client_credentials ');
  await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
  await expect(first).toHaveAccessibleDescription('right');
  await expect(first).toHaveAttribute('readonly', '');

  // A distractor typed in full is the author's common mistake, not a typo.
  await answer(page, 2, 'application/json');
  await expect(task(page, 2).getByText("Using 'application/json' which is not accepted by many OAuth2 servers for token requests.")).toBeVisible();
  await expect(box(page, 2)).toHaveAccessibleDescription('wrong');
  await expectNoAxeViolations(page);
});

test('Type it: a task fails after its attempts and shows the solution in the box', async ({ page }) => {
  await page.goto(URL);
  for (const wrong of ['text/plain', 'multipart/form-data', 'application/xml']) await answer(page, 2, wrong);
  await expect(task(page, 2).getByText('No attempts left', { exact: false }).first()).toBeVisible();
  await expect(box(page, 2)).toHaveValue('application/x-www-form-urlencoded');
  await expect(box(page, 2)).toHaveAccessibleDescription('solution');
  await expect(box(page, 2)).toHaveAttribute('readonly', '');
  await expectNoAxeViolations(page);
});

test('Type it: typed text and checks survive a reload, and the progress is this mode\'s own', async ({ page }) => {
  await page.goto(URL);
  await answer(page, 1, 'client_credentials');
  await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
  await box(page, 5, 1).fill('client_credentials');
  await box(page, 5, 2).fill('your_client');
  await answer(page, 3, 'your_client_ID');

  await page.reload();
  await expect(box(page, 5, 1)).toHaveValue('client_credentials');
  await expect(box(page, 5, 2)).toHaveValue('your_client');
  await expect(box(page, 1)).toHaveAccessibleDescription('right');
  await expect(attempts(page, 3, 2)).toBeVisible();
  await expect(box(page, 3)).toHaveAccessibleDescription('wrong, check the capitals');

  // Practice keeps its own progress: nothing typed here was spent there.
  await page.goto('/?set=oauth2-client-credentials&mode=practice');
  await expect(task(page, 1).getByRole('button', { name: 'Blank 1, empty' })).toBeVisible();
  await expect(attempts(page, 3, 3)).toBeVisible();
});

test('Type it by keyboard alone: Tab to a box, type, Enter checks, Tab on to the next box', async ({ page }) => {
  await page.goto(URL);
  await page.getByRole('heading', { name: 'Task 5' }).focus();
  for (let i = 0; i < 10 && !(await box(page, 5, 1).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(box(page, 5, 1)).toBeFocused();
  await page.keyboard.type('client_credentials');
  await page.keyboard.press('Tab');
  await expect(box(page, 5, 2)).toBeFocused();
  await page.keyboard.type('your_client_id');
  // Enter with a box still empty checks nothing and says which blank to fill.
  await page.keyboard.press('Enter');
  await expect(task(page, 5).getByRole('alert')).toHaveText('Fill blank 3 before checking.');
  await page.keyboard.press('Tab');
  await expect(box(page, 5, 3)).toBeFocused();
  await page.keyboard.type('your_client_secret');
  await page.keyboard.press('Enter');
  await expect(task(page, 5).getByText(/^✓? ?Correct$/)).toBeVisible();
});

test('Type it at 390 px: no sideways scrolling, every box in view', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(URL);
  await expect(box(page, 1)).toBeVisible();
  const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  const boxes = page.getByRole('textbox', { name: /^Blank \d+$/ });
  expect(await boxes.count()).toBe(7);
  for (const b of await boxes.all()) {
    const r = (await b.boundingBox())!;
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(390);
  }
  // A wrong check with its note still fits.
  await answer(page, 4, 'access_toke');
  await expect(box(page, 4)).toHaveAccessibleDescription('wrong, one character off');
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
});
