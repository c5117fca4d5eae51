/**
 * Type it: recall without a bank. Each blank of the code is a text box, as wide as the task's longest
 * accepted answer (every box of a task alike, so no width gives one answer away), with nothing a phone
 * keyboard would change: no autocorrect, capitals or spell check. Enter checks. After a check each box
 * shows its mark, and a near miss says so beside it ("check the capitals", "one character off") and aloud.
 */
import { memo, useEffect, useId, useState, type CSSProperties, type ReactNode } from 'react';
import { named } from '../named.ts';
import type { Task } from '../../schema/exercise-schema.ts';
import { acceptedAnswers } from '../../engine/grading.ts';
import { blanksOfTask } from '../../engine/template.ts';
import { TYPED_MAX, typedInteraction } from '../../engine/typed.ts';
import { setPart } from '../../engine/select.ts';
import type { BlankProps } from '../../components/blank.tsx';
import type { ModeView } from '../../components/mode-view.tsx';
import { useActions, useBlank } from '../../hooks/use-task.ts';
import { useExercise, useExerciseStoreApi, useStrings } from '../../hooks/exercise-context.tsx';
import { strings as words } from './strings.ts';
import css from './view.css?inline';
import { ModeStyles } from '../styles.tsx';

const wordsFor = (lang: string) => words[lang as keyof typeof words] ?? words.en;

// The widest accepted answer of each task, in characters (capped as the bank's blanks are).
const widths = new WeakMap<Task, number>();
function widthOf(task: Task): number {
  let width = widths.get(task);
  if (width === undefined) {
    width = Math.min(40, Math.max(4, ...blanksOfTask(task).flatMap((b) => acceptedAnswers(task, b).map((a) => [...a].length))));
    widths.set(task, width);
  }
  return width;
}

/** One blank: a text box, its mark after a check, and its near-miss note. Re-renders only for its own state. */
const TypedBlank = memo(function TypedBlank({ taskId, blank, solution }: BlankProps) {
  const view = useBlank(taskId, blank);
  const task = useExercise((s) => s.set.tasks.find((t) => t.id === taskId));
  // The near miss of the last check, while the box still holds what it graded.
  const note = useExercise((s) => (view.feedback === false ? s.progress[taskId]?.lastCheck?.notes?.[blank] : undefined));
  const strings = useStrings();
  const t = wordsFor(strings.lang);
  const { respond, check } = useActions();
  const id = useId();
  const state = solution !== undefined ? 'solution' : view.feedback === true ? 'right' : view.feedback === false ? 'wrong' : undefined;
  return (
    <span className={state ? `cb-typed cb-typed--${state}` : 'cb-typed'} style={{ '--cb-typed-ch': task ? widthOf(task) : 10 } as CSSProperties}>
      <span className="cb-blank-number" aria-hidden="true">
        {blank}
      </span>
      {state ? (
        <span className="cb-typed-icon" aria-hidden="true">
          {state === 'right' ? '✓' : state === 'wrong' ? '✗' : '★'}
        </span>
      ) : null}
      <span className="cb-typed-box">
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
          onChange={(event) => {
            const value = event.currentTarget.value || null;
            respond(taskId, (task, progress) => setPart(task, progress, blank, value, typedInteraction));
          }}
          onKeyDown={(event) => {
            // Enter that ends an input method's composition (Japanese, Chinese) is not a check.
            if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
            event.preventDefault();
            check(taskId);
          }}
        />
      </span>
      {/* One description, so every reader says "wrong, check the capitals" alike. */}
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

/** The mode's styles, once around the set, and the near misses of each check said aloud after its verdict. */
function Shell({ children }: { children: ReactNode }) {
  const store = useExerciseStoreApi();
  const t = wordsFor(useStrings().lang);
  const [said, say] = useState('');
  useEffect(
    () =>
      store.subscribeEvents((event) => {
        if (event.type !== 'checked') return;
        const notes = store.getState().progress[event.taskId]?.lastCheck?.notes ?? {};
        const text = Object.entries(notes)
          .map(([b, note]) => t.sayNote(Number(b), t[note]))
          .join(' ');
        // A trailing no-break space toggles, so the same words twice are said twice.
        say((before) => (text && before === text ? `${text}\u00a0` : text));
      }),
    [store, t],
  );
  return (
    <>
      <ModeStyles css={css} />
      {children}
      <p className="cb-visually-hidden" role="status">
        {said}
      </p>
    </>
  );
}

export const view: ModeView = { Blank: TypedBlank, Shell, instructions: (lang) => wordsFor(lang).instructions, strings: named('Type it', 'Saisie') };
export const interaction = typedInteraction;
