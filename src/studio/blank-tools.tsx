/**
 * Select to blank: the current task's code as plain text (a read-only textarea, so a mouse drag and
 * Shift+arrows select alike), "Make blank" (Ctrl+B in the code), the blanks with their answers and a
 * "Remove blank N" button each, and a field to add a distractor. Every button edits the JSON through
 * `onEdit`, which the editor applies as one undoable transaction.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Task } from '../schema/exercise-schema.ts';
import { addDistractor, blankSelection, removeBlank, type AuthoringResult } from '../engine/authoring.ts';
import { blanksOf, codeLines, parseTemplate } from '../engine/template.ts';

export function BlankTools({
  task,
  taskName,
  onEdit,
}: {
  task: Task;
  taskName: string;
  onEdit: (operation: (task: Task) => AuthoringResult, done: (blank?: number) => string) => void;
}) {
  const code = useRef<HTMLTextAreaElement>(null);
  const [distractor, setDistractor] = useState('');
  const id = useId();
  const lines = codeLines(task.code);
  const blanks = blanksOf(parseTemplate(task.code));

  const makeBlank = () => {
    const area = code.current;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end, value } = area;
    const before = value.slice(0, start);
    const line = before.split('\n').length - 1;
    const column = start - (before.lastIndexOf('\n') + 1);
    if (value.slice(start, end).includes('\n')) {
      onEdit(() => ({ ok: false, reason: 'Select within one line: a blank is part of one line' }), () => '');
      return;
    }
    onEdit((t) => blankSelection(t, line, column, column + (end - start)), (blank) => `Blank ${blank} made from “${value.slice(start, end).trim()}”.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'b') {
      event.preventDefault();
      makeBlank();
    }
  };

  const onDistractor = (event: FormEvent) => {
    event.preventDefault();
    const text = distractor.trim();
    onEdit((t) => addDistractor(t, text), () => {
      setDistractor('');
      return `Distractor “${text}” added.`;
    });
  };

  return (
    <section className="studio-blanks" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Blanks in {taskName}</h2>
      <label htmlFor={`${id}-code`}>Code of {taskName}: select some code, then Make blank</label>
      <textarea
        id={`${id}-code`}
        ref={code}
        className="studio-code"
        // Not readOnly: Chromium moves no caret in a read-only textarea, so Shift+arrows would select
        // nothing. The value is controlled and onChange keeps none of an edit: React puts the code back.
        aria-readonly="true"
        onChange={() => undefined}
        spellCheck={false}
        value={lines.join('\n')}
        rows={Math.min(Math.max(lines.length, 3), 16)}
        onKeyDown={onKeyDown}
        aria-keyshortcuts="Control+B"
        aria-describedby={`${id}-hint`}
      />
      <div className="studio-row">
        <button type="button" className="cb-button cb-button--primary" onClick={makeBlank}>
          Make blank
        </button>
        <p id={`${id}-hint`} className="studio-note studio-hint">
          Select with the mouse or with Shift and the arrow keys; Ctrl+B makes a blank too. Blanks show as [[1]], [[2]]…
        </p>
      </div>
      {blanks.length > 0 ? (
        <ul className="studio-blank-list">
          {blanks.map((blank) => (
            <li key={blank}>
              <span>
                Blank {blank}: <code>{String(task.answers[String(blank)] ?? '')}</code>
              </span>
              <button type="button" className="cb-button cb-button--quiet" onClick={() => onEdit((t) => removeBlank(t, blank), () => `Blank ${blank} removed; the rest renumbered.`)}>
                Remove blank {blank}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="studio-note">
        Options: {task.options.length > 0 ? task.options.map((o) => `“${o}”`).join(', ') : 'none yet'}
      </p>
      <form className="studio-row" onSubmit={onDistractor}>
        <label htmlFor={`${id}-distractor`}>Distractor</label>
        <input id={`${id}-distractor`} value={distractor} onChange={(e) => setDistractor(e.target.value)} spellCheck={false} />
        <button type="submit" className="cb-button">
          Add distractor
        </button>
      </form>
    </section>
  );
}
