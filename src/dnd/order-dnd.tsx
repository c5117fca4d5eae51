/**
 * Drag and drop for line order (Parsons problems): one draggable area around the pool and the
 * program, as task-dnd.tsx does for the code and the bank. A drag starts only on a line button
 * (`data-line`); where it is comes from a hit test at the pointer (`data-slot` in the program, `data-pool`
 * for the pool), marked with `data-over` on the element, and the ghost is moved by writing its style: no
 * React render while a drag moves, however many lines there are. A drop calls the same function the
 * clicks and keys call. Keyboard users move lines with the buttons and keys of the view instead.
 */
import {
  DndContext,
  MouseSensor,
  TouchSensor,
  useDraggable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useCallback, useMemo, useRef, type ReactNode } from 'react';

/** Where a line was dropped: a slot of the program (1..n), the pool, or nowhere. */
export type DropPlace = { readonly slot: number } | 'pool' | null;

/*
 * The contract between the view and this drag layer (as src/dnd/contract.ts is for the bank): the view
 * spreads these attributes, and only this module reads them back.
 */
/** A line button that can be dragged (none while the task is locked). */
export const lineSource = (id: string | undefined): { 'data-line'?: string } => (id === undefined ? {} : { 'data-line': id });
/** A place of the program, which takes drops. */
export const slotTarget = (slot: number): { 'data-slot': number } => ({ 'data-slot': slot });
/** A line's button inside `root`, by its id (to give it the focus back after it moved). */
export const lineIn = (root: Element | null, id: string): HTMLElement | null => root?.querySelector<HTMLElement>(`[data-line="${CSS.escape(id)}"]`) ?? null;
/** The line of the button an event came from, if any (the lists handle their rows' clicks and keys). */
export const lineOf = (target: EventTarget): string | undefined => (target instanceof Element ? target.closest<HTMLElement>('[data-line]')?.dataset.line : undefined);
/** The place of the program an event came from, if any. */
export const slotOf = (target: EventTarget): number | undefined => {
  const slot = target instanceof Element ? target.closest<HTMLElement>('[data-slot]')?.dataset.slot : undefined;
  return slot === undefined ? undefined : Number(slot);
};
/** The pool, where a line from the program goes back. */
export const poolTarget = { 'data-pool': '' } as const;

type Activator = { eventName: 'onMouseDown' | 'onTouchStart'; handler: unknown };
type Handler = (event: React.SyntheticEvent, options: unknown, context: unknown) => boolean;

const lineAt = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[data-line]:not([aria-disabled="true"])') : null;

/** The line button each drag started on, by its starting event (read while the event is dispatched). */
const pressed = new WeakMap<Event, HTMLElement>();

function onLinesOnly(activators: readonly Activator[]): Activator[] {
  return activators.map(({ eventName, handler }) => ({
    eventName,
    handler: ((event, options, context) => {
      const button = lineAt(event.target);
      if (!button) return false;
      pressed.set(event.nativeEvent, button);
      return (handler as Handler)(event, options, context);
    }) as Handler,
  }));
}

class LineMouseSensor extends MouseSensor {
  static override activators = onLinesOnly(MouseSensor.activators as Activator[]) as typeof MouseSensor.activators;
}
class LineTouchSensor extends TouchSensor {
  static override activators = onLinesOnly(TouchSensor.activators as Activator[]) as typeof TouchSensor.activators;
}

const MOUSE = { activationConstraint: { distance: 5 } };
const MOVES = ['pointermove', 'touchmove'] as const;
/** Nothing collides: where a line is over is a hit test at the pointer (placeAt). */
const none: CollisionDetection = () => [];
const TOUCH = { activationConstraint: { delay: 180, tolerance: 8 } };

/** The slot or pool under a point, if it is inside `area`. */
function placeAt(area: Element, x: number, y: number): { place: DropPlace; element: HTMLElement | null } {
  const hit = (area.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);
  const slot = hit?.closest<HTMLElement>('[data-slot]');
  if (slot && area.contains(slot)) return { place: placeOf(slot), element: slot };
  const pool = hit?.closest<HTMLElement>('[data-pool]');
  if (pool && area.contains(pool)) return { place: 'pool', element: pool };
  return { place: null, element: null };
}

/** The place a marked slot or pool element stands for. */
const placeOf = (element: HTMLElement): DropPlace => (element.dataset.slot ? { slot: Number(element.dataset.slot) } : 'pool');

export interface OrderDndProps {
  readonly disabled: boolean;
  /** A line was dropped: its id, and where. */
  readonly onDrop: (id: string, place: DropPlace) => void;
  /** What screen readers hear, in the mode's words. */
  readonly say: { readonly picked: (id: string) => string; readonly dropped: (id: string, place: DropPlace) => string | undefined };
  readonly className: string;
  readonly children: ReactNode;
}

