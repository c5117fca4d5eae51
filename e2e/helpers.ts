// Shared pieces for the browser tests. Import `test` and `expect` from here, not from
// '@playwright/test', so every test gets the console-error guard:
//
//   import { test, expect, expectNoAxeViolations, tags } from './helpers';
//
//   test('places a token by touch', { tag: tags.phone }, async ({ page }) => { ... });
//
// Tags pick the project (see playwright.config.ts): untagged tests run on desktop and phone.
import { test as base, expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

/** Project tags: a test tagged `tags.phone` runs only in the phone project, `tags.desktop` only on desktop. */
export const tags = { phone: '@phone', desktop: '@desktop' } as const;

type GuardFixtures = {
  /**
   * Console errors and uncaught page exceptions seen so far in this test, one readable line each.
   * Checked automatically when the test ends; read it to assert earlier, at a moment you choose.
   */
  consoleErrors: string[];
  /**
   * Errors a test expects (an exercise set that is meant to be broken, say). Set per file or block:
   * `test.use({ allowedConsoleErrors: [/Failed to parse exercise/] })`. Matched against the lines above.
   */
  allowedConsoleErrors: RegExp[];
};

/** Playwright's `test`, failing any test whose page logs a console error or throws uncaught. */
export const test = base.extend<GuardFixtures>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, allowedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const { url, lineNumber } = message.location();
        errors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber + 1})` : ''}`);
      });
      page.on('pageerror', (error) => {
        errors.push(`uncaught ${error.name}: ${error.message}`);
      });
      await use(errors);
      const unexpected = errors.filter((line) => !allowedConsoleErrors.some((pattern) => pattern.test(line)));
      expect(unexpected, 'the page logged console errors or threw uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
});

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** Scope and exceptions for one axe run; every disabled rule should say why in a comment at the call. */
export type AxeOptions = {
  /** CSS selector to check instead of the whole page. */
  include?: string;
  /** CSS selectors to leave out (a third-party widget we cannot fix, say). */
  exclude?: string[];
  /** axe rule ids to skip. */
  disableRules?: string[];
};

/** One violation per paragraph: impact, rule, what to do, and each offending element's selector. */
export function formatAxeViolations(violations: AxeResults['violations']): string {
  return violations
    .map((violation) => {
      // No line may start with "at ": Playwright would take it for a stack frame and cut the message there.
      const nodes = violation.nodes.map((node) => {
        const summary = (node.failureSummary ?? '')
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line, i) => (i === 0 ? `      ${line}` : `        ${line}`));
        return [`    - element ${node.target.join(' ')}`, ...summary].join('\n');
      });
      return [
        `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}`,
        `    ${violation.helpUrl}`,
        ...nodes,
      ].join('\n');
    })
    .join('\n\n');
}

/**
 * Runs axe-core on the page as it is now and fails with a readable list if anything is wrong.
 * Wait for the state you mean to check (a heading visible, a drop done) before calling it.
 * On failure the violations are also attached to the test's results as JSON.
 */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  if (violations.length > 0) {
    await test.info().attach('axe-violations.json', {
      body: JSON.stringify(violations, null, 2),
      contentType: 'application/json',
    });
  }
  expect(
    violations.length,
    `axe found ${violations.length} accessibility violation(s) on ${page.url()}:\n\n${formatAxeViolations(violations)}\n`,
  ).toBe(0);
}

/**
 * dnd-kit swallows document clicks for 50 ms after a pointer drag ends (a capture listener that stops
 * propagation). Rather than sleep, wait until a probe click on <body> gets through again.
 */
export async function untilClicksPass(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    let passed = false;
    const probe = () => {
      passed = true;
    };
    document.body.addEventListener('click', probe, { once: true });
    document.body.dispatchEvent(new MouseEvent('click'));
    document.body.removeEventListener('click', probe);
    return passed;
  });
}

/** The centre of an element on screen, for pointer and touch input. */
export async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box for ${locator.toString()}`);
  return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
}
