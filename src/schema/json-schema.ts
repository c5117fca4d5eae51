/**
 * The exercise format as a JSON Schema, for authors' editors: `"$schema": "./schema.json"` in an
 * exercise file gives completion, hover docs and squiggles in VS Code and the like.
 *
 * Build time only (`npm run schema` writes exercises/schema.json; a test keeps that file fresh): it
 * pulls in @valibot/to-json-schema, so nothing the learner downloads may import it. The shapes come
 * from the valibot schema; the words an author reads on hover live here, keyed by JSON path, so the
 * learner's bundle does not carry them. `describeFormat` throws when the two drift apart.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { ExerciseSetSchema, FORMAT_VERSION } from './exercise-schema.ts';
import { GRAMMAR_NAMES } from './grammar-names.ts';

/** A JSON Schema node, as far as this file needs to look inside one. */
export interface JsonSchemaNode {
  [keyword: string]: unknown;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

interface Doc {
  readonly title?: string;
  readonly description: string;
  readonly examples?: readonly unknown[];
  readonly default?: unknown;
}

const BLANKS = 'A blank is [[n]], numbered from 1 without gaps, each used once; \\[[ writes a literal [[ (in JSON: "\\\\[[").';

/**
 * Hover text by path: `tasks[]` is any task, `tasks[].mistakes[].when` the `when` of any mistake.
 * Every property of the schema needs an entry (the test says which are missing).
 */
export const FORMAT_DOCS: Readonly<Record<string, Doc>> = {
  '': {
    title: 'codeblanks exercise set',
    description: `One set of fill-in-the-blank code tasks (format version ${FORMAT_VERSION}). The file is named after its id: <id>.json.`,
  },
  $schema: { description: 'Where editors find this schema. In exercises/ it is "./schema.json".', examples: ['./schema.json'] },
  formatVersion: { description: `The version of the exercise format this file is written in. Always ${FORMAT_VERSION} for now.` },
  id: {
    description: 'The set\'s id: lowercase letters, digits and single hyphens, unique across exercises/, and the file\'s name without ".json".',
    examples: ['python-list-indexing'],
  },
  title: { description: 'The set\'s title, as the catalogue and the page heading show it.' },
  subject: { description: 'What the set is about, in a few words, as the catalogue shows it.' },
  estimatedMinutes: { description: 'About how many minutes the whole set takes, shown in the catalogue.' },
  maxAttempts: { description: 'Checks allowed per task in this set (1 to 10); a task may set its own. Default: 3.', default: 3 },
  tasks: { description: 'The tasks, in the order learners meet them.' },
  'tasks[]': { title: 'Task', description: 'One piece of code with blanks, the options to fill them with, and the answer key.' },
  'tasks[].id': { description: 'The task\'s id: a slug, unique within the set (saved progress is keyed by it).', examples: ['grant-type'] },
  'tasks[].difficulty': { description: 'How hard the task is: "easy", "medium" or "hard".' },
  'tasks[].prompt': { description: 'What the learner is asked to do, in one or two sentences.' },
  'tasks[].language': {
    description: `The code's language, for highlighting, in any case: any of the ${Object.keys(GRAMMAR_NAMES).length} Prism grammars by its name or a usual one (python or py, javascript or js, typescript or ts, markup or html, bash or sh, yaml or yml, csharp or c#, cpp or c++, go or golang, kotlin or kt, ruby or rb, rust or rs...), or "plaintext" for none. Any other name is a warning and shows plain.`,
    examples: ['python', 'javascript', 'typescript', 'java', 'c', 'cpp', 'csharp', 'go', 'rust', 'kotlin', 'ruby', 'php', 'swift', 'bash', 'sql', 'html', 'css', 'json', 'yaml', 'http', 'plaintext'],
  },
  'tasks[].code': { description: `The code: an array of lines, or one string with \\n between lines. ${BLANKS}` },
  'tasks[].options': { description: 'The options the learner drags, taps or types into the blanks; each listed once. Right answers and tempting wrong ones.' },
  'tasks[].options[]': { description: 'One option, exactly as it appears in the code once placed (a keyword, a value, an expression).' },
  'tasks[].answers': {
    description: 'The answer key: blank number -> the right option, or a list of options that are all right, e.g. {"1": "client_credentials"}. Every answer must be one of the options.',
  },
  'tasks[].hints': { description: 'Hints revealed one at a time, from a gentle nudge to nearly the answer.' },
  'tasks[].hints[]': { description: 'One hint. Say what to look at rather than what to pick.' },
  'tasks[].mistakes': {
    description:
      'Common mistakes and what to say about them. After a wrong check the learner sees the ones whose "when" matched; the whole list shows once the task ends (so it cannot give the answer away before).',
  },
  'tasks[].mistakes[]': { title: 'Mistake', description: 'One common mistake: what to tell the learner, and the choices that make it.' },
  'tasks[].mistakes[].text': { description: 'What the learner got wrong and why, in a sentence or two.' },
  'tasks[].mistakes[].when': {
    description: 'The choices that make this mistake: blank number -> a wrong option (or a list of them). Every entry must hold. Without "when" the mistake is general advice.',
  },
  'tasks[].mistakes[].always': {
    description:
      'true lists this mistake in the task\'s "Common mistakes" while the task is still open, though no check matched it: for general advice (usually a mistake without "when") that does not give the answer away. Opening the list then counts as help, like a hint. Without it, the mistake shows when its "when" matches, or once the task ends.',
    default: false,
  },
  'tasks[].explanation': { description: 'Why the right answer is right, shown once the task is solved or its attempts run out.' },
  'tasks[].maxAttempts': { description: 'Checks allowed for this task (1 to 10), instead of the set\'s.' },
  'tasks[].reusableOptions': {
    description:
      'true when every option may fill several blanks at once (it stays in the bank); a list of options when only those may (Moodle\'s "unlimited" choices), e.g. ["0"], while the others fill one blank each. Without it, each option fills one blank and there must be at least as many options as blanks.',
    default: false,
    examples: [true, ['0']],
  },
  'tasks[].groups': {
    description:
      'A bank per blank (Moodle\'s choice groups): each group lists blanks and the options they offer, and those blanks offer only those (in the bank while one of them is selected, in Pick\'s lists, in line order\'s wrong variants). A blank in no group offers every option. Each blank\'s answers must be among its group\'s options.',
    examples: [[{ blanks: [1, 3], options: ['SELECT', 'UPDATE'] }, { blanks: [2], options: ['FROM', 'INTO'] }]],
  },
  'tasks[].groups[]': { title: 'Group', description: 'Blanks that share a bank, and the options in it.' },
  'tasks[].groups[].blanks': { description: 'The blank numbers this group\'s options are for; a blank is in at most one group.' },
  'tasks[].groups[].blanks[]': { description: 'A blank number of the code, like 1 for [[1]].' },
  'tasks[].groups[].options': { description: 'The options these blanks offer: each one of the task\'s options.' },
  'tasks[].groups[].options[]': { description: 'One of the task\'s options, written exactly as in "options".' },
  'tasks[].ignoreCase': {
    description: 'true when a typed answer (Type it) is right whatever its letter case (H5P\'s "case sensitive" off): "Select" for "SELECT". Without it, case counts, and an answer wrong only in case gets a note.',
    default: false,
  },
  'tasks[].fragment': {
    description: 'true when the code is deliberately a piece of a program (a method without its class, a line out of a function), so `npm run validate` does not parse its solution. Without it, the validator fills each blank with its first answer and parses the code as its language, where it has a parser.',
    default: false,
  },
};

/** The generated JSON Schema (draft-07, which every editor reads), with the author docs attached. */
export function buildJsonSchema(): JsonSchemaNode {
  const generated = toJsonSchema(ExerciseSetSchema, {
    target: 'draft-07',
    // `trim` is a transform and has no JSON Schema form; it only tidies text, so it is safe to skip.
    ignoreActions: ['trim'],
  }) as JsonSchemaNode;
  const { $schema, ...rest } = generated;
  return describeFormat({ $schema, ...rest });
}

/**
 * Attaches FORMAT_DOCS to the schema, walking `properties` and array `items`. Throws when a doc names a
 * path the schema does not have (a key was renamed or removed), so stale words cannot ship.
 */
export function describeFormat(schema: JsonSchemaNode, docs: Readonly<Record<string, Doc>> = FORMAT_DOCS): JsonSchemaNode {
  const used = new Set<string>();
  const visit = (node: JsonSchemaNode, path: string): JsonSchemaNode => {
    const doc = docs[path];
    if (doc) used.add(path);
    const { $schema, ...keywords } = node;
    const out: JsonSchemaNode = {
      ...($schema === undefined ? {} : { $schema }),
      ...(doc?.title === undefined ? {} : { title: doc.title }),
      ...(doc ? { description: doc.description } : {}),
      ...keywords,
      ...(doc?.default === undefined ? {} : { default: doc.default }),
      ...(doc?.examples === undefined ? {} : { examples: doc.examples }),
    };
    if (node.properties) {
      out.properties = Object.fromEntries(
        Object.entries(node.properties).map(([key, child]) => [key, visit(child, path === '' ? key : `${path}.${key}`)]),
      );
    }
    if (node.items) out.items = visit(node.items, `${path}[]`);
    return out;
  };
  const described = visit(schema, '');
  const stale = Object.keys(docs).filter((path) => !used.has(path));
  if (stale.length > 0) throw new Error(`FORMAT_DOCS describes paths the schema does not have: ${stale.join(', ')}`);
  return described;
}

/** The text of exercises/schema.json: two-space JSON and a final newline, as the repo keeps it. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}
