/**
 * The exam's view: a start screen (time limit, Start), the tasks in the round's seeded order under a
 * clock, "Submit exam", and the results (score, time, each task's answer beside the solution, the last
 * ten results) with Retake. The rules are the engine's (src/engine/exam.ts, MODES.exam); this draws them.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { named } from '../named.ts';
import { withLater } from '../../i18n/later.ts';
import type { Task } from '../../schema/exercise-schema.ts';
import type { ModeView } from '../../components/mode-view.tsx';
import { useExercise, useStrings } from '../../hooks/exercise-context.tsx';
import { useActions } from '../../hooks/use-task.ts';
import { blanksOfTask } from '../../engine/template.ts';
import {
  EXAM_LIMITS,
  clockText,
  examTaskView,
  filledCode,
  optionOrder,
  taskOrder,
  timeLeft,
  timerCue,
  unansweredCount,
  type ExamLimit,
} from '../../engine/exam.ts';
import { elapsedMs } from '../../engine/round.ts';
import { en, fr, type ExamStrings } from './strings.ts';
import css from './exam.css?inline';
import { ModeStyles } from '../styles.tsx';

const wordsFor = (lang: string): ExamStrings => (lang === 'fr' ? fr : en);
const useWords = () => wordsFor(useStrings().lang);

type Round = { readonly seed: number; readonly startedAt: number; readonly limitMs: number | null; readonly submittedAt: number | null };

/** Moves focus to an element once it is drawn, when the learner's own action replaced what had focus. */
function useFocusOnMount<T extends HTMLElement>(when: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}

function Shell({ children }: { children: ReactNode }) {
  const round = useExercise((s) => s.round);
  const [say, setSay] = useState('');
  // Focus follows the learner's Start, Submit and Retake (each replaces what held focus); not a reload.
  const [moved, setMoved] = useState(false);
  const onMove = () => setMoved(true);
  return (
    <div className="cb-exam">
      <ModeStyles css={css} />
      {/* Spoken sparingly: 5 and 1 minute left, and time up. */}
      <div className="cb-visually-hidden" role="status">
        {say}
      </div>
      {!round ? (
        <Start onStart={onMove} />
      ) : round.submittedAt === null ? (
        <Running round={round} focus={moved} onSay={setSay} onSubmit={onMove}>
          {children}
        </Running>
      ) : (
        <Results round={round} focus={moved} onRetake={onMove} />
      )}
    </div>
  );
}

