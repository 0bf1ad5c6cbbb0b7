/**
 * "Share settings" links: the URL hash holds ONLY view settings (facet values such as industries,
 * places, companies and clusters; the connected-on range; hidden link kinds; clustering resolution;
 * size measure; presentation mode), never a person's name, profile URL or id. Retina's pattern: the
 * user's choices round-trip through the URL and are validated against the loaded data on the way in.
 *
 * What never enters the hash: the free-text query (often a name), the "known by" facet (owners are
 * people), the hovered/selected person, and any facet value that equals or contains a person's name,
 * id or profile URL (a company named after its founder, say). Values unknown to the data are dropped
 * on both ways. Cost: O(values × people) for the name check, values are few.
 *
 * Wiring: a "Copy share link" button does
 *   `location.hash = toShareHash({ filters, resolution, sizeBy, presentation }, view)` (or copies
 *   `location.href` with it); on load and on 'hashchange', after the view exists:
 *   `const parsed = parseShareHash(location.hash, view); if (parsed) apply parsed.settings`.
 */
import { SIZE_MEASURES, type SizeMeasure } from '../map/display-graph';
import { EDGE_KINDS, type EdgeKind, type NetworkView } from '../worker/protocol';
import { getEmptyFilters, getFacetValueSet, toSearchText, type Facet, type Filters } from './filters';

/** Facets whose values may be shared. 'owner' is left out on purpose: owners are people. */
export const SHARED_FACETS = [
  'cluster',
  'industry',
  'company',
  'city',
  'region',
  'country',
] as const satisfies readonly Facet[];

export interface ShareSettings {
  /** Only `values` of SHARED_FACETS, `connectedOn` and `hiddenEdgeKinds` are shared. */
  filters: Filters;
  /** Louvain resolution, 0 < r <= 10. Default: not shared. */
  resolution?: number;
  sizeBy?: SizeMeasure;
  /** Presentation mode (no person names on the map). Default false. */
  presentation?: boolean;
}

export interface ParsedShare {
  settings: ShareSettings;
  /** How many values were dropped (unknown to the data, malformed, or person data). */
  dropped: number;
}

const HASH_VERSION = '1';
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const personDataCache = new WeakMap<NetworkView, (value: string) => boolean>();

/** A test that a string is, or contains, person data from the view (built once per view). */
export function getPersonDataTest(view: NetworkView): (value: string) => boolean {
  const cached = personDataCache.get(view);
  if (cached) return cached;
  const exact = new Set<string>();
  const contained: string[] = [];
  for (const p of [...view.people, ...view.owners.map((o) => ({ ...o, url: undefined }))]) {
    for (const raw of [p.name, p.id, p.url]) {
      const t = raw ? toSearchText(raw) : '';
      if (t.length < 2) continue;
      exact.add(t);
      // Multi-word names, ids and URLs are also looked for inside values ("Jane Doe Consulting").
      if (t.includes(' ') || (raw !== p.name && t.length >= 4)) contained.push(t);
    }
  }
  const test = (value: string) => {
    const t = toSearchText(value);
    if (exact.has(t)) return true;
    for (const c of contained) if (t.includes(c)) return true;
    return false;
  };
  personDataCache.set(view, test);
  return test;
}

function getAllowedValue(view: NetworkView) {
  const isPersonData = getPersonDataTest(view);
  const known = new Map<Facet, ReadonlySet<string>>();
  return (facet: Facet, value: string): boolean => {
    let set = known.get(facet);
    if (!set) known.set(facet, (set = getFacetValueSet(view, facet)));
    return (
      set.has(value) &&
      !isPersonData(value) &&
      (facet !== 'cluster' || !isPersonData(view.clusters[Number(value)]?.id ?? ''))
    );
  };
}

/** The `#…` hash for these settings. Values not in the view, or that could be person data, are left out. */
export function toShareHash(settings: ShareSettings, view: NetworkView): string {
  const allowed = getAllowedValue(view);
  const params = new URLSearchParams();
  params.set('v', HASH_VERSION);
  for (const f of SHARED_FACETS)
    for (const value of settings.filters.values[f]) {
      if (!allowed(f, value)) continue;
      params.append(f, f === 'cluster' ? (view.clusters[Number(value)]?.id ?? '') : value);
    }
  const { from, to } = settings.filters.connectedOn;
  if (from && DATE.test(from)) params.set('from', from);
  if (to && DATE.test(to)) params.set('to', to);
  for (const k of settings.filters.hiddenEdgeKinds) if (EDGE_KINDS.includes(k)) params.append('hide', k);
  if (settings.resolution !== undefined && settings.resolution > 0 && settings.resolution <= 10)
    params.set('res', String(Math.round(settings.resolution * 1000) / 1000));
  if (settings.sizeBy && SIZE_MEASURES.includes(settings.sizeBy)) params.set('size', settings.sizeBy);
  if (settings.presentation) params.set('present', '1');
  return `#${params.toString()}`;
}

/** Read a share hash, validated against the view. Undefined when the hash is not a share hash. */
export function parseShareHash(hash: string, view: NetworkView): ParsedShare | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.get('v') !== HASH_VERSION) return undefined;
  const allowed = getAllowedValue(view);
  const clusterIndex = new Map(view.clusters.map((c, i) => [c.id, String(i)]));
  const filters = getEmptyFilters();
  const settings: ShareSettings = { filters };
  let dropped = 0;
  const known = new Set<string>(['v', 'from', 'to', 'hide', 'res', 'size', 'present', ...SHARED_FACETS]);
  for (const [key, raw] of params) {
    if (!known.has(key)) {
      dropped++;
      continue;
    }
    const facet = (SHARED_FACETS as readonly string[]).includes(key) ? (key as Facet) : undefined;
    if (facet) {
      const value = facet === 'cluster' ? clusterIndex.get(raw) : raw;
      if (value !== undefined && allowed(facet, value) && !filters.values[facet].includes(value))
        filters.values[facet].push(value);
      else dropped++;
    } else if (key === 'from' || key === 'to') {
      if (DATE.test(raw)) filters.connectedOn[key] = raw;
      else dropped++;
    } else if (key === 'hide') {
      const k = EDGE_KINDS.find((x) => x === raw);
      if (k && !filters.hiddenEdgeKinds.includes(k)) filters.hiddenEdgeKinds.push(k as EdgeKind);
      else dropped++;
    } else if (key === 'res') {
      const r = Number(raw);
      if (Number.isFinite(r) && r > 0 && r <= 10) settings.resolution = r;
      else dropped++;
    } else if (key === 'size') {
      const s = SIZE_MEASURES.find((x) => x === raw);
      if (s) settings.sizeBy = s;
      else dropped++;
    } else if (key === 'present') {
      settings.presentation = raw === '1';
    }
  }
  return { settings, dropped };
}
