/**
 * Challenge: the learner picks sets (the one whose page they are on picked already), and plays a round
 * of ten tasks drawn from them and interleaved, against a five-minute clock, one answer each and no
 * hints. The round ends when every task has an answer, when the learner finishes, or when time is up;
 * its score is the right answers plus a speed bonus, and the best per choice of sets is kept.
 *
 * The round is a cross-set session (src/engine/session.ts) in its own exercise store, with the exam's
 * round machinery (src/store/rounds.ts: start, clock, submission); each answer also reaches its own
 * set's attempt log. The rules are the engine's (src/engine/challenge.ts); this draws them.
 */
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ExerciseSet } from '../../schema/exercise-schema.ts';
import { MODES } from '../../engine/modes.ts';
import { CHALLENGE_LIMIT_MS, CHALLENGE_SIZE, challengeScore, choiceKey, drawChallenge } from '../../engine/challenge.ts';
import { sessionSet, type Origin } from '../../engine/session.ts';
import { clockText, filledCode, optionOrder, timeLeft, timerCue, unansweredCount } from '../../engine/exam.ts';
import { solutionOf } from '../../engine/grading.ts';
import { elapsedMs } from '../../engine/round.ts';
import { ROUNDS } from '../../store/rounds.ts';
import { logToOrigins } from '../../store/session.ts';
import { browserStorage, type Round } from '../../store/persistence.ts';
import { readBests, recordBest } from '../../store/challenge-bests.ts';
import type { ModeView } from '../../components/mode-view.tsx';
import { ModeViewProvider } from '../../components/mode-view.tsx';
import { TaskCard } from '../../components/task-card.tsx';
import { Announcer } from '../../components/announcer.tsx';
import { ExerciseProvider, useExercise, useStrings } from '../../hooks/exercise-context.tsx';
import { useExerciseInstance } from '../../hooks/use-exercise-instance.ts';
import { useActions } from '../../hooks/use-task.ts';
import { wordsFor } from './strings.ts';
import css from './challenge.css?inline';
import { ModeStyles } from '../styles.tsx';

const useWords = () => wordsFor(useStrings().lang);

/** A bundled set the learner can pick: a line of the site's catalogue (exercises/index.json). */
interface Entry {
  readonly id: string;
  readonly title: string;
  readonly tasks?: number;
}

/*
 * The site's bundled sets, fetched as its set page fetches them (src/app/bundled-sets.ts, which a mode
 * may not import): the catalogue vouches for each set it lists without problems. Where there is no
 * catalogue (an embed on someone else's page), the set on the page is the only one to pick.
 */
const getJson = async <T,>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
};
const loadCatalogue = () =>
  getJson<(Entry & { problems?: unknown; file: string })[]>('exercises/index.json').then((all) => all.filter((e) => e.id && !e.problems && e.file === `${e.id}.json`));

type Session = { readonly n: number; readonly set: ExerciseSet; readonly origins: ReadonlyMap<string, Origin>; readonly from: ReadonlyMap<string, ExerciseSet>; readonly choice: string };
type Phase = { readonly kind: 'setup'; readonly focus?: boolean; readonly error?: boolean } | { readonly kind: 'loading' } | ({ readonly kind: 'round' } & Session);

function Shell() {
  const host = useExercise((s) => s.set);
  const w = useWords();
  const [picked, setPicked] = useState<readonly string[]>([host.id]);
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' });
  const round = useRef(0);

  const start = () => {
    setPhase({ kind: 'loading' });
    Promise.all(picked.map((id) => (id === host.id ? host : getJson<ExerciseSet>(`exercises/${encodeURIComponent(id)}.json`)))).then(
      (sets) => {
        const drawn = drawChallenge(sets, Math.floor(Math.random() * 2 ** 31));
        const { set, origins } = sessionSet('challenge', w.name, drawn);
        const from = new Map(drawn.map((d, i) => [set.tasks[i]!.id, d.set]));
        setPhase({ kind: 'round', n: (round.current += 1), set, origins, from, choice: choiceKey(picked) });
      },
      () => setPhase({ kind: 'setup', error: true }),
    );
  };

  return (
    <div className="cb-challenge">
      <ModeStyles css={css} />
      {phase.kind === 'round' ? (
        <RoundView key={phase.n} session={phase} onAgain={start} onChange={() => setPhase({ kind: 'setup', focus: true })} />
      ) : (
        <Setup picked={picked} onPick={setPicked} onStart={start} loading={phase.kind === 'loading'} focus={phase.kind === 'setup' && !!phase.focus} error={phase.kind === 'setup' && !!phase.error} />
      )}
    </div>
  );
}

