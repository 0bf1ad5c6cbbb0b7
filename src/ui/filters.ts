/**
 * Facet filters over the network view: which people are kept, which links are drawn, and how many
 * people each facet value would keep. Pure and DOM-free (tested in Node).
 *
 * Rule (the usual faceted-search one, as in Solr's "multi-select faceting"): values of one facet are
 * OR-ed, facets are AND-ed, and each facet's counts are computed with every OTHER facet applied, so
 * ticking "Berlin" does not make "Munich" drop to 0 in the city list.
 *
 * Cost: the per-view index (value codes per person and facet, in CSR arrays) is built once per view,
 * O(people × facets), and cached in a WeakMap. `applyFilters` and `computeFacetCounts` are then one
 * pass over people, O(people × facets + values); a text query adds O(total text length). Timed by
 * `npx tsx test/ui/bench-explorer.ts` on 30,000 synthetic people; no timing is asserted in tests.
 */
import { EDGE_KINDS, type EdgeKind, type NetworkView, type PersonView } from '../worker/protocol';

/** The facets whose values the user ticks. `as const` array: order is the display order. */
export const FACETS = ['cluster', 'industry', 'company', 'city', 'region', 'country', 'owner'] as const;
export type Facet = (typeof FACETS)[number];

/** Readable names for the facets (fieldset legends, share-link docs). */
export const FACET_LABELS: Record<Facet, string> = {
  cluster: 'Cluster',
  industry: 'Industry',
  company: 'Company',
  city: 'City',
  region: 'Region',
  country: 'Country',
  owner: 'Known by',
};

/**
 * A person's place split into parts. The page's PersonView only has `place.value` (the text); when the
 * worker also sends `placeParts` (an additive field requested from the lead), it is used; otherwise the
 * text is split on commas: "City, Region, Country" / "City, Country" / "Country".
 */
export interface PlaceParts {
  city?: string;
  region?: string;
  country?: string;
}

export interface Filters {
  /**
   * Ticked values per facet; an empty list means "no constraint". Values are the facet's own keys:
   * the cluster index as a string for 'cluster', the owner id for 'owner', the text value otherwise.
   * Default: every list empty.
   */
  values: Record<Facet, string[]>;
  /** Connected-on range, inclusive, ISO `YYYY-MM-DD` (or a prefix: `2019`, `2019-03`). Default none. */
  connectedOn: { from?: string; to?: string };
  /** Evidence kinds whose links are NOT drawn. Default [] (all drawn). */
  hiddenEdgeKinds: EdgeKind[];
  /** Free text matched (accent- and case-insensitively) in name, company, position, place. Default ''. */
  query: string;
}

export function getEmptyFilters(): Filters {
  return {
    values: { cluster: [], industry: [], company: [], city: [], region: [], country: [], owner: [] },
    connectedOn: {},
    hiddenEdgeKinds: [],
    query: '',
  };
}

/** True when no filter of any kind is set. */
export function isEmptyFilters(filters: Filters): boolean {
  return (
    FACETS.every((f) => filters.values[f].length === 0) &&
    !filters.connectedOn.from &&
    !filters.connectedOn.to &&
    filters.hiddenEdgeKinds.length === 0 &&
    !filters.query.trim()
  );
}

/** Pure producer: tick or untick one facet value. */
export function toggleFacetValue(filters: Filters, facet: Facet, value: string, on: boolean): Filters {
  const current = filters.values[facet];
  const has = current.includes(value);
  if (has === on) return filters;
  const next = on ? [...current, value] : current.filter((v) => v !== value);
  return { ...filters, values: { ...filters.values, [facet]: next } };
}

/** Pure producer: show or hide one evidence kind. */
export function toggleEdgeKind(filters: Filters, kind: EdgeKind, visible: boolean): Filters {
  const hidden = filters.hiddenEdgeKinds.includes(kind);
  if (hidden === !visible) return filters;
  return {
    ...filters,
    hiddenEdgeKinds: visible ? filters.hiddenEdgeKinds.filter((k) => k !== kind) : [...filters.hiddenEdgeKinds, kind],
  };
}

