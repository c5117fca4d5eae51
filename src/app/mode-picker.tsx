/**
 * The inside of "Choose your learning style" (the summary line is in set-page.tsx): the modes built so
 * far for this set, each a link (`?set=<id>&mode=<id>`) with what it trains and the learner's progress in
 * it. A chunk of its own, fetched when the learner opens the picker: practising never pays for it.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import { MODES, modeAvailable, modeTasks, type ModeId } from '../engine/modes.ts';
import { BUILT_MODES } from '../modes/load.ts';
import { browserStorage, itemKey, parseEntry, read, storageKeyFor, type KeyValueStorage } from '../store/persistence.ts';
import { cardId, readCards } from '../store/memory.ts';
import { readAllLogs } from '../store/logs.ts';
import { now } from '../store/clock.ts';
import { everWrong } from '../engine/review-items.ts';
import { nextDayStart } from '../engine/days.ts';
import { blanksOfTask } from '../engine/template.ts';
import { summariseSaved } from '../store/saved-summary.ts';
import { readRounds } from '../store/rounds.ts';
import { readBests } from '../store/challenge-bests.ts';
// The list's look travels with it: the set page's stylesheet carries only the picker's closed line.
import css from './mode-picker.css?inline';

const ABOUT: Readonly<Record<ModeId, readonly [string, string]>> = {
  practice: ['Practice', 'Drag or tap options into the blanks, with hints and three attempts.'],
  study: ['Study', 'A worked example with each answer explained; then hide the answers one at a time and fill them yourself.'],
  typed: ['Type it', 'Recall each answer and type it, with no options to choose from.'],
  pick: ['Pick', 'Choose each answer from a list: the lightest way to answer.'],
  order: ['Line order', 'Put the lines of the solved code in order, leaving out the wrong ones.'],
  flashcards: ['Flashcards', 'Recall one blank at a time and rate yourself; each card comes back when it is due.'],
  review: ['Review', 'Past mistakes from every set, back on the day they are due.'],
  challenge: ['Challenge', 'Ten tasks mixed from the sets you pick, against the clock, no hints: beat your best score.'],
  exam: ['Exam', 'One answer per task, no hints, the score at the end, against the clock if you like.'],
};

/** Flashcards: how many of the set's cards are due today, once any is rated. */
function cardProgress(set: ExerciseSet, storage: KeyValueStorage | null): string {
  const stored = readCards(storage).cards;
  const ids = set.tasks.flatMap((task) => blanksOfTask(task).map((blank) => cardId(set.id, task, blank)));
  const end = nextDayStart(now());
  if (!ids.some((id) => stored[id])) return 'Not started';
  return `${ids.filter((id) => (stored[id]?.due ?? 0) < end).length} of ${ids.length} cards due today`;
}

/** The learner's progress in one mode, in a few words. */
function progressIn(set: ExerciseSet, mode: ModeId): string {
  const storage = browserStorage();
  // A challenge's best is kept per choice of sets: this set's own, played alone.
  if (mode === 'challenge') {
    const best = readBests(storage)[set.id];
    return best ? `Best: ${best.score}` : 'Not started';
  }
  const key = storageKeyFor(set, undefined, mode);
  const tasks = modeTasks(MODES[mode], set);
  const saved = summariseSaved(storage, key, tasks.map(itemKey));
  const best = mode === 'exam' ? readRounds(parseEntry(read(storage, key) ?? '{}')?.rounds ?? {}).history.reduce((a, r) => Math.max(a, r.solved), -1) : undefined;
  if (mode === 'flashcards') return cardProgress(set, storage);
  if (mode === 'review') {
    const n = Object.values(readAllLogs(storage)).filter(everWrong).length;
    return n ? `${n} ${n === 1 ? 'task' : 'tasks'} got wrong, in every set` : 'Nothing to review yet';
  }
  if (best !== undefined && best >= 0) return `Best: ${best} of ${tasks.length}`;
  if (!saved) return 'Not started';
  return saved.solved ? `${saved.solved} of ${tasks.length} ${mode === 'study' ? 'studied' : 'solved'}` : 'In progress';
}

/** The list of modes, with what each trains and the learner's progress in it: read when the picker opens. */
export function ModeList({ set, current }: { set: ExerciseSet; current: ModeId }) {
  const modes = BUILT_MODES.filter((mode) => modeAvailable(MODES[mode], set));
  return (
    <>
      <style>{css}</style>
      <p className="mode-now">Now: {ABOUT[current][0]}</p>
      <ul>
        {modes.map((mode) => (
          <li key={mode}>
            <a href={`?set=${encodeURIComponent(set.id)}&mode=${mode}`} aria-current={mode === current ? 'page' : undefined}>
              <strong>{ABOUT[mode][0]}</strong>
              <span>{ABOUT[mode][1]}</span>
              <span className="mode-progress">{progressIn(set, mode)}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
