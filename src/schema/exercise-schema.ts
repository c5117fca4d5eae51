/**
 * The exercise format, version 1: the single source of truth.
 *
 * TypeScript types are inferred from these schemas, the JSON Schema in `exercises/schema.json` is
 * generated from them (`npm run schema`), and every JSON file enters the app through `parseExerciseSet`.
 * Valibot rather than zod: it tree-shakes to about 2 KB in the learner's page, where zod/mini adds 7.
 */
import * as v from 'valibot';

/** Highest format this build reads; files name theirs in `formatVersion`. */
export const FORMAT_VERSION = 1;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BLANK_KEY = /^[1-9]\d*$/;

const nonEmpty = (what: string) =>
  v.pipe(v.string(`${what} must be a string`), v.trim(), v.nonEmpty(`${what} must not be empty`));

const slug = (what: string) =>
  v.pipe(
    v.string(`${what} must be a string`),
    v.regex(SLUG, `${what} must be a slug: lowercase letters, digits and single hyphens (like "grant-type")`),
  );

/**
 * A strict object reports both unknown keys (a typo, nearly always) and missing ones through this.
 * Valibot lets an array through as an object (reporting its items as unknown keys "0", "1"...), so an
 * array gets the "must be an object" message, and toFormatIssue reports it once, at the array.
 */
const objectMessage =
  (where: string, allowed: string) =>
  (issue: v.BaseIssue<unknown>): string => {
    const capitalized = `${where[0]?.toUpperCase()}${where.slice(1)}`;
    if (!isKeyIssue(issue)) return `${capitalized} must be an object`;
    if (inArray(issue)) return `${capitalized} must be an object, not an array`;
    return issue.expected === 'never' ? `Unknown key "${String(issue.input)}" in ${where} (allowed: ${allowed})` : `Missing ${issue.expected} in ${where}`;
  };

/** An unknown key (nothing is expected there) or a missing one (a key was expected, nothing is there). */
const isKeyIssue = (issue: v.BaseIssue<unknown>): boolean =>
  issue.expected === 'never' || (issue.input === undefined && issue.expected?.startsWith('"') === true);
/** A key issue whose "object" is really an array. */
const inArray = (issue: v.BaseIssue<unknown>): boolean => Array.isArray(issue.path?.at(-1)?.input);

const attempts = v.pipe(
  v.number('maxAttempts must be a number'),
  v.integer('maxAttempts must be a whole number'),
  v.minValue(1, 'maxAttempts must be at least 1'),
  v.maxValue(10, 'maxAttempts must be at most 10'),
);

/** One accepted option, or a list of them (any one counts). */
const optionChoice = (what: string) =>
  v.union(
    [
      v.string(),
      v.pipe(v.array(v.string()), v.nonEmpty(`${what} must list at least one option`)),
    ],
    `${what} must be an option's text or a list of them`,
  );

const blankRecord = <T extends v.GenericSchema>(value: T, what: string) =>
  v.record(
    v.pipe(v.string(), v.regex(BLANK_KEY, `${what} keys must be blank numbers like "1"`)),
    value,
    `${what} must be an object from blank number to option`,
  );

const GROUP_BLANKS = 'A group\'s blanks must be a list of blank numbers like 1';

export const MistakeSchema = v.strictObject(
  {
    text: nonEmpty('A mistake\'s text'),
    /** The learner's choices that make this mistake: blank number -> the wrong option(s). */
    when: v.optional(blankRecord(optionChoice('when'), 'when')),
    /** List it while the task is open, though no check matched it: advice that cannot give the answer away. */
    always: v.optional(v.boolean('always must be true or false')),
  },
  objectMessage('a mistake', 'text, when, always'),
);

export const TaskSchema = v.strictObject(
  {
    id: slug('Task id'),
    difficulty: v.picklist(['easy', 'medium', 'hard'], 'difficulty must be "easy", "medium" or "hard"'),
    prompt: nonEmpty('prompt'),
    language: nonEmpty('language'),
    /** An array of lines, or one string with \n. A blank is [[n]]; \[[ writes a literal [[. */
    code: v.union(
      [v.string(), v.array(v.string('Each line of code must be a string'))],
      'code must be a string or an array of lines',
    ),
    options: v.pipe(
      v.array(nonEmpty('An option'), 'options must be an array of strings'),
      v.nonEmpty('options must not be empty'),
    ),
    answers: blankRecord(optionChoice('An answer'), 'answers'),
    hints: v.optional(v.array(nonEmpty('A hint'), 'hints must be an array of strings')),
    mistakes: v.optional(v.array(MistakeSchema, 'mistakes must be an array')),
    explanation: v.optional(nonEmpty('explanation')),
    maxAttempts: v.optional(attempts),
    /** true: every option may fill several blanks; a list: only those options may (Moodle's "infinite"). */
    reusableOptions: v.optional(
      v.union([v.boolean(), v.array(v.string())], 'reusableOptions must be true, false or a list of options'),
    ),
    /** A bank per blank (Moodle's choice groups): each group's blanks offer only its options. */
    groups: v.optional(
      v.array(
        v.strictObject(
          {
            blanks: v.pipe(v.array(v.pipe(v.number(GROUP_BLANKS), v.integer(GROUP_BLANKS), v.minValue(1, GROUP_BLANKS)), GROUP_BLANKS), v.nonEmpty(GROUP_BLANKS)),
            options: v.pipe(v.array(v.string(), 'A group\'s options must be a list of options'), v.nonEmpty('A group must list at least one option')),
          },
          objectMessage('a group', 'blanks, options'),
        ),
        'groups must be an array',
      ),
    ),
    /** Type it takes an answer whatever its letter case (H5P's caseSensitive: false). */
    ignoreCase: v.optional(v.boolean('ignoreCase must be true or false')),
    /** True when the code is deliberately a piece of a program: the validator does not parse its solution. */
    fragment: v.optional(v.boolean('fragment must be true or false')),
  },
  objectMessage(
    'a task',
    'id, difficulty, prompt, language, code, options, answers, hints, mistakes, explanation, maxAttempts, reusableOptions, groups, ignoreCase, fragment',
  ),
);

