/**
 * The page's state, in Retina's three kinds: loaded data (the network view from the worker, never
 * mutated), the user's choices (small and serialisable), and status. Derived data (the display graph,
 * filtered sets) is computed from these, never stored by hand.
 */
import type { SizeMeasure } from '../map/display-graph';
import type { Progress, ScoresUpdate } from '../worker/client';
import type { NetworkView } from '../worker/protocol';
import { getClusterNameMatches, getEmptyUserEdits, type UserEdits } from '../core/edits';
import { getEmptyFilters, type Filters } from './filters';

export type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; progress: Progress; what: string }
  | { kind: 'error'; message: string }
  /** Something the user should know that is not a failure (e.g. share-link values this network lacks). */
  | { kind: 'notice'; message: string };

export const TABS = ['explore', 'ask', 'filter', 'import'] as const;
export type Tab = (typeof TABS)[number];

export interface Choices {
  /** Person index under the pointer or keyboard focus. */
  hovered?: number | undefined;
  /** Selected person index. */
  selected?: number | undefined;
  /** People to emphasise on the map (search results, ask targets). */
  highlighted: number[];
  /** Paths drawn on the map (person indices, me first): an ask's routes to its targets. */
  paths: number[][];
  /** Louvain resolution. Default 1. */
  resolution: number;
  seed: number;
  filters: Filters;
  /** What node size shows. Default 'score'. */
  sizeBy: SizeMeasure;
  /** Hide every person's name: only cluster names show (InMaps' sharing mode). Default false. */
  presentation: boolean;
  /** Colour links by their kind of evidence. Default false (faint grey). */
  colorLinks: boolean;
  /** The side panel's tab. */
  tab: Tab;
  /** Map or its accessible equivalent, the table. */
  mainView: 'map' | 'table';
}

/**
 * The same network as `b` (same people and links), maybe with other scores: true when `a` is `b` or `b`
 * with its ranking filled in. Views that do not show scores (search, facets, timeline) skip such updates.
 */
export function isSameNetwork(a: NetworkView | undefined, b: NetworkView | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.edges === b.edges);
}

/**
 * The view with the super-connector scores that came after it: a new view and a new people array, so that
 * whatever compares views or arrays sees the change, but the same person objects, whose `score` is written
 * in place. Copying every person held the page for 1.2 s per scores message at 225,000 people (plus the
 * garbage); nothing keeps an earlier view of the same network for its scores (isSameNetwork, below, compares
 * the links). A new import's `changes` (what changed since the previous import) come with its final scores.
 */
export function setViewScores(view: NetworkView, update: ScoresUpdate): NetworkView {
  const people = view.people.slice();
  for (let i = 0; i < people.length; i++) people[i]!.score = update.scores[i] ?? 0;
  return {
    ...view,
    people,
    superConnectors: update.superConnectors,
    ranked: true,
    ...(update.changes ? { changes: update.changes } : {}),
  };
}

export interface LayoutStatus {
  running: boolean;
  iteration: number;
  /** Positions newer than the view's first picture. */
  positions?: Float32Array;
}

export interface AppState {
  view?: NetworkView;
  /** What the view was made from, shown in the header ("Sample network", "3 files"). */
  sourceLabel: string;
  status: Status;
  layout: LayoutStatus;
  choices: Choices;
  /** The user's edits (cluster and owner names): kept across re-analyses and re-imports, stored only on opt-in. */
  edits: UserEdits;
  /**
   * The view whose map the map view last put on screen (`mapDrawn`). The page's background work for a new network
   * (the search index) waits for it, so as not to slow the map's building. Undefined until then.
   */
  drawn?: NetworkView;
}

export function getEmptyChoices(): Choices {
  return {
    highlighted: [],
    paths: [],
    resolution: 1,
    seed: 1,
    filters: getEmptyFilters(),
    sizeBy: 'score',
    presentation: false,
    colorLinks: false,
    tab: 'explore',
    mainView: 'map',
  };
}

export function getEmptyAppState(): AppState {
  return {
    sourceLabel: '',
    status: { kind: 'idle' },
    layout: { running: false, iteration: 0 },
    choices: getEmptyChoices(),
    edits: getEmptyUserEdits(),
  };
}

const labelCache = new WeakMap<NetworkView, { edits: UserEdits; labels: string[] }>();

/** Every cluster's name as shown: the user's (matched to the cluster holding most of its people), else the automatic one. */
export function getClusterLabels(state: AppState): string[] {
  const view = state.view;
  if (!view) return [];
  const cached = labelCache.get(view);
  if (cached && cached.edits === state.edits) return cached.labels;
  // No cluster renamed: the automatic names (building the membership below took 8 s at 225,000 people).
  if (!Object.keys(state.edits.clusterNames).length) {
    const labels = view.clusters.map((c) => c.label);
    labelCache.set(view, { edits: state.edits, labels });
    return labels;
  }
  // Only the people the renamed clusters remembered are looked up.
  const remembered = new Set<string>();
  for (const edit of Object.values(state.edits.clusterNames)) for (const m of edit.members) remembered.add(m);
  const membership: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const p of view.people) {
    const c = view.clusters[p.cluster];
    if (c && remembered.has(p.id)) membership[p.id] = c.id;
  }
  const { labels: named } = getClusterNameMatches(
    state.edits,
    view.clusters.map((c) => c.id),
    membership,
  );
  const labels = view.clusters.map((c) => named[c.id] ?? c.label);
  labelCache.set(view, { edits: state.edits, labels });
  return labels;
}

/** One cluster's name as shown (empty for no cluster). */
export function getClusterLabel(state: AppState, index: number): string {
  return getClusterLabels(state)[index] ?? '';
}

/** An owner's name as shown: the user's, else from Profile.csv or the folder. */
export function getOwnerName(state: AppState, ownerId: string): string {
  return state.edits.ownerNames[ownerId] ?? state.view?.owners.find((o) => o.id === ownerId)?.name ?? ownerId;
}
