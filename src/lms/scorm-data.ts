/**
 * What a SCO tells the LMS, as (element, value) pairs for SCORM 1.2 or 2004: one interaction per task,
 * the score, completion and success. Pure, so the rules LMSs are strict about are tested as tables:
 * 1.2's raw score is a percentage and its wrong answer is `wrong`; 2004 says `incorrect`, scales the
 * score and reports progress.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { acceptedAnswers, type Interaction, type Placements } from '../engine/grading.ts';
import { blanksOf, parseTemplate } from '../engine/template.ts';
import type { SetScore } from '../engine/scoring.ts';

export type ScormVersion = '1.2' | '2004';
export type Pairs = readonly (readonly [string, string])[];

/** SCORM's delimiter between the blanks of a fill-in response. */
const DELIMITER = '[,]';
/** 2004 fill-in takes at most 10 parts, each a string that may not start with "{" (that opens a delimiter like {lang=…}). */
const fitsFillIn = (task: Task, parts: readonly string[]): boolean => parts.length <= 10 && parts.every((p) => !p.startsWith('{') && p.length <= 250);

const answerParts = (task: Task): string[] => blanksOf(parseTemplate(task.code)).map((blank) => acceptedAnswers(task, blank)[0] ?? '');
const typeOf = (task: Task): 'fill-in' | 'other' => (fitsFillIn(task, [...answerParts(task), ...task.options]) ? 'fill-in' : 'other');
const cut = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** A mode's xAPI mapping of its answers (src/engine: Type it's fill-in, Pick's matching, line order's sequencing). */
export type XapiOf = NonNullable<Interaction['xapi']>;

/**
 * An xAPI pattern or response as the version writes it: 2004's are xAPI's own; 1.2 has no `{case_matters}`
 * and separates a matching's pairs and a sequence's items with `,` and `.`. (The bank's fill-in keeps the
 * `[,]` every package has written since the first.)
 */
const scormText = (version: ScormVersion, type: string, text: string): string => {
  if (version === '2004') return text;
  const plain = text.replace(/^\{case_matters=(?:true|false)\}/, '');
  return type === 'fill-in' ? plain : plain.replaceAll('[,]', ',').replaceAll('[.]', '.');
};

/** A task's interaction type and correct pattern: the mode's mapping, or the bank's fill-in. */
function describe(task: Task, version: ScormVersion, xapi: XapiOf | undefined): { type: string; pattern: string } {
  if (!xapi) return { type: typeOf(task), pattern: answerParts(task).join(DELIMITER) };
  const mapped = xapi(task, {});
  // A typed answer too long for 2004's fill-in (ten parts of 250 characters) is described as 'other'.
  const parts = (mapped.correctResponsesPattern[0] ?? '').replace(/^\{[^}]*\}/, '').split(DELIMITER);
  const type = mapped.interactionType === 'fill-in' && !fitsFillIn(task, parts) ? 'other' : mapped.interactionType;
  return { type, pattern: scormText(version, type, mapped.correctResponsesPattern[0] ?? '') };
}

/**
 * The interactions, one per task the mode plays (line order leaves short tasks out), without a result:
 * written once, at the first launch. `xapi` is the mode's mapping; the bank's fill-in without it.
 */
export function interactionSetup(set: ExerciseSet, version: ScormVersion, xapi?: XapiOf): Pairs {
  return set.tasks.flatMap((task, n): [string, string][] => {
    const at = `cmi.interactions.${n}`;
    const described = describe(task, version, xapi);
    const pattern = cut(described.pattern, version === '1.2' ? 255 : 4000);
    return [
      [`${at}.id`, task.id],
      [`${at}.type`, described.type],
      ...(version === '2004' ? ([[`${at}.description`, cut(task.prompt.replace(/^\{/, '('), 250)]] as [string, string][]) : []),
      [`${at}.correct_responses.0.pattern`, pattern],
    ];
  });
}

/**
 * A task's result: the learner's answer (blank or place -> value) as the mode's mapping writes it (the
 * bank's: the options in blank order), and whether it was right.
 */
export function interactionResult(set: ExerciseSet, version: ScormVersion, taskId: string, response: Placements, correct: boolean, xapi?: XapiOf): Pairs {
  const n = set.tasks.findIndex((t) => t.id === taskId);
  const task = set.tasks[n];
  if (!task) return [];
  const at = `cmi.interactions.${n}`;
  const written = xapi
    ? scormText(version, describe(task, version, xapi).type, xapi(task, response).response)
    : blanksOf(parseTemplate(task.code))
        .map((blank) => response[blank] ?? '')
        .join(DELIMITER);
  const text = cut(written, version === '1.2' ? 255 : 4000);
  return version === '1.2'
    ? [
        [`${at}.student_response`, text],
        [`${at}.result`, correct ? 'correct' : 'wrong'],
      ]
    : [
        [`${at}.learner_response`, text],
        [`${at}.result`, correct ? 'correct' : 'incorrect'],
      ];
}

/** Score, completion, success and exit for the set's score; `mastery` is the passing share, 0..1. */
export function scoreData(version: ScormVersion, score: SetScore, mastery: number): Pairs {
  const passed = score.scaled >= mastery;
  const round = (x: number) => String(Math.round(x * 10000) / 10000);
  if (version === '1.2') {
    return [
      ['cmi.core.score.raw', round(score.scaled * 100)],
      ['cmi.core.score.min', '0'],
      ['cmi.core.score.max', '100'],
      ['cmi.core.lesson_status', score.complete ? (passed ? 'passed' : 'failed') : 'incomplete'],
      ['cmi.core.exit', score.complete ? '' : 'suspend'],
    ];
  }
  return [
    ['cmi.score.raw', String(score.solved)],
    ['cmi.score.min', '0'],
    ['cmi.score.max', String(score.total)],
    ['cmi.score.scaled', round(score.scaled)],
    ['cmi.progress_measure', round(score.total === 0 ? 1 : (score.solved + score.failed) / score.total)],
    ['cmi.completion_status', score.complete ? 'completed' : 'incomplete'],
    ['cmi.success_status', score.complete ? (passed ? 'passed' : 'failed') : 'unknown'],
    ['cmi.exit', score.complete ? 'normal' : 'suspend'],
  ];
}

/** Session time: 1.2 wants HHHH:MM:SS.SS, 2004 an ISO 8601 duration. */
export function sessionTime(version: ScormVersion, ms: number): readonly [string, string] {
  const seconds = Math.max(0, ms) / 1000;
  if (version === '2004') return ['cmi.session_time', `PT${Math.round(seconds * 100) / 100}S`];
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = (seconds % 60).toFixed(2).padStart(5, '0');
  return ['cmi.core.session_time', `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s}`];
}
