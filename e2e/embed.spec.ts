// The embed in a real course page: examples/course.html, served with a strict Content Security Policy
// by examples/serve.ts (started here, on a free port), with hostile page CSS, two <code-blanks> sharing a
// set, an iframe, a JavaScript-API mount, an inline exercise and a broken link.
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags } from './helpers';
import { serveExamples, type ExampleServer } from '../examples/serve.ts';

const SET = 'oauth2-client-credentials';
let server: ExampleServer;

test.beforeAll(async () => {
  server = await serveExamples();
});
test.afterAll(async () => {
  await server?.close();
});

// The broken link is meant to fail, once, loudly: the browser's 404 line and our one line. (One pattern
// per test.use: Playwright would read a two-element array as a [value, options] pair.)
const BROKEN = String.raw`Failed to load resource: the server responded with a status of 404.*no-such-set\.json|codeblanks: .*no-such-set\.json answered 404 Not Found`;
test.use({ allowedConsoleErrors: [new RegExp(BROKEN)] });

interface Seen {
  type: string;
  target: string;
  bubbles: boolean;
  composed: boolean;
  detail: Record<string, unknown>;
}

declare global {
  interface Window {
    __events: Seen[];
    __csp: string[];
    courseLog: { source: string; type: string; target: string; detail: Record<string, unknown> }[];
    courseHandle: { unmount(): void; reset(): void; progress(): unknown };
  }
}

/** Opens the course page, recording every codeblanks:* event and every CSP violation in every frame. */
async function openCourse(page: Page) {
  await page.addInitScript(() => {
    window.__events = [];
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    const types = ['placed', 'checked', 'check-refused', 'hint', 'solved', 'failed', 'completed', 'xapi'];
    for (const type of types) {
      window.addEventListener(`codeblanks:${type}`, (event) => {
        const e = event as CustomEvent;
        window.__events.push({ type, target: (e.target as Element).id, bubbles: e.bubbles, composed: e.composed, detail: e.detail });
      });
    }
  });
  await page.goto(`${server.origin}/examples/course.html`);
  for (const id of ['ex-grant', 'ex-post', 'ex-api', 'ex-inline']) {
    await expect(page.locator(`#${id}`).getByRole('heading').first()).toBeVisible();
  }
}

const events = (page: Page, target: string) => page.evaluate((t) => window.__events.filter((e) => e.target === t), target);

/** Click a blank, then an option: the way most learners fill a blank. */
async function fill(scope: Locator | FrameLocator, blank: number, option: string, emptyName = `Blank ${blank}, empty`) {
  await scope.getByRole('button', { name: emptyName, exact: true }).click();
  await scope.getByRole('button', { name: option, exact: true }).click();
}

