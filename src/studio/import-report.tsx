/**
 * What an import did, question by question, as `npm run import` prints it: the task each question
 * became (or that it was not imported) and everything not carried over, so the author knows what to
 * check in the set now open. A file that held several sets offers each of them.
 */
import type { ExerciseSet } from '../schema/exercise-schema.ts';
import type { QuestionReport } from '../import/build.ts';

export interface Imported {
  readonly fileName: string;
  readonly sets: readonly ExerciseSet[];
  readonly report: readonly QuestionReport[];
}

export function ImportReport({ imported, onOpen }: { imported: Imported; onOpen: (set: ExerciseSet) => void }) {
  const { fileName, sets, report } = imported;
  return (
    <section className="studio-import" aria-labelledby="studio-import-title">
      <h2 id="studio-import-title">Imported from {fileName}</h2>
      {sets.length > 1 ? (
        <div className="studio-row">
          <span>This file held {sets.length} sets:</span>
          {sets.map((set) => (
            <button key={set.id} type="button" className="cb-button" onClick={() => onOpen(set)}>
              Open {set.id}.json
            </button>
          ))}
        </div>
      ) : null}
      <ul className="studio-report" aria-label="Import report">
        {report.map((entry, i) => (
          <li key={i}>
            {entry.question}: {entry.taskId ? `task “${entry.taskId}”` : 'not imported'}
            {entry.notes.length > 0 ? (
              <ul>
                {entry.notes.map((note, j) => (
                  <li key={j}>{note}</li>
                ))}
              </ul>
            ) : entry.taskId ? (
              ', carried over whole'
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
