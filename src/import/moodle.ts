/**
 * Moodle XML: "drag and drop into text" (ddwtos), "select missing words" (gapselect) and the Gapfill
 * plugin (gapfill), read as Moodle's own code reads them (see FORMATS.md in the import samples).
 * Every other question type is reported, never dropped in silence. Pure: a string in, a result out.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LIMITS, assembleSet, count, refuse, slugify, type Draft, type DraftGap, type ImportResult, type QuestionReport } from './build.ts';
import { decodeEntities, gapMark, hostileMarkup, htmlToText } from './html-text.ts';

const LISTS = new Set(['question', 'answer', 'dragbox', 'selectoption', 'hint', 'gapsetting']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => LISTS.has(name),
});

/** The first of an element that an exporter may repeat (Gapfill writes its options twice). */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function asObject(value: unknown): Record<string, unknown> {
  const one = first(value);
  return typeof one === 'object' && one !== null ? (one as Record<string, unknown>) : {};
}

/** The text of an element: a bare string, or the `<text>` inside it. */
function textOf(value: unknown): string {
  const one = first(value);
  if (typeof one === 'string') return one;
  if (typeof one === 'number') return String(one);
  if (typeof one === 'object' && one !== null) {
    const inner = first((one as Record<string, unknown>).text);
    if (typeof inner === 'string') return inner;
    if (typeof inner === 'object' && inner !== null) return textOf(inner);
    const own = (one as Record<string, unknown>)['#text'];
    return typeof own === 'string' ? own : '';
  }
  return '';
}

/** The HTML of a `<questiontext>`-like element, whatever its format. */
function htmlOf(value: unknown): string {
  const text = textOf(value);
  const format = String(asObject(value)['@format'] ?? 'html');
  if (format === 'plain_text' || format === 'markdown') {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>');
  }
  if (format === 'moodle_auto_format') return text.replace(/\r?\n/g, '<br>');
  return text;
}

const flag = (question: Record<string, unknown>, name: string): boolean => textOf(question[name]).trim() === '1';

/** Imports a Moodle XML file (a `<quiz>`, or one exported `<question>`). */
export function importMoodleXml(xml: string, fileName: string): ImportResult {
  if (xml.length > LIMITS.maxBytes) return refuse('too-large', `The file is larger than ${LIMITS.maxBytes / 1048576} MB: refused`);
  let text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  // Moodle never writes a DOCTYPE; one here could only define entities (an "XML bomb").
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return refuse('xml-doctype', 'The XML declares a DOCTYPE or entities, which Moodle never writes: refused');
  text = text.replace(/^\s*<\?xml[^>]*\?>/, '');
  if (!/<quiz[\s>]/.test(text)) text = `<quiz>${text}</quiz>`;
  const valid = XMLValidator.validate(text);
  if (valid !== true) return refuse('bad-xml', `Not well-formed XML (line ${valid.err.line}): ${valid.err.msg}`);
  const questionCount = (text.match(/<question\b/g) ?? []).length;
  if (questionCount > LIMITS.maxQuestions + 100) {
    return refuse('too-many-questions', `The file holds ${questionCount} questions, more than the ${LIMITS.maxQuestions} one import may take: refused`);
  }
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    return refuse('bad-xml', `Not readable XML: ${(error as Error).message}`);
  }
  // Checked on the parsed HTML, so an escaped "&lt;script&gt;" in CDATA (text about HTML) is no alarm.
  const hostile = findHostile(parsed);
  if (hostile) return refuse('hostile', `The file holds ${hostile}, which no question needs: refused`);
  const quiz = asObject(parsed.quiz);
  const questions = (Array.isArray(quiz.question) ? quiz.question : []).filter((q): q is Record<string, unknown> => typeof q === 'object' && q !== null);
  const real = questions.filter((q) => q['@type'] !== 'category');
  if (real.length === 0) return refuse('no-questions', 'The file holds no Moodle questions (<question> elements)');
  if (real.length > LIMITS.maxQuestions) {
    return refuse('too-many-questions', `The file holds ${real.length} questions, more than the ${LIMITS.maxQuestions} one import may take: refused`);
  }

  let category = '';
  const drafts: { draft: Draft; label: string }[] = [];
  const skipped: QuestionReport[] = [];
  let n = 0;
  for (const question of questions) {
    const type = String(question['@type'] ?? '');
    if (type === 'category') {
      category ||= textOf(question.category).split('/').pop()?.trim() ?? '';
      continue;
    }
    n += 1;
    const name = htmlToText(textOf(question.name)) || `question ${n}`;
    const label = `#${n} "${name}" (${type || 'no type'})`;
    if (type === 'ddwtos' || type === 'gapselect') {
      const draft = choicesDraft(question, type, name);
      if (typeof draft === 'string') skipped.push({ question: label, notes: [draft] });
      else drafts.push({ draft, label });
    } else if (type === 'gapfill') {
      drafts.push({ draft: gapfillDraft(question, name), label });
    } else {
      skipped.push({ question: label, notes: [`question type "${type}" is not a fill-in-the-blank type this importer reads (ddwtos, gapselect, gapfill): not imported`] });
    }
  }
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.xml$/i, '');
  const result = assembleSet({ id: slugify(base, 'imported-moodle'), title: category && !category.startsWith('$') ? category : base, subject: 'Imported from Moodle' }, drafts, skipped);
  return result;
}

