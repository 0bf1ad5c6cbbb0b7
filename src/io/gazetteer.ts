/**
 * Loads the place gazetteer lazily: `data/gazetteer.json` (1.5 MB, GeoNames CC-BY 4.0, built by
 * scripts/build-gazetteer.ts) and `data/regions.json` are fetched only when first asked for, as
 * separate chunks (dynamic import works in Vite, vitest and tsx), never at start-up.
 * Cost: one parse of the asset and one index build (tens of ms), then cached.
 */
import { createGazetteer, type Gazetteer, type GazetteerData, type RegionsData } from '../core/enrich/gazetteer';

let pending: Promise<Gazetteer> | undefined;

/** The shared gazetteer, loaded on first call and cached. A failed load is retried on the next call. */
export function loadGazetteer(): Promise<Gazetteer> {
  pending ??= Promise.all([import('../../data/gazetteer.json'), import('../../data/regions.json')])
    .then(([g, r]) => createGazetteer(toData<GazetteerData>(g), toData<RegionsData>(r)))
    .catch((error: unknown) => {
      pending = undefined;
      throw new Error(
        `io/gazetteer: could not load data/gazetteer.json (${String(error)}). Rebuild it with: npx tsx scripts/build-gazetteer.ts`,
      );
    });
  return pending;
}

/** JSON modules arrive as `{ default: data }` (Vite, vitest) or as the data itself with named keys (tsx). */
function toData<T>(module: unknown): T {
  const m = module as { default?: unknown };
  return (m.default ?? module) as T;
}
