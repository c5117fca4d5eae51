// Long lines, long options and long tasks, on a 390 px phone and a desktop: every blank stays inside its
// code box with nothing scrolled sideways, a long option never widens the page, and a drag keeps its chip
// under the pointer however the page scrolls.
import { readdirSync } from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { test, expect, tags, centre, expectNoAxeViolations } from './helpers';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
const blank = (page: Page, n: number, b = 1) => task(page, n).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const option = (page: Page, n: number, text: string) => task(page, n).getByRole('button', { name: text, exact: true });
const correct = (page: Page, n: number) => expect(task(page, n).getByText(/^✓? ?Correct$/)).toBeVisible();

interface SetFile {
  id: string;
  tasks: { id: string; options: string[]; answers: Record<string, string> }[];
}

/**
 * What is wrong with the layout now, one line per fault: the page or a code box scrolls sideways (or is
 * scrolled), or a blank pokes out of its code box.
 */
function layoutFaults(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const faults: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth) faults.push(`the page is ${root.scrollWidth} px wide in a ${innerWidth} px window`);
    document.querySelectorAll<HTMLElement>('.cb-code-pre').forEach((pre) => {
      const name = pre.closest('section')?.getAttribute('aria-label') ?? pre.closest('[aria-labelledby]')?.id ?? '?';
      if (pre.scrollWidth > pre.clientWidth) faults.push(`${name}: the code box scrolls sideways (${pre.scrollWidth} > ${pre.clientWidth})`);
      if (pre.scrollLeft !== 0) faults.push(`${name}: the code box is scrolled ${pre.scrollLeft} px sideways`);
      const box = pre.getBoundingClientRect();
      pre.querySelectorAll<HTMLElement>('[data-blank]').forEach((b) => {
        const r = b.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
          faults.push(`${name}, blank ${b.dataset.blank}: ${Math.round(r.left)}..${Math.round(r.right)} outside the code box ${Math.round(box.left)}..${Math.round(box.right)}`);
        }
      });
    });
    return faults;
  });
}

/** Every bundled set's file, read when the tests are declared (the build serves each at /exercises/<file>). */
const BUNDLED_FILES = readdirSync('exercises').filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();

async function bundledSets(page: Page): Promise<SetFile[]> {
  const index = (await (await page.request.get('/exercises/index.json')).json()) as { file: string; problems?: unknown }[];
  const sets: SetFile[] = [];
  for (const entry of index.filter((e) => !e.problems)) sets.push((await (await page.request.get(`/exercises/${entry.file}`)).json()) as SetFile);
  expect(sets.length).toBeGreaterThanOrEqual(4);
  return sets;
}

/** Resolves once the page has stopped scrolling. */
const settled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = NaN;
        const tick = () => (scrollY === last ? resolve() : ((last = scrollY), setTimeout(tick, 100)));
        tick();
      }),
  );

/** Serves an extra set at /?set=<id>, as if it were bundled. */
async function serveSet(page: Page, set: { id: string; title: string; tasks: unknown[] }) {
  await page.route('**/exercises/index.json', async (route: Route) => {
    const response = await route.fetch();
    const list = (await response.json()) as unknown[];
    list.push({ file: `${set.id}.json`, id: set.id, title: set.title, subject: 'Test', tasks: set.tasks.length, estimatedMinutes: 5 });
    await route.fulfill({ response, json: list });
  });
  await page.route(`**/exercises/${set.id}.json`, (route) => route.fulfill({ json: set }));
}

const LONG = 'AbstractSingletonProxyFactoryBeanDefinitionRegistryPostProcessorConfigurationManagerFactoryDelegateProviderImplementation';
const longOptionSet = {
  formatVersion: 1,
  id: 'long-option',
  title: 'A long option',
  subject: 'Test',
  estimatedMinutes: 5,
  tasks: [
    {
      id: 'long-identifier',
      difficulty: 'easy',
      prompt: 'Pick the factory.',
      language: 'java',
      code: ['class App {', '    Object factory = new [[1]]();', '    String name = [[2]];', '}'],
      options: [LONG, 'Factory', '"app"', 'null'],
      answers: { '1': LONG, '2': '"app"' },
      hints: [],
      mistakes: [],
      explanation: 'The factory is the long one.',
    },
  ],
};

/** A 200-line task whose only blank is on line 150, some 1,500 px above its bank. */
const longTaskSet = {
  formatVersion: 1,
  id: 'long-task',
  title: 'A long task',
  subject: 'Test',
  estimatedMinutes: 5,
  tasks: [
    {
      id: 'two-hundred-lines',
      difficulty: 'easy',
      prompt: 'Return the total.',
      language: 'javascript',
      code: Array.from({ length: 200 }, (_, i) => (i === 149 ? '  return [[1]];' : `  const line${i + 1} = ${i + 1};`)),
      options: ['total', 'count', 'null'],
      answers: { '1': 'total' },
      hints: [],
      mistakes: [],
      explanation: 'The total.',
    },
  ],
};

