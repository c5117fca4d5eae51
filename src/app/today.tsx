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
import { MASTERY_DAYS } from '../engine/today.ts';
import { setOfId, type Due } from '../engine/due.ts';
import { fetchCatalogue } from './bundled-sets.ts';
import css from './today.css?inline';

// Export and import, with the file's checks and merge rules: fetched when the page shows, apart from it.
const ProgressTransfer = lazy(() => import('./progress-transfer.tsx').then((m) => ({ default: m.ProgressTransfer })));

// Reviews are derived with FSRS, in a chunk of their own: fetched as soon as this one runs, in parallel
// with the first render, and awaited after it.
const reviewsChunk = import('../store/today-reviews.ts');
reviewsChunk.catch(() => undefined); // (Offline: the count says nothing is due rather than throw.)

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const setLink = (setId: string, mode: string) => `./?set=${encodeURIComponent(setId)}&mode=${mode}`;

export function Today() {
  // Read anew after an import (the page shows what storage holds, never a copy of its own).
  const [reads, setReads] = useState(0);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const summary = useMemo(() => ({ ...readToday(browserStorage(), now()), reads }), [reads]);
  // Reviews need FSRS to be derived from the logs: counted once the rest has painted (null until then).
  const [reviews, setReviews] = useState<Due | null>(null);
  useEffect(() => {
    let live = true;
    reviewsChunk
      .then((m) => m.reviewsDue(browserStorage(), now()))
      .catch(() => ({ count: 0, items: [], bySet: {} }))
      .then((due) => live && setReviews(due));
    return () => {
      live = false;
    };
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
  const cards = summary.cards.count;
  // Sets with flashcards due, the most first; review starts in the set of the task due soonest.
  const cardSets = Object.entries(summary.cards.bySet).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const reviewCount = reviews?.count ?? 0;
  const reviewSet = reviews?.items[0] ? setOfId(reviews.items[0]) : null;
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
        {!reviews ? (
          <p aria-busy="true">Counting…</p>
        ) : cards + reviewCount === 0 ? (
          <p>Nothing is due today. Rate flashcards or practise a set, and what you should see again will show here on its day.</p>
        ) : (
          <>
            <p className="today-counts">
              <strong>{plural(cards, 'flashcard')}</strong> and <strong>{plural(reviewCount, 'review')}</strong> due.
            </p>
            <p className="today-start">
              {cardSets[0] ? (
                <a className="today-button" href={setLink(cardSets[0][0], 'flashcards')}>
                  Start flashcards: {title(cardSets[0][0])}
                </a>
              ) : null}
              {reviewSet ? (
                <a className="today-button" href={setLink(reviewSet, 'review')}>
                  Start review
                </a>
              ) : null}
            </p>
            {cardSets.length > 1 ? (
              <ul className="today-list">
                {cardSets.map(([setId, n]) => (
                  <li key={setId}>
                    <a href={setLink(setId, 'flashcards')}>{title(setId)}</a>: {plural(n, 'flashcard')} due
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
        <p>Blanks you answered right, of those you checked or rated as flashcards, in the last {MASTERY_DAYS} days.</p>
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
