/**
 * Pick: each blank is a native select of the task's options, the lightest way to answer and the one every
 * screen reader and switch device already knows. Its first entry is empty ("Choose…"); after a check
 * each list shows its mark. The rules are the bank's, each blank choosing on its own.
 */
import { createContext, memo, useContext, useId, useMemo, type ReactNode } from 'react';
import { solutionOf } from '../../engine/grading.ts';
import { selectInteraction } from '../../engine/select.ts';
import { CodeView } from '../../components/code-view.tsx';
import type { BlankProps } from '../../components/blank.tsx';
import type { ModeView, WorkspaceProps } from '../../components/mode-view.tsx';
import { useActions, useBlank } from '../../hooks/use-task.ts';
import { useStrings } from '../../hooks/exercise-context.tsx';
import { strings as words } from './strings.ts';
import css from './view.css?inline';

type Words = (typeof words)['en'];

/** What every list of a task shares: the words and the task's options. */
const Shared = createContext<{ t: Words; options: readonly string[] }>({ t: words.en, options: [] });

const Workspace = memo(function Workspace({ task, subject, status }: WorkspaceProps) {
  const lang = useStrings().lang;
  const t = words[lang as keyof typeof words] ?? words.en;
  const shared = useMemo(() => ({ t, options: task.options }), [t, task.options]);
  const solution = useMemo(() => (status === 'failed' ? solutionOf(task) : null), [status, task]);
  return (
    <Shared.Provider value={shared}>
      <CodeView task={task} subject={subject} solution={solution} locked={status !== 'active'} blank={PickBlank} />
      {status === 'active' ? <p className="cb-instructions">{t.instructions}</p> : null}
    </Shared.Provider>
  );
});

/** One blank: a list of the task's options, and its mark after a check. */
const PickBlank = memo(function PickBlank({ taskId, blank, solution }: BlankProps) {
  const view = useBlank(taskId, blank);
  const { t, options } = useContext(Shared);
  const strings = useStrings();
  const { answer } = useActions();
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
        onChange={(event) => answer(taskId, blank, event.currentTarget.value)}
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
      <style>{css}</style>
      {children}
    </>
  );
}

export const view: ModeView = { Workspace, Shell };
export const interaction = selectInteraction;