test.describe('on a 390 px phone', { tag: tags.phone }, () => {
  test.use(PHONE);

  // One test per bundled set (the build serves every file of exercises/): each fails on its own, and
  // more sets spread over the workers instead of lengthening one test.
  for (const file of BUNDLED_FILES) {
    test(`${file} played by touch keeps every blank inside its code box, with nothing scrolled sideways`, async ({ page }) => {
      test.setTimeout(90_000);
      const set = (await (await page.request.get(`/exercises/${file}`)).json()) as SetFile;
      await page.goto(`/?set=${set.id}`);
      await expect(task(page, 1)).toBeVisible();
      expect(await layoutFaults(page), `${set.id} as loaded`).toEqual([]);
      for (const [i, t] of set.tasks.entries()) {
        const n = i + 1;
        for (const [b, answer] of Object.entries(t.answers)) {
          await blank(page, n, Number(b)).tap();
          expect(await layoutFaults(page), `${set.id} task ${n}, blank ${b} tapped`).toEqual([]);
          await option(page, n, answer).tap();
          await expect(blank(page, n, Number(b))).toHaveAccessibleName(`Blank ${b}: ${answer}`);
        }
        await task(page, n).getByRole('button', { name: 'Check', exact: true }).tap();
        await correct(page, n);
        expect(await layoutFaults(page), `${set.id} task ${n} solved`).toEqual([]);
      }
    });
  }

  test('a finger drags an option straight into the last blank of a long line: every blank is on screen to aim at', async ({ page }) => {
    await page.goto('/?set=oauth2-client-credentials');
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', point?: { x: number; y: number }) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [{ ...point, id: 1 }] : [] });
    const target = blank(page, 5, 3);
    // The page scrolls to it; nothing scrolls the code sideways to bring it into view.
    await target.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - innerHeight / 2));
    const from = await centre(option(page, 5, 'your_client_secret'));
    const to = await centre(target);
    expect(to.x).toBeLessThan(390);
    await touch('touchStart', from);
    await page.waitForTimeout(260); // a long press: the touch sensor starts a drag after 180 ms
    for (let i = 1; i <= 10; i += 1) await touch('touchMove', { x: Math.round(from.x + ((to.x - from.x) * i) / 10), y: Math.round(from.y + ((to.y - from.y) * i) / 10) });
    await touch('touchEnd');
    await expect(target).toHaveAccessibleName('Blank 3: your_client_secret');
    expect(await layoutFaults(page)).toEqual([]);
  });

  test('a long line wraps under its own indentation with a wrap mark, and copies as the same text', async ({ page }) => {
    await page.goto('/?set=oauth2-client-credentials');
    const code = task(page, 5).locator('.cb-code-pre');
    const line = code.locator('.cb-line').nth(2);
    // data = {'grant_type': '[[1]]', ...}: three blanks on one line, too wide for a phone.
    const rows = await line.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(rows).toBeGreaterThan(1);
    // The wrap mark is drawn, not written: nothing of it is in the text a learner copies.
    const mark = await line.evaluate((el) => {
      const style = getComputedStyle(el, '::before');
      return { content: style.content, height: parseFloat(style.height), image: style.maskImage };
    });
    expect(mark.height).toBeGreaterThan(0);
    expect(mark.image).toContain('url(');
    // Selected and copied, the code reads as authored: one line per line, no mark, no break where it wraps.
    const copied = await code.evaluate((el) => {
      getSelection()!.selectAllChildren(el);
      return getSelection()!.toString();
    });
    expect(copied).not.toMatch(/[↪⏎]/);
    expect(copied.trimEnd().split('\n')).toHaveLength(5);
    expect(copied).toContain("data = {'grant_type': '");
    // Continuation rows start past the line's own indentation: the first blank's row starts at the code's
    // left edge, a later row is indented.
    const lefts = await line.evaluate((el) => [...el.querySelectorAll('[data-blank]')].map((b) => Math.round(b.getBoundingClientRect().left)));
    const start = await line.evaluate((el) => Math.round(el.getBoundingClientRect().left));
    expect(Math.min(...lefts.slice(1))).toBeGreaterThan(start);
  });

  test('a long identifier option wraps in the bank and in its blank: the page stays 390 px wide and Check stays on screen', async ({ page }) => {
    await serveSet(page, longOptionSet);
    await page.goto('/?set=long-option');
    const long = option(page, 1, LONG);
    await expect(long).toBeVisible();
    expect(await layoutFaults(page)).toEqual([]);
    const inView = async (box: { x: number; width: number } | null) => {
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    };
    await inView(await long.boundingBox());
    await inView(await task(page, 1).getByRole('button', { name: 'Check' }).boundingBox());

    await blank(page, 1, 1).tap();
    await long.tap();
    await expect(blank(page, 1, 1)).toHaveAccessibleName(`Blank 1: ${LONG}`);
    await blank(page, 1, 2).tap();
    await option(page, 1, '"app"').tap();
    expect(await layoutFaults(page)).toEqual([]);
    // The whole identifier is shown, wrapped inside the blank.
    await expect(blank(page, 1, 1)).toContainText(LONG);
    await task(page, 1).getByRole('button', { name: 'Check' }).tap();
    await correct(page, 1);
    expect(await layoutFaults(page)).toEqual([]);
    await expectNoAxeViolations(page);
  });
});

