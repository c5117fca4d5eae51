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
        // The words, and whether this mode speaks of the event at all, come with the feedback's chunk
        // (announce.ts): in at the first event, in order after it.
        void loadFeedback().then((loaded) => {
          const text = loaded?.speak(event, strings, store.getState());
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
