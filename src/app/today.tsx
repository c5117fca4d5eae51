/**
 * "What should I do now?" at /today: cards and reviews due today across every set, with a way to start
 * them; the days in a row practised; each set's mastery; and the learner's progress to carry to another
 * browser. It reads storage only (set titles come from the catalogue when the network answers, else the
 * set's id shows), so it works offline and after a restart. The page of today.html (today-main.tsx).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { browserStorage } from '../store/persistence.ts';
import { now } from '../store/clock.ts';
import { readToday, type TodaySummary } from '../store/today.ts';
import { readAllLogs } from '../store/logs.ts';
import { MASTERY_DAYS } from '../engine/today.ts';
import { setOfId, type Due } from '../engine/due.ts';
import { fetchCatalogue } from './bundled-sets.ts';
import { Chunk } from './chunk.tsx';
import css from './today.css?inline';

// Export and import, with the file's checks and merge rules: a chunk fetched as soon as this one runs, and
// drawn when it is in (chunk.tsx's Chunk, not React.lazy, which would hold the whole page back).
const transferChunk = import('./progress-transfer.tsx');
transferChunk.catch(() => undefined);

// Reviews are derived with FSRS, in a chunk of their own (one: see vite.config.ts): fetched as soon as
// this one runs, while the rest is counted.
const reviewsChunk = import('../store/today-reviews.ts');
reviewsChunk.catch(() => undefined); // (Offline: the count says nothing is due rather than throw.)

const NONE_DUE: Due = { count: 0, items: [], bySet: {} };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const setLink = (setId: string, mode: string) => `./?set=${encodeURIComponent(setId)}&mode=${mode}`;

interface Counts {
  readonly summary: TodaySummary;
  readonly reviews: Due;
}

export function Today() {
  // Read anew after an import (the page shows what storage holds, never a copy of its own).
  const [reads, setReads] = useState(0);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  // Null until counted: the page draws its frame at once, and its counts once the reviews chunk is in.
  const [counts, setCounts] = useState<Counts | null>(null);
  useEffect(() => {
    let live = true;
    const storage = browserStorage();
    const at = now();
    const logs = readAllLogs(storage); // once, for both
    const summary = readToday(storage, at, logs);
    void reviewsChunk.then(
      (m) => live && setCounts({ summary, reviews: m.reviewsDue(storage, at, logs) }),
      () => live && setCounts({ summary, reviews: NONE_DUE }),
    );
    return () => {
      live = false;
    };
  }, [reads]);
  useEffect(() => {
    // (The title is today.html's.)
    performance.mark('codeblanks:today-rendered');
    // Titles are a nicety: offline, the sets show by id.
    fetchCatalogue()
      .then((entries) => setTitles(new Map(entries.flatMap((e) => (e.id && e.title ? [[e.id, e.title] as const] : [])))))
      .catch(() => undefined);
  }, []);
  const title = (setId: string) => titles.get(setId) ?? setId;
  const counting = <p aria-busy="true">Counting…</p>;
  if (!counts) return page(counting, counting, counting, setReads);
  const { summary, reviews } = counts;
  const cards = summary.cards.count;
  // Sets with flashcards due, the most first; review starts in the set of the task due soonest.
  const cardSets = Object.entries(summary.cards.bySet).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const reviewCount = reviews.count;
  const reviewSet = reviews.items[0] ? setOfId(reviews.items[0]) : null;
  const sets = [...summary.sets].sort((a, b) => b.total - a.total || a.setId.localeCompare(b.setId));

  const due =
    cards + reviewCount === 0 ? (
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
    );
  const streak = (
    <p className="today-counts">
      <strong>{plural(summary.streak, 'day')}</strong> in a row practised.{' '}
      {summary.practisedToday ? 'You practised today.' : summary.streak ? 'Practise today to keep it going.' : 'Practise today to start one.'}
    </p>
  );
  const mastery = sets.length ? (
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
  );
  return page(due, streak, mastery, setReads);
}

/** The page's frame, drawn at once; its three counted parts, "Counting…" until counted. */
function page(due: ReactNode, streak: ReactNode, mastery: ReactNode, setReads: (f: (n: number) => number) => void) {
  return (
    <div className="today">
      <style>{css}</style>
      <nav className="site-breadcrumb" aria-label="Breadcrumb">
        <a href="./">All exercise sets</a>
      </nav>
      <h1>Today</h1>

      <section aria-labelledby="today-due">
        <h2 id="today-due">Due today</h2>
        {due}
      </section>

      <section aria-labelledby="today-streak">
        <h2 id="today-streak">Days in a row</h2>
        {streak}
      </section>

      <section aria-labelledby="today-mastery">
        <h2 id="today-mastery">Mastery</h2>
        <p>Blanks you answered right, of those you checked or rated as flashcards, in the last {MASTERY_DAYS} days.</p>
        {mastery}
      </section>

      <section aria-labelledby="today-progress">
        <h2 id="today-progress">Your progress</h2>
        <Chunk
          load={() => transferChunk}
          show={(m) => <m.ProgressTransfer onImported={() => setReads((n) => n + 1)} />}
          failed={<p className="cb-message cb-message--error">Export and import could not be loaded. Reload the page when you are online.</p>}
        />
      </section>
    </div>
  );
}
