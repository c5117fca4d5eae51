/**
 * A page that cannot be shown (an unknown address or set, a set that failed validation) and the way
 * back. A chunk of its own, with its own look: the learner's set page, which works, carries none of it.
 */
import { BUILT_MODES } from '../modes/load.ts';
import css from './problem.css?inline';
import type { SetProblem } from './bundled-sets.ts';

const TITLES: Readonly<Record<SetProblem['kind'], (name: string) => string>> = {
  missing: (id) => `There is no exercise set called “${id}”`,
  invalid: (file) => `${file} is not a valid exercise set`,
  unloadable: () => 'This exercise set could not be loaded',
  'mode-unknown': (mode) => `There is no learning style called “${mode}”`,
  'mode-unloadable': () => 'This learning style could not be loaded: check your connection, then reload the page',
  'mode-unavailable': () => 'This set has no task for this learning style: line order needs code of three lines or more',
};

/** Why a set cannot be shown; without one, the address names no page at all. `back` offers practising the set instead. */
export function Problem({ problem, back }: { problem?: SetProblem; back?: string }) {
  // An unknown style lists the styles there are: said here, so the page every learner loads carries none of it.
  const problems = problem?.kind === 'mode-unknown' ? [`The styles are: ${BUILT_MODES.join(', ')}.`] : (problem?.problems ?? []);
  return (
    <>
      <style>{css}</style>
      <div className="cb-message cb-message--error set-error" role="alert">
        <h1>{problem ? TITLES[problem.kind](problem.name) : 'There is no page at this address'}</h1>
        {problems.length > 0 ? (
          <ul>
            {problems.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        <p>
          {back ? (
            <>
              <a href={back}>Practise this set</a> ·{' '}
            </>
          ) : null}
          <a href="/">Back to all exercise sets</a>
        </p>
      </div>
    </>
  );
}