// Events, storage, attributes and styles are the same on any screen: those tests run on desktop only. The
// phone project keeps what a phone changes: the iframe's fit, its margins, and a touch drag.
test('an element reports placed, checked, solved and completed, and xAPI statements, with their payloads', { tag: tags.desktop }, async ({ page }) => {
  await openCourse(page);
  const grant = page.locator('#ex-grant');
  await fill(grant, 1, 'client_credentials');
  await expect(grant.getByRole('button', { name: 'Blank 1: client_credentials', exact: true })).toBeVisible();
  await grant.getByRole('button', { name: 'Check' }).click();
  await expect(grant.getByText(/^✓ Correct$/)).toBeVisible();

  const seen = await events(page, 'ex-grant');
  expect(seen.every((e) => e.bubbles && e.composed)).toBe(true);
  const base = { setId: SET, mode: 'practice', taskId: 'grant-type', taskNumber: 1, time: expect.any(Number) };
  expect(seen.filter((e) => e.type !== 'xapi').map((e) => e.detail)).toEqual([
    { type: 'placed', ...base, blank: 1, option: 'client_credentials', from: null, replaced: null },
    {
      type: 'checked',
      ...base,
      correct: true,
      blanks: [{ blank: 1, option: 'client_credentials', correct: true }],
      attemptsUsed: 1,
      attemptsLeft: 2,
      mistakes: [],
    },
    { type: 'solved', ...base, attemptsUsed: 1, hintsUsed: 0, response: { 1: 'client_credentials' } },
    {
      type: 'completed',
      setId: SET,
      mode: 'practice',
      time: expect.any(Number),
      score: { total: 1, solved: 1, failed: 0, open: 0, attemptsUsed: 1, hintsUsed: 0, complete: true, scaled: 1 },
    },
  ]);

  const statements = seen.filter((e) => e.type === 'xapi').map((e) => e.detail);
  expect(statements.map((s) => (s.verb as { id: string }).id)).toEqual([
    'http://adlnet.gov/expapi/verbs/interacted',
    'http://adlnet.gov/expapi/verbs/answered',
    'http://adlnet.gov/expapi/verbs/completed',
  ]);
  const object = {
    objectType: 'Activity',
    id: `${server.origin}/exercises/${SET}.json#${SET}/grant-type`,
    definition: {
      name: { 'en-US': 'Client credentials flow in Rest API: task 1' },
      description: { 'en-US': 'Complete the code to specify the grant type for client credentials flow.' },
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: 'fill-in',
      correctResponsesPattern: ['client_credentials'],
    },
  };
  const result = {
    score: { min: 0, max: 1, raw: 1, scaled: 1 },
    success: true,
    completion: true,
    duration: expect.stringMatching(/^PT\d+(\.\d{1,2})?S$/),
    response: 'client_credentials',
  };
  expect(statements[1]).toEqual({
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
    object,
    result,
    context: {
      contextActivities: { parent: [{ objectType: 'Activity', id: `${server.origin}/exercises/${SET}.json#${SET}`, definition: { name: { 'en-US': 'Client credentials flow in Rest API' } } }] },
      extensions: { 'https://codeblanks.dev/xapi/extensions/mode': 'practice' },
    },
    timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
  expect(statements[2]).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object, result });
  expect(statements[0]).not.toHaveProperty('result');
  // Only the element with the `xapi` attribute sends statements.
  expect((await events(page, 'ex-post')).length).toBe(0);
});

test('two elements of one set share progress under the default storage key, and a reload keeps both', { tag: tags.desktop }, async ({ page }) => {
  await openCourse(page);
  const grant = page.locator('#ex-grant');
  const post = page.locator('#ex-post');
  await fill(grant, 1, 'client_credentials');
  await grant.getByRole('button', { name: 'Check' }).click();
  await expect(grant.getByText(/^✓ Correct$/)).toBeVisible();

  // The French, dark one: three blanks, its own words.
  await fill(post, 1, 'client_credentials', 'Trou 1, vide');
  await fill(post, 2, 'your_client_id', 'Trou 2, vide');
  await fill(post, 3, 'your_client_secret', 'Trou 3, vide');
  await post.getByRole('button', { name: 'Vérifier' }).click();
  await expect(post.getByText(/^✓ Juste$/)).toBeVisible();
  expect((await events(page, 'ex-post')).map((e) => e.type)).toEqual(['placed', 'placed', 'placed', 'checked', 'solved', 'completed']);

  // Each saved on top of the other: after a reload both tasks are still solved.
  await page.reload();
  await expect(grant.getByText(/^✓ Correct$/)).toBeVisible();
  await expect(post.getByText(/^✓ Juste$/)).toBeVisible();
  const saved = await page.evaluate((id) => Object.keys(localStorage).filter((k) => k.startsWith(`codeblanks:v2:${id}:${id}:`)), SET);
  expect(saved).toEqual([`codeblanks:v2:${SET}:${SET}:practice`]);
});

