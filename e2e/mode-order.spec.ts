// Line order (Parsons problems) on the seed set: solved by click or tap, by drag, by keyboard alone;
// a task failed; progress kept across a reload; axe clean in each state; and a set whose tasks are all
// one line long offers no line order at all.
import type { CDPSession, Locator, Page, Route } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags, untilClicksPass, centre } from './helpers';

const URL = '/?set=oauth2-client-credentials&mode=order';

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}`, exact: true });
const slot = (page: Page, n: number, s: number) => task(page, n).getByRole('button', { name: new RegExp(`^Line ${s}\\b`) });
const line = (page: Page, n: number, text: string) => task(page, n).getByRole('group', { name: 'Lines' }).getByRole('button', { name: text, exact: true });
const button = (page: Page, n: number, name: string) => task(page, n).getByRole('button', { name, exact: true });

const TASK1 = [
  'POST /oauth2/token HTTP/1.1',
  'Host: authorization-server.com',
  'Content-Type: application/x-www-form-urlencoded',
  'grant_type=client_credentials&client_id=YOUR_CLIENT_ID&client_secret=YOUR_CLIENT_SECRET',
];
const TASK2 = [
  'POST /oauth2/token HTTP/1.1',
  'Host: authorization-server.com',
  'Content-Type: application/x-www-form-urlencoded',
  'grant_type=client_credentials&client_id=YOUR_CLIENT_ID&client_secret=YOUR_CLIENT_SECRET',
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Click (or tap) a pool line, then the place: as a learner without drag does. */
async function put(page: Page, n: number, text: string, s: number, tap = false) {
  if (tap) {
    await line(page, n, text).tap();
    await slot(page, n, s).tap();
  } else {
    await line(page, n, text).click();
    await slot(page, n, s).click();
  }
  await expect(slot(page, n, s)).toHaveAccessibleName(new RegExp(`^Line ${s}: ${escape(text)}`));
}

test.describe('line order on the seed set', () => {
  test('solves a task, fails one, keeps progress across a reload, axe clean throughout', async ({ page, isMobile }) => {
    test.setTimeout(90_000);
    await page.goto(URL);
    await expect(task(page, 1).getByRole('group', { name: 'Your program' })).toBeVisible();
    // The one-line task is left out: four tasks of five.
    await expect(page.getByRole('region', { name: /^Task \d$/ })).toHaveCount(4);
    await expectNoAxeViolations(page);

    // Task 1: a wrong order first (lines 3 and 4 swapped), then right.
    for (const [i, text] of [TASK1[0], TASK1[1], TASK1[3], TASK1[2]].entries()) await put(page, 1, text!, i + 1, isMobile);
    await button(page, 1, 'Check').click();
    await expect(slot(page, 1, 3)).toHaveAccessibleName(`Line 3: ${TASK1[3]}, wrong`);
    await expect(slot(page, 1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[0]}, right`);
    await expect(task(page, 1).getByText('2 lines are wrong. Attempts: 2 left.')).toBeVisible();
    await expect(button(page, 1, 'Make it easier')).toBeVisible();
    await expectNoAxeViolations(page);
    await slot(page, 1, 4).click();
    await button(page, 1, 'Move up').click();
    await expect(slot(page, 1, 3)).toHaveAccessibleName(`Line 3: ${TASK1[2]}`);
    await button(page, 1, 'Check').click();
    await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
    await expectNoAxeViolations(page);

    // Task 2, halfway: two lines placed, then the page is opened again.
    await put(page, 2, TASK2[0]!, 1, isMobile);
    await put(page, 2, TASK2[1]!, 2, isMobile);
    await page.reload();
    await expect(slot(page, 2, 2)).toHaveAccessibleName(`Line 2: ${TASK2[1]}`);
    await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();

    // Task 2 fails: three wrong checks, each a different wrong answer.
    const wrong = 'Content-Type: application/json';
    await put(page, 2, wrong, 3, isMobile);
    await put(page, 2, TASK2[3]!, 4, isMobile);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      // The wrong line moves up a place each time; it stays selected after a move.
      if (attempt === 1) await slot(page, 2, 3).click();
      if (attempt > 0) await button(page, 2, 'Move up').click();
      await button(page, 2, 'Check').click();
      if (attempt < 2) await expect(task(page, 2).getByText(/wrong\. Attempts: \d left\./)).toBeVisible();
    }
    await expect(task(page, 2).getByText('The solution is shown in your program.')).toBeVisible();
    for (const [i, text] of TASK2.entries()) await expect(slot(page, 2, i + 1)).toHaveAccessibleName(`Line ${i + 1}: ${text}, solution`);
    await expect(task(page, 2).getByRole('group', { name: 'Lines' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('Make it easier takes away the distractor the answer holds', async ({ page }) => {
    await page.goto(URL);
    const distractor = 'grant_type=authorization_code&client_id=YOUR_CLIENT_ID&client_secret=YOUR_CLIENT_SECRET';
    for (const [i, text] of [...TASK1.slice(0, 3), distractor].entries()) await put(page, 1, text, i + 1);
    await button(page, 1, 'Check').click();
    await expect(task(page, 1).getByText(/Using 'authorization_code' instead of 'client_credentials'/)).toBeVisible();
    await button(page, 1, 'Make it easier').click();
    await expect(task(page, 1).getByText('A line that belongs nowhere was taken away.')).toBeVisible();
    await expect(slot(page, 1, 4)).toHaveAccessibleName('Line 4, empty');
    await expect(task(page, 1).getByRole('button', { name: distractor })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('keyboard only: Tab, Enter, Alt+arrows and Delete solve a task', async ({ page }) => {
    await page.goto(URL);
    await expect(slot(page, 1, 1)).toBeVisible();
    /** Tab (or Shift+Tab, when it is behind the focus) until the element has focus, as a keyboard user would. */
    const tabTo = async (target: ReturnType<typeof slot>) => {
      for (let i = 0; i < 40; i += 1) {
        const where = await target.evaluate((el) => {
          const active = el.ownerDocument.activeElement;
          if (el === active) return 'here';
          return active && active !== el.ownerDocument.body && active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING ? 'behind' : 'ahead';
        });
        if (where === 'here') return;
        await page.keyboard.press(where === 'behind' ? 'Shift+Tab' : 'Tab');
      }
      await expect(target).toBeFocused();
    };
    // Each line, then its place, in reverse: the last line first, and each later one goes before it.
    for (const text of [...TASK1].reverse()) {
      await tabTo(line(page, 1, text));
      await page.keyboard.press('Enter');
      await expect(line(page, 1, text)).toHaveAttribute('aria-pressed', 'true');
      await tabTo(slot(page, 1, 1));
      await page.keyboard.press('Enter');
      await expect(slot(page, 1, 1)).toHaveAccessibleName(`Line 1: ${text}`);
    }
    // Alt+Down moves the focused line, and the focus goes with it; Alt+Up brings it back.
    await tabTo(slot(page, 1, 1));
    await page.keyboard.press('Alt+ArrowDown');
    await expect(slot(page, 1, 2)).toHaveAccessibleName(`Line 2: ${TASK1[0]}`);
    await expect(slot(page, 1, 2)).toBeFocused();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(slot(page, 1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[0]}`);
    await tabTo(button(page, 1, 'Check'));
    await page.keyboard.press('Enter');
    await expect(task(page, 1).getByText(/^✓? ?Correct$/)).toBeVisible();
  });

  test('Python: Alt+Right indents a line, a wrong indent is marked wrong, Outdent fixes it', async ({ page }) => {
    await page.goto(URL);
    const lines = ["response = '{\"access_token\": \"abc123\", \"token_type\": \"Bearer\"}'", 'data = json.loads(response)', 'access_token = data["access_token"]'];
    for (const [i, text] of lines.entries()) await put(page, 3, text, i + 1);
    await slot(page, 3, 2).focus();
    await page.keyboard.press('Alt+ArrowRight');
    await expect(slot(page, 3, 2)).toHaveAccessibleName(`Line 2: ${lines[1]}, indent 1`);
    await button(page, 3, 'Check').click();
    await expect(slot(page, 3, 2)).toHaveAccessibleName(`Line 2: ${lines[1]}, indent 1, wrong`);
    await slot(page, 3, 2).click();
    await button(page, 3, 'Outdent').click();
    await button(page, 3, 'Check').click();
    await expect(task(page, 3).getByText(/^✓? ?Correct$/)).toBeVisible();
  });

  test('drags a line into place with the mouse, and back to the pool', { tag: tags.desktop }, async ({ page }) => {
    await page.goto(URL);
    // Everything in (the grammars colour the code): nothing moves between measuring and dragging.
    await page.waitForLoadState('networkidle');
    await expect(task(page, 1).locator('.tok').first()).toBeVisible();
    // The target is measured once the line is picked up, as a learner aims at where it is then (the first
    // action brings the feedback chunk's styles, and the page may settle while the drag starts).
    const drag = async (source: Locator, target: Locator) => {
      // The pool's heading at the top: the lines and the places are all in view, clear of the band at the
      // screen's edges where a drag scrolls the page (which moved the target under the pointer, 1 run in 6).
      await task(page, 1).getByRole('heading', { name: 'Lines' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const from = await centre(source);
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 8, from.y + 8, { steps: 2 });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      let to = await centre(target);
      await page.mouse.move(to.x, to.y, { steps: 12 });
      // Aim again if the page moved under the pointer, as a learner's hand would follow the place.
      for (let aimed = 0; aimed < 3; aimed += 1) {
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const now = await centre(target);
        if (now.x === to.x && now.y === to.y) break;
        to = now;
        await page.mouse.move(to.x, to.y, { steps: 2 });
      }
      await page.mouse.up();
      await untilClicksPass(page);
    };
    await drag(line(page, 1, TASK1[1]!), slot(page, 1, 1));
    await expect(slot(page, 1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[1]}`);
    // Onto the filled place: the new line goes before it.
    await drag(line(page, 1, TASK1[0]!), slot(page, 1, 1));
    await expect(slot(page, 1, 1)).toHaveAccessibleName(`Line 1: ${TASK1[0]}`);
    await expect(slot(page, 1, 2)).toHaveAccessibleName(`Line 2: ${TASK1[1]}`);
    // From the program to the pool: back in Lines.
    await drag(slot(page, 1, 2), task(page, 1).getByRole('heading', { name: 'Lines' }));
    await expect(slot(page, 1, 2)).toHaveAccessibleName('Line 2, empty');
    await expect(line(page, 1, TASK1[1]!)).toBeVisible();
  });

  test('drags a line into place by touch', { tag: tags.phone }, async ({ page }) => {
    await page.goto(URL);
    await page.waitForLoadState('networkidle');
    const cdp: CDPSession = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', point?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [{ ...point, id: 1 }] : [] });
    const target = slot(page, 1, 1);
    // The pool's heading at the top of the screen: the line and the first place are both in view.
    await task(page, 1).getByRole('heading', { name: 'Lines' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const from = await centre(line(page, 1, TASK1[2]!));
    const to = await centre(target);
    expect(to.y).toBeLessThan(page.viewportSize()!.height);
    await touch('touchStart', from);
    await page.waitForTimeout(260);
    for (let i = 1; i <= 12; i += 1) await touch('touchMove', { x: Math.round(from.x + ((to.x - from.x) * i) / 12), y: Math.max(5, Math.round(from.y + ((to.y - from.y) * i) / 12)) });
    await touch('touchEnd');
    await expect(target).toHaveAccessibleName(`Line 1: ${TASK1[2]}`);
  });

  test('at 390 px nothing scrolls sideways', { tag: tags.phone }, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(URL);
    await expect(slot(page, 4, 1)).toBeAttached();
    await put(page, 4, "data = {'grant_type': 'client_credentials', 'client_id': 'your_client_id', 'client_secret': 'your_client_secret'}", 1, true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('a set whose tasks are all one line long', () => {
  const oneLiners = {
    formatVersion: 1,
    id: 'one-liners',
    title: 'One-liners',
    subject: 'Test',
    tasks: [
      { id: 'first', difficulty: 'easy', prompt: 'Fill it.', language: 'python', code: 'x = [[1]]', options: ['1', '2'], answers: { '1': '1' } },
      { id: 'second', difficulty: 'easy', prompt: 'Fill it.', language: 'python', code: ['', 'y = [[1]]', ''], options: ['1', '2'], answers: { '1': '2' } },
    ],
  };
  test.beforeEach(async ({ page }) => {
    await page.route('**/exercises/index.json', async (route: Route) => {
      const response = await route.fetch();
      const list = (await response.json()) as unknown[];
      list.push({ file: 'one-liners.json', id: 'one-liners', title: 'One-liners', subject: 'Test', tasks: 2, estimatedMinutes: 5 });
      await route.fulfill({ response, json: list });
    });
    await page.route('**/exercises/one-liners.json', (route) => route.fulfill({ json: oneLiners }));
  });

  test('has no line order: the picker does not offer it, and its address says why', async ({ page }) => {
    await page.goto('/?set=one-liners');
    await page.getByText(/Choose your learning style/).click();
    await expect(page.getByRole('link', { name: /^Practice/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Line order/ })).toHaveCount(0);
    await page.goto('/?set=one-liners&mode=order');
    await expect(page.getByRole('alert')).toContainText('This set has no task for this learning style');
    // The seed set does offer it.
    await page.goto('/?set=oauth2-client-credentials');
    await page.getByText(/Choose your learning style/).click();
    await expect(page.getByRole('link', { name: /^Line order/ })).toBeVisible();
  });
});
