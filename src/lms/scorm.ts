/**
 * The SCO's side of SCORM 1.2 and 2004: finds the LMS's API, starts the session, resumes from
 * cmi.suspend_data, reports each result as it happens and commits straight away (Chromium refuses the
 * synchronous request many LMS runtimes make while a page unloads, so nothing may wait for the close),
 * and ends the session when the page is hidden for good.
 */
import type { Handle, MountOptions } from '../embed/mount.tsx';
import type { HostEvent } from '../embed/host-events.ts';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { MODES as POLICIES, isModeId, modeTasks } from '../engine/modes.ts';
import { loadMode } from '../modes/load.ts';
import { findApi, type ApiWindow } from './api-finder.ts';
import { interactionResult, interactionSetup, scoreData, sessionTime, type Pairs, type ScormVersion, type XapiOf } from './scorm-data.ts';
import { SCORM12_SUSPEND_LIMIT, suspendStorage } from './suspend.ts';

interface Api12 {
  LMSInitialize(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetLastError(): string;
}
interface Api2004 {
  Initialize(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  Terminate(arg: ''): string;
  GetLastError(): string;
}

/** The four calls, the same for both versions. */
interface Session {
  get(element: string): string;
  set(pairs: Pairs): void;
  commit(): void;
  finish(): void;
}

function connect(version: ScormVersion): Session | null {
  const win = window as unknown as ApiWindow;
  const call = (what: string, run: () => unknown) => {
    try {
      return String(run());
    } catch (error) {
      console.error(`codeblanks: the LMS's ${what} threw`, error);
      return '';
    }
  };
  // A value the LMS refuses is said once in the console, with SCORM's error code, for whoever runs the LMS.
  const refused = (element: string, value: string, code: string) => console.error(`codeblanks: the LMS refused ${element} = ${JSON.stringify(value)} (SCORM error ${code})`);
  if (version === '1.2') {
    const api = findApi<Api12>(win, 'API');
    if (!api || call('LMSInitialize', () => api.LMSInitialize('')) !== 'true') return null;
    return {
      get: (element) => call('LMSGetValue', () => api.LMSGetValue(element)),
      set: (pairs) =>
        pairs.forEach(([element, value]) => {
          if (call('LMSSetValue', () => api.LMSSetValue(element, value)) !== 'true') refused(element, value, call('LMSGetLastError', () => api.LMSGetLastError()));
        }),
      commit: () => void call('LMSCommit', () => api.LMSCommit('')),
      finish: () => void call('LMSFinish', () => api.LMSFinish('')),
    };
  }
  const api = findApi<Api2004>(win, 'API_1484_11');
  if (!api || call('Initialize', () => api.Initialize('')) !== 'true') return null;
  return {
    get: (element) => call('GetValue', () => api.GetValue(element)),
    set: (pairs) => pairs.forEach(([element, value]) => call('SetValue', () => api.SetValue(element, value))),
    commit: () => void call('Commit', () => api.Commit('')),
    finish: () => void call('Terminate', () => api.Terminate('')),
  };
}

/** The LMS's passing share when it gives one (1.2's mastery_score is 0-100, 2004's scaled_passing_score 0-1). */
function masteryFrom(session: Session, version: ScormVersion, fallback: number): number {
  const given = Number.parseFloat(session.get(version === '1.2' ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score'));
  if (!Number.isFinite(given)) return fallback;
  return version === '1.2' ? given / 100 : given;
}

/** Starts a SCO session around mount(); without an LMS the exercise still runs, keeping nothing. */
export function startScorm(
  version: ScormVersion,
  set: ExerciseSet,
  mastery: number,
  mountIt: (options: Pick<MountOptions, 'storage' | 'onEvent'>) => Handle,
  mode = 'practice',
): void {
  const session = connect(version);
  if (!session) {
    console.error(`codeblanks: no SCORM ${version} LMS found (${version === '1.2' ? 'API' : 'API_1484_11'}): progress is not recorded`);
    mountIt({ storage: null });
    return;
  }
  const started = Date.now();
  const limit = version === '1.2' ? SCORM12_SUSPEND_LIMIT : 64000;
  const passing = masteryFrom(session, version, mastery);
  const storage = suspendStorage(
    set,
    session.get('cmi.suspend_data'),
    (encoded) => {
      if (encoded.length > limit) console.error(`codeblanks: progress takes ${encoded.length} characters, more than cmi.suspend_data holds (${limit}): not saved`);
      else session.set([['cmi.suspend_data', encoded]]);
    },
    undefined,
    mode,
  );
  // The tasks the mode plays (line order leaves short ones out), each an interaction of the mode's type.
  const played = isModeId(mode) ? { ...set, tasks: [...modeTasks(POLICIES[mode], set)] } : set;
  let xapi: XapiOf | undefined;
  // The mode's chunk (which mount() loads too) brings its interaction's xAPI mapping; the bank has none.
  const declared = (isModeId(mode) ? loadMode(mode) : Promise.reject(new Error(mode)))
    .then((module) => (xapi = module.interaction?.xapi))
    .catch(() => undefined)
    .then(() => {
      // The first launch declares one interaction per task; a resumed one finds them there.
      if (!(Number.parseInt(session.get('cmi.interactions._count'), 10) > 0)) session.set(interactionSetup(played, version, xapi));
      session.commit();
    });
  const status = session.get(version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status');
  if (status === 'not attempted' || status === 'unknown' || status === '') {
    session.set([[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status', 'incomplete']]);
  }
  session.set([[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit', 'suspend']]);
  session.commit();

  const report = (event: HostEvent) => {
    const pairs: (readonly [string, string])[] = [];
    if (event.type === 'checked') {
      const response = Object.fromEntries(event.blanks.map((b) => [b.blank, b.option]));
      pairs.push(...interactionResult(played, version, event.taskId, response, event.correct, xapi));
    }
    const score = handle.progress()?.score;
    if (score) pairs.push(...scoreData(version, score, passing));
    session.set(pairs);
    session.commit();
  };
  const handle: Handle = mountIt({
    storage,
    onEvent: (event) => {
      if (event.type === 'placed' || event.type === 'check-refused') return;
      // The store saves progress after it reports the event: report once that save is done, so the
      // commit carries the suspend_data of this very result (and after the interactions are declared).
      void declared.then(() => report(event));
    },
  });

  let finished = false;
  addEventListener('pagehide', (event) => {
    if (finished) return;
    // A page kept in the back-forward cache may come back: its session stays open, its data committed.
    if (event.persisted) return session.commit();
    finished = true;
    session.set([sessionTime(version, Date.now() - started)]);
    session.finish();
  });
}
