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

/** What the bank's one draggable carries: the option comes from the button the drag started on. */
const BANK_DRAG = { bank: true } as const;
const isBankDrag = (data: unknown) => (data as { bank?: boolean } | undefined)?.bank === true;

/** The option button an event started on, if it is one that can be dragged. */
function optionAt(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('[data-option]:not([aria-disabled="true"])') : null;
}

type Activator = { eventName: 'onMouseDown' | 'onTouchStart' | 'onKeyDown'; handler: unknown };
type Handler = (event: React.SyntheticEvent, options: unknown, context: { active: { data: { current: unknown } } }) => boolean;

/**
 * dnd-kit's own activator, except that for the bank's draggable it starts only on an option (not on
 * the gaps between them), and with `shift` only on Shift+Enter or Shift+Space: plain Enter and Space
 * stay clicks (select, then choose a blank).
 */
function onOptionsOnly(activators: readonly Activator[], shift = false): Activator[] {
  return activators.map(({ eventName, handler }) => ({
    eventName,
    handler: ((event, options, context) => {
      if (shift && !(event as React.KeyboardEvent).shiftKey) return false;
      if (isBankDrag(context.active.data.current)) {
        const button = optionAt(event.target);
        if (!button) return false;
        pressed.set(event.nativeEvent, button);
      }
      return (handler as Handler)(event, options, context);
    }) as Handler,
  }));
}

/**
 * The option each bank drag started on, by its starting event. Read while the event is dispatched:
 * by the time the drag starts, an event from inside a shadow root (the embed) names only its host.
 */
const pressed = new WeakMap<Event, HTMLElement>();

class OptionMouseSensor extends MouseSensor {
  static override activators = onOptionsOnly(MouseSensor.activators as Activator[]) as typeof MouseSensor.activators;
}
class OptionTouchSensor extends TouchSensor {
  static override activators = onOptionsOnly(TouchSensor.activators as Activator[]) as typeof TouchSensor.activators;
}
class ShiftKeyboardSensor extends KeyboardSensor {
  static override activators = onOptionsOnly(KeyboardSensor.activators as Activator[], true) as typeof KeyboardSensor.activators;
}

/** Where a pointer or finger was when a drag began (null for the keyboard). */
function pointAt(event: Event | null): { x: number; y: number } | null {
  if (!event) return null;
  const touch = 'touches' in event ? ((event as TouchEvent).touches[0] ?? (event as TouchEvent).changedTouches[0]) : undefined;
  if (touch) return { x: touch.clientX, y: touch.clientY };
  return 'clientX' in event ? { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY } : null;
}

