/**
 * Flashcards: every blank of every task is a card, the code with that one blank masked and the others
 * filled in. The learner recalls, turns the card, sees the answer and rates it Again, Hard, Good or Easy
 * (keys 1-4); FSRS (src/engine/schedule.ts) says when it is due next, and that is shown. A session holds
 * the cards due by the end of the local day (new ones included) as they were when it opened: a card rated
 * today is due on a later day, so it does not come back until then.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { named } from '../named.ts';
import type { Task } from '../../schema/exercise-schema.ts';
import type { ModeView } from '../../components/mode-view.tsx';
import { useExercise, useStrings } from '../../hooks/exercise-context.tsx';
import { blanksOfTask, parseTemplate } from '../../engine/template.ts';
import { daysUntil, nextDayStart } from '../../engine/days.ts';
import { GRADES, preview, type Grade } from '../../engine/schedule.ts';
import { browserStorage } from '../../store/persistence.ts';
import { cardId, readCards, saveCard, type CardRecord } from '../../store/memory.ts';
import { now } from '../../store/clock.ts';
import { en, fr, type FlashcardStrings } from './strings.ts';
import css from './flashcards.css?inline';
import { ModeStyles } from '../styles.tsx';

const wordsFor = (lang: string): FlashcardStrings => (lang === 'fr' ? fr : en);

interface Card {
  readonly id: string;
  readonly task: Task;
  readonly number: number;
  readonly blank: number;
}

/** A blank's answer as the card shows it: the first of several accepted ones. */
const answerOf = (task: Task, blank: number): string => {
  const a = task.answers[String(blank)];
  return (Array.isArray(a) ? a[0] : a) ?? '';
};

/** The code with the card's blank masked (or, turned, showing its answer) and every other blank filled in. */
function CardCode({ card, turned, gap }: { card: Card; turned: boolean; gap: string }) {
  const { task, blank } = card;
  return (
    <pre className="cb-code cb-code-pre">
      <code>
        {parseTemplate(task.code).lines.map((line, i) => (
          <span className="cb-line" key={i}>
            {line.map((seg, j) =>
              seg.kind === 'text' ? (
                seg.text
              ) : seg.blank === blank ? (
                <mark className="cb-fc-gap" key={j}>
                  <span className="cb-visually-hidden">{gap}: </span>
                  {turned ? answerOf(task, blank) : '?'}
                </mark>
              ) : (
                answerOf(task, seg.blank)
              ),
            )}
          </span>
        ))}
      </code>
    </pre>
  );
}

