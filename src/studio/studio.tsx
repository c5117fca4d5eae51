/**
 * The authoring studio at /author: open a bundled set, a local file or pasted code; edit the JSON with
 * schema help and the validator's problems in place; make blanks by selecting code; see the learner's
 * view live at desktop or phone width; save into exercises/ under `npm start`, or download and copy.
 * A lazy chunk of its own (with CodeMirror): the learner's pages never load a byte of it.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { loadExerciseSet } from '../engine/load-set.ts';
import type { AuthoringResult } from '../engine/authoring.ts';
import { checkFile, sortProblems, type Problem } from '../cli/check-file.ts';
import { checkSolutions } from '../cli/solutions.ts';
import { browserParsers } from './grammars.ts';
import { addTaskText, editTask, formatSet, newSetText, taskAt, taskNames, type Edit } from './document.ts';
import { JsonEditor, type EditorHandle } from './json-editor.tsx';
import { BlankTools } from './blank-tools.tsx';
import { Preview, modeName, previewModes, useModeModule } from './preview.tsx';
import type { ModeId } from '../engine/modes.ts';
import { SaveBar } from './save-bar.tsx';
import { ImportReport, type Imported } from './import-report.tsx';
import { openFile } from './open-file.ts';
// Its text, put in place by the page itself: a lazy chunk with a stylesheet would make the site's entry
// carry Vite's loader for chunk CSS, bytes every learner's page would pay for.
import css from './studio.css?inline';

/** The languages offered for pasted code; the JSON accepts every name the validator knows. */
const LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'c', 'cpp', 'csharp', 'go', 'rust', 'ruby', 'php', 'kotlin', 'swift', 'sql', 'bash', 'html', 'css', 'json', 'yaml'];

/** What is open: its text when opened, the file name, and the on-disk hash (dev, a bundled file). */
interface Opened {
  readonly key: number;
  readonly text: string;
  readonly fileName: string;
  readonly hash: string | null;
}