test('the iframe fits its exercise with no inner scrollbar, before and after solving', async ({ page }) => {
  const frameScripts: string[] = [];
  page.on('request', (request) => {
    if (request.frame().url().includes('embed.html') && request.resourceType() === 'script') frameScripts.push(new URL(request.url()).pathname);
  });
  await openCourse(page);
  const iframe = page.locator('#ex-frame');
  const frame = page.frameLocator('#ex-frame');
  await expect(frame.getByRole('heading', { name: 'Task 3' })).toBeVisible();
  const fits = () =>
    page
      .frames()
      .find((f) => f.url().includes('embed.html'))!
      .evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
  await expect.poll(async () => {
    const { scroll, client } = await fits();
    return scroll <= client && client > 300;
  }).toBe(true);
  const before = (await iframe.boundingBox())!.height;

  await fill(frame, 1, 'your_client_id');
  await frame.getByRole('button', { name: 'Check' }).click();
  await expect(frame.getByText(/^✓ Correct$/)).toBeVisible();
  // With the resizer on the page, the frame's events arrive on the iframe element, as an element's do.
  await expect.poll(async () => (await events(page, 'ex-frame')).map((e) => e.type)).toEqual(['placed', 'checked', 'solved', 'completed']);
  const [placed, checked] = await events(page, 'ex-frame');
  expect(placed!.bubbles).toBe(true);
  expect(placed!.detail).toMatchObject({ type: 'placed', setId: SET, taskId: 'client-id-value', blank: 1, option: 'your_client_id' });
  expect(checked!.detail).toMatchObject({ type: 'checked', correct: true, attemptsUsed: 1 });
  // The explanation appeared: the frame grew to fit it, still without a scrollbar.
  await expect.poll(async () => (await iframe.boundingBox())!.height).toBeGreaterThan(before);
  await expect.poll(async () => {
    const { scroll, client } = await fits();
    return scroll <= client;
  }).toBe(true);
  expect(await page.frames().find((f) => f.url().includes('embed.html'))!.evaluate(() => window.__csp)).toEqual([]);
  // The build's own set matched its catalogue: the frame never loaded the validator.
  expect(frameScripts.some((path) => path.startsWith('/embed/codeblanks.js'))).toBe(true);
  expect(frameScripts.filter((path) => path.includes('fetch-set'))).toEqual([]);
});

test('one task, by element, iframe or mount(), shows just the task, named by its set: no set header', { tag: tags.desktop }, async ({ page }) => {
  await openCourse(page);
  await page.evaluate(async () => {
    const { mount } = (await import('/embed/codeblanks.js' as string)) as { mount: (element: Element, options: object) => unknown };
    const element = document.createElement('div');
    element.id = 'ex-mounted';
    document.querySelector('main')!.append(element);
    mount(element, { src: '/exercises/oauth2-client-credentials.json', task: 2 });
  });
  const cases: [Locator | FrameLocator, string][] = [
    [page.locator('#ex-grant'), 'Task 1'],
    [page.locator('#ex-post'), 'Tâche 5'],
    [page.frameLocator('#ex-frame'), 'Task 3'],
    [page.locator('#ex-mounted'), 'Task 2'],
  ];
  for (const [scope, heading] of cases) {
    await expect(scope.getByRole('article', { name: 'Client credentials flow in Rest API' })).toBeVisible();
    // The task's own heading and nothing above it (below it, a task may have its "Common mistakes").
    await expect(scope.getByRole('heading', { name: /^(Task|Tâche) \d$/ })).toHaveText([heading]);
    await expect(scope.getByRole('heading', { name: 'Client credentials flow in Rest API' })).toHaveCount(0);
    await expect(scope.getByText(/Practice|Entraînement|~10/)).toHaveCount(0);
  }
  await expectNoAxeViolations(page, { include: '#ex-grant' });
});

test('the iframe page keeps its exercise off the edges of its frame', async ({ page }) => {
  await openCourse(page);
  const task = page.frameLocator('#ex-frame').getByRole('region', { name: 'Task 3' });
  await expect(task).toBeVisible();
  const gaps = await task.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { left: box.left, right: document.documentElement.clientWidth - box.right, top: box.top };
  });
  expect(Math.min(gaps.left, gaps.right, gaps.top), JSON.stringify(gaps)).toBeGreaterThanOrEqual(12);
});

