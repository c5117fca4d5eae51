/**
 * The studio's JSON editor: CodeMirror 6 with completion and hover help from the generated JSON Schema
 * (exercises/schema.json) and, as its lint, our own validator (src/cli/check-file.ts, and the solution
 * parse of src/cli/solutions.ts) at the exact line and column it reports, so the studio and `npm run validate` never disagree. The studio's buttons edit
 * the same document through `dispatch`, so undo and redo cover them.
 */
import { useEffect, useRef } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { hoverTooltip } from '@codemirror/view';
import { linter, type Diagnostic } from '@codemirror/lint';
import { undo, redo } from '@codemirror/commands';
import { json, jsonLanguage } from '@codemirror/lang-json';
import { jsonCompletion, jsonSchemaHover, stateExtensions } from 'codemirror-json-schema';
import { disableErrorLogging } from 'best-effort-json-parser';
import schema from '../../exercises/schema.json';
import type { Problem } from '../cli/check-file.ts';
import type { TextChange } from './document.ts';

// codemirror-json-schema reads the half-typed JSON with this parser, which logs every unfinished value
// as a console error while the author types; our validator reports the real problems in place.
disableErrorLogging();

/** What the studio can do to the editor from outside it. */
export interface EditorHandle {
  apply(change: TextChange): void;
  undo(): void;
  redo(): void;
}

/** A validator problem (1-based line and column) as a CodeMirror diagnostic over the text at that place. */
export function toDiagnostic(view: EditorView, problem: Problem): Diagnostic {
  const doc = view.state.doc;
  const line = doc.line(Math.min(Math.max(problem.line, 1), doc.lines));
  const from = Math.min(line.from + problem.column - 1, line.to);
  // Underline the token there (a word, a string), or one character.
  const rest = doc.sliceString(from, line.to);
  const token = /^("(?:[^"\\]|\\.)*"|[\w$.-]+)/.exec(rest)?.[0].length ?? 1;
  return { from, to: Math.min(from + token, line.to), severity: problem.severity, message: problem.message };
}

export function JsonEditor({
  initial,
  label,
  check,
  onChange,
  handle,
}: {
  initial: string;
  label: string;
  check: (text: string) => Promise<readonly Problem[]>;
  onChange: (text: string) => void;
  handle: (editor: EditorHandle | null) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  // The latest callbacks, read by the editor's listeners (created once per document).
  const latest = useRef({ check, onChange });
  useEffect(() => {
    latest.current = { check, onChange };
  });

  useEffect(() => {
    const view = new EditorView({
      doc: initial,
      parent: host.current ?? undefined,
      extensions: [
        basicSetup,
        json(),
        jsonLanguage.data.of({ autocomplete: jsonCompletion() }),
        hoverTooltip(jsonSchemaHover()),
        stateExtensions(schema as Parameters<typeof stateExtensions>[0]),
        // Async (the solution parse may wait for a grammar): CodeMirror drops the answer if the text changed meanwhile.
        linter(async (v) => (await latest.current.check(v.state.doc.toString())).map((p) => toDiagnostic(v, p)), { delay: 250 }),
        // Long lines wrap and the editor grows with its text: a scrolling box would be one more thing
        // to reach by keyboard (and axe asks for it), and the page scrolls anyway.
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    handle({
      apply: (change) => view.dispatch({ changes: change, userEvent: 'input.studio' }),
      undo: () => undo(view),
      redo: () => redo(view),
    });
    return () => {
      handle(null);
      view.destroy();
    };
    // One editor per opened document: the studio keys this component by document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return <div className="studio-editor" ref={host} />;
}
