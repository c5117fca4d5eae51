/**
 * Export progress / Import progress: the learner's progress as one file, carried to another browser
 * (src/store/progress-file.ts). A chunk of its own: the file's checks and merge rules load with these
 * buttons only.
 */
import { useId, useRef, useState } from 'react';
import { browserStorage } from '../store/persistence.ts';
import { now } from '../store/clock.ts';
import { exportProgress, importProgress } from '../store/progress-file.ts';

type Said = { readonly ok: boolean; readonly text: string } | null;

export function ProgressTransfer({ onImported }: { onImported: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [said, setSaid] = useState<Said>(null);
  const hint = useId();

  const save = () => {
    const { name, text, entries } = exportProgress(browserStorage(), now());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setSaid({ ok: true, text: entries ? `Saved ${name}: everything this browser holds.` : `Saved ${name}. There is no progress in this browser yet.` });
  };

  const load = async (file: File | undefined) => {
    if (!file) return;
    const result = importProgress(browserStorage(), await file.text().catch(() => ''));
    if (input.current) input.current.value = '';
    if (!result.ok) return setSaid({ ok: false, text: `${file.name} was not imported. ${result.message}` });
    setSaid({
      ok: true,
      text:
        `Imported ${file.name}: ` +
        (result.written ? `${result.written} ${result.written === 1 ? 'entry' : 'entries'} added or merged; nothing of this browser's was lost.` : 'this browser already had all of it.') +
        (result.unreadable ? ` ${result.unreadable} damaged ${result.unreadable === 1 ? 'entry' : 'entries'} in this browser left as they were.` : ''),
    });
    onImported();
  };

  return (
    <>
      <p id={hint}>
        Everything lives in this browser. Export it to one file to keep it or carry it to another browser; importing merges it with what is here,
        keeping the further progress of each task and every attempt.
      </p>
      <div className="today-start">
        <button type="button" className="cb-button" aria-describedby={hint} onClick={save}>
          Export progress
        </button>
        <button type="button" className="cb-button" aria-describedby={hint} onClick={() => input.current?.click()}>
          Import progress
        </button>
        <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => void load(e.currentTarget.files?.[0])} />
      </div>
      {/* The status region is there from the start, so what it says is announced; a refusal is an alert. */}
      <p role="status">{said?.ok ? said.text : null}</p>
      {said && !said.ok ? (
        <p role="alert" className="cb-message cb-message--error">
          {said.text}
        </p>
      ) : null}
    </>
  );
}
