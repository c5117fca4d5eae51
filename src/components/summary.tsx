/**
 * The end of a set: score, attempts and hints used, and a link to review each task; and the notice that
 * offers it where the learner finished. A chunk of its own, loaded when the set ends.
 */
import type { MouseEvent } from 'react';
import { scoreSet } from '../engine/scoring.ts';
import { useExercise, useStrings } from '../hooks/exercise-context.tsx';
import { useScore } from '../hooks/use-task.ts';
// From the feedback chunk, which is always in by the set's end: later.ts stays one file with it.
import { withLater } from './feedback.tsx';

/**
 * Follows an in-page link by moving focus to its target's heading (tabIndex -1), in the document or in an
 * embed's shadow root: the browser alone would only scroll (and inside a shadow root not even that), and
 * a keyboard or screen-reader user would be left at the link.
 */
function follow(event: MouseEvent<HTMLAnchorElement>) {
  const link = event.currentTarget;
  const root = link.getRootNode() as Document | ShadowRoot;
  const target = root.getElementById(decodeURIComponent(link.hash.slice(1)));
  const heading = target?.querySelector<HTMLElement>('[tabindex="-1"]');
  if (!target || !heading) return;
  event.preventDefault();
  target.scrollIntoView?.(); // absent in jsdom
  heading.focus({ preventScroll: true });
  // The site's address names the task, as the link would have; a course page's address is not ours.
  if (root === document) history.pushState(null, '', link.hash);
}

/** Where the learner ended the set: says so and offers the summary; focus moves only if they follow it. */
export function Finished() {
  const strings = withLater(useStrings());
  const score = useScore();
  return (
    <p className="cb-notice">
      {strings.setFinished} {strings.summaryScore(score.solved, score.total)}.
      <a href="#summary" className="cb-button cb-button--quiet" onClick={follow}>
        {strings.seeSummary}
      </a>
    </p>
  );
}

export function Summary({ level }: { level: 2 | 3 }) {
  const strings = withLater(useStrings());
  const set = useExercise((s) => s.set);
  const progress = useExercise((s) => s.progress);
  const score = scoreSet(set, progress);
  const Heading = `h${level}` as const;
  return (
    <section className="cb-summary" aria-labelledby="summary-heading" id="summary">
      <Heading id="summary-heading" tabIndex={-1}>
        {strings.summaryHeading}
      </Heading>
      <p className="cb-summary-score">{strings.summaryScore(score.solved, score.total)}</p>
      <ul className="cb-summary-figures">
        <li>{strings.summaryAttempts(score.attemptsUsed)}</li>
        <li>{strings.summaryHints(score.hintsUsed)}</li>
      </ul>
      <ul className="cb-summary-tasks">
        {set.tasks.map((task, index) => {
          const solved = progress[task.id]?.status === 'solved';
          return (
            <li key={task.id}>
              <a href={`#task-${task.id}`} onClick={follow} className={solved ? 'cb-review--solved' : 'cb-review--failed'}>
                <span aria-hidden="true">{solved ? '✓ ' : '✗ '}</span>
                {strings.reviewTask(index + 1, solved)}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