/** The first hostile markup in any text of the parsed file. */
function findHostile(value: unknown): string | undefined {
  if (typeof value === 'string') return hostileMarkup(value);
  if (typeof value !== 'object' || value === null) return undefined;
  for (const child of Object.values(value)) {
    const found = findHostile(child);
    if (found) return found;
  }
  return undefined;
}

/** Hints, general and overall feedback and penalty: what ddwtos, gapselect and gapfill share. */
function sharedParts(question: Record<string, unknown>): { hints: string[]; explanation: string[]; notes: string[] } {
  const notes: string[] = [];
  const hintElements = Array.isArray(question.hint) ? question.hint : [];
  const hints = hintElements.map((h) => htmlToText(htmlOf(h))).filter(Boolean);
  if (hintElements.some((h) => typeof h === 'object' && h !== null && ('shownumcorrect' in h || 'clearwrong' in h))) {
    notes.push('hint settings (show the number correct, clear wrong answers) not carried over; the hint texts are');
  }
  const general = htmlToText(htmlOf(question.generalfeedback));
  const overall = (['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'] as const).filter((k) => htmlToText(htmlOf(question[k])) !== '');
  if (overall.length > 0) notes.push(`feedback for a right, partly right or wrong answer as a whole (${overall.join(', ')}) not carried over`);
  const penalty = Number(textOf(question.penalty));
  if (penalty > 0) notes.push(`penalty per try (${Math.round(penalty * 1000) / 10}%) not carried over: codeblanks counts attempts instead`);
  return { hints, explanation: general ? [general] : [], notes };
}

/** ddwtos and gapselect: numbered choices in groups; `[[n]]` is a gap whose right answer is choice n. */
function choicesDraft(question: Record<string, unknown>, type: 'ddwtos' | 'gapselect', name: string): Draft | string {
  const elements = (type === 'ddwtos' ? question.dragbox : question.selectoption) as unknown[] | undefined;
  if (!Array.isArray(elements) || elements.length === 0) {
    return Array.isArray(question.answer) ? 'choices stored in the old serialised <answer> form, which this importer does not read: not imported' : 'no choices: not imported';
  }
  const choices = elements.map((element) => {
    const object = asObject(element);
    const group = Number.parseInt(textOf(object.group).trim() || '1', 10);
    return { text: htmlToText(textOf(object)).replace(/\s+/g, ' ').trim(), group: Number.isFinite(group) ? group : 1, infinite: type === 'ddwtos' && 'infinite' in object };
  });
  const { hints, explanation, notes } = sharedParts(question);
  const gaps: DraftGap[] = [];
  const used = new Set<number>();
  /** Each gap's group: its right choice's. */
  const groupOf: number[] = [];
  const missing: string[] = [];
  const body = htmlOf(question.questiontext).replace(/\[\[(\d+)]]/g, (whole, number: string) => {
    const choice = choices[Number(number) - 1];
    if (!choice || choice.text === '') {
      missing.push(whole);
      return '';
    }
    used.add(Number(number) - 1);
    gaps.push({ answers: [choice.text] });
    groupOf.push(choice.group);
    return gapMark(gaps.length - 1);
  });
  if (missing.length > 0) notes.push(`${missing.join(', ')} names no choice: that gap is left out`);

  // Each gap offers its right choice's group (Moodle's choice groups): a bank per blank. A group no gap
  // names offers its choices to no one, so they are left out.
  const idle = choices.filter((c) => !groupOf.includes(c.group) && c.text !== '');
  if (idle.length > 0) notes.push(`choices in a group no gap uses left out (no blank could offer them): ${idle.map((c) => `"${c.text}"`).join(', ')}`);
  const texts = choices.map((c) => c.text).filter(Boolean);
  if (new Set(texts).size < texts.length) notes.push('several choices have the same text: they became one option, so they are interchangeable here');
  const infinite = choices.filter((c) => c.infinite);
  const reusable = type === 'gapselect' || (infinite.length > 0 && infinite.length === choices.length);
  const shuffle = flag(question, 'shuffleanswers');
  return {
    name,
    promptHtml: '',
    defaultPrompt: type === 'ddwtos' ? 'Drag the words into the blanks.' : 'Choose the missing words.',
    bodyHtml: body,
    gaps,
    distractors: choices.filter((c, i) => !used.has(i) && groupOf.includes(c.group)).map((c) => c.text),
    reusable,
    ...(reusable || infinite.length === 0 ? {} : { unlimited: infinite.map((c) => c.text) }),
    banks: groupOf.map((g) => choices.filter((c) => c.group === g).map((c) => c.text)),
    ...(shuffle ? {} : { optionOrder: choices.map((c) => c.text) }),
    hints,
    explanation,
    notes,
  };
}

