// Review as the learner meets it: the day's due past mistakes as one session, each answer logged in its
// own set's log, which takes it out of the day's review; nothing due says so, and when the next one is.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session, view } from './view.tsx';
import { SEED_SET } from '../../test-support/fixtures.tsx';
import { MODES } from '../../engine/modes.ts';
import { ExerciseProvider } from '../../hooks/exercise-context.tsx';
import { useExerciseInstance } from '../../hooks/use-exercise-instance.ts';
import { ModeViewProvider } from '../../components/mode-view.tsx';
import { SetView } from '../../components/set-view.tsx';
import { setClock } from '../../store/clock.ts';
import { appendLog, itemKey, logKeyFor } from '../../store/persistence.ts';
import { readLog } from '../../store/logs.ts';
import type { Session } from '../registry.ts';
import { en } from '../../i18n/strings.ts';
import type { Strings } from '../../i18n/table.ts';

const DAY = 86_400_000;
const T0 = new Date(2026, 2, 2, 9).getTime();
const [FIRST, SECOND] = SEED_SET.tasks;
const item = (task = FIRST!) => `${SEED_SET.id}/${itemKey(task)}`;
let time = T0;
let restore: () => void;

beforeEach(() => {
  localStorage.clear();
  time = T0;
  restore = setClock(() => time);
});
afterEach(() => restore());

const wrong = (t: number, task = FIRST!) => appendLog(localStorage, logKeyFor(SEED_SET.id), item(task), { t, m: 'practice', r: { 1: 'x' }, c: { 1: false }, s: false });

function Page({ played }: { played: Session }) {
  const store = useExerciseInstance(played.set, { storage: localStorage, rules: MODES.review, mode: 'review', logAs: played.logAs });
  return (
    <ExerciseProvider store={store} strings={{ ...en, ...view.strings?.('en') } as Strings}>
      <ModeViewProvider value={view}>
        <SetView />
      </ModeViewProvider>
    </ExerciseProvider>
  );
}

describe('review', () => {
  it('plays the tasks due today, soonest first, each naming its set', async () => {
    wrong(T0 - 3 * DAY, SECOND);
    wrong(T0 - DAY);
    const played = await session(SEED_SET);
    expect(played.set.tasks.map((t) => t.prompt)).toEqual([
      `${SEED_SET.title} · ${SECOND!.prompt}`,
      `${SEED_SET.title} · ${FIRST!.prompt}`,
    ]);
    expect(played.set.id).toBe('review-2026-03-02');
  });

  it('logs an answer in the task\'s own set, which takes it out of the day\'s review', async () => {
    wrong(T0 - DAY);
    const played = await session(SEED_SET);
    const user = userEvent.setup();
    render(<Page played={played} />);
    expect(screen.getByRole('heading', { name: 'To review today: 1 task' })).toBeInTheDocument();
    const task = screen.getByRole('region', { name: 'Task 1' });
    await user.click(within(task).getByRole('button', { name: /^Blank 1\b/ }));
    await user.click(within(task).getByRole('button', { name: 'client_credentials' }));
    await user.click(within(task).getByRole('button', { name: 'Check' }));
    expect(readLog(localStorage, logKeyFor(SEED_SET.id))[item()]!.at(-1)).toMatchObject({ m: 'review', s: true });
    expect((await session(SEED_SET)).set.tasks).toHaveLength(0);
  });

  it('says when nothing is due, and when the next task is', async () => {
    wrong(T0);
    render(<Page played={await session(SEED_SET)} />);
    expect(screen.getByRole('heading', { name: 'Nothing to review today' })).toBeInTheDocument();
    expect(screen.getByText('Next: 1 task tomorrow.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Task 1' })).toBeNull();
  });

  it('leaves out a task whose content changed since it was got wrong, and reads no other set without a catalogue', async () => {
    appendLog(localStorage, logKeyFor(SEED_SET.id), `${SEED_SET.id}/${FIRST!.id}@old`, { t: T0 - DAY, m: 'typed', r: {}, c: { 1: false }, s: false });
    appendLog(localStorage, logKeyFor('elsewhere'), 'elsewhere/t@1', { t: T0 - DAY, m: 'practice', r: {}, c: { 1: false }, s: false });
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('offline'));
    expect((await session(SEED_SET)).set.tasks).toHaveLength(0);
    expect(fetch).toHaveBeenCalledWith('exercises/index.json');
    fetch.mockRestore();
  });
});
