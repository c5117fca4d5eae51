/**
 * Line order (Parsons problems): the pool of lines ("Lines") and the learner's program ("Your
 * program"), n slots long. A line moves by drag (order-dnd.tsx), by click or tap (a line, then a place)
 * and by keyboard (the same, or the selected line's buttons and Alt+arrows); every way ends in one
 * `arrange` with a response the engine (src/engine/parsons.ts) made. After a wrong check, per-slot marks
 * and "Make it easier" (a distractor removed, or two lines joined) follow Ericson et al.'s adaptive
 * Parsons problems. Its own chunk, with its words and styles, loaded only when line order is chosen.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { named } from '../named.ts';
import type { Task } from '../../schema/exercise-schema.ts';
import { FRESH_PROGRESS, type Placements } from '../../engine/grading.ts';
import {
  applyAid,
  blocksOf,
  indentLine,
  insertLine,
  nextAid,
  arrangement,
  orderInteraction,
  withAid,
  placedList,
  poolBlocks,
  puzzleOf,
  removeLine,
  shiftLine,
  solutionResponse,
  type Puzzle,
} from '../../engine/parsons.ts';
import { OrderDnd, lineIn, lineOf, lineSource, poolTarget, slotOf, slotTarget, type DropPlace } from '../../dnd/order-dnd.tsx';
import { highlightTemplate, isLanguageReady, subscribeLanguages, type Piece } from '../../components/code/highlight.ts';
import type { ModeView, ShownStatus, WorkspaceProps } from '../../components/mode-view.tsx';
import { useExercise, useStrings } from '../../hooks/exercise-context.tsx';
import { useActions } from '../../hooks/use-task.ts';
import css from './order.css?inline';
import { ModeStyles } from '../styles.tsx';
import { en, sharedEn, type OrderStrings } from './strings.ts';
import type { Strings } from '../../i18n/table.ts';

const NONE: readonly string[] = [];
/** The selected line's buttons, by their words' keys in OrderStrings. */
const TOOLS = ['up', 'down', 'out', 'in', 'back'] as const;
type Tool = (typeof TOOLS)[number];

const title = named('Line order', 'Ordre des lignes');

// The French words, once fetched (prepare): English until then, and for every other language.
let french: { readonly fr: OrderStrings; readonly sharedFr: Partial<Strings> } | undefined;

/** Fetches the words for `lang` before the mode shows (French is a chunk of its own: 0.7 KB gzip here). */
export const prepare = async (lang: string): Promise<void> => {
  if (lang === 'fr') french ??= await import('./strings-fr.ts');
};

export const view: ModeView = {
  Workspace: function OrderWorkspace({ task, status }: WorkspaceProps) {
    const puzzle = puzzleOf(task);
    return puzzle ? <Order task={task} puzzle={puzzle} status={status} /> : null;
  },
  strings: (lang) => ({ ...title(lang), ...(lang === 'fr' && french ? french.sharedFr : sharedEn) }),
};

/** How the learner answers in line order: the store checks every arrangement with it. */
export const interaction = orderInteraction;

function useOrderStrings(): OrderStrings {
  return useStrings().lang === 'fr' && french ? french.fr : en;
}

/** Each pool line's code as highlighted pieces, once per puzzle (and again when the grammar arrives). */
function usePieces(puzzle: Puzzle, language: string): ReadonlyMap<string, Piece[]> {
  const ready = useSyncExternalStore(subscribeLanguages, () => isLanguageReady(language), () => false);
  return useMemo(
    () =>
      new Map(
        puzzle.lines.map((l) => [l.id, highlightTemplate({ lines: [[{ kind: 'text', text: l.text }]], occurrences: [] }, ready ? language : '')[0] ?? []]),
      ),
    [puzzle, language, ready],
  );
}

