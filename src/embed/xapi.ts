/**
 * xAPI statements from the learner's events, shaped as H5P's fill-in-the-blanks content sends them, so
 * an LRS or an LMS plugin that reads H5P's statements reads ours:
 *
 * - `interacted` when an option is placed, moved or taken out,
 * - `answered` on every graded Check (result.response = the learner's options joined with `[,]`),
 * - `completed` when a task ends, solved or out of attempts.
 *
 * The object is the task, an `cmi.interaction` of type `fill-in`, its description the task's prompt and
 * its correctResponsesPattern the answer key joined with `[,]`. Durations run from the learner's first
 * interaction with the task on this page. Pure: the caller keeps `started` between calls.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { acceptedAnswers, type Interaction, type XapiInteraction } from '../engine/grading.ts';
import { blanksOf, parseTemplate } from '../engine/template.ts';
import type { ExerciseEvent } from '../store/events.ts';

/** An xAPI Agent or Group, passed through as the host gives it (`{ mbox: 'mailto:…', name: '…' }`). */
export type XapiActor = Readonly<Record<string, unknown>>;

type LanguageMap = Readonly<Record<string, string>>;

export interface XapiActivity {
  readonly objectType: 'Activity';
  readonly id: string;
  readonly definition: {
    readonly name: LanguageMap;
    readonly description?: LanguageMap;
    readonly type?: string;
    readonly interactionType?: XapiInteraction['interactionType'];
    readonly correctResponsesPattern?: readonly string[];
    readonly choices?: XapiInteraction['choices'];
  };
}

export interface XapiResult {
  readonly score: { readonly min: number; readonly max: number; readonly raw: number; readonly scaled: number };
  readonly success: boolean;
  readonly completion: boolean;
  /** ISO 8601, seconds only: PT12.34S. */
  readonly duration: string;
  /** The learner's option in each blank, in blank order, joined with `[,]` (an empty blank is empty). */
  readonly response: string;
}

export interface XapiStatement {
  /** Present only when the host gave one; an LRS wrapper usually adds its own. */
  readonly actor?: XapiActor;
  readonly verb: { readonly id: string; readonly display: LanguageMap };
  readonly object: XapiActivity;
  readonly result?: XapiResult;
  readonly context: {
    readonly contextActivities: { readonly parent: readonly XapiActivity[] };
    /** The learning mode, under MODE_EXTENSION. */
    readonly extensions?: Readonly<Record<string, string>>;
  };
  readonly timestamp: string;
}

export interface XapiContext {
  readonly set: ExerciseSet;
  /**
   * The IRI the activity ids are built on: the set's URL by default (the page's URL for an inline
   * set). The set is `<base>#<set id>`, a task `<base>#<set id>/<task id>`.
   */
  readonly base: string;
  readonly actor?: XapiActor;
  /** The learning mode (practice when absent), said in every statement's context. */
  readonly mode?: string;
  /** How the mode answers: its own xAPI shape (a choice, a sequence); H5P's fill-in when absent. */
  readonly interaction?: Interaction;
}

/** The context extension that names the learning mode a statement comes from. */
export const MODE_EXTENSION = 'https://codeblanks.dev/xapi/extensions/mode';

/** Task id -> when the learner first touched it (ms since the epoch). */
export type XapiClock = Readonly<Record<string, number>>;

export const VERBS = {
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  interacted: 'http://adlnet.gov/expapi/verbs/interacted',
} as const;

const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const DELIMITER = '[,]';
/** A task whose blanks each accept several options would list every combination; past this, only the first. */
const MAX_PATTERNS = 64;
const en = (text: string): LanguageMap => ({ 'en-US': text });

/** 12340 ms -> "PT12.34S". */
export function isoDuration(ms: number): string {
  return `PT${Math.round(Math.max(0, ms) / 10) / 100}S`;
}

/** The learner's options in blank order, joined as xAPI's fill-in wants them. */
export function joinResponse(blanks: readonly number[], placements: Readonly<Record<number, string>>): string {
  return blanks.map((b) => placements[b] ?? '').join(DELIMITER);
}

/** Every combination of accepted answers, in blank order (the first combination is the canonical one). */
export function correctPatterns(task: Task, blanks: readonly number[]): string[] {
  let patterns = [''];
  blanks.forEach((blank, index) => {
    const next: string[] = [];
    for (const pattern of patterns) {
      for (const answer of acceptedAnswers(task, blank)) next.push(index === 0 ? answer : pattern + DELIMITER + answer);
    }
    patterns = next.slice(0, MAX_PATTERNS);
  });
  return patterns;
}

