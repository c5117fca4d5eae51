/**
 * A set as Moodle XML: one "drag and drop into text" (ddwtos) question per task, the code in
 * `<pre><code class="language-…">`, each blank a `[[n]]` naming its answer among the task's options
 * (Moodle's "choices", in the set's order, not shuffled; a bank per blank as Moodle's choice groups,
 * reusable options as "infinite"), so a Moodle quiz can use the set.
 * Everything ddwtos cannot say is returned as a note, never dropped in silence. Pure: a set in, text out.
 */
import type { ExerciseSet, Task } from '../schema/exercise-schema.ts';
import { acceptedAnswers, offered, reusable } from '../engine/grading.ts';
import { blanksOf, parseTemplate } from '../engine/template.ts';

export interface MoodleExport {
  readonly xml: string;
  /** Per task, what the Moodle question does not carry. */
  readonly notes: readonly { readonly taskId: string; readonly notes: readonly string[] }[];
}

const htmlEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** HTML inside an XML text element: escaped once more for XML (no CDATA, so no `]]>` to split). */
const htmlText = (html: string): string => `<text>${htmlEscape(html)}</text>`;
const paragraph = (text: string): string => `<p>${htmlEscape(text).replace(/\r?\n/g, '<br>')}</p>`;

/**
 * Moodle's choices for a task: one group per distinct bank (every blank's offered options; one group of
 * all the options without `groups`), each option once per group it is in, unlimited ("infinite") when
 * it is reusable. Moodle numbers the choices across groups; a gap names its right choice, and so its group.
 */
function choicesOf(task: Task, blanks: readonly number[]) {
  const banks: (readonly string[])[] = [];
  const choices: { option: string; group: number }[] = [];
  const choice = new Map<number, number>();
  for (const blank of blanks) {
    const bank = offered(task, blank);
    let group = banks.findIndex((b) => b.length === bank.length && b.every((o, i) => o === bank[i]));
    if (group < 0) {
      group = banks.push(bank) - 1;
      for (const option of bank) choices.push({ option, group: group + 1 });
    }
    const first = acceptedAnswers(task, blank)[0] ?? '';
    choice.set(blank, choices.findIndex((c) => c.group === group + 1 && c.option === first) + 1);
  }
  // Options no blank offers (a distractor outside every group) still travel, in a group of their own.
  const spare = task.options.filter((o) => !choices.some((c) => c.option === o));
  for (const option of spare) choices.push({ option, group: banks.length + 1 });
  return { choices, choice, groups: banks.length + (spare.length ? 1 : 0) };
}

function question(task: Task): { xml: string; notes: string[] } {
  const notes: string[] = [];
  const template = parseTemplate(task.code);
  const blanks = blanksOf(template);
  const { choices, choice, groups } = choicesOf(task, blanks);
  for (const blank of blanks) {
    const accepted = acceptedAnswers(task, blank);
    if (accepted.length > 1) notes.push(`blank ${blank} accepts ${accepted.length} options; a Moodle gap has one right choice, so only "${accepted[0]}" counts there`);
  }
  // Moodle's edit form allows 8 groups (MAX_GROUPS); more import and run, but saving the question in its editor refuses them.
  if (groups > 8) notes.push(`${groups} choice groups: Moodle runs them, but its question editor allows 8`);
  // The code as HTML with Moodle's [[choice]] where each blank is. Moodle reads any [[digits]] in the
  // text as a gap, so a literal "[[" (as in `a[[1]]`) starts with the entity &#91;, which it does not.
  const code = template.lines
    .map((segments) => segments.map((s) => (s.kind === 'text' ? htmlEscape(s.text).replace(/\[\[/g, '&#91;[') : `[[${choice.get(s.blank) ?? 0}]]`)).join(''))
    .join('\n');
  const language = task.language === 'plaintext' ? '' : ` class="language-${htmlEscape(task.language)}"`;
  const body = `${paragraph(task.prompt)}<pre><code${language}>${code}</code></pre>`;
  if (task.mistakes?.length) notes.push(`${task.mistakes.length} common mistake(s) not carried over: a ddwtos choice has no feedback of its own`);
  if (task.ignoreCase) notes.push('ignoreCase not carried over: a ddwtos gap is filled by dragging, not typed');
  if (task.maxAttempts !== undefined) notes.push(`maxAttempts (${task.maxAttempts}) not carried over: the quiz's settings decide the tries`);
  notes.push(`difficulty "${task.difficulty}" not carried over`);
  const lines = [
    '  <question type="ddwtos">',
    `    <name>${htmlText(task.id)}</name>`,
    `    <questiontext format="html">${htmlText(body)}</questiontext>`,
    `    <generalfeedback format="html">${htmlText(task.explanation ? paragraph(task.explanation) : '')}</generalfeedback>`,
    '    <defaultgrade>1</defaultgrade>',
    '    <penalty>0</penalty>',
    '    <hidden>0</hidden>',
    '    <shuffleanswers>0</shuffleanswers>',
    // A choice's text is HTML to Moodle (it allows <sub>, <b>...): an option such as &Vec<String> is escaped as text first.
    ...choices.map(({ option, group }) => `    <dragbox>${htmlText(htmlEscape(option))}<group>${group}</group>${reusable(task, option) ? '<infinite/>' : ''}</dragbox>`),
    ...(task.hints ?? []).map((hint) => `    <hint format="html">${htmlText(paragraph(hint))}</hint>`),
    '  </question>',
  ];
  return { xml: lines.join('\n'), notes };
}

/** The whole set as one Moodle XML file; name it `<set id>.xml` so importing it back keeps the id. */
export function exportMoodleXml(set: ExerciseSet): MoodleExport {
  const questions = set.tasks.map((task) => ({ taskId: task.id, ...question(task) }));
  // Moodle's category path separates levels with "/" and writes a "/" in a name as "//".
  const category = `$course$/top/${set.title.replace(/\//g, '//')}`;
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<quiz>',
    `  <question type="category"><category>${htmlText(category)}</category></question>`,
    ...questions.map((q) => q.xml),
    '</quiz>',
    '',
  ].join('\n');
  const setNotes = [`subject "${set.subject}"`, set.maxAttempts !== undefined ? `maxAttempts (${set.maxAttempts})` : '', set.estimatedMinutes !== undefined ? 'estimatedMinutes' : '']
    .filter(Boolean)
    .join(', ');
  return {
    xml,
    notes: [{ taskId: '(set)', notes: [`${setNotes} not carried over: Moodle questions have no such settings`] }, ...questions.map(({ taskId, notes }) => ({ taskId, notes }))],
  };
}
