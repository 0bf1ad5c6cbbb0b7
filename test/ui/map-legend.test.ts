// The map's legend names what each colour means: the largest clusters by their names as shown (a rename
// included), one grey row for the rest, owners without their names, and link colours only when links are coloured.
import { describe, expect, it, vi } from 'vitest';
import { getEmptyUserEdits, setClusterName } from '../../src/core/edits';
import { EDGE_KIND_COLORS } from '../../src/map/mount-map';
import { CLUSTER_COLORS, OTHER_CLUSTERS_COLOR, OWNER_COLOR } from '../../src/map/palette';
import { getMapLegend, OWNERS_LEGEND_LABEL } from '../../src/ui/map-legend';
import { getEmptyAppState, type AppState } from '../../src/ui/state';
import type { NetworkView } from '../../src/worker/protocol';
import { makePerson, makeView } from './view-fixture';

// The legend reads the link colours from mount-map.ts, which imports sigma; sigma needs WebGL to load, so
// Node gets just enough of it for mount-map's module-level constants (nothing here draws).
vi.mock('sigma', () => ({ default: class {} }));
vi.mock('sigma/primitives', () => ({ DEFAULT_PRIMITIVES: { edges: {} } }));
vi.mock('sigma/rendering', () => ({ pathLine: () => ({}) }));
vi.mock('sigma/types', () => ({ DEPTHLESS_STYLES: { nodes: {}, edges: {} } }));

const stateOf = (view: NetworkView, over: Partial<AppState> = {}): AppState => ({
  ...getEmptyAppState(),
  view,
  ...over,
});

/** The fixture with `n` clusters (people spread over them) and one person in no cluster. */
function viewWithClusters(n: number): NetworkView {
  const view = makeView();
  const clusters = Array.from({ length: n }, (_, i) => ({
    id: `c${i + 1}`,
    label: `Cluster ${i + 1}`,
    size: n - i,
    terms: [],
    owners: {},
  }));
  const people = [
    ...view.people,
    ...clusters.map((_, i) => makePerson({ name: `Member ${i}`, cluster: i })),
    makePerson({ name: 'Loner', cluster: -1 }),
  ];
  return { ...view, clusters, people };
}

describe('getMapLegend', () => {
  it('names each cluster with its colour and the owners without their names', () => {
    const view = makeView();
    const legend = getMapLegend(stateOf(view));
    expect(legend.clusters).toEqual([
      { label: 'Software · Berlin', color: CLUSTER_COLORS[0], cluster: 0 },
      { label: 'Finance · Paris', color: CLUSTER_COLORS[1], cluster: 1 },
    ]);
    expect(legend.owners).toEqual({ label: OWNERS_LEGEND_LABEL, color: OWNER_COLOR });
    expect(JSON.stringify(legend)).not.toMatch(/Ana|Fay|Owner\b/);
    expect(legend.links).toEqual([]);
  });

  it('shows a renamed cluster by its new name', () => {
    const view = makeView();
    const edits = setClusterName(getEmptyUserEdits(), view.clusters[0]!.id, 'Harbour friends');
    const state = stateOf(view, { edits });
    expect(getMapLegend(state).clusters[0]?.label).toBe('Harbour friends');
  });

  it('gives every cluster past the coloured ones, and people in no cluster, one grey row', () => {
    const n = CLUSTER_COLORS.length + 5;
    const legend = getMapLegend(stateOf(viewWithClusters(n)));
    expect(legend.clusters.map((r) => r.color)).toEqual([...CLUSTER_COLORS, OTHER_CLUSTERS_COLOR]);
    expect(legend.clusters.at(-1)?.label).toBe('Other clusters (5) and people in no cluster');
  });

  it('lists link colours by kind when links are coloured by evidence', () => {
    const state = stateOf(makeView());
    const legend = getMapLegend({ ...state, choices: { ...state.choices, colorLinks: true } });
    expect(legend.links.map((r) => r.color)).toEqual([...EDGE_KIND_COLORS]);
    expect(legend.links[0]?.label).toBe('Direct connections');
  });
});
