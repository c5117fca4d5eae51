// @vitest-environment node
import fc from 'fast-check';
import type { Task } from '../schema/exercise-schema.ts';
import { FRESH_PROGRESS, check, type Placements } from './grading.ts';
import {
  applyAid,
  blocksOf,
  buildPuzzle,
  decodePlaced,
  emptySlots,
  encodePlaced,
  gradeSlots,
  indentLine,
  indentSensitive,
  insertLine,
  mistakesPlaced,
  nextAid,
  normalize,
  orderEligible,
  orderInteraction,
  parsonsXapi,
  placedList,
  poolBlocks,
  puzzleOf,
  removeLine,
  shiftLine,
  solutionResponse,
  solvedLines,
  toResponse,
  type Puzzle,
} from './parsons.ts';

/** A Python loop: two blanks on one line, a blank line to drop, indentation that matters. */
function pythonTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'sum-loop',
    difficulty: 'easy',
    prompt: 'Sum the numbers.',
    language: 'python',
    code: ['total = 0', '', 'for n in [[1]]:', '    total [[2]] n', 'print(total)'],
    options: ['numbers', 'range', '+=', '='],
    answers: { '1': 'numbers', '2': '+=' },
    mistakes: [{ text: 'Assigning replaces the total.', when: { '2': '=' } }, { text: 'General advice.' }],
    ...overrides,
  };
}

/** An HTTP request: not indentation-sensitive, one blank. */
function httpTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'grant-type',
    difficulty: 'easy',
    prompt: 'Ask for a token.',
    language: 'http',
    code: ['POST /oauth2/token HTTP/1.1', 'Host: auth.example', 'Content-Type: application/x-www-form-urlencoded', '', 'grant_type=[[1]]'],
    options: ['authorization_code', 'client_credentials'],
    answers: { '1': 'client_credentials' },
    ...overrides,
  };
}

function must(puzzle: Puzzle | null): Puzzle {
  if (!puzzle) throw new Error('expected a puzzle');
  return puzzle;
}

const textOf = (puzzle: Puzzle, id: string) => puzzle.lines.find((l) => l.id === id)?.text;
const idOf = (puzzle: Puzzle, text: string, distractor = false) =>
  puzzle.lines.find((l) => l.text === text && l.distractor === distractor)?.id ?? '';

