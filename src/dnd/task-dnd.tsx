/**
 * Drag and drop for one task: the only file family that imports @dnd-kit.
 *
 * One DndContext per task keeps a drag within its task. The task has two draggables and two drop
 * targets: the code and the bank, each one of both. Which option a drag carries comes from the button
 * it started on; which blank it is over comes from a hit test at the pointer. So nothing in React
 * re-renders per blank or per option while a drag moves or ends: dnd-kit re-renders every draggable and
 * drop target on every move, and with one per blank and per option that was hundreds of renders.
 * Every drop ends in the same store actions that clicks and keys call (place, move, clear).
 * Screen readers hear our own words; dnd-kit's defaults would say "draggable item code-drag:grant-type".
 */
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type Collision,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useActions } from '../hooks/use-task.ts';
import { useStrings } from '../hooks/exercise-context.tsx';
import { SOURCE, TARGET, sourceOf, targetOf as blankOf, type DragSource } from './contract.ts';

/** What a dragged thing carries (src/dnd/contract.ts). */
type DragData = DragSource;

/** Where a drag is: over a blank (its number and button), over the bank (blank null), or nowhere. */
interface Target {
  readonly blank: number | null;
  readonly element: HTMLElement;
}

/** The code's and the bank's ids in one task's DndContext: each is one draggable and one drop target. */
const CODE = 'code';
const BANK = 'bank';

const ARROWS_FORWARD = ['ArrowRight', 'ArrowDown'];
const ARROWS_BACK = ['ArrowLeft', 'ArrowUp'];

/**
 * The button an event started on, if it holds an option that can be dragged: an option in the bank, or
 * a filled blank (a blank carries `data-option` only while it holds one and can give it up).
 */
function optionAt(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>(SOURCE) : null;
}

type Activator = { eventName: 'onMouseDown' | 'onTouchStart' | 'onKeyDown'; handler: unknown };
type Handler = (event: React.SyntheticEvent, options: unknown, context: unknown) => boolean;

/**
 * dnd-kit's own activator, except that the bank's and the code's draggables start only on an option (not
 * on the gaps between options, nor on the code around the blanks), and with `shift` only on Shift+Enter
 * or Shift+Space: plain Enter and Space stay clicks (select, then choose a blank). The drag carries the
 * option of the button it started on (see `pressed`).
 */
function onOptionsOnly(activators: readonly Activator[], shift = false): Activator[] {
  return activators.map(({ eventName, handler }) => ({
    eventName,
    handler: ((event, options, context) => {
      if (shift && !(event as React.KeyboardEvent).shiftKey) return false;
      const button = optionAt(event.target);
      if (!button) return false;
      pressed.set(event.nativeEvent, button);
      return (handler as Handler)(event, options, context);
    }) as Handler,
  }));
}

/**
 * The button each drag started on, by its starting event. Read while the event is dispatched:
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

/** The blank button under a point, if it is one of this code's. */
function blankAt(code: Element, x: number, y: number): HTMLElement | null {
  const root = code.getRootNode() as Document | ShadowRoot;
  const hit = root.elementFromPoint(x, y)?.closest<HTMLElement>(TARGET);
  return hit && code.contains(hit) ? hit : null;
}

const nodeOf = (container: DroppableContainer | undefined) => container?.node.current ?? null;
const targetOf = (collisions: Collision[] | null): Target | null => (collisions?.[0]?.data?.target as Target | undefined) ?? null;

