// Type it's rules as a learner meets them: a text box per blank, Enter checks, near misses said.
import { act, screen, within } from '@testing-library/react';
import * as typed from './view.tsx';
import { fr } from '../../i18n/fr.ts';
import { renderMode } from '../../test-support/render-mode.tsx';
import { loadFeedback } from '../../components/task-card.tsx';

const task = (n: number) => screen.getByRole('region', { name: `Task ${n}` });
const box = (n: number, b = 1, name = 'Blank') => within(task(n)).getByRole('textbox', { name: `${name} ${b}` });
const attempts = (n: number, left: number) => within(task(n)).getByText(`Attempts: ${left} left`);

describe('Type it', () => {
  it('draws a text box per blank in the code, and no option bank', () => {
    renderMode('typed', typed);
    expect(within(task(5)).getAllByRole('textbox')).toHaveLength(3);
    expect(within(task(1)).queryByRole('button', { name: 'client_credentials' })).toBeNull();
    expect(box(1)).toHaveAttribute('autocapitalize', 'off');
    expect(box(1)).toHaveAttribute('spellcheck', 'false');
    expect(box(1)).toHaveValue('');
  });

  it('Enter checks; only the capitals wrong is wrong, with "check the capitals"', async () => {
    const { user } = renderMode('typed', typed);
    await user.type(box(1), 'CLIENT_CREDENTIALS{Enter}');
    expect(attempts(1, 2)).toBeInTheDocument();
    expect(box(1)).toHaveAccessibleDescription('wrong, check the capitals');
    expect(box(1)).toHaveAttribute('aria-invalid', 'true');
  });

  it('one character off says so; a change to the text takes the mark away until the next check', async () => {
    const { user } = renderMode('typed', typed);
    await user.type(box(4), 'acess_token{Enter}');
    expect(box(4)).toHaveAccessibleDescription('wrong, one character off');
    await user.type(box(4), 'x');
    expect(box(4)).not.toHaveAccessibleDescription(/wrong/);
    await user.clear(box(4));
    await user.type(box(4), ' access_token {Enter}');
    expect(within(task(4)).getByText('Correct')).toBeInTheDocument();
    expect(box(4)).toHaveAccessibleDescription('right');
    expect(box(4)).toHaveAttribute('readonly');
  });

  it('a box of spaces is empty: the check is refused and costs nothing', async () => {
    const { user } = renderMode('typed', typed);
    await user.type(box(1), '   {Enter}');
    expect(within(task(1)).getByRole('alert')).toHaveTextContent('Fill blank 1 before checking.');
    expect(attempts(1, 3)).toBeInTheDocument();
  });

  it('keeps the announcer quiet while the learner types: the box speaks for itself', async () => {
    const { user } = renderMode('typed', typed);
    await user.type(box(1), 'abc');
    // The announcer's words come with the feedback's chunk: once it is in, anything due has been said.
    await act(() => loadFeedback());
    expect(box(1)).toHaveValue('abc');
    for (const region of screen.getAllByRole('status')) expect(region).not.toHaveTextContent(/placed/);
  });

  it('speaks French with a French table', async () => {
    const { user } = renderMode('typed', typed, { strings: fr });
    await user.type(within(screen.getByRole('region', { name: 'Tâche 1' })).getByRole('textbox', { name: 'Trou 1' }), 'Client_credentials{Enter}');
    expect(screen.getByText('vérifiez les majuscules')).toBeInTheDocument();
    expect(screen.getByText('Trou 1 : vérifiez les majuscules.')).toBeInTheDocument();
  });
});