describe('the puzzle a task makes', () => {
  it('fills blanks with the first accepted answer and keeps blank lines in the solved code', () => {
    expect(solvedLines(pythonTask())).toEqual(['total = 0', '', 'for n in numbers:', '    total += n', 'print(total)']);
  });

  it('leaves blank lines out of the pool and gives each line its indent level', () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    const solution = puzzle.solution.map((id) => puzzle.lines.find((l) => l.id === id));
    expect(solution.map((l) => [l?.text, l?.level])).toEqual([
      ['total = 0', 0],
      ['for n in numbers:', 0],
      ['total += n', 1],
      ['print(total)', 0],
    ]);
    expect(puzzle.indent).toBe(true);
    expect(puzzle.maxLevel).toBe(2);
    expect(puzzle.unit).toBe('    ');
  });

  it("adds one distractor per line holding a blank, from a mistake's option first, else an option not accepted", () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    const distractors = puzzle.lines.filter((l) => l.distractor);
    expect(distractors.map((l) => [l.text, l.level, l.mistake])).toEqual(
      expect.arrayContaining([
        ['for n in range:', 0, undefined],
        ['total = n', 1, 0],
      ]),
    );
    expect(distractors).toHaveLength(2);
  });

  it('fills every blank a mistake names on the line (a swap of two values is one distractor)', () => {
    const task = pythonTask({
      code: ['a = 1', 'b = 2', 'pair = ([[1]], [[2]])'],
      options: ['a', 'b'],
      answers: { '1': 'a', '2': 'b' },
      mistakes: [{ text: 'Swapped.', when: { '1': 'b', '2': 'a' } }],
    });
    const puzzle = must(buildPuzzle(task));
    expect(puzzle.lines.filter((l) => l.distractor).map((l) => [l.text, l.mistake])).toEqual([['pair = (b, a)', 0]]);
  });

  it('leaves out a variant that reads like a solution line: it would be right', () => {
    const task = pythonTask({ code: ['x = 1', 'x = 2', 'x = [[1]]'], options: ['1', '3'], answers: { '1': '3' }, mistakes: [] });
    const puzzle = must(buildPuzzle(task));
    expect(puzzle.lines.filter((l) => l.distractor)).toEqual([]);
  });

  it('leaves out tasks under three lines, blank lines not counted', () => {
    expect(orderEligible(httpTask())).toBe(true);
    expect(orderEligible(httpTask({ code: ['a', '', 'b', '  '] }))).toBe(false);
    expect(buildPuzzle(httpTask({ code: 'grant_type=[[1]]' }))).toBeNull();
    expect(orderEligible(httpTask({ code: 'a\nb\nc' }))).toBe(true);
  });

  it('grades indentation only for indentation-sensitive languages', () => {
    expect(['python', 'Python', 'yaml', 'yml', 'haskell', 'coffeescript', 'nim', 'f#'].map(indentSensitive)).toEqual(Array(8).fill(true));
    expect(['javascript', 'http', 'sql', 'go'].map(indentSensitive)).toEqual(Array(4).fill(false));
    expect(must(buildPuzzle(httpTask())).indent).toBe(false);
  });

  it('shows the same order on every build of the same task, never the solution order', () => {
    const a = must(buildPuzzle(pythonTask()));
    const b = must(buildPuzzle(structuredClone(pythonTask())));
    expect(b).toEqual(a);
    const positions = a.solution.map((id) => a.lines.findIndex((l) => l.id === id));
    expect(positions).not.toEqual([...positions].sort((x, y) => x - y));
  });

  it('reads tabs as one indent level each', () => {
    const puzzle = must(buildPuzzle(pythonTask({ code: ['if x:', '\tif y:', '\t\tz()'], answers: {}, options: ['a'], mistakes: [] })));
    expect(puzzle.solution.map((id) => puzzle.lines.find((l) => l.id === id)?.level)).toEqual([0, 1, 2]);
    expect(puzzle.unit).toBe('\t');
  });
});

describe('responses', () => {
  it('encodes the indent only where it is graded, and decodes either form', () => {
    expect(encodePlaced({ indent: true }, { id: 'l3', indent: 2 })).toBe('l3:2');
    expect(encodePlaced({ indent: false }, { id: 'l3', indent: 2 })).toBe('l3');
    expect(decodePlaced('l3:2')).toEqual({ id: 'l3', indent: 2 });
    expect(decodePlaced('l3')).toEqual({ id: 'l3', indent: 0 });
    expect(decodePlaced('l3:-1')).toEqual({ id: 'l3', indent: 0 });
  });

  it('inserts before a position, moves a placed line, and replaces when the answer is full', () => {
    const puzzle = must(buildPuzzle(httpTask()));
    const [a = '', b = '', c = '', d = ''] = puzzle.solution;
    let r: Placements = {};
    r = insertLine(puzzle, [], r, c, 0);
    r = insertLine(puzzle, [], r, a, 0);
    r = insertLine(puzzle, [], r, b, 1);
    expect(placedList(r).map((p) => p.id)).toEqual([a, b, c]);
    r = insertLine(puzzle, [], r, a, 3);
    expect(placedList(r).map((p) => p.id)).toEqual([b, c, a]);
    r = insertLine(puzzle, [], r, d, 0);
    expect(placedList(r).map((p) => p.id)).toEqual([d, b, c, a]);
    const wrong = idOf(puzzle, 'grant_type=authorization_code', true);
    r = insertLine(puzzle, [], r, wrong, 1);
    expect(placedList(r).map((p) => p.id)).toEqual([d, wrong, c, a]);
    expect(Object.keys(r)).toEqual(['1', '2', '3', '4']);
  });

  it('moves a line up and down one place, and keeps it at the ends', () => {
    const puzzle = must(buildPuzzle(httpTask()));
    const [a = '', b = '', c = ''] = puzzle.solution;
    const r = toResponse(puzzle, [a, b, c].map((id) => ({ id, indent: 0 })));
    expect(placedList(shiftLine(puzzle, [], r, c, -1)).map((p) => p.id)).toEqual([a, c, b]);
    expect(placedList(shiftLine(puzzle, [], r, a, 1)).map((p) => p.id)).toEqual([b, a, c]);
    expect(shiftLine(puzzle, [], r, a, -1)).toEqual(r);
    expect(shiftLine(puzzle, [], r, c, 1)).toEqual(r);
    expect(placedList(removeLine(puzzle, [], r, b)).map((p) => p.id)).toEqual([a, c]);
  });

  it('sets indents within 0..maxLevel, only where they are graded', () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    const id = puzzle.solution[2] ?? '';
    let r = insertLine(puzzle, [], {}, id, 0);
    r = indentLine(puzzle, [], r, id, 1);
    expect(r).toEqual({ 1: `${id}:1` });
    expect(indentLine(puzzle, [], r, id, 9)).toEqual({ 1: `${id}:2` });
    expect(indentLine(puzzle, [], r, id, -3)).toEqual({ 1: `${id}:0` });
    const http = must(buildPuzzle(httpTask()));
    const hid = http.solution[0] ?? '';
    expect(indentLine(http, [], { 1: hid }, hid, 2)).toEqual({ 1: hid });
  });
});

