/**
 * Challenge's personal bests, one per choice of sets, in `codeblanks:v2:challenge`:
 * `{ "v": 1, "bests": { "<set id>,<set id>": { right, bonus, score, ms, at } } }` (the key is
 * engine/challenge.ts's choiceKey: the set ids sorted). A merge (another tab, an imported file) keeps,
 * per choice, the best by `beats`. Saved data is untrusted: an entry that does not read is left out,
 * a file of another version is not read (and not overwritten), and nothing here throws.
 */
import { beats, type ChallengeBest } from '../engine/challenge.ts';
import { read, write, type KeyValueStorage } from './persistence.ts';

export const BESTS_KEY = 'codeblanks:v2:challenge';
export const BESTS_VERSION = 1;

export type Bests = Readonly<Record<string, ChallengeBest>>;

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
export const isBest = (x: unknown): x is ChallengeBest => {
  const b = x as Record<string, unknown>;
  return typeof x === 'object' && x !== null && isCount(b.right) && isCount(b.bonus) && b.score === b.right + b.bonus && isCount(b.ms) && isCount(b.at);
};

/** The bests saved, what does not read left out; null when the entry is of another version (leave it alone). */
export function parseBests(raw: string | null | undefined): Bests | null {
  if (!raw) return {};
  try {
    const json = JSON.parse(raw) as { v?: unknown; bests?: unknown };
    if (json?.v !== BESTS_VERSION) return null;
    const bests = typeof json.bests === 'object' && json.bests ? json.bests : {};
    return Object.fromEntries(Object.entries(bests).filter(([, b]) => isBest(b))) as Bests;
  } catch {
    return {};
  }
}

/** Per choice, the better of the two. */
export function mergeBests(mine: Bests, theirs: Bests): Bests {
  const out: Record<string, ChallengeBest> = { ...mine };
  for (const [choice, best] of Object.entries(theirs)) if (beats(best, out[choice])) out[choice] = best;
  return out;
}

export const readBests = (storage: KeyValueStorage | null): Bests => parseBests(read(storage, BESTS_KEY)) ?? {};

/**
 * Records a round's result for a choice of sets: the best kept (this one when it beats the saved one),
 * and whether it is new. A saved entry of another version is not overwritten.
 */
export function recordBest(storage: KeyValueStorage | null, choice: string, result: ChallengeBest): { best: ChallengeBest; isNew: boolean } {
  const saved = parseBests(read(storage, BESTS_KEY));
  const before = saved?.[choice];
  const isNew = beats(result, before);
  if (saved && isNew) write(storage, BESTS_KEY, JSON.stringify({ v: BESTS_VERSION, bests: mergeBests(saved, { [choice]: result }) }));
  return { best: isNew ? result : before!, isNew };
}
