/**
 * Line order (Parsons problems): the rules as pure functions over (task, response, aids).
 *
 * A task's solved code (each blank filled with its first accepted answer) becomes a shuffled pool of
 * lines; a line holding a blank also appears in a wrong variant, filled with a mistake's option, as a
 * distractor that belongs nowhere. The learner's response is an ordered list kept as `Placements`:
 * slot 1..k (no gaps, k at most the solution's length) -> an encoded value naming a pool line and, for
 * indentation-sensitive languages, the indent level the learner gave it.
 *
 * Help after a wrong check follows the adaptive Parsons problems of Ericson et al. (ICER 2018): first
 * remove a distractor, then join two lines that belong together, until three blocks are left. Each help
 * is an opaque token (`drop:<id>`, `join:<id>`) kept in the task's progress; given the tokens, the pool
 * and the moves change accordingly. The response never loses its meaning: a block is only a constraint
 * that its lines sit together, in order.
 */
import type { Task } from '../schema/exercise-schema.ts';
import { acceptedAnswers, offered, solutionOf, type Change, type Interaction, type Placements, type TaskProgress, type XapiInteraction } from './grading.ts';
import { hashString } from './scoring.ts';
import { seededShuffle } from './seeded.ts';
import { parseTemplate, type Segment } from './template.ts';

/** One line of the pool. */
export interface PoolLine {
  /** Stable per task (its place in the seeded shuffle); names the line in responses, aids and xAPI. */
  readonly id: string;
  /** The code, without leading or trailing whitespace (the indent is `level`). */
  readonly text: string;
  /** Its indent level in the solution (a distractor: the level of the line it varies). */
  readonly level: number;
  /** True for a wrong variant, which belongs nowhere. */
  readonly distractor: boolean;
  /** A distractor filled from a mistake's `when`: that mistake's index in `task.mistakes`. */
  readonly mistake?: number;
}

export interface Puzzle {
  /** Every line of the pool, solution lines and distractors, in the seeded order the learner sees. */
  readonly lines: readonly PoolLine[];
  /** The ids of the solution lines in solution order: slot s holds `solution[s - 1]`'s text. */
  readonly solution: readonly string[];
  /** Whether the learner sets each line's indent (and it is graded). */
  readonly indent: boolean;
  /** The highest indent level the learner may give (one past the solution's deepest). */
  readonly maxLevel: number;
  /** One indent level as written in the solution (spaces or a tab), for showing code as written. */
  readonly unit: string;
}

/** One placed line: its pool id and (for indentation-sensitive languages) the learner's indent level. */
export interface Placed {
  readonly id: string;
  readonly indent: number;
}

/**
 * Languages where indentation is syntax (written as authors write them, lower case). Kept as a short
 * list rather than resolved through the highlighter's table of names, which would weigh on every page.
 */
const INDENT_SENSITIVE = new Set('python python3 py yaml yml haskell hs coffeescript coffee nim fsharp f# pug sass elm'.split(' '));

export const indentSensitive = (language: string): boolean => INDENT_SENSITIVE.has(language.trim().toLowerCase());

/** Fewer lines than this make no puzzle: the task is left out of line order. */
export const MIN_LINES = 3;
/** After a join, at least this many blocks are left (Ericson et al. stop combining at three). */
const MIN_BLOCKS = 3;
const TAB_WIDTH = 4;

const fill = (segments: readonly Segment[], values: Readonly<Record<number, string>>): string =>
  segments.map((s) => (s.kind === 'text' ? s.text : (values[s.blank] ?? ''))).join('');

/** The solved code, line by line (blank lines included), each blank holding its first accepted answer. */
export function solvedLines(task: Task): string[] {
  const solution = solutionOf(task);
  return parseTemplate(task.code).lines.map((segments) => fill(segments, solution).trimEnd());
}

/** Whether line order can play this task: three lines or more once blank lines are left out. */
export const orderEligible = (task: Task): boolean => solvedLines(task).filter((l) => l.trim()).length >= MIN_LINES;

const widthOf = (line: string): number => {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width += 1;
    else if (c === '\t') width += TAB_WIDTH;
    else break;
  }
  return width;
};

