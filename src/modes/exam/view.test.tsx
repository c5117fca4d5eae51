// The exam's rules as the learner meets them: start with a time limit, one saved answer per task with no
// marks, Submit (with a question when answers are missing), time up, the results, and Retake.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MODES } from '../../engine/modes.ts';
import { optionOrder, taskOrder } from '../../engine/exam.ts';
import { ExerciseProvider } from '../../hooks/exercise-context.tsx';
import { useExerciseInstance } from '../../hooks/use-exercise-instance.ts';
import { ModeViewProvider } from '../../components/mode-view.tsx';
import { SetView } from '../../components/set-view.tsx';
import { storageKeyFor } from '../../store/persistence.ts';
import { SEED_SET } from '../../test-support/fixtures.tsx';
import { memoryStorage } from '../../test-support/memory-storage.ts';
import { rounds, view } from './view.tsx';
import { en } from '../../i18n/strings.ts';
import type { Strings } from '../../i18n/table.ts';

const KEY = storageKeyFor(SEED_SET, undefined, 'exam');

function renderExam(storage = memoryStorage(), options: Parameters<typeof userEvent.setup>[0] = {}) {
  function Page() {
    const store = useExerciseInstance(SEED_SET, { storage, rules: MODES.exam, rounds });
    return (
      // The mode's words over the page's, as the site and the embed lay them.
      <ExerciseProvider store={store} strings={{ ...en, ...view.strings?.('en') } as Strings}>
        <ModeViewProvider value={view}>
          <SetView />
        </ModeViewProvider>
      </ExerciseProvider>
    );
  }
  const user = userEvent.setup(options);
  const rendered = render(<Page />);
  return { user, storage, unmount: rendered.unmount };
}

/** The round as saved: its seed orders the tasks and the options. */
const savedRound = (storage: ReturnType<typeof memoryStorage>) => JSON.parse(storage.data.get(KEY) ?? '{}').round as { seed: number };

/** The region of a task of the set, wherever this round shows it. */
function region(storage: ReturnType<typeof memoryStorage>, id: string) {
  const n = taskOrder(SEED_SET.tasks, savedRound(storage).seed).findIndex((t) => t.id === id) + 1;
  return screen.getByRole('region', { name: `Task ${n}` });
}

async function save(user: ReturnType<typeof userEvent.setup>, task: HTMLElement, option: string) {
  await user.click(within(task).getByRole('button', { name: /^Blank 1\b/ }));
  await user.click(within(task).getByRole('button', { name: option }));
  await user.click(within(task).getByRole('button', { name: 'Save answer' }));
}