export function Studio() {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [text, setText] = useState('');
  const [taskIndex, setTaskIndex] = useState(0);
  const [phone, setPhone] = useState(false);
  const [chosenMode, setMode] = useState<ModeId>('practice');
  const [status, setStatus] = useState('');
  // The open/paste form, folded once a set is open so the editor and the preview are in view.
  const [formOpen, setFormOpen] = useState(true);
  const [problem, setProblem] = useState('');
  const [imported, setImported] = useState<Imported | null>(null);
  const [dragging, setDragging] = useState(false);
  const editor = useRef<EditorHandle | null>(null);
  const keys = useRef(0);

  useEffect(() => {
    document.title = 'Studio · codeblanks';
  }, []);

  const open = useCallback((next: Omit<Opened, 'key'>, message: string) => {
    keys.current += 1;
    setOpened({ ...next, key: keys.current });
    setText(next.text);
    setTaskIndex(0);
    setStatus(message);
    setProblem('');
    setFormOpen(false);
  }, []);

  const openSet = useCallback((set: ExerciseSet, message: string) => open({ text: formatSet(set), fileName: `${set.id}.json`, hash: null }, message), [open]);

  // A file dropped on the studio or chosen in its picker: a set opens; anything else goes through the
  // importers, and a file they refuse changes nothing but the message.
  const openLocal = useCallback(
    async (file: File) => {
      const result = await openFile(file);
      if (result.kind === 'set') {
        open({ text: result.text, fileName: file.name, hash: null }, `Opened ${file.name}.`);
        setImported(null);
      } else if (result.kind === 'refused' || result.sets.length === 0) {
        setProblem(`${file.name} was not imported: ${result.kind === 'refused' ? result.message : 'it holds no question this importer can read'}.`.replace(/\.\.$/, '.'));
      } else {
        const [first] = result.sets;
        if (!first) return;
        setImported({ fileName: file.name, sets: result.sets, report: result.report });
        openSet(first, `Imported ${file.name}: ${first.tasks.length} task${first.tasks.length === 1 ? '' : 's'} in ${first.id}.json. The import's report is below.`);
      }
    },
    [open, openSet],
  );

  // The file is named after the set id (the validator insists), so a renamed set saves under its new name.
  const id = useMemo(() => setIdOf(text), [text]);
  const fileName = id ? `${id}.json` : (opened?.fileName ?? 'my-set.json');
  // The validator's checks, and the solution parse (async: a grammar may still be on its way), as
  // `npm run validate` reports them: the editor's lint and the list below show the same problems.
  const check = useCallback(async (source: string): Promise<Problem[]> => {
    const solutions = await checkSolutions([{ path: fileName, fileName, text: source }], browserParsers);
    return sortProblems([...checkFile(fileName, source).problems, ...(solutions.problems.get(fileName) ?? [])]);
  }, [fileName]);
  const shown = useDeferredValue(text);
  const [checked, setChecked] = useState<{ readonly text: string; readonly problems: readonly Problem[]; readonly unparsed: ReadonlyMap<string, number> } | null>(null);
  useEffect(() => {
    if (!opened) return;
    let live = true;
    void checkSolutions([{ path: fileName, fileName, text: shown }], browserParsers).then((solutions) => {
      if (live) setChecked({ text: shown, problems: solutions.problems.get(fileName) ?? [], unparsed: solutions.unparsed });
    });
    return () => {
      live = false;
    };
  }, [opened, fileName, shown]);
  // Until the parse of this very text is in, the list shows the other checks' problems only: a
  // solution's error from an older text could point at the wrong place.
  const solved = checked?.text === shown ? checked : null;
  const problems = useMemo(() => (opened ? sortProblems([...checkFile(fileName, shown).problems, ...(solved?.problems ?? [])]) : []), [opened, fileName, shown, solved]);
  const set = useMemo((): ExerciseSet | null => {
    try {
      const result = loadExerciseSet(JSON.parse(shown));
      return result.ok ? result.set : null;
    } catch {
      return null;
    }
  }, [shown]);

  // The modes the site offers for this set; a choice the set no longer allows (its tasks became too short
  // for line order) falls back to practice until it does again.
  const modes = previewModes(set);
  const mode = modes.includes(chosenMode) ? chosenMode : 'practice';
  const loaded = useModeModule(mode);

  const names = taskNames(text);
  const index = Math.min(taskIndex, Math.max(names.length - 1, 0));
  const task = opened ? taskAt(text, index) : null;

  const apply = (edit: Edit, message: string) => {
    if (!edit.ok) {
      setStatus(edit.reason);
      return false;
    }
    editor.current?.apply(edit.change);
    setStatus(message);
    return true;
  };

  const onTaskEdit = (operation: (t: Task) => AuthoringResult, done: (blank?: number) => string) => {
    const edit = editTask(text, index, operation);
    if (edit.ok) apply(edit, done(edit.blank));
    else setStatus(edit.reason);
  };

  return (
    <div
      className={`studio${dragging ? ' studio--drop' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        const file = e.dataTransfer.files[0];
        if (!file) return;
        e.preventDefault();
        setDragging(false);
        void openLocal(file);
      }}
    >
      <style>{css}</style>
      <nav className="site-breadcrumb" aria-label="Breadcrumb">
        <a href="./">All exercise sets</a>
      </nav>
      <h1>Studio</h1>
      {opened ? null : <p className="studio-note">Start from code you already have: select what should be a blank, and watch the learner's view change.</p>}
      <OpenPanel
        canAdd={opened !== null}
        expanded={formOpen}
        onExpand={setFormOpen}
        onOpen={open}
        onOpenFile={openLocal}
        onProblem={setProblem}
        onAddTask={(code, language) => {
          if (apply(addTaskText(text, code, language), 'Task added from the code.')) setTaskIndex(names.length);
        }}
      />
      <p className="studio-status" role="status">
        {status}
      </p>
      {problem ? (
        <p className="cb-message cb-message--error" role="alert">
          {problem}
        </p>
      ) : null}
      {imported ? <ImportReport imported={imported} onOpen={(set) => openSet(set, `Opened ${set.id}.json from ${imported.fileName}.`)} /> : null}
      {opened ? (
        <div className="studio-work">
          {/* One row of tools over both columns, so the editor and the preview start near the top. */}
          <div className="studio-toolbar">
            {/* The editor's own history: typing and every button below undo alike. */}
            <div className="cb-buttons">
              <button type="button" className="cb-button" onClick={() => editor.current?.undo()}>
                Undo
              </button>
              <button type="button" className="cb-button" onClick={() => editor.current?.redo()}>
                Redo
              </button>
            </div>
            <SaveBar key={opened.key} fileName={fileName} text={text} hash={opened.hash} onStatus={setStatus} />
          </div>
          <div className="studio-column">
            {names.length > 0 ? (
              <div className="studio-row">
                <label htmlFor="studio-task">Task</label>
                <select id="studio-task" value={index} onChange={(e) => setTaskIndex(Number(e.target.value))}>
                  {names.map((name, i) => (
                    <option key={i} value={i}>
                      {i + 1}. {name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            {task ? <BlankTools task={task} taskName={names[index] ?? `task ${index + 1}`} onEdit={onTaskEdit} /> : null}
            <section aria-labelledby="studio-json-title">
              <h2 id="studio-json-title">{opened.fileName}</h2>
              {solved && solved.unparsed.size > 0 ? (
                <p className="studio-note">
                  {[...solved.unparsed].map(([language, tasks]) => `No parser for ${language}: ${tasks === 1 ? "1 task's solution is" : `${tasks} tasks' solutions are`} not checked.`).join(' ')}
                </p>
              ) : null}
              {problems.length === 0 ? (
                <p className="studio-note">No problems: the validator accepts this set.</p>
              ) : (
                <ul className="studio-problems" aria-label="Problems">
                  {problems.map((p, i) => (
                    <li key={i} className={`studio-problem--${p.severity}`}>
                      {p.severity === 'error' ? 'Error' : 'Warning'} at line {p.line}, column {p.column}: {p.message}
                    </li>
                  ))}
                </ul>
              )}
              <JsonEditor
                key={opened.key}
                initial={opened.text}
                label={`JSON of ${opened.fileName}`}
                check={check}
                onChange={setText}
                handle={(h) => {
                  editor.current = h;
                }}
              />
            </section>
          </div>
          <div className="studio-column studio-column--preview">
            <div className="studio-row">
              <label htmlFor="studio-mode">Mode</label>
              <select id="studio-mode" value={mode} onChange={(e) => setMode(e.target.value as ModeId)}>
                {modes.map((m) => (
                  <option key={m} value={m}>
                    {modeName(m)}
                  </option>
                ))}
              </select>
              <button type="button" className="cb-button" aria-pressed={phone} onClick={() => setPhone(!phone)}>
                Phone width (390 px)
              </button>
            </div>
            {/* Keyed by the text and the mode: every valid version of the set, in each mode, gets a fresh preview. */}
            <Preview key={`${mode}\n${set ? shown : 'none'}`} set={set} mode={mode} loaded={loaded} phone={phone} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** Opening: a bundled set, a local file, or pasted code. */
function OpenPanel({
  canAdd,
  expanded,
  onExpand,
  onOpen,
  onOpenFile,
  onProblem: setProblem,
  onAddTask,
}: {
  canAdd: boolean;
  expanded: boolean;
  onExpand: (open: boolean) => void;
  onOpen: (opened: Omit<Opened, 'key'>, message: string) => void;
  onOpenFile: (file: File) => Promise<void>;
  onProblem: (problem: string) => void;
  onAddTask: (code: string, language: string) => void;
}) {
  const [files, setFiles] = useState<string[]>([]);
  const [chosen, setChosen] = useState('');
  const [code, setCode] = useState('');
  const [language, setLanguage] = useState('python');

  useEffect(() => {
    fetch('exercises/index.json')
      .then((r) => r.json() as Promise<{ file: string }[]>)
      .then((entries) => {
        setFiles(entries.map((e) => e.file));
        setChosen(entries[0]?.file ?? '');
      })
      .catch(() => setProblem('The list of bundled sets could not be loaded.'));
  }, [setProblem]);

  const openBundled = async () => {
    if (!chosen) return;
    try {
      if (import.meta.env.DEV) {
        // Under npm start: the file as written on disk, and its hash, so a save knows if it changed meanwhile.
        const r = await fetch(`__codeblanks/file?name=${encodeURIComponent(chosen)}`);
        const body = (await r.json()) as { text?: string; hash?: string; error?: string };
        if (!r.ok || body.text === undefined) throw new Error(body.error ?? String(r.status));
        onOpen({ text: body.text, fileName: chosen, hash: body.hash ?? null }, `Opened exercises/${chosen}.`);
      } else {
        const r = await fetch(`exercises/${encodeURIComponent(chosen)}`);
        if (!r.ok) throw new Error(String(r.status));
        onOpen({ text: formatSet(await r.json()), fileName: chosen, hash: null }, `Opened exercises/${chosen}.`);
      }
    } catch (error) {
      setProblem(`exercises/${chosen} could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    // Folded once a set is open (the summary reopens it): on a laptop's screen the editor and the preview
    // then start near the top.
    <details className="studio-open" open={expanded} onToggle={(e) => onExpand(e.currentTarget.open)}>
      <summary>
        <h2>Open, import or start a set</h2>
      </summary>
      <div className="studio-open-grid">
        <div className="studio-row">
          <label htmlFor="studio-bundled">Bundled set</label>
          <select id="studio-bundled" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {files.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
          <button type="button" className="cb-button" onClick={() => void openBundled()} disabled={!chosen}>
            Open
          </button>
        </div>
        <div className="studio-row">
          <label htmlFor="studio-file">File from this computer</label>
          <input
            id="studio-file"
            type="file"
            accept=".json,.h5p,.xml,application/json,application/zip,text/xml"
            aria-describedby="studio-file-hint"
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared, so choosing the same file again (after fixing it) opens it again.
              e.target.value = '';
              if (file) void onOpenFile(file);
            }}
          />
          <p id="studio-file-hint" className="studio-note">
            A set (.json), or to import: an H5P file (.h5p or its content.json) or Moodle XML. You can also drop the file anywhere on this page.
          </p>
        </div>
        <div className="studio-paste">
          <label htmlFor="studio-paste">Code to start from</label>
          <textarea id="studio-paste" className="studio-code" rows={6} spellCheck={false} value={code} onChange={(e) => setCode(e.target.value)} />
          <div className="studio-row">
            <label htmlFor="studio-language">Language</label>
            <select id="studio-language" value={language} onChange={(e) => setLanguage(e.target.value)}>
              {LANGUAGES.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
            <button
              type="button"
              className="cb-button cb-button--primary"
              disabled={!code.trim()}
              onClick={() => onOpen({ text: newSetText(code, language), fileName: 'my-set.json', hash: null }, 'New set started from the code: select some code below and make a blank.')}
            >
              Start a new set from this code
            </button>
            <button type="button" className="cb-button" disabled={!code.trim() || !canAdd} onClick={() => onAddTask(code, language)}>
              Add task from code
            </button>
          </div>
        </div>
      </div>
    </details>
  );
}

/** The set id written in the text, when it is one (a slug). */
function setIdOf(text: string): string | undefined {
  try {
    const value = (JSON.parse(text) as { id?: unknown } | null)?.id;
    return typeof value === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
