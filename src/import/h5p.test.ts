// @vitest-environment node
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { checkFiles } from '../cli/check-file.ts';
import { loadExerciseSet } from '../engine/load-set.ts';
import { parseTemplate } from '../engine/template.ts';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import type { ImportResult } from './build.ts';
import { importH5p, importH5pContent, lexDragTextGap } from './h5p.ts';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** The one set of a successful import, after proving the app and the validator both accept it. */
function validSet(result: ImportResult): ExerciseSet {
  if (!result.ok) throw new Error(`import refused: ${result.message}`);
  const [set] = result.sets;
  if (!set) throw new Error('no set');
  expect(loadExerciseSet(JSON.parse(JSON.stringify(set))).ok).toBe(true);
  const [checked] = checkFiles([{ path: `${set.id}.json`, fileName: `${set.id}.json`, text: JSON.stringify(set, null, 2) }]);
  expect(checked?.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return set;
}

const notesOf = (result: ImportResult): string => (result.report ?? []).flatMap((r) => r.notes).join('\n');
const taskIn = (set: ExerciseSet, index = 0): Task => set.tasks[index] as Task;

describe('lexDragTextGap reads a gap as H5P.DragText does', () => {
  it.each([
    ['blue', { answer: 'blue' }],
    ['blue:Check the name', { answer: 'blue', tip: 'Check the name' }],
    ['def f():', { answer: 'def f():' }],
    ['std::cout', { answer: 'std', tip: ':cout' }],
    ['cout\\+Right\\-Wrong', { answer: 'cout', correct: 'Right', incorrect: 'Wrong' }],
    ['cout\\-Wrong:a tip\\+Right', { answer: 'cout', tip: 'a tip', correct: 'Right', incorrect: 'Wrong' }],
    ['first/1st', { answer: 'first/1st' }],
    [' 3 ', { answer: ' 3' }],
  ])('*%s*', (inner, expected) => {
    expect(lexDragTextGap(inner)).toEqual(expected);
  });
});

describe('H5P Drag the Words, every marker', () => {
  const result = importH5pContent(fixture('dragtext-syntax.content.json'), 'dragtext-syntax.content.json');
  const set = validSet(result);
  const task = taskIn(set);

  it('turns each *gap* into a blank with its answer, in reading order', () => {
    expect(task.answers).toEqual({ '1': 'cout', '2': 'cin', '3': 'std', '4': 'next', '5': 'next' });
    expect(parseTemplate(task.code).occurrences.map((o) => o.blank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('offers the distractors beside the answers, each once, in an order that gives nothing away', () => {
    expect(task.options).toEqual(['cin', 'cout', 'next', 'printf', 'scanf', 'std']);
  });

  it('makes tips hints, \\- feedback mistakes tied to the wrong options, \\+ feedback the explanation', () => {
    expect(task.hints).toEqual(['Blank 1: Character output', 'Blank 3: :cout']);
    expect(task.mistakes).toContainEqual({ text: 'Blank 1: No, that one reads', when: { '1': ['cin', 'next', 'printf', 'scanf', 'std'] } });
    expect(task.mistakes).toContainEqual({ text: 'Blank 2: cin reads from stdin', when: { '2': ['cout', 'next', 'printf', 'scanf', 'std'] } });
    expect(task.explanation).toBe('Blank 1: Right, cout writes to stdout');
  });

  it('keeps text as plain text: entities decoded, a literal [[ escaped, a lone * kept', () => {
    const code = String(task.code);
    expect(code).toContain('Indexing a\\[[0]] stays literal, and <b> is text.');
    expect(code).toContain('a lone * star');
    expect(task.prompt).toBe('Complete the C++ sentence & the shell line.');
  });

  it('reports what could not be carried over', () => {
    const notes = notesOf(result);
    expect(notes).toContain('empty gap (**)');
    expect(notes).toContain('reusableOptions');
    expect(notes).toContain('overall feedback by score range');
    expect(notes).toContain('instant feedback');
    expect(notes).toContain('tips for single gaps became task hints');
    expect(notes).toContain('feedback for a right answer in one gap joined the explanation');
  });
});

describe('H5P Fill in the Blanks, every marker', () => {
  const result = importH5pContent(fixture('blanks-syntax.content.json'), 'blanks-syntax.content.json');
  const task = taskIn(validSet(result));

  it('reads / alternatives as several accepted answers, and the text after : as a tip', () => {
    expect(task.answers['1']).toEqual(['browser', 'web-browser']);
    expect(task.answers['2']).toEqual(['users', 'Users']);
    expect(task.hints).toEqual(['Blank 1: Something you use every day', 'Blank 2: the table of people']);
  });

  it('drops simple tags inside a cloze and an empty tip after a trailing colon', () => {
    expect(task.answers['4']).toBe('emphasised');
    expect(task.answers['5']).toBe('print');
    expect(String(task.code)).toContain('a stray ** pair');
  });

  it('decodes entities in answers after splitting, as blanks.js does, so markup can be an answer', () => {
    const result = importH5pContent(JSON.stringify({ questions: ['<p>A block is *&lt;div&gt;/&lt;section&gt;*, a slash *&#47;*.</p>'] }), 'tags.content.json');
    expect(validSet(result).tasks[0]?.answers).toEqual({ '1': ['<div>', '<section>'], '2': '/' });
  });

  it('names the language the <code> class gives', () => {
    expect(task.language).toBe('sql');
  });

  it('carries answers typed in any case as ignoreCase, and reports the typed answers, the spelling tolerance and the media', () => {
    expect(task.ignoreCase).toBe(true);
    const notes = notesOf(result);
    expect(notes).toContain('typed answers became a bank');
    expect(notes).not.toContain('any case');
    expect(notes).toContain('spelling mistakes were accepted');
    expect(notes).toContain('media (H5P.Image)');
  });
});

describe('a backslash right before a gap', () => {
  it('gets a space, so it never reads as our \\[[ escape, and is reported', () => {
    const result = importH5pContent(JSON.stringify({ questions: ['cd C:\\*Users*'] }), 'path.content.json');
    expect(validSet(result).tasks[0]?.code).toBe('cd C:\\ [[1]]');
    expect(notesOf(result)).toContain('1 backslash right before a gap got a space');
  });
});

describe('code in an H5P text becomes the task code', () => {
  it('takes a <pre><code class="language-python"> block as code, with its language, and the rest as the prompt', () => {
    const task = taskIn(validSet(importH5pContent(fixture('code-blanks.content.json'), 'code-blanks.content.json')));
    expect(task.language).toBe('python');
    expect(task.prompt).toBe('Complete the function.');
    expect(task.code).toBe('def area(w, h):\n    return w [[1]] h\n\nprint(area([[2]], 3))');
  });
});

describe('H5P containers yield one task per exercise they hold', () => {
  const result = importH5pContent(fixture('column-container.content.json'), 'column-container.content.json');
  const set = validSet(result);

  it('imports the Drag the Words and the Fill in the Blanks inside a Column', () => {
    expect(set.tasks.map((t) => t.id)).toEqual(['loop-words', 'keyword']);
    expect(taskIn(set, 0).options).toEqual(['for', 'in', 'while']);
  });

  it('reports the other content it did not import', () => {
    expect(notesOf(result)).toContain('H5P.AdvancedText ×1, H5P.MultiChoice ×1');
  });
});

describe('.h5p files (zips)', () => {
  const content = fixture('code-blanks.content.json');
  const meta = JSON.stringify({ title: 'Python areas', mainLibrary: 'H5P.Blanks', language: 'en', preloadedDependencies: [] });

  it('reads h5p.json and content/content.json from the zip', () => {
    const zip = zipSync({ 'h5p.json': strToU8(meta), 'content/content.json': strToU8(content), 'content/images/x.png': new Uint8Array(10) });
    const set = validSet(importH5p(zip, 'python-areas.h5p'));
    expect(set.id).toBe('python-areas');
    expect(set.title).toBe('Python areas');
  });

  it('refuses a zip bomb before inflating it', () => {
    // A 1 MB cap and 2 MB of zeros stand for 50 MB and more (the CLI test uses the real cap).
    const zip = zipSync({ 'h5p.json': strToU8(meta), 'content/content.json': new Uint8Array(2 * 1024 * 1024) }, { level: 1 });
    expect(zip.length).toBeLessThan(10 * 1024);
    const result = importH5p(zip, 'bomb.h5p', undefined, { maxBytes: 1024 * 1024, maxZipEntries: 2000 });
    expect(result).toMatchObject({ ok: false, code: 'zip-too-large' });
    if (!result.ok) expect(result.message).toContain('zip bomb');
  });

  it('refuses a zip with too many entries', () => {
    const files: Record<string, Uint8Array> = { 'content/content.json': strToU8(content) };
    for (let i = 0; i < 20; i += 1) files[`content/f${i}.txt`] = new Uint8Array(0);
    expect(importH5p(zipSync(files), 'many.h5p', undefined, { maxBytes: 1024 * 1024, maxZipEntries: 10 })).toMatchObject({ ok: false, code: 'zip-too-many-entries' });
  });

  it.each(['../../evil.json', '/etc/evil', 'content/../../evil', 'C:\\evil'])('refuses an entry named %s', (name) => {
    const zip = zipSync({ 'content/content.json': strToU8(content), [name]: strToU8('x') });
    const result = importH5p(zip, 'traversal.h5p');
    expect(result).toMatchObject({ ok: false, code: 'zip-unsafe-path' });
    if (!result.ok) expect(result.message).toContain('unsafe path');
  });

  it('refuses a damaged zip and a zip without content.json with a clear message', () => {
    const zip = zipSync({ 'content/content.json': strToU8(content) });
    expect(importH5p(zip.slice(0, zip.length - 30), 'cut.h5p')).toMatchObject({ ok: false, code: 'bad-zip' });
    expect(importH5p(zipSync({ 'h5p.json': strToU8(meta) }), 'empty.h5p')).toMatchObject({ ok: false, code: 'not-h5p' });
  });
});

describe('hostile or malformed H5P content is refused', () => {
  it.each([
    ['script in the text', JSON.stringify({ textField: 'a *b* <script>alert(1)</script>' }), 'hostile'],
    ['script hidden behind JSON escapes', '{"textField": "a *b* \\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}', 'hostile'],
    ['an event handler', JSON.stringify({ text: '<img src=x onerror="alert(1)">', questions: ['*a*'] }), 'hostile'],
    ['broken JSON', '{"textField": "*a*"', 'bad-json'],
    ['not an object', '[1, 2]', 'not-h5p'],
    ['h5p.json instead of content.json', JSON.stringify({ mainLibrary: 'H5P.DragText', preloadedDependencies: [] }), 'not-h5p-content'],
    ['no exercise in it', JSON.stringify({ content: [] }), 'nothing-to-import'],
  ])('%s', (_, text, code) => {
    expect(importH5pContent(text, 'x.content.json')).toMatchObject({ ok: false, code });
  });

  it('refuses 10,000 exercises in one file', () => {
    const questions = Array.from({ length: 10_000 }, (_, i) => ({ library: 'H5P.DragText 1.10', params: { textField: `word *w${i}*` } }));
    const result = importH5pContent(JSON.stringify({ questions }), 'huge.content.json');
    expect(result).toMatchObject({ ok: false, code: 'too-many-questions' });
  });

  it('refuses content nested deeper than any real file', () => {
    let deep = '{"textField": "*a*"}';
    for (let i = 0; i < 200; i += 1) deep = `{"content": [${deep}]}`;
    expect(importH5pContent(`{"library": "H5P.Column 1.16", "params": ${deep}}`, 'deep.content.json')).toMatchObject({ ok: false, code: 'too-deep' });
  });
});
