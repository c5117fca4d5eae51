/**
 * Drag and drop for one task: the only file family that imports @dnd-kit.
 *
 * One DndContext per task keeps a drag's re-renders inside its task and its drop targets to its own
 * blanks. Every drop ends in the same store actions that clicks and keys call (place, move, clear).
 * Screen readers hear our own words; dnd-kit's defaults would say "draggable item opt:grant-type:2".
 */
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type KeyboardSensorOptions,
} from '@dnd-kit/core';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useActions } from '../hooks/use-task.ts';
import { useStrings } from '../hooks/exercise-context.tsx';

/** What a dragged thing carries: the option, and the blank it came out of (null from the bank). */
interface DragData {
  readonly option: string;
  readonly fromBlank: number | null;
}

/** What a drop target is: a blank, or the bank (blank null). `order` is its place in reading order. */
interface DropData {
  readonly blank: number | null;
  readonly order: number;
}

const ARROWS_FORWARD = ['ArrowRight', 'ArrowDown'];
const ARROWS_BACK = ['ArrowLeft', 'ArrowUp'];

/**
 * Arrow keys jump from one drop target to the next in reading order (blanks, then the bank), rather
 * than nudging the option 25 px at a time as dnd-kit's default does.
 */
const jumpBetweenTargets: KeyboardCoordinateGetter = (event, { context }) => {
  const forward = ARROWS_FORWARD.includes(event.code);
  if (!forward && !ARROWS_BACK.includes(event.code)) return undefined;
  event.preventDefault();
  const { droppableContainers, droppableRects, collisionRect, over } = context;
  if (!collisionRect) return undefined;
  const targets = droppableContainers
    .getEnabled()
    .filter((c) => droppableRects.has(c.id))
    .sort((a, b) => ((a.data.current as DropData).order ?? 0) - ((b.data.current as DropData).order ?? 0));
  if (targets.length === 0) return undefined;
  const index = over ? targets.findIndex((t) => t.id === over.id) : -1;
  const nextIndex = index === -1 ? (forward ? 0 : targets.length - 1) : (index + (forward ? 1 : -1) + targets.length) % targets.length;
  const rect = droppableRects.get((targets[nextIndex] ?? targets[0])!.id);
  if (!rect) return undefined;
  return {
    x: rect.left + rect.width / 2 - collisionRect.width / 2,
    y: rect.top + rect.height / 2 - collisionRect.height / 2,
  };
};

/**
 * Enter and Space click an option (select it, then choose a blank); Shift+Enter or Shift+Space pick it
 * up for a keyboard drag. Both paths end in the same store action.
 */
class ShiftKeyboardSensor extends KeyboardSensor {
  static override activators = [
    {
      eventName: 'onKeyDown' as const,
      handler: (event: React.KeyboardEvent, options: KeyboardSensorOptions, context: { active: { activatorNode: { current: HTMLElement | null } } }) => {
        if (!event.shiftKey) return false;
        const handler = KeyboardSensor.activators[0]?.handler as unknown as (
          e: React.KeyboardEvent,
          o: KeyboardSensorOptions,
          c: unknown,
        ) => boolean;
        return handler(event, options, context);
      },
    },
  ];
}

/** The pointer decides the target where it is over one; otherwise the dragged chip's overlap does. */
const collision: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};

