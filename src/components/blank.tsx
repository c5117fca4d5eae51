/**
 * A blank in the code: a real button that takes an option (click, tap, drop, keyboard) and, once
 * filled, can be dragged to another blank or back to the bank, or emptied with its clear button or
 * Delete/Backspace. Its width is the widest option's, so width never gives the answer away.
 */
import { memo, useCallback, useRef, type KeyboardEvent } from 'react';
import { useDragOption, useDropTarget } from '../dnd/task-dnd.tsx';
import { useActions, useBlank } from '../hooks/use-task.ts';
import { useStrings } from '../hooks/exercise-context.tsx';

export interface BlankProps {
  readonly taskId: string;
  readonly blank: number;
  /** Position among the task's drop targets, for keyboard dragging in reading order. */
  readonly order: number;
  /** The option this blank shows once the attempts have run out, if the task failed. */
  readonly solution: string | undefined;
}

export const Blank = memo(function Blank({ taskId, blank, order, solution }: BlankProps) {
  const strings = useStrings();
  const { selectBlank, clear } = useActions();
  const view = useBlank(taskId, blank);
  const shown = solution ?? view.option;
  const drag = useDragOption(`blank:${taskId}:${blank}`, view.option ?? '', blank, view.locked || view.option === undefined);
  const drop = useDropTarget(`drop:${taskId}:${blank}`, blank, order, view.locked);

  const { setNode: setDragNode } = drag;
  const { setNode: setDropNode } = drop;
  const button = useRef<HTMLButtonElement | null>(null);
  const setNode = useCallback(
    (element: HTMLButtonElement | null) => {
      button.current = element;
      setDragNode(element);
      setDropNode(element);
    },
    [setDragNode, setDropNode],
  );

  const state =
    solution !== undefined ? 'solution' : view.feedback === true ? 'right' : view.feedback === false ? 'wrong' : undefined;
  const stateWord =
    state === 'solution' ? strings.blankSolution : state === 'right' ? strings.blankRight : state === 'wrong' ? strings.blankWrong : undefined;
  const name = [shown === undefined ? strings.blankEmpty(blank) : strings.blankFilled(blank, shown), stateWord]
    .filter(Boolean)
    .join(', ');

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if ((event.key === 'Delete' || event.key === 'Backspace') && view.option !== undefined && !view.locked) {
      event.preventDefault();
      clear(taskId, blank);
    }
    (drag.props.onKeyDown as ((e: KeyboardEvent) => void) | undefined)?.(event);
  };

  const className = [
    'cb-blank',
    shown === undefined ? 'cb-blank--empty' : 'cb-blank--filled',
    state ? `cb-blank--${state}` : '',
    view.selected ? 'cb-blank--selected' : '',
    drop.isOver ? 'cb-blank--over' : '',
    drag.isDragging ? 'cb-blank--dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <span className="cb-blank-wrap">
      <button
        type="button"
        {...drag.props}
        ref={setNode}
        className={className}
        aria-label={name}
        aria-pressed={view.locked ? undefined : view.selected}
        aria-disabled={view.locked || undefined}
        onClick={() => {
          if (!view.locked) selectBlank(taskId, blank);
        }}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => e.preventDefault()}
        data-blank={blank}
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
      {view.option !== undefined && !view.locked ? (
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
