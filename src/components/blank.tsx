/**
 * A blank in the code: a real button that takes an option (click, tap, drop, keyboard) and, once
 * filled, can be dragged to another blank or back to the bank, or emptied with its clear button or
 * Delete/Backspace. Its width is the widest option's, so width never gives the answer away.
 */
import { memo, useRef, type KeyboardEvent } from 'react';
import { useDragInstructions } from '../dnd/task-dnd.tsx';
import { dragSource, dropTarget } from '../dnd/contract.ts';
import { useActions, useBlank } from '../hooks/use-task.ts';
import { useStrings } from '../hooks/exercise-context.tsx';

export interface BlankProps {
  readonly taskId: string;
  readonly blank: number;
  /** The option this blank shows once the attempts have run out, if the task failed. */
  readonly solution: string | undefined;
}

/**
 * Re-renders only when this blank's own state changes. Drag and drop belong to the code around it
 * (CodeDragArea), which finds this button by its `data-blank` and `data-option`, and marks it with
 * `data-over` and `data-dragging` during a drag instead of re-rendering it.
 */
export const Blank = memo(function Blank({ taskId, blank, solution }: BlankProps) {
  const view = useBlank(taskId, blank);
  const strings = useStrings();
  const describedBy = useDragInstructions();
  const { selectBlank, clear } = useActions();
  const shown = solution ?? view.option;
  const button = useRef<HTMLButtonElement | null>(null);
  const canGive = view.option !== undefined && !view.locked;

  const state =
    solution !== undefined ? 'solution' : view.feedback === true ? 'right' : view.feedback === false ? 'wrong' : undefined;
  const stateWord =
    state === 'solution' ? strings.blankSolution : state === 'right' ? strings.blankRight : state === 'wrong' ? strings.blankWrong : undefined;
  const name = [shown === undefined ? strings.blankEmpty(blank) : strings.blankFilled(blank, shown), stateWord]
    .filter(Boolean)
    .join(', ');

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if ((event.key === 'Delete' || event.key === 'Backspace') && canGive) {
      event.preventDefault();
      clear(taskId, blank);
    }
  };

  const className = [
    'cb-blank',
    shown === undefined ? 'cb-blank--empty' : 'cb-blank--filled',
    state ? `cb-blank--${state}` : '',
    view.selected ? 'cb-blank--selected' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <span className="cb-blank-wrap">
      <button
        type="button"
        ref={button}
        className={className}
        aria-label={name}
        aria-pressed={view.locked ? undefined : view.selected}
        aria-disabled={view.locked || undefined}
        aria-describedby={canGive ? describedBy : undefined}
        {...dropTarget(blank)}
        {...dragSource(canGive ? view.option : undefined)}
        onClick={() => {
          if (!view.locked) selectBlank(taskId, blank);
        }}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => e.preventDefault()}
      >
        <span className="cb-blank-number" aria-hidden="true">
          {blank}
        </span>
        <span className="cb-blank-text" aria-hidden="true">
          {shown ?? ''}
        </span>
        {state ? (
          <span className="cb-blank-icon" aria-hidden="true">
            {state === 'right' ? '✓' : state === 'wrong' ? '✗' : '★'}
          </span>
        ) : null}
      </button>
      {canGive ? (
        <button type="button" className="cb-blank-clear" aria-label={strings.clearBlank(blank)} onClick={() => {
            clear(taskId, blank);
            // The clear button goes away with the option: keep the keyboard user on the blank.
            button.current?.focus();
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      ) : null}
    </span>
  );
});
