/**
 * What a task shows only after a check or on request: the outcome (right, not yet, no attempts left),
 * each blank's mark, the mistake the answer made, the explanation once the task ends, the hints shown and
 * the opened Common mistakes list. A chunk of its own: a plain page load does not fetch it; the learner's
 * first placement or selection does (task-card.tsx's loadFeedback), before they can press Check, and so
 * do Hint and opening Common mistakes (either can come first); a page with saved progress fetches it with
 * the set.
 */
import { useEffect, useId, useRef, useState, type Ref } from 'react';
import { useActions } from '../hooks/use-task.ts';
import { useExercise, useStrings } from '../hooks/exercise-context.tsx';
import type { CheckOutcome, CheckRecord, ListedMistake } from '../engine/grading.ts';
import type { TaskOutcome } from '../hooks/use-task.ts';
import type { PageStrings, Strings } from '../i18n/table.ts';
import { withLater } from '../i18n/later.ts';
import css from './feedback.css?inline';

// The live region's words share this chunk: both follow the learner's first action.
export { announce, speak } from './announce.ts';
// English for the words that follow a first action, for the summary's chunk too (table.ts's LaterKey).
export { withLater } from '../i18n/later.ts';

let sheet: CSSStyleSheet | undefined;

/**
 * Gives the document or shadow root a card is in this chunk's styles (feedback.css), once. A constructed
 * sheet, as the embed's own: a strict Content Security Policy allows it where it would refuse a <style>.
 */
export function adoptStyles(root: Node): void {
  if (!('adoptedStyleSheets' in root)) return; // (jsdom)
  const r = root as Document | ShadowRoot;
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!r.adoptedStyleSheets.includes(sheet)) r.adoptedStyleSheets = [...r.adoptedStyleSheets, sheet];
}

// The card hands down its strings: this chunk importing the context's hook made the embed's build split
// React and the hooks out of its entry into chunks of their own (1.5 KB gzip more to load).
export interface FeedbackProps {
  readonly strings: PageStrings;
  readonly progress: TaskOutcome;
  /** The last check, while the blanks still hold the answer it graded. */
  readonly graded: CheckRecord | null;
  readonly left: number;
  /** The mistakes listed for the task (listedMistakes), null when the rules show none. */
  readonly mistakes: readonly ListedMistake[] | null;
}

/** The outcome, the marks and the mistake the answer made. */
export function Feedback({ strings: page, progress, graded, left, mistakes }: FeedbackProps) {
  const strings = withLater(page);
  const { status, lastCheck } = progress;
  return (
    <>
      {status === 'solved' ? (
        <p className="cb-message cb-message--right">
          <span aria-hidden="true">✓ </span>
          {strings.correct}
        </p>
      ) : null}
      {status === 'active' && graded ? (
        <div className="cb-message cb-message--wrong">
          <p>
            <span aria-hidden="true">✗ </span>
            {strings.notYet(Object.values(graded.correct).filter((ok) => !ok).length, left)}
          </p>
          <Results strings={strings} check={graded} />
          {/* The mistake this answer makes is the check's own feedback, free like the marks. */}
          {mistakes?.map((m) => m.matched && mine(strings, m.text))}
        </div>
      ) : null}
      {status === 'failed' ? (
        <div className="cb-message cb-message--failed">
          <p>{strings.solutionShown}</p>
          {lastCheck ? <Results strings={strings} check={lastCheck} prefix={`${strings.yourChoice}: `} /> : null}
        </div>
      ) : null}
    </>
  );
}

/** Why the last Check was refused (blanks left empty, or the answer graded already), until the learner changes something. */
export function Refusal({ strings: page, notice }: { strings: PageStrings; notice: Extract<CheckOutcome, { kind: 'refused' }> }) {
  const strings = withLater(page);
  return (
    <p className="cb-message cb-message--warn" role="alert">
      {notice.reason === 'incomplete' ? strings.fillFirst(notice.empty) : strings.checkedAlready}
    </p>
  );
}

/**
 * "Reset progress": starts afresh what this view shows, the whole set or only its tasks (another element
 * may show the rest), after asking. Shown once there is something to start afresh, and kept (disabled)
 * after a reset, so the focus that was on it stays there.
 */
