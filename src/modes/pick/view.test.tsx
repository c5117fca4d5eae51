// Pick's rules as a learner meets them: a native list per blank, checked like the bank.
import { act, screen, within } from '@testing-library/react';
import * as pick from './view.tsx';
import { renderMode } from '../../test-support/render-mode.tsx';
import { loadFeedback } from '../../components/task-card.tsx';

const task = (n: number) => screen.getByRole('region', { name: `Task ${n}` });
const list = (n: number, b = 1) => within(task(n)).getByRole('combobox', { name: `Blank ${b}` });
const check = (n: number) => within(task(n)).getByRole('button', { name: 'Check' });

describe('Pick', () => {
  it('draws a list per blank: "Choose…" and then the task\'s options', () => {
    renderMode('pick', pick);
    expect(within(task(5)).getAllByRole('combobox')).toHaveLength(3);
    expect(within(list(2)).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Choose…',
      'application/json',
      'application/x-www-form-urlencoded',
      'text/plain',
      'multipart/form-data',
    ]);
    expect(list(2)).toHaveValue('');
  });

  it('marks each list at a check and solves when all are right', async () => {
    const { user } = renderMode('pick', pick);
    await user.selectOptions(list(5, 1), 'client_credentials');
    await user.selectOptions(list(5, 2), 'your_client_secret');
    await user.selectOptions(list(5, 3), 'your_client_id');
    await user.click(check(5));
    expect(list(5, 1)).toHaveAccessibleDescription('right');
    expect(list(5, 2)).toHaveAccessibleDescription('wrong');
    expect(within(task(5)).getByText(/Swapping client ID and secret values\./)).toBeInTheDocument();
    await user.selectOptions(list(5, 2), 'your_client_id');
    await user.selectOptions(list(5, 3), 'your_client_secret');
    await user.click(check(5));
    expect(within(task(5)).getByText('Correct')).toBeInTheDocument();
    expect(list(5, 3)).toBeDisabled();
  });

  it('keeps the announcer quiet at a choice: the list speaks for itself', async () => {
    const { user } = renderMode('pick', pick);
    await user.selectOptions(list(1), 'password');
    await act(() => loadFeedback());
    for (const region of screen.getAllByRole('status')) expect(region).not.toHaveTextContent(/placed/);
  });

  it('choosing "Choose…" again empties the blank, and a check is refused', async () => {
    const { user } = renderMode('pick', pick);
    await user.selectOptions(list(1), 'password');
    await user.selectOptions(list(1), '');
    await user.click(check(1));
    expect(within(task(1)).getByRole('alert')).toHaveTextContent('Fill blank 1 before checking.');
  });
});
