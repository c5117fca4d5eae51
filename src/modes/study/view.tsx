/**
 * Study: a worked example, then faded. The task opens solved, each blank showing its answer, the
 * mistakes that answer avoids and why; "Hide the next answer" turns one filled blank at a time back into
 * a blank the learner fills from the options (the last blank first), each filling said right or not at
 * once, nothing counted against attempts; once every blank is theirs and right the task is checked
 * once, and counts as studied. The rules are the engine's (src/engine/study.ts); the step lives here.
 */
import { createContext, memo, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { named } from '../named.ts';
import type { Task } from '../../schema/exercise-schema.ts';
import type { Placements } from '../../engine/grading.ts';
import { fadeOrder, filledRight, resumedStep, studiedResponse, studyNotes, studyState, studySteps } from '../../engine/study.ts';
import type { ModeView, WorkspaceProps } from '../../components/mode-view.tsx';
import { Blank, type BlankProps } from '../../components/blank.tsx';
import { CodeView } from '../../components/code-view.tsx';
import { OptionBank } from '../../components/option-bank.tsx';
import { TaskDnd } from '../../dnd/task-dnd.tsx';
import { useExercise, useStrings } from '../../hooks/exercise-context.tsx';
import { useActions, useBlank } from '../../hooks/use-task.ts';
import { wordsFor } from './strings.ts';
import css from './study.css?inline';
import { ModeStyles } from '../styles.tsx';

const NONE: Placements = {};
const useWords = () => wordsFor(useStrings().lang);

/** The task and the blanks the learner fills now, for the blanks inside the code. */
const Faded = createContext<{ readonly task: Task | null; readonly faded: readonly number[] }>({ task: null, faded: [] });

/** A blank of the worked example shows its answer; a faded one is the bank's own blank, marked at once. */
const StudyBlank = memo(function StudyBlank(props: BlankProps) {
  const { task, faded } = useContext(Faded);
  const w = useWords();
  const { option } = useBlank(props.taskId, props.blank);
  if (!task) return null;
  if (!faded.includes(props.blank)) {
    return (
      <span className="cb-study-answer">
        <span className="cb-blank-number" aria-hidden="true">
          {props.blank}
        </span>
        {studiedResponse(task, NONE)[props.blank]}
      </span>
    );
  }
  const right = filledRight(task, { [props.blank]: option! }, props.blank);
  return (
    <span className={option === undefined ? undefined : right ? 'cb-study-right' : 'cb-study-wrong'}>
      <Blank {...props} solution={undefined} />
      {option === undefined ? null : <span className="cb-visually-hidden">, {right ? w.right : w.wrong}</span>}
    </span>
  );
});

function Workspace({ task, subject, status }: WorkspaceProps) {
  const w = useWords();
  const studied = status === 'solved';
  const placements = useExercise((s) => s.progress[task.id]?.placements ?? NONE);
  // A reload comes back to the step the learner had reached (what they filled is saved).
  const [step, setStep] = useState(() => resumedStep(task, placements));
  const { faded, ready, last } = studyState(task, placements, studied ? 0 : step);
  const steps = studySteps(task);
  const next = fadeOrder(task)[step];
  const { clear, respond, check } = useActions();
  const [say, setSay] = useState('');
  const root = useRef<HTMLDivElement>(null);
  const focus = useRef<string | null>(null);
  const stepId = useId();

  // A filling is marked at once, and said: right, or try another.
  const before = useRef(placements);
  useEffect(() => {
    const was = before.current;
    before.current = placements;
    for (const b of faded) if (placements[b] !== undefined && placements[b] !== was[b]) setSay(filledRight(task, placements, b) ? w.sayRight(b) : w.sayWrong(b));
  }, [placements, faded, task, w]);
  // A step replaces what had focus (the blank it empties, the button once studied): focus goes there.
  useEffect(() => {
    if (focus.current) root.current?.querySelector<HTMLElement>(focus.current)?.focus();
    focus.current = null;
  });

  const stepOn = () => {
    if (!ready) return setSay(w.fillFirst(faded.filter((b) => !filledRight(task, placements, b))));
    if (last) {
      respond(task.id, (t, p) => ({ ok: true, progress: { ...p, placements: studiedResponse(t, p.placements) } }));
      check(task.id);
      focus.current = '.cb-study-done';
      return setSay(w.sayStudied);
    }
    if (next === undefined) return;
    // A blank saved filled from an earlier visit starts empty.
    if (placements[next] !== undefined) clear(task.id, next);
    setStep(step + 1);
    focus.current = `[data-blank="${next}"]`;
    setSay(w.sayFaded(next));
  };

  const { notes, general } = studyNotes(task);
  return (
    <div className="cb-study" ref={root}>
      <Faded.Provider value={{ task, faded }}>
        <TaskDnd taskId={task.id}>
          <CodeView task={task} subject={subject} solution={null} locked={studied} blank={StudyBlank} />
          {faded.length > 0 ? <OptionBank task={task} options={task.options} locked={false} /> : null}
        </TaskDnd>
      </Faded.Provider>
      {studied ? (
        <p className="cb-study-done" tabIndex={-1}>
          ✓ {w.sayStudied}
        </p>
      ) : (
        <>
          <p className="cb-instructions">{w.instructions}</p>
          <div className="cb-study-step">
            <button type="button" className="cb-button cb-button--primary" aria-disabled={!ready || undefined} aria-describedby={stepId} onClick={stepOn}>
              {last ? w.finish : w.next(next!)}
            </button>
            <span id={stepId}>{w.step(faded.length, steps)}</span>
          </div>
        </>
      )}
      <p className="cb-visually-hidden" role="status">
        {say}
      </p>
      {/* Not a region: every card has one, and the card's own region holds it. */}
      <div className="cb-study-notes">
        <h3>{w.example}</h3>
        <ul>
          {notes.map(({ blank, answer, avoids }) => {
            // A faded blank keeps its note to itself until the learner's own answer is right.
            const hidden = faded.includes(blank) && !filledRight(task, placements, blank);
            return (
              <li key={blank}>
                <strong>{w.blank(blank)}</strong>{' '}
                {hidden ? (
                  w.yourTurn
                ) : (
                  <>
                    <code>{answer}</code>
                    {avoids.length ? <Avoids words={w.avoids}>{avoids}</Avoids> : null}
                  </>
                )}
              </li>
            );
          })}
        </ul>
        {general.length ? <Avoids words={w.avoids}>{general}</Avoids> : null}
        {task.explanation ? (
          <p>
            <strong>{w.why}:</strong> {task.explanation}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Avoids({ words, children }: { words: string; children: readonly string[] }) {
  return (
    <div className="cb-study-avoids">
      {words}
      <ul>
        {children.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </div>
  );
}

/** The mode's styles, once around the set. */
function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <ModeStyles css={css} />
      {children}
    </>
  );
}

const title = named('Study', 'Étude');

export const view: ModeView = {
  Workspace,
  Shell,
  // A studied task is "solved" to the store: the page says studied.
  strings: (lang) => {
    const w = wordsFor(lang);
    // The check that studies a task is said by the step's own words (sayStudied), not as "Correct! Task solved."
    return { ...title(lang), statusSolved: w.studied, solvedOf: w.studiedOf, summaryScore: w.summaryScore, reviewTask: w.reviewTask, sayChecked: () => '' };
  },
};