export function ResetProgress({ taskIds }: { taskIds: readonly string[] | undefined }) {
  const strings = useStrings();
  const { resetSet } = useActions();
  const all = useExercise((s) => s.set.tasks);
  const started = useExercise((s) => Object.keys(s.progress).some((id) => !taskIds || taskIds.includes(id)));
  const some = taskIds && taskIds.length < all.length ? taskIds : undefined;
  // null before the first question; afterwards focus follows the question in and back out.
  const [asking, setAsking] = useState<boolean | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (asking === false) openRef.current?.focus();
  }, [asking]);
  if (!started && asking === null) return null;
  if (!asking) {
    return (
      <div className="cb-reset-set">
        <button type="button" className="cb-button cb-button--quiet" ref={openRef} disabled={!started} onClick={() => setAsking(true)}>
          {strings.resetProgress}
        </button>
      </div>
    );
  }
  return (
    <ResetQuestion
      strings={strings}
      tasks={some?.map((id) => all.findIndex((t) => t.id === id) + 1)}
      confirmRef={confirmRef}
      onAnswer={(yes) => {
        if (yes) resetSet(some);
        setAsking(false);
      }}
    />
  );
}

/** The question "Reset progress" asks first: these tasks, or the whole set; Yes or Cancel. */
function ResetQuestion({
  strings: page,
  tasks,
  confirmRef,
  onAnswer,
}: {
  strings: PageStrings;
  tasks: readonly number[] | undefined;
  confirmRef: Ref<HTMLButtonElement>;
  onAnswer: (yes: boolean) => void;
}) {
  const strings = withLater(page);
  const textId = useId();
  return (
    <div className="cb-reset-set cb-confirm" role="group" aria-labelledby={textId}>
      <p id={textId}>{tasks ? strings.resetTasksConfirm(tasks) : strings.resetConfirm}</p>
      <button type="button" className="cb-button cb-button--danger" ref={confirmRef} onClick={() => onAnswer(true)}>
        {strings.resetConfirmYes}
      </button>
      <button type="button" className="cb-button" onClick={() => onAnswer(false)}>
        {strings.resetConfirmNo}
      </button>
    </div>
  );
}

/**
 * The note about saved progress that could not be read, or is not being kept (set-view.tsx): rare, so
 * its words and markup come with this chunk, which a page whose saved progress was unreadable has
 * loaded before it draws the set.
 */
export function StorageNotice({ strings: page, notice, onDismiss }: { strings: PageStrings; notice: 'corrupt' | 'unavailable'; onDismiss: () => void }) {
  const strings = withLater(page);
  return (
    <div className="cb-notice" role="status">
      <p>{notice === 'corrupt' ? strings.storageCorrupt : strings.storageUnavailable}</p>
      <button type="button" className="cb-button cb-button--quiet" onClick={onDismiss}>
        {strings.dismiss}
      </button>
    </div>
  );
}

/** The explanation, once the task ends: after the hints and the common mistakes. */
export function Explanation({ strings, text, Sub }: { strings: PageStrings; text: string; Sub: 'h3' | 'h4' }) {
  return (
    <div className="cb-explanation">
      <Sub>{withLater(strings).explanation}</Sub>
      <p>{text}</p>
    </div>
  );
}

/** The hints shown so far, numbered. */
export function Hints({ strings: page, hints, shown }: { strings: PageStrings; hints: readonly string[]; shown: number }) {
  const strings = withLater(page);
  return (
    <div className="cb-hints">
      {hints.slice(0, shown).map((text, i) => (
        <p key={i} className="cb-hint">
          <strong>{strings.hintOf(i + 1, hints.length)}:</strong> {text}
        </p>
      ))}
    </div>
  );
}

/** The opened Common mistakes list (the disclosure's button stays with the card), and whether more may come. */
export function Mistakes({ strings: page, mistakes, later }: { strings: PageStrings; mistakes: readonly ListedMistake[]; later: boolean }) {
  const strings = withLater(page);
  return (
    <>
      {mistakes.length > 0 ? (
        <ul>
          {mistakes.map((m) => (
            <li key={m.text}>{m.matched ? mine(strings, m.text) : m.text}</li>
          ))}
        </ul>
      ) : null}
      {later ? <p>{strings.mistakesLater}</p> : null}
    </>
  );
}

/** A mistake the learner's answer made, marked as theirs. */
function mine(strings: Strings, text: string) {
  return (
    <p key={text} className="cb-mistake--matched">
      <strong>{strings.yourChoice}: </strong>
      {text}
    </p>
  );
}

/** Each blank of the last check, right or wrong, by icon and word as well as colour. */
function Results({ strings, check, prefix = '' }: { strings: Strings; check: CheckRecord; prefix?: string }) {
  return (
    <ul className="cb-results">
      {Object.entries(check.correct).map(([blank, ok]) => (
        <li key={blank} className={ok ? 'cb-result--right' : 'cb-result--wrong'}>
          <span aria-hidden="true">{ok ? '✓' : '✗'} </span>
          {prefix}
          {strings.blankFilled(Number(blank), check.placements[Number(blank)] ?? '')} — {ok ? strings.blankRight : strings.blankWrong}
        </li>
      ))}
    </ul>
  );
}