describe('grading', () => {
  it('is right in solution order at the solution levels, and ready only when every slot is filled', () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    const solved = solutionResponse(puzzle);
    expect(Object.values(gradeSlots(puzzle, solved)).every(Boolean)).toBe(true);
    expect(emptySlots(puzzle, solved)).toEqual([]);
    expect(emptySlots(puzzle, { 1: solved[1] ?? '' })).toEqual([2, 3, 4]);
  });

  it('marks a wrong indent wrong, only in indentation-sensitive languages', () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    const flat = toResponse(puzzle, puzzle.solution.map((id) => ({ id, indent: 0 })));
    expect(gradeSlots(puzzle, flat)).toEqual({ 1: true, 2: true, 3: false, 4: true });
  });

  it('marks a distractor wrong wherever it is, and names the mistake it was made from', () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    const list = placedList(solutionResponse(puzzle));
    list[2] = { id: idOf(puzzle, 'total = n', true), indent: 1 };
    const r = toResponse(puzzle, list);
    expect(gradeSlots(puzzle, r)).toEqual({ 1: true, 2: true, 3: false, 4: true });
    expect(mistakesPlaced(puzzle, r)).toEqual([0]);
  });

  it('treats identical lines as interchangeable', () => {
    const task = httpTask({ language: 'javascript', code: ['if (a) {', '  f();', '}', 'if (b) {', '  g();', '}'], answers: {}, options: ['x'] });
    const puzzle = must(buildPuzzle(task));
    const closing = puzzle.lines.filter((l) => l.text === '}').map((l) => l.id);
    expect(closing).toHaveLength(2);
    const order = [...puzzle.solution];
    const [i, j] = [order.indexOf(closing[0] ?? ''), order.indexOf(closing[1] ?? '')];
    [order[i], order[j]] = [order[j] ?? '', order[i] ?? ''];
    const swapped = toResponse(puzzle, order.map((id) => ({ id, indent: 0 })));
    expect(Object.values(gradeSlots(puzzle, swapped)).every(Boolean)).toBe(true);
  });
});