export function TaskDnd({ taskId, children }: { taskId: string; children: ReactNode }) {
  const strings = useStrings();
  const { place, move, clear } = useActions();
  const [dragging, setDragging] = useState<DragData | null>(null);
  // What is being dragged, for the handlers (state arrives a render late).
  const current = useRef<{ drag: DragData; keyboard: boolean; button: HTMLElement } | null>(null);
  // Where the pointer or finger is now, in the window (null for the keyboard): dnd-kit's own figure,
  // which its collision detection is handed. A scroll moves the page under the pointer, not the pointer.
  const pointer = useRef<{ x: number; y: number } | null>(null);
  // Where the drag is: what the arrow keys chose, or the last hit test. Its blank wears `data-over`.
  const target = useRef<Target | null>(null);
  const keyboardTarget = useRef<Target | null>(null);
  // The option the announcements speak of: kept after the drop, which dnd-kit announces after onDragEnd.
  const spoken = useRef<DragData | null>(null);
  // Where the last drop landed (a blank, or null for the bank), for its announcement.
  const droppedIn = useRef<number | null>(null);
  // What was last said about where the drag is, so each target is announced once.
  const said = useRef<HTMLElement | null | undefined>(undefined);
  const ghost = useRef<HTMLSpanElement>(null);

  const keyboard = useMemo(
    () => ({
      /**
       * Arrow keys jump from one drop target to the next in reading order (the blanks, then the bank),
       * rather than nudging 25 px at a time as dnd-kit's default does.
       */
      coordinateGetter: ((event, { context }) => {
        const forward = ARROWS_FORWARD.includes(event.code);
        if (!forward && !ARROWS_BACK.includes(event.code)) return undefined;
        event.preventDefault();
        const { droppableContainers, collisionRect } = context;
        if (!collisionRect) return undefined;
        const code = nodeOf(droppableContainers.get(CODE));
        const bank = nodeOf(droppableContainers.get(BANK));
        const targets: Target[] = [
          ...[...(code?.querySelectorAll<HTMLElement>(TARGET) ?? [])].map((element) => ({ blank: blankOf(element), element })),
          ...(bank ? [{ blank: null, element: bank }] : []),
        ];
        if (targets.length === 0) return undefined;
        const index = targets.findIndex((t) => t.element === keyboardTarget.current?.element);
        const next = targets[index === -1 ? (forward ? 0 : targets.length - 1) : (index + (forward ? 1 : -1) + targets.length) % targets.length];
        if (!next) return undefined;
        keyboardTarget.current = next;
        const rect = next.element.getBoundingClientRect();
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
   * The pointer decides: over a blank of this task's code (a hit test, so what is on screen under the
   * pointer counts, however the page has scrolled), over the bank, or over nothing, where an option goes
   * back to the bank. A keyboard drag is over the target its arrow keys chose. The target rides in the
   * collision. dnd-kit runs this on every move and every scroll of the page, before onDragMove.
   */
  const collision = useCallback<CollisionDetection>((args) => {
    const hit = (id: string, found: Target | null): Collision[] => (found ? [{ id, data: { target: found } }] : []);
    const chosen = keyboardTarget.current;
    pointer.current = args.pointerCoordinates;
    if (!args.pointerCoordinates) return chosen ? hit(chosen.blank === null ? BANK : CODE, chosen) : [];
    const { x, y } = args.pointerCoordinates;
    const code = nodeOf(args.droppableContainers.find((c) => c.id === CODE));
    const blank = code ? blankAt(code, x, y) : null;
    if (blank) return hit(CODE, { blank: blankOf(blank), element: blank });
    const bank = args.droppableContainers.find((c) => c.id === BANK);
    const overBank = bank?.node.current && pointerWithin({ ...args, droppableContainers: [bank] }).length > 0;
    return overBank ? hit(BANK, { blank: null, element: bank.node.current as HTMLElement }) : [];
  }, []);

  /** Moves the `data-over` mark to the blank the drag is over now. */
  const aim = useCallback((next: Target | null) => {
    const before = target.current?.element;
    if (before === next?.element) return;
    if (target.current?.blank != null) before?.removeAttribute('data-over');
    if (next?.blank != null) next.element.setAttribute('data-over', '');
    target.current = next;
  }, []);

  const onDragStart = useCallback(({ activatorEvent }: DragStartEvent) => {
    keyboardTarget.current = null;
    said.current = undefined;
    const button = activatorEvent ? pressed.get(activatorEvent) : undefined;
    const drag: DragData | null = button ? sourceOf(button) : null;
    // Marked outside React's attributes, so nothing re-renders for it.
    button?.setAttribute('data-dragging', '');
    current.current = button && drag ? { drag, keyboard: 'key' in activatorEvent, button } : null;
    spoken.current = drag;
    setDragging(drag);
  }, []);

  // The ghost follows the pointer (or, for the keyboard, the chosen target) by writing its style
  // directly: no React render per move. dnd-kit's DragOverlay would do this for 1.5 KB gzip. Not from
  // the move's `delta`: that adds the page's scroll since pick-up, which drew the chip away from a
  // pointer resting while the wheel or the auto-scroll moved the page.
  const onDragMove = useCallback(
    ({ active, collisions }: DragMoveEvent) => {
      aim(targetOf(collisions));
      const el = ghost.current;
      let at = pointer.current;
      if (!at) {
        const rect = active.rect.current.translated;
        if (!rect) return;
        at = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      if (el) el.style.transform = `translate3d(${at.x}px,${at.y}px,0) translate(-50%,-50%)`;
    },
    [aim],
  );

  const finish = useCallback(() => {
    const ended = current.current;
    ended?.button.removeAttribute('data-dragging');
    aim(null);
    // A keyboard drag ends with the focus back on the button it started from (dnd-kit would return it
    // to the area, which takes no focus).
    if (ended?.keyboard) {
      const button = ended.button;
      requestAnimationFrame(() => {
        if (button.isConnected) button.focus();
      });
    }
    current.current = null;
    keyboardTarget.current = null;
    if (ghost.current) ghost.current.style.transform = '';
    setDragging(null);
  }, [aim]);

  const onDragEnd = useCallback(
    ({ collisions }: DragEndEvent) => {
      const drag = current.current?.drag;
      const to = targetOf(collisions)?.blank ?? null;
      droppedIn.current = to;
      finish();
      if (!drag) return;
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
    const announcements: Announcements = {
      onDragStart: () => strings.dragPickedUp(optionOf()),
      // Where the drag is, said once per target as it changes. At pick-up an option is over its own
      // bank: saying so would drown out "Picked up ...".
      onDragMove: () => {
        const now = target.current;
        if (said.current === (now?.element ?? null)) return undefined;
        said.current = now?.element ?? null;
        if (now?.blank == null && spoken.current?.fromBlank === null) return undefined;
        return strings.dragOver(optionOf(), now?.blank ?? null);
      },
      onDragOver: () => undefined,
      onDragEnd: () => strings.dragDropped(optionOf(), droppedIn.current),
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
      {/* Fixed to the viewport, so no box around the code or the bank clips it. Always there, and
          hidden between drags: its compositor layer is made once, not at every pick-up and drop. */}
      <span ref={ghost} className="cb-chip cb-chip--overlay" aria-hidden="true" data-active={dragging ? '' : undefined}>
        {dragging?.option}
      </span>
    </DndContext>
  );
}

const MOUSE = { activationConstraint: { distance: 5 } };
const TOUCH = { activationConstraint: { delay: 180, tolerance: 8 } };

/** The drag instructions' id (dnd-kit's hidden text), for each button that can start a drag. */
const Instructions = createContext<string | undefined>(undefined);
export const useDragInstructions = () => useContext(Instructions);

/** Both at once: one element that is its area's draggable and its drop target. */
function useArea(id: typeof CODE | typeof BANK, disabled: boolean) {
  const { setNodeRef: setDragNode, listeners, attributes } = useDraggable({ id, disabled });
  const { setNodeRef: setDropNode, isOver } = useDroppable({ id, disabled });
  const setNode = useCallback(
    (element: HTMLElement | null) => {
      setDragNode(element);
      setDropNode(element);
    },
    [setDragNode, setDropNode],
  );
  return { setNode, listeners, isOver, describedBy: attributes['aria-describedby'] };
}

/**
 * The code: a filled blank's option is dragged from here, to another blank, back to the bank or out of
 * the code, and an option is dropped here on a blank. Its lines wrap, so only the page scrolls during a
 * drag (dnd-kit auto-scrolls the ancestors of the target, or else of the dragged node). Its children are
 * elements made by the parent: they do not re-render with it.
 */
export function CodeDragArea({ disabled, children }: { disabled: boolean; children: ReactNode }) {
  const { setNode, listeners, describedBy } = useArea(CODE, disabled);
  return (
    <Instructions.Provider value={describedBy}>
      <code ref={setNode} {...listeners}>
        {children}
      </code>
    </Instructions.Provider>
  );
}

/**
 * The bank: an option dragged here from a blank is taken out of it; its options are dragged from it.
 * `describedBy` is the id of the drag instructions, for each option button.
 */
export function useDragBank(disabled: boolean) {
  return useArea(BANK, disabled);
}
