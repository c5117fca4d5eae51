/**
 * The task's code, highlighted for its language, with the blanks inline where `[[n]]` stood. Lines
 * keep their indentation and the block scrolls sideways on a narrow screen: a blank never wraps away
 * from its line.
 */
import { memo, useMemo, useSyncExternalStore } from 'react';
import type { Task } from '../schema/exercise-schema.ts';
import { parseTemplate } from '../engine/template.ts';
import { highlightTemplate, isLanguageReady, subscribeLanguages } from './code/highlight.ts';
import { Blank } from './blank.tsx';
import { CodeDragArea } from '../dnd/task-dnd.tsx';
import { useStrings } from '../hooks/exercise-context.tsx';

export const CodeView = memo(function CodeView({
  task,
  subject,
  solution,
  locked,
}: {
  task: Task;
  subject: string;
  /** Shown in the blanks once the task has failed. */
  solution: Readonly<Record<number, string>> | null;
  /** Attempts used up or solved: nothing can be dragged out of the blanks. */
  locked: boolean;
}) {
  const strings = useStrings();
  const ready = useSyncExternalStore(subscribeLanguages, () => isLanguageReady(task.language), () => false);
  // Plain until the language's grammar arrives, then coloured.
  const lines = useMemo(() => highlightTemplate(parseTemplate(task.code), ready ? task.language : ''), [task.code, task.language, ready]);
  // Every blank is as wide as the widest option, in the code's monospace font.
  const width = useMemo(() => Math.max(4, ...task.options.map((o) => [...o].length)), [task.options]);
  return (
    <figure className="cb-code" style={{ ['--cb-blank-ch' as string]: width }}>
      <figcaption className="cb-code-caption">
        <span>{subject}</span>
        <span className="cb-code-lang">{task.language}</span>
      </figcaption>
      {/* The scroller takes focus so keyboard users can scroll long lines sideways. */}
      <pre className="cb-code-pre" tabIndex={0} aria-label={strings.codeLabel(task.language)}>
        <CodeDragArea disabled={locked}>
          {lines.map((pieces, lineIndex) => (
            <span className="cb-line" key={lineIndex}>
              {pieces.length === 0 ? '\u200b' : null}
              {pieces.map((piece, i) =>
                piece.kind === 'blank' ? (
                  <Blank key={`b${piece.blank}`} taskId={task.id} blank={piece.blank} solution={solution?.[piece.blank]} />
                ) : (
                  <span key={i} className={piece.className || undefined}>
                    {piece.text}
                  </span>
                ),
              )}
              {'\n'}
            </span>
          ))}
        </CodeDragArea>
      </pre>
    </figure>
  );
});
