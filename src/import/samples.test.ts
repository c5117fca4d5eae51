// @vitest-environment node
/**
 * Every real public file in ../shared/import-samples (H5P and Moodle exports nobody on this team
 * wrote; see PROVENANCE.md there) goes through the importer, and every output through the validator.
 * The files are test data only and never copied here: where the folder is absent (a checkout without
 * ../shared), these tests are skipped and the run says so. CODEBLANKS_IMPORT_SAMPLES names another folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFiles } from '../cli/check-file.ts';
import { loadExerciseSet } from '../engine/load-set.ts';
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import type { ImportResult } from './build.ts';
import { importFile } from './import-file.ts';

// Beside the repository as CI has it; CODEBLANKS_IMPORT_SAMPLES points elsewhere (a git worktree, say).
const SAMPLES = process.env.CODEBLANKS_IMPORT_SAMPLES ?? fileURLToPath(new URL('../../../shared/import-samples/', import.meta.url));
const present = existsSync(SAMPLES);
if (!present) console.warn(`import samples: ${SAMPLES} is absent, so the tests on real H5P and Moodle files did NOT run`);

/** Every sample file (descriptions and h5p.json package files aside), relative to the folder. */
function sampleFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(join(SAMPLES, dir)).sort()) {
      const rel = dir ? `${dir}/${name}` : name;
      if (statSync(join(SAMPLES, rel)).isDirectory()) walk(rel);
      else if (!name.endsWith('.md') && !name.endsWith('.h5p.json')) files.push(rel);
    }
  };
  walk('');
  return files;
}

function importSample(rel: string): ImportResult {
  const path = join(SAMPLES, rel);
  const meta = path.replace(/\.content\.json$/, '.h5p.json');
  return importFile(rel.split('/').pop() ?? rel, readFileSync(path), meta !== path && existsSync(meta) ? readFileSync(meta, 'utf8') : undefined);
}

/** Samples that hold nothing we can import, and the refusal each must give. */
const REFUSED: Record<string, string> = {
  // A question set whose Fill in the Blanks and Drag the Words are empty shells (no gaps at all).
  'h5p-blanks/hub-questionset-edgecases.content.json': 'nothing-to-import',
  // GIFT is not a format this importer reads.
  'other/moodle-gift-examples.txt': 'unknown-format',
  'other/moodle-gift-tests-fixtures-questions.gift.txt': 'unknown-format',
};

const results = new Map<string, ImportResult>();
const resultOf = (rel: string): ImportResult => {
  let result = results.get(rel);
  if (!result) {
    result = importSample(rel);
    results.set(rel, result);
  }
  return result;
};
const setOf = (rel: string): ExerciseSet => {
  const result = resultOf(rel);
  if (!result.ok || !result.sets[0]) throw new Error(`${rel} was refused`);
  return result.sets[0];
};
const taskOf = (rel: string, id: string): Task => {
  const task = setOf(rel).tasks.find((t) => t.id === id);
  if (!task) throw new Error(`${rel} has no task ${id}: ${setOf(rel).tasks.map((t) => t.id).join(', ')}`);
  return task;
};
const notesOf = (rel: string, question: string): string =>
  (resultOf(rel).report ?? []).filter((r) => r.question.includes(question)).flatMap((r) => r.notes).join('\n');

