/**
 * The bank of options, labelled A, B, C, D. Each option is a button named by its text alone (the
 * letter is decoration), draggable to a blank, or clicked/tapped/pressed to pair with a blank.
 */
import { memo, useId } from 'react';
import { useDragOption, useDropTarget } from '../dnd/task-dnd.tsx';
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
        <Option key={option} taskId={taskId} option={option} label={optionLabel(index)} reusable={reusable} />
      ))}
    </div>
  );
}

const Option = memo(function Option({
  taskId,
  option,
  label,
  reusable,
}: {
  taskId: string;
  option: string;
  label: string;
  reusable: boolean;
}) {
  const strings = useStrings();
  const { selectOption, cancelSelection } = useActions();
  const view = useOption(taskId, option, reusable);
  const { setNode, props: dragProps, isDragging } = useDragOption(`option:${taskId}:${option}`, option, null, view.locked);
  const placedId = useId();
  const className = [
    'cb-option',
    view.selected ? 'cb-option--selected' : '',
    view.placedIn !== undefined ? 'cb-option--placed' : '',
    isDragging ? 'cb-option--dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      {...dragProps}
      ref={setNode}
      className={className}
      aria-label={option}
      aria-pressed={view.locked ? undefined : view.selected}
      aria-disabled={view.locked || undefined}
      aria-describedby={[dragProps['aria-describedby'] as string | undefined, view.placedIn !== undefined ? placedId : undefined].filter(Boolean).join(' ') || undefined}
      onClick={() => {
        if (!view.locked) selectOption(taskId, option);
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
      {view.placedIn !== undefined ? (
        <span id={placedId} className="cb-option-placed">
          <span aria-hidden="true">→{view.placedIn}</span>
          <span className="cb-visually-hidden">{strings.optionPlacedIn(view.placedIn)}</span>
        </span>
      ) : null}
    </button>
  );
});