/** Lower-case, accents removed, spaces collapsed: "Zürich " → "zurich". */
export function toSearchText(text: string): string {
  // Fast path for plain ASCII (most terms): no Unicode normalisation needed.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The place parts of a person: `placeParts` when the worker sends them, else split from the text. */
export function getPlaceParts(person: PersonView): PlaceParts {
  const sent = (person as PersonView & { placeParts?: PlaceParts }).placeParts;
  if (sent) return sent;
  const text = person.place?.value?.trim();
  if (!text) return {};
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length >= 3) return { city: parts[0], region: parts[parts.length - 2], country: parts[parts.length - 1] };
  if (parts.length === 2) return { city: parts[0], country: parts[1] };
  // One part: "Germany" or "Greater Paris Metropolitan Region": a region-like area, not a city.
  return /\b(area|region|metropolitan|greater)\b/i.test(text) ? { region: parts[0] } : { country: parts[0] };
}

/** One facet's values as integer codes: person i has codes[start[i] .. start[i+1]). */
interface FacetIndex {
  values: string[];
  codeOf: Map<string, number>;
  start: Uint32Array;
  codes: Int32Array;
}

interface ViewIndex {
  facets: Record<Facet, FacetIndex>;
  /** Per facet, value codes in display order (total descending, then label), computed on first use. */
  order?: Partial<Record<Facet, Uint32Array>>;
  /** `YYYY-MM-DD` or '' per person. */
  connectedOn: string[];
  /** Lazily built search text per person (only when a query is used). */
  text?: string[];
}

const indexCache = new WeakMap<NetworkView, ViewIndex>();

function getViewIndex(view: NetworkView): ViewIndex {
  const cached = indexCache.get(view);
  if (cached) return cached;
  // One pass over people for all facets (place text split once per person).
  const n = view.people.length;
  const builders = FACETS.map(() => ({
    values: [] as string[],
    codeOf: new Map<string, number>(),
    start: new Uint32Array(n + 1),
    codes: [] as number[],
  }));
  const add = (b: (typeof builders)[number], v: string) => {
    let c = b.codeOf.get(v);
    if (c === undefined) {
      c = b.values.length;
      b.values.push(v);
      b.codeOf.set(v, c);
    }
    b.codes.push(c);
  };
  const nClusters = view.clusters.length;
  for (let i = 0; i < n; i++) {
    for (const b of builders) b.start[i] = b.codes.length;
    const p = view.people[i];
    if (!p) continue;
    const place = getPlaceParts(p);
    FACETS.forEach((f, k) => {
      const b = builders[k]!;
      switch (f) {
        case 'cluster':
          if (p.cluster >= 0 && p.cluster < nClusters) add(b, String(p.cluster));
          break;
        case 'industry':
          if (p.industry?.value) add(b, p.industry.value);
          break;
        case 'company':
          if (p.company?.value) add(b, p.company.value);
          break;
        case 'owner':
          if (p.ownerId) add(b, p.ownerId);
          else for (const o of p.owners) add(b, o);
          break;
        default: {
          const v = place[f];
          if (v) add(b, v);
        }
      }
    });
  }
  const facets = {} as Record<Facet, FacetIndex>;
  FACETS.forEach((f, k) => {
    const b = builders[k]!;
    b.start[n] = b.codes.length;
    facets[f] = { values: b.values, codeOf: b.codeOf, start: b.start, codes: Int32Array.from(b.codes) };
  });
  const index: ViewIndex = { facets, connectedOn: view.people.map((p) => p.connectedOn?.slice(0, 10) ?? '') };
  indexCache.set(view, index);
  return index;
}

function getTexts(view: NetworkView, index: ViewIndex): string[] {
  if (!index.text)
    index.text = view.people.map((p) =>
      toSearchText([p.name, p.company?.value, p.position?.value, p.place?.value].filter(Boolean).join(' \u0001 ')),
    );
  return index.text;
}

/** Inclusive bounds as comparable strings: '2019' → from '2019', to '2019\uffff' (so 2019-12-31 is in). */
function getDateBounds(range: Filters['connectedOn']): { from: string; to: string } | undefined {
  const from = range.from?.trim() ?? '';
  const to = range.to?.trim() ?? '';
  if (!from && !to) return undefined;
  return { from, to: to ? `${to}\uffff` : '' };
}

/**
 * Everything except the facet values: date range and text query, as a 0/1 mask. Shared by
 * applyFilters and computeFacetCounts.
 */
