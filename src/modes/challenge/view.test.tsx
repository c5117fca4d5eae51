// Challenge as the learner meets it where no catalogue is to be had (an embed): this set alone, a round
// of its tasks against the clock, the score with its speed bonus, and the personal best kept.
import { act, screen, within } from '@testing-library/react';
import { view } from './view.tsx';
import { renderMode } from '../../test-support/render-mode.tsx';
import { memoryStorage } from '../../test-support/memory-storage.ts';
import { en } from '../../i18n/strings.ts';
import type { Strings } from '../../i18n/table.ts';
import { ROUNDS } from '../../store/rounds.ts';
import { BESTS_KEY } from '../../store/challenge-bests.ts';

const strings = { ...en, ...view.strings?.('en') } as Strings;
const T0 = Date.parse('2026-03-02T09:00:00Z');

beforeEach(() => {
  // Bests are the page's (localStorage), as the picker reads them.
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());

describe('Challenge mode', () => {
  it('offers this set, picked; plays a round of its tasks; scores right answers plus the speed bonus and keeps the best', { timeout: 30_000 }, async () => {
    const storage = memoryStorage();
    const { user } = renderMode('challenge', { view, rounds: ROUNDS }, { strings, storage });
    expect(await screen.findByRole('checkbox', { name: /Client credentials flow/ })).toBeChecked();
    expect(screen.getByText('No best yet with these sets.')).toBeInTheDocument();
    // A round is ten tasks, or all there are: this set has five.
    expect(screen.getByText(/^5 tasks drawn from the sets you pick/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the challenge' }));

    expect(await screen.findByRole('timer')).toHaveTextContent('Time left: 5:00');
    const tasks = screen.getAllByRole('region', { name: /^Task \d$/ });
    expect(tasks).toHaveLength(5);
    expect(screen.queryByRole('button', { name: 'Hint' })).not.toBeInTheDocument();
    const first = tasks.find((t) => t.dataset.task === 'oauth2-client-credentials~grant-type')!;
    await user.click(within(first).getByRole('button', { name: /^Blank 1/ }));
    await user.click(within(first).getByRole('button', { name: 'client_credentials' }));
    await user.click(within(first).getByRole('button', { name: 'Save answer' }));
    expect(screen.getByText('1 of 5 answered')).toBeInTheDocument();

    act(() => vi.setSystemTime(T0 + 100_000));
    await user.click(screen.getByRole('button', { name: 'Finish now' }));
    expect(screen.getByRole('heading', { name: 'Challenge results' })).toHaveFocus();
    expect(screen.getByText('Score: 2')).toBeInTheDocument();
    expect(screen.getByText('1 of 5 right + 1 speed bonus (3:20 left on the clock)')).toBeInTheDocument();
    expect(screen.getByText('New personal best!')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(BESTS_KEY)!)).toEqual({ v: 1, bests: { 'oauth2-client-credentials': { right: 1, bonus: 1, score: 2, ms: 100_000, at: T0 + 100_000 } } });

    await user.click(screen.getByRole('button', { name: 'Change sets' }));
    expect(screen.getByText('Your best with these sets: 2 (1 right + 1 bonus)')).toBeInTheDocument();
  });
});