describe('the exam', () => {
  it('shows no task until the learner starts, with the time limit chosen by radio buttons', async () => {
    const { user, storage } = renderExam();
    expect(screen.queryByRole('region', { name: /^Task / })).toBeNull();
    const limits = within(screen.getByRole('group', { name: 'Time limit' }));
    expect(limits.getAllByRole('radio').map((r) => r.getAttribute('aria-checked') ?? (r as HTMLInputElement).checked)).toEqual([true, false, false, false]);
    await user.click(limits.getByRole('radio', { name: '20 minutes' }));
    await user.click(screen.getByRole('button', { name: 'Start the exam' }));
    expect(screen.getAllByRole('region', { name: /^Task \d$/ })).toHaveLength(5);
    expect(screen.getByRole('timer')).toHaveTextContent('Time left: 20:00');
    expect(savedRound(storage)).toMatchObject({ limitMs: 20 * 60_000, submittedAt: null });
    // Focus goes where the exam begins.
    expect(screen.getByRole('heading', { name: 'Task 1' })).toHaveFocus();
  });

  it('has no clock without a time limit', async () => {
    const { user } = renderExam();
    await user.click(screen.getByRole('button', { name: 'Start the exam' }));
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('shows the tasks and each bank in the round’s seeded order', async () => {
    const { user, storage } = renderExam();
    await user.click(screen.getByRole('button', { name: 'Start the exam' }));
    const { seed } = savedRound(storage);
    const ordered = taskOrder(SEED_SET.tasks, seed);
    ordered.forEach((task, i) => {
      const shown = screen.getByRole('region', { name: `Task ${i + 1}` });
      expect(within(shown).getByText(task.prompt)).toBeVisible();
      const bank = within(within(shown).getByRole('group', { name: 'Options' })).getAllByRole('button');
      expect(bank.map((b) => b.getAttribute('aria-label') ?? b.textContent?.slice(1))).toEqual(optionOrder(task, seed));
    });
  });

  it('Save answer locks a task in and tells nothing of right or wrong; no Hint, no Common mistakes', async () => {
    const { user, storage } = renderExam();
    await user.click(screen.getByRole('button', { name: 'Start the exam' }));
    expect(screen.queryByRole('button', { name: 'Hint' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Common mistakes' })).toBeNull();
    const wrong = region(storage, 'grant-type');
    await save(user, wrong, 'password');
    expect(within(wrong).getByText('Answer saved')).toHaveFocus();
    expect(within(wrong).queryByRole('button', { name: 'Save answer' })).toBeNull();
    expect(within(wrong).getByRole('button', { name: /^Blank 1\b/ })).toHaveAccessibleName('Blank 1: password');
    const right = region(storage, 'content-type');
    await save(user, right, 'application/x-www-form-urlencoded');
    for (const task of [wrong, right]) expect(within(task).queryByText(/Correct|Solved|Failed|No attempts|Not yet|solution/i)).toBeNull();
    expect(screen.getByText('2 of 5 answers saved')).toBeVisible();
    // Nor does the live region.
    expect(document.querySelector('[data-announcer]')?.textContent ?? '').not.toMatch(/wrong|right|correct/i);
  });

  it('Submit asks first while tasks have no saved answer; Keep going goes back to the exam', async () => {
    const { user, storage } = renderExam();
    await user.click(screen.getByRole('button', { name: 'Start the exam' }));
    await save(user, region(storage, 'grant-type'), 'client_credentials');
    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    const question = screen.getByRole('group', { name: '4 tasks have no saved answer and will count as wrong. Submit anyway?' });
    expect(within(question).getByRole('button', { name: 'Submit' })).toHaveFocus();
    await user.click(within(question).getByRole('button', { name: 'Keep going' }));
    expect(screen.getByRole('button', { name: 'Submit exam' })).toHaveFocus();
    expect(savedRound(storage)).toMatchObject({ submittedAt: null });
  });

  it('submits at once when every task has a saved answer, and the results show each answer beside the solution', async () => {
    const { user, storage } = renderExam();
    await user.click(screen.getByRole('button', { name: 'Start the exam' }));
    const answers: Record<string, string> = { 'grant-type': 'client_credentials', 'content-type': 'text/plain', 'client-id-value': 'your_client_id', 'parse-access-token': 'token' };
    for (const [id, option] of Object.entries(answers)) await save(user, region(storage, id), option);
    const five = region(storage, 'requests-post');
    for (const [b, option] of [[1, 'client_credentials'], [2, 'your_client_id'], [3, 'your_client_secret']] as const) {
      await user.click(within(five).getByRole('button', { name: new RegExp(`^Blank ${b}\\b`) }));
      await user.click(within(five).getByRole('button', { name: option }));
    }
    await user.click(within(five).getByRole('button', { name: 'Save answer' }));
    const order = taskOrder(SEED_SET.tasks, savedRound(storage).seed).map((t) => t.id);

    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    expect(screen.queryByRole('group', { name: /Submit anyway/ })).toBeNull();
    const results = within(screen.getByRole('region', { name: 'Exam results' }));
    expect(results.getByRole('heading', { name: 'Exam results' })).toHaveFocus();
    expect(results.getByText('3 of 5 right', { selector: 'p' })).toBeVisible();
    expect(results.getByText(/^Time taken: \d+:\d\d$/)).toBeVisible();
    const wrong = within(results.getByRole('region', { name: `Task ${order.indexOf('content-type') + 1} ✗ Wrong` }));
    const row = wrong.getByRole('row', { name: /Blank 1/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['✗ text/plain, wrong', 'application/x-www-form-urlencoded']);
    expect(wrong.getByText(/RFC 6749 requires token requests/)).toBeVisible();
    expect(results.getByRole('region', { name: `Task ${order.indexOf('requests-post') + 1} ✓ Right` })).toBeVisible();
    expect(within(results.getByRole('region', { name: 'Last results' })).getAllByRole('listitem')).toHaveLength(1);
    // The tasks themselves give way to the results.
    expect(screen.queryByRole('button', { name: 'Save answer' })).toBeNull();
  });

  it('Retake starts afresh in another order and keeps the last results, newest first', async () => {
    const { user, storage } = renderExam();
    await user.click(screen.getByRole('button', { name: 'Start the exam' }));
    const first = savedRound(storage).seed;
    await save(user, region(storage, 'grant-type'), 'client_credentials');
    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    await user.click(screen.getByRole('button', { name: 'Retake the exam' }));
    const second = savedRound(storage).seed;
    expect(taskOrder(SEED_SET.tasks, second).map((t) => t.id)).not.toEqual(taskOrder(SEED_SET.tasks, first).map((t) => t.id));
    expect(screen.getByText('0 of 5 answers saved')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Task 1' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    const items = within(screen.getByRole('region', { name: 'Last results' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.replace(/^.*: /, ''))).toEqual([expect.stringMatching(/^0 of 5 right in /), expect.stringMatching(/^1 of 5 right in /)]);
  });
});

describe('the exam clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true, now: Date.parse('2026-03-02T09:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const status = () => screen.getAllByRole('status').map((s) => s.textContent).join(' | ');

  it('speaks at 5 and at 1 minute left only, and submits by itself when time is up', async () => {
    const { user, storage } = renderExam(memoryStorage(), { advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('radio', { name: '10 minutes' }));
    await user.click(screen.getByRole('button', { name: 'Start the exam' }));
    await save(user, region(storage, 'client-id-value'), 'your_client_id');

    await act(() => vi.advanceTimersByTimeAsync(4 * 60_000));
    expect(screen.getByRole('timer')).toHaveTextContent(/Time left: 5:\d\d|Time left: 6:00/);
    expect(status()).not.toMatch(/minutes? left/);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(status()).toMatch('5 minutes left.');
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(status()).toMatch('5 minutes left.');
    await act(() => vi.advanceTimersByTimeAsync(3 * 60_000));
    expect(status()).toMatch('1 minute left.');
    await act(() => vi.advanceTimersByTimeAsync(61_000));

    const results = within(screen.getByRole('region', { name: 'Exam results' }));
    expect(results.getByText('Time is up: the exam was submitted.')).toBeVisible();
    expect(results.getByText('1 of 5 right', { selector: 'p' })).toBeVisible();
    expect(results.getByText('Time taken: 10:00')).toBeVisible();
    expect(status()).toMatch('Time is up');
  });

  it('a reload keeps the round, its answers and its clock', async () => {
    const storage = memoryStorage();
    const first = renderExam(storage, { advanceTimers: vi.advanceTimersByTime });
    await first.user.click(screen.getByRole('radio', { name: '30 minutes' }));
    await first.user.click(screen.getByRole('button', { name: 'Start the exam' }));
    await save(first.user, region(storage, 'grant-type'), 'password');
    await act(() => vi.advanceTimersByTimeAsync(90_000));
    first.unmount();

    renderExam(storage);
    expect(screen.getByRole('timer')).toHaveTextContent(/Time left: 28:3\d/);
    expect(within(region(storage, 'grant-type')).getByText('Answer saved')).toBeVisible();
    expect(screen.getByText('1 of 5 answers saved')).toBeVisible();
  });
});
