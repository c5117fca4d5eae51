/**
 * "What should I do now?" at /today: cards and reviews due today across every set, with a way to start
 * them; the days in a row practised; each set's mastery; and the learner's progress to carry to another
 * browser. It reads storage only (set titles come from the catalogue when the network answers, else the
 * set's id shows), so it works offline and after a restart. A chunk of its own, reached through the
 * catalogue's.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { browserStorage } from '../store/persistence.ts';
import { now } from '../store/clock.ts';
import { readToday } from '../store/today.ts';
import { readDue } from '../store/today-due.ts';
import { MASTERY_DAYS } from '../engine/today.ts';
import { fetchCatalogue } from './bundled-sets.ts';
import css from './today.css?inline';

// Export and import, with the file's checks and merge rules: fetched when the page shows, apart from it.
const ProgressTransfer = lazy(() => import('./progress-transfer.tsx').then((m) => ({ default: m.ProgressTransfer })));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const setLink = (setId: string, mode: string) => `./?set=${encodeURIComponent(setId)}&mode=${mode}`;

export function Today() {
  // Read anew after an import (the page shows what storage holds, never a copy of its own).
  const [reads, setReads] = useState(0);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const { summary, due } = useMemo(() => {
    const storage = browserStorage();
    const at = now();
    return { summary: readToday(storage, at), due: readDue(storage, at), reads };
  }, [reads]);
  useEffect(() => {
    document.title = 'Today · codeblanks';
    performance.mark('codeblanks:today-rendered');
    // Titles are a nicety: offline, the sets show by id.
    fetchCatalogue()
      .then((entries) => setTitles(new Map(entries.flatMap((e) => (e.id && e.title ? [[e.id, e.title] as const] : [])))))
      .catch(() => undefined);
  }, []);
  const title = (setId: string) => titles.get(setId) ?? setId;
  const cards = due.sets.reduce((n, s) => n + s.cards, 0);
  const first = due.sets.find((s) => s.cards > 0);
  const sets = [...summary.sets].sort((a, b) => b.total - a.total || a.setId.localeCompare(b.setId));

  return (
    <div className="today">
      <style>{css}</style>
      <nav className="site-breadcrumb" aria-label="Breadcrumb">
        <a href="./">All exercise sets</a>
      </nav>
      <h1>Today</h1>

      <section aria-labelledby="today-due">
        <h2 id="today-due">Due today</h2>
        {cards + due.reviews === 0 ? (
          <p>Nothing is due today. Rate flashcards or practise a set, and what you should see again will show here on its day.</p>
        ) : (
          <>
            <p className="today-counts">
              <strong>{plural(cards, 'flashcard')}</strong> and <strong>{plural(due.reviews, 'review')}</strong> due.
            </p>
            <p className="today-start">
              {first ? (
                <a className="today-button" href={setLink(first.setId, 'flashcards')}>
                  Start flashcards: {title(first.setId)}
                </a>
              ) : null}
              {due.reviews > 0 && due.reviewSet ? (
                <a className="today-button" href={setLink(due.reviewSet, 'review')}>
                  Start review
                </a>
              ) : null}
            </p>
            {due.sets.length > 1 ? (
              <ul className="today-list">
                {due.sets.map((s) => (
                  <li key={s.setId}>
                    <a href={setLink(s.setId, 'flashcards')}>{title(s.setId)}</a>: {plural(s.cards, 'card')} due
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="today-streak">
        <h2 id="today-streak">Days in a row</h2>
        <p className="today-counts">
          <strong>{plural(summary.streak, 'day')}</strong> in a row practised.{' '}
          {summary.practisedToday ? 'You practised today.' : summary.streak ? 'Practise today to keep it going.' : 'Practise today to start one.'}
        </p>
      </section>

      <section aria-labelledby="today-mastery">
        <h2 id="today-mastery">Mastery</h2>
        <p>Blanks you answered right, of those you checked, in the last {MASTERY_DAYS} days.</p>
        {sets.length ? (
          <ul className="today-list">
            {sets.map((s) => (
              <li key={s.setId}>
                <a href={`./?set=${encodeURIComponent(s.setId)}`}>{title(s.setId)}</a>:{' '}
                {s.total ? (
                  <>
                    <strong>{Math.round((100 * s.right) / s.total)}%</strong> ({s.right} of {plural(s.total, 'blank')})
                  </>
                ) : (
                  `nothing checked in the last ${MASTERY_DAYS} days`
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>No set practised yet.</p>
        )}
      </section>

      <section aria-labelledby="today-progress">
        <h2 id="today-progress">Your progress</h2>
        <Suspense fallback={<p aria-busy="true">Loading…</p>}>
          <ProgressTransfer onImported={() => setReads((n) => n + 1)} />
        </Suspense>
      </section>
    </div>
  );
}
