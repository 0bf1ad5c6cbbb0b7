/**
 * "Share settings" links: the URL hash holds ONLY view settings (facet values such as industries,
 * places, companies and clusters; the connected-on range; hidden link kinds; clustering resolution;
 * size measure; presentation mode; link colours), never a person's name, profile URL or id. Retina's
 * pattern: the user's choices round-trip through the URL and are validated against the loaded data on
 * the way in.
 *
 * What never enters the hash: the free-text query (often a name), the "known by" facet (owners are
 * people), the hovered/selected person, and any facet value that equals or contains a person's name,
 * id or profile URL (a company named after its founder, say). Values unknown to the data are dropped
 * on both ways. Cost: O(values × people) for the name check, values are few.
 *
 * Wiring: the toolbar's "Share settings" button writes `toShareHash(…)` into the URL and copies it;
 * `mountShareLink(window, deps)` (called by main.ts) reads a share hash when the app opens with one and
 * on 'hashchange', once a network is on screen, and applies it (`applyShareHash`).
 */
import { SIZE_MEASURES, type SizeMeasure } from '../map/display-graph';
import { EDGE_KINDS, type EdgeKind, type NetworkView } from '../worker/protocol';
import type { Actions } from './actions';
import { getEmptyFilters, getFacetValueSet, toSearchText, type Facet, type Filters } from './filters';
import type { AppState } from './state';
import type { Store } from './store';

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
  /** Links coloured by their kind of evidence. Default false. */
  colorLinks?: boolean;
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
  if (settings.colorLinks) params.set('color', '1');
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
  const known = new Set<string>(['v', 'from', 'to', 'hide', 'res', 'size', 'present', 'color', ...SHARED_FACETS]);
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
    } else if (key === 'color') {
      settings.colorLinks = raw === '1';
    }
  }
  return { settings, dropped };
}

/** What applying a share link needs: the store and the actions (a subset of ViewDeps). */
export interface ShareLinkDeps {
  store: Store<AppState>;
  actions: Pick<Actions, 'recluster' | 'setChoice' | 'setFilters'> & Partial<Pick<Actions, 'currentInput'>>;
}

/** The status line's words for settings of a link that this network does not have. */
export function toDroppedMessage(dropped: number): string {
  return `Share link: ${dropped} of its settings ${dropped === 1 ? 'is' : 'are'} not in this network and ${
    dropped === 1 ? 'was' : 'were'
  } ignored; the rest is applied.`;
}

/**
 * Apply a share hash to the network on screen. Steps: 1. read it against the view (not a share hash:
 * nothing happens); 2. re-cluster first when the link's resolution differs (cluster values name the
 * clusters of that resolution, so they are read again against the new view); 3. size measure,
 * presentation mode and link colours; 4. the filters (the typed query and the "known by" facet, which
 * links never hold, are kept); 5. when some values were ignored, the status line says how many.
 * Resolves to the parse that was applied, or undefined.
 */
export async function applyShareHash(hash: string, deps: ShareLinkDeps): Promise<ParsedShare | undefined> {
  const { store, actions } = deps;
  const first = store.get().view;
  if (!first) return undefined;
  let parsed = parseShareHash(hash, first);
  if (!parsed) return undefined;
  const res = parsed.settings.resolution;
  if (res !== undefined && Math.abs(res - store.get().choices.resolution) > 1e-9) {
    await actions.recluster(res);
    const s = store.get();
    // Failed or cancelled: the error (if any) stays in the status line, and nothing else is applied.
    if (!s.view || s.view === first || s.status.kind !== 'idle') return undefined;
    parsed = parseShareHash(hash, s.view)!;
  }
  const { settings, dropped } = parsed;
  if (settings.sizeBy) actions.setChoice('sizeBy', settings.sizeBy);
  // A link can turn presentation mode on, never off: opened while presenting, it must not bring names back.
  if (settings.presentation) actions.setChoice('presentation', true);
  actions.setChoice('colorLinks', settings.colorLinks === true);
  actions.setFilters((f) => ({
    ...settings.filters,
    values: { ...settings.filters.values, owner: f.values.owner },
    query: f.query,
  }));
  if (dropped > 0) store.update((s) => ({ ...s, status: { kind: 'notice', message: toDroppedMessage(dropped) } }));
  return parsed;
}

/**
 * Read share links: the hash the app opened with, and every later 'hashchange', applied once a network is
 * on screen and no analysis runs (the hash is kept until then). Returns the cleanup function.
 */
export function mountShareLink(target: Window, deps: ShareLinkDeps): () => void {
  let pending: string | undefined = target.location.hash.length > 1 ? target.location.hash : undefined;
  /**
   * A link applied to the start sample that did not fit it (values it lacks) is applied once more to the next
   * network opened: a recipient with nothing remembered sees the sample first, then opens their own files.
   */
  let retry: { hash: string; view: AppState['view'] } | undefined;
  let applying = false;
  const tryApply = () => {
    const s = deps.store.get();
    if (retry && s.view && s.view !== retry.view && deps.actions.currentInput?.() !== 'sample') {
      pending ??= retry.hash;
      retry = undefined;
    }
    if (pending === undefined || applying || !s.view || s.status.kind === 'busy') return;
    const hash = pending;
    pending = undefined;
    applying = true;
    const onSample = deps.actions.currentInput?.() === 'sample';
    // After the frame that shows the network (and outside the store's update that brought it).
    const apply = () =>
      void applyShareHash(hash, deps)
        .then((parsed) => {
          if (onSample && parsed && parsed.dropped > 0) retry = { hash, view: deps.store.get().view };
        })
        .finally(() => {
          applying = false;
          tryApply();
        });
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(apply));
    else setTimeout(apply);
  };
  const onHashChange = () => {
    pending = target.location.hash;
    tryApply();
  };
  target.addEventListener('hashchange', onHashChange);
  const unsubscribe = deps.store.subscribe(tryApply);
  tryApply();
  return () => {
    target.removeEventListener('hashchange', onHashChange);
    unsubscribe();
  };
}
