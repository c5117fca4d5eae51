/**
 * An exercise set as the learner works through it: its header and progress, each task behind its own
 * error boundary, the summary once every task is solved or failed, and "Reset progress". The site and
 * the embed both render this inside an <ExerciseProvider>.
 */
import { Fragment, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useModeView } from './mode-view.tsx';
import { useActions, useRevealed, useScore } from '../hooks/use-task.ts';
import { useExercise, useExerciseStoreApi, useStrings } from '../hooks/exercise-context.tsx';
import { Announcer } from './announcer.tsx';
import { ErrorBoundary } from './error-boundary.tsx';
import { loadFeedback, TaskCard, useFeedback } from './task-card.tsx';

// The summary and the notice that offers it show once, when the set ends: their code loads then.
const summary = () => import('./summary.tsx');
const Summary = lazy(() => summary().then((m) => ({ default: m.Summary })));
const Finished = lazy(() => summary().then((m) => ({ default: m.Finished })));

export interface SetViewProps {
  /** Show only these tasks (the embed's `task` attribute); all when absent. */
  readonly taskIds?: readonly string[];
  /** The set's title as the page's h1 (the site) or an h2 inside someone else's page (the embed). */
  readonly titleLevel?: 1 | 2;
  /** The choice of learning style, under the set's header (the site's; an embed's mode is its page author's). */
  readonly picker?: ReactNode;
}

export function SetView({ taskIds, titleLevel = 1, picker }: SetViewProps) {
  const strings = useStrings();
  const set = useExercise((s) => s.set);
  const resettable = useExercise((s) => s.rules.feedback === 'check');
  const feedback = useFeedback();
  const score = useScore();
  const { Shell = Fragment, orderTasks } = useModeView();
  // A round (an exam) shows its tasks in its own seeded order, numbered as shown.
  const seed = useExercise((s) => s.round?.seed);
  const shown = orderTasks && seed !== undefined ? orderTasks(set.tasks, seed) : set.tasks;
  const tasks = shown.map((task, index) => ({ task, number: index + 1 })).filter(({ task }) => !taskIds || taskIds.includes(task.id));
  const single = tasks.length === 1 && set.tasks.length > 1;
  const Title = `h${titleLevel}` as const;
  const taskLevel = (titleLevel + 1) as 2 | 3;
  const finishedAt = useFinishedAt();
  // An exam keeps its score to itself until it is submitted: no tally, no summary before then.
  const revealed = useRevealed();

  // A single task (an embed's `task`) is one step of someone else's page: the set's header, bigger than
  // that page's own headings and the same for every task, would only repeat itself; the set's title
  // still names the exercise for assistive technology.
  return (
    <article className="cb-set" aria-label={single ? set.title : undefined}>
      {single ? null : (
        <header className="cb-set-header">
          <p className="cb-set-subject">{set.subject}</p>
          <Title className="cb-set-title">{set.title}</Title>
          <p className="cb-set-meta">
            {set.estimatedMinutes ? <span>{strings.minutes(set.estimatedMinutes)}</span> : null}
            <span>{strings.practice(set.tasks.length)}</span>
          </p>
          {revealed ? (
            <div className="cb-progress">
              <progress max={score.total} value={score.solved} aria-label={strings.solvedOf(score.solved, score.total)} />
              <span>{strings.solvedOf(score.solved, score.total)}</span>
            </div>
          ) : null}
        </header>
      )}
      {picker}
      <StorageNotice />
      <Announcer />
      {/* A mode may frame the tasks (an exam: its start, clock, submission and results around them). */}
      <Shell>
        <div className="cb-tasks">
          {tasks.map(({ task, number }) => (
            <Fragment key={task.id}>
              <ErrorBoundary fallback={<p className="cb-message cb-message--error" role="alert">{strings.taskCrashed(number)}</p>}>
                <TaskCard task={task} number={number} subject={set.subject} headingLevel={taskLevel} />
              </ErrorBoundary>
              {finishedAt === task.id && score.complete && revealed && !single ? (
                <Suspense fallback={null}>
                  <Finished />
                </Suspense>
              ) : null}
            </Fragment>
          ))}
        </div>
        {score.complete && revealed && !single ? (
          <Suspense fallback={null}>
            <Summary level={taskLevel} />
          </Suspense>
        ) : null}
      </Shell>
      {/* An exam starts afresh with its own Retake, which keeps the round's results. */}
      {/* Comes with the feedback's chunk, which is in once there is anything to start afresh (an action, or saved progress). */}
      {resettable && feedback ? <feedback.ResetProgress taskIds={taskIds} /> : null}
    </article>
  );
}

/**
 * The task whose end just finished the set, in this visit: the learner is there, reading its feedback,
 * so the summary is offered there instead of the page jumping to it.
 */
function useFinishedAt(): string | null {
  const store = useExerciseStoreApi();
  const [at, setAt] = useState<string | null>(null);
  useEffect(() => {
    let last: string | null = null;
    return store.subscribeEvents((event) => {
      // The learner's first placement or selection: what a check shows starts loading, well before Check.
      void loadFeedback();
      if (event.type === 'solved' || event.type === 'failed') last = event.taskId;
      if (event.type === 'completed') setAt(last);
    });
  }, [store]);
  return at;
}

function StorageNotice() {
  const strings = useStrings();
  const notice = useExercise((s) => s.storageNotice);
  const { dismissStorageNotice } = useActions();
  const feedback = useFeedback();
  // Its words come with the feedback's chunk (a page with unreadable saved progress has it already).
  useEffect(() => {
    if (notice) void loadFeedback();
  }, [notice]);
  return notice && feedback ? <feedback.StorageNotice strings={strings} notice={notice} onDismiss={dismissStorageNotice} /> : null;
}
