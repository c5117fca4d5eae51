// @vitest-environment node
/**
 * Whatever text a source holds, an import either gives sets the app loads or refuses with a reason:
 * it never throws and never writes a set the validator would reject. Text is built from the pieces
 * that carry meaning somewhere (asterisks, colons, backslashes, slashes, brackets, tags, entities).
 */
import fc from 'fast-check';
import { loadExerciseSet } from '../engine/load-set.ts';
import { parseTemplate } from '../engine/template.ts';
import type { ImportResult } from './build.ts';
import { importH5pContent } from './h5p.ts';
import { importMoodleXml } from './moodle.ts';

const piece = fc.constantFrom('*', ':', '\\', '\\+', '\\-', '/', '|', '[', ']', '[[', ']]', '[[1]]', '{', '}', '!!', '<p>', '</p>', '<br>', '<pre>', '</pre>', '<code class="language-sql">', '</code>', '&lt;', '&amp;', '&#91;', ' ', '\n', 'a', 'b', 'word', 'x = 1', '\u00e9');
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

function expectSound(result: ImportResult): void {
  if (!result.ok) {
    // A refusal is for the input's faults; "invalid-output" would be the importer's own.
    expect(result.code).not.toBe('invalid-output');
    expect(result.code).toMatch(/^[a-z-]+$/);
    expect(result.message.length).toBeGreaterThan(0);
    return;
  }
  for (const set of result.sets) {
    const loaded = loadExerciseSet(JSON.parse(JSON.stringify(set)));
    expect(loaded.ok).toBe(true);
    for (const task of set.tasks) {
      // Every blank the code shows is one the source had: the text itself never makes a blank.
      const blanks = parseTemplate(task.code).occurrences.map((o) => o.blank);
      expect(blanks).toEqual(blanks.map((_, i) => i + 1));
      expect(Object.keys(task.answers)).toHaveLength(blanks.length);
    }
  }
}

describe('imports are sound for any text', () => {
  it('H5P Drag the Words', () => {
    fc.assert(
      fc.property(text, text, text, (textField, distractors, taskDescription) => {
        expectSound(importH5pContent(JSON.stringify({ textField, distractors, taskDescription }), 'x.content.json'));
      }),
      { numRuns: 300 },
    );
  });

  it('H5P Fill in the Blanks', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), text, (questions, intro) => {
        expectSound(importH5pContent(JSON.stringify({ text: intro, questions }), 'x.content.json'));
      }),
      { numRuns: 300 },
    );
  });

  it('Moodle ddwtos and gapfill', () => {
    const cdata = text.map((t) => t.replace(/]]>/g, ''));
    fc.assert(
      fc.property(cdata, fc.array(cdata, { maxLength: 4 }), fc.constantFrom('[]', '{}', '##'), fc.boolean(), (question, choices, delimiters, disableRegex) => {
        const boxes = choices.map((c, i) => `<dragbox><text><![CDATA[${c}]]></text><group>${(i % 2) + 1}</group></dragbox>`).join('');
        const wrong = choices.map((c) => `<answer fraction="0"><text><![CDATA[${c}]]></text></answer>`).join('');
        const xml = `<quiz>
          <question type="ddwtos"><name><text>d</text></name><questiontext format="html"><text><![CDATA[${question}]]></text></questiontext>${boxes}</question>
          <question type="gapfill"><name><text>g</text></name><questiontext format="html"><text><![CDATA[${question}]]></text></questiontext>${wrong}
            <delimitchars>${delimiters}</delimitchars><answerdisplay>dragdrop</answerdisplay><disableregex>${disableRegex ? 1 : 0}</disableregex></question>
        </quiz>`;
        expectSound(importMoodleXml(xml, 'x.xml'));
      }),
      { numRuns: 300 },
    );
  });
});