export function TaskDnd({ taskId, children }: { taskId: string; children: ReactNode }) {
  const strings = useStrings();
  const { place, move, clear } = useActions();
  const [dragging, setDragging] = useState<DragData | null>(null);
  // What is being dragged, for the handlers (state arrives a render late); and, for the keyboard, the
  // target the arrow keys chose.
  const current = useRef<{ drag: DragData; start: { x: number; y: number } | null; button: HTMLElement | null } | null>(null);
  const keyboardTarget = useRef<string | number | null>(null);
  // The option the announcements speak of: kept after the drop, which dnd-kit announces after onDragEnd.
  const spoken = useRef<DragData | null>(null);
  const ghost = useRef<HTMLSpanElement>(null);

  const keyboard = useMemo(
    () => ({
      /**
       * Arrow keys jump from one drop target to the next in reading order (blanks, then the bank),
       * rather than nudging 25 px at a time as dnd-kit's default does.
       */
      coordinateGetter: ((event, { context }) => {
        const forward = ARROWS_FORWARD.includes(event.code);
        if (!forward && !ARROWS_BACK.includes(event.code)) return undefined;
        event.preventDefault();
        const { droppableContainers, droppableRects, collisionRect } = context;
        if (!collisionRect) return undefined;
        const targets = droppableContainers
          .getEnabled()
          .filter((c) => droppableRects.has(c.id))
          .sort((a, b) => ((a.data.current as DropData).order ?? 0) - ((b.data.current as DropData).order ?? 0));
        if (targets.length === 0) return undefined;
        const index = targets.findIndex((t) => t.id === keyboardTarget.current);
        const next = targets[index === -1 ? (forward ? 0 : targets.length - 1) : (index + (forward ? 1 : -1) + targets.length) % targets.length];
        const rect = next && droppableRects.get(next.id);
        if (!next || !rect) return undefined;
        keyboardTarget.current = next.id;
        return { x: rect.left + rect.width / 2 - collisionRect.width / 2, y: rect.top + rect.height / 2 - collisionRect.height / 2 };
      }) as KeyboardCoordinateGetter,
    }),
    [],
  );

  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click stays a click.
    useSensor(OptionMouseSensor, MOUSE),
    // A short press starts a touch drag; a swipe still scrolls the page.
    useSensor(OptionTouchSensor, TOUCH),
    useSensor(ShiftKeyboardSensor, keyboard),
  );

  /**
   * The pointer decides the target where it is over one. Otherwise a blank's option, dragged by its own
   * rectangle, goes where that rectangle overlaps most; the bank's draggable is the whole bank, so its
   * rectangle says nothing. A keyboard drag is over the target its arrow keys chose.
   */
  const collision = useCallback<CollisionDetection>((args) => {
    if (!args.pointerCoordinates) return keyboardTarget.current === null ? [] : [{ id: keyboardTarget.current }];
    const within = pointerWithin(args);
    return within.length > 0 || isBankDrag(args.active.data.current) ? within : rectIntersection(args);
  }, []);

  const onDragStart = useCallback(({ active, activatorEvent }: DragStartEvent) => {
    keyboardTarget.current = null;
    let drag = active.data.current as DragData | undefined;
    let button: HTMLElement | null = null;
    if (isBankDrag(drag)) {
      button = activatorEvent ? (pressed.get(activatorEvent) ?? null) : null;
      drag = button ? { option: button.dataset.option ?? '', fromBlank: null } : undefined;
      // Marked outside React's attributes, so the 200 other options do not re-render for it.
      button?.setAttribute('data-dragging', '');
    }
    current.current = drag ? { drag, start: pointAt(activatorEvent), button } : null;
    spoken.current = drag ?? null;
    setDragging(drag ?? null);
  }, []);

  // The ghost follows the pointer (or, for the keyboard, the chosen target) by writing its style
  // directly: no React render per move. dnd-kit's DragOverlay would do this for 1.5 KB gzip.
  const onDragMove = useCallback(({ active, delta }: DragMoveEvent) => {
    const el = ghost.current;
    const start = current.current?.start;
    let x: number;
    let y: number;
    if (start) {
      x = start.x + delta.x;
      y = start.y + delta.y;
    } else {
      const rect = active.rect.current.translated;
      if (!rect) return;
      x = rect.left + rect.width / 2;
      y = rect.top + rect.height / 2;
    }
    if (el) el.style.transform = `translate3d(${x}px,${y}px,0) translate(-50%,-50%)`;
  }, []);

  const finish = useCallback(() => {
    const ended = current.current;
    ended?.button?.removeAttribute('data-dragging');
    // A keyboard drag from the bank ends with the focus back on its option (dnd-kit would return it to
    // the bank, which takes no focus).
    if (ended && !ended.start && ended.button) {
      const button = ended.button;
      requestAnimationFrame(() => {
        if (button.isConnected) button.focus();
      });
    }
    current.current = null;
    keyboardTarget.current = null;
    setDragging(null);
  }, []);

  const onDragEnd = useCallback(
    ({ over }: DragEndEvent) => {
      const drag = current.current?.drag;
      finish();
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
    [clear, finish, move, place, taskId],
  );

  const accessibility = useMemo(() => {
    const optionOf = () => spoken.current?.option ?? '';
    const blankOf = (over: { data: { current?: unknown } } | null) => (over?.data.current as DropData | undefined)?.blank ?? null;
    const announcements: Announcements = {
      onDragStart: () => strings.dragPickedUp(optionOf()),
      onDragMove: () => undefined,
      // At pick-up an option is over its own bank: saying so would drown out "Picked up ...".
      onDragOver: ({ over }) =>
        blankOf(over) === null && spoken.current?.fromBlank === null ? undefined : strings.dragOver(optionOf(), blankOf(over)),
      onDragEnd: ({ over }) => strings.dragDropped(optionOf(), blankOf(over)),
      onDragCancel: () => strings.dragCancelled(optionOf()),
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
      onDragCancel={finish}
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

const MOUSE = { activationConstraint: { distance: 5 } };
const TOUCH = { activationConstraint: { delay: 180, tolerance: 8 } };

/** The props that make an element draggable; spread on a real <button>. */
export interface DragHandle {
  readonly setNode: (element: HTMLElement | null) => void;
  readonly props: Record<string, unknown>;
  readonly isDragging: boolean;
}

/**
 * Makes a filled blank's option draggable (the bank's options share one draggable: useDragBank).
 * dnd-kit's `role="button"` and `tabIndex` attributes are dropped: blanks are real buttons already.
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

/**
 * The bank: one drop target (an option dragged back is taken out of its blank) and one draggable for
 * all its options. With a draggable per option, dnd-kit re-rendered every option whenever a drag
 * started, crossed a target or ended: 200 renders at once in a bank of 200. The pressed option is read
 * from the event; `describedBy` is the id of the drag instructions, for each option button.
 */
export function useDragBank(taskId: string, order: number, disabled: boolean) {
  const { setNodeRef: setDragNode, listeners, attributes } = useDraggable({ id: `bank-drag:${taskId}`, data: BANK_DRAG, disabled });
  const { setNode: setDropNode, isOver } = useDropTarget(`bank:${taskId}`, null, order, disabled);
  const setNode = useCallback(
    (element: HTMLElement | null) => {
      setDragNode(element);
      setDropNode(element);
    },
    [setDragNode, setDropNode],
  );
  return { setNode, listeners, isOver, describedBy: attributes['aria-describedby'] };
}
