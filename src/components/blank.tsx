/**
 * A blank in the code: a real button that takes an option (click, tap, drop, keyboard) and, once
 * filled, can be dragged to another blank or back to the bank, or emptied with its clear button or
 * Delete/Backspace. Its width is the widest option's, so width never gives the answer away.
 */
import { memo, useCallback, useRef, type KeyboardEvent } from 'react';
import { useDragOption, useDropTarget, type DragHandle } from '../dnd/task-dnd.tsx';
import { useActions, useBlank, type BlankView } from '../hooks/use-task.ts';
import { useStrings } from '../hooks/exercise-context.tsx';

export interface BlankProps {
  readonly taskId: string;
  readonly blank: number;
  /** Position among the task's drop targets, for keyboard dragging in reading order. */
  readonly order: number;
  /** The option this blank shows once the attempts have run out, if the task failed. */
  readonly solution: string | undefined;
}

/**
 * dnd-kit re-renders every draggable and drop target whenever a drag moves over another target. This
 * part holds the hooks that must re-run; the button below is memoized on plain values.
 */
export const Blank = memo(function Blank({ taskId, blank, order, solution }: BlankProps) {
  const view = useBlank(taskId, blank);
  const drag = useDragOption(`blank:${taskId}:${blank}`, view.option ?? '', blank, view.locked || view.option === undefined);
  const { setNode: setDropNode, isOver } = useDropTarget(`drop:${taskId}:${blank}`, blank, order, view.locked);
  return (
    <BlankButton
      taskId={taskId}
      blank={blank}
      solution={solution}
      {...view}
      isOver={isOver}
      dragProps={drag.props}
      isDragging={drag.isDragging}
      setDragNode={drag.setNode}
      setDropNode={setDropNode}
    />
  );
});

interface BlankButtonProps extends BlankView {
  readonly taskId: string;
  readonly blank: number;
  readonly solution: string | undefined;
  readonly isOver: boolean;
  readonly dragProps: DragHandle['props'];
  readonly isDragging: boolean;
  readonly setDragNode: DragHandle['setNode'];
  readonly setDropNode: DragHandle['setNode'];
}

const BlankButton = memo(function BlankButton(props: BlankButtonProps) {
  const { taskId, blank, solution, isOver, dragProps, isDragging, setDragNode, setDropNode } = props;
  const view = props;
  const strings = useStrings();
  const { selectBlank, clear } = useActions();
  const shown = solution ?? view.option;
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
    (dragProps.onKeyDown as ((e: KeyboardEvent) => void) | undefined)?.(event);
  };

  const className = [
    'cb-blank',
    shown === undefined ? 'cb-blank--empty' : 'cb-blank--filled',
    state ? `cb-blank--${state}` : '',
    view.selected ? 'cb-blank--selected' : '',
    isOver ? 'cb-blank--over' : '',
    isDragging ? 'cb-blank--dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <span className="cb-blank-wrap">
      <button
        type="button"
        {...dragProps}
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
