/**
 * Review: every task the learner got wrong at least once, in any mode and any set, comes back on the day
 * FSRS schedules it (src/engine/review.ts derives that from the attempt logs of every set), played as
 * practice. The site's page plays the day's due tasks as one session set (src/engine/session.ts) in its
 * one exercise store, each answer going to its own set's log (src/store/session.ts), which reschedules it.
 *
 * The session's list is fixed when the page opens: a task answered stays with its feedback. Its snapshot
 * is the day's (`review-<YYYY-MM-DD>`): a reload that day keeps what was placed, and a task due again on
 * a later day starts afresh.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ExerciseSet, Task } from '../../schema/exercise-schema.ts';
import type { ModeView } from '../../components/mode-view.tsx';
import type { Session } from '../registry.ts';
import { useExercise, useStrings } from '../../hooks/exercise-context.tsx';
import { dueOn, setOfId } from '../../engine/due.ts';
import { daysUntil, localDay } from '../../engine/days.ts';
import { isStable, reviewSchedules } from '../../engine/review.ts';
import { sessionSet } from '../../engine/session.ts';
import { browserStorage, itemKey } from '../../store/persistence.ts';
import { readAllLogs } from '../../store/logs.ts';
import { logToOrigins } from '../../store/session.ts';
import { now } from '../../store/clock.ts';
import { en, fr, type ReviewStrings } from './strings.ts';
import { ModeStyles } from '../styles.tsx';

const wordsFor = (lang: string): ReviewStrings => (lang === 'fr' ? fr : en);

/**
 * The site's bundled sets the due tasks come from (the catalogue vouches for them, as for the set page).
 * None when the catalogue cannot be read: only the page's own set's tasks are reviewed then.
 */
async function fetchSets(ids: readonly string[]): Promise<ExerciseSet[]> {
  try {
    const index = (await (await fetch('exercises/index.json')).json()) as { file: string; problems?: unknown }[];
    const files = index.filter((e) => !e.problems && ids.includes(e.file.replace(/\.json$/, '')));
    return await Promise.all(files.map(async (e) => (await fetch(`exercises/${encodeURIComponent(e.file)}`)).json() as Promise<ExerciseSet>));
  } catch {
    return [];
  }
}

/**
 * Today's review as one session set: what is due (soonest first), from whichever set; with `others`
 * false (an embed, on a course page with no catalogue), from this set only. Never rejects.
 */
export async function session(here: ExerciseSet, others = true): Promise<Session> {
  const at = now();
  const schedules = reviewSchedules(readAllLogs(browserStorage()));
  const due = dueOn(schedules, at, isStable).items;
  const wanted = [...new Set(due.map(setOfId))].filter((id) => id !== here.id);
  const sets = new Map([here, ...(others && wanted.length ? await fetchSets(wanted) : [])].map((s) => [s.id, s]));
  // A task whose content changed since it was got wrong is another task now: its old item is not played.
  const drawn = due.flatMap((item) => {
    const set = sets.get(setOfId(item));
    const task = set?.tasks.find((t: Task) => `${set.id}/${itemKey(t)}` === item);
    return set && task ? [{ set, task }] : [];
  });
  const { set, origins } = sessionSet(`review-${localDay(at)}`, 'Review', drawn);
  // Each task says which set it comes from, before its prompt.
  const tasks = set.tasks.map((t, i) => ({ ...t, prompt: `${drawn[i]!.set.title} · ${t.prompt}` }));
  return { set: { ...set, tasks }, logAs: logToOrigins(origins) };
}

/** Not due today, not stable: how many are due on the next day one is, and in how many days. */
function upcoming(at: number): { count: number; days: number } | null {
  const later = Object.values(reviewSchedules(readAllLogs(browserStorage())))
    .filter((s) => !isStable(s))
    .map((s) => daysUntil(s.due, at))
    .filter((d) => d > 0);
  const days = Math.min(...later);
  return later.length ? { days, count: later.filter((d) => d === days).length } : null;
}

/** Above the day's tasks: how many, what review is, and when the next ones are due; or that none is due. */
function Shell({ children }: { children: ReactNode }) {
  const w = wordsFor(useStrings().lang);
  const n = useExercise((s) => s.set.tasks.length);
  const id = useId();
  // Read once, as the session was: answering today's tasks moves them to later days.
  const [next] = useState(() => upcoming(now()));
  return (
    <section aria-labelledby={id} className={n ? 'cb-review' : 'cb-review cb-review-none'}>
      {/* With nothing due, the set's "0 of 0 solved" and its empty bar say nothing: they go. */}
      {n ? null : <ModeStyles css=".cb-set:has(.cb-review-none) .cb-progress{display:none}" />}
      <h2 id={id} className="cb-task-title">
        {n ? w.dueHeading(n) : w.noneHeading}
      </h2>
      <p>{n ? w.intro : w.noneYet}</p>
      {next ? <p>{w.next(next.count, next.days)}</p> : null}
      {n ? children : null}
    </section>
  );
}

export const view: ModeView = { Shell, strings: (lang) => ({ practice: () => wordsFor(lang).header }) };

