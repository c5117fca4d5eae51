// Flashcards as the learner meets them: a card with one blank masked, turned, rated by button or key,
// its next due day said, saved; a card not due is not shown; damaged saved cards are never overwritten.
import { screen, within } from '@testing-library/react';
import * as flashcards from './view.tsx';
import { renderMode } from '../../test-support/render-mode.tsx';
import { SEED_SET } from '../../test-support/fixtures.tsx';
import { setClock } from '../../store/clock.ts';
import { CARDS_KEY, cardId, readCards } from '../../store/memory.ts';
import { rate } from '../../engine/schedule.ts';
import { en } from '../../i18n/strings.ts';
import { fr } from '../../i18n/fr.ts';
import type { Strings } from '../../i18n/table.ts';

const T0 = new Date(2026, 2, 2, 9).getTime();
const FIRST = cardId(SEED_SET.id, SEED_SET.tasks[0]!, 1);
let restore: () => void;

beforeEach(() => {
  localStorage.clear();
  restore = setClock(() => T0);
});
afterEach(() => restore());

const open = () => renderMode('flashcards', flashcards);

describe('flashcards', () => {
  it('masks one blank, turns to the answer, and rates it with the day it is due next', async () => {
    const { user } = open();
    const card = screen.getByRole('region', { name: 'Card 1 of 7' });
    expect(within(card).getByText('Task 1, blank 1')).toBeInTheDocument();
    expect(within(card).queryByText('client_credentials')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(within(card).getAllByText('client_credentials')).toHaveLength(2);
    expect(within(screen.getByRole('group', { name: /How well/ })).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Again · tomorrow',
      'Hard · in 2 days',
      'Good · in 3 days',
      'Easy · in 8 days',
    ]);
    await user.click(screen.getByRole('button', { name: 'Good · in 3 days' }));
    expect(screen.getByText('Good · due in 3 days')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('region', { name: 'Card 2 of 7' })).toBeInTheDocument();
    const saved = readCards(localStorage).cards[FIRST]!;
    expect(saved).toMatchObject({ reps: 1, days: 3, log: [[T0, 3]] });
  });

  it('rates with the keys 1 to 4 once the card is turned, not before', async () => {
    const { user } = open();
    await user.keyboard('2');
    expect(screen.getByRole('region', { name: 'Card 1 of 7' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(screen.getByRole('button', { name: 'Good · in 3 days' })).toHaveFocus();
    await user.keyboard('2');
    expect(screen.getByText('Hard · due in 2 days')).toHaveAttribute('role', 'status');
    expect(screen.getByRole('button', { name: 'Show answer' })).toHaveFocus();
  });

  it('leaves out a card not due today, and says when the next ones are', () => {
    const due = rate(undefined, 4, T0 - 86_400_000);
    localStorage.setItem(CARDS_KEY, JSON.stringify({ v: 1, cards: { [FIRST]: { ...due, log: [[due.last, 4]] } } }));
    open();
    expect(screen.getByRole('region', { name: 'Card 1 of 6' })).toBeInTheDocument();
    expect(screen.getByText('Task 2, blank 1')).toBeInTheDocument();
  });

  it('shows nothing due when every card is rated, and when the first comes back', () => {
    const cards = Object.fromEntries(
      SEED_SET.tasks.flatMap((task) => Object.keys(task.answers).map((b) => [cardId(SEED_SET.id, task, Number(b)), { ...rate(undefined, 3, T0), log: [[T0, 3]] }])),
    );
    localStorage.setItem(CARDS_KEY, JSON.stringify({ v: 1, cards }));
    open();
    expect(screen.getByRole('heading', { name: 'No cards due' })).toBeInTheDocument();
    expect(screen.getByText('Next: 7 cards due in 3 days.')).toBeInTheDocument();
  });

  it('never overwrites saved cards it cannot read, and says ratings will not be kept', async () => {
    localStorage.setItem(CARDS_KEY, '{"v":9}');
    const { user } = open();
    expect(screen.getByText(/cannot be saved in this browser/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show answer' }));
    await user.click(screen.getByRole('button', { name: 'Easy · in 8 days' }));
    expect(screen.getByRole('region', { name: 'Card 2 of 7' })).toBeInTheDocument();
    expect(localStorage.getItem(CARDS_KEY)).toBe('{"v":9}');
  });

  it('leaves out a card whose saved record does not read, rather than overwrite it', () => {
    localStorage.setItem(CARDS_KEY, JSON.stringify({ v: 1, cards: { [FIRST]: { due: 'soon' } } }));
    open();
    expect(screen.getByRole('region', { name: 'Card 1 of 6' })).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(CARDS_KEY)!).cards[FIRST]).toEqual({ due: 'soon' });
  });

  it('speaks French', async () => {
    const { user } = renderMode('flashcards', flashcards, { strings: { ...fr, ...flashcards.view.strings?.('fr') } as Strings });
    expect(screen.getByRole('region', { name: 'Carte 1 sur 7' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Voir la réponse' }));
    expect(screen.getByRole('button', { name: 'Correct · dans 3 jours' })).toBeInTheDocument();
    expect(en.lang).toBe('en');
  });
});
