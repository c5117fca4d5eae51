// The Today page: what is due today across every set (mocked clock), the days in a row practised in
// local days, each set's mastery, offline and after a restart, from the keyboard, axe clean.
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './helpers';

// Local days are New York's here, so a check at 22:00 on the 9th (03:00 UTC on the 10th) is the 9th's.
test.use({ timezoneId: 'America/New_York' });

const at = (local: string) => Date.parse(`${local}-05:00`);
const check = (t: string, c: Record<number, boolean>) => ({ t: at(t), m: 'practice', r: {}, c, s: Object.values(c).every(Boolean) });
const card = (due: string, rated: string, grade: number) => ({ due: at(due), stab: 1, diff: 5, state: 2, reps: 1, lapses: 0, last: at(rated), days: 1, log: [[at(rated), grade]] });

/**
 * Storage as the app writes it: SQL joins practised on the 8th (a wrong check) and at 22:00 on the 9th
 * (t1 solved, t3 wrong: review t3 falls due on the 10th, t1 on the 12th), a hint on the 10th; three HTTP
 * caching flashcards rated on the 8th, two due on the 10th, one on the 11th.
 */
const STORAGE: Record<string, unknown> = {
  'codeblanks:v2:sql-joins:log': {
    'sql-joins/t1@x': [check('2026-12-08T10:00:00', { 1: true, 2: false }), check('2026-12-09T22:00:00', { 1: true, 2: true })],
    'sql-joins/t3@x': [check('2026-12-09T22:00:00', { 1: false })],
    'sql-joins/t2@x': [{ t: at('2026-12-10T08:00:00'), m: 'practice', h: 1 }],
  },
  'codeblanks:v2:cards': {
    v: 1,
    cards: {
      'http-caching/a@1#1': card('2026-12-10T12:00:00', '2026-12-08T09:00:00', 3),
      'http-caching/a@1#2': card('2026-12-11T09:00:00', '2026-12-08T09:00:00', 1),
      'http-caching/a@1#3': card('2026-12-10T07:00:00', '2026-12-08T09:00:00', 3),
    },
  },
};

async function seed(page: Page, now: string) {
  await page.clock.setFixedTime(at(now));
  await page.goto('/');
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, JSON.stringify(value));
  }, STORAGE);
}

const due = (page: Page) => page.getByRole('region', { name: 'Due today' });
const streak = (page: Page) => page.getByRole('region', { name: 'Days in a row' });
const mastery = (page: Page) => page.getByRole('region', { name: 'Mastery' });

async function openToday(page: Page) {
  await page.goto('/today');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(due(page)).not.toContainText('Counting');
}

test('Today counts what is due on its local day, the days in a row and each set\'s mastery', async ({ page }) => {
  await seed(page, '2026-12-10T09:00:00');
  // The header's link on every page, the set page's included.
  await page.goto('/?set=sql-joins');
  await page.getByRole('banner').getByRole('link', { name: 'Today' }).click();
  await expect(page).toHaveURL(/\/today$/);
  await expect(page).toHaveTitle('Today · codeblanks');
  await expect(due(page)).not.toContainText('Counting');

  await expect(due(page)).toContainText('2 flashcards and 1 review due.');
  await expect(due(page).getByRole('link', { name: /^Start flashcards: HTTP caching/ })).toHaveAttribute('href', './?set=http-caching&mode=flashcards');
  await expect(due(page).getByRole('link', { name: 'Start review' })).toHaveAttribute('href', './?set=sql-joins&mode=review');
  await expect(streak(page)).toContainText('3 days in a row practised. You practised today.');
  await expect(mastery(page)).toContainText('in the last 14 days');
  await expect(mastery(page).getByRole('listitem').filter({ hasText: 'SQL joins' })).toContainText('60% (3 of 5 blanks)');
  await expect(mastery(page).getByRole('listitem').filter({ hasText: 'HTTP caching' })).toContainText('67% (2 of 3 blanks)');
  await expectNoAxeViolations(page);

  // The 12th: every card is due, both reviews; nothing practised on the 11th or yet today.
  await page.clock.setFixedTime(at('2026-12-12T09:00:00'));
  await openToday(page);
  await expect(due(page)).toContainText('3 flashcards and 2 reviews due.');
  await expect(streak(page)).toContainText('0 days in a row practised. Practise today to start one.');

  // The day after the practice, not practised yet: the streak still stands until the day ends.
  await page.clock.setFixedTime(at('2026-12-11T20:00:00'));
  await openToday(page);
  await expect(streak(page)).toContainText('3 days in a row practised. Practise today to keep it going.');
});