function Deck() {
  const set = useExercise((s) => s.set);
  const w = wordsFor(useStrings().lang);
  const storage = browserStorage();
  const cards = useMemo<Card[]>(
    () => set.tasks.flatMap((task, i) => blanksOfTask(task).map((blank) => ({ id: cardId(set.id, task, blank), task, number: i + 1, blank }))),
    [set],
  );
  const [stored, setStored] = useState(() => readCards(storage));
  // The session's cards: those due by the end of today when it opened (never rated: due now), in the set's order.
  const [queue] = useState(() => {
    const end = nextDayStart(now());
    // A card whose saved record does not read is left alone, never overwritten by a new rating.
    return cards.filter((c) => (stored.cards[c.id]?.due ?? 0) < end && !stored.unread?.includes(c.id));
  });
  const [index, setIndex] = useState(0);
  const [turned, setTurned] = useState(false);
  const [said, setSaid] = useState('');
  const [moved, setMoved] = useState(false);
  const focus = useRef<HTMLElement | null>(null);
  const hold = (el: HTMLElement | null) => {
    focus.current = el;
  };
  const id = useId();
  const card = queue[index];
  const record = card && stored.cards[card.id];
  const at = now();
  const next = turned && card ? preview(record, at) : null;

  useEffect(() => {
    // Focus follows the learner's own turn and rating (each takes away the button that had it).
    if (moved) focus.current?.focus();
  }, [moved, index, turned]);

  const rate = (grade: Grade) => {
    if (!card || !next) return;
    const schedule = next[grade];
    const saved: CardRecord = { ...schedule, log: [...(record?.log ?? []), [schedule.last, grade]] };
    if (stored.writable) saveCard(storage, card.id, saved);
    setStored((s) => ({ ...s, cards: { ...s.cards, [card.id]: saved } }));
    setSaid(w.rated(w.grades[grade - 1]!, daysUntil(schedule.due, schedule.last)));
    setTurned(false);
    setIndex((i) => i + 1);
    setMoved(true);
  };

  useEffect(() => {
    if (!turned) return;
    const onKey = (e: KeyboardEvent) => {
      const grade = Number(e.key);
      const typing = e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]');
      if (GRADES.includes(grade as Grade) && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        rate(grade as Grade);
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  // The next day anything is due on, and how many then: what the learner sees once today's are done.
  const upcoming = Object.values(stored.cards).length
    ? cards.map((c) => stored.cards[c.id]?.due ?? at).reduce((a, b) => Math.min(a, b), Infinity)
    : Infinity;
  const nextDays = daysUntil(upcoming, at);
  const nextCount = cards.filter((c) => daysUntil(stored.cards[c.id]?.due ?? at, at) === nextDays).length;

  return (
    <div className="cb-fc">
      <ModeStyles css={css} />
      {card ? (
        <section className="cb-task" aria-labelledby={`${id}h`}>
          <header className="cb-task-header">
            <h2 className="cb-task-title" id={`${id}h`} tabIndex={-1}>
              {w.heading(index + 1, queue.length)}
            </h2>
            <span className="cb-badge">{w.where(card.number, card.blank)}</span>
          </header>
          <p className="cb-prompt">{card.task.prompt}</p>
          <CardCode card={card} turned={turned} gap={w.gap} />
          {next ? (
            <>
              <p>
                {w.answer}: <code className="cb-fc-answer">{answerOf(card.task, card.blank)}</code>
              </p>
              <fieldset className="cb-fc-rate">
                <legend>{w.rateLegend}</legend>
                <div className="cb-fc-grades">
                {GRADES.map((g) => (
                  <button
                    key={g}
                    type="button"
                    className={`cb-button${g === 3 ? ' cb-button--primary' : ''}`}
                    aria-keyshortcuts={String(g)}
                    ref={g === 3 ? hold : undefined}
                    onClick={() => rate(g)}
                  >
                    {w.grades[g - 1]} · {w.inDays(daysUntil(next[g].due, next[g].last))}
                  </button>
                ))}
                </div>
              </fieldset>
            </>
          ) : (
            <div className="cb-buttons">
              <button
                type="button"
                className="cb-button cb-button--primary"
                ref={hold}
                onClick={() => {
                  setTurned(true);
                  setMoved(true);
                }}
              >
                {w.turn}
              </button>
            </div>
          )}
        </section>
      ) : (
        <section className="cb-task" aria-labelledby={`${id}d`}>
          <h2 className="cb-task-title" id={`${id}d`} tabIndex={-1} ref={hold}>
            {w.doneHeading}
          </h2>
          {upcoming < Infinity ? <p>{w.doneNext(nextDays, nextCount)}</p> : null}
        </section>
      )}
      <p className="cb-fc-said" role="status">
        {said}
      </p>
      {stored.writable ? null : <p className="cb-message cb-message--warn">{w.cannotSave}</p>}
      <details className="cb-fc-all">
        <summary>{w.allHeading(cards.length)}</summary>
        <ul>
          {cards.map((c) => {
            const due = stored.cards[c.id]?.due;
            return (
              <li key={c.id}>
                {w.where(c.number, c.blank)} · {due === undefined ? w.notRated : w.inDays(daysUntil(due, at))}
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}

/** The deck takes the tasks' place (the set's header and the picker stay above it). */
function Shell(_: { children: ReactNode }) {
  return <Deck />;
}

export const view: ModeView = { Shell, strings: named('Flashcards', 'Cartes mémoire') };
