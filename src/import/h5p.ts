/**
 * H5P "Drag the Words" (H5P.DragText) and "Fill in the Blanks" (H5P.Blanks), read exactly as the
 * libraries' own code reads them (see FORMATS.md in the import samples): from a `.h5p` file (a zip)
 * or its `content.json`. Containers (Interactive Book, Column, Course Presentation, Question Set, Game
 * Map...) yield one task per exercise they hold. Pure: bytes and strings in, a result value out.
 */
import { unzipSync } from 'fflate';
import { LIMITS, assembleSet, count, refuse, slugify, type Draft, type DraftGap, type ImportResult, type QuestionReport } from './build.ts';
import { decodeEntities, gapMark, hostileMarkup, htmlToText } from './html-text.ts';

/** The caps a zip must stay under (tests pass smaller ones). */
export interface ZipLimits {
  readonly maxBytes: number;
  readonly maxZipEntries: number;
}

/** What `h5p.json` says about the package: the main library and the title. */
export interface H5pMeta {
  readonly mainLibrary?: string;
  readonly title?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: Json | undefined): string => (typeof value === 'string' ? value : '');

/** True when the bytes are a zip (a `.h5p` file). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) ;
}

/**
 * Reads a `.h5p` zip without trusting it: every entry name is checked (no absolute paths, no `..`),
 * the entry count and the declared unpacked sizes are capped before anything is inflated, and only
 * `h5p.json` and `content/content.json` are inflated at all (fflate never writes past a declared size).
 */
export function readH5pZip(bytes: Uint8Array, limits: ZipLimits = LIMITS): { ok: true; content: string; meta?: string } | { ok: false; code: string; message: string } {
  const entries: { name: string; size: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    return { ok: false, code: 'bad-zip', message: `Not a readable zip (.h5p) file: ${(error as Error).message}` };
  }
  if (entries.length > limits.maxZipEntries) {
    return { ok: false, code: 'zip-too-many-entries', message: `The zip holds ${entries.length} entries, more than the ${limits.maxZipEntries} an H5P file may have: refused` };
  }
  const unsafe = entries.find(({ name }) => /^[/\\]|^[A-Za-z]:|(^|[/\\])\.\.([/\\]|$)/.test(name) || name.includes('\0'));
  if (unsafe) {
    return { ok: false, code: 'zip-unsafe-path', message: `The zip holds an entry with an unsafe path ("${[...unsafe.name].map((c) => (c < ' ' ? '?' : c)).join('')}"), which could write outside its folder: refused` };
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxBytes) {
    return { ok: false, code: 'zip-too-large', message: `The zip unpacks to ${(total / 1048576).toFixed(1)} MB, more than the ${limits.maxBytes / 1048576} MB allowed (a zip bomb?): refused` };
  }
  const wanted = new Set(['content/content.json', 'h5p.json']);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => wanted.has(file.name) });
  } catch (error) {
    return { ok: false, code: 'bad-zip', message: `The zip is damaged: ${(error as Error).message}` };
  }
  const content = files['content/content.json'];
  if (!content) return { ok: false, code: 'not-h5p', message: 'The zip has no content/content.json: not an H5P file' };
  const decoder = new TextDecoder();
  const meta = files['h5p.json'];
  return { ok: true, content: decoder.decode(content), ...(meta ? { meta: decoder.decode(meta) } : {}) };
}

/** Imports a `.h5p` file or a `content.json` (with its `h5p.json` when there is one). */
export function importH5p(bytes: Uint8Array, fileName: string, metaText?: string, limits: ZipLimits = LIMITS): ImportResult {
  if (bytes.length > LIMITS.maxBytes) return refuse('too-large', `The file is larger than ${LIMITS.maxBytes / 1048576} MB: refused`);
  let contentText: string;
  let meta = metaText;
  if (isZip(bytes)) {
    const zip = readH5pZip(bytes, limits);
    if (!zip.ok) return refuse(zip.code, zip.message);
    contentText = zip.content;
    meta = zip.meta ?? meta;
  } else {
    contentText = new TextDecoder().decode(bytes);
  }
  return importH5pContent(contentText, fileName, meta);
}

