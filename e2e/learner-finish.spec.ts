// Finishing a set: the task that ends it keeps the learner where they are (its "Correct" and explanation
// in view, focus where it was), a screen reader hears that the set is finished, and the summary is
// offered by a link that moves focus only when followed. The summary's review links move focus too.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags } from './helpers';

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
  // The Check that ended the task gave way to its outcome line, which holds the focus.
  await expect(task(page, 4).getByText('Solved in 1 attempt')).toBeFocused();
  await expect(task(page, 4).locator('xpath=following-sibling::*[1]')).toContainText('Set finished: 5 of 5 tasks solved.');
  await expect(page.locator('[data-announcer]')).toHaveText('Correct! Task solved. Set finished: 5 of 5 tasks solved.');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });

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

test('an unknown address or set shows a not-found page with a link to the catalogue, not a parse error', async ({ page }) => {
  const cases = [
    ['/?set=does-not-exist', 'There is no exercise set called “does-not-exist”'],
    ['/nonexistent', 'There is no page at this address'],
    ['/nonexistent/deeper/', 'There is no page at this address'],
    ['/nonexistent/deeper/?set=oauth2-client-credentials', 'There is no page at this address'],
  ];
  for (const [url, heading] of cases) {
    await page.goto(url!);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(/JSON|Unexpected token/)).toHaveCount(0);
    if (url === '/nonexistent/deeper/') {
      await expectNoAxeViolations(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(page);
    }
    await page.getByRole('link', { name: 'Back to all exercise sets' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Exercise sets' })).toBeVisible();
  }
});

test.describe('a set whose request fails', () => {
  // The aborted requests' own lines in the console.
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });

  test('says the set could not be loaded, and why', async ({ page }) => {
    await page.route(/\/exercises\/oauth2-client-credentials\.json$/, (route) => route.abort());
    await page.goto(SET_URL);
    await expect(page.getByRole('heading', { level: 1, name: 'This exercise set could not be loaded' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to all exercise sets' })).toBeVisible();
  });

  test("still says it cannot be shown when the not-found page's own chunk cannot be fetched either", async ({ page }) => {
    await page.route(/\/exercises\/oauth2-client-credentials\.json$/, (route) => route.abort());
    await page.route(/\/assets\/problem-[\w-]+\.js$/, (route) => route.abort());
    await page.goto(SET_URL);
    await expect(page.getByRole('alert')).toHaveText('This page could not be shown.');
  });
});

test('on a touch screen the instructions say "tap"', { tag: tags.phone }, async ({ page }) => {
  await page.goto(SET_URL);
  await expect(task(page, 1).getByText('Drag options to blanks, or tap a blank then an option', { exact: true })).toBeVisible();
  await expect(page.getByText(/click/)).toHaveCount(0);
});

test('with a mouse the instructions say "click"', { tag: tags.desktop }, async ({ page }) => {
  await page.goto(SET_URL);
  await expect(task(page, 1).getByText('Drag options to blanks, or click blank then click option', { exact: true })).toBeVisible();
});

/** A button's fill as drawn: its background, at its opacity, over the first opaque background behind it. */
function drawnFill(button: Element): { s: number; l: number; rgb: number[] } {
  const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  const style = getComputedStyle(button);
  let behind = button.parentElement;
  while (behind && rgb(getComputedStyle(behind).backgroundColor)[3] === 0) behind = behind.parentElement;
  const back = rgb(behind ? getComputedStyle(behind).backgroundColor : 'rgb(255,255,255)');
  const alpha = Number(style.opacity);
  const fill = rgb(style.backgroundColor).slice(0, 3).map((c, i) => c * alpha + back[i]! * (1 - alpha));
  const [r, g, b] = fill.map((c) => c / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const s = max === min ? 0 : (max - min) / (1 - Math.abs(2 * l - 1));
  return { s: Math.round(s * 100), l: Math.round(l * 100), rgb: fill.map(Math.round) };
}

test('in dark mode an active Check is a vivid fill, unlike the pale one of a disabled Check in either theme', { tag: tags.desktop }, async ({ page }) => {
  const looks = {} as Record<'light' | 'dark', { active: ReturnType<typeof drawnFill>; disabled: ReturnType<typeof drawnFill> }>;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(SET_URL);
    await fill(page, 1);
    await task(page, 1).getByRole('button', { name: 'Check' }).click();
    // A wrong answer, checked: Check stays, disabled until the answer changes (a solved task has none).
    await task(page, 2).getByRole('button', { name: 'Blank 1, empty', exact: true }).click();
    await task(page, 2).getByRole('button', { name: 'text/plain', exact: true }).click();
    await task(page, 2).getByRole('button', { name: 'Check' }).click();
    await expect(task(page, 2).getByRole('button', { name: 'Check' })).toBeDisabled();
    looks[scheme] = {
      active: await task(page, 3).getByRole('button', { name: 'Check' }).evaluate(drawnFill),
      disabled: await task(page, 2).getByRole('button', { name: 'Check' }).evaluate(drawnFill),
    };
    await expectNoAxeViolations(page);
    await page.goto('/');
    await expect(page.getByText('1 of 5 solved')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.evaluate(() => localStorage.clear());
  }
  const { light, dark } = looks;
  const seen = JSON.stringify(looks);
  // The dark theme's active Check is neither as pale nor as greyed as the light theme's disabled one.
  expect(dark.active.l, seen).toBeLessThan(light.disabled.l);
  expect(dark.active.s - light.disabled.s, seen).toBeGreaterThanOrEqual(25);
  // And within each theme, active and disabled are far apart.
  for (const { active, disabled } of [light, dark]) expect(Math.abs(active.l - disabled.l), seen).toBeGreaterThanOrEqual(12);
});
