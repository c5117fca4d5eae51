/**
 * The bank of options, labelled A, B, C, D. Each option is a button named by its text alone (the
 * letter is decoration), draggable to a blank, or clicked/tapped/pressed to pair with a blank.
 */
import { memo, useId } from 'react';
import { useDragOption, useDropTarget, type DragHandle } from '../dnd/task-dnd.tsx';
import { useActions, useOption } from '../hooks/use-task.ts';
import { useStrings } from '../hooks/exercise-context.tsx';

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

export function OptionBank({
  taskId,
  options,
  reusable,
  order,
  locked,
}: {
  taskId: string;
  options: readonly string[];
  reusable: boolean;
  order: number;
  locked: boolean;
}) {
  const strings = useStrings();
  const { setNode, isOver } = useDropTarget(`bank:${taskId}`, null, order, locked);
  return (
    <div ref={setNode} className={`cb-bank${isOver ? ' cb-bank--over' : ''}`} role="group" aria-label={strings.optionsLabel}>
      {options.map((option, index) => (
        <Option key={option} taskId={taskId} option={option} label={optionLabel(index)} reusable={reusable} locked={locked} />
      ))}
    </div>
  );
}

/**
 * dnd-kit re-renders every draggable whenever a drag starts, ends or moves over another target: with
 * 200 options that is 200 renders at once. So this part holds only the drag hook, and the button below,
 * memoized on plain values, selects its own state from the store.
 */
const Option = memo(function Option(props: { taskId: string; option: string; label: string; reusable: boolean; locked: boolean }) {
  const drag = useDragOption(`option:${props.taskId}:${props.option}`, props.option, null, props.locked);
  return <OptionButton {...props} {...drag} />;
});

const OptionButton = memo(function OptionButton({
  taskId,
  option,
  label,
  reusable,
  setNode,
  props: dragProps,
  isDragging,
}: { taskId: string; option: string; label: string; reusable: boolean } & DragHandle) {
  const { placedIn, selected, locked } = useOption(taskId, option, reusable);
  const strings = useStrings();
  const { selectOption, cancelSelection } = useActions();
  const placedId = useId();
  const className = ['cb-option', selected ? 'cb-option--selected' : '', placedIn !== undefined ? 'cb-option--placed' : '', isDragging ? 'cb-option--dragging' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      {...dragProps}
      ref={setNode}
      className={className}
      aria-label={option}
      aria-pressed={locked ? undefined : selected}
      aria-disabled={locked || undefined}
      aria-describedby={[dragProps['aria-describedby'] as string | undefined, placedIn !== undefined ? placedId : undefined].filter(Boolean).join(' ') || undefined}
      onClick={() => {
        if (!locked) selectOption(taskId, option);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') cancelSelection();
        (dragProps.onKeyDown as ((e: React.KeyboardEvent) => void) | undefined)?.(event);
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
