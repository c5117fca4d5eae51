/**
 * One task: prompt, code with blanks, the option bank, attempts, Check / Hint / Reset, and the feedback
 * that follows (which blanks are wrong, the mistakes that match the learner's choices, hints, the
 * solution and the explanation). It shows the rules' outcomes; the rules live in the engine.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Task } from '../schema/exercise-schema.ts';
import { listedMistakes, solutionOf } from '../engine/grading.ts';
import { TaskDnd } from '../dnd/task-dnd.tsx';
import { useActions, useAttempts, useRevealed, useTaskOutcome } from '../hooks/use-task.ts';
import { useModeView, type ShownStatus } from './mode-view.tsx';
import { useExercise, useStrings } from '../hooks/exercise-context.tsx';
import { CodeView } from './code-view.tsx';
import { OptionBank } from './option-bank.tsx';
import type * as FeedbackModule from './feedback.tsx';

let feedbackModule: typeof FeedbackModule | undefined;
let feedbackLoading: Promise<typeof FeedbackModule | undefined> | undefined;
const feedbackWaiting = new Set<() => void>();

/**
 * Loads what a task shows only after a check or on request (feedback.tsx, a chunk of its own: the
 * outcome, the hints, the Common mistakes list). Called as soon as a check could come (the learner's
 * first placement or selection: SetView), at Hint and at opening Common mistakes, and before saved progress is
 * shown (the site's and the embed's front doors), so the feedback is there when it is due and nothing
 * shifts while it loads. Resolves, never rejects; a failed load is tried again at the next call.
 */
export function loadFeedback(): Promise<typeof FeedbackModule | undefined> {
  return (feedbackLoading ??= import('./feedback.tsx').then(
    (module) => {
      feedbackModule = module;
      feedbackWaiting.forEach((listener) => listener());
      return module;
    },
    () => (feedbackLoading = undefined),
  ));
}

const onFeedback = (listener: () => void) => {
  feedbackWaiting.add(listener);
  return () => feedbackWaiting.delete(listener);
};

/** The feedback chunk's module once it is in (loadFeedback), else undefined. */
export const useFeedback = () => useSyncExternalStore(onFeedback, () => feedbackModule);

