/**
 * The page's state, in Retina's three kinds: loaded data (the network view from the worker, never
 * mutated), the user's choices (small and serialisable), and status. Derived data (the display graph,
 * filtered sets) is computed from these, never stored by hand.
 */
import type { SizeMeasure } from '../map/display-graph';
import type { Progress } from '../worker/client';
import type { NetworkView } from '../worker/protocol';
import { getEmptyFilters, type Filters } from './filters';

export type Status =
  { kind: 'idle' } | { kind: 'busy'; progress: Progress; what: string } | { kind: 'error'; message: string };

export const TABS = ['explore', 'ask', 'filter', 'import'] as const;
export type Tab = (typeof TABS)[number];

export interface Choices {
  /** Person index under the pointer or keyboard focus. */
  hovered?: number | undefined;
  /** Selected person index. */
  selected?: number | undefined;
  /** People to emphasise on the map (search results, ask targets). */
  highlighted: number[];
  /** Louvain resolution. Default 1. */
  resolution: number;
  seed: number;
  filters: Filters;
  /** What node size shows. Default 'score'. */
  sizeBy: SizeMeasure;
  /** Hide every person's name: only cluster names show (InMaps' sharing mode). Default false. */
  presentation: boolean;
  /** The side panel's tab. */
  tab: Tab;
  /** Map or its accessible equivalent, the table. */
  mainView: 'map' | 'table';
  /** Cluster names the user gave, by cluster id; kept across re-analyses of the same network. */
  clusterNames: Record<string, string>;
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
}

export function getEmptyChoices(): Choices {
  return {
    highlighted: [],
    resolution: 1,
    seed: 1,
    filters: getEmptyFilters(),
    sizeBy: 'score',
    presentation: false,
    tab: 'explore',
    mainView: 'map',
    clusterNames: {},
  };
}

export function getEmptyAppState(): AppState {
  return {
    sourceLabel: '',
    status: { kind: 'idle' },
    layout: { running: false, iteration: 0 },
    choices: getEmptyChoices(),
  };
}

/** The cluster's name as shown: the user's, else the automatic one. */
export function getClusterLabel(state: AppState, index: number): string {
  const c = state.view?.clusters[index];
  if (!c) return '';
  return state.choices.clusterNames[c.id] ?? c.label;
}