test.describe('a task that is not in the set', { tag: tags.desktop }, () => {
  test.use({ allowedConsoleErrors: [new RegExp(`${BROKEN}|codeblanks: task "9" is not in the set`)] });

  test('mount() and the iframe page each say so in place and log it once', async ({ page, consoleErrors }) => {
    await openCourse(page);
    await page.evaluate(async () => {
      const { mount } = (await import('/embed/codeblanks.js' as string)) as { mount: (element: Element, options: object) => unknown };
      const element = document.createElement('div');
      element.id = 'bad-mount';
      document.querySelector('main')!.append(element);
      mount(element, { src: '/exercises/oauth2-client-credentials.json', task: 9 });
      const frame = document.createElement('iframe');
      frame.id = 'bad-frame';
      frame.title = 'A task that is not there';
      frame.src = '/embed.html?set=oauth2-client-credentials&task=9&id=bad-frame';
      document.querySelector('main')!.append(frame);
    });
    await expect(page.locator('#bad-mount').getByRole('alert')).toContainText('task "9" is not in the set');
    await expect(page.frameLocator('#bad-frame').getByRole('alert')).toContainText('task "9" is not in the set');
    await page.waitForTimeout(500); // a second line would come straight after the first
    expect(consoleErrors.filter((line) => line.includes('task "9"'))).toHaveLength(2);
  });
});

test('mount() takes an exercise object, calls onEvent and xapi.onStatement, and its handle reports and resets', { tag: tags.desktop }, async ({ page }) => {
  await openCourse(page);
  const api = page.locator('#ex-api');
  await fill(api, 1, '<');
  await api.getByRole('button', { name: 'Check' }).click();
  await expect(api.getByText(/^✓ Correct$/)).toBeVisible();

  const log = await page.evaluate(() => window.courseLog.filter((l) => l.target === 'ex-api' && l.source !== 'event'));
  expect(log.filter((l) => l.source === 'onEvent').map((l) => l.type)).toEqual(['placed', 'checked', 'solved', 'completed']);
  expect(log.find((l) => l.type === 'checked')?.detail).toMatchObject({ setId: 'js-token-cache', taskId: 'reuse-token', correct: true });
  const statements = log.filter((l) => l.source === 'onStatement').map((l) => l.detail);
  expect(statements.map((s) => (s.verb as { display: Record<string, string> }).display['en-US'])).toEqual(['interacted', 'answered', 'completed']);
  // An inline set's activities hang off the page's own URL; the actor is the host's.
  expect(statements[1]).toMatchObject({
    actor: { objectType: 'Agent', name: 'Ada Learner', mbox: 'mailto:ada@example.com' },
    object: { id: `${server.origin}/examples/course.html#js-token-cache/reuse-token`, definition: { correctResponsesPattern: ['<'] } },
    result: { response: '<', success: true, score: { raw: 1, max: 1 } },
  });

  expect(await page.evaluate(() => window.courseHandle.progress())).toEqual({
    setId: 'js-token-cache',
    score: { total: 1, solved: 1, failed: 0, open: 0, attemptsUsed: 1, hintsUsed: 0, complete: true, scaled: 1 },
    tasks: [{ id: 'reuse-token', number: 1, status: 'solved', attemptsUsed: 1, hintsUsed: 0 }],
  });
  await page.evaluate(() => window.courseHandle.reset());
  await expect(api.getByRole('button', { name: 'Blank 1, empty', exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window.courseHandle.progress() as { score: { open: number } }).score.open)).toBe(1);

  await page.evaluate(() => window.courseHandle.unmount());
  await expect(api.getByRole('heading')).toHaveCount(0);
});