/**
 * A wrong variant for each line holding a blank: a mistake whose `when` names only blanks of this line
 * fills them with its first option; else the first blank gets the first option it offers (its group's, with a bank per blank) and does not accept.
 * Variants that read like a solution line (or like another variant) are left out: they would be right.
 */
function distractors(task: Task, segmentsByLine: readonly (readonly Segment[])[], keep: readonly number[], taken: Set<string>) {
  const solution = solutionOf(task);
  const found: { line: number; text: string; mistake?: number }[] = [];
  for (const line of keep) {
    const segments = segmentsByLine[line] ?? [];
    const blanks = [...new Set(segments.flatMap((s) => (s.kind === 'blank' ? [s.blank] : [])))];
    if (blanks.length === 0) continue;
    const candidates: { values: Record<number, string>; mistake?: number }[] = [];
    task.mistakes?.forEach((mistake, index) => {
      const when = Object.entries(mistake.when ?? {});
      if (when.length === 0 || !when.every(([b]) => blanks.includes(Number(b)))) return;
      const values: Record<number, string> = { ...solution };
      for (const [b, choice] of when) values[Number(b)] = (Array.isArray(choice) ? choice[0] : choice) ?? '';
      candidates.push({ values, mistake: index });
    });
    for (const blank of blanks) {
      const wrong = offered(task, blank).find((o) => !acceptedAnswers(task, blank).includes(o));
      if (wrong !== undefined) candidates.push({ values: { ...solution, [blank]: wrong } });
    }
    for (const candidate of candidates) {
      const text = fill(segments, candidate.values).trim();
      if (!text || taken.has(text)) continue;
      taken.add(text);
      found.push({ line, text, ...(candidate.mistake === undefined ? {} : { mistake: candidate.mistake }) });
      break;
    }
  }
  return found;
}

/** The puzzle a task makes, or null when it has fewer than three lines. Same task, same puzzle. */
export function buildPuzzle(task: Task): Puzzle | null {
  const solved = solvedLines(task);
  const keep = solved.flatMap((line, index) => (line.trim() ? [index] : []));
  if (keep.length < MIN_LINES) return null;
  const widths = keep.map((i) => widthOf(solved[i] ?? ''));
  const step = Math.min(...widths.filter((w) => w > 0), Infinity);
  const levelOf = (i: number) => (step === Infinity ? 0 : Math.round(widthOf(solved[i] ?? '') / step));
  const tabbed = keep.some((i) => solved[i]?.startsWith('\t'));
  const unit = tabbed ? '\t' : ' '.repeat(step === Infinity ? 4 : step);

  const entries: Omit<PoolLine, 'id'>[] = keep.map((i) => ({ text: (solved[i] ?? '').trim(), level: levelOf(i), distractor: false }));
  const taken = new Set(entries.map((e) => e.text));
  for (const d of distractors(task, parseTemplate(task.code).lines, keep, taken)) {
    entries.push({ text: d.text, level: levelOf(d.line), distractor: true, ...(d.mistake === undefined ? {} : { mistake: d.mistake }) });
  }

  // Seeded by the task's content, so a reload (and every learner) sees the same order; a shuffle that
  // happens to keep the solution lines in order is no puzzle, so the next seed is tried.
  const seed = hashString(`${task.id}\n${solved.join('\n')}`);
  const indexes = entries.map((_, i) => i);
  let order = seededShuffle(indexes, seed);
  for (let attempt = 1; attempt < 20 && inSolutionOrder(order, keep.length); attempt += 1) order = seededShuffle(indexes, seed + attempt);
  if (inSolutionOrder(order, keep.length)) {
    const [a, b] = [order.indexOf(0), order.indexOf(1)];
    [order[a], order[b]] = [1, 0];
  }
  const ids = new Map(order.map((entry, position) => [entry, `l${position + 1}`]));
  const lines = order.map((entry) => ({ id: ids.get(entry) ?? '', ...(entries[entry] as Omit<PoolLine, 'id'>) }));
  const levels = entries.map((e) => e.level);
  return {
    lines,
    solution: keep.map((_, i) => ids.get(i) ?? ''),
    indent: indentSensitive(task.language),
    maxLevel: Math.max(...levels) + 1,
    unit,
  };
}

