// A learner with a keyboard alone: Tab, Enter and Space solve a task, Shift+Space starts a keyboard drag,
// and whatever has focus always shows it.
import type { Page } from '@playwright/test';
import { test, expect, tags } from './helpers';

const SET_URL = '/?set=oauth2-client-credentials';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (page: Page, n: number, b = 1) => task(page, n).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const option = (page: Page, n: number, text: string) => task(page, n).getByRole('button', { name: text, exact: true });

/** What has focus now, and whether it shows: a visible outline, not `none` and not 0 px wide. */
async function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      what: `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)}"`,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

async function expectFocusVisible(page: Page) {
  const ring = await focusRing(page);
  expect(ring, 'focus is on an element, not lost to <body>').not.toBeNull();
  expect(ring?.visible, `focus ring on ${ring?.what} (outline: ${ring?.outline})`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, checking the focus ring at every stop. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 40) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
    await expectFocusVisible(page);
  }
  throw new Error(`${target.toString()} not reached in ${max} presses of ${key}`);
}

test.describe('the seed set with a keyboard', { tag: tags.desktop }, () => {
  test('Tab, Enter and Space solve a task, and every stop shows its focus', async ({ page }) => {
    await page.goto(SET_URL);
    await expect(blank(page, 1)).toBeVisible();

    await tabTo(page, blank(page, 1));
    await page.keyboard.press('Enter');
    await expect(blank(page, 1)).toHaveAttribute('aria-pressed', 'true');
    await tabTo(page, option(page, 1, 'client_credentials'));
    await page.keyboard.press('Space');
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1: client_credentials');
    await expectFocusVisible(page);

    await tabTo(page, task(page, 1).getByRole('button', { name: 'Check' }));
    await page.keyboard.press('Enter');
    await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();

    // Task 2 the other way round: Space selects an option, Shift+Tab back to the blank, Enter places it.
    await tabTo(page, option(page, 2, 'text/plain'));
    await page.keyboard.press('Space');
    await expect(option(page, 2, 'text/plain')).toHaveAttribute('aria-pressed', 'true');
    await tabTo(page, blank(page, 2), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(blank(page, 2)).toHaveAccessibleName('Blank 1: text/plain');
    await expectFocusVisible(page);
  });

  test('a button that disables itself or gives way (Check that solves, the last Hint, Reset) does not drop focus to <body>', async ({ page }) => {
    await page.goto(SET_URL);
    const where = () => focusRing(page).then((ring) => ring?.what ?? '<body>');

    await tabTo(page, blank(page, 1));
    await page.keyboard.press('Enter');
    await tabTo(page, option(page, 1, 'client_credentials'));
    await page.keyboard.press('Enter');
    await tabTo(page, task(page, 1).getByRole('button', { name: 'Check' }));
    await page.keyboard.press('Enter');
    // The solved task's buttons give way to its outcome, and focus goes there.
    await expect(task(page, 1).getByRole('button', { name: 'Check' })).toHaveCount(0);
    await expect(task(page, 1).getByText('Solved in 1 attempt')).toBeFocused();
    expect.soft(await where(), 'focus after Check solved task 1').not.toBe('<body>');

    const hint = task(page, 2).getByRole('button', { name: 'Hint' });
    await tabTo(page, hint);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(hint).toBeDisabled();
    expect.soft(await where(), 'focus after the last hint of task 2').not.toBe('<body>');

    await tabTo(page, blank(page, 3));
    await page.keyboard.press('Enter');
    await tabTo(page, option(page, 3, 'grant_type'));
    await page.keyboard.press('Enter');
    const reset = task(page, 3).getByRole('button', { name: 'Reset' });
    await tabTo(page, reset);
    await page.keyboard.press('Enter');
    await expect(reset).toBeDisabled();
    expect.soft(await where(), 'focus after Reset emptied task 3').not.toBe('<body>');
  });

  test('a keyboard drag: Shift+Space picks up, an arrow moves over the blank, Space drops', async ({ page }) => {
    await page.goto(SET_URL);
    const chip = option(page, 2, 'application/x-www-form-urlencoded');
    await tabTo(page, chip);

    // Everything dnd-kit's live region says during the drag, in order.
    await page.evaluate(() => {
      // dnd-kit's region for task 2's drag context (its numbering depends on render order, so scope by task).
      const region = document.querySelector('[data-task="content-type"] [id^="DndLiveRegion-"]')!;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    });
    const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said.filter(Boolean));

    await page.keyboard.press('Shift+Space');
    await expect(page.locator('.cb-chip--overlay[data-active]')).toBeVisible();
    await expect.poll(async () => (await said()).length).toBeGreaterThan(0);
    // dnd-kit announces onDragOver in the same render as onDragStart; ours stays quiet while the option is
    // over its own bank, so "Picked up ..." is what the region says (src/dnd/task-dnd.tsx).
    expect.soft(await said(), 'the pickup is announced').toContain('Picked up application/x-www-form-urlencoded.');
    await page.keyboard.press('ArrowRight');
    await expect(blank(page, 2)).toHaveAttribute('data-over');
    await expect.poll(said).toContain('application/x-www-form-urlencoded is over blank 1.');
    await page.keyboard.press('Space');

    await expect(blank(page, 2)).toHaveAccessibleName('Blank 1: application/x-www-form-urlencoded');
    await expect(page.locator('.cb-chip--overlay[data-active]')).toHaveCount(0);
    // The drop is not also a click that selects the option, and focus stays on it, visibly.
    await expect(chip).toHaveAttribute('aria-pressed', 'false');
    await expect(chip).toBeFocused();
    await expectFocusVisible(page);
    await expect.poll(said).toContain('application/x-www-form-urlencoded dropped in blank 1.');
    // Our own live region says it too.
    await expect(page.getByRole('status').filter({ hasText: 'placed in blank 1' })).toHaveText(
      'application/x-www-form-urlencoded placed in blank 1',
    );
  });

  test('a keyboard drag cancelled with Escape leaves the blank empty', async ({ page }) => {
    await page.goto(SET_URL);
    const chip = option(page, 1, 'password');
    await tabTo(page, chip);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(page.locator('.cb-chip--overlay[data-active]')).toHaveCount(0);
    await expect(blank(page, 1)).toHaveAccessibleName('Blank 1, empty');
    await expect(chip).toBeFocused();
  });

  test('Delete empties the focused blank; the clear button keeps focus in the task', async ({ page }) => {
    await page.goto(SET_URL);
    await tabTo(page, blank(page, 3));
    await page.keyboard.press('Enter');
    await tabTo(page, option(page, 3, 'access_token'));
    await page.keyboard.press('Enter');
    await tabTo(page, blank(page, 3), 'Shift+Tab');
    await page.keyboard.press('Delete');
    await expect(blank(page, 3)).toHaveAccessibleName('Blank 1, empty');

    await page.keyboard.press('Enter');
    await tabTo(page, option(page, 3, 'grant_type'));
    await page.keyboard.press('Enter');
    await tabTo(page, task(page, 3).getByRole('button', { name: 'Clear blank 1' }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(blank(page, 3)).toHaveAccessibleName('Blank 1, empty');
    // The clear button goes away with the option; focus stays in the task, on the blank.
    await expect(blank(page, 3)).toBeFocused();
    await expectFocusVisible(page);
  });
});
