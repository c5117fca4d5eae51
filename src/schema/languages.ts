/**
 * The names a task's `language` may have: every grammar the highlighter has (refractor's, listed in
 * grammar-names.ts), the aliases refractor gives them, and the names people write (`c#`, `golang`...),
 * in any case. The validator warns about any other name; the highlighter's lazy table resolves with
 * these same functions, so what passes the validator is what gets coloured.
 */
import { GRAMMAR_NAMES } from './grammar-names.ts';

/** Names for code shown as it is, in one colour: accepted, and no grammar is fetched. */
export const PLAIN_NAMES: readonly string[] = ['plaintext', 'plain', 'text', 'txt'];

/** Names people write that refractor does not know, each to its grammar. Lower case. */
const PEOPLES_NAMES: Readonly<Record<string, string>> = {
  'c#': 'csharp',
  'c++': 'cpp',
  cxx: 'cpp',
  'f#': 'fsharp',
  golang: 'go',
  rs: 'rust',
  python3: 'python',
  node: 'javascript',
  nodejs: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  zsh: 'bash',
  console: 'shell-session',
  ps1: 'powershell',
  pwsh: 'powershell',
  htm: 'markup',
  xhtml: 'markup',
  'objective-c': 'objectivec',
  postgres: 'sql',
  postgresql: 'sql',
  mysql: 'sql',
  sqlite: 'sql',
  make: 'makefile',
  ex: 'elixir',
  exs: 'elixir',
  erl: 'erlang',
  pl: 'perl',
  jl: 'julia',
  clj: 'clojure',
  bat: 'batch',
  cmd: 'batch',
  proto: 'protobuf',
  terraform: 'hcl',
  tf: 'hcl',
  gql: 'graphql',
  ml: 'ocaml',
  regexp: 'regex',
  jsonc: 'json',
  vb: 'visual-basic',
};

let byName: Map<string, string> | undefined;

/** Every accepted name (lower case) to its grammar, or to "plaintext". Built on first use. */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(PLAIN_NAMES.map((name) => [name, 'plaintext']));
  for (const [grammar, aliases] of Object.entries(GRAMMAR_NAMES)) {
    byName.set(grammar, grammar);
    for (const alias of aliases) if (!byName.has(alias)) byName.set(alias, grammar);
  }
  for (const [name, grammar] of Object.entries(PEOPLES_NAMES)) if (!byName.has(name)) byName.set(name, grammar);
  return byName;
}

/** The grammar for a name as an author wrote it ("Python", "c#", " yml "), "plaintext", or undefined if unknown. */
export function resolveLanguage(written: string): string | undefined {
  return names().get(written.trim().toLowerCase());
}

/**
 * The known name nearest to an unknown one, for "did you mean ...?": the fewest single-character edits
 * (a swap of two neighbours counts as one), and no more than a third of the name's length, so a name
 * with nothing close gets no suggestion rather than a silly one.
 */
export function nearestLanguage(written: string): string | undefined {
  const name = written.trim().toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of names().keys()) {
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    const distance = editDistance(name, candidate);
    // Ties go to the grammar's own name, then to the shorter name: "jav" suggests "java", not "jsx".
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && prefer(candidate, best))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function prefer(candidate: string, best: string): boolean {
  const own = (n: string) => (n in GRAMMAR_NAMES ? 0 : 1);
  return own(candidate) - own(best) < 0 || (own(candidate) === own(best) && candidate.length < best.length);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