/** Whether the solution lines (entries 0..n-1) appear in the pool in solution order. */
function inSolutionOrder(order: readonly number[], n: number): boolean {
  const seen = order.filter((i) => i < n);
  return seen.every((v, i) => v === i);
}

const cache = new WeakMap<Task, Puzzle | null>();

/** `buildPuzzle`, once per task object (the interaction is asked about the same task on every event). */
export function puzzleOf(task: Task): Puzzle | null {
  if (!cache.has(task)) cache.set(task, buildPuzzle(task));
  return cache.get(task) ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Encoding: slot -> "id" (indent not graded) or "id:level" (indent graded).

export function encodePlaced(puzzle: Pick<Puzzle, 'indent'>, placed: Placed): string {
  return puzzle.indent ? `${placed.id}:${placed.indent}` : placed.id;
}

/** The line and indent a slot's value names; an indent that is missing or not a whole number is 0. */
export function decodePlaced(value: string): Placed {
  const at = value.lastIndexOf(':');
  if (at < 0) return { id: value, indent: 0 };
  const indent = Number(value.slice(at + 1));
  return { id: value.slice(0, at), indent: Number.isInteger(indent) && indent >= 0 ? indent : 0 };
}

/** The response as a list, in slot order (slots without a value are skipped). */
export function placedList(response: Placements): Placed[] {
  return Object.keys(response)
    .map(Number)
    .filter((slot) => Number.isInteger(slot) && slot >= 1)
    .sort((a, b) => a - b)
    .map((slot) => decodePlaced(response[slot] ?? ''));
}

/** A list back to a response: slots 1..k. */
export function toResponse(puzzle: Pick<Puzzle, 'indent'>, list: readonly Placed[]): Placements {
  const out: Record<number, string> = {};
  list.forEach((placed, index) => (out[index + 1] = encodePlaced(puzzle, placed)));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Aids: help that makes the problem easier.

export type Aid = { readonly kind: 'drop'; readonly id: string } | { readonly kind: 'join'; readonly id: string };

export const aidToken = (aid: Aid): string => `${aid.kind}:${aid.id}`;

/** A token back to its aid; a token this puzzle does not know (another version of the task) is null. */
export function parseAid(puzzle: Puzzle, token: string): Aid | null {
  const [kind, id = ''] = token.split(':');
  if (kind === 'drop') return puzzle.lines.some((l) => l.id === id && l.distractor) ? { kind, id } : null;
  if (kind === 'join') {
    const at = puzzle.solution.indexOf(id);
    return at >= 0 && at < puzzle.solution.length - 1 ? { kind, id } : null;
  }
  return null;
}

/**
 * The pool as blocks: each block is one or more line ids that move together (a joined run of solution
 * lines, in solution order), in the order the pool shows them. Removed distractors are gone.
 */
export function blocksOf(puzzle: Puzzle, aids: readonly string[]): string[][] {
  const dropped = new Set<string>();
  const joined = new Set<string>();
  for (const token of aids) {
    const aid = parseAid(puzzle, token);
    if (aid?.kind === 'drop') dropped.add(aid.id);
    if (aid?.kind === 'join') joined.add(aid.id);
  }
  const blocks: string[][] = [];
  let run: string[] = [];
  for (const id of puzzle.solution) {
    run.push(id);
    if (!joined.has(id)) {
      blocks.push(run);
      run = [];
    }
  }
  for (const line of puzzle.lines) if (line.distractor && !dropped.has(line.id)) blocks.push([line.id]);
  const position = new Map(puzzle.lines.map((l, i) => [l.id, i]));
  const first = (block: readonly string[]) => Math.min(...block.map((id) => position.get(id) ?? 0));
  return blocks.sort((a, b) => first(a) - first(b));
}

/** The block a line belongs to (itself alone when it is in none, or unknown). */
function blockOf(blocks: readonly (readonly string[])[], id: string): readonly string[] {
  return blocks.find((b) => b.includes(id)) ?? [];
}

/**
 * The response made consistent with the puzzle and the aids: unknown, repeated and removed lines go,
 * a block whose lines are not together and in order goes back to the pool whole, indents are clamped
 * (and 0 where they are not the learner's to set), slots are 1..k with k at most the solution's length.
 */
export function normalize(puzzle: Puzzle, aids: readonly string[], response: Placements): Placements {
  const blocks = blocksOf(puzzle, aids);
  const known = new Set(blocks.flat());
  const seen = new Set<string>();
  const list = placedList(response).filter((p) => known.has(p.id) && !seen.has(p.id) && Boolean(seen.add(p.id)));
  const broken = new Set<string>();
  for (const block of blocks) {
    if (block.length < 2 || !block.some((id) => seen.has(id))) continue;
    const at = list.findIndex((p) => p.id === block[0]);
    if (at < 0 || block.some((id, k) => list[at + k]?.id !== id)) for (const id of block) broken.add(id);
  }
  const clean = list
    .filter((p) => !broken.has(p.id))
    .map((p) => ({ id: p.id, indent: puzzle.indent ? Math.min(p.indent, puzzle.maxLevel) : 0 }));
  return toResponse(puzzle, trimTo(clean, blocks, puzzle.solution.length));
}

/** Drops whole blocks from the end until the list fits the answer's slots. */
function trimTo(list: Placed[], blocks: readonly (readonly string[])[], slots: number): Placed[] {
  const out = [...list];
  while (out.length > slots) {
    const last = blockOf(blocks, out[out.length - 1]?.id ?? '');
    out.splice(out.length - Math.max(1, last.length));
  }
  return out;
}

/** The blocks not in the answer, in pool order: what the "Lines" area shows. */
export function poolBlocks(puzzle: Puzzle, aids: readonly string[], response: Placements): string[][] {
  const placed = new Set(placedList(response).map((p) => p.id));
  return blocksOf(puzzle, aids).filter((block) => !block.some((id) => placed.has(id)));
}

/**
 * Puts a line's block into the answer before position `at` (0-based; the answer's length appends),
 * or moves it there when it is already in. When the answer has no room, the blocks at `at` (or the last
 * ones) go back to the pool, as a line dropped on a full answer replaces what it lands on.
 */
export function insertLine(puzzle: Puzzle, aids: readonly string[], response: Placements, id: string, at: number): Placements {
  const blocks = blocksOf(puzzle, aids);
  const block = blockOf(blocks, id);
  if (block.length === 0) return normalize(puzzle, aids, response);
  let list = placedList(normalize(puzzle, aids, response));
  const previous = new Map(list.map((p) => [p.id, p.indent]));
  let index = Math.max(0, Math.min(at, list.length));
  index -= list.slice(0, index).filter((p) => block.includes(p.id)).length;
  list = list.filter((p) => !block.includes(p.id));
  const slots = puzzle.solution.length;
  while (list.length + block.length > slots && list.length > 0) {
    const victimAt = Math.min(index, list.length - 1);
    const victim = blockOf(blocks, list[victimAt]?.id ?? '');
    const start = list.findIndex((p) => victim.includes(p.id));
    list = list.filter((p) => !victim.includes(p.id));
    if (start < index) index = Math.min(index, start);
  }
  list.splice(index, 0, ...block.map((lineId) => ({ id: lineId, indent: previous.get(lineId) ?? 0 })));
  return toResponse(puzzle, list.slice(0, slots));
}

/** Takes a line's block out of the answer, back to the pool. */
export function removeLine(puzzle: Puzzle, aids: readonly string[], response: Placements, id: string): Placements {
  const block = blockOf(blocksOf(puzzle, aids), id);
  return toResponse(puzzle, placedList(normalize(puzzle, aids, response)).filter((p) => !block.includes(p.id)));
}

/** Moves a placed line's block one block up (-1) or down (+1) in the answer; at an end, nothing moves. */
export function shiftLine(puzzle: Puzzle, aids: readonly string[], response: Placements, id: string, by: -1 | 1): Placements {
  const blocks = blocksOf(puzzle, aids);
  const list = placedList(normalize(puzzle, aids, response));
  // The answer as runs of blocks, each run a list of placed lines.
  const runs: Placed[][] = [];
  for (let i = 0; i < list.length; ) {
    const size = Math.max(1, blockOf(blocks, list[i]?.id ?? '').length);
    runs.push(list.slice(i, i + size));
    i += size;
  }
  const from = runs.findIndex((run) => run.some((p) => p.id === id));
  const to = from + by;
  if (from < 0 || to < 0 || to >= runs.length) return toResponse(puzzle, list);
  [runs[from], runs[to]] = [runs[to] as Placed[], runs[from] as Placed[]];
  return toResponse(puzzle, runs.flat());
}

/** Sets a placed line's indent level (clamped to 0..maxLevel); only where the indent is the learner's. */
export function indentLine(puzzle: Puzzle, aids: readonly string[], response: Placements, id: string, level: number): Placements {
  const list = placedList(normalize(puzzle, aids, response));
  if (!puzzle.indent) return toResponse(puzzle, list);
  const indent = Math.max(0, Math.min(puzzle.maxLevel, Math.round(level)));
  return toResponse(puzzle, list.map((p) => (p.id === id ? { ...p, indent } : p)));
}

// ---------------------------------------------------------------------------------------------------
// Readiness and grading.

/** The answer's slots still empty (1..n): a check is refused while any is. */
export function emptySlots(puzzle: Puzzle, response: Placements): number[] {
  const out: number[] = [];
  for (let slot = 1; slot <= puzzle.solution.length; slot += 1) if (response[slot] === undefined) out.push(slot);
  return out;
}

/**
 * Right or wrong per slot. A slot is right when it holds a solution line that reads as the solution's
 * line there (so identical lines are interchangeable) and, where the indent is graded, at its level.
 * A distractor is wrong wherever it is.
 */
export function gradeSlots(puzzle: Puzzle, response: Placements): Record<number, boolean> {
  const byId = new Map(puzzle.lines.map((l) => [l.id, l]));
  const correct: Record<number, boolean> = {};
  puzzle.solution.forEach((solutionId, index) => {
    const slot = index + 1;
    const want = byId.get(solutionId);
    const value = response[slot];
    const placed = value === undefined ? undefined : decodePlaced(value);
    const line = placed && byId.get(placed.id);
    correct[slot] = !!line && !!want && !line.distractor && line.text === want.text && (!puzzle.indent || placed?.indent === want.level);
  });
  return correct;
}

/** The mistakes the answer makes: those whose distractor lines it holds, each once, in order. */
export function mistakesPlaced(puzzle: Puzzle, response: Placements): number[] {
  const byId = new Map(puzzle.lines.map((l) => [l.id, l]));
  const found = new Set<number>();
  for (const placed of placedList(response)) {
    const mistake = byId.get(placed.id)?.mistake;
    if (mistake !== undefined) found.add(mistake);
  }
  return [...found].sort((a, b) => a - b);
}

/** The solution as a response (each line at its level): what the learner sees when the attempts run out. */
export function solutionResponse(puzzle: Puzzle): Placements {
  const byId = new Map(puzzle.lines.map((l) => [l.id, l]));
  return toResponse(puzzle, puzzle.solution.map((id) => ({ id, indent: byId.get(id)?.level ?? 0 })));
}

// ---------------------------------------------------------------------------------------------------
// Choosing the next aid.

/**
 * The next help, or null when none is left. A distractor first (one the answer holds, so the learner
 * sees what was wrong; else the first in the pool); then a join of two neighbouring solution lines,
 * the first pair the answer does not already have right, while more than three blocks are left.
 */
export function nextAid(puzzle: Puzzle, aids: readonly string[], response: Placements): string | null {
  const blocks = blocksOf(puzzle, aids);
  const distractorsLeft = blocks.flat().filter((id) => puzzle.lines.some((l) => l.id === id && l.distractor));
  if (distractorsLeft.length > 0) {
    const placed = placedList(response).map((p) => p.id);
    const choice = placed.find((id) => distractorsLeft.includes(id)) ?? distractorsLeft[0] ?? '';
    return aidToken({ kind: 'drop', id: choice });
  }
  const solutionBlocks = blocks.filter((b) => puzzle.solution.includes(b[0] ?? ''));
  if (solutionBlocks.length <= MIN_BLOCKS) return null;
  const joined = new Set(aids.flatMap((t) => (parseAid(puzzle, t)?.kind === 'join' ? [t.slice(5)] : [])));
  const right = gradeSlots(puzzle, response);
  const open = puzzle.solution.slice(0, -1).flatMap((id, i) => (joined.has(id) ? [] : [i]));
  const pick = open.find((i) => !(right[i + 1] && right[i + 2])) ?? open[0];
  return pick === undefined ? null : aidToken({ kind: 'join', id: puzzle.solution[pick] ?? '' });
}

/** Applies a help: the aids with the token added, and the response made consistent with them. */
export function applyAid(
  puzzle: Puzzle,
  aids: readonly string[],
  response: Placements,
  token: string,
): { readonly aids: readonly string[]; readonly response: Placements } {
  if (!parseAid(puzzle, token) || aids.includes(token)) return { aids, response: normalize(puzzle, aids, response) };
  const next = [...aids, token];
  return { aids: next, response: normalize(puzzle, next, response) };
}

// ---------------------------------------------------------------------------------------------------
// xAPI and the interaction.

const DELIMITER = '[,]';

export type SequencingXapi = XapiInteraction & { readonly interactionType: 'sequencing'; readonly choices: NonNullable<XapiInteraction['choices']> };

/**
 * The statement's sequencing parts: the pool lines as choices, the learner's and the solution's line
 * ids in order. Indent levels have no place in xAPI's sequencing pattern; the result's success says
 * whether they were right.
 */
export function parsonsXapi(puzzle: Puzzle, response: Placements): SequencingXapi {
  return {
    interactionType: 'sequencing',
    response: placedList(response).map((p) => p.id).join(DELIMITER),
    correctResponsesPattern: [puzzle.solution.join(DELIMITER)],
    choices: puzzle.lines.map((l) => ({ id: l.id, description: { 'en-US': puzzle.unit.repeat(l.level) + l.text } })),
  };
}

const EMPTY: Puzzle = { lines: [], solution: [], indent: false, maxLevel: 0, unit: ' ' };

/**
 * The order interaction in the shape every interaction has (grading.ts's Interaction): a part is a
 * slot of the answer, a value an encoded pool line. A task too short to play has no slots. Aids change
 * the pool, never what is right: grading needs none of them.
 */
export const orderInteraction: Interaction = {
  kind: 'order',
  accepts(task: Task, part: number, value: string): boolean {
    const puzzle = puzzleOf(task);
    if (!puzzle || !Number.isInteger(part) || part < 1 || part > puzzle.solution.length) return false;
    const placed = decodePlaced(value);
    return puzzle.lines.some((l) => l.id === placed.id) && placed.indent <= puzzle.maxLevel && value === encodePlaced(puzzle, placed);
  },
  empty: (task: Task, response: Placements): number[] => emptySlots(puzzleOf(task) ?? EMPTY, response),
  grade: (task: Task, response: Placements): { correct: Record<number, boolean> } => ({ correct: gradeSlots(puzzleOf(task) ?? EMPTY, response) }),
  mistakes: (task: Task, response: Placements): number[] => mistakesPlaced(puzzleOf(task) ?? EMPTY, response),
  xapi: (task: Task, response: Placements): SequencingXapi => parsonsXapi(puzzleOf(task) ?? EMPTY, response),
};

/** Line order's arrangement as the task's new answer, if it is open and every place holds a line of its pool. */
export function arrangement(task: Task, progress: TaskProgress, response: Placements): Change {
  if (progress.status !== 'active') return { ok: false, reason: 'locked' };
  const ok = Object.entries(response).every(([slot, value]) => orderInteraction.accepts!(task, Number(slot), value));
  return ok ? { ok: true, progress: { ...progress, placements: response } } : { ok: false, reason: 'unknown-option' };
}

/** Help taken (a token of nextAid's): it joins the task's aids once, and counts as help. */
export function withAid(progress: TaskProgress, token: string): Change {
  return progress.status !== 'active' || progress.aids?.includes(token)
    ? { ok: true, progress }
    : { ok: true, progress: { ...progress, aids: [...(progress.aids ?? []), token] } };
}
