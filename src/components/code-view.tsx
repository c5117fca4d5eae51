/**
 * The task's code, highlighted for its language, with the blanks inline where `[[n]]` stood. A line
 * too long for the box wraps, never sideways scrolling, which hid blanks on a phone: its continuation
 * rows hang past the line's own indentation, behind a drawn wrap mark (CSS, so a copy of the code is the
 * code). A blank is one unbreakable box, no wider than the line.
 */
import { memo, useMemo, useSyncExternalStore, type ComponentType, type CSSProperties, type ReactNode } from 'react';
import type { Task } from '../schema/exercise-schema.ts';
import { parseTemplate } from '../engine/template.ts';
import { highlightTemplate, isLanguageReady, subscribeLanguages, type Piece } from './code/highlight.ts';
import { Blank, type BlankProps } from './blank.tsx';
import { CodeDragArea } from '../dnd/task-dnd.tsx';
import { useStrings } from '../hooks/exercise-context.tsx';

export const CodeView = memo(function CodeView({
  task,
  subject,
  solution,
  locked,
  blank: Box,
}: {
  task: Task;
  subject: string;
  /** Shown in the blanks once the task has failed. */
  solution: Readonly<Record<number, string>> | null;
  /** Attempts used up or solved: nothing can be dragged out of the blanks. */
  locked: boolean;
  /** A mode's own blank (a text box, a list) in place of the bank's button; the code then has no drag and drop. */
  blank?: ComponentType<BlankProps>;
}) {
  const strings = useStrings();
  const B = Box ?? Blank;
  const Area = Box ? PlainCode : CodeDragArea;
  const ready = useSyncExternalStore(subscribeLanguages, () => isLanguageReady(task.language), () => false);
  // Plain until the language's grammar arrives, then coloured.
  const lines = useMemo(() => highlightTemplate(parseTemplate(task.code), ready ? task.language : ''), [task.code, task.language, ready]);
  // Every blank is as wide as the widest option, in the code's monospace font, up to BLANK_MAX_CH
  // (a longer option wraps inside its blank): one long identifier must not stretch every blank.
  const width = useMemo(() => Math.min(BLANK_MAX_CH, Math.max(4, ...task.options.map((o) => [...o].length))), [task.options]);
  return (
    <figure className="cb-code" style={{ ['--cb-blank-ch' as string]: width }}>
      <figcaption className="cb-code-caption">
        <span>{subject}</span>
        <span className="cb-code-lang">{task.language}</span>
      </figcaption>
      <pre className="cb-code-pre" tabIndex={0} aria-label={strings.codeLabel(task.language)}>
        <Area disabled={locked}>
          {lines.map((pieces, lineIndex) => (
            <span className="cb-line" key={lineIndex} style={indentOf(pieces)}>
              {pieces.length === 0 ? '\u200b' : null}
              {pieces.map((piece, i) =>
                piece.kind === 'blank' ? (
                  <B key={`b${piece.blank}`} taskId={task.id} blank={piece.blank} solution={solution?.[piece.blank]} />
                ) : (
                  <span key={i} className={piece.className || undefined}>
                    {piece.text}
                  </span>
                ),
              )}
              {'\n'}
            </span>
          ))}
        </Area>
      </pre>
    </figure>
  );
});

const PlainCode = ({ children }: { children: ReactNode }) => <code>{children}</code>;

/**
 * The widest a blank is made for an option, in characters (a third of a desktop's code box). A longer
 * option still fits: it widens its own blank up to the line, then wraps inside it. A phone's line is
 * narrower still: there a blank is the line's width at most, about 30 characters at 390 px.
 */
export const BLANK_MAX_CH = 40;

/**
 * A line's indentation in columns (a tab to the next multiple of 4, as `tab-size`), as the `--i` its
 * wrapped rows hang from; nothing for a line that starts at column 0.
 */
function indentOf(pieces: readonly Piece[]): CSSProperties | undefined {
  const first = pieces[0];
  const lead = first?.kind === 'text' ? /^[ \t]*/.exec(first.text)![0] : '';
  let n = 0;
  for (const c of lead) n = c === ' ' ? n + 1 : n + 4 - (n % 4);
  return n ? ({ '--i': n } as CSSProperties) : undefined;
}