describe('the check, through the order interaction', () => {
  it('is refused while slots are empty, and grades per slot once they are filled', () => {
    const task = pythonTask();
    const puzzle = must(puzzleOf(task));
    const solved = solutionResponse(puzzle);
    expect(check(task, { ...FRESH_PROGRESS, placements: { 1: solved[1] ?? '' } }, 3, orderInteraction)).toEqual({ kind: 'refused', reason: 'incomplete', empty: [2, 3, 4] });
    const list = placedList(solved);
    const swapped = toResponse(puzzle, [list[1], list[0], list[2], list[3]].filter((p) => p !== undefined));
    const wrong = check(task, { ...FRESH_PROGRESS, placements: swapped }, 3, orderInteraction);
    expect(wrong).toMatchObject({ kind: 'graded', solved: false, record: { correct: { 1: false, 2: false, 3: true, 4: true } } });
    expect(check(task, { ...FRESH_PROGRESS, placements: solved }, 3, orderInteraction)).toMatchObject({ kind: 'graded', solved: true });
  });

  it('names the mistake a placed distractor was made from', () => {
    const task = pythonTask();
    const puzzle = must(puzzleOf(task));
    const list = placedList(solutionResponse(puzzle));
    list[2] = { id: idOf(puzzle, 'total = n', true), indent: 1 };
    const outcome = check(task, { ...FRESH_PROGRESS, placements: toResponse(puzzle, list) }, 3, orderInteraction);
    expect(outcome).toMatchObject({ kind: 'graded', record: { matchedMistakes: [0] } });
  });
});

describe('help (adaptive Parsons problems)', () => {
  it('removes distractors first, the placed one before the others, then joins lines until three blocks are left', () => {
    const task = pythonTask({ code: ['a = 1', 'b = [[1]]', 'c = 3', 'd = 4', 'e = 5'], options: ['2', '9'], answers: { '1': '2' }, mistakes: [] });
    const puzzle = must(buildPuzzle(task));
    const wrong = idOf(puzzle, 'b = 9', true);
    const response = toResponse(puzzle, [{ id: wrong, indent: 0 }]);
    let aids: readonly string[] = [];
    const tokens: string[] = [];
    for (let token = nextAid(puzzle, aids, response); token; token = nextAid(puzzle, aids, response)) {
      tokens.push(token);
      aids = applyAid(puzzle, aids, response, token).aids;
    }
    expect(tokens).toEqual([`drop:${wrong}`, `join:${puzzle.solution[0]}`, `join:${puzzle.solution[1]}`]);
    expect(blocksOf(puzzle, aids).map((b) => b.map((id) => textOf(puzzle, id)))).toEqual(
      expect.arrayContaining([['a = 1', 'b = 2', 'c = 3'], ['d = 4'], ['e = 5']]),
    );
  });

  it('takes a removed distractor out of the answer, and sends a broken block back to the pool whole', () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    const wrong = idOf(puzzle, 'total = n', true);
    const [a = '', b = '', c = ''] = puzzle.solution;
    const r = toResponse(puzzle, [{ id: wrong, indent: 1 }, { id: a, indent: 0 }, { id: c, indent: 0 }, { id: b, indent: 0 }]);
    const dropped = applyAid(puzzle, [], r, `drop:${wrong}`);
    expect(placedList(dropped.response).map((p) => p.id)).toEqual([a, c, b]);
    const joined = applyAid(puzzle, dropped.aids, dropped.response, `join:${b}`);
    expect(placedList(joined.response).map((p) => p.id)).toEqual([a]);
    expect(poolBlocks(puzzle, joined.aids, joined.response)).toContainEqual([b, c]);
    // The joined pair moves as one.
    const placed = insertLine(puzzle, joined.aids, joined.response, c, 1);
    expect(placedList(placed).map((p) => p.id)).toEqual([a, b, c]);
  });

  it('ignores tokens it does not know and tokens already applied', () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    expect(applyAid(puzzle, [], {}, 'drop:nope').aids).toEqual([]);
    expect(applyAid(puzzle, [], {}, `drop:${puzzle.solution[0]}`).aids).toEqual([]);
    expect(blocksOf(puzzle, ['whatever', 'join:l999'])).toHaveLength(puzzle.lines.length);
  });
});