function Setup({ picked, onPick, onStart, loading, focus, error }: { picked: readonly string[]; onPick: (ids: readonly string[]) => void; onStart: () => void; loading: boolean; focus: boolean; error: boolean }) {
  const w = useWords();
  const host = useExercise((s) => s.set);
  const [entries, setEntries] = useState<readonly Entry[]>([]);
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    loadCatalogue().then(setEntries, () => undefined);
  }, []);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  const list = [{ id: host.id, title: host.title, tasks: host.tasks.length }, ...entries.filter((e) => e.id !== host.id)];
  const best = readBests(browserStorage())[choiceKey(picked)];
  return (
    <section className="cb-challenge-setup" aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {w.heading}
      </h2>
      <p>{w.intro(Math.min(CHALLENGE_SIZE, list.reduce((n, e) => n + (picked.includes(e.id) ? (e.tasks ?? CHALLENGE_SIZE) : 0), 0)) || CHALLENGE_SIZE, CHALLENGE_LIMIT_MS / 60_000)}</p>
      <p>{w.scoring}</p>
      <fieldset className="cb-challenge-sets">
        <legend>{w.setsLegend}</legend>
        {list.map((entry) => (
          <label key={entry.id}>
            <input
              type="checkbox"
              checked={picked.includes(entry.id)}
              onChange={(e) => onPick(e.currentTarget.checked ? [...picked, entry.id] : picked.filter((p) => p !== entry.id))}
            />{' '}
            {entry.title}
            {entry.tasks ? <span className="cb-challenge-count"> ({w.tasks(entry.tasks)})</span> : null}
          </label>
        ))}
      </fieldset>
      <p>{picked.length === 0 ? w.pickOne : best ? w.best(best.score, best.right, best.bonus) : w.noBest}</p>
      {error ? <p role="alert">{w.cannotLoad}</p> : null}
      <button type="button" className="cb-button cb-button--primary" aria-disabled={picked.length === 0 || loading || undefined} onClick={() => picked.length && !loading && onStart()}>
        {loading ? w.loading : w.start}
      </button>
    </section>
  );
}

/** The round's tasks play in their own store, which no mode's shell wraps again. */
const ROUND_VIEW: ModeView = { orderOptions: optionOrder, endedLabel: (lang) => wordsFor(lang).saved };

function RoundView({ session, onAgain, onChange }: { session: Session; onAgain: () => void; onChange: () => void }) {
  const strings = useStrings();
  const w = wordsFor(strings.lang);
  const store = useExerciseInstance(session.set, { rules: MODES.challenge, rounds: ROUNDS, mode: 'challenge', logAs: logToOrigins(session.origins) });
  useEffect(() => {
    if (!store.getState().round || store.getState().round?.submittedAt !== null) store.getState().startRound(CHALLENGE_LIMIT_MS);
  }, [store]);
  const inner = useMemo(() => ({ ...strings, check: w.saveAnswer }), [strings, w]);
  return (
    <ExerciseProvider store={store} strings={inner}>
      <ModeViewProvider value={ROUND_VIEW}>
        <Play session={session} onAgain={onAgain} onChange={onChange} />
        <Announcer />
      </ModeViewProvider>
    </ExerciseProvider>
  );
}

/** The time now, again every second while the round runs (Date.now: the page's clock, which tests drive). */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}

function Play({ session, onAgain, onChange }: { session: Session; onAgain: () => void; onChange: () => void }) {
  const round = useExercise((s) => s.round);
  const [say, setSay] = useState('');
  return (
    <>
      <p className="cb-visually-hidden" role="status">
        {say}
      </p>
      {!round ? null : round.submittedAt === null ? <Running round={round} session={session} onSay={setSay} /> : <Results round={round} session={session} onAgain={onAgain} onChange={onChange} />}
    </>
  );
}