function Order({ task, puzzle, status }: { task: Task; puzzle: Puzzle; status: ShownStatus }) {
  const t = useOrderStrings();
  // The task's progress object changes only when this task does (the store keeps the others' objects).
  const { placements, aids = NONE, lastCheck } = useExercise((s) => s.progress[task.id] ?? FRESH_PROGRESS);
  const { respond } = useActions();
  const [selected, setSelected] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [helped, setHelped] = useState('');
  const refocus = useRef<string | null>(null);
  const program = useRef<HTMLOListElement>(null);
  const pieces = usePieces(puzzle, task.language);
  const byId = useMemo(() => new Map(puzzle.lines.map((l) => [l.id, l])), [puzzle]);
  // A pool line's indent as shown: none where the learner sets it (the indent is part of the answer).
  const levels = useMemo(() => new Map(puzzle.lines.map((l) => [l.id, puzzle.indent ? 0 : l.level])), [puzzle]);
  const joined = useMemo(() => new Set(blocksOf(puzzle, aids).flatMap((b) => (b.length > 1 ? b : []))), [puzzle, aids]);
  const locked = status !== 'active';
  const failed = status === 'failed';
  const shown = failed ? solutionResponse(puzzle) : placements;
  const list = placedList(shown);
  const pool = locked ? [] : poolBlocks(puzzle, aids, placements);
  const n = puzzle.solution.length;
  const textOf = (id: string) => byId.get(id)?.text ?? '';
  const wrongCheck = !locked && !!lastCheck && Object.values(lastCheck.correct).some((ok) => !ok);
  const help = wrongCheck ? nextAid(puzzle, aids, placements) : null;

  // Keyed lists move a line's element when it moves, which drops the focus: put it back.
  useLayoutEffect(() => {
    const id = refocus.current;
    refocus.current = null;
    const line = id ? lineIn(program.current, id) : null;
    if (!line) return;
    // Without the browser's scroll into view, which costs ten times the focus itself (60 ms at 4x CPU
    // with 50 lines); a line moved past the screen's edge by keyboard is brought back into view.
    line.focus({ preventScroll: true });
    const { top, bottom } = line.getBoundingClientRect();
    if (top < 0 || bottom > innerHeight) line.scrollIntoView({ block: 'nearest' });
  });

  const commit = (next: Placements, message: string, focus?: string) => {
    if (focus) refocus.current = focus;
    respond(task.id, (t, p) => arrangement(t, p, next));
    setSaid(message);
  };

  /**
   * Puts a line at a slot (1..n): before the line there, or after it when moving a line down. The focus
   * follows the line for keys and taps; a drop by pointer leaves it (focusing forces a second style
   * recalculation into the drop's frame, and a pointer needs no focus ring).
   */
  const put = (id: string, slot: number, follow = true) => {
    const from = list.findIndex((p) => p.id === id);
    const at = slot > list.length ? list.length : from >= 0 && from < slot - 1 ? slot : slot - 1;
    const next = insertLine(puzzle, aids, placements, id, at);
    const landed = placedList(next).findIndex((p) => p.id === id) + 1;
    setSelected(null);
    commit(next, t.sayPlaced(textOf(id), landed), follow ? id : undefined);
  };

  const back = (id: string) => {
    setSelected(null);
    commit(removeLine(puzzle, aids, placements, id), t.sayRemoved(textOf(id)));
  };

  /** A click or tap on a line selects it, or lets it go when it was selected. */
  const pick = (id: string | undefined) => id && setSelected(selected === id ? null : id);

  const shift = (id: string, by: -1 | 1) => {
    const next = shiftLine(puzzle, aids, placements, id, by);
    commit(next, t.sayPlaced(textOf(id), placedList(next).findIndex((p) => p.id === id) + 1), id);
  };

  const indent = (id: string, by: -1 | 1) => {
    const level = (list.find((p) => p.id === id)?.indent ?? 0) + by;
    const next = indentLine(puzzle, aids, placements, id, level);
    commit(next, t.sayLevel(textOf(id), placedList(next).find((p) => p.id === id)?.indent ?? 0), id);
  };

  const tool = (id: string, k: Tool) =>
    k === 'back' ? back(id) : k === 'up' || k === 'down' ? shift(id, k === 'up' ? -1 : 1) : indent(id, k === 'in' ? 1 : -1);

  const onDrop = (id: string, place: DropPlace) => {
    if (place === 'pool') {
      if (list.some((p) => p.id === id)) back(id);
    } else if (place) put(id, place.slot, false);
  };

  const onSlotKey = (event: KeyboardEvent, id: string | undefined) => {
    if (event.key === 'Escape') return setSelected(null);
    if (!id || locked) return;
    const keys: Record<string, () => void> = {
      ArrowUp: () => shift(id, -1),
      ArrowDown: () => shift(id, 1),
      ...(puzzle.indent ? { ArrowLeft: () => indent(id, -1), ArrowRight: () => indent(id, 1) } : {}),
    };
    const action = event.altKey ? keys[event.key] : event.key === 'Delete' || event.key === 'Backspace' ? () => back(id) : undefined;
    if (!action) return;
    event.preventDefault();
    action();
  };

  const say = useMemo(
    () => ({
      picked: (id: string) => t.saySelected(textOf(id)),
      dropped: () => undefined,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, byId],
  );

  const keysId = `cb-order-keys-${task.id}`;

  return (
    <div className="cb-order">
      <ModeStyles css={css} />
      {locked ? null : <p className="cb-instructions">{t.instructions}</p>}
      <p id={keysId} hidden>
        {t.keys}
      </p>
      <OrderDnd disabled={locked} onDrop={onDrop} say={say} className="cb-order-areas">
        {locked ? null : (
          <div role="group" {...poolTarget} aria-labelledby={`${keysId}-pool`}>
            <h3 id={`${keysId}-pool`}>{t.pool}</h3>
            {pool.length === 0 ? <p>{t.poolEmpty}</p> : null}
            <ul onClick={(e) => pick(lineOf(e.target))} onKeyDown={(e) => e.key === 'Escape' && setSelected(null)} onContextMenu={noMenu}>
              {pool.map((block) => (
                <PoolRow
                  key={block[0]}
                  ids={block.join(' ')}
                  label={t.poolLine(block.map(textOf).join(' / '), block.length)}
                  pressed={selected === block[0]}
                  pieces={pieces}
                  levels={levels}
                />
              ))}
            </ul>
          </div>
        )}
        <div role="group" aria-labelledby={`${keysId}-program`}>
          <h3 id={`${keysId}-program`}>{t.program}</h3>
          <ol
            ref={program}
            onClick={(e) => {
              const slot = slotOf(e.target);
              if (locked || slot === undefined) return;
              const id = list[slot - 1]?.id;
              if (selected && selected !== id) put(selected, slot);
              else pick(id);
            }}
            onKeyDown={(e) => {
              const slot = slotOf(e.target);
              if (slot !== undefined) onSlotKey(e, list[slot - 1]?.id);
            }}
            onContextMenu={noMenu}
          >
            {Array.from({ length: n }, (_, i) => {
              const slot = i + 1;
              const placed = list[i];
              const line = placed && byId.get(placed.id);
              const id = line?.id;
              const graded = !failed && lastCheck && id !== undefined && lastCheck.placements[slot] === placements[slot] ? lastCheck.correct[slot] : undefined;
              const state = failed ? 'solution' : graded === true ? 'right' : graded === false ? 'wrong' : undefined;
              const level = puzzle.indent ? (placed?.indent ?? 0) : (line?.level ?? 0);
              const name = line
                ? [t.slotFilled(slot, line.text), puzzle.indent ? t.level(level) : '', state ? t[state] : ''].filter(Boolean).join(', ')
                : t.slotEmpty(slot);
              const tools = !locked && id !== undefined && selected === id;
              return (
                <SlotRow
                  key={id ?? `empty-${slot}`}
                  slot={slot}
                  id={id}
                  name={name}
                  state={state}
                  level={level}
                  locked={locked}
                  pressed={locked || id === undefined ? undefined : selected === id}
                  joined={id !== undefined && joined.has(id)}
                  described={id && !locked ? keysId : undefined}
                  pieces={pieces}
                >
                  {tools ? (
                    <div className="cb-order-tools" role="group" aria-label={t.lineTools(slot)}>
                      {(puzzle.indent ? TOOLS : TOOLS.filter((k) => k !== 'out' && k !== 'in')).map((k) => {
                        const off = k === 'up' ? i === 0 : k === 'down' ? i === list.length - 1 : k === 'out' ? level === 0 : k === 'in' && level >= puzzle.maxLevel;
                        // aria-disabled, not disabled: the focus stays on a button that turns itself off.
                        return (
                          <button key={k} type="button" className="cb-button" aria-disabled={off || undefined} onClick={() => !off && tool(id, k)}>
                            {t[k]}
                          </button>
                        );
                      })}
                    </div>
                  ) : null}
                </SlotRow>
              );
            })}
          </ol>
        </div>
      </OrderDnd>
      {help ? (
        <button
          type="button"
          className="cb-button"
          onClick={() => {
            const next = applyAid(puzzle, aids, placements, help);
            setSelected(null);
            respond(task.id, (_, p) => withAid(p, help));
            respond(task.id, (t, p) => arrangement(t, p, next.response));
            setHelped(t.helped(help.startsWith('drop') ? 'drop' : 'join'));
          }}
        >
          {t.help}
        </button>
      ) : null}
      <p role="status" className={helped ? undefined : 'cb-visually-hidden'}>
        {helped}
      </p>
      <p role="status" className="cb-visually-hidden">
        {said}
      </p>
    </div>
  );
}

const noMenu = (event: MouseEvent) => event.preventDefault();

/*
 * The rows are memoized, with no handlers of their own (the lists handle clicks and keys for them), so a
 * drop re-renders and commits the rows it changed and not the other ninety: on the first drop, while
 * the code is still cold, that commit was most of the frame.
 */

/** A block of the pool: one line, or lines joined by "Make it easier" (`ids` space-separated). */
const PoolRow = memo(function PoolRow(props: { ids: string; label: string; pressed: boolean; pieces: ReadonlyMap<string, Piece[]>; levels: ReadonlyMap<string, number> }) {
  const block = props.ids.split(' ');
  return (
    <li>
      <button
        type="button"
        className={`cb-order-line${block.length > 1 ? ' cb-order-joined' : ''}`}
        {...lineSource(block[0])}
        aria-pressed={props.pressed}
        aria-label={props.label}
      >
        <span>
          {block.map((id) => (
            <Code key={id} pieces={props.pieces.get(id)} level={props.levels.get(id) ?? 0} />
          ))}
        </span>
      </button>
    </li>
  );
});

interface SlotProps {
  slot: number;
  /** The line placed here, if any. */
  id: string | undefined;
  name: string;
  state: 'right' | 'wrong' | 'solution' | undefined;
  level: number;
  locked: boolean;
  pressed: boolean | undefined;
  joined: boolean;
  described: string | undefined;
  pieces: ReadonlyMap<string, Piece[]>;
  /** The selected line's buttons (none otherwise, so the others' rows skip the render). */
  children: ReactNode;
}

/** A place of the program, empty or holding a line. */
const SlotRow = memo(function SlotRow({ slot, id, name, state, level, locked, pressed, joined, described, pieces, children }: SlotProps) {
  return (
    <li>
    <button
      type="button"
      className={['cb-order-line', id ? '' : 'cb-order-empty', state ? `cb-order-${state}` : '', joined ? 'cb-order-joined' : ''].filter(Boolean).join(' ')}
      {...slotTarget(slot)}
      {...lineSource(locked ? undefined : id)}
      aria-label={name}
      aria-pressed={pressed}
      aria-disabled={locked || undefined}
      aria-describedby={described}
    >
      <b aria-hidden="true">{slot}</b>
      {id ? <Code pieces={pieces.get(id)} level={level} /> : null}
      {state && state !== 'solution' ? <i aria-hidden="true">{state === 'right' ? '✓' : '✗'}</i> : null}
    </button>
    {children}
    </li>
  );
});

/** A line's highlighted code; memoized, so a move re-renders the buttons and not every token in them. */
const Code = memo(function Code({ pieces = [], level }: { pieces: readonly Piece[] | undefined; level: number }) {
  return (
    <code style={level ? ({ '--l': level } as React.CSSProperties) : undefined}>
      {pieces.map((piece, i) => (piece.kind === 'text' ? <span key={i} className={piece.className || undefined}>{piece.text}</span> : null))}
    </code>
  );
});