export function OrderDnd({ disabled, onDrop, say, className, children }: OrderDndProps) {
  const sensors = useSensors(useSensor(LineMouseSensor, MOUSE), useSensor(LineTouchSensor, TOUCH));
  const area = useRef<HTMLDivElement | null>(null);
  const ghost = useRef<HTMLSpanElement>(null);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const over = useRef<HTMLElement | null>(null);
  const dragged = useRef<{ id: string; button: HTMLElement } | null>(null);
  // The line and place the announcements speak of: dnd-kit announces a drop after onDragEnd.
  const spoken = useRef<{ id: string; place: DropPlace }>({ id: '', place: null });

  const frame = useRef(0);

  const mark = (element: HTMLElement | null) => {
    if (over.current === element) return;
    over.current?.removeAttribute('data-over');
    element?.setAttribute('data-over', '');
    over.current = element;
  };

  /** Once a frame: the place under the pointer is marked, and the ghost follows the pointer. */
  const paint = useCallback(() => {
    frame.current = 0;
    const at = pointer.current;
    if (!at || !area.current || !dragged.current) return;
    mark(placeAt(area.current, at.x, at.y).element);
    if (ghost.current) ghost.current.style.transform = `translate3d(${at.x}px,${at.y}px,0) translate(-50%,-50%)`;
  }, []);

  /**
   * Where the pointer or finger is, from the input events themselves: dnd-kit's own figure reaches us
   * only after React renders, so a release right after a move would land where the pointer was before.
   */
  const follow = useCallback(
    (event: PointerEvent | TouchEvent) => {
      const p = 'touches' in event ? event.touches[0] : event;
      if (!p) return;
      pointer.current = { x: p.clientX, y: p.clientY };
      frame.current ||= requestAnimationFrame(paint);
    },
    [paint],
  );

  const onDragStart = useCallback(
    ({ activatorEvent }: DragStartEvent) => {
      const button = activatorEvent ? pressed.get(activatorEvent) : undefined;
      if (!button) return;
      button.setAttribute('data-dragging', '');
      dragged.current = { id: button.dataset.line ?? '', button };
      spoken.current = { id: dragged.current.id, place: null };
      pointer.current = null;
      for (const type of MOVES) addEventListener(type, follow as EventListener, { capture: true, passive: true });
      // The ghost is written, not rendered: a React render here, and another at the drop, cost the
      // release 10 ms at 4x CPU (dnd-kit's own state change re-renders little else).
      if (ghost.current) {
        ghost.current.textContent = button.querySelector('code')?.textContent ?? '';
        ghost.current.setAttribute('data-active', '');
      }
    },
    [follow],
  );

  /** The drag is over: no more following, and (now or in the drop's frame) nothing marked. */
  const stop = useCallback(() => {
    for (const type of MOVES) removeEventListener(type, follow as EventListener, { capture: true });
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    const drag = dragged.current;
    dragged.current = null;
    return () => {
      drag?.button.removeAttribute('data-dragging');
      mark(null);
      ghost.current?.removeAttribute('data-active');
      if (ghost.current) ghost.current.style.transform = '';
    };
  }, [follow]);

  const onDragCancel = useCallback(() => stop()(), [stop]);

  const onDragEnd = useCallback(() => {
    const drag = dragged.current;
    const at = pointer.current;
    // The place marked in the last frame, when no move came after it; else a hit test at the pointer.
    const place = !at || !area.current ? null : frame.current === 0 && over.current ? placeOf(over.current) : placeAt(area.current, at.x, at.y).place;
    spoken.current = { id: spoken.current.id, place };
    const clear = stop();
    // In the next frame, once the browser has finished with the mouseup: moving the pressed (:active)
    // line's element while the press is still being handled makes Chromium update hover and active
    // state synchronously, twice over (60 ms at 4x CPU with 50 lines). The marks go in that frame too,
    // so the release's own hit test for the click finds the styles clean. The line lands in that frame.
    requestAnimationFrame(() => {
      clear();
      if (drag && place) onDrop(drag.id, place);
    });
  }, [stop, onDrop]);

  const accessibility = useMemo(() => {
    const announcements: Announcements = {
      onDragStart: () => say.picked(spoken.current.id),
      onDragMove: () => undefined,
      onDragOver: () => undefined,
      onDragEnd: () => say.dropped(spoken.current.id, spoken.current.place),
      onDragCancel: () => undefined,
    };
    // The area takes no focus and describes nothing: the lines' own keys are the view's (aria-describedby there).
    return { announcements, screenReaderInstructions: { draggable: '' } };
  }, [say]);

  return (
    <DndContext sensors={sensors} collisionDetection={none} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={onDragCancel} accessibility={accessibility}>
      <Area disabled={disabled} className={className} areaRef={area}>
        {children}
      </Area>
      <span ref={ghost} className="cb-chip cb-chip--overlay" aria-hidden="true" />
    </DndContext>
  );
}

function Area({ disabled, className, areaRef, children }: { disabled: boolean; className: string; areaRef: React.RefObject<HTMLDivElement | null>; children: ReactNode }) {
  const { setNodeRef, listeners } = useDraggable({ id: 'order', disabled });
  const setNode = useCallback(
    (element: HTMLDivElement | null) => {
      areaRef.current = element;
      setNodeRef(element);
    },
    [areaRef, setNodeRef],
  );
  return (
    <div ref={setNode} className={className} {...listeners}>
      {children}
    </div>
  );
}
