// A cmi5 package launched as a cmi5 LMS launches it: a test LRS in the test process plays the LMS's
// side (the fetch URL that hands out the auth token once, LMS.LaunchData, the State API, the
// statements resource). Every statement passes @learninglocker/xapi-validation (an LRS's own
// validator), and their order and cmi5 context follow the specification.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import validation from '@learninglocker/xapi-validation';
import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, tags } from './helpers';
import { contentPath, exportPackage, startLms, type LmsServer } from './lms/lms-server';

const SET = 'oauth2-client-credentials';
const AU = `https://codeblanks.dev/sets/${SET}`;
const REGISTRATION = 'a7b3c2d1-1234-4abc-9def-0123456789ab';
const SESSION = 'f1e2d3c4-5678-4abc-8def-ba9876543210';
const TOKEN = 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==';
const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-7' }, name: 'Ada' };
const CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// A CommonJS module whose `default` export is the validator: `(statement) => problems[]`.
const validateStatement = (typeof validation === 'function' ? validation : (validation as unknown as { default: typeof validation }).default) as (statement: unknown) => unknown[];

// The first launch finds no saved progress: the LRS answers 404, as xAPI's State API does, and the
// browser logs that response. Only that one is expected.
test.use({ allowedConsoleErrors: [/status of 404 .*\/xapi\/activities\/state\?stateId=https%3A%2F%2Fcodeblanks\.dev%2Fxapi%2Fstate%2Fprogress/] });

