/**
 * The exercise's words for screen readers, one event at a time. Its own module, loaded with the feedback
 * (feedback.tsx's chunk) at the learner's first action: the live region (announcer.tsx) is on the page
 * from the start, and what it says for the first event follows as soon as this arrives.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { Policy } from '../engine/modes.ts';
import type { ExerciseEvent } from '../store/events.ts';
import type { PageStrings } from '../i18n/table.ts';
import { withLater } from '../i18n/later.ts';

/**
 * What to say for an event, or null to stay quiet. Pure, so it is tested as a table. With the set, a
 * wrong check also speaks the mistakes it matched: the feedback that teaches, as the card shows it.
 */
/** What the live region needs of the exercise's state: its set, its mode's rules, and its round. */
export interface Speaking {
  readonly set: Pick<ExerciseSet, 'tasks'>;
  readonly rules: Pick<Policy, 'feedback' | 'interaction' | 'showMistakes'>;
  readonly round: { readonly submittedAt: number | null } | null;
}

/**
 * What the live region says for an event in this state, if anything: an exam's checks keep their
 * outcome to themselves until it is submitted (its view says what is due), and a text box or a native
 * list says what it holds itself (each keystroke or choice is not news).
 */
export function speak(event: ExerciseEvent, page: PageStrings, { set, rules, round }: Speaking): string | null {
  if (rules.feedback === 'submit' && !round?.submittedAt && event.type !== 'placed' && event.type !== 'check-refused') return null;
  if (event.type === 'placed' && (rules.interaction === 'typed' || rules.interaction === 'select')) return null;
  return announce(event, page, rules.showMistakes ? set : undefined);
}

export function announce(event: ExerciseEvent, page: PageStrings, set?: Pick<ExerciseSet, 'tasks'>): string | null {
  const strings = withLater(page);
  switch (event.type) {
    case 'placed':
      if (event.option === null) return event.replaced ? strings.sayCleared(event.replaced, event.blank) : null;
      return event.from !== null ? strings.sayMoved(event.option, event.from, event.blank) : strings.sayPlaced(event.option, event.blank);
    case 'selected':
      if (event.blank !== null) return strings.saySelectedBlank(event.blank);
      if (event.option !== null) return strings.saySelectedOption(event.option);
      return strings.sayDeselected;
    case 'checked':
      return [
        strings.sayChecked(
          event.blanks.filter((b) => !b.correct).map((b) => b.blank),
          event.attemptsLeft,
          event.correct,
          !event.correct && event.attemptsLeft === 0,
        ),
        ...(set?.tasks[event.taskNumber - 1]?.mistakes ?? []).filter((_, i) => event.mistakes.includes(i)).map((m) => `${strings.yourChoice}: ${m.text}`),
      ].join(' ');
    case 'check-refused':
      return strings.sayRefused(event.emptyBlanks);
    case 'hint':
      return strings.sayHint(event.hint, event.hints, event.text);
    case 'completed':
      return `${strings.setFinished} ${strings.summaryScore(event.score.solved, event.score.total)}.`;
    default:
      return null;
  }
}