function activity(context: XapiContext, task: Task, number: number, blanks: readonly number[], shape: XapiInteraction | undefined): XapiActivity {
  return {
    objectType: 'Activity',
    id: `${context.base}#${context.set.id}/${task.id}`,
    definition: {
      name: en(`${context.set.title}: task ${number}`),
      description: en(task.prompt),
      type: INTERACTION,
      interactionType: shape?.interactionType ?? 'fill-in',
      correctResponsesPattern: shape?.correctResponsesPattern ?? correctPatterns(task, blanks),
      ...(shape?.choices ? { choices: shape.choices } : {}),
    },
  };
}

/** The statements one event produces, and the clock to pass next time. */
export function statementsFor(
  event: ExerciseEvent,
  context: XapiContext,
  started: XapiClock,
): { readonly started: XapiClock; readonly statements: readonly XapiStatement[] } {
  if (event.type === 'completed') return { started, statements: [] };
  if (event.type === 'reset') {
    // No statement; the tasks' durations start again with the learner's next interaction.
    const clock = { ...started };
    for (const id of event.taskIds) delete clock[id];
    return { started: clock, statements: [] };
  }
  const index = context.set.tasks.findIndex((t) => t.id === event.taskId);
  const task = context.set.tasks[index];
  if (!task) return { started, statements: [] };
  const clock = started[task.id] === undefined ? { ...started, [task.id]: event.time } : started;
  const blanks = blanksOf(parseTemplate(task.code));
  const parent: XapiActivity = { objectType: 'Activity', id: `${context.base}#${context.set.id}`, definition: { name: en(context.set.title) } };
  // The mode's own interaction shape, when it has one (its response and patterns replace the fill-in's).
  type Placements = Readonly<Record<number, string>>;
  const statement = (verb: keyof typeof VERBS, result?: XapiResult, shape?: XapiInteraction): XapiStatement => ({
    ...(context.actor ? { actor: context.actor } : {}),
    verb: { id: VERBS[verb], display: en(verb) },
    object: activity(context, task, index + 1, blanks, shape),
    ...(result ? { result } : {}),
    context: { contextActivities: { parent: [parent] }, extensions: { [MODE_EXTENSION]: context.mode ?? 'practice' } },
    timestamp: new Date(event.time).toISOString(),
  });
  /**
   * A graded answer as one statement: the mode's own xAPI shape when it has one (its response and
   * patterns replace the fill-in's), scored over the parts graded (the blanks, or a line order's lines).
   */
  const graded = (verb: 'answered' | 'completed', correct: Readonly<Record<number, boolean>>, success: boolean, completion: boolean, placements: Placements) => {
    const shape = context.interaction?.xapi?.(task, placements);
    const max = Object.keys(correct).length;
    const raw = Object.values(correct).filter(Boolean).length;
    const result: XapiResult = {
      score: { min: 0, max, raw, scaled: max === 0 ? 0 : Math.round((raw / max) * 10000) / 10000 },
      success,
      completion,
      duration: isoDuration(event.time - (clock[task.id] ?? event.time)),
      response: shape?.response ?? joinResponse(blanks, placements),
    };
    return { started: clock, statements: [statement(verb, result, shape)] };
  };

  switch (event.type) {
    case 'placed':
      return { started: clock, statements: [statement('interacted', undefined, context.interaction?.xapi?.(task, {}))] };
    case 'checked': {
      // The store graded the answer: its marks, part by part, are the score.
      const placements = Object.fromEntries(event.blanks.map((b) => [b.blank, b.option]));
      const correct = Object.fromEntries(event.blanks.map((b) => [b.blank, b.correct]));
      return graded('answered', correct, event.correct, event.correct || event.attemptsLeft === 0, placements);
    }
    case 'solved':
    case 'failed': {
      const correct = context.interaction
        ? context.interaction.grade(task, event.response).correct
        : Object.fromEntries(blanks.map((b) => [b, acceptedAnswers(task, b).includes(event.response[b] ?? '')]));
      return graded('completed', correct, event.type === 'solved', true, event.response);
    }
    default:
      // A selection, a hint or a refused Check: no statement, but the clock starts.
      return { started: clock, statements: [] };
  }
}