test('an exercise written inline in the page works like a fetched one', { tag: tags.desktop }, async ({ page }) => {
  await openCourse(page);
  const inline = page.locator('#ex-inline');
  await expect(inline.getByRole('heading', { name: 'Reading rows' })).toBeVisible();
  await fill(inline, 1, '*');
  await inline.getByRole('button', { name: 'Check' }).click();
  await expect(inline.getByText('In a select list, * stands for every column.')).toBeVisible();
});

test('a bad src shows its message in place, logs one error, and the other exercises keep working', { tag: tags.desktop }, async ({ page, consoleErrors }) => {
  await openCourse(page);
  const broken = page.locator('#ex-broken');
  await expect(broken.getByRole('alert')).toHaveText(
    `This exercise set could not be loaded: ${server.origin}/exercises/no-such-set.json answered 404 Not Found`,
  );
  expect(consoleErrors.filter((line) => line.includes('codeblanks:'))).toHaveLength(1);
  const inline = page.locator('#ex-inline');
  await fill(inline, 1, '*');
  await inline.getByRole('button', { name: 'Check' }).click();
  await expect(inline.getByText(/^✓ Correct$/)).toBeVisible();
});

test.describe('bad attributes', { tag: tags.desktop }, () => {
  test.use({ allowedConsoleErrors: [new RegExp(`${BROKEN}|codeblanks: (unknown mode|unknown theme|task "9" is not in the set|the inline exercise is not)`)] });

  test('each shows a readable message in place and logs one line; nothing reaches the page', async ({ page, consoleErrors }) => {
    await openCourse(page);
    const add = (id: string, attributes: Record<string, string>, inline?: string) =>
      page.evaluate(
        ({ id, attributes, inline }) => {
          const element = document.createElement('code-blanks');
          element.id = id;
          for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
          if (inline !== undefined) {
            const script = document.createElement('script');
            script.type = 'application/json';
            script.textContent = inline;
            element.append(script);
          }
          document.querySelector('main')!.append(element);
        },
        { id, attributes, inline },
      );
    const src = `/exercises/${SET}.json`;
    const cases: [string, Record<string, string>, string | undefined, string][] = [
      ['bad-mode', { src, mode: 'quiz' }, undefined, 'unknown mode "quiz": the modes are practice, study, typed, pick, order, flashcards, review, challenge, exam'],
      ['bad-task', { src, task: '9' }, undefined, `task "9" is not in the set "${SET}", which has tasks 1 to 5:`],
      ['bad-theme', { src, theme: 'sepia' }, undefined, 'unknown theme "sepia": use light, dark, auto'],
      ['bad-json', {}, '{ not json', 'the inline exercise is not JSON'],
      ['bad-set', {}, JSON.stringify({ formatVersion: 1, id: 'x', title: 'X', subject: 'S', tasks: [{ id: 't', difficulty: 'easy', prompt: 'p', language: 'sql', code: ['[[1]]'], options: ['a', 'b'], answers: { 1: 'c' } }] }), 'the inline exercise is not a valid exercise set'],
    ];
    for (const [id, attributes, inline, message] of cases) {
      await add(id, attributes, inline);
      await expect(page.locator(`#${id}`).getByRole('alert')).toContainText(`This exercise set could not be loaded: ${message}`);
    }
    await expect(page.locator('#bad-set').getByRole('alert')).toContainText('tasks[0].answers');
    expect(consoleErrors.filter((line) => line.includes('codeblanks:'))).toHaveLength(1 + cases.length);
  });
});