test.describe('on a desktop', { tag: tags.desktop }, () => {
  test('every blank of every bundled set lies inside its code box at 1280 px, before and after solving', async ({ page }) => {
    for (const set of await bundledSets(page)) {
      await page.goto(`/?set=${set.id}`);
      await expect(task(page, 1)).toBeVisible();
      expect(await layoutFaults(page), set.id).toEqual([]);
    }
    await page.goto('/?set=oauth2-client-credentials');
    for (const [b, answer] of [[1, 'client_credentials'], [2, 'your_client_id'], [3, 'your_client_secret']] as const) {
      await blank(page, 5, b).click();
      await option(page, 5, answer).click();
    }
    await task(page, 5).getByRole('button', { name: 'Check' }).click();
    await correct(page, 5);
    expect(await layoutFaults(page)).toEqual([]);
  });

  test('a long identifier option leaves every blank narrower than its code box and the page unwidened', async ({ page }) => {
    await serveSet(page, longOptionSet);
    await page.goto('/?set=long-option');
    await expect(option(page, 1, LONG)).toBeVisible();
    expect(await layoutFaults(page)).toEqual([]);
    const widths = await task(page, 1).evaluate((el) => {
      const box = el.querySelector('.cb-code-pre')!.getBoundingClientRect().width;
      return [...el.querySelectorAll('[data-blank]')].map((b) => b.getBoundingClientRect().width / box);
    });
    // A blank for a short answer should not stretch across the code because one option is long.
    for (const w of widths) expect(w).toBeLessThan(0.6);
    await blank(page, 1, 1).click();
    await option(page, 1, LONG).click();
    await expect(blank(page, 1, 1)).toContainText(LONG);
    expect(await layoutFaults(page)).toEqual([]);
  });

  /** The drag chip's centre, or null while no drag shows it. */
  const chipCentre = (page: Page) =>
    page.locator('.cb-chip--overlay[data-active]').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });

  test('a mouse wheel mid-drag keeps the chip under the pointer, and the drop lands on the blank the page scrolled under it', async ({ page }) => {
    await serveSet(page, longTaskSet);
    await page.goto('/?set=long-task');
    const target = blank(page, 1);
    const source = option(page, 1, 'total');
    await source.scrollIntoViewIfNeeded();
    const from = await centre(source);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    // Up to the blank's column, in the middle of the window, where the page does not auto-scroll.
    const column = await centre(target);
    const point = { x: column.x, y: 400 };
    await page.mouse.move(point.x, point.y, { steps: 8 });
    await expect(page.locator('.cb-chip--overlay[data-active]')).toBeVisible();

    // The wheel scrolls the page up until the blank is under the resting pointer.
    const offset = async () => (await centre(target)).y - point.y;
    for (let i = 0; i < 5 && Math.abs(await offset()) >= 8; i += 1) {
      await page.mouse.wheel(0, await offset());
      await settled(page);
    }
    await expect.poll(async () => Math.abs(await offset())).toBeLessThan(8);
    const chip = await chipCentre(page);
    expect(Math.abs(chip.x - point.x)).toBeLessThan(4);
    expect(Math.abs(chip.y - point.y)).toBeLessThan(4);
    await expect(target).toHaveAttribute('data-over', '');
    await page.mouse.up();
    await expect(target).toHaveAccessibleName('Blank 1: total');
  });

  test('an auto-scroll toward a blank 1,500 px above keeps the chip under the pointer, and the drop lands on that blank', async ({ page }) => {
    await serveSet(page, longTaskSet);
    await page.goto('/?set=long-task');
    const target = blank(page, 1);
    const source = option(page, 1, 'total');
    await source.scrollIntoViewIfNeeded();
    const from = await centre(source);
    const before = await target.evaluate((el) => el.getBoundingClientRect().top);
    expect(from.y - before).toBeGreaterThan(1400);

    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    const column = (await centre(target)).x;
    // Held near the window's top edge, the page scrolls itself up toward the blank (slowly, this far
    // from the edge), until the blank comes into view below the pointer.
    const edge = { x: column, y: 100 };
    await page.mouse.move(edge.x, edge.y, { steps: 10 });
    await target.evaluate((el) => new Promise<void>((resolve) => {
      const wait = () => (el.getBoundingClientRect().top > 140 ? resolve() : requestAnimationFrame(wait));
      wait();
    }));
    const chip = await chipCentre(page);
    expect(Math.abs(chip.x - edge.x)).toBeLessThan(4);
    expect(Math.abs(chip.y - edge.y)).toBeLessThan(4);

    // Down onto the blank, out of the edge (the scrolling stops), and let go.
    await page.mouse.move(column, (await centre(target)).y, { steps: 2 });
    await settled(page);
    const on = await centre(target);
    await page.mouse.move(on.x, on.y);
    const held = await chipCentre(page);
    expect(Math.abs(held.y - on.y)).toBeLessThan(4);
    await expect(target).toHaveAttribute('data-over', '');
    await page.mouse.up();
    await expect(target).toHaveAccessibleName('Blank 1: total');
  });
});
