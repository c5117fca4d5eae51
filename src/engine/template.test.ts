// @vitest-environment node
import fc from 'fast-check';
import { blanksOf, codeLines, parseTemplate, type Segment, type Template } from './template.ts';

const text = (t: string): Segment => ({ kind: 'text', text: t });
const blank = (n: number): Segment => ({ kind: 'blank', blank: n });

describe('parseTemplate reads one authored line', () => {
  it.each<[string, string, Segment[]]>([
    ['a blank inside text', 'grant_type=[[1]]&x=1', [text('grant_type='), blank(1), text('&x=1')]],
    ['several blanks on one line', 'f([[1]], [[2]], [[3]])', [text('f('), blank(1), text(', '), blank(2), text(', '), blank(3), text(')')]],
    ['two blanks side by side', '[[1]][[2]]', [blank(1), blank(2)]],
    ['a line that is only a blank', '[[7]]', [blank(7)]],
    ['list indexing stays code', 'items[1] + matrix[0][1]', [text('items[1] + matrix[0][1]')]],
    ['a blank used as an index', 'last = items[[[1]]]', [text('last = items['), blank(1), text(']')]],
    ['a blank next to literal indexing', 'matrix[0][[[1]]]', [text('matrix[0]['), blank(1), text(']')]],
    ['numpy fancy indexing stays code', 'a[[0, 1]]', [text('a[[0, 1]]')]],
    ['spaces inside [[ ]] make it code', 'x[[ 1 ]]', [text('x[[ 1 ]]')]],
    ['\\[[ writes a literal [[', 'a\\[[1]] = [[1]]', [text('a[[1]] = '), blank(1)]],
    ['an escape right before a blank', '\\[[[[2]]', [text('[['), blank(2)]],
    ['a backslash before an escape', 'x\\\\[[1]]', [text('x\\[[1]]')]],
    ['an unclosed [[ is code', 'a[[1] and [[', [text('a[[1] and [[')]],
    ['an empty line has no segments', '', []],
  ])('%s', (_name, source, segments) => {
    expect(parseTemplate([source]).lines).toEqual([segments]);
  });
});

describe('parseTemplate reads the code in either form', () => {
  it('gives the same lines for an array of lines and one string with \\n or \\r\\n', () => {
    const lines = ['def f(x):', '    return [[1]]', '', 'print(f([[2]]))'];
    expect(parseTemplate(lines.join('\n'))).toEqual(parseTemplate(lines));
    expect(parseTemplate(lines.join('\r\n'))).toEqual(parseTemplate(lines));
  });

  it('splits an array item that itself holds a line break', () => {
    expect(codeLines(['a\nb', 'c'])).toEqual(['a', 'b', 'c']);
    expect(parseTemplate(['x = [[1]]\ny = [[2]]']).occurrences.map((o) => o.line)).toEqual([0, 1]);
  });

  it('records every occurrence with its line and its column in the authored line', () => {
    const template = parseTemplate(['a [[1]] b [[2]]', '\\[[ [[3]]', '[[1]]']);
    expect(template.occurrences).toEqual([
      { blank: 1, line: 0, column: 2 },
      { blank: 2, line: 0, column: 10 },
      // The column counts the authored backslash: it is where an editor shows the blank.
      { blank: 3, line: 1, column: 4 },
      { blank: 1, line: 2, column: 0 },
    ]);
  });
});

describe('blanksOf', () => {
  it('lists each blank once, in reading order', () => {
    expect(blanksOf(parseTemplate(['[[2]] [[1]]', '[[2]] [[3]]']))).toEqual([2, 1, 3]);
  });

  it('finds no blanks in code without any', () => {
    expect(blanksOf(parseTemplate('print(items[0])'))).toEqual([]);
  });
});

/** Writes a template back as an author would: blanks as [[n]], literal [[ escaped. */
function render(template: Template): string[] {
  return template.lines.map((segments) =>
    segments.map((s) => (s.kind === 'blank' ? `[[${s.blank}]]` : s.text.replaceAll('[[', '\\[['))).join(''),
  );
}

// Lines built from the characters that matter to the parser, so collisions are frequent.
const tricky = fc.string({ unit: fc.constantFrom('[', ']', '\\', '0', '1', '2', '9', 'a', ' ', ','), maxLength: 24 });
const authoredLines = fc.array(tricky, { minLength: 1, maxLength: 4 });

describe('parseTemplate properties', () => {
  it('round-trips: writing the segments back gives the same template', () => {
    fc.assert(
      fc.property(authoredLines, (lines) => {
        const template = parseTemplate(lines);
        expect(parseTemplate(render(template))).toEqual({
          lines: template.lines,
          occurrences: template.occurrences.map((o) => ({ ...o, column: expect.any(Number) as unknown as number })),
        });
      }),
      { numRuns: 500 },
    );
  });

  it('points every occurrence at a [[n]] for that blank in the authored line', () => {
    fc.assert(
      fc.property(authoredLines, (lines) => {
        for (const o of parseTemplate(lines).occurrences) {
          const match = /^\[\[(\d+)\]\]/.exec((lines[o.line] ?? '').slice(o.column));
          expect(Number(match?.[1])).toBe(o.blank);
        }
      }),
      { numRuns: 300 },
    );
  });
});