let lms: LmsServer;
let dir: string;
let zipBytes = 0;
const statements: Json[] = [];
const unauthorised: string[] = [];
/** State documents by registration and state id. */
const states = new Map<string, string>();
/** LaunchData beyond the shared part, by registration (moveOn and returnURL). */
const launches = new Map<string, Json>();
/** Tokens handed out per launch (each launch has its own fetch URL). */
const tokensHanded = new Map<string, number>();

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'codeblanks-cmi5-'));
  lms = await startLms({ '/course/9': '<!doctype html><html lang="en"><link rel="icon" href="data:,"><title>Course 9</title><main><h1>Course 9</h1></main></html>' }, (request, body, response) => {
    const url = new URL(request.url ?? '/', 'http://lrs');
    const reply = (status: number, json?: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'X-Experience-API-Version': '1.0.3' });
      response.end(json === undefined ? '' : JSON.stringify(json));
    };
    if (url.pathname.startsWith('/fetch/') && request.method === 'POST') {
      const handed = (tokensHanded.get(url.pathname) ?? 0) + 1;
      tokensHanded.set(url.pathname, handed);
      // cmi5: a launch's fetch URL gives the token once; a second request gets an error.
      return (reply(200, handed === 1 ? { 'auth-token': TOKEN } : { 'error-code': '1', 'error-text': 'already used' }), true);
    }
    if (!url.pathname.startsWith('/xapi/')) return false;
    if (request.headers.authorization !== `Basic ${TOKEN}` || request.headers['x-experience-api-version'] !== '1.0.3') {
      unauthorised.push(`${request.method} ${url.pathname}`);
      return (reply(401, { error: 'unauthorised' }), true);
    }
    if (url.pathname === '/xapi/activities/state') {
      const stateId = url.searchParams.get('stateId') ?? '';
      const registration = url.searchParams.get('registration') ?? '';
      expect([REGISTRATION, ...launches.keys()]).toContain(registration);
      const key = `${registration} ${stateId}`;
      expect(JSON.parse(url.searchParams.get('agent') ?? '{}')).toEqual(actor);
      if (stateId === 'LMS.LaunchData' && request.method === 'GET') {
        return (
          reply(200, {
            contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://lms.example/course/9' }] }, extensions: { [SESSION_EXT]: SESSION } },
            launchMode: 'Normal',
            moveOn: 'CompletedAndPassed',
            masteryScore: 0.6,
            ...launches.get(registration),
          }),
          true
        );
      }
      if (request.method === 'GET') return (states.has(key) ? reply(200, JSON.parse(states.get(key) as string)) : reply(404), true);
      states.set(key, body);
      return (reply(204), true);
    }
    if (url.pathname === '/xapi/statements' && request.method === 'POST') {
      statements.push(JSON.parse(body) as Json);
      return (reply(200, [crypto.randomUUID()]), true);
    }
    return false;
  });
  const exported = await exportPackage(SET, ['--format', 'cmi5', '--attempts', '1'], dir);
  lms.packages.set('cmi5', exported.files);
  zipBytes = exported.zipBytes;
});
test.afterAll(async () => {
  await lms?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const launchUrl = (launch: number | string, registration = REGISTRATION) =>
  `${lms.origin}${contentPath('cmi5')}?${new URLSearchParams({ endpoint: `${lms.origin}/xapi/`, fetch: `${lms.origin}/fetch/${launch}`, actor: JSON.stringify(actor), registration, activityId: AU })}`;

const task = (page: Page, n: number) => page.getByRole('region', { name: `Task ${n}` });
async function answer(page: Page, n: number, options: readonly string[], status: 'Solved' | 'Not solved') {
  for (const [i, text] of options.entries()) {
    await task(page, n).getByRole('button', { name: new RegExp(`^Blank ${i + 1}\\b`) }).click();
    await task(page, n).getByRole('button', { name: text, exact: true }).click();
  }
  await task(page, n).getByRole('button', { name: 'Check' }).click();
  await expect(task(page, n).getByText(new RegExp(`^\\W*${status}$`)).first()).toBeVisible();
}
const verbs = () => statements.map((s) => String(s.verb.id).split('/').pop());

test('cmi5: launch, token, launch data, then initialized, answered, completed, passed, terminated in order, each valid xAPI with cmi5 context; a relaunch resumes from the LRS', { tag: tags.desktop }, async ({ page, browser }) => {
  expect(zipBytes).toBeLessThanOrEqual(120 * 1024);
  await page.goto(launchUrl(1));
  await expect(page.getByRole('heading', { level: 2, name: 'Client credentials flow in Rest API' })).toBeVisible();
  await expect.poll(verbs).toEqual(['initialized']);
  await expectNoAxeViolations(page); // the package's own page around the exercise

  await answer(page, 1, ['client_credentials'], 'Solved');
  await answer(page, 2, ['application/x-www-form-urlencoded'], 'Solved');
  await answer(page, 3, ['client_secret'], 'Not solved');
  await answer(page, 4, ['access_token'], 'Solved');
  await expect.poll(() => verbs().length).toBe(5);
  await answer(page, 5, ['client_credentials', 'your_client_id', 'your_client_secret'], 'Solved');
  await expect.poll(verbs).toEqual(['initialized', 'answered', 'answered', 'answered', 'answered', 'answered', 'completed', 'passed']);
  await page.goto('about:blank'); // the learner leaves: terminated
  await expect.poll(verbs).toEqual(['initialized', 'answered', 'answered', 'answered', 'answered', 'answered', 'completed', 'passed', 'terminated']);

  expect([...tokensHanded.values()]).toEqual([1]);
  expect(unauthorised).toEqual([]);
  for (const statement of statements) {
    expect(validateStatement(statement), JSON.stringify(statement)).toEqual([]);
    expect(statement.actor).toEqual(actor);
    expect(statement.context.registration).toBe(REGISTRATION);
    expect(statement.context.extensions[SESSION_EXT]).toBe(SESSION);
    // The LMS's context template is kept.
    expect(statement.context.contextActivities.grouping).toEqual([{ objectType: 'Activity', id: 'https://lms.example/course/9' }]);
    const categories = (statement.context.contextActivities.category ?? []).map((c: Json) => c.id);
    const verb = String(statement.verb.id).split('/').pop();
    if (verb === 'answered') {
      // A cmi5 "allowed" statement: no cmi5 category; its object is the task, its parent the AU.
      expect(categories).toEqual([]);
      expect(statement.context.contextActivities.parent).toEqual([{ objectType: 'Activity', id: AU }]);
      continue;
    }
    expect(statement.object.id).toBe(AU);
    expect(categories).toEqual(verb === 'completed' || verb === 'passed' ? [CATEGORY, MOVEON] : [CATEGORY]);
    if (verb !== 'initialized') expect(statement.result.duration).toMatch(/^PT\d+(\.\d+)?S$/);
  }
  const [, first, , third] = statements;
  expect(first?.object.id).toBe(`${AU}/tasks/grant-type`);
  expect(first?.result).toEqual({ response: 'client_credentials', success: true });
  expect(third?.result).toEqual({ response: 'client_secret', success: false });
  const passed = statements[7] as Json;
  // 4 of 5 against the LMS's masteryScore (0.6, which wins over the package's 0.8).
  expect(passed.result).toMatchObject({ success: true, score: { scaled: 0.8, raw: 4, min: 0, max: 5 } });
  expect(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.6);
  const times = statements.map((s) => Date.parse(s.timestamp));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  // Progress sits in the LRS's State API, for a launch on another computer.
  expect(JSON.parse(states.get(`${REGISTRATION} https://codeblanks.dev/xapi/state/progress`) ?? '{}')).toMatchObject({ sent: ['completed', 'passed'] });

  // A second launch in the same registration, on a browser without the first one's storage: the
  // progress comes back from the LRS, and completed and passed are not sent again.
  const before = statements.length;
  const elsewhere = await browser.newContext(); // another computer: nothing in its storage
  const second = await elsewhere.newPage();
  const errors: string[] = [];
  second.on('console', (message) => (message.type() === 'error' ? errors.push(message.text()) : undefined));
  await second.goto(launchUrl(2));
  await expect(task(second, 1).getByText(/^\W*Solved$/).first()).toBeVisible();
  await expect(task(second, 3).getByText(/^\W*Not solved$/).first()).toBeVisible();
  await second.getByRole('button', { name: 'Reset progress' }).click();
  await second.getByRole('button', { name: 'Yes, start afresh' }).click();
  await answer(second, 1, ['client_credentials'], 'Solved');
  await second.goto('about:blank');
  await elsewhere.close();
  expect(errors).toEqual([]);
  await expect.poll(() => statements.slice(before).map((s) => String(s.verb.id).split('/').pop())).toEqual(['initialized', 'answered', 'terminated']);
  for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
});

test('cmi5: moveOn Completed gets completed and no passed or failed; "Return to course" sends terminated, then goes to the returnURL', async ({ page }) => {
  // A registration of its own (each project's run too), so this launch's statements and state are its own.
  const registration = crypto.randomUUID();
  launches.set(registration, { moveOn: 'Completed', returnURL: `${lms.origin}/course/9` });
  const mine = () => statements.filter((s) => s.context.registration === registration).map((s) => String(s.verb.id).split('/').pop());
  await page.goto(launchUrl(registration, registration));
  await expect(page.getByRole('heading', { level: 2, name: 'Client credentials flow in Rest API' })).toBeVisible();
  const back = page.getByRole('button', { name: 'Return to course' });
  await expect(back).toBeVisible();
  await expectNoAxeViolations(page);

  await answer(page, 1, ['client_credentials'], 'Solved');
  await answer(page, 2, ['application/x-www-form-urlencoded'], 'Solved');
  await answer(page, 3, ['client_secret'], 'Not solved');
  await answer(page, 4, ['access_token'], 'Solved');
  await answer(page, 5, ['client_credentials', 'your_client_id', 'your_client_secret'], 'Solved');
  await expect.poll(mine).toEqual(['initialized', 'answered', 'answered', 'answered', 'answered', 'answered', 'completed']);

  await back.click();
  await expect(page).toHaveURL(`${lms.origin}/course/9`);
  await expect(page.getByRole('heading', { name: 'Course 9' })).toBeVisible();
  // terminated came before the page left, once (leaving the page sends no second one).
  expect(mine()).toEqual(['initialized', 'answered', 'answered', 'answered', 'answered', 'answered', 'completed', 'terminated']);
  for (const statement of statements.filter((s) => s.context.registration === registration)) expect(validateStatement(statement)).toEqual([]);
  expect(JSON.parse(states.get(`${registration} https://codeblanks.dev/xapi/state/progress`) ?? '{}')).toMatchObject({ sent: ['completed'] });
});
