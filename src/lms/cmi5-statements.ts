/**
 * The statements a cmi5 assignable unit sends, built as pure values: the cmi5-defined ones
 * (initialized, completed, passed, failed, terminated) carry the cmi5 category (and "moveon" where
 * they count towards moving on), the registration and the LMS's context template (its session id);
 * `answered` is a cmi5 "allowed" statement, about one task, without the cmi5 category.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import type { XapiInteraction } from '../engine/grading.ts';

export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveon: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
} as const;

const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type Cmi5Verb = keyof typeof VERBS;

type Json = Record<string, unknown>;

/** What the launch gave: its URL's parameters and the LMS.LaunchData state document. */
export interface Launch {
  readonly actor: Json;
  readonly registration: string;
  readonly activityId: string;
  /** LMS.LaunchData's contextTemplate: the session id extension, and the LMS's own context activities. */
  readonly contextTemplate: Json;
  readonly launchMode: string;
  readonly masteryScore?: number;
  /** LMS.LaunchData's moveOn: what the LMS counts for moving on (Completed, Passed, CompletedAndPassed, CompletedOrPassed, NotApplicable). */
  readonly moveOn?: string;
}

/**
 * Which of the statements that count towards moving on the AU sends, once the set is done, for the
 * LMS's moveOn: `completed` where completion counts, `passed`/`failed` where success does; for
 * NotApplicable neither (the LMS has satisfied the AU already, and cmi5 says an AU's completed or
 * passed then means nothing). An unknown or missing moveOn gets both, as CompletedAndPassed.
 */
export function moveOnStatements(moveOn: string | undefined): { readonly completed: boolean; readonly judged: boolean } {
  return {
    completed: moveOn !== 'Passed' && moveOn !== 'NotApplicable',
    judged: moveOn !== 'Completed' && moveOn !== 'NotApplicable',
  };
}

/** 12340 ms -> "PT12.34S". */
export const duration = (ms: number): string => `PT${Math.round(Math.max(0, ms) / 10) / 100}S`;

function context(launch: Launch, categories: readonly string[], extensions: Json = {}): Json {
  const template = launch.contextTemplate;
  const activities = (template.contextActivities ?? {}) as Json;
  const category = [...((activities.category as Json[] | undefined) ?? []), ...categories.map((id) => ({ id }))];
  return {
    ...template,
    registration: launch.registration,
    contextActivities: { ...activities, ...(category.length > 0 ? { category } : {}) },
    extensions: { ...((template.extensions as Json | undefined) ?? {}), ...extensions },
  };
}

const verb = (name: Cmi5Verb) => ({ id: VERBS[name], display: { 'en-US': name } });

/** A cmi5-defined statement about the AU itself. */
export function auStatement(launch: Launch, name: Exclude<Cmi5Verb, 'answered'>, time: Date, result?: Json): Json {
  const moveOn = name === 'completed' || name === 'passed' || name === 'failed';
  const mastery = (name === 'passed' || name === 'failed') && launch.masteryScore !== undefined ? { [CMI5.masteryScore]: launch.masteryScore } : {};
  return {
    actor: launch.actor,
    verb: verb(name),
    object: { objectType: 'Activity', id: launch.activityId },
    ...(result ? { result } : {}),
    context: context(launch, moveOn ? [CMI5.category, CMI5.moveon] : [CMI5.category], mastery),
    timestamp: time.toISOString(),
  };
}

/**
 * `answered` for one task: a fill-in interaction whose response is the learner's options in blank order,
 * or, in a mode with its own xAPI mapping (Type it's fill-in, Pick's matching, line order's sequencing),
 * that mapping's type, components, pattern and response.
 */
export function answeredStatement(launch: Launch, set: ExerciseSet, task: Task, answer: readonly string[], key: readonly string[], success: boolean, time: Date, mapped?: XapiInteraction): Json {
  const shared = context(launch, []);
  const { interactionType, correctResponsesPattern, response, ...components } = mapped ?? { interactionType: 'fill-in', correctResponsesPattern: [key.join('[,]')], response: answer.join('[,]') };
  return {
    actor: launch.actor,
    verb: verb('answered'),
    object: {
      objectType: 'Activity',
      id: `${launch.activityId}/tasks/${encodeURIComponent(task.id)}`,
      definition: {
        name: { 'en-US': `${set.title}: task ${set.tasks.indexOf(task) + 1}` },
        description: { 'en-US': task.prompt },
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType,
        correctResponsesPattern,
        ...components,
      },
    },
    result: { response, success },
    context: { ...shared, contextActivities: { ...(shared.contextActivities as Json), parent: [{ objectType: 'Activity', id: launch.activityId }] } },
    timestamp: time.toISOString(),
  };
}