function Running({ round, session, onSay }: { round: Round; session: Session; onSay: (text: string) => void }) {
  const w = useWords();
  const { submitRound } = useActions();
  const left = timeLeft(round, useNow()) ?? 0;
  const tasks = useExercise((s) => s.set.tasks);
  const unanswered = useExercise((s) => unansweredCount(s.set.tasks.map((t) => s.progress[t.id])));
  const before = useRef(left);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Every task answered, or the time up: the round is over.
    if (left === 0) onSay(w.timeIsUp);
    else {
      const cue = timerCue(before.current, left);
      if (cue) onSay(`${w.timeLeft}: ${clockText(left)}`);
    }
    before.current = left;
    if (left === 0 || unanswered === 0) submitRound();
  });
  useEffect(() => {
    // Started by the learner: the first task's heading, where the round begins.
    bar.current?.parentElement?.querySelector<HTMLElement>('.cb-task-title')?.focus();
  }, []);
  return (
    <>
      <div className="cb-challenge-bar" ref={bar}>
        <p role="timer">
          {w.timeLeft}: <strong>{clockText(left)}</strong>
        </p>
        <p>{w.answeredOf(tasks.length - unanswered, tasks.length)}</p>
      </div>
      <div className="cb-tasks">
        {tasks.map((task, index) => (
          <div key={task.id} className="cb-challenge-task">
            <p className="cb-challenge-from">{w.from(session.from.get(task.id)?.title ?? '')}</p>
            <TaskCard task={task} number={index + 1} subject={session.from.get(task.id)?.subject ?? ''} headingLevel={2} />
          </div>
        ))}
      </div>
      <button type="button" className="cb-button" onClick={submitRound}>
        {w.finish}
      </button>
    </>
  );
}

/** Each round's best is recorded once, however often its results are drawn. */
const recorded = new WeakMap<Round, ReturnType<typeof recordBest>>();

function Results({ round, session, onAgain, onChange }: { round: Round; session: Session; onAgain: () => void; onChange: () => void }) {
  const w = useWords();
  const strings = useStrings();
  const tasks = useExercise((s) => s.set.tasks);
  const progress = useExercise((s) => s.progress);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  const at = round.submittedAt ?? round.startedAt;
  const ms = elapsedMs(round, at);
  const limit = round.limitMs ?? CHALLENGE_LIMIT_MS;
  const right = tasks.filter((t) => progress[t.id]?.status === 'solved').length;
  const score = challengeScore(right, ms, limit);
  let record = recorded.get(round);
  if (!record) recorded.set(round, (record = recordBest(browserStorage(), session.choice, { ...score, ms, at })));
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="cb-challenge-results" aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {w.resultsHeading}
      </h2>
      {ms >= limit ? <p className="cb-notice">{w.timeIsUp}</p> : null}
      <p className="cb-summary-score">{w.score(score.score)}</p>
      <p>{w.breakdown(right, tasks.length, score.bonus, clockText(limit - ms))}</p>
      <p className="cb-challenge-best">{record.isNew && score.score > 0 ? w.newBest : w.bestWas(record.best.score)}</p>
      <div className="cb-challenge-again">
        <button type="button" className="cb-button cb-button--primary" onClick={onAgain}>
          {w.again}
        </button>
        <button type="button" className="cb-button" onClick={onChange}>
          {w.change}
        </button>
      </div>
      <ol className="cb-challenge-list">
        {tasks.map((task, index) => {
          const p = progress[task.id];
          const outcome = p?.status === 'solved' ? 'right' : p && p.attemptsUsed > 0 ? 'wrong' : 'unanswered';
          return (
            <li key={task.id}>
              <h3>
                {strings.taskHeading(index + 1)}{' '}
                <span className={`cb-badge cb-badge--${outcome === 'right' ? 'solved' : 'failed'}`}>
                  {outcome === 'right' ? '✓' : '✗'} {w[outcome]}
                </span>
              </h3>
              <p className="cb-challenge-from">{w.from(session.from.get(task.id)?.title ?? '')}</p>
              <p className="cb-prompt">{task.prompt}</p>
              <pre className="cb-challenge-code" aria-label={w.solution}>
                <code>{filledCode(task, solutionOf(task))}</code>
              </pre>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Frame({ children }: { children?: ReactNode }) {
  // The set's own tasks are not played here: the challenge draws its round from the sets picked.
  void children;
  return <Shell />;
}

export const view: ModeView = {
  Shell: Frame,
  strings: (lang) => ({ practice: () => wordsFor(lang).header(CHALLENGE_SIZE) }),
};
