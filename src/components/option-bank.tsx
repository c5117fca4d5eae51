/**
 * The bank of options, labelled A, B, C, D. Each option is a button named by its text alone (the
 * letter is decoration), draggable to a blank, or clicked/tapped/pressed to pair with a blank.
 */
import { memo, useId } from 'react';
import { useDragBank } from '../dnd/task-dnd.tsx';
import { dragSource } from '../dnd/contract.ts';
import { useActions, useOption } from '../hooks/use-task.ts';
import { useExercise, useStrings } from '../hooks/exercise-context.tsx';
import { offered, reusable } from '../engine/grading.ts';
import type { Task } from '../schema/exercise-schema.ts';

/** A, B, ... Z, AA, AB, ... so a bank of 200 options still has labels. */
export function optionLabel(index: number): string {
  let label = '';
  let n = index;
  do {
    label = String.fromCharCode(65 + (n % 26)) + label;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return label;
}

export function OptionBank({ task, options, locked }: { task: Task; options: readonly string[]; locked: boolean }) {
  const strings = useStrings();
  const taskId = task.id;
  // A bank per blank (the task's groups): while one of its blanks is selected, the bank offers only that blank's options.
  const blank = useExercise((s) => (task.groups && s.selection?.kind === 'blank' && s.selection.taskId === taskId ? s.selection.blank : 0));
  const shown = blank ? offered(task, blank) : options;
  // One draggable for the whole bank (see useDragBank): options are plain buttons inside it.
  const { setNode, listeners, isOver, describedBy } = useDragBank(locked);
  return (
    <div ref={setNode} {...listeners} className={`cb-bank${isOver ? ' cb-bank--over' : ''}`} role="group" aria-label={strings.optionsLabel}>
      {options.map((option, index) =>
        shown.includes(option) ? (
          <Option key={option} taskId={taskId} option={option} label={optionLabel(index)} reusable={reusable(task, option)} describedBy={describedBy} />
        ) : null,
      )}
    </div>
  );
}

const Option = memo(function Option({
  taskId,
  option,
  label,
  reusable,
  describedBy,
}: {
  taskId: string;
  option: string;
  label: string;
  reusable: boolean;
  /** The drag instructions' id, which dnd-kit gives the bank's draggable. */
  describedBy: string | undefined;
}) {
  const { placedIn, selected, locked } = useOption(taskId, option, reusable);
  const strings = useStrings();
  const { selectOption, cancelSelection } = useActions();
  const placedId = useId();
  const className = ['cb-option', selected ? 'cb-option--selected' : '', placedIn !== undefined ? 'cb-option--placed' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={className}
      {...dragSource(option)}
      aria-label={option}
      aria-pressed={locked ? undefined : selected}
      aria-disabled={locked || undefined}
      aria-describedby={[describedBy, placedIn !== undefined ? placedId : undefined].filter(Boolean).join(' ') || undefined}
      onClick={() => {
        if (!locked) selectOption(taskId, option);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancelSelection();
      }}
      onContextMenu={(e) => e.preventDefault()}
    >
      <span className="cb-option-label" aria-hidden="true">
        {label}
      </span>
      <span className="cb-option-text">{option}</span>
      {placedIn !== undefined ? (
        <span id={placedId} className="cb-option-placed">
          <span aria-hidden="true">→{placedIn}</span>
          <span className="cb-visually-hidden">{strings.optionPlacedIn(placedIn)}</span>
        </span>
      ) : null}
    </button>
  );
});
