/**
 * The exercise's words for screen readers, one event at a time. Its own module, loaded with the feedback
 * (feedback.tsx's chunk) at the learner's first action: the live region (announcer.tsx) is on the page
 * from the start, and what it says for the first event follows as soon as this arrives.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { ExerciseEvent } from '../store/events.ts';
import type { PageStrings } from '../i18n/table.ts';
import { withLater } from '../i18n/later.ts';

/**
 * What to say for an event, or null to stay quiet. Pure, so it is tested as a table. With the set, a
 * wrong check also speaks the mistakes it matched: the feedback that teaches, as the card shows it.
 */
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
