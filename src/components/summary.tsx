/** The end of a set: score, attempts and hints used, and a link to review each task. */
import { useEffect, useId, useRef } from 'react';
import { scoreSet } from '../engine/scoring.ts';
import { useExercise, useStrings } from '../hooks/exercise-context.tsx';

export function Summary({ taskHref, level }: { taskHref: (taskId: string) => string; level: 2 | 3 }) {
  const strings = useStrings();
  const set = useExercise((s) => s.set);
  const progress = useExercise((s) => s.progress);
  const score = scoreSet(set, progress);
  const Heading = `h${level}` as const;
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <section className="cb-summary" aria-labelledby={headingId} ref={ref}>
      <Heading id={headingId}>{strings.summaryHeading}</Heading>
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
              <a href={taskHref(task.id)} className={solved ? 'cb-review--solved' : 'cb-review--failed'}>
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

