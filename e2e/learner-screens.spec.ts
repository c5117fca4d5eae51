// The set page as it looks at desktop (1280) and phone (390) width, in the states a learner passes
// through: fresh, a wrong check, a failed task with its solution, the summary. Layout rules are asserted
// (no sideways page scroll, no shift when a blank fills or is graded); the screenshots are for eyes.
// Screenshots are taken only when CODEBLANKS_SHOTS names a folder (CODEBLANKS_SHOTS=/tmp/shots), so the
// everyday run pays for the assertions alone.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, tags } from './helpers';

const SET_URL = '/?set=oauth2-client-credentials';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (page: Page, n: number, b = 1) => task(page, n).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const option = (page: Page, n: number, text: string) => task(page, n).getByRole('button', { name: text, exact: true });

async function shoot(target: Page | Locator, name: string, fullPage = false) {
  const dir = process.env.CODEBLANKS_SHOTS;
  if (!dir) return;
  const file = path.join(dir, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage, animations: 'disabled' });
  else await target.screenshot({ path: file, animations: 'disabled' });
}

async function place(page: Page, n: number, b: number, text: string) {
  await blank(page, n, b).click();
  await option(page, n, text).click();
  await expect(blank(page, n, b)).toHaveAccessibleName(new RegExp(`^Blank ${b}: `));
}

async function placeAndCheck(page: Page, n: number, answers: Record<number, string>) {
  for (const [b, text] of Object.entries(answers)) await place(page, n, Number(b), text);
  await task(page, n).getByRole('button', { name: 'Check' }).click();
}

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'the page itself never scrolls sideways').toBeLessThanOrEqual(client);
}

const box = async (locator: Locator) => {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`no box for ${locator.toString()}`);
  return b;
};

/**
 * Every blank sits inside its own code line (a long line wraps around its blanks onto more rows; it used
 * to scroll sideways instead, and this asserted that no line wrapped).
 */
async function expectBlanksOnTheirLines(page: Page) {
  const misplaced = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.cb-blank')].flatMap((el) => {
      const line = el.closest('.cb-line')?.getBoundingClientRect();
      const own = el.getBoundingClientRect();
      return line && (own.top < line.top - 1 || own.bottom > line.bottom + 1 || own.left < line.left - 1 || own.right > line.right + 1)
        ? [`${el.getAttribute('aria-label')}: line ${Math.round(line.top)}-${Math.round(line.bottom)}, blank ${Math.round(own.top)}-${Math.round(own.bottom)}`]
        : [];
    }),
  );
  expect(misplaced).toEqual([]);
}

/**
 * `longest` is the longest option that fits a blank on one row. On a 390 px phone the seed set's longest
 * (application/x-www-form-urlencoded, 33 characters) is wider than a row of code, so it wraps inside its
 * blank, which grows a row (it used to scroll the code sideways instead); the validator warns about such
 * options.
 */
async function journey(page: Page, prefix: string, longest = 'application/x-www-form-urlencoded') {
  await page.goto(SET_URL);
  await expect(task(page, 5)).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await expectNoSidewaysScroll(page);
  await expectBlanksOnTheirLines(page);
  await shoot(page, `${prefix}-1-fresh`, true);
  await shoot(page, `${prefix}-1-fresh-viewport`);

  // No layout shift: the blank keeps its size, and the code block its height, when the longest option
  // fills it and when it is graded.
  const pre = task(page, 2).locator('pre');
  const emptyBlank = await box(blank(page, 2));
  const emptyPre = await box(pre);
  // Nor in the bank: a placed option keeps its size, so the options after it stay where they were.
  const options = task(page, 2).getByRole('group', { name: 'Options' }).getByRole('button');
  // Measured from the bank's corner: clicking a blank may scroll the page.
  const layout = () =>
    options.evaluateAll((els) => {
      const bank = els[0]!.parentElement!.getBoundingClientRect();
      return els.map((el) => el.getBoundingClientRect()).map((r) => [r.x - bank.x, r.y - bank.y, r.width]);
    });
  const bankBefore = await layout();
  await place(page, 2, 1, longest);
  const bankAfter = await layout();
  expect.soft(bankAfter, 'every option of the bank where it was, at its size, after one is placed').toEqual(bankBefore);
  const filledBlank = await box(blank(page, 2));
  // Soft, so one shift does not hide the states after it.
  expect.soft(filledBlank.width, 'blank width, empty -> filled with the longest option').toBeCloseTo(emptyBlank.width, 0);
  expect.soft(filledBlank.height, 'blank height, empty -> filled').toBeCloseTo(emptyBlank.height, 0);
  expect.soft((await box(pre)).height, 'code height, empty -> filled').toBeCloseTo(emptyPre.height, 0);
  await place(page, 2, 1, 'multipart/form-data');
  await task(page, 2).getByRole('button', { name: 'Check' }).click();
  await expect(blank(page, 2)).toHaveAccessibleName('Blank 1: multipart/form-data, wrong');
  const gradedBlank = await box(blank(page, 2));
  expect.soft(gradedBlank.width, 'blank width, empty -> graded wrong').toBeCloseTo(emptyBlank.width, 0);
  expect.soft((await box(pre)).height, 'code height, empty -> graded').toBeCloseTo(emptyPre.height, 0);
  await expectBlanksOnTheirLines(page);
  await task(page, 2).scrollIntoViewIfNeeded();
  await shoot(task(page, 2), `${prefix}-2-wrong-check-task`);
  await shoot(page, `${prefix}-2-wrong-check-viewport`);

  for (const text of ['token', '[', ']']) await placeAndCheck(page, 4, { 1: text });
  await expect(blank(page, 4)).toHaveAccessibleName('Blank 1: access_token, solution');
  await expectNoSidewaysScroll(page);
  await shoot(task(page, 4), `${prefix}-3-failed-task`);

  await placeAndCheck(page, 2, { 1: 'application/x-www-form-urlencoded' });
  await placeAndCheck(page, 1, { 1: 'client_credentials' });
  await placeAndCheck(page, 3, { 1: 'your_client_id' });
  await placeAndCheck(page, 5, { 1: 'client_credentials', 2: 'your_client_id', 3: 'your_client_secret' });
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectBlanksOnTheirLines(page);
  await shoot(summary, `${prefix}-4-summary`);
  await shoot(page, `${prefix}-4-summary-page`, true);
}

test.describe('desktop 1280', { tag: tags.desktop }, () => {
  test('fresh, wrong check, failed with solution, summary: no sideways scroll, no layout shift', async ({ page }) => {
    await journey(page, 'desktop-1280');
  });

  test('every blank of a task is visible in its code block without scrolling it sideways', async ({ page }) => {
    await page.goto(SET_URL);
    await expect(task(page, 5)).toBeVisible();
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.cb-blank')].flatMap((el) => {
        const pre = el.closest('pre')!.getBoundingClientRect();
        const own = el.getBoundingClientRect();
        const section = el.closest('section')?.getAttribute('aria-labelledby');
        const name = `${section ? document.getElementById(section)?.textContent : ''} ${el.getAttribute('aria-label')}`;
        return own.right > pre.right + 1 ? [`${name}: right edge ${Math.round(own.right)} > code ${Math.round(pre.right)}`] : [];
      }),
    );
    expect(hidden).toEqual([]);
  });
});

test.describe('phone 390', { tag: tags.phone }, () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('fresh, wrong check, failed with solution, summary: no sideways scroll, no layout shift', async ({ page }) => {
    await journey(page, 'phone-390', 'multipart/form-data');
  });
});