export function TaskDnd({ taskId, children }: { taskId: string; children: ReactNode }) {
  const strings = useStrings();
  const { place, move, clear } = useActions();
  const [dragging, setDragging] = useState<DragData | null>(null);
  const ghost = useRef<HTMLSpanElement>(null);

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click stays a click.
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    // A short press starts a touch drag; a swipe still scrolls the page.
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 8 } }),
    useSensor(ShiftKeyboardSensor, { coordinateGetter: jumpBetweenTargets }),
  );

  const onDragStart = useCallback((event: DragStartEvent) => {
    setDragging((event.active.data.current as DragData | undefined) ?? null);
  }, []);

  // The ghost follows the dragged item's rect (what collision detection uses) by writing its style
  // directly: no React render per pointer move. dnd-kit's DragOverlay would do this for 1.5 KB gzip.
  const onDragMove = useCallback(({ active }: DragMoveEvent) => {
    const rect = active.rect.current.translated;
    if (rect && ghost.current) ghost.current.style.transform = `translate3d(${rect.left}px, ${rect.top}px, 0)`;
  }, []);

  const onDragEnd = useCallback(
    ({ active, over }: DragEndEvent) => {
      setDragging(null);
      const drag = active.data.current as DragData | undefined;
      if (!drag) return;
      const target = over?.data.current as DropData | undefined;
      const to = target?.blank ?? null;
      if (to === null) {
        // Dropped on the bank, or outside any target: a placed option goes back to the bank.
        if (drag.fromBlank !== null) clear(taskId, drag.fromBlank);
        return;
      }
      if (drag.fromBlank === null) place(taskId, to, drag.option);
      else move(taskId, drag.fromBlank, to);
    },
    [clear, move, place, taskId],
  );

  const accessibility = useMemo(() => {
    const optionOf = (active: { data: { current?: unknown } }) => (active.data.current as DragData | undefined)?.option ?? '';
    const blankOf = (over: { data: { current?: unknown } } | null) => (over?.data.current as DropData | undefined)?.blank ?? null;
    const announcements: Announcements = {
      onDragStart: ({ active }) => strings.dragPickedUp(optionOf(active)),
      onDragMove: () => undefined,
      // At pick-up an option is over its own bank: saying so would drown out "Picked up ...".
      onDragOver: ({ active, over }) =>
        blankOf(over) === null && (active.data.current as DragData | undefined)?.fromBlank === null
          ? undefined
          : strings.dragOver(optionOf(active), blankOf(over)),
      onDragEnd: ({ active, over }) => strings.dragDropped(optionOf(active), blankOf(over)),
      onDragCancel: ({ active }) => strings.dragCancelled(optionOf(active)),
    };
    return { announcements, screenReaderInstructions: { draggable: strings.dragInstructions } };
  }, [strings]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={accessibility}
      autoScroll={{ threshold: { x: 0.1, y: 0.15 }, acceleration: 12 }}
    >
      {children}
      {dragging ? (
        // Fixed to the viewport, so the code block's sideways scroller never clips it.
        <span ref={ghost} className="cb-chip cb-chip--overlay" aria-hidden="true">
          {dragging.option}
        </span>
      ) : null}
    </DndContext>
  );
}

/** The props that make an element draggable; spread on a real <button>. */
export interface DragHandle {
  readonly setNode: (element: HTMLElement | null) => void;
  readonly props: Record<string, unknown>;
  readonly isDragging: boolean;
}

/**
 * Makes an option (from the bank, or placed in a blank) draggable. dnd-kit's `role="button"` and
 * `tabIndex` attributes are dropped: our draggables are real buttons already.
 */
export function useDragOption(id: string, option: string, fromBlank: number | null, disabled: boolean): DragHandle {
  const data = useMemo<DragData>(() => ({ option, fromBlank }), [option, fromBlank]);
  const { setNodeRef, listeners, attributes, isDragging } = useDraggable({ id, data, disabled });
  const props = useMemo(() => {
    const { role: _role, tabIndex: _tabIndex, 'aria-pressed': _pressed, 'aria-roledescription': _desc, ...rest } = attributes;
    return { ...rest, ...listeners };
  }, [attributes, listeners]);
  return { setNode: setNodeRef, props, isDragging };
}

/** Makes a blank (or the bank, with blank null) a drop target. */
export function useDropTarget(id: string, blank: number | null, order: number, disabled: boolean) {
  const data = useMemo<DropData>(() => ({ blank, order }), [blank, order]);
  const { setNodeRef, isOver } = useDroppable({ id, data, disabled });
  return { setNode: setNodeRef, isOver };
}
