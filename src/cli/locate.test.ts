// @vitest-environment node
import fc from 'fast-check';
import { parseTree } from 'jsonc-parser';
import { lineStarts, offsetOfIssue, positionAt, rawIndex, scanKeys } from './locate.ts';

describe('positionAt', () => {
  it.each([
    ['the first character', 'ab\ncd', 0, { line: 1, column: 1 }],
    ['the end of a line (its \\n)', 'ab\ncd', 2, { line: 1, column: 3 }],
    ['the start of the next line', 'ab\ncd', 3, { line: 2, column: 1 }],
    ['a line after \\r\\n', 'ab\r\ncd', 5, { line: 2, column: 2 }],
    ['an empty line', 'a\n\nb', 2, { line: 2, column: 1 }],
    ['the end of the file', 'a\nb', 3, { line: 2, column: 2 }],
  ])('places %s', (_name, text, offset, position) => {
    expect(positionAt(lineStarts(text), offset)).toEqual(position);
  });

  it('agrees with counting by hand for any text and offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', ' ') }), fc.nat(), (text, n) => {
        const offset = n % (text.length + 1);
        const before = text.slice(0, offset).split('\n');
        expect(positionAt(lineStarts(text), offset)).toEqual({ line: before.length, column: (before.at(-1) ?? '').length + 1 });
      }),
    );
  });
});

describe('rawIndex', () => {
  it.each([
    ['no escapes', 'abc', 2, 2],
    ['after \\"', 'say \\"hi\\" [[1]]', 10, 12],
    ['after \\\\', 'a\\\\[[1]]', 2, 3],
    ['after \\u00e9', '\\u00e9t\\u00e9 [[1]]', 4, 14],
    ['past the end', 'ab', 9, 2],
  ])('maps an index in the value to the source %s', (_name, raw, index, expected) => {
    expect(rawIndex(raw, index)).toBe(expected);
  });

  it('lands every value index on the matching source index, whatever JSON.stringify escaped', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), (value, n) => {
        const raw = JSON.stringify(value).slice(1, -1);
        const index = n % (value.length + 1);
        expect(JSON.parse(`"${raw.slice(0, rawIndex(raw, index))}"`)).toBe(value.slice(0, index));
      }),
      { numRuns: 500 },
    );
  });
});

describe('offsetOfIssue', () => {
  const text = [
    '{',
    '  "id": "x",',
    '  "tasks": [',
    '    { "answers": { "7": "a" }, "code": ["say(\\"\\u00e9\\", [[2]])"] }',
    '  ]',
    '}',
  ].join('\n');
  const tree = parseTree(text);
  if (!tree) throw new Error('the test document must parse');
  const at = (issue: Parameters<typeof offsetOfIssue>[2]) => positionAt(lineStarts(text), offsetOfIssue(text, tree, issue));

  it('points at a value', () => {
    expect(at({ path: ['id'] })).toEqual({ line: 2, column: 9 });
  });

  it('points at the key\'s opening quote when the key is at fault', () => {
    expect(at({ path: ['tasks', 0, 'answers', '7'], atKey: true })).toEqual({ line: 4, column: 20 });
  });

  it('points at the object when the path runs past what the file has', () => {
    expect(at({ path: ['tasks', 0, 'prompt'] })).toEqual({ line: 4, column: 5 });
  });

  it('points at the file\'s start for the set itself', () => {
    expect(at({ path: [] })).toEqual({ line: 1, column: 1 });
  });

  it('points inside a string, counting the escapes before the spot', () => {
    // The value is `say("é", [[2]])`: [[2]] starts at index 9 there, and at column 58 in the file.
    expect(at({ path: ['tasks', 0, 'code', 0], stringOffset: 9 })).toEqual({ line: 4, column: 58 });
    expect(text.split('\n')[3]?.slice(57, 62)).toBe('[[2]]');
  });
});

describe('scanKeys', () => {
  it('finds a key written twice in one object, at its second writing', () => {
    const text = '{"a": 1, "b": {"a": 2, "c": "x"}, "a": 3}';
    expect(scanKeys(text).duplicates).toEqual([{ key: 'a', offset: text.lastIndexOf('"a"') }]);
  });

  it('does not mistake the same key in sibling objects, or strings full of punctuation, for duplicates', () => {
    const text = '{"tasks": [{"id": "a", "code": "x = {\\"id\\": [1, 2]}"}, {"id": "b"}], "id": "s"}';
    expect(scanKeys(text).duplicates).toEqual([]);
  });

  it('compares keys by their value, so an escaped spelling is the same key', () => {
    expect(scanKeys('{"id": 1, "\\u0069d": 2}').duplicates).toEqual([{ key: 'id', offset: 10 }]);
  });

  it('finds where each top-level value starts, in any compact JSON object', () => {
    const key = fc.string().filter((k) => k !== '__proto__');
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue()), (object) => {
        const text = JSON.stringify(object);
        const { rootValues, duplicates } = scanKeys(text);
        expect(duplicates).toEqual([]);
        for (const [k, v] of Object.entries(object)) {
          if (typeof v !== 'string' && (typeof v !== 'object' || v === null)) continue;
          const start = rootValues.get(k);
          expect(start).toBeTypeOf('number');
          expect(text.startsWith(JSON.stringify(v), start)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a top-level key written again at the end, whatever characters and escapes it holds', () => {
    const key = fc.string({ unit: 'binary' }).filter((k) => k !== '__proto__');
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue(), { minKeys: 1 }), fc.nat(), (object, pick) => {
        const keys = Object.keys(object);
        const again = keys[pick % keys.length]!;
        const text = `${JSON.stringify(object, null, 1).slice(0, -2)},\n${JSON.stringify(again)}: 0}`;
        expect(scanKeys(text).duplicates).toEqual([{ key: again, offset: text.lastIndexOf(`${JSON.stringify(again)}: 0}`) }]);
      }),
      { numRuns: 300 },
    );
  });
});
