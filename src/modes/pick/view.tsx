/**
 * Pick: each blank of the code is a native select of the task's options, the lightest way to answer and
 * the one every screen reader and switch device already knows. Its first entry is empty ("Choose…");
 * after a check each list shows its mark. The rules are the bank's, each blank choosing on its own.
 */
import { memo, useId, type ReactNode } from 'react';
import { named } from '../named.ts';
import { selectInteraction, setPart } from '../../engine/select.ts';
import { offered } from '../../engine/grading.ts';
import type { BlankProps } from '../../components/blank.tsx';
import type { ModeView } from '../../components/mode-view.tsx';
import { useActions, useBlank } from '../../hooks/use-task.ts';
import { useExercise, useStrings } from '../../hooks/exercise-context.tsx';
import { strings as words } from './strings.ts';
import css from './view.css?inline';
import { ModeStyles } from '../styles.tsx';

const NONE: readonly string[] = [];
const wordsFor = (lang: string) => words[lang as keyof typeof words] ?? words.en;

/** One blank: a list of the options it offers, and its mark after a check. */
const PickBlank = memo(function PickBlank({ taskId, blank, solution }: BlankProps) {
  const view = useBlank(taskId, blank);
  // The blank's own list: its group's options when the task has a bank per blank.
  const options = useExercise((s) => {
    const task = s.set.tasks.find((t) => t.id === taskId);
    return task ? offered(task, blank) : NONE;
  });
  const strings = useStrings();
  const t = wordsFor(strings.lang);
  const { respond } = useActions();
  const id = useId();
  const state = solution !== undefined ? 'solution' : view.feedback === true ? 'right' : view.feedback === false ? 'wrong' : undefined;
  return (
    <span className={state ? `cb-pick cb-pick--${state}` : 'cb-pick'}>
      <span className="cb-blank-number" aria-hidden="true">
        {blank}
      </span>
      {state ? (
        <span className="cb-pick-icon" aria-hidden="true">
          {state === 'right' ? '✓' : state === 'wrong' ? '✗' : '★'}
        </span>
      ) : null}
      <select
        className="cb-pick-select"
        aria-label={t.blank(blank)}
        aria-describedby={state ? id : undefined}
        aria-invalid={state === 'wrong' || undefined}
        value={solution ?? view.option ?? ''}
        disabled={view.locked}
        onChange={(event) => {
          const value = event.currentTarget.value || null;
          respond(taskId, (task, progress) => setPart(task, progress, blank, value, selectInteraction));
        }}
      >
        <option value="">{t.choose}</option>
        {options.map((option, i) => (
          <option key={i} value={option}>
            {option}
          </option>
        ))}
      </select>
      {state ? (
        <span id={id} className="cb-visually-hidden">
          {state === 'right' ? strings.blankRight : state === 'wrong' ? strings.blankWrong : strings.blankSolution}
        </span>
      ) : null}
    </span>
  );
});

/** The mode's styles, once around the set. */
function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <ModeStyles css={css} />
      {children}
    </>
  );
}

export const view: ModeView = { Blank: PickBlank, Shell, instructions: (lang) => wordsFor(lang).instructions, strings: named('Pick', 'Choix') };
export const interaction = selectInteraction;
