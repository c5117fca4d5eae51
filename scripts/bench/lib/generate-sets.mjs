/**
 * Generated exercise sets for the bench, written in the authored format (exercises/*.json, format v1)
 * so they pass `npm run validate`. Seeded: the same call writes the same bytes, so runs compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// The engine's own seeded generator and shuffle (the bench runs under tsx), so the same seed gives the same sets.
import { seededRandom, shuffleWith } from '../../../src/engine/seeded.ts';

const WORDS = [
  'token', 'client', 'scope', 'grant', 'secret', 'header', 'payload', 'request', 'response', 'cache',
  'session', 'user', 'account', 'retry', 'timeout', 'buffer', 'stream', 'queue', 'record', 'index',
  'cursor', 'schema', 'query', 'result', 'handler', 'router', 'config', 'logger', 'metric', 'signal',
];

/** A distinct identifier-like option text of varied length (8 to 30 characters), like real code tokens. */
function optionText(i, random) {
  const parts = 1 + Math.floor(random() * 3);
  const words = Array.from({ length: parts }, () => WORDS[Math.floor(random() * WORDS.length)]);
  return `${words.join('_')}_${i}`;
}

/**
 * One set with one task of `blanks` blanks and `options` options (every blank has its own right
 * answer; the rest are distractors), two blanks to a line of Python.
 */
export function stressSet({ blanks, options, seed = 1 }) {
  if (options < blanks) throw new Error('stressSet: need at least as many options as blanks');
  const random = seededRandom(seed);
  const texts = Array.from({ length: options }, (_, i) => optionText(i + 1, random));
  const answers = {};
  for (let b = 1; b <= blanks; b++) answers[String(b)] = texts[b - 1];
  const code = ['def configure(app):'];
  for (let b = 1; b <= blanks; b += 2) {
    const name = `${WORDS[b % WORDS.length]}_${b}`;
    code.push(
      b + 1 <= blanks
        ? `    ${name} = app.build([[${b}]], fallback=[[${b + 1}]], retries=${b % 7})`
        : `    ${name} = app.build([[${b}]], retries=${b % 7})`,
    );
  }
  code.push('    return app');
  const id = `stress-${blanks}x${options}`;
  return {
    formatVersion: 1,
    id,
    title: `Stress: ${blanks} blanks, ${options} options`,
    subject: 'Benchmark',
    tasks: [
      {
        id: 'stress',
        difficulty: 'hard',
        prompt: `Fill all ${blanks} blanks.`,
        language: 'python',
        code,
        options: shuffleWith(texts, random),
        answers,
        hints: ['Each name says which option belongs with it.'],
        explanation: 'A generated task that measures the learner page at scale.',
      },
    ],
  };
}

/** A small, realistic set like the seed (five tasks, one to three blanks, four to six options each). */
export function authoringSet(n, random) {
  const tasks = Array.from({ length: 5 }, (_, t) => {
    const blanks = 1 + Math.floor(random() * 3);
    const optionCount = Math.max(blanks + 1, 4 + Math.floor(random() * 3));
    const texts = Array.from({ length: optionCount }, (_, i) => optionText(i + 1, random));
    const answers = {};
    const code = [`# task ${t + 1} of set ${n}`, 'import requests'];
    for (let b = 1; b <= blanks; b++) {
      answers[String(b)] = texts[b - 1];
      code.push(`value_${b} = requests.post(url, data={'key': '[[${b}]]'})`);
    }
    code.push('print(value_1.json())');
    return {
      id: `task-${t + 1}`,
      difficulty: ['easy', 'medium', 'hard'][t % 3],
      prompt: `Complete the request for task ${t + 1}.`,
      language: t % 2 ? 'python' : 'http',
      code,
      options: shuffleWith(texts, random),
      answers,
      hints: ['Look at the key name.', 'Each value matches its key.'],
      mistakes: [
        { text: 'Using a distractor.', when: { 1: texts[blanks] } },
        { text: 'Leaving a blank empty.' },
      ],
      explanation: 'Each value goes with the key that names it.',
    };
  });
  return {
    formatVersion: 1,
    id: `bench-set-${n}`,
    title: `Bench set ${n}`,
    subject: 'Benchmark',
    estimatedMinutes: 10,
    maxAttempts: 3,
    tasks,
  };
}

/** Writes `count` authoring sets as <dir>/bench-set-N.json; returns the folder. */
export function writeAuthoringSets(dir, count, seed = 7) {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(seed);
  for (let n = 1; n <= count; n++) {
    writeFileSync(join(dir, `bench-set-${n}.json`), `${JSON.stringify(authoringSet(n, random), null, 2)}\n`);
  }
  return dir;
}

/** The two stress sizes the brief names, smallest first; the first is the one the budgets judge. */
export const STRESS_SIZES = [
  { blanks: 50, options: 200 },
  { blanks: 200, options: 500 },
];