function getBaseMask(view: NetworkView, index: ViewIndex, filters: Filters): Uint8Array {
  const n = view.people.length;
  const mask = new Uint8Array(n).fill(1);
  const bounds = getDateBounds(filters.connectedOn);
  if (bounds) {
    for (let i = 0; i < n; i++) {
      const d = index.connectedOn[i] ?? '';
      if (!d || (bounds.from && d < bounds.from) || (bounds.to && d > bounds.to)) mask[i] = 0;
    }
  }
  const words = toSearchText(filters.query).split(' ').filter(Boolean);
  if (words.length) {
    const texts = getTexts(view, index);
    for (let i = 0; i < n; i++) {
      if (!mask[i]) continue;
      const t = texts[i] ?? '';
      for (const w of words)
        if (!t.includes(w)) {
          mask[i] = 0;
          break;
        }
    }
  }
  return mask;
}

/** Per facet, a 0/1 mask over its value codes, or undefined when nothing is ticked. */
function getSelections(index: ViewIndex, filters: Filters): Partial<Record<Facet, Uint8Array>> {
  const out: Partial<Record<Facet, Uint8Array>> = {};
  for (const f of FACETS) {
    const ticked = filters.values[f];
    if (!ticked.length) continue;
    const fi = index.facets[f];
    const sel = new Uint8Array(fi.values.length);
    for (const v of ticked) {
      const c = fi.codeOf.get(v);
      if (c !== undefined) sel[c] = 1;
    }
    out[f] = sel; // ticked values unknown to the data keep nobody: the filter stays honest
  }
  return out;
}

function passes(fi: FacetIndex, sel: Uint8Array, i: number): boolean {
  for (let k = fi.start[i]!; k < fi.start[i + 1]!; k++) if (sel[fi.codes[k]!]) return true;
  return false;
}

/** 1 for each person every filter keeps, 0 otherwise. Edge kinds do not remove people. */
export function applyFilters(view: NetworkView, filters: Filters): Uint8Array {
  const index = getViewIndex(view);
  const mask = getBaseMask(view, index, filters);
  const selections = getSelections(index, filters);
  for (const f of FACETS) {
    const sel = selections[f];
    if (!sel) continue;
    const fi = index.facets[f];
    for (let i = 0; i < mask.length; i++) if (mask[i] && !passes(fi, sel, i)) mask[i] = 0;
  }
  return mask;
}

/** Bitmask over EDGE_KINDS of the kinds that are drawn. */
export function getEdgeKindMask(filters: Filters): number {
  let mask = 0;
  EDGE_KINDS.forEach((k, bit) => {
    if (!filters.hiddenEdgeKinds.includes(k)) mask |= 1 << bit;
  });
  return mask;
}

/** 1 for each link drawn: both ends kept and at least one of its kinds shown. */
export function applyEdgeFilters(view: NetworkView, filters: Filters, keptPeople: Uint8Array): Uint8Array {
  const { source, target, kinds } = view.edges;
  const mask = getEdgeKindMask(filters);
  const out = new Uint8Array(source.length);
  for (let e = 0; e < source.length; e++)
    out[e] = keptPeople[source[e]!] && keptPeople[target[e]!] && kinds[e]! & mask ? 1 : 0;
  return out;
}

/** The keys sigma uses (person index as string) of people filtered out: MapLook.filteredOut. */
export function toFilteredOutKeys(kept: Uint8Array): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < kept.length; i++) if (!kept[i]) out.add(String(i));
  return out;
}

/** Indices of the kept people, in view order. */
export function getKeptIndices(kept: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < kept.length; i++) if (kept[i]) out.push(i);
  return out;
}

export interface FacetCount {
  /** The facet key (cluster index as string, owner id, or the text). */
  value: string;
  /** What to show: the cluster label, the owner's name, or the value itself. */
  label: string;
  /** People kept by all OTHER facets (and the date range and query) who have this value. */
  count: number;
  /** People with this value in the whole view (stable order for the display). */
  total: number;
  selected: boolean;
}

export interface FacetCounts {
  facets: Record<Facet, FacetCount[]>;
  /** Links among the kept people, per evidence kind, ignoring the kind toggles. */
  edgeKinds: Record<EdgeKind, number>;
  /** People kept by every filter. */
  kept: number;
  total: number;
}

