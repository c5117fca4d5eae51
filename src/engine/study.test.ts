import fc from 'fast-check';
import type { Task } from '../schema/exercise-schema.ts';
import { SEED_SET } from '../test-support/fixtures.tsx';
import { fadeOrder, fadedAt, resumedStep, studiedResponse, studyNotes, studyState, studySteps } from './study.ts';
import { BANK } from './grading.ts';

const task = (blanks: number, extra: Partial<Task> = {}): Task => ({
  id: 't',
  difficulty: 'easy',
  prompt: 'p',
  language: 'python',
  code: [Array.from({ length: blanks }, (_, i) => `[[${i + 1}]]`).join(' + ')],
  options: ['a', 'b', 'c', 'd'],
  answers: Object.fromEntries(Array.from({ length: blanks }, (_, i) => [String(i + 1), i % 2 ? 'b' : 'a'])),
  ...extra,
});

describe('fading', () => {
  it.each([
    [1, 0, []],
    [3, 0, []],
    [3, 1, [3]],
    [3, 2, [3, 2]],
    [3, 3, [3, 2, 1]],
    [3, 9, [3, 2, 1]],
    [3, -1, []],
  ])('a task of %i blanks at step %i has faded %j (backward: the last blank first)', (blanks, step, faded) => {
    expect(fadedAt(task(blanks), step)).toEqual(faded);
  });

  it('fades every blank exactly once, one more per step, keeping the ones faded before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (blanks) => {
        const t = task(blanks);
        expect(studySteps(t)).toBe(blanks);
        expect([...fadeOrder(t)].sort((a, b) => a - b)).toEqual(Array.from({ length: blanks }, (_, i) => i + 1));
        for (let step = 1; step <= blanks; step += 1) expect(fadedAt(t, step)).toEqual([...fadedAt(t, step - 1), fadeOrder(t)[step - 1]]);
      }),
    );
  });
});

describe('where the learner is', () => {
  const t = task(2);
  it.each([
    ['the worked example: nothing to fill, ready to step on', {}, 0, { ready: true, last: false, done: false }],
    ['the last blank faded and empty', {}, 1, { ready: false, last: false, done: false }],
    ['the last blank faded and wrong', { 2: 'a' }, 1, { ready: false, last: false, done: false }],
    ['the last blank faded and right', { 2: 'b' }, 1, { ready: true, last: false, done: false }],
    ['every blank faded, one right', { 2: 'b' }, 2, { ready: false, last: true, done: false }],
    ['every blank faded and right: studied', { 1: 'a', 2: 'b' }, 2, { ready: true, last: true, done: true }],
  ])('%s', (_, placements, step, expected) => {
    expect(studyState(t, placements, step)).toMatchObject(expected);
  });

  it.each([
    ['nothing filled: the worked example', {}, 0],
    ['the last blank filled, right or wrong: one step on', { 2: 'a' }, 1],
    ['both filled: every blank faded', { 1: 'a', 2: 'b' }, 2],
    ['only the first blank filled (out of fade order): the worked example', { 1: 'a' }, 0],
  ])('after a reload, %s', (_, placements, step) => {
    expect(resumedStep(t, placements)).toBe(step);
  });

  it('a reload comes back to the step reached by filling each faded blank, whatever was filled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(), fc.constantFrom('a', 'b', 'c'), (blanks, reached, option) => {
        const t = task(blanks);
        const step = reached % (blanks + 1);
        const placements = Object.fromEntries(fadedAt(t, step).map((b) => [b, option]));
        expect(resumedStep(t, placements)).toBe(step);
      }),
    );
  });

  it('what the store grades at the end is the solution, whatever was filled in which order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (blanks) => {
        const t = task(blanks);
        const response = studiedResponse(t, {});
        expect(BANK.grade(t, response).correct).toEqual(Object.fromEntries(Array.from({ length: blanks }, (_, i) => [i + 1, true])));
      }),
    );
  });
});

describe('the worked example\'s notes', () => {
  it('give each blank its answer and the mistakes its answer avoids; advice for no blank stands apart', () => {
    const t = task(2, {
      mistakes: [
        { text: 'b in the first blank', when: { 1: 'b' } },
        { text: 'both wrong', when: { 1: 'c', 2: 'c' } },
        { text: 'general advice', always: true },
      ],
    });
    expect(studyNotes(t)).toEqual({
      notes: [
        { blank: 1, answer: 'a', avoids: ['b in the first blank', 'both wrong'] },
        { blank: 2, answer: 'b', avoids: ['both wrong'] },
      ],
      general: ['general advice'],
    });
  });

  it('on the seed set, every blank gets an answer and every mistake is said somewhere', () => {
    for (const t of SEED_SET.tasks) {
      const { notes, general } = studyNotes(t);
      expect(notes.every((n) => n.answer !== '')).toBe(true);
      expect(new Set([...notes.flatMap((n) => n.avoids), ...general])).toEqual(new Set((t.mistakes ?? []).map((m) => m.text)));
    }
  });
});