export const ExerciseSetSchema = v.strictObject(
  {
    $schema: v.optional(v.string('$schema must be a string')),
    formatVersion: v.literal(FORMAT_VERSION, `formatVersion must be ${FORMAT_VERSION}`),
    id: slug('Set id'),
    title: nonEmpty('title'),
    subject: nonEmpty('subject'),
    estimatedMinutes: v.optional(
      v.pipe(
        v.number('estimatedMinutes must be a number'),
        v.integer('estimatedMinutes must be a whole number'),
        v.minValue(1, 'estimatedMinutes must be at least 1'),
      ),
    ),
    maxAttempts: v.optional(attempts),
    tasks: v.pipe(v.array(TaskSchema, 'tasks must be an array'), v.nonEmpty('tasks must not be empty')),
  },
  objectMessage('the set', '$schema, formatVersion, id, title, subject, estimatedMinutes, maxAttempts, tasks'),
);

/** An exercise set as authored (and as parsed: parsing only trims text). */
export type ExerciseSet = v.InferOutput<typeof ExerciseSetSchema>;
export type Task = v.InferOutput<typeof TaskSchema>;
export type Mistake = v.InferOutput<typeof MistakeSchema>;
export type Difficulty = Task['difficulty'];

/** Where in the document a problem is: the JSON path, and whether the key itself is at fault. */
export type JsonPath = readonly (string | number)[];

/** An expected failure as a value: a code for programs, a message for people, a path for the editor. */
export interface FormatIssue {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly path: JsonPath;
  /** True when the key at `path` is at fault (an unknown key, an answer key that is no blank number), not its value. */
  readonly atKey?: boolean;
  /**
   * When the problem is one spot inside the string at `path` (a blank in a line of code): where it
   * starts, counted in the string's characters as parsed (so the validator can point at the column).
   */
  readonly stringOffset?: number;
}

export type ShapeResult =
  | { readonly ok: true; readonly value: ExerciseSet }
  | { readonly ok: false; readonly issues: readonly FormatIssue[] };

/** Checks the shape of unknown JSON. Never throws; semantic checks live in the engine. */
export function parseExerciseShape(input: unknown): ShapeResult {
  const result = v.safeParse(ExerciseSetSchema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  // An array where an object belongs yields one issue per key and item: keep one.
  const arrays = new Set<string>();
  const issues = result.issues.map(toFormatIssue).filter((issue) => {
    if (issue.code !== 'not-an-object') return true;
    const at = JSON.stringify(issue.path);
    return arrays.has(at) ? false : Boolean(arrays.add(at));
  });
  return { ok: false, issues };
}

function toFormatIssue(issue: v.BaseIssue<unknown>): FormatIssue {
  const path: (string | number)[] = (issue.path ?? []).map((item) => {
    const key = (item as { key: unknown }).key;
    return typeof key === 'number' ? key : String(key);
  });
  const objectIssue = issue.kind === 'schema' && issue.type === 'strict_object';
  if (objectIssue && isKeyIssue(issue) && inArray(issue)) {
    return { severity: 'error', code: 'not-an-object', message: issue.message, path: path.slice(0, -1) };
  }
  if (objectIssue && issue.expected === 'never') {
    return { severity: 'error', code: 'unknown-key', message: issue.message, path, atKey: true };
  }
  if (objectIssue && issue.input === undefined && path.length > 0) {
    // A missing key has no place of its own in the file: point at the object that lacks it.
    return { severity: 'error', code: 'missing-key', message: issue.message, path: path.slice(0, -1) };
  }
  // A bad key in a record ("answers": {"a": ...}) is the key's fault, not its value's.
  const atKey = issue.path?.at(-1)?.origin === 'key';
  return { severity: 'error', code: `shape-${issue.type}`, message: issue.message, path, ...(atKey ? { atKey } : {}) };
}
