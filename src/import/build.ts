/**
 * What every importer shares: a source question, read into a `Draft` (text with gap marks, each gap's
 * answers, tips and feedback, the distractors), becomes one of our tasks here, and every source
 * feature our format cannot say becomes a note in the report. Pure: strings in, values out.
 */
import { type ExerciseSet, type FormatIssue, type Mistake, type Task } from '../schema/exercise-schema.ts';
import { loadExerciseSet } from '../engine/load-set.ts';
import { GAP_MARK, emptyFindings, hasSentinels, htmlToMarkedText, htmlToText, splitBlocks, type HtmlFindings } from './html-text.ts';

/** Refusal limits: a file past them is refused whole, before anything is written. */
export const LIMITS = {
  /** Bytes of one input file, and of everything a zip unpacks to. */
  maxBytes: 50 * 1024 * 1024,
  /** Entries in one zip. */
  maxZipEntries: 2000,
  /** Questions (exercises) in one file. */
  maxQuestions: 500,
  /** Nesting depth of an H5P content tree. */
  maxDepth: 64,
} as const;

/** One gap of a source question, its texts already plain. */
export interface DraftGap {
  /** Accepted answers (several when the source lists alternatives). */
  readonly answers: readonly string[];
  readonly tip?: string;
  readonly correctFeedback?: string;
  readonly wrongFeedback?: string;
}

/** A source question, read but not yet shaped into a task. */
export interface Draft {
  /** The question's name in the source, for the report and the task id. */
  readonly name: string;
  /** Instructions, as HTML (may be empty). */
  readonly promptHtml: string;
  /** Used when neither the instructions nor prose around the code give a prompt. */
  readonly defaultPrompt: string;
  /** The text, as HTML, with `gapMark(i)` where gap i is. */
  readonly bodyHtml: string;
  readonly gaps: readonly DraftGap[];
  /** Wrong choices offered besides the answers. */
  readonly distractors: readonly string[];
  /** True when the source lets every choice fill several gaps. */
  readonly reusable: boolean;
  /** The choices that may fill several gaps while the others fill one (Moodle's "infinite"). */
  readonly unlimited?: readonly string[];
  /** Per gap (as `gaps`), the choices it offers, when each gap has its own bank (Moodle's choice groups). */
  readonly banks?: readonly (readonly string[])[];
  /** True when typed answers are right whatever their letter case. */
  readonly ignoreCase?: boolean;
  /** Options in the source's order (answers and distractors as listed); otherwise sorted, so the order gives nothing away. */
  readonly optionOrder?: readonly string[];
  readonly hints: readonly string[];
  readonly explanation: readonly string[];
  /** What the reader already knows it could not carry over. */
  readonly notes: readonly string[];
}

/** What became of one source question. */
export interface QuestionReport {
  /** Which question, in the author's words: its number, name and type. */
  readonly question: string;
  /** The task it became, or none when it could not be imported. */
  readonly taskId?: string;
  /** Everything not carried over, or changed on the way. */
  readonly notes: readonly string[];
}

/** An import's outcome: sets to write and the report, or a refusal with a reason. */
export type ImportResult =
  | { readonly ok: true; readonly sets: readonly ExerciseSet[]; readonly report: readonly QuestionReport[] }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly report?: readonly QuestionReport[] };