/** Imports the text of a `content.json`; `metaText` is its `h5p.json`, when known. */
export function importH5pContent(contentText: string, fileName: string, metaText?: string): ImportResult {
  const parsed = parseJson(contentText);
  if (!parsed.ok) return refuse('bad-json', `content.json is not valid JSON: ${parsed.message}`);
  // Checked on the parsed strings, so JSON's \u003c escapes hide nothing.
  const hostile = findHostile(parsed.value, 0);
  if (hostile) return refuse('hostile', `content.json holds ${hostile}, which no exercise needs: refused`);
  if (!isObject(parsed.value)) return refuse('not-h5p', 'content.json must hold one JSON object (the H5P parameters)');
  let meta: H5pMeta = {};
  if (metaText !== undefined) {
    const metaJson = parseJson(metaText);
    if (metaJson.ok && isObject(metaJson.value)) meta = { mainLibrary: str(metaJson.value.mainLibrary), title: str(metaJson.value.title) };
  }
  const root = parsed.value;
  if ('mainLibrary' in root && 'preloadedDependencies' in root) {
    return refuse('not-h5p-content', 'This is h5p.json (the package description): import the .h5p file or its content/content.json');
  }

  // The root's library: h5p.json says it; a lone content.json is known by its shape.
  const mainLibrary = meta.mainLibrary || (typeof root.textField === 'string' ? 'H5P.DragText' : Array.isArray(root.questions) && root.questions.every((q) => typeof q === 'string') ? 'H5P.Blanks' : '');
  const found: { library: string; params: JsonObject; title: string; path: string }[] = [];
  const others = new Map<string, number>();
  let tooDeep = false;
  let nodes = 0;
  const walk = (value: Json, depth: number, path: string): void => {
    nodes += 1;
    if (depth > LIMITS.maxDepth) {
      tooDeep = true;
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, depth + 1, `${path}[${i}]`));
      return;
    }
    if (!isObject(value)) return;
    const library = str(value.library).split(' ')[0] ?? '';
    if (library && isObject(value.params)) {
      const title = isObject(value.metadata) ? str(value.metadata.title) : '';
      if (library === 'H5P.DragText' || library === 'H5P.Blanks') {
        found.push({ library, params: value.params, title, path });
        return;
      }
      if (!CONTAINERS.has(library)) others.set(library, (others.get(library) ?? 0) + 1);
    }
    for (const [key, child] of Object.entries(value)) walk(child, depth + 1, `${path}.${key}`);
  };
  if (mainLibrary === 'H5P.DragText' || mainLibrary === 'H5P.Blanks') {
    found.push({ library: mainLibrary, params: root, title: meta.title ?? '', path: '' });
  } else {
    walk(root, 0, '');
  }
  if (tooDeep) return refuse('too-deep', `content.json nests deeper than ${LIMITS.maxDepth} levels: refused`);
  if (found.length > LIMITS.maxQuestions) {
    return refuse('too-many-questions', `The file holds ${found.length} exercises, more than the ${LIMITS.maxQuestions} one import may take: refused`);
  }
  void nodes;

  const drafts = found.map((item, i) => {
    const kind = item.library === 'H5P.DragText' ? 'Drag the Words' : 'Fill in the Blanks';
    const label = `#${i + 1}${item.title ? ` "${item.title}"` : ''} (${item.library}, ${kind})`;
    const draft = item.library === 'H5P.DragText' ? dragTextDraft(item.params, item.title) : blanksDraft(item.params, item.title);
    return { draft, label };
  });
  const extra: QuestionReport[] = [];
  if (others.size > 0) {
    const list = [...others].sort(([a], [b]) => (a < b ? -1 : 1)).map(([lib, n]) => `${lib} ×${n}`).join(', ');
    extra.push({ question: 'the rest of the file', notes: [`content that is not a fill-in-the-blank exercise, not imported: ${list}`] });
  }
  const base = fileName.replace(/^.*[/\\]/, '').replace(/\.(h5p|json)$/i, '').replace(/\.content$/i, '');
  const title = meta.title || (isObject(root.metadata) ? str(root.metadata.title) : '') || base;
  return assembleSet({ id: slugify(base, 'imported-h5p'), title: htmlToText(title) || base, subject: 'Imported from H5P' }, drafts, extra);
}

/** Libraries that only hold other content: their own text is layout, not an exercise. */
const CONTAINERS = new Set([
  'H5P.InteractiveBook', 'H5P.Column', 'H5P.CoursePresentation', 'H5P.QuestionSet', 'H5P.GameMap', 'H5P.Accordion',
  'H5P.InteractiveVideo', 'H5P.SingleChoiceSet', 'H5P.BranchingScenario',
]);