test('attribute changes re-mount; a theme change restyles in place', { tag: tags.desktop }, async ({ page }) => {
  await openCourse(page);
  const grant = page.locator('#ex-grant');
  const root = grant.locator('.cb-root');
  const background = () => root.evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await background()).toBe('rgb(255, 255, 255)');
  // The page's --cb-accent reaches the Check button inside the shadow root.
  expect(await grant.getByRole('button', { name: 'Check' }).evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(123, 44, 191)');
  expect(await page.locator('#ex-post .cb-root').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(20, 23, 29)');

  await root.evaluate((e) => e.setAttribute('data-probe', 'same node'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await grant.evaluate((e) => e.setAttribute('theme', 'auto'));
  await expect.poll(background).toBe('rgb(20, 23, 29)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(background).toBe('rgb(255, 255, 255)');
  await grant.evaluate((e) => e.setAttribute('theme', 'dark'));
  await expect.poll(background).toBe('rgb(20, 23, 29)');
  await expect(root).toHaveAttribute('data-probe', 'same node');

  await grant.evaluate((e) => e.setAttribute('task', '2'));
  await expect(grant.getByRole('heading', { name: 'Task 2' })).toBeVisible();
  await expect(grant.getByRole('heading', { name: 'Task 1' })).toHaveCount(0);
});

test('no CSP violations, and the page and the exercises keep their own styles', { tag: tags.desktop }, async ({ page }, testInfo) => {
  await openCourse(page);
  await expect(page.frameLocator('#ex-frame').getByRole('heading', { name: 'Task 3' })).toBeVisible();
  await expect(page.locator('#ex-broken').getByRole('alert')).toBeVisible();
  expect(await page.evaluate(() => window.__csp)).toEqual([]);

  // Ours does not leak out: the page has only its own stylesheet, and its rules hold everywhere on it.
  expect(await page.evaluate(() => [document.styleSheets.length, document.adoptedStyleSheets.length, document.querySelectorAll('style').length])).toEqual([1, 0, 0]);
  const h1 = await page.locator('h1').evaluate((e) => {
    const s = getComputedStyle(e);
    return [s.fontSize, s.color, s.fontFamily, s.textTransform];
  });
  expect(h1).toEqual(['30px', 'rgb(255, 0, 0)', 'serif', 'lowercase']);
  await expect(page.locator('.course-button')).toBeHidden();

  // Theirs does not leak in: inside, our sizes, colours and fonts, and our buttons.
  const inside = await page.locator('#ex-inline .cb-set-title').evaluate((e) => {
    const s = getComputedStyle(e);
    return { color: s.color, family: s.fontFamily, transform: s.textTransform, spacing: s.letterSpacing };
  });
  expect(inside).toMatchObject({ color: 'rgb(28, 34, 48)', transform: 'none', spacing: 'normal' });
  expect(inside.family).toContain('system-ui');
  await expect(page.locator('#ex-inline').getByRole('button', { name: 'Check' })).toBeVisible();
  // The task text is the user's default size (16px), not the page's 30px root.
  expect(await page.locator('#ex-inline .cb-prompt').evaluate((e) => getComputedStyle(e).fontSize)).toBe('16.8px');

  // Work in two of them, so the page's event log (its own <ol>, under its own CSS) has lines too.
  for (const [id, option] of [['ex-inline', '*'], ['ex-grant', 'client_credentials']] as const) {
    const scope = page.locator(`#${id}`);
    await fill(scope, 1, option);
    await scope.getByRole('button', { name: 'Check' }).click();
    await expect(scope.getByText(/^✓ Correct$/)).toBeVisible();
  }
  await expect(page.locator('#event-log li')).toHaveCount(11);
  expect(await page.evaluate(() => window.__csp)).toEqual([]);

  const file = `/tmp/codeblanks-embed-${testInfo.project.name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach('course page', { path: file, contentType: 'image/png' });
});

test('a mouse drag inside the shadow root places the option, its overlay drawn inside', { tag: tags.desktop }, async ({ page }) => {
  await openCourse(page);
  const grant = page.locator('#ex-grant');
  const option = grant.getByRole('button', { name: 'client_credentials', exact: true });
  const blank = grant.getByRole('button', { name: 'Blank 1, empty', exact: true });
  await option.scrollIntoViewIfNeeded();
  const from = (await option.boundingBox())!;
  const to = (await blank.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  // The overlay and the live region live in the shadow root, where our styles reach them.
  await expect(grant.locator('.cb-chip--overlay[data-active]')).toBeVisible();
  expect(await page.evaluate(() => document.querySelectorAll('.cb-chip--overlay, [id^="DndLiveRegion"]').length)).toBe(0);
  await page.mouse.up();
  await expect(grant.getByRole('button', { name: 'Blank 1: client_credentials', exact: true })).toBeVisible();
  expect((await events(page, 'ex-grant')).find((e) => e.type === 'placed')?.detail).toMatchObject({ blank: 1, option: 'client_credentials' });
});

test('a touch drag inside the shadow root places the option', { tag: tags.phone }, async ({ page }) => {
  await openCourse(page);
  const inline = page.locator('#ex-inline');
  const option = inline.getByRole('button', { name: 'ALL', exact: true });
  const blank = inline.getByRole('button', { name: 'Blank 1, empty', exact: true });
  await option.scrollIntoViewIfNeeded();
  const from = (await option.boundingBox())!;
  const to = (await blank.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const [x0, y0] = [from.x + from.width / 2, from.y + from.height / 2];
  const [x1, y1] = [to.x + to.width / 2, to.y + to.height / 2];
  await touch('touchStart', x0, y0);
  await page.waitForTimeout(300); // a press longer than the sensor's 180 ms delay starts the drag
  for (let i = 1; i <= 10; i += 1) await touch('touchMove', x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10);
  await expect(inline.locator('.cb-chip--overlay[data-active]')).toBeVisible();
  await touch('touchEnd', x1, y1);
  await expect(inline.getByRole('button', { name: 'Blank 1: ALL', exact: true })).toBeVisible();
});

test("mode=\"review\" plays what of the element's set is due today, by the course page's own logs", { tag: tags.desktop }, async ({ page }) => {
  await page.clock.install();
  await openCourse(page);
  // A wrong check in practice: FSRS brings the task back the next day.
  const grant = page.locator('#ex-grant');
  await fill(grant, 1, 'password');
  await grant.getByRole('button', { name: 'Check' }).click();
  await expect(grant.getByText('Attempts: 2 left', { exact: true })).toBeVisible();

  // Review takes the practice element's place on the page (in its landmark; two "Task 1" regions of one
  // task would be two landmarks of one name). Its styles come as the page's CSP allows: no violation.
  const review = page.locator('#ex-review');
  const addReview = () =>
    page.evaluate(() => {
      const old = document.getElementById('ex-review') ?? document.getElementById('ex-grant')!;
      const element = document.createElement('code-blanks');
      element.id = 'ex-review';
      element.setAttribute('src', '/exercises/oauth2-client-credentials.json');
      element.setAttribute('mode', 'review');
      old.replaceWith(element);
    });
  await addReview();
  await expect(review.getByRole('heading', { name: 'Nothing to review today' })).toBeVisible();
  await expect(review.getByText('Next: 1 task tomorrow.')).toBeVisible();
  // Nothing due: the set's "0 of 0 solved" is hidden by review's own sheet, adopted in the shadow root.
  await expect(review.getByText('0 of 0 solved')).toBeHidden();

  await page.clock.fastForward('24:00:00');
  await addReview();
  await expect(review.getByRole('heading', { name: 'To review today: 1 task' })).toBeVisible();
  const due = review.getByRole('region', { name: 'Task 1', exact: true });
  await expect(due).toContainText('Client credentials flow in Rest API · Complete the code to specify the grant type');
  await expect(review.getByRole('region', { name: 'Task 2', exact: true })).toHaveCount(0);
  // Solved at the first check: it leaves today's review, logged to its set.
  await fill(due, 1, 'client_credentials');
  await due.getByRole('button', { name: 'Check' }).click();
  await expect(due.getByText(/^✓ Correct$/)).toBeVisible();
  await addReview();
  await expect(review.getByRole('heading', { name: 'Nothing to review today' })).toBeVisible();
  // The element itself (its "Task 1" region and the mount() example's share a landmark name on this page).
  await expectNoAxeViolations(page, { include: '#ex-review' });
});