describe.skipIf(!present)('real H5P and Moodle files', () => {
  const files = present ? sampleFiles() : [];

  it('finds the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
  });

  describe.each(files)('%s', (rel) => {
    it(REFUSED[rel] ? `is refused with a clear reason (${REFUSED[rel]})` : 'imports into a set the app loads and the validator passes', () => {
      const result = resultOf(rel);
      if (REFUSED[rel]) {
        expect(result).toMatchObject({ ok: false, code: REFUSED[rel] });
        return;
      }
      if (!result.ok) throw new Error(`refused: ${result.message}`);
      for (const set of result.sets) {
        expect(loadExerciseSet(JSON.parse(JSON.stringify(set)))).toMatchObject({ ok: true });
        const text = `${JSON.stringify(set, null, 2)}\n`;
        const [checked] = checkFiles([{ path: `${set.id}.json`, fileName: `${set.id}.json`, text }]);
        expect(checked?.problems.filter((p) => p.severity === 'error')).toEqual([]);
      }
    });

    it('reports every source exercise it met, imported or not', () => {
      const report = resultOf(rel).report ?? [];
      if (rel.startsWith('other/')) return;
      expect(report.length).toBeGreaterThan(0);
      const tasks = resultOf(rel).ok ? setOfTasks(rel) : [];
      expect(report.filter((r) => r.taskId).map((r) => r.taskId)).toEqual(tasks);
    });
  });

  const setOfTasks = (rel: string): string[] => setOf(rel).tasks.map((t) => t.id);

  describe('spot checks against the files', () => {
    it('H5P Drag the Words: answers, the distractor and the tip', () => {
      const task = taskOf('h5p-dragtext/hub-dragtext-1.10.content.json', 'drag-the-words');
      expect(task.code).toBe('Blueberries are [[1]].\nStrawberries are [[2]].\nCloudberries are [[3]].');
      expect(task.answers).toEqual({ '1': 'blue', '2': 'red', '3': 'orange' });
      expect(task.options).toEqual(['blue', 'green', 'orange', 'red']);
      expect(task.hints).toEqual(['Blank 1: Check the name of the berry!']);
      expect(task.prompt).toBe('What are the colors of these berries when they are ripe?');
    });

    it('H5P Question Set: the Drag the Words inside, with an apostrophe in an answer', () => {
      const task = taskOf('h5p-dragtext/kitchen-tools-questionset-dragtext-1.8.content.json', 'knife-descriptions-drag-text');
      expect(Object.values(task.answers)).toEqual(["Chef's knife", 'Utility knife', 'Bread knife', 'Sharpening steel', 'Slicing knife', 'Paring knife']);
      expect(notesOf('h5p-dragtext/kitchen-tools-questionset-dragtext-1.8.content.json', 'the rest of the file')).toContain('H5P.TrueFalse ×1');
    });

    it('H5P Interactive Book: its title, and one task per exercise in its chapters', () => {
      const rel = 'h5p-dragtext/standalone-interactivebook-berries.content.json';
      expect(setOfTasks(rel)).toEqual(['health-benefits-of-raspberries-quiz', 'blueberries-quiz', 'nutrition-value-of-strawberries']);
      expect(taskOf(rel, 'health-benefits-of-raspberries-quiz').answers).toEqual({ '1': 'diabetes', '2': 'sugar', '3': 'heart', '4': 'hypertension' });
      expect(taskOf(rel, 'nutrition-value-of-strawberries').answers).toEqual({ '1': '33', '2': '0.3g', '3': '1mg', '4': '0.7g' });
      expect(setOf('h5p-dragtext/glow-blogs-interactivebook-dragtext-1.10.content.json').title).toBe('Glow Blogs - Did You Know?');
    });

    it('H5P Game Map: both the Drag the Words and the Fill in the Blanks', () => {
      const rel = 'h5p-dragtext/hub-gamemap-dragtext-blanks.content.json';
      expect(taskOf(rel, 'untitled-drag-the-words').answers['1']).toBe('bald');
      expect(taskOf(rel, 'untitled-fill-in-the-blanks').answers).toEqual({ '1': 'feathers', '2': 'beaks', '3': 'fruits', '4': 'rodent' });
    });

    it('H5P Fill in the Blanks: a cloze inside a word, the case setting carried (ignoreCase) and the image reported', () => {
      const rel = 'h5p-blanks/hub-blanks-1.14.content.json';
      const task = taskOf(rel, 'fill-in-the-blanks');
      expect(String(task.code)).toContain('also known as [[1]]berries');
      expect(task.answers).toEqual({ '1': 'blue', '2': 'Cloud', '3': 'black' });
      expect(task.ignoreCase).toBe(true);
      expect(notesOf(rel, 'Fill in the Blanks')).not.toContain('any case');
      expect(notesOf(rel, 'Fill in the Blanks')).toContain('media (H5P.Image)');
    });

    it('H5P Column and Course Presentation: the Fill in the Blanks inside', () => {
      expect(taskOf('h5p-blanks/lumi-problemcase-2260-column-blanks-1.12.content.json', 'endprodukte-bestimmen').answers).toEqual({ '1': '65', '2': '5', '3': '25' });
      expect(taskOf('h5p-blanks/standalone-coursepresentation-2015-blanks-1.4.content.json', 'fill-in-the-blanks').answers).toEqual({ '1': 'averin', '2': 'arctic' });
    });

    it('H5P empty exercises are reported one by one, not dropped', () => {
      const report = resultOf('h5p-blanks/hub-questionset-edgecases.content.json').report ?? [];
      expect(report.filter((r) => r.notes.includes('no gap with an answer: not imported'))).toHaveLength(3);
    });

    it('Moodle gapselect: choices in source order, distractors, hints and general feedback', () => {
      const rel = 'moodle-xml/moodle-core-gapselect-fixture-testquestion.moodle.xml';
      const task = taskOf(rel, 'imported-select-missing-words-001');
      expect(task.code).toBe('The [[1]] [[2]] on the [[3]].');
      expect(task.options).toEqual(['cat', 'sat', 'mat', 'dog', 'table']);
      expect(task.answers).toEqual({ '1': 'cat', '2': 'sat', '3': 'mat' });
      expect(task.hints).toEqual(['First hint', 'Second hint']);
      expect(task.explanation).toBe('The cat sat on the mat.');
    });

    it('Moodle ddwtos: the infinite choice carried as the one reusable option', () => {
      const rel = 'moodle-xml/moodle-core-ddwtos-test_xml_export-expected.fragment.xml';
      const task = taskOf(rel, 'a-drag-and-drop-question');
      expect(task.answers).toEqual({ '1': 'Alpha', '2': 'Beta', '3': 'Gamma' });
      expect(task.reusableOptions).toEqual(['Gamma']);
      expect(notesOf(rel, 'A drag-and-drop question')).not.toContain('infinite');
    });

    it('Moodle ddwtos from a databases course: [[6]] with choices 4-5 unused, groups carried as a bank per blank, [[2]] [[1]] [[3]] renumbered', () => {
      const rel = 'moodle-xml/tuberlin-dima-ddwtos-sql-dragdrop_missing-wordsRef.xml';
      const task = taskOf(rel, 'drag-drop-missing-words-question');
      expect(task.answers).toEqual({ '1': 'SELECT', '2': 'FROM', '3': 'WHERE', '4': 'JOIN' });
      expect(task.options).toEqual(['FROM', 'JOIN', 'PROJECT', 'SELECT', 'SIGMA', 'WHERE']);
      expect(task.groups).toEqual([
        { blanks: [1, 2], options: ['FROM', 'PROJECT', 'SELECT'] },
        { blanks: [3], options: ['SIGMA', 'WHERE'] },
        { blanks: [4], options: ['JOIN'] },
      ]);
      expect(notesOf(rel, 'Drag-Drop Missing words question')).not.toContain('group');
      const simple = taskOf(rel, 'simple-drag-drop-missing-words-question');
      expect(simple.code).toBe('The main clauses of a SQL query are: [[1]] [[2]] [[3]]');
      expect(simple.answers).toEqual({ '1': 'SELECT', '2': 'FROM', '3': 'WHERE' });
      expect(simple.options).toEqual(['FROM', 'SELECT', 'WHERE']);
    });

    it('Moodle gapselect: choices with the same text in one group are merged and reported', () => {
      const rel = 'moodle-xml/tuberlin-dima-gapselect-sql-missing-wordsRef.xml';
      expect(setOfTasks(rel)).toHaveLength(6);
      expect(notesOf(rel, 'gaps in options and in-order ordering')).toContain('same text');
    });

    it('Gapfill: {} delimiters, escaped commas, | alternatives, per-gap feedback keyed by gap text', () => {
      const rel = 'moodle-xml/gapfill-examples-en-gapfill_examples.xml';
      expect(String(taskOf(rel, 'alternative-delimiters').code)).toContain('print $ar[[[1]]];');
      expect(taskOf(rel, 'alternative-delimiters').answers).toEqual({ '1': '0' });
      expect(taskOf(rel, 'usingcommas').options).toEqual(['blue, white, red', 'green, white, black', 'orange, white, red']);
      expect(taskOf(rel, 'anyorderddrop').answers['2']).toEqual(['gold', 'silver', 'bronze']);
      expect(taskOf(rel, 'dropdownmathsymbols').answers).toEqual({ '1': '>', '2': '<', '3': '+', '4': '-', '5': '*' });
      expect(notesOf(rel, 'RegularExpressions')).toContain('"colou?rs?"');
      expect(notesOf(rel, 'Core Cloze')).toContain('"cloze" is not a fill-in-the-blank type');
      const spanish = taskOf('moodle-xml/gapfill-examples-es-gapfill_examples.xml', 'spanish-catmat-3-tristes-tigres');
      expect(spanish.options).toEqual(['beben', 'fuman', 'mastican', 'tragan']);
    });
  });
});