/** The first hostile markup in any string of the content (depth-capped; the walk below reports depth). */
function findHostile(value: Json, depth: number): string | undefined {
  if (typeof value === 'string') return hostileMarkup(value);
  if (typeof value !== 'object' || value === null || depth > LIMITS.maxDepth) return undefined;
  for (const child of Object.values(value)) {
    const found = findHostile(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function parseJson(text: string): { ok: true; value: Json } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as Json };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** Notes every H5P exercise shares: media, score-band feedback. */
function commonNotes(params: JsonObject): string[] {
  const notes: string[] = [];
  const media = isObject(params.media) && isObject(params.media.type) ? str(params.media.type.library).split(' ')[0] : '';
  if (media) notes.push(`media (${media}) not carried over`);
  const bands = Array.isArray(params.overallFeedback) ? params.overallFeedback.filter(isObject) : [];
  const custom = bands.filter((b) => str(b.feedback).trim() !== '' && !/@score/.test(str(b.feedback)));
  if (bands.length > 1 || custom.length > 0) notes.push('overall feedback by score range not carried over');
  return notes;
}

/** H5P.DragText's lexer for one gap (the text between the asterisks). */
export function lexDragTextGap(inner: string): { answer: string; tip?: string; correct?: string; incorrect?: string } {
  const tip = /(:([^\\*]+))/.exec(inner);
  const correct = /(\\\+([^\\*:]+))/.exec(inner);
  const incorrect = /(\\-([^\\*:]+))/.exec(inner);
  let answer = inner;
  for (const match of [tip, correct, incorrect]) if (match?.[1]) answer = answer.replace(match[1], '');
  return {
    answer: answer.replace(/\s+$/, ''),
    ...(tip?.[2] ? { tip: tip[2].trim() } : {}),
    ...(correct?.[2] ? { correct: correct[2].trim() } : {}),
    ...(incorrect?.[2] ? { incorrect: incorrect[2].trim() } : {}),
  };
}

/** Gap text to plain text: entities decoded, any tags gone. */
const plain = (html: string): string => htmlToText(html);

function dragTextDraft(params: JsonObject, title: string): Draft {
  const notes = commonNotes(params);
  // As drag-text.js: newlines become <br/> before the text is split at *...* pairs.
  const text = str(params.textField).replace(/(\r\n|\n|\r)/gm, '<br/>');
  const gaps: DraftGap[] = [];
  let body = '';
  let empty = 0;
  for (const part of text.split(/(\*.*?\*)/).filter((p) => p.length > 0)) {
    if (part.length >= 2 && part.startsWith('*') && part.endsWith('*')) {
      const lexed = lexDragTextGap(part.slice(1, -1));
      const answer = plain(lexed.answer);
      if (answer === '') empty += 1;
      body += gapMark(gaps.length);
      gaps.push({
        answers: [answer],
        ...(lexed.tip ? { tip: plain(lexed.tip) } : {}),
        ...(lexed.correct ? { correctFeedback: plain(lexed.correct) } : {}),
        ...(lexed.incorrect ? { wrongFeedback: plain(lexed.incorrect) } : {}),
      });
    } else {
      body += part;
    }
  }
  if (empty > 0) notes.push(`${count(empty, 'empty gap')} (**) expected an empty drop zone, which our blanks cannot ask for`);
  const distractors = str(params.distractors)
    .replace(/(\r\n|\n|\r)/gm, '<br/>')
    .split(/(\*.*?\*)/)
    .filter((p) => p.length >= 2 && p.startsWith('*') && p.endsWith('*'))
    .map((p) => plain(lexDragTextGap(p.slice(1, -1)).answer));
  if (params.behaviour && isObject(params.behaviour) && params.behaviour.instantFeedback === true) {
    notes.push('instant feedback on each drop not carried over (feedback comes on Check)');
  }
  return {
    name: title || 'drag-the-words',
    promptHtml: str(params.taskDescription),
    defaultPrompt: 'Drag the words into the blanks.',
    bodyHtml: body,
    gaps,
    distractors,
    reusable: false,
    hints: [],
    explanation: [],
    notes,
  };
}

/** H5P.Blanks' scan: clozes between asterisks, across every text block in order. */
function blanksDraft(params: JsonObject, title: string): Draft {
  const notes = commonNotes(params);
  const questions = Array.isArray(params.questions) ? params.questions.map(str) : [];
  const gaps: DraftGap[] = [];
  const bodies = questions.map((question) => {
    let out = '';
    let at = 0;
    for (;;) {
      const open = question.indexOf('*', at);
      const close = open < 0 ? -1 : question.indexOf('*', open + 1);
      if (close < 0) break;
      out += question.slice(at, open);
      const cloze = question.slice(open + 1, close);
      at = close + 1;
      if (cloze === '') {
        out += '**';
        continue;
      }
      // blanks.js: simple tags inside a cloze vanish; the tip follows the first colon; "/" separates alternatives.
      const solution = cloze.replace(/<\/?[a-z]*\d?>/gi, '');
      const colon = solution.indexOf(':');
      const answerPart = colon < 0 ? solution : solution.slice(0, colon);
      const tip = colon < 0 ? '' : solution.slice(colon + 1);
      // Tags left in (those with attributes) go before decoding, so an escaped "&lt;div&gt;" stays an answer.
      const answers = answerPart.split('/').map((a) => decodeEntities(a.replace(/<[^>]*>/g, '').trim()).trim());
      out += gapMark(gaps.length);
      gaps.push({ answers, ...(tip.trim() ? { tip: plain(tip) } : {}) });
    }
    return out + question.slice(at);
  });
  const behaviour = isObject(params.behaviour) ? params.behaviour : {};
  if (gaps.length > 0) {
    notes.push('typed answers became a bank of the answers (H5P has no distractors): the learner recognises instead of recalling');
    if (behaviour.acceptSpellingErrors === true) notes.push('spelling mistakes were accepted; the options are exact');
    if (gaps.some((g) => g.answers.some((a) => a === ''))) notes.push('an empty alternative (a gap that may be left empty) cannot be an option: dropped');
  }
  return {
    name: title || 'fill-in-the-blanks',
    promptHtml: str(params.text),
    defaultPrompt: 'Fill in the blanks.',
    bodyHtml: bodies.join('<br>'),
    gaps,
    distractors: [],
    reusable: true,
    // Typed in any case in H5P: so in Type it (ignoreCase); a bank's options are exact either way.
    ...(behaviour.caseSensitive === false ? { ignoreCase: true } : {}),
    hints: [],
    explanation: [],
    notes,
  };
}
