// @vitest-environment node
import { readFileSync } from 'node:fs';
import { checkFiles } from '../cli/check-file.ts';
import { loadExerciseSet } from '../engine/load-set.ts';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import type { ImportResult } from './build.ts';
import { importMoodleXml } from './moodle.ts';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

function validSet(result: ImportResult): ExerciseSet {
  if (!result.ok) throw new Error(`import refused: ${result.message}`);
  const [set] = result.sets;
  if (!set) throw new Error('no set');
  expect(loadExerciseSet(JSON.parse(JSON.stringify(set))).ok).toBe(true);
  const [checked] = checkFiles([{ path: `${set.id}.json`, fileName: `${set.id}.json`, text: JSON.stringify(set, null, 2) }]);
  expect(checked?.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return set;
}

const reportOf = (result: ImportResult, question: string): string =>
  (result.report ?? []).filter((r) => r.question.includes(question)).flatMap((r) => r.notes).join('\n');
const task = (set: ExerciseSet, id: string): Task => {
  const found = set.tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
};

describe('Moodle ddwtos and gapselect', () => {
  const result = importMoodleXml(fixture('ddwtos-groups.xml'), 'ddwtos-groups.xml');
  const set = validSet(result);

  it('names the set after the category', () => {
    expect(set.title).toBe('Python lists');
  });

  it('renumbers [[n]] choice numbers to blanks in reading order, keeps code from <pre> with its language and escapes a literal [[', () => {
    const nested = task(set, 'nested-lists');
    expect(nested.language).toBe('python');
    expect(nested.prompt).toBe('Complete the code.');
    expect(nested.code).toBe('grid = \\[[1, 2], [3, 4]]\nfirst = grid[[[1]]][[[2]]]\ntotal = [[3]](grid[0]) + [[4]](grid[1])\nprint()');
    expect(nested.answers).toEqual({ '1': '0', '2': '1', '3': 'sum', '4': 'sum' });
  });

  it('keeps the source order of the choices when Moodle does not shuffle them, and sorts them when it does', () => {
    expect(task(set, 'nested-lists').options).toEqual(['0', '1', 'sum', 'len', '2']);
    expect(task(set, 'query-clauses').options).toEqual(['FROM', 'SELECT', 'UPDATE', 'WHERE']);
    expect(task(set, 'query-clauses').answers).toEqual({ '1': 'SELECT', '2': 'FROM' });
  });

  it('carries hints and general feedback over', () => {
    expect(task(set, 'nested-lists').hints).toEqual(['Count from zero.']);
    expect(task(set, 'nested-lists').explanation).toBe('Lists index from 0.');
  });

  it('carries choice groups as a bank per blank and "unlimited" (infinite) choices as a list of reusable options', () => {
    const nested = task(set, 'nested-lists');
    expect(nested.options).toEqual(['0', '1', 'sum', 'len', '2']);
    expect(nested.answers).toEqual({ '1': '0', '2': '1', '3': 'sum', '4': 'sum' });
    expect(nested.groups).toEqual([
      { blanks: [1, 2], options: ['0', '1', '2'] },
      { blanks: [3, 4], options: ['sum', 'len'] },
    ]);
    expect(nested.reusableOptions).toEqual(['sum']);
    const notes = reportOf(result, 'Nested lists');
    expect(notes).not.toContain('group');
    expect(notes).not.toContain('unlimited');
    expect(notes).not.toContain('reusableOptions');
  });

  it('gives gapselect\'s lists their own group each', () => {
    expect(task(set, 'query-clauses').groups).toEqual([
      { blanks: [1], options: ['SELECT', 'UPDATE'] },
      { blanks: [2], options: ['FROM', 'WHERE'] },
    ]);
  });

  it('reports a placeholder without a choice, hint settings, overall feedback and the penalty', () => {
    const notes = reportOf(result, 'Nested lists');
    expect(notes).toContain('[[7]] names no choice');
    expect(notes).toContain('hint settings');
    expect(notes).toContain('correctfeedback');
    expect(notes).toContain('penalty per try (25%)');
  });

  it('lets the dropdowns of gapselect reuse every option, as Moodle offers each choice in every gap', () => {
    expect(task(set, 'query-clauses').reusableOptions).toBe(true);
  });

  it('reports a question type it does not read, never dropping it silently', () => {
    expect(reportOf(result, 'Not a gap question')).toContain('question type "multichoice" is not a fill-in-the-blank type');
  });
});

describe('Moodle Gapfill', () => {
  const result = importMoodleXml(fixture('gapfill-syntax.xml'), 'gapfill-syntax.xml');
  const set = validSet(result);

  it('reads the first of the repeated delimiter settings ({}), | alternatives and escaped commas in wrong answers', () => {
    const php = task(set, 'arrays-in-php');
    expect(php.language).toBe('php');
    expect(php.code).toBe("$ar = array('cat', 'mat');\nprint $ar[[[1]]];\necho [[2]]($ar[1]);");
    expect(php.answers).toEqual({ '1': ['0', 'zero'], '2': 'strtoupper' });
    expect(php.options).toEqual(['0', '1', 'one, or two', 'strtoupper', 'zero']);
  });

  it('makes per-gap wrong feedback a mistake and right feedback part of the explanation', () => {
    const php = task(set, 'arrays-in-php');
    expect(php.mistakes).toContainEqual({ text: 'Blank 1: PHP arrays start at 0.', when: { '1': ['1', 'one, or two', 'strtoupper'] } });
    expect(php.mistakes).toContainEqual({ text: 'Blank 2: Upper case needs strtoupper.', when: { '2': ['0', '1', 'one, or two', 'zero'] } });
    expect(php.explanation).toBe('Arrays count from zero.\n\nBlank 1: Yes, index 0.');
  });

  it('keeps single use chips single use', () => {
    expect(task(set, 'arrays-in-php').reusableOptions).toBeUndefined();
  });

  it('reads regular expressions, !! empty answers and escapes, and reports what they lose', () => {
    const typed = task(set, 'colours-typed');
    expect(typed.answers).toEqual({ '1': 'colou?r', '2': '$', '3': 'dog', '4': 'Grey' });
    const notes = reportOf(result, 'Colours typed');
    expect(notes).toContain('regular-expression answers not carried over as patterns');
    expect(notes).toContain('2 gaps could also be right when left empty (!!)');
    expect(notes).toContain('gap 3 has no answer that can be an option');
    expect(notes).toContain('typed answers became a bank');
    expect(notes).toContain('"no duplicates"');
    expect(notes).toContain('letter hints');
  });

  it('carries typed gaps that ignore case as ignoreCase, and leaves case-sensitive ones as they are', () => {
    expect(task(set, 'colours-typed').ignoreCase).toBeUndefined();
    const xml = '<quiz><question type="gapfill"><name><text>Any case</text></name><questiontext format="html"><text>&lt;pre&gt;[SELECT] * FROM t&lt;/pre&gt;</text></questiontext><answerdisplay>gapfill</answerdisplay><casesensitive>0</casesensitive></question></quiz>';
    const anyCase = task(validSet(importMoodleXml(xml, 'any-case.xml')), 'any-case');
    expect(anyCase.ignoreCase).toBe(true);
    expect(reportOf(importMoodleXml(xml, 'any-case.xml'), 'Any case')).not.toContain('any case');
  });

  it('reads other delimiters and plain-text questions', () => {
    const hash = task(set, 'hash-delimiters-dropdown');
    expect(hash.code).toBe('1 + 1 = [[1]], 2 < [[2]]');
    expect(hash.options).toEqual(['2', '3', '4']);
  });
});

describe('malformed, oversized or hostile Moodle XML is refused', () => {
  it.each([
    ['not XML at all', '<quiz><question type="ddwtos"><name>', 'bad-xml'],
    ['a DOCTYPE with entities (an XML bomb)', '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa">]><quiz></quiz>', 'xml-doctype'],
    ['script in the question text', '<quiz><question type="ddwtos"><questiontext><text><![CDATA[<script>alert(1)</script>[[1]]]]></text></questiontext><dragbox><text>a</text></dragbox></question></quiz>', 'hostile'],
    ['escaped script in the question text', '<quiz><question type="ddwtos"><questiontext><text>&lt;script&gt;alert(1)&lt;/script&gt;[[1]]</text></questiontext><dragbox><text>a</text></dragbox></question></quiz>', 'hostile'],
    ['no questions', '<quiz></quiz>', 'no-questions'],
    ['no fill-in-the-blank question', '<quiz><question type="truefalse"><name><text>T</text></name></question></quiz>', 'nothing-to-import'],
  ])('%s', (_, xml, code) => {
    const result = importMoodleXml(xml, 'x.xml');
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('takes an escaped <script> in CDATA for what it is: text about HTML', () => {
    const xml = '<quiz><question type="ddwtos"><name><text>Tags</text></name><questiontext><text><![CDATA[<p>Load code with &lt;[[1]]&gt;</p>]]></text></questiontext><dragbox><text>script</text></dragbox><dragbox><text>style</text></dragbox></question></quiz>';
    const set = validSet(importMoodleXml(xml, 'tags.xml'));
    expect(set.tasks[0]?.code).toBe('Load code with <[[1]]>');
  });

  it('refuses 10,000 questions in one file', () => {
    const one = '<question type="ddwtos"><name><text>Q</text></name><questiontext><text>a [[1]]</text></questiontext><dragbox><text>b</text></dragbox></question>';
    const result = importMoodleXml(`<quiz>${one.repeat(10_000)}</quiz>`, 'huge.xml');
    expect(result).toMatchObject({ ok: false, code: 'too-many-questions' });
    if (!result.ok) expect(result.message).toContain('10000 questions');
  });
});
