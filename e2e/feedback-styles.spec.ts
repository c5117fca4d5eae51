// What follows a check is styled by feedback.css, which comes with the feedback chunk rather than with
// the page: on the site (after a check, and after a reload that shows saved feedback at once) and in the
// embed's shadow root, where a theme change must not drop it.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './helpers';
import { serveExamples, type ExampleServer } from '../examples/serve.ts';

const WRONG_LIGHT = 'rgb(179, 38, 30)'; // --cb-wrong, light
const WRONG_DARK = 'rgb(255, 154, 144)'; // --cb-wrong, dark

/** The colours and list style a wrong check shows: the blank's border and mark, the results list. */
async function wrongLook(scope: Locator) {
  const blank = scope.getByRole('button', { name: 'Blank 1: password, wrong', exact: true });
  return {
    border: await blank.evaluate((e) => getComputedStyle(e).borderTopColor),
    mark: await blank.locator('.cb-blank-icon').evaluate((e) => getComputedStyle(e).color),
    results: await scope.locator('.cb-results').evaluate((e) => getComputedStyle(e).listStyleType),
  };
}

async function checkWrong(page: Page, scope: Locator) {
  await scope.getByRole('button', { name: 'Blank 1, empty', exact: true }).click();
  await scope.getByRole('button', { name: 'password', exact: true }).click();
  await scope.getByRole('button', { name: 'Check' }).click();
  await expect(scope.getByText(/1 blank is wrong/)).toBeVisible();
}

test('the site styles a wrong check, and the same feedback after a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/?set=oauth2-client-credentials');
  const task = page.getByRole('region', { name: 'Task 1' });
  await checkWrong(page, task);
  const look = { border: WRONG_LIGHT, mark: WRONG_LIGHT, results: 'none' };
  expect(await wrongLook(task)).toEqual(look);
  await page.reload();
  await expect(task.getByText(/1 blank is wrong/)).toBeVisible();
  expect(await wrongLook(task)).toEqual(look);
});

test.describe('in the embed', () => {
  let server: ExampleServer;
  test.beforeAll(async () => {
    server = await serveExamples();
  });
  test.afterAll(async () => {
    await server?.close();
  });
  // The course page's deliberately broken link (see embed.spec.ts).
  test.use({
    allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404.*no-such-set\.json|codeblanks: .*no-such-set\.json answered 404 Not Found/],
  });

  test("a wrong check is styled inside the shadow root, under a strict CSP, and keeps its look through a theme change", async ({ page }) => {
    const csp: string[] = [];
    await page.exposeFunction('__cspViolation', (line: string) => csp.push(line));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __cspViolation(line: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${server.origin}/examples/course.html`);
    const grant = page.locator('#ex-grant');
    await expect(grant.getByRole('heading').first()).toBeVisible();
    await checkWrong(page, grant);
    expect(await wrongLook(grant)).toEqual({ border: WRONG_LIGHT, mark: WRONG_LIGHT, results: 'none' });
    await grant.evaluate((e) => e.setAttribute('theme', 'dark'));
    await expect.poll(() => grant.locator('.cb-root').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(20, 23, 29)');
    expect(await wrongLook(grant)).toEqual({ border: WRONG_DARK, mark: WRONG_DARK, results: 'none' });
    // The host page still has none of our styles.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
    expect(csp).toEqual([]);
  });
});