describe('xAPI', () => {
  it('is a sequencing interaction over the pool lines', () => {
    const puzzle = must(buildPuzzle(pythonTask()));
    const r = solutionResponse(puzzle);
    const xapi = parsonsXapi(puzzle, r);
    expect(xapi.interactionType).toBe('sequencing');
    expect(xapi.correctResponsesPattern).toEqual([puzzle.solution.join('[,]')]);
    expect(xapi.response).toBe(puzzle.solution.join('[,]'));
    expect(xapi.choices).toHaveLength(puzzle.lines.length);
    expect(xapi.choices.find((c) => c.id === puzzle.solution[2])?.description['en-US']).toBe('    total += n');
  });
});

describe('the interaction adapter', () => {
  it('accepts a known line in a slot of the answer, with an indent only where graded', () => {
    const task = pythonTask();
    const puzzle = must(puzzleOf(task));
    const id = puzzle.lines[0]?.id ?? '';
    expect(orderInteraction.accepts!(task, 1, `${id}:1`)).toBe(true);
    expect(orderInteraction.accepts!(task, 1, id)).toBe(false);
    expect(orderInteraction.accepts!(task, 5, `${id}:1`)).toBe(false);
    expect(orderInteraction.accepts!(task, 1, 'nope:0')).toBe(false);
    expect(orderInteraction.accepts!(task, 1, `${id}:3`)).toBe(false);
    const http = httpTask();
    expect(orderInteraction.accepts!(http, 1, must(puzzleOf(http)).lines[0]?.id ?? '')).toBe(true);
  });

  it('grades, lists empty slots and names mistakes through the puzzle', () => {
    const task = pythonTask();
    const solved = solutionResponse(must(puzzleOf(task)));
    expect(orderInteraction.grade(task, solved).correct).toEqual({ 1: true, 2: true, 3: true, 4: true });
    expect(orderInteraction.empty(task, {})).toEqual([1, 2, 3, 4]);
    expect(orderInteraction.mistakes(task, solved)).toEqual([]);
    expect(orderInteraction.empty(httpTask({ code: 'one line' }), {})).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over generated tasks.

const lineArb = fc.oneof(
  fc.constantFrom('x = [[1]]', 'print(y)', 'return z', '}', '', 'call([[2]])', 'if a:', 'pass'),
  fc.stringMatching(/^[a-z]{1,6}\(\)$/),
);
const taskArb = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 12 }),
    indents: fc.array(fc.nat(3), { minLength: 12, maxLength: 12 }),
    language: fc.constantFrom('python', 'javascript'),
  })
  .map(
    ({ lines, indents, language }): Task => ({
      id: 'gen',
      difficulty: 'easy',
      prompt: 'p',
      language,
      code: lines.map((l, i) => (l ? '  '.repeat(indents[i] ?? 0) + l : l)),
      options: ['1', '2', 'a', 'b'],
      answers: { '1': '1', '2': 'a' },
      mistakes: [{ text: 'm', when: { '1': '2' } }],
    }),
  );

/** An action on the answer, drawn at random: the invariants hold after any sequence of them. */
const actionArb = fc.record({
  kind: fc.constantFrom('insert', 'remove', 'up', 'down', 'indent', 'aid'),
  line: fc.nat(40),
  at: fc.nat(14),
  level: fc.integer({ min: -1, max: 5 }),
});

function invariantHolds(puzzle: Puzzle, aids: readonly string[], r: Placements): void {
  const list = placedList(r);
  expect(Object.keys(r).map(Number)).toEqual(list.map((_, i) => i + 1));
  expect(list.length).toBeLessThanOrEqual(puzzle.solution.length);
  expect(new Set(list.map((p) => p.id)).size).toBe(list.length);
  expect(normalize(puzzle, aids, r)).toEqual(r);
  // The pool and the answer together hold every block once.
  const pool = poolBlocks(puzzle, aids, r).flat();
  expect([...pool, ...list.map((p) => p.id)].sort()).toEqual(blocksOf(puzzle, aids).flat().sort());
}

