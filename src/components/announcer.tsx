/**
 * The exercise's voice for screen readers: turns the store's events into our own words in a polite
 * live region ("client_credentials placed in blank 1", "Blank 1 is wrong. Attempts: 2 left. Your
 * choice: Using 'password'...").
 */
import { useEffect, useState } from 'react';
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { ExerciseEvent } from '../store/events.ts';
import type { Strings } from '../i18n/table.ts';
import { useExerciseStoreApi, useStrings } from '../hooks/exercise-context.tsx';

/**
 * What to say for an event, or null to stay quiet. Pure, so it is tested as a table. With the set, a
 * wrong check also speaks the mistakes it matched: the feedback that teaches, as the card shows it.
 */
export function announce(event: ExerciseEvent, strings: Strings, set?: Pick<ExerciseSet, 'tasks'>): string | null {
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

export function Announcer() {
  const store = useExerciseStoreApi();
  const strings = useStrings();
  const [message, setMessage] = useState('');
  useEffect(
    () =>
      store.subscribeEvents((event) => {
        const { set, rules } = store.getState();
        const text = announce(event, strings, rules.showMistakes ? set : undefined);
        // A trailing no-break space toggles so the same words twice are still announced twice. The set's
        // end follows the check that ended it: both are said, the check's verdict first.
        if (text) setMessage((previous) => (event.type === 'completed' ? `${previous} ${text}` : previous === text ? `${text}\u00a0` : text));
      }),
    [store, strings],
  );
  return (
    <div className="cb-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer="">
      {message}
    </div>
  );
}
