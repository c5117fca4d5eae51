// Every language the highlighter's grammars know is coloured, under the names authors write, in any
// case: the site serves a set (through the test's routes) whose tasks say "C#", "golang", "YML",
// "Python" and "txt", and each task's code shows its grammar's tokens.
import { test, expect, expectNoAxeViolations } from './helpers';

const task = (id: string, language: string, code: string[]) => ({
  id,
  difficulty: 'easy',
  prompt: `Fill in the ${language} blank.`,
  language,
  code,
  options: ['x', 'y'],
  answers: { '1': 'x' },
});

const SET = {
  formatVersion: 1,
  id: 'polyglot',
  title: 'Polyglot',
  subject: 'Languages',
  tasks: [
    task('csharp', 'C#', ['public class A {', '  int [[1]] = 1;', '}']),
    task('go', 'golang', ['func main() {', '  [[1]] := 1', '}']),
    task('yaml', 'YML', ['name: [[1]]']),
    task('python', 'Python', ['def f():', '    return [[1]]']),
    task('plain', 'txt', ['public [[1]] def']),
  ],
};

test.beforeEach(async ({ page }) => {
  await page.route('**/exercises/index.json', (route) =>
    route.fulfill({ json: [{ file: 'polyglot.json', id: 'polyglot', title: SET.title, subject: SET.subject, tasks: SET.tasks.length }] }),
  );
  await page.route('**/exercises/polyglot.json', (route) => route.fulfill({ json: SET }));
});

test('colours code written under the names people use, each grammar fetched on demand', async ({ page }) => {
  await page.goto('/?set=polyglot');
  const code = (language: string) => page.getByRole('figure').filter({ has: page.getByLabel(`Code (${language})`, { exact: true }) });
  await expect(code('C#').locator('.tok-keyword', { hasText: 'public' })).toBeVisible();
  await expect(code('golang').locator('.tok-keyword', { hasText: 'func' })).toBeVisible();
  await expect(code('YML').locator('.tok-key', { hasText: 'name' })).toBeVisible();
  await expect(code('Python').locator('.tok-keyword', { hasText: 'def' })).toBeVisible();
  // Plain text stays in one colour: no grammar claims "public" or "def" there.
  await expect(code('txt').getByText('public')).toBeVisible();
  await expect(code('txt').locator('.tok')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