export function TaskCard({ task, number, subject, headingLevel = 2 }: { task: Task; number: number; subject: string; headingLevel?: 2 | 3 }) {
  const strings = useStrings();
  const progress = useTaskOutcome(task.id);
  const attempts = useAttempts(task.id);
  const notice = useExercise((s) => s.notices[task.id] ?? null);
  const { hintsAllowed, showMistakes, feedback: shows } = useExercise((s) => s.rules);
  const { check, hint, showMistakes: openMistakes, resetTask } = useActions();
  const [mistakesOpen, setMistakesOpen] = useState(false);
  const mode = useModeView();
  // Until an exam is submitted, an ended task's outcome stays unsaid: its answer is in, nothing more.
  const revealed = useRevealed();
  const { lastCheck } = progress;
  const status: ShownStatus = revealed || progress.status === 'active' ? progress.status : 'saved';
  const locked = status !== 'active';
  const hints = task.hints ?? [];
  // Feedback belongs to the answer it graded: it shows while the blanks still hold that answer.
  const graded = progress.checked && revealed ? lastCheck : null;
  const mistakes = listedMistakes(task, progress);
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const headingId = `cb-task-${task.id}-heading`;
  // A Check that ends the task replaces the buttons with its outcome: focus follows it there, not to <body>.
  const ended = useRef<HTMLParagraphElement>(null);
  const checking = useRef(false);
  const feedback = useFeedback();
  const card = useRef<HTMLElement>(null);
  // Its styles come with it, into this card's document or shadow root, before what it shows is painted.
  useLayoutEffect(() => {
    if (feedback && card.current) feedback.adoptStyles(card.current.getRootNode());
  }, [feedback]);
  useEffect(() => {
    if (checking.current) ended.current?.focus();
    checking.current = false;
    // Feedback or hints that came without a placement here (another tab's progress) are due now.
    if (locked || graded || progress.hintsShown) void loadFeedback();
  });

  return (
    <section ref={card} className={`cb-task cb-task--${status}`} aria-labelledby={headingId} id={`task-${task.id}`} data-task={task.id}>
      <header className="cb-task-header">
        <Heading id={headingId} className="cb-task-title" tabIndex={-1}>
          {strings.taskHeading(number)}
        </Heading>
        <span className={`cb-difficulty cb-difficulty--${task.difficulty}`}>{strings.difficulty[task.difficulty]}</span>
        {status === 'solved' || status === 'failed' ? <span className={`cb-badge cb-badge--${status}`}>{status === 'solved' ? `✓ ${strings.statusSolved}` : `✗ ${strings.statusFailed}`}</span> : null}
      </header>
      <p className="cb-prompt">{task.prompt}</p>

      {mode.Workspace ? <mode.Workspace task={task} subject={subject} status={status} /> : <Workspace task={task} subject={subject} status={status} />}

      <div className="cb-actions">
        {locked ? (
          <p className="cb-attempts" tabIndex={-1} ref={ended}>
            {status === 'saved' ? mode.endedLabel?.(strings.lang) : status === 'solved' ? strings.solvedIn(attempts.max - attempts.left) : strings.failed}
          </p>
        ) : (
          <>
            {/* An exam's one answer per task is its rule, said once at its start, not on every card. */}
            {shows === 'check' ? <p className="cb-attempts">{strings.attemptsLeft(attempts.left)}</p> : null}
            <div className="cb-buttons">
              {/* aria-disabled, not disabled: a button that turns itself off keeps the keyboard focus. A press
                  still reaches the store, which refuses what the rules do not allow (Check says why). */}
              <ActionButton
                primary
                off={progress.checked}
                onPress={() => {
                  checking.current = true;
                  // Why a check is refused is said from the feedback's chunk (it may be the learner's first action).
                  void loadFeedback();
                  check(task.id);
                }}
              >
                {strings.check}
              </ActionButton>
              {hintsAllowed && hints.length > 0 ? (
                <ActionButton off={progress.hintsShown >= hints.length} onPress={() => {
                    // A hint can come before any placement: its words are in the feedback's chunk.
                    void loadFeedback();
                    hint(task.id);
                  }}
                >
                  {strings.hint}
                </ActionButton>
              ) : null}
              <ActionButton off={!progress.hasPlacements} onPress={() => resetTask(task.id)}>
                {strings.reset}
              </ActionButton>
            </div>
          </>
        )}
      </div>

      <div className="cb-feedback">
        {notice && feedback ? <feedback.Refusal strings={strings} notice={notice} /> : null}
        {/* An exam's saved answer says nothing of how it went until the exam is submitted. */}
        {feedback && revealed ? (
          <feedback.Feedback strings={strings} progress={progress} graded={graded} left={attempts.left} mistakes={showMistakes ? mistakes : null} />
        ) : null}

        {progress.hintsShown > 0 && feedback ? <feedback.Hints strings={strings} hints={hints} shown={progress.hintsShown} /> : null}

        {/* A disclosure the learner opens on purpose (the accordion pattern: a heading holding the button). */}
        {showMistakes && task.mistakes?.length ? (
          <div className="cb-mistakes">
            <Sub>
              <button
                type="button"
                className="cb-button cb-button--quiet"
                aria-expanded={mistakesOpen}
                onClick={() => {
                  setMistakesOpen(!mistakesOpen);
                  if (!mistakesOpen) {
                    // What the list shows is in the feedback's chunk (it may be the learner's first action).
                    void loadFeedback();
                    openMistakes(task.id);
                  }
                }}
              >
                {strings.mistakesHeading}
              </button>
            </Sub>
            {mistakesOpen && feedback ? (
              <feedback.Mistakes strings={strings} mistakes={mistakes} later={!locked && mistakes.length < task.mistakes.length} />
            ) : null}
          </div>
        ) : null}

        {locked && revealed && task.explanation && feedback ? <feedback.Explanation strings={strings} text={task.explanation} Sub={Sub} /> : null}
      </div>
    </section>
  );
}

function ActionButton({ off, primary, onPress, children }: { off: boolean; primary?: boolean; onPress: () => void; children: ReactNode }) {
  return (
    <button type="button" className={primary ? 'cb-button cb-button--primary' : 'cb-button'} aria-disabled={off || undefined} onClick={onPress}>
      {children}
    </button>
  );
}

/**
 * The code, the bank and their drag and drop (or the code with a mode's own blanks). Memoized on the
 * task and its status only: placing an option re-renders that blank and that option (they select their
 * own state), never the drag context and its hundreds of draggables.
 */
const Workspace = memo(function Workspace({ task, subject, status }: { task: Task; subject: string; status: ShownStatus }) {
  const strings = useStrings();
  const { Blank, instructions, orderOptions } = useModeView();
  const solution = useMemo(() => (status === 'failed' ? solutionOf(task) : null), [status, task]);
  const locked = status !== 'active';
  // A round (an exam) shows each bank in its own seeded order.
  const seed = useExercise((s) => s.round?.seed);
  const options = useMemo(() => (orderOptions && seed !== undefined ? orderOptions(task, seed) : task.options), [orderOptions, seed, task]);
  const code = (
    <>
      <CodeView task={task} subject={subject} solution={solution} locked={locked} blank={Blank} />
      {locked ? null : <p className="cb-instructions">{instructions?.(strings.lang) ?? strings.instructions}</p>}
    </>
  );
  // A mode's own blanks answer in place: no bank to drag from.
  return Blank ? (
    code
  ) : (
    <TaskDnd taskId={task.id}>
      {code}
      <OptionBank task={task} options={options} locked={locked} />
    </TaskDnd>
  );
});
