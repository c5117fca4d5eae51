/**
 * The AU's side of cmi5, by hand (the maintained client pulls in axios, more than this whole file):
 * reads the launch parameters, trades the fetch URL for the auth token, reads LMS.LaunchData, then
 * sends initialized; answered per result; completed and passed/failed once the set is done (in Normal
 * launch mode, once per registration, each where LaunchData's moveOn counts it); terminated when the
 * page goes, or when the learner presses "Return to course" (shown when LaunchData has a returnURL),
 * which then goes there. Statements go one at a time, in
 * order. Progress is kept in the LRS's State API (the same compact form as SCORM's suspend_data), so
 * the learner resumes on any computer.
 */
import type { Handle, MountOptions } from '../embed/mount.tsx';
import type { HostEvent } from '../embed/host-events.ts';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { acceptedAnswers } from '../engine/grading.ts';
import { blanksOf, parseTemplate } from '../engine/template.ts';
import { isModeId } from '../engine/modes.ts';
import { loadMode } from '../modes/load.ts';
import { answeredStatement, auStatement, duration, moveOnStatements, type Launch } from './cmi5-statements.ts';
import { strings } from './strings.ts';
import { suspendStorage } from './suspend.ts';

type Json = Record<string, unknown>;
const PROGRESS_STATE = 'https://codeblanks.dev/xapi/state/progress';

interface Saved {
  progress: string;
  /** cmi5 statements this registration has had: completed, passed, failed are sent at most once. */
  sent: string[];
}

