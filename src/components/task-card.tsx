/**
 * One task: prompt, code with blanks, the option bank, attempts, Check / Hint / Reset, and the feedback
 * that follows (which blanks are wrong, the mistakes that match the learner's choices, hints, the
 * solution and the explanation). It shows the rules' outcomes; the rules live in the engine.
 */
import { memo, useMemo, type ReactNode } from 'react';
import type { Task } from '../schema/exercise-schema.ts';
import { solutionOf, type CheckRecord, type TaskStatus } from '../engine/grading.ts';
import { TaskDnd } from '../dnd/task-dnd.tsx';
import { useActions, useAttempts, useTaskOutcome } from '../hooks/use-task.ts';
import { useExercise, useStrings } from '../hooks/exercise-context.tsx';
import { CodeView } from './code-view.tsx';
import { OptionBank } from './option-bank.tsx';

export function TaskCard({ task, number, subject, headingLevel = 2 }: { task: Task; number: number; subject: string; headingLevel?: 2 | 3 }) {
  const strings = useStrings();
  const progress = useTaskOutcome(task.id);
  const attempts = useAttempts(task.id);
  const notice = useExercise((s) => s.notices[task.id] ?? null);
  const hintsAllowed = useExercise((s) => s.rules.hintsAllowed);
  const showMistakes = useExercise((s) => s.rules.showMistakes);
  const { check, hint, resetTask } = useActions();
  const locked = progress.status !== 'active';
  const hints = task.hints ?? [];
  const last = progress.lastCheck;
  const wrongBlanks = last ? Object.entries(last.correct).filter(([, ok]) => !ok).map(([b]) => Number(b)) : [];
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const headingId = `cb-task-${task.id}-heading`;

  // After a wrong check, the mistakes that match the learner's choices come first, highlighted.
  const mistakes = useMemo(() => {
    const all = (task.mistakes ?? []).map((m, index) => ({ text: m.text, matched: last?.matchedMistakes.includes(index) ?? false }));
    return [...all.filter((m) => m.matched), ...all.filter((m) => !m.matched)];
  }, [task.mistakes, last]);
  const showMistakesPanel = showMistakes && last !== null && (progress.status === 'failed' || (progress.status === 'active' && wrongBlanks.length > 0));

  return (
    <section className={`cb-task cb-task--${progress.status}`} aria-labelledby={headingId} id={`task-${task.id}`} data-task={task.id}>
      <header className="cb-task-header">
        <Heading id={headingId} className="cb-task-title" tabIndex={-1}>
          {strings.taskHeading(number)}
        </Heading>
        <span className={`cb-difficulty cb-difficulty--${task.difficulty}`}>{strings.difficulty[task.difficulty]}</span>
        {progress.status === 'solved' ? <span className="cb-badge cb-badge--solved">✓ {strings.statusSolved}</span> : null}
        {progress.status === 'failed' ? <span className="cb-badge cb-badge--failed">✗ {strings.statusFailed}</span> : null}
      </header>
      <p className="cb-prompt">{task.prompt}</p>

      <Workspace task={task} subject={subject} status={progress.status} />

      <div className="cb-actions">
        <p className="cb-attempts">{strings.attemptsLeft(attempts.left)}</p>
        <div className="cb-buttons">
          {/* aria-disabled, not disabled: a button that turns itself off keeps the keyboard focus. */}
          <ActionButton primary off={locked} onPress={() => check(task.id)}>
            {strings.check}
          </ActionButton>
          {hintsAllowed && hints.length > 0 ? (
            <ActionButton off={locked || progress.hintsShown >= hints.length} onPress={() => hint(task.id)}>
              {strings.hint}
            </ActionButton>
          ) : null}
          <ActionButton off={locked || !progress.hasPlacements} onPress={() => resetTask(task.id)}>
            {strings.reset}
          </ActionButton>
        </div>
      </div>

      <div className="cb-feedback">
        {notice?.kind === 'incomplete' ? (
          <p className="cb-message cb-message--warn" role="alert">
            {strings.fillFirst(notice.empty)}
          </p>
        ) : null}
        {progress.status === 'solved' ? (
          <p className="cb-message cb-message--right">
            <span aria-hidden="true">✓ </span>
            {strings.correct}
          </p>
        ) : null}
        {progress.status === 'active' && last && wrongBlanks.length > 0 ? (
          <div className="cb-message cb-message--wrong">
            <p>
              <span aria-hidden="true">✗ </span>
              {strings.notYet(wrongBlanks.length, attempts.left)}
            </p>
            <Results check={last} />
          </div>
        ) : null}
        {progress.status === 'failed' ? (
          <div className="cb-message cb-message--failed">
            <p>
              <strong>{strings.failed}.</strong> {strings.solutionShown}
            </p>
            {last ? <Results check={last} prefix={`${strings.yourChoice}: `} /> : null}
          </div>
        ) : null}

        {progress.hintsShown > 0 ? (
          <div className="cb-hints">
            {hints.slice(0, progress.hintsShown).map((text, i) => (
              <p key={i} className="cb-hint">
                <strong>{strings.hintOf(i + 1, hints.length)}:</strong> {text}
              </p>
            ))}
          </div>
        ) : null}

        {showMistakesPanel && mistakes.length > 0 ? (
          <div className="cb-mistakes">
            <Sub className="cb-mistakes-title">{strings.mistakesHeading}</Sub>
            <ul>
              {mistakes.map((m) => (
                <li key={m.text} className={m.matched ? 'cb-mistake cb-mistake--matched' : 'cb-mistake'}>
                  {m.matched ? <strong>{strings.yourChoice}: </strong> : null}
                  {m.text}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {locked && task.explanation ? (
          <div className="cb-explanation">
            <Sub>{strings.explanation}</Sub>
            <p>{task.explanation}</p>
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** Each blank of the last check, right or wrong, by icon and word as well as colour. */
function Results({ check, prefix = '' }: { check: CheckRecord; prefix?: string }) {
  const strings = useStrings();
  return (
    <ul className="cb-results">
      {Object.entries(check.correct).map(([blank, ok]) => (
        <li key={blank} className={ok ? 'cb-result--right' : 'cb-result--wrong'}>
          <span aria-hidden="true">{ok ? '✓' : '✗'} </span>
          {prefix}
          {strings.blankFilled(Number(blank), check.placements[Number(blank)] ?? '')} — {ok ? strings.blankRight : strings.blankWrong}
        </li>
      ))}
    </ul>
  );
}

function ActionButton({ off, primary, onPress, children }: { off: boolean; primary?: boolean; onPress: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className={primary ? 'cb-button cb-button--primary' : 'cb-button'}
      aria-disabled={off || undefined}
      onClick={() => {
        if (!off) onPress();
      }}
    >
      {children}
    </button>
  );
}

/**
 * The code, the bank and their drag and drop. Memoized on the task and its status only: placing an
 * option re-renders that blank and that option (they select their own state), never the drag context
 * and its hundreds of draggables.
 */
const Workspace = memo(function Workspace({ task, subject, status }: { task: Task; subject: string; status: TaskStatus }) {
  const strings = useStrings();
  const solution = useMemo(() => (status === 'failed' ? solutionOf(task) : null), [status, task]);
  const locked = status !== 'active';
  return (
    <TaskDnd taskId={task.id}>
      <CodeView task={task} subject={subject} solution={solution} locked={locked} />
      {locked ? null : <p className="cb-instructions">{strings.instructions}</p>}
      <OptionBank taskId={task.id} options={task.options} reusable={task.reusableOptions ?? false} locked={locked} />
    </TaskDnd>
  );
});