describe('properties', () => {
  it('the solution grades right; every solution line is in the pool once; the build is stable', () => {
    fc.assert(
      fc.property(taskArb, (task) => {
        const puzzle = buildPuzzle(task);
        if (!orderEligible(task)) {
          expect(puzzle).toBeNull();
          return;
        }
        const p = must(puzzle);
        expect(new Set(p.solution).size).toBe(p.solution.length);
        expect(p.lines.filter((l) => !l.distractor).map((l) => l.id).sort()).toEqual([...p.solution].sort());
        expect(Object.values(gradeSlots(p, solutionResponse(p))).every(Boolean)).toBe(true);
        expect(buildPuzzle(structuredClone(task))).toEqual(p);
        const texts = new Set(p.lines.filter((l) => !l.distractor).map((l) => l.text));
        for (const d of p.lines.filter((l) => l.distractor)) expect(texts.has(d.text)).toBe(false);
      }),
    );
  });

  it('any answer with a distractor in it is wrong at that slot; swapping identical lines stays right', () => {
    fc.assert(
      fc.property(taskArb, fc.nat(), fc.nat(), (task, a, b) => {
        const p = buildPuzzle(task);
        if (!p) return;
        const distractor = p.lines.find((l) => l.distractor);
        const list = placedList(solutionResponse(p));
        const slot = a % list.length;
        if (distractor) {
          const withD = [...list];
          withD[slot] = { id: distractor.id, indent: distractor.level };
          expect(gradeSlots(p, toResponse(p, withD))[slot + 1]).toBe(false);
        }
        const other = b % list.length;
        const [x, y] = [list[slot], list[other]];
        if (x && y && textOf(p, x.id) === textOf(p, y.id) && x.indent === y.indent) {
          const swapped = [...list];
          [swapped[slot], swapped[other]] = [y, x];
          expect(Object.values(gradeSlots(p, toResponse(p, swapped))).every(Boolean)).toBe(true);
        }
      }),
    );
  });

  it('after any sequence of moves and helps, the answer stays a gap-free list of known lines that fits', () => {
    fc.assert(
      fc.property(taskArb, fc.array(actionArb, { maxLength: 25 }), (task, actions) => {
        const p = buildPuzzle(task);
        if (!p) return;
        let aids: readonly string[] = [];
        let r: Placements = {};
        for (const action of actions) {
          const id = p.lines[action.line % p.lines.length]?.id ?? '';
          if (action.kind === 'insert') r = insertLine(p, aids, r, id, action.at);
          if (action.kind === 'remove') r = removeLine(p, aids, r, id);
          if (action.kind === 'up' || action.kind === 'down') r = shiftLine(p, aids, r, id, action.kind === 'up' ? -1 : 1);
          if (action.kind === 'indent') r = indentLine(p, aids, r, id, action.level);
          if (action.kind === 'aid') {
            const token = nextAid(p, aids, r);
            if (token) ({ aids, response: r } = applyAid(p, aids, r, token));
          }
          invariantHolds(p, aids, r);
          for (const placed of placedList(r)) expect(orderInteraction.accepts!(task, 1, encodePlaced(p, placed))).toBe(true);
        }
      }),
    );
  });

  it('help always runs out: every distractor goes, and at least three blocks are left', () => {
    fc.assert(
      fc.property(taskArb, (task) => {
        const p = buildPuzzle(task);
        if (!p) return;
        let aids: readonly string[] = [];
        for (let token = nextAid(p, aids, {}), guard = 0; token; token = nextAid(p, aids, {}), guard += 1) {
          expect(guard).toBeLessThan(p.lines.length);
          aids = applyAid(p, aids, {}, token).aids;
        }
        const blocks = blocksOf(p, aids);
        expect(blocks.flat().some((id) => p.lines.find((l) => l.id === id)?.distractor)).toBe(false);
        expect(blocks.length).toBeGreaterThanOrEqual(Math.min(3, p.solution.length));
        if (p.solution.length > 3) expect(blocks.length).toBe(3);
      }),
    );
  });

  it('encode and decode are inverses for every pool line and level', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^l[1-9]\d{0,2}$/), fc.nat(9), fc.boolean(), (id, indent, graded) => {
        const placed = decodePlaced(encodePlaced({ indent: graded }, { id, indent }));
        expect(placed).toEqual({ id, indent: graded ? indent : 0 });
      }),
    );
  });
});
