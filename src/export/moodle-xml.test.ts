// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { loadExerciseSet } from '../engine/load-set.ts';
import { acceptedAnswers } from '../engine/grading.ts';
import { parseTemplate } from '../engine/template.ts';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { importMoodleXml } from '../import/moodle.ts';
import { exportMoodleXml } from './moodle-xml.ts';

const folder = new URL('../../exercises/', import.meta.url);
const seedSets = readdirSync(folder)
  .filter((name) => name.endsWith('.json') && name !== 'schema.json')
  .map((name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8')) as ExerciseSet);

/** The code as its template reads it: `a[[0]]` and `a\\[[0]]` are the same literal text. */
const canonical = (code: Task['code']): string =>
  parseTemplate(code)
    .lines.map((line) => line.map((s) => (s.kind === 'text' ? s.text.replace(/\[\[/g, '\\[[') : `[[${s.blank}]]`)).join(''))
    .join('\n');

/**
 * What a round trip through Moodle keeps, exactly: the set's id (from the file name) and title (the
 * category); per task its id (the question's name), prompt, language, code, options in order, the first
 * accepted answer of each blank, hints, explanation and reusable options. What it cannot keep: the
 * subject, difficulty, attempts, estimated minutes, common mistakes and a blank's other accepted answers.
 */
function kept(set: ExerciseSet): ExerciseSet {
  const task = (t: Task): Task => ({
    id: t.id,
    difficulty: 'medium',
    prompt: t.prompt,
    language: t.language,
    code: canonical(t.code),
    options: t.options,
    answers: Object.fromEntries(Object.keys(t.answers).map((blank) => [blank, acceptedAnswers(t, Number(blank))[0] as string])),
    ...(t.hints ? { hints: t.hints } : {}),
    ...(t.explanation ? { explanation: t.explanation } : {}),
    ...(t.reusableOptions ? { reusableOptions: t.reusableOptions } : {}),
    ...(t.groups ? { groups: t.groups } : {}),
  });
  return { $schema: './schema.json', formatVersion: 1, id: set.id, title: set.title, subject: 'Imported from Moodle', tasks: set.tasks.map(task) };
}

describe('Moodle XML export', () => {
  it.each(seedSets.map((set) => [set.id, set] as const))('%s comes back from Moodle XML with exactly what ddwtos keeps', (id, set) => {
    const { xml } = exportMoodleXml(set);
    expect(XMLValidator.validate(xml)).toBe(true);
    const back = importMoodleXml(xml, `${id}.xml`);
    if (!back.ok) throw new Error(back.message);
    const [imported] = back.sets as ExerciseSet[];
    expect({ ...imported, tasks: imported?.tasks.map((t) => ({ ...t, code: canonical(t.code) })) }).toEqual(kept(set));
    expect(loadExerciseSet(back.sets[0]).ok).toBe(true);
  });

  it('writes one ddwtos question per task with the code in <pre> and each blank naming its answer among the choices', () => {
    const set = seedSets.find((s) => s.id === 'oauth2-client-credentials') as ExerciseSet;
    const { xml } = exportMoodleXml(set);
    expect(xml.match(/<question type="ddwtos">/g)).toHaveLength(set.tasks.length);
    // grant-type: the answer client_credentials is the third option.
    expect(xml).toContain('&lt;pre&gt;&lt;code class=&quot;language-http&quot;&gt;POST /oauth2/token HTTP/1.1');
    expect(xml).toContain('grant_type=[[3]]&amp;amp;client_id=');
    expect(xml).toContain('<dragbox><text>client_credentials</text><group>1</group></dragbox>');
  });

  it('keeps a literal [[, reusable options and a second accepted answer as far as ddwtos can, and says what it lost', () => {
    const set: ExerciseSet = {
      formatVersion: 1,
      id: 'edge',
      title: 'Edge cases',
      subject: 'Tests',
      tasks: [
        {
          id: 'grid',
          difficulty: 'hard',
          prompt: 'Index the grid.\nTwice.',
          language: 'python',
          code: ['grid = \\[[1, 2], [3, 4]]', 'x = grid[[[1]]][[[2]]] < 2 & [[3]]'],
          options: ['0', '1', 'True'],
          answers: { '1': '0', '2': '0', '3': ['True', '1'] },
          reusableOptions: true,
          mistakes: [{ text: 'Off by one.' }],
          maxAttempts: 2,
        },
      ],
    };
    const { xml, notes } = exportMoodleXml(set);
    const back = importMoodleXml(xml, 'edge.xml');
    if (!back.ok) throw new Error(back.message);
    const [task] = back.sets[0]?.tasks ?? [];
    expect({ ...task, code: canonical(task?.code ?? '') }).toEqual(kept(set).tasks[0]);
    const lost = notes.find((n) => n.taskId === 'grid')?.notes.join('\n');
    expect(lost).toContain('blank 3 accepts 2 options');
    expect(lost).toContain('1 common mistake(s) not carried over');
    expect(lost).toContain('maxAttempts (2)');
  });

  it('writes a bank per blank as Moodle choice groups and reusable options as infinite, and they come back', () => {
    const set: ExerciseSet = {
      formatVersion: 1,
      id: 'banks',
      title: 'Banks',
      subject: 'Tests',
      tasks: [
        {
          id: 'query',
          difficulty: 'medium',
          prompt: 'Read, then read again.',
          language: 'sql',
          code: '[[1]] a [[2]] t; [[3]] b',
          options: ['SELECT', 'UPDATE', 'FROM', 'INTO'],
          answers: { '1': 'SELECT', '2': 'FROM', '3': 'SELECT' },
          groups: [
            { blanks: [1, 3], options: ['SELECT', 'UPDATE'] },
            { blanks: [2], options: ['FROM', 'INTO'] },
          ],
          reusableOptions: ['SELECT'],
          ignoreCase: true,
        },
      ],
    };
    const { xml, notes } = exportMoodleXml(set);
    expect(xml).toContain('<dragbox><text>SELECT</text><group>1</group><infinite/></dragbox>');
    expect(xml).toContain('<dragbox><text>UPDATE</text><group>1</group></dragbox>');
    expect(xml).toContain('<dragbox><text>INTO</text><group>2</group></dragbox>');
    // Blank 2's answer FROM is the third choice; blank 3 names SELECT again (infinite).
    expect(xml).toContain('[[1]] a [[3]] t; [[1]] b');
    expect(notes.find((n) => n.taskId === 'query')?.notes.join('\n')).toContain('ignoreCase not carried over');
    const back = importMoodleXml(xml, 'banks.xml');
    if (!back.ok) throw new Error(back.message);
    const [task] = back.sets[0]?.tasks ?? [];
    expect({ ...task, code: canonical(task?.code ?? '') }).toEqual(kept(set).tasks[0]);
  });
});
