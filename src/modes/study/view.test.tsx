// Study as the learner meets it: the worked example first, then one answer at a time handed back, each
// filling marked and said at once, and the task studied once every blank is the learner's and right.
import { screen, within } from '@testing-library/react';
import { view } from './view.tsx';
import { renderMode } from '../../test-support/render-mode.tsx';
import { memoryStorage } from '../../test-support/memory-storage.ts';
import { en } from '../../i18n/strings.ts';
import type { Strings } from '../../i18n/table.ts';
import { logKeyFor } from '../../store/persistence.ts';
import { readLog } from '../../store/logs.ts';
import { SEED_SET } from '../../test-support/fixtures.tsx';

const strings = { ...en, ...view.strings?.('en') } as Strings;
const task = (n: number) => screen.getByRole('region', { name: `Task ${n}` });
const blank = (scope: HTMLElement, b: number) => within(scope).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) });
const status = (scope: HTMLElement) => scope.querySelector('.cb-study > p[role="status"]');

describe('Study mode', () => {
  it('opens each task solved: every answer, the mistakes it avoids and why; no bank, no Check, no attempts', { timeout: 30_000 }, () => {
    renderMode('study', { view }, { strings });
    const five = task(5);
    expect(within(five).getByRole('heading', { name: 'Worked example' })).toBeInTheDocument();
    const notes = within(five).getAllByRole('listitem').map((li) => li.textContent);
    expect(notes.some((t) => t?.startsWith('Blank 3 your_client_secret'))).toBe(true);
    expect(within(five).getAllByText('Swapping client ID and secret values.').length).toBeGreaterThan(0);
    expect(within(five).queryByRole('group', { name: 'Options' })).not.toBeInTheDocument();
    expect(within(five).queryByRole('button', { name: /^Blank/ })).not.toBeInTheDocument();
    expect(within(five).getByRole('button', { name: 'Hide the next answer (blank 3)' })).toBeInTheDocument();
    expect(screen.getByText('0 of 5 studied')).toBeInTheDocument();
  });

  it('hands back the last blank first; a wrong filling is said at once and holds the step; the last step studies the task with one solved check', { timeout: 30_000 }, async () => {
    const storage = memoryStorage();
    const { user } = renderMode('study', { view }, { strings, storage });
    const one = task(1);
    await user.click(within(one).getByRole('button', { name: 'Hide the next answer (blank 1)' }));
    expect(blank(one, 1)).toHaveAccessibleName('Blank 1, empty');
    expect(blank(one, 1)).toHaveFocus();
    expect(status(one)).toHaveTextContent('Blank 1 is empty now: fill it from the options.');

    await user.click(blank(one, 1));
    await user.click(within(one).getByRole('button', { name: 'password' }));
    expect(status(one)).toHaveTextContent('Blank 1: not this one. Try another option.');
    const finish = within(one).getByRole('button', { name: 'Finish studying this task' });
    expect(finish).toHaveAttribute('aria-disabled', 'true');
    await user.click(finish);
    expect(status(one)).toHaveTextContent('First fill blank 1 with the right answer.');

    await user.click(blank(one, 1));
    await user.click(within(one).getByRole('button', { name: 'client_credentials' }));
    expect(status(one)).toHaveTextContent('Blank 1: right.');
    await user.click(finish);
    expect(within(one).getByText('✓ Task studied: every blank filled by you.')).toHaveFocus();
    expect(within(one).getByText('✓ Studied')).toBeInTheDocument();
    expect(screen.getByText('1 of 5 studied')).toBeInTheDocument();
    // Nothing was graded against attempts: the wrong filling never reached the log, the study did once.
    const lines = Object.values(readLog(storage, logKeyFor(SEED_SET.id))).flat();
    expect(lines).toMatchObject([{ m: 'study', c: { 1: true }, s: true }]);
  });
});