test('a clock set back before the practice breaks nothing', async ({ page }) => {
  await seed(page, '2026-12-10T09:00:00');
  await page.clock.setFixedTime(at('2026-12-01T09:00:00'));
  await openToday(page);
  // Nothing due before its day, the practice counted (as today's), no negative anything.
  await expect(due(page)).toContainText('Nothing is due today.');
  await expect(streak(page)).toContainText('1 day in a row practised. You practised today.');
  await expect(mastery(page).getByRole('listitem').filter({ hasText: 'SQL joins' })).toContainText('60% (3 of 5 blanks)');
  await expectNoAxeViolations(page);
});

test.describe('offline', () => {
  // The blocked catalogue request is reported by the browser itself.
  test.use({ allowedConsoleErrors: [/Failed to load resource/] });
  test('Today reads storage only: without the network it shows the same, sets by id', async ({ page }) => {
    await seed(page, '2026-12-10T09:00:00');
    await page.route('**/exercises/**', (route) => route.abort('internetdisconnected'));
    await openToday(page);
    await expect(due(page)).toContainText('2 flashcards and 1 review due.');
    await expect(due(page).getByRole('link', { name: 'Start flashcards: http-caching' })).toBeVisible();
    await expect(mastery(page).getByRole('listitem').filter({ hasText: 'sql-joins' })).toContainText('60%');
  });
});

test('Today shows the same after the browser restarts', async ({ page, browser }) => {
  await seed(page, '2026-12-10T09:00:00');
  await openToday(page);
  // The sets' titles arrive with the catalogue, after the counts.
  await expect(mastery(page).getByRole('link', { name: /^SQL joins/ })).toBeVisible();
  // Export and import are a chunk of their own: compare the pages once each has drawn them.
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeVisible();
  const shown = await page.getByRole('main').innerText();
  const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = test.info().project.use;
  const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, timezoneId: 'America/New_York', storageState: await page.context().storageState() });
  try {
    const again = await context.newPage();
    await again.clock.setFixedTime(at('2026-12-10T09:00:00'));
    await openToday(again);
    await expect(mastery(again).getByRole('link', { name: /^SQL joins/ })).toBeVisible();
    await expect(again.getByRole('button', { name: 'Export progress' })).toBeVisible();
    expect(await again.getByRole('main').innerText()).toBe(shown);
  } finally {
    await context.close();
  }
});

test('a first visit: nothing due, no streak, no set practised', async ({ page }) => {
  await openToday(page);
  await expect(due(page)).toContainText('Nothing is due today.');
  await expect(streak(page)).toContainText('0 days in a row practised. Practise today to start one.');
  await expect(mastery(page)).toContainText('No set practised yet.');
  await expectNoAxeViolations(page);
});

test('Today from the keyboard alone: Tab to the flashcards due and start them', async ({ page }) => {
  await seed(page, '2026-12-10T09:00:00');
  await openToday(page);
  const start = due(page).getByRole('link', { name: /^Start flashcards/ });
  for (let i = 0; i < 10 && !(await start.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(due(page).getByRole('link', { name: 'Start review' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?set=http-caching&mode=flashcards$/);
});

test('the catalogue says where progress can be exported and imported', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'export or import it on the Today page' }).click();
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import progress' })).toBeVisible();
});
