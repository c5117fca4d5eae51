/**
 * The exercise's voice for screen readers: turns the store's events into our own words in a polite
 * live region ("client_credentials placed in blank 1", "Blank 1 is wrong. Attempts: 2 left. Your
 * choice: Using 'password'...").
 */
import { useEffect, useState } from 'react';
import { useExerciseStoreApi, useStrings } from '../hooks/exercise-context.tsx';
import { loadFeedback } from './task-card.tsx';

export function Announcer() {
  const store = useExerciseStoreApi();
  const strings = useStrings();
  const [message, setMessage] = useState('');
  useEffect(
    () =>
      store.subscribeEvents((event) => {
        const { set, rules, round } = store.getState();
        // An exam's checks keep their outcome to themselves until it is submitted (its view says what is due).
        if (rules.feedback === 'submit' && !round?.submittedAt && event.type !== 'placed' && event.type !== 'check-refused') return;
        // A text box and a native list say what they hold themselves: each keystroke or choice is not news.
        if (event.type === 'placed' && (rules.interaction === 'typed' || rules.interaction === 'select')) return;
        // The words come with the feedback's chunk (announce.ts): in at the first event, in order after it.
        void loadFeedback().then((loaded) => {
          const text = loaded?.announce(event, strings, rules.showMistakes ? set : undefined);
          // A trailing no-break space toggles so the same words twice are still announced twice. The set's
          // end follows the check that ended it: both are said, the check's verdict first.
          if (text) setMessage((previous) => (event.type === 'completed' ? `${previous} ${text}` : previous === text ? `${text}\u00a0` : text));
        });
      }),
    [store, strings],
  );
  return (
    <div className="cb-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-announcer="">
      {message}
    </div>
  );
}