function Start({ onStart }: { onStart: () => void }) {
  const w = useWords();
  const { startRound } = useActions();
  const [limit, setLimit] = useState<ExamLimit>(null);
  const name = useId();
  return (
    <section className="cb-exam-start" aria-labelledby={`${name}h`}>
      <h2 id={`${name}h`}>{w.startHeading}</h2>
      <p>{w.startIntro}</p>
      <fieldset className="cb-exam-limits">
        <legend>{w.limitLegend}</legend>
        {EXAM_LIMITS.map((minutes) => (
          <label key={String(minutes)}>
            <input type="radio" name={name} checked={limit === minutes} onChange={() => setLimit(minutes)} /> {minutes === null ? w.limitOff : w.limitMinutes(minutes)}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="cb-button cb-button--primary"
        onClick={() => {
          onStart();
          startRound(limit === null ? null : limit * 60_000);
        }}
      >
        {w.start}
      </button>
      <History />
    </section>
  );
}

/** The time now, again every second while `ticking` (Date.now: the page's clock, which tests can drive). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!ticking) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [ticking]);
  return now;
}

function Running({ round, focus, onSay, onSubmit, children }: { round: Round; focus: boolean; onSay: (text: string) => void; onSubmit: () => void; children: ReactNode }) {
  const w = useWords();
  const { submitRound } = useActions();
  const left = timeLeft(round, useNow(round.limitMs !== null));
  const total = useExercise((s) => s.set.tasks.length);
  const unanswered = useExercise((s) => unansweredCount(s.set.tasks.map((t) => s.progress[t.id])));
  const before = useRef(left);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (left === 0) {
      onSay(w.timeIsUp);
      onSubmit();
      submitRound();
    } else if (left !== null && before.current !== null) {
      const cue = timerCue(before.current, left);
      if (cue) onSay(w.sayMinutesLeft(cue));
    }
    before.current = left;
  });
  useEffect(() => {
    // Started by the learner: the first task's heading, where the exam begins.
    if (focus) bar.current?.parentElement?.querySelector<HTMLElement>('.cb-task-title')?.focus();
  }, [focus]);
  return (
    <>
      <div className="cb-exam-bar" ref={bar}>
        {left !== null ? (
          <p role="timer" className="cb-exam-clock">
            {w.timeLeft}: <strong>{clockText(left)}</strong>
          </p>
        ) : null}
        <p>{w.savedOf(total - unanswered, total)}</p>
      </div>
      {children}
      <Submit unanswered={unanswered} onSubmit={onSubmit} />
    </>
  );
}

function Submit({ unanswered, onSubmit }: { unanswered: number; onSubmit: () => void }) {
  const w = useWords();
  const { submitRound } = useActions();
  const [asking, setAsking] = useState<boolean | null>(null);
  const yes = useRef<HTMLButtonElement>(null);
  const open = useRef<HTMLButtonElement>(null);
  const textId = useId();
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (asking === false) open.current?.focus();
  }, [asking]);
  const submit = () => {
    onSubmit();
    submitRound();
  };
  if (!asking) {
    return (
      <div className="cb-exam-submit">
        <button type="button" className="cb-button cb-button--primary" ref={open} onClick={() => (unanswered > 0 ? setAsking(true) : submit())}>
          {w.submit}
        </button>
      </div>
    );
  }
  return (
    <div className="cb-exam-submit cb-confirm" role="group" aria-labelledby={textId}>
      <p id={textId}>{w.submitConfirm(unanswered)}</p>
      <button type="button" className="cb-button cb-button--danger" ref={yes} onClick={submit}>
        {w.submitYes}
      </button>
      <button type="button" className="cb-button" onClick={() => setAsking(false)}>
        {w.submitNo}
      </button>
    </div>
  );
}

function Results({ round, focus, onRetake }: { round: Round; focus: boolean; onRetake: () => void }) {
  const w = useWords();
  const tasks = useExercise((s) => s.set.tasks);
  const progress = useExercise((s) => s.progress);
  const { startRound } = useActions();
  const heading = useFocusOnMount<HTMLHeadingElement>(focus);
  const id = useId();
  const ms = elapsedMs(round, round.submittedAt ?? round.startedAt);
  const ordered = taskOrder(tasks, round.seed);
  const solved = ordered.filter((t) => progress[t.id]?.status === 'solved').length;
  return (
    <section className="cb-exam-results" aria-labelledby={id}>
      <h2 id={id} tabIndex={-1} ref={heading}>
        {w.resultsHeading}
      </h2>
      {round.limitMs !== null && ms >= round.limitMs ? <p className="cb-notice">{w.timeIsUp}</p> : null}
      <p className="cb-summary-score">{w.score(solved, ordered.length)}</p>
      <p>{w.timeTaken(clockText(ms))}</p>
      <button
        type="button"
        className="cb-button cb-button--primary"
        onClick={() => {
          onRetake();
          startRound(round.limitMs);
        }}
      >
        {w.retake}
      </button>
      <ol className="cb-exam-list">
        {ordered.map((task, index) => (
          <ResultItem key={task.id} task={task} number={index + 1} />
        ))}
      </ol>
      <History />
    </section>
  );
}

function ResultItem({ task, number }: { task: Task; number: number }) {
  const w = useWords();
  const strings = useStrings();
  const progress = useExercise((s) => s.progress[task.id]);
  const id = useId();
  const shown = examTaskView(task, progress, true);
  if (!shown.submitted) return null;
  const right = shown.outcome === 'right';
  const correct = progress?.lastCheck?.correct ?? {};
  return (
    <li>
      <section aria-labelledby={id} className={`cb-task cb-task--${right ? 'solved' : 'failed'}`}>
        <h3 id={id} className="cb-task-title">
          {strings.taskHeading(number)}{' '}
          <span className={`cb-badge cb-badge--${right ? 'solved' : 'failed'}`}>
            {right ? '✓' : '✗'} {w[shown.outcome]}
          </span>
        </h3>
        <p className="cb-prompt">{task.prompt}</p>
        <table className="cb-exam-answers">
          <thead>
            <tr>
              <td />
              <th scope="col">{w.yourAnswer}</th>
              <th scope="col">{w.solution}</th>
            </tr>
          </thead>
          <tbody>
            {blanksOfTask(task).map((blank) => (
              <tr key={blank}>
                <th scope="row">{w.blank(blank)}</th>
                <td className={correct[blank] ? 'cb-exam-right' : 'cb-exam-wrong'}>
                  <span aria-hidden="true">{correct[blank] ? '✓ ' : '✗ '}</span>
                  <code>{shown.answer[blank] ?? w.empty}</code>
                  <span className="cb-visually-hidden">, {correct[blank] ? strings.blankRight : strings.blankWrong}</span>
                </td>
                <td>
                  <code>{shown.solution[blank]}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <pre className="cb-exam-code">
          <code>{filledCode(task, shown.solution)}</code>
        </pre>
        {task.explanation ? (
          <div className="cb-explanation">
            <h4>{withLater(strings).explanation}</h4>
            <p>{task.explanation}</p>
          </div>
        ) : null}
      </section>
    </li>
  );
}

function History() {
  const w = useWords();
  const { lang } = useStrings();
  const history = useExercise((s) => s.history);
  const id = useId();
  if (history.length === 0) return null;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="cb-exam-history" aria-labelledby={id}>
      <h3 id={id}>{w.historyHeading}</h3>
      <ol>
        {history.map((r) => (
          <li key={r.at}>{w.historyItem(date.format(r.at), r.solved, r.total, clockText(r.ms))}</li>
        ))}
      </ol>
    </section>
  );
}

/** An exam keeps timed rounds and their results (the store does only when given these rules). */
export { ROUNDS as rounds } from '../../store/rounds.ts';

const title = named('Exam', 'Examen');

export const view: ModeView = {
  Shell,
  orderTasks: taskOrder,
  orderOptions: optionOrder,
  // Check says what it does here: the answer is saved, not graded before the learner's eyes.
  strings: (lang) => ({ ...title(lang), check: wordsFor(lang).saveAnswer }),
  endedLabel: (lang) => wordsFor(lang).saved,
};
