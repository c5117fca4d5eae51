/**
 * Type it: recall without a bank. Each blank is a text box inside the code, as wide as the task's longest
 * accepted answer (every box alike, so no width gives one answer away), with nothing a phone keyboard
 * would change: no autocorrect, capitals or spell check. Enter checks. After a check each box shows its
 * mark, and a near miss says so beside it ("check the capitals", "one character off") and aloud.
 */
import { createContext, memo, useContext, useId, useMemo, type CSSProperties, type ReactNode } from 'react';
import { acceptedAnswers, solutionOf, type Note } from '../../engine/grading.ts';
import { blanksOfTask } from '../../engine/template.ts';
import { TYPED_MAX, typedInteraction } from '../../engine/typed.ts';
import { BLANK_MAX_CH, CodeView } from '../../components/code-view.tsx';
import type { BlankProps } from '../../components/blank.tsx';
import type { ModeView, WorkspaceProps } from '../../components/mode-view.tsx';
import { useActions, useBlank, useTaskOutcome } from '../../hooks/use-task.ts';
import { useStrings } from '../../hooks/exercise-context.tsx';
import { strings as words } from './strings.ts';
import css from './view.css?inline';

type Words = (typeof words)['en'];

/** What every box of a task shares: the words, and the near misses of the check that still applies. */
const Shared = createContext<{ t: Words; notes: Readonly<Record<number, Note>> | undefined }>({ t: words.en, notes: undefined });

const useWords = (): Words => words[useStrings().lang as keyof typeof words] ?? words.en;

const Workspace = memo(function Workspace({ task, subject, status }: WorkspaceProps) {
  const t = useWords();
  const { lastCheck, checked } = useTaskOutcome(task.id);
  const notes = checked ? lastCheck?.notes : undefined;
  const shared = useMemo(() => ({ t, notes }), [t, notes]);
  const solution = useMemo(() => (status === 'failed' ? solutionOf(task) : null), [status, task]);
  const width = useMemo(
    () => Math.min(BLANK_MAX_CH, Math.max(4, ...blanksOfTask(task).flatMap((b) => acceptedAnswers(task, b).map((a) => [...a].length)))),
    [task],
  );
  return (
    <Shared.Provider value={shared}>
      <div style={{ '--cb-typed-ch': width } as CSSProperties}>
        <CodeView task={task} subject={subject} solution={solution} locked={status !== 'active'} blank={TypedBlank} />
      </div>
      {status === 'active' ? <p className="cb-instructions">{t.instructions}</p> : null}
      {/* The near misses, said after the check's own verdict (the announcer's). */}
      <p className="cb-visually-hidden" role="status">
        {notes ? Object.entries(notes).map(([b, note]) => t.sayNote(Number(b), t[note])).join(' ') : ''}
      </p>
    </Shared.Provider>
  );
});

/** One blank: a text box, its mark after a check, and its near-miss note. Re-renders only for its own state. */
const TypedBlank = memo(function TypedBlank({ taskId, blank, solution }: BlankProps) {
  const view = useBlank(taskId, blank);
  const { t, notes } = useContext(Shared);
  const strings = useStrings();
  const { answer, check } = useActions();
  const id = useId();
  const state = solution !== undefined ? 'solution' : view.feedback === true ? 'right' : view.feedback === false ? 'wrong' : undefined;
  const note = state === 'wrong' ? notes?.[blank] : undefined;
  return (
    <span className={state ? `cb-typed cb-typed--${state}` : 'cb-typed'}>
      <span className="cb-blank-number" aria-hidden="true">
        {blank}
      </span>
      {state ? (
        <span className="cb-typed-icon" aria-hidden="true">
          {state === 'right' ? '✓' : state === 'wrong' ? '✗' : '★'}
        </span>
      ) : null}
      <input
        type="text"
        className="cb-typed-input"
        aria-label={t.blank(blank)}
        aria-describedby={state ? id : undefined}
        aria-invalid={state === 'wrong' || undefined}
        value={solution ?? view.option ?? ''}
        readOnly={view.locked}
        maxLength={TYPED_MAX}
        autoCapitalize="off"
        autoCorrect="off"
        autoComplete="off"
        spellCheck={false}
        inputMode="text"
        enterKeyHint="done"
        onChange={(event) => answer(taskId, blank, event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          check(taskId);
        }}
      />
      {state ? (
        <span id={id} className="cb-visually-hidden">
          {`${state === 'right' ? strings.blankRight : state === 'wrong' ? strings.blankWrong : strings.blankSolution}${note ? `, ${t[note]}` : ''}`}
        </span>
      ) : null}
      {note ? (
        <span className="cb-typed-note" aria-hidden="true">
          {t[note]}
        </span>
      ) : null}
    </span>
  );
});

/** The mode's styles, once around the set. */
function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <style>{css}</style>
      {children}
    </>
  );
}

export const view: ModeView = { Workspace, Shell };
export const interaction = typedInteraction;