export async function startCmi5(set: ExerciseSet, mastery: number, mountIt: (options: Pick<MountOptions, 'storage' | 'onEvent'>) => Handle, mode = 'practice'): Promise<void> {
  const params = new URLSearchParams(location.search);
  const [endpoint, fetchUrl, actorText, registration, activityId] = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].map((k) => params.get(k));
  if (!endpoint || !fetchUrl || !actorText || !registration || !activityId) {
    console.error('codeblanks: not launched by a cmi5 LMS (endpoint, fetch, actor, registration and activityId are needed): progress is not recorded');
    mountIt({ storage: null });
    return;
  }
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const started = Date.now();
  // The fetch URL answers once: its token authorises everything this session sends.
  const tokenResponse = (await (await fetch(fetchUrl, { method: 'POST' })).json()) as Json;
  const token = tokenResponse['auth-token'];
  if (typeof token !== 'string') throw new Error(`the LMS's fetch URL gave no auth token (${String(tokenResponse['error-text'] ?? 'no error text')})`);
  const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  const actor = JSON.parse(actorText) as Json;
  const stateUrl = (stateId: string) =>
    `${base}activities/state?${new URLSearchParams({ stateId, activityId, agent: JSON.stringify(actor), registration })}`;
  const launchData = (await (await fetch(stateUrl('LMS.LaunchData'), { headers })).json()) as Json;
  const launch: Launch = {
    actor,
    registration,
    activityId,
    contextTemplate: (launchData.contextTemplate as Json | undefined) ?? {},
    launchMode: String(launchData.launchMode ?? 'Normal'),
    ...(typeof launchData.masteryScore === 'number' ? { masteryScore: launchData.masteryScore } : {}),
    ...(typeof launchData.moveOn === 'string' ? { moveOn: launchData.moveOn } : {}),
  };
  const counts = moveOnStatements(launch.moveOn);
  const passing = launch.masteryScore ?? mastery;
  const normal = launch.launchMode === 'Normal';

  const stateResponse = await fetch(stateUrl(PROGRESS_STATE), { headers });
  const saved: Saved = stateResponse.ok ? { progress: '', sent: [], ...((await stateResponse.json()) as Partial<Saved>) } : { progress: '', sent: [] };

  // One queue: statements reach the LRS in the order they were made, and the state after them.
  let queue: Promise<unknown> = Promise.resolve();
  const post = (url: string, method: string, body: unknown) => {
    queue = queue
      .then(() => fetch(url, { method, headers, body: JSON.stringify(body) }))
      .then((response) => {
        if (!response.ok) console.error(`codeblanks: the LRS answered ${response.status} to ${method} ${url}`);
      })
      .catch((error: unknown) => console.error('codeblanks: could not reach the LRS', error));
  };
  const send = (statement: Json) => post(`${base}statements`, 'POST', statement);
  const saveState = () => post(stateUrl(PROGRESS_STATE), 'PUT', saved);

  send(auStatement(launch, 'initialized', new Date()));
  const storage = suspendStorage(
    set,
    saved.progress,
    (encoded) => {
      saved.progress = encoded;
      saveState();
    },
    undefined,
    mode,
  );

  // The mode's chunk (which mount() loads too) brings its interaction's xAPI mapping; the bank has none.
  const xapi = isModeId(mode) ? await loadMode(mode).then((module) => module.interaction?.xapi, () => undefined) : undefined;

  const once = (name: 'completed' | 'passed' | 'failed', result: Json) => {
    if (saved.sent.includes(name)) return;
    saved.sent.push(name);
    send(auStatement(launch, name, new Date(), result));
  };
  const report = (event: HostEvent) => {
    if (event.type === 'checked') {
      const task = set.tasks.find((t) => t.id === event.taskId);
      if (!task) return;
      const blanks = blanksOf(parseTemplate(task.code));
      const byBlank = new Map(event.blanks.map((b) => [b.blank, b.option]));
      const answer = blanks.map((b) => byBlank.get(b) ?? '');
      const key = blanks.map((b) => acceptedAnswers(task, b)[0] ?? '');
      const mapped = xapi?.(task, Object.fromEntries(event.blanks.map((b) => [b.blank, b.option])));
      send(answeredStatement(launch, set, task, answer, key, event.correct, new Date(event.time), mapped));
    }
    if (event.type !== 'completed' || !normal) return;
    const time = duration(Date.now() - started);
    const score = event.score;
    if (counts.completed) once('completed', { completion: true, duration: time });
    // passed comes once; failed only while the registration has neither (a later try may still pass).
    const passed = score.scaled >= passing;
    if (counts.judged && (passed || !saved.sent.includes('failed'))) {
      once(passed ? 'passed' : 'failed', { success: passed, score: { scaled: Math.round(score.scaled * 10000) / 10000, raw: score.solved, min: 0, max: score.total }, duration: time });
    }
    saveState();
  };
  mountIt({ storage, onEvent: (event) => queueMicrotask(() => report(event)) });

  let ended = false;
  /** Sends terminated once: the session is over, whichever way the learner leaves. */
  const terminate = (keepalive: boolean) => {
    if (ended) return false;
    ended = true;
    const statement = auStatement(launch, 'terminated', new Date(), { duration: duration(Date.now() - started) });
    if (!keepalive) send(statement);
    // Sent at once, not queued (the page may be gone before the queue's turn), with keepalive: the
    // request outlives the page, where a synchronous one would be refused.
    else void fetch(`${base}statements`, { method: 'POST', headers, body: JSON.stringify(statement), keepalive: true }).catch(() => undefined);
    return true;
  };
  addEventListener('pagehide', (event) => {
    if (!event.persisted) terminate(true);
  });

  // cmi5's returnURL: where the LMS wants the learner once the AU is done. The way there is a button
  // that ends the session (terminated, after every statement before it) and then goes.
  const returnURL = launchData.returnURL;
  if (typeof returnURL === 'string' && returnURL) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = (document.documentElement.lang.startsWith('fr') ? strings.fr : strings.en).returnToCourse;
    button.addEventListener('click', () => {
      button.disabled = true;
      terminate(false);
      void queue.then(() => location.assign(returnURL));
    });
    document.querySelector('main')?.append(button);
  }
}
