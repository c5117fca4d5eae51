// Smoke: the production build's home page renders, logs no errors, and passes axe.
import { test, expect, expectNoAxeViolations } from './helpers';

test('the home page shows its main heading with no console errors and no axe violations', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(consoleErrors).toEqual([]);
});