/** PHP's stripslashes: a backslash escapes the next character; a lone one vanishes. */
function stripSlashes(text: string): string {
  return text.replace(/\\(.?)/gs, '$1');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Gapfill: gaps between delimiters hold the answer spec; wrong answers are distractors. */
function gapfillDraft(question: Record<string, unknown>, name: string): Draft {
  const { hints, explanation, notes } = sharedParts(question);
  const delimiters = textOf(question.delimitchars).trim();
  const [left, right] = delimiters.length === 2 ? [delimiters[0] as string, delimiters[1] as string] : ['[', ']'];
  const display = textOf(question.answerdisplay).trim() || 'gapfill';
  const disableRegex = flag(question, 'disableregex');
  const html = htmlOf(question.questiontext).replace(/<!--[\s\S]*?-->/g, '');
  const gapPattern = new RegExp(`${escapeRegExp(left)}(.*?)${escapeRegExp(right)}`, 'g');

  // Feedback per gap is keyed by the gap's text.
  const feedback = new Map<string, { right: string; wrong: string }>();
  for (const setting of Array.isArray(question.gapsetting) ? question.gapsetting : []) {
    const object = asObject(setting);
    feedback.set(textOf(object.gaptext), { right: htmlToText(textOf(object.correctfeedback)), wrong: htmlToText(textOf(object.incorrectfeedback)) });
  }

  const gaps: DraftGap[] = [];
  let emptyOk = 0;
  const regexes: string[] = [];
  let tagged = 0;
  const body = html.replace(gapPattern, (_, spec: string) => {
    let raw = spec;
    if (/<[^>]*>/.test(raw)) {
      tagged += 1;
      raw = raw.replace(/<[^>]*>/g, '');
    }
    const decoded = decodeEntities(raw);
    const parts = disableRegex || decoded.includes('|') ? decoded.split('|') : [decoded];
    const answers: string[] = [];
    for (const part of parts) {
      if (/!.*!/.test(part)) {
        emptyOk += 1;
        continue;
      }
      if (disableRegex) {
        answers.push(part.trim());
        continue;
      }
      // A backslash before punctuation only makes it literal; any other pattern syntax cannot be an option.
      const unescaped = part.replace(/\\([^A-Za-z0-9])/g, '$1');
      if (/[?*+()[\]{}^$]|\\[A-Za-z]/.test(part.replace(/\\[^A-Za-z0-9]/g, ''))) regexes.push(part.trim());
      answers.push(unescaped.trim());
    }
    const fb = feedback.get(spec);
    gaps.push({
      answers,
      ...(fb?.right ? { correctFeedback: fb.right } : {}),
      ...(fb?.wrong ? { wrongFeedback: fb.wrong } : {}),
    });
    return gapMark(gaps.length - 1);
  });
  if (tagged > 0) notes.push(`${count(tagged, 'gap')} held HTML tags, which Gapfill compares literally: the tags were removed from the answer`);
  if (emptyOk > 0) notes.push(`${count(emptyOk, 'gap')} could also be right when left empty (!!): our blanks cannot ask for that`);
  if (regexes.length > 0) notes.push(`regular-expression answers not carried over as patterns; the option shows the text as written: ${regexes.map((r) => `"${r}"`).join(', ')}`);

  const answerElements = Array.isArray(question.answer) ? question.answer : [];
  const distractors = answerElements
    .map(asObject)
    .filter((a) => !String(a['@fraction'] ?? '').includes('1'))
    .map((a) => decodeEntities(stripSlashes(textOf(a))).trim())
    .filter(Boolean);

  if (display === 'gapfill') {
    notes.push('typed answers became a bank of the answers and wrong answers: the learner recognises instead of recalling');
  }
  if (flag(question, 'noduplicates')) notes.push('"no duplicates" (the same answer scores once across gaps) not carried over');
  if (flag(question, 'letterhints')) notes.push('letter hints not carried over');
  const singleUse = flag(question, 'singleuse');
  return {
    name,
    promptHtml: '',
    defaultPrompt: display === 'dropdown' ? 'Choose the missing words.' : display === 'dragdrop' ? 'Drag the words into the blanks.' : 'Fill in the blanks.',
    bodyHtml: body,
    gaps,
    distractors,
    reusable: display !== 'dragdrop' || !singleUse,
    // Typed in any case in Gapfill: so in Type it (ignoreCase); a bank's options are exact either way.
    ...(display === 'gapfill' && !flag(question, 'casesensitive') ? { ignoreCase: true } : {}),
    hints,
    explanation,
    notes,
  };
}
