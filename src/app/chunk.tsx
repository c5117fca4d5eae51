/**
 * A part of the site in a chunk of its own (a page, a problem, the picker's list, Today's export and
 * import), fetched once and drawn with the props of each render (a problem changes while it shows: a file
 * saved again under `npm start`). Loaded into state rather than through React.lazy, which makes React hold
 * a part back until 300 ms after its fallback showed (its reveal throttle for Suspense retries): 150 ms of
 * idle at 4x CPU before Today could draw. A chunk that cannot be fetched (the connection went) says so in
 * place: `failed`, or that the page could not be shown.
 */
import { useEffect, useState, type ReactNode } from 'react';

/** What a page says when it cannot be drawn, or a part of it cannot be fetched. */
export const cannotShow = <p role="alert">This page could not be shown.</p>;

export function Chunk<M>({ load, show, failed }: { load: () => Promise<M>; show: (module: M) => ReactNode; failed?: ReactNode }) {
  // undefined while it is fetched, null when it could not be. (A module's namespace is an object, never
  // a function, so React stores it as it is.)
  const [module, setModule] = useState<M | null>();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a part never changes which chunk it is
  useEffect(() => void load().then(setModule, () => setModule(null)), []);
  return module === undefined ? <p aria-busy="true">Loading…</p> : module ? show(module) : (failed ?? cannotShow);
}