export function refuse(code: string, message: string, report?: readonly QuestionReport[]): ImportResult {
  return { ok: false, code, message, ...(report ? { report } : {}) };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Language names sources use, as our highlighter knows them. */
const LANGUAGE_ALIASES: Record<string, string> = {
  html: 'markup', xml: 'markup', svg: 'markup', js: 'javascript', ts: 'typescript', py: 'python', sh: 'bash',
  shell: 'bash', text: 'plaintext', plain: 'plaintext', txt: 'plaintext',
};

function codeLanguage(name: string | undefined): string {
  if (!name) return 'plaintext';
  const lower = name.toLowerCase();
  return LANGUAGE_ALIASES[lower] ?? lower;
}

/** A slug from any text: lowercase ASCII letters and digits, single hyphens. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** A slug not yet in `taken` (adds -2, -3...), then marked taken. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Option text: one line, trimmed. */
export function optionText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Notes for what HTML conversion met and could not show. */
export function findingNotes(findings: HtmlFindings): string[] {
  const notes: string[] = [];
  if (findings.images > 0) notes.push(`${count(findings.images, 'image')} not carried over (alt text kept where there was one)`);
  if (findings.media > 0) notes.push(`${count(findings.media, 'audio or video element')} not carried over`);
  if (findings.tables > 0) notes.push(`${count(findings.tables, 'table')} flattened to lines of text`);
  if (findings.links > 0) notes.push(`${count(findings.links, 'link')} kept as text only (the address is not carried over)`);
  if (findings.dropped.size > 0) notes.push(`content of ${[...findings.dropped].map((t) => `<${t}>`).join(', ')} removed`);
  return notes;
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/**
 * Shapes a draft into a task. Returns the task, or none when nothing answerable is left, and always the
 * notes saying what was not carried over.
 */
export function buildTask(draft: Draft, takenIds: Set<string>): { task?: Task; notes: string[] } {
  const notes = [...draft.notes];
  const findings = emptyFindings();
  if (hasSentinels(draft.bodyHtml.replace(GAP_MARK, '')) || hasSentinels(draft.promptHtml)) {
    return { notes: [...notes, 'the text holds private-use characters U+E000-U+E012, which the importer reserves: not imported'] };
  }
  const blocks = splitBlocks(htmlToMarkedText(draft.bodyHtml, findings));
  const promptFindings = emptyFindings();
  const instructions = htmlToText(draft.promptHtml, promptFindings);

  // Gaps the source gave no answer can hold nothing: they leave the text.
  const usable = draft.gaps.map((gap) => gap.answers.map(optionText).filter((a) => a !== ''));
  usable.forEach((answers, i) => {
    if (answers.length === 0) notes.push(`gap ${i + 1} has no answer that can be an option (empty): left out of the text`);
  });
  const markIn = (text: string): number[] => Array.from(text.matchAll(GAP_MARK), (m) => Number(m[1]));
  const isUsable = (i: number): boolean => (usable[i]?.length ?? 0) > 0;

  // Code from <pre>/<code> is the task's code when it holds every gap; the prose around it joins the prompt.
  const codeBlocks = blocks.filter((b) => b.kind === 'code');
  const gapsInCode = codeBlocks.flatMap((b) => markIn(b.text)).filter(isUsable);
  const allGaps = blocks.flatMap((b) => markIn(b.text)).filter(isUsable);
  let codeText: string;
  let language: string;
  let prompt = instructions;
  if (codeBlocks.length > 0 && allGaps.length > 0 && gapsInCode.length === allGaps.length) {
    codeText = codeBlocks.filter((b) => markIn(b.text).some(isUsable)).map((b) => b.text).join('\n\n');
    language = codeLanguage(codeBlocks.find((b) => b.language)?.language);
    const prose = blocks.filter((b) => !(b.kind === 'code' && markIn(b.text).some(isUsable))).map((b) => b.text.replace(GAP_MARK, '')).join('\n').trim();
    prompt = [instructions, prose].filter(Boolean).join('\n');
  } else {
    codeText = blocks.map((b) => b.text).join('\n');
    language = codeLanguage(codeBlocks.find((b) => b.language && markIn(b.text).length > 0)?.language);
  }
  for (const note of findingNotes(findings)) notes.push(note);
  for (const note of findingNotes(promptFindings)) notes.push(`in the instructions: ${note}`);

  // Gaps that vanished in conversion (inside an attribute or removed markup) cannot be shown.
  const found = new Set(markIn(codeText));
  draft.gaps.forEach((_, i) => {
    if (isUsable(i) && !found.has(i)) notes.push(`gap ${i + 1} sat inside markup that cannot be shown as text: left out`);
  });

  // Number blanks in reading order; escape a literal [[ so it never reads as a blank.
  const blankOf = new Map<number, number>();
  let backslashes = 0;
  const parts = codeText.split(GAP_MARK);
  let code = '';
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      code += part.replace(/\[\[/g, '\\[[');
      return;
    }
    const gap = Number(part);
    if (!isUsable(gap) || blankOf.has(gap)) return;
    blankOf.set(gap, blankOf.size + 1);
    // `\[[` is our escape for a literal [[, so a backslash (or backslash and bracket) from the text
    // cannot sit right before a blank: it would swallow the blank's own brackets.
    if (/\\\[?$/.test(code)) {
      code += ' ';
      backslashes += 1;
    }
    code += `[[${blankOf.size}]]`;
  });
  if (backslashes > 0) notes.push(`${count(backslashes, 'backslash', 'backslashes')} right before a gap got a space after it (our blanks cannot follow a backslash directly)`);
  if (blankOf.size === 0) return { notes: [...notes, 'no gap with an answer: not imported'] };

  // The bank: the answers and the distractors, each once.
  const answerOptions = [...blankOf.keys()].flatMap((gap) => usable[gap] ?? []);
  const distractors = draft.distractors.map(optionText).filter((d) => d !== '');
  const unique = [...new Set([...answerOptions, ...distractors])];
  const order = draft.optionOrder?.map(optionText);
  const options = order
    ? [...order.filter((o) => unique.includes(o)), ...unique.filter((o) => !order.includes(o))].filter((o, i, all) => all.indexOf(o) === i)
    : [...unique].sort(collator.compare);
  const merged = new Set(distractors).size < distractors.length || distractors.some((d) => answerOptions.includes(d));
  if (merged && !notes.some((n) => n.includes('same text'))) {
    notes.push('choices with the same text were merged into one option');
  }

  const answers: Record<string, string | string[]> = {};
  const gapOfBlank = new Map<number, number>();
  for (const [gap, blank] of blankOf) {
    const accepted = [...new Set(usable[gap] ?? [])];
    answers[String(blank)] = accepted.length === 1 ? (accepted[0] as string) : accepted;
    gapOfBlank.set(blank, gap);
  }

  // One single-use option for several blanks needs reuse, as do fewer options than blanks (with none unlimited).
  const unlimited = options.filter((o) => draft.unlimited?.map(optionText).includes(o));
  const singles = Object.values(answers).filter((a): a is string => typeof a === 'string');
  const needsReuse = singles.some((a, i) => singles.indexOf(a) !== i && !unlimited.includes(a)) || (options.length < blankOf.size && unlimited.length === 0);
  const reusableOptions = draft.reusable || needsReuse || (unlimited.length > 0 ? unlimited : false);
  if (needsReuse && !draft.reusable) {
    notes.push('several blanks need the same option, so every option of this task may fill several blanks (reusableOptions): in the source each choice filled one gap');
  }

  // A bank per blank: blanks whose gaps offer the same choices share a group; one bank of every option is no group at all.
  const groups: { blanks: number[]; options: string[] }[] = [];
  if (draft.banks) {
    for (const [gap, blank] of blankOf) {
      const bank = new Set((draft.banks[gap] ?? []).map(optionText));
      const own = options.filter((o) => bank.has(o) || usable[gap]?.includes(o));
      const same = groups.find((g) => g.options.join('\n') === own.join('\n'));
      if (same) same.blanks.push(blank);
      else groups.push({ blanks: [blank], options: own });
    }
  }
  const grouped = groups.length > 1 || (groups.length === 1 && groups[0]?.options.length !== options.length);

  const hints = [...draft.hints.map((h) => h.trim()).filter(Boolean)];
  const explanation = [...draft.explanation.map((e) => e.trim()).filter(Boolean)];
  const mistakes: Mistake[] = [];
  let tips = 0;
  let rightFeedback = 0;
  for (const [blank, gap] of gapOfBlank) {
    const source = draft.gaps[gap];
    if (!source) continue;
    const tip = source.tip?.trim();
    if (tip) {
      hints.push(`Blank ${blank}: ${tip}`);
      tips += 1;
    }
    const right = source.correctFeedback?.trim();
    if (right) {
      explanation.push(`Blank ${blank}: ${right}`);
      rightFeedback += 1;
    }
    const wrong = source.wrongFeedback?.trim();
    if (wrong) {
      const accepted = usable[gap] ?? [];
      const others = options.filter((o) => !accepted.includes(o));
      mistakes.push(others.length > 0 ? { text: `Blank ${blank}: ${wrong}`, when: { [String(blank)]: others.length === 1 ? (others[0] as string) : others } } : { text: `Blank ${blank}: ${wrong}` });
    }
  }
  if (tips > 0) notes.push(`${count(tips, 'tip')} for single gaps became task hints (shown in order, labelled with the blank, not beside it)`);
  if (rightFeedback > 0) notes.push(`${count(rightFeedback, 'piece')} of feedback for a right answer in one gap joined the explanation (shown when the task ends, not when that gap is right)`);
  if (mistakes.length > 0) notes.push(`${count(mistakes.length, 'piece')} of feedback for a wrong answer in one gap became mistakes, shown when that blank holds a wrong option`);

  if (!prompt) prompt = draft.defaultPrompt;
  const task: Task = {
    id: uniqueSlug(slugify(draft.name, 'task'), takenIds),
    difficulty: 'medium',
    prompt,
    language,
    code,
    options,
    answers,
    ...(hints.length > 0 ? { hints } : {}),
    ...(mistakes.length > 0 ? { mistakes } : {}),
    ...(explanation.length > 0 ? { explanation: explanation.join('\n\n') } : {}),
    ...(reusableOptions ? { reusableOptions } : {}),
    ...(grouped ? { groups } : {}),
    ...(draft.ignoreCase ? { ignoreCase: true } : {}),
  };
  return { task, notes };
}

/** Builds every draft into one set, checks it as the app will load it, and reports per question. */
export function assembleSet(
  meta: { id: string; title: string; subject: string },
  drafts: readonly { draft: Draft; label: string }[],
  extraReport: readonly QuestionReport[] = [],
): ImportResult {
  const taken = new Set<string>();
  const tasks: Task[] = [];
  const report: QuestionReport[] = [];
  for (const { draft, label } of drafts) {
    const built = buildTask(draft, taken);
    if (built.task) tasks.push(built.task);
    report.push({ question: label, ...(built.task ? { taskId: built.task.id } : {}), notes: built.notes });
  }
  report.push(...extraReport);
  if (tasks.length === 0) {
    return refuse('nothing-to-import', 'No fill-in-the-blank exercise with answers was found: nothing to import', report);
  }
  const set: ExerciseSet = {
    $schema: './schema.json',
    formatVersion: 1,
    id: meta.id,
    title: meta.title.trim() || meta.id,
    subject: meta.subject,
    tasks,
  };
  const loaded = loadExerciseSet(set);
  if (!loaded.ok) {
    // A bug of ours, never the author's: say so rather than write a set the app would refuse.
    const first: FormatIssue | undefined = loaded.issues[0];
    return refuse('invalid-output', `The imported set would not be valid (${first?.message ?? 'unknown problem'} at ${first?.path.join('.') ?? ''}): nothing written`, report);
  }
  return { ok: true, sets: [set], report };
}
