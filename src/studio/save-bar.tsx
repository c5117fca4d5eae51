/**
 * Saving. Under `npm start` the dev server's route writes exercises/<file> (scripts/studio-save-plugin.ts)
 * and answers 409 when the file changed on disk since it was opened: the studio then asks before it
 * overwrites. A static build has no route: Download (a Blob link) and Copy instead.
 */
import { useState } from 'react';

/** Hands the text to the browser as a file download. */
function download(fileName: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

export function SaveBar({ fileName, text, hash, onStatus }: { fileName: string; text: string; hash: string | null; onStatus: (message: string) => void }) {
  const [conflict, setConflict] = useState(false);
  // The hash of the text on disk as this studio last read or wrote it (the studio keys this bar by document).
  const [known, setKnown] = useState(hash);

  const save = async (overwrite: boolean) => {
    setConflict(false);
    const response = await fetch('__codeblanks/save', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: fileName, text, hash: known, overwrite }),
    });
    const body = (await response.json()) as { saved?: string; hash?: string; error?: string };
    if (response.status === 409) {
      setConflict(true);
      onStatus(`exercises/${fileName} changed on disk since you opened it (or already exists).`);
      return;
    }
    if (!response.ok) {
      onStatus(`Not saved: ${body.error ?? response.status}`);
      return;
    }
    setKnown(body.hash ?? null);
    onStatus(`Saved ${body.saved ?? fileName}.`);
  };

  return (
    <section className="studio-save" aria-label="Save">
      <div className="cb-buttons">
        {import.meta.env.DEV ? (
          <button type="button" className="cb-button cb-button--primary" onClick={() => void save(false)}>
            Save to exercises/{fileName}
          </button>
        ) : null}
        <button type="button" className="cb-button" onClick={() => download(fileName, text)}>
          Download {fileName}
        </button>
        <button
          type="button"
          className="cb-button"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => onStatus('The JSON is copied.'),
              () => onStatus('The browser did not allow copying: select the JSON and copy it by hand.'),
            )
          }
        >
          Copy JSON
        </button>
      </div>
      {conflict ? (
        <div className="cb-message cb-message--warn" role="alert">
          <p>exercises/{fileName} changed on disk since you opened it. Overwrite it with this version?</p>
          <div className="cb-buttons">
            <button type="button" className="cb-button cb-button--danger" onClick={() => void save(true)}>
              Overwrite
            </button>
            <button type="button" className="cb-button" onClick={() => setConflict(false)}>
              Keep the file on disk
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