export interface FacetCountOptions {
  /** Keep at most this many values per facet (by total, then selected ones are always kept). Default Infinity. */
  limit?: number;
}

const FACET_COUNT_DEFAULTS: Required<FacetCountOptions> = { limit: Infinity };

function getFacetOrder(fi: FacetIndex, totals: Uint32Array, labelOf: (value: string) => string): Uint32Array {
  const labels = fi.values.map(labelOf);
  const order = Array.from(fi.values, (_, c) => c);
  order.sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || labels[a]!.localeCompare(labels[b]!));
  return Uint32Array.from(order);
}

/**
 * Counts per facet value, each facet computed with the others applied. One pass: a person failing
 * no facet counts in every facet; a person failing exactly one facet counts only in that facet.
 */
export function computeFacetCounts(view: NetworkView, filters: Filters, options: FacetCountOptions = {}): FacetCounts {
  const { limit } = { ...FACET_COUNT_DEFAULTS, ...options };
  const index = getViewIndex(view);
  const base = getBaseMask(view, index, filters);
  const selections = getSelections(index, filters);
  const counts = {} as Record<Facet, Uint32Array>;
  const totals = {} as Record<Facet, Uint32Array>;
  for (const f of FACETS) {
    counts[f] = new Uint32Array(index.facets[f].values.length);
    totals[f] = new Uint32Array(index.facets[f].values.length);
  }
  const n = view.people.length;
  const keptMask = new Uint8Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    let failed: Facet | undefined;
    let failures = 0;
    for (const f of FACETS) {
      const fi = index.facets[f];
      for (let k = fi.start[i]!; k < fi.start[i + 1]!; k++) totals[f][fi.codes[k]!]!++;
      const sel = selections[f];
      if (sel && !passes(fi, sel, i)) {
        failures++;
        failed = f;
      }
    }
    if (!base[i] || failures > 1) continue;
    for (const f of FACETS) {
      if (failures === 1 && f !== failed) continue;
      const fi = index.facets[f];
      for (let k = fi.start[i]!; k < fi.start[i + 1]!; k++) counts[f][fi.codes[k]!]!++;
    }
    if (failures === 0) {
      keptMask[i] = 1;
      kept++;
    }
  }
  const ownerNames = new Map(view.owners.map((o) => [o.id, o.name]));
  const labelOf = (f: Facet, v: string) =>
    f === 'cluster' ? (view.clusters[Number(v)]?.label ?? v) : f === 'owner' ? (ownerNames.get(v) ?? v) : v;
  const facets = {} as Record<Facet, FacetCount[]>;
  for (const f of FACETS) {
    const fi = index.facets[f];
    const ticked = new Set(filters.values[f]);
    // Display order (by total, then label) depends on the view only: sorted once per view, not per click.
    const order = (index.order ??= {})[f] ?? (index.order[f] = getFacetOrder(fi, totals[f], (v) => labelOf(f, v)));
    const list: FacetCount[] = [];
    for (const c of order) {
      const value = fi.values[c]!;
      const selected = ticked.has(value);
      if (list.length >= limit && !selected) continue;
      list.push({ value, label: labelOf(f, value), count: counts[f][c] ?? 0, total: totals[f][c] ?? 0, selected });
    }
    facets[f] = list;
  }
  const edgeKinds = Object.fromEntries(EDGE_KINDS.map((k) => [k, 0])) as Record<EdgeKind, number>;
  const { source, target, kinds } = view.edges;
  // Links counted per combination of kinds first (one increment per link, 300,000 links at 30k people),
  // then spread over the kinds.
  const all = (1 << EDGE_KINDS.length) - 1;
  const byKinds = new Uint32Array(all + 1);
  for (let e = 0; e < source.length; e++) if (keptMask[source[e]!] && keptMask[target[e]!]) byKinds[kinds[e]! & all]!++;
  for (let bits = 1; bits <= all; bits++)
    if (byKinds[bits])
      EDGE_KINDS.forEach((k, bit) => {
        if (bits & (1 << bit)) edgeKinds[k] += byKinds[bits]!;
      });
  return { facets, edgeKinds, kept, total: n };
}

/** The facet values present in the data (for validating a share link). */
export function getFacetValueSet(view: NetworkView, facet: Facet): ReadonlySet<string> {
  return new Set(getViewIndex(view).facets[facet].values);
}
