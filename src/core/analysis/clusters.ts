/**
 * Clusters: Louvain modularity optimisation (V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. 2008, P10008; louvain.ts, over
 * typed arrays) on the weighted graph with the owners left out, so that "me" (whose spokes reach
 * everyone) does not glue every cluster into one.
 *
 * Seeded: the same graph and seed give the same clusters. Clusters are numbered by size (largest
 * first, ties by their first node in graph order) as `c1`, `c2`, …; Louvain communities smaller than
 * `minClusterSize` (isolated people, stray pairs) go to one `unclustered` group.
 * Cost: O(n + m) to flatten the graph, then Louvain's O(m) per pass, a few passes.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { createRng } from '../rng';
import { toCsr, type Csr } from './csr';
import { computeLouvain, type LouvainResult } from './louvain';

/** The id of the group of people in no cluster. */
export const UNCLUSTERED = 'unclustered';

/** Options for {@link computeClusters}. */
export interface ClusterOptions {
  /** Modularity resolution γ: higher gives more, smaller clusters. Default 1. */
  resolution?: number;
  /** Random numbers for Louvain's node order. Default: createRng(seed). */
  rng?: () => number;
  /** Seed used when no rng is given. Default 1. */
  seed?: number;
  /** Louvain communities smaller than this go to the `unclustered` group. Default 3. */
  minClusterSize?: number;
  /** Nodes left out (owners). Default: nodes with an `ownerId` attribute. */
  excludeNode?: (node: string, attributes: Attributes) => boolean;
  /** Weight of an edge. Default: its `weight` attribute (1 when missing). */
  getEdgeWeight?: (edge: string, attributes: Attributes) => number;
}

export const CLUSTER_DEFAULTS = {
  resolution: 1,
  seed: 1,
  minClusterSize: 3,
  excludeNode: (_node: string, attributes: Attributes): boolean => typeof attributes['ownerId'] === 'string',
};

export interface ClusterResult {
  /** Cluster id per clustered or unclustered node (excluded nodes are absent). */
  membership: Record<string, string>;
  /** Cluster ids largest first (`c1`, `c2`, …), then `unclustered` when anyone is. */
  clusters: { id: string; members: string[] }[];
  /** Modularity of Louvain's partition of the graph without the excluded nodes. */
  modularity: number;
  /** Louvain's own community number per node, before small communities are pooled (for comparisons). */
  communities: Record<string, number>;
}

function defaultWeight(_edge: string, attributes: Attributes): number {
  const w: unknown = attributes['weight'];
  return typeof w === 'number' && w > 0 ? w : 1;
}

/** Louvain clusters of `graph` without the excluded nodes. */
export function computeClusters(graph: Graph, options: ClusterOptions = {}): ClusterResult {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  const getWeight = options.getEdgeWeight ?? defaultWeight;

  // 1. The graph Louvain sees: the nodes not excluded, as a CSR (links to excluded nodes, self-loops and links
  // that weigh nothing left out; parallel or two-way directed links add up).
  const csr = toCsr(graph, {
    filterNode: (node, attrs) => !o.excludeNode(node, attrs),
    getEdgeWeight: (edge, attrs) => {
      const w = getWeight(edge, attrs as Attributes);
      return w > 0 ? w : 0;
    },
  });
  return toClusterResult(csr, computeLouvain(csr, { resolution: o.resolution, rng: o.rng ?? createRng(o.seed) }), o);
}

/**
 * Clusters from Louvain's communities over `csr` (its nodes in graph order): numbered by size, small ones
 * pooled as `unclustered`. Shared by {@link computeClusters} and the analysis, which builds the CSR from the
 * evidence links directly.
 */
export function toClusterResult(
  csr: Csr,
  louvain: LouvainResult,
  options: Pick<ClusterOptions, 'minClusterSize'> = {},
): ClusterResult {
  const minClusterSize = options.minClusterSize ?? CLUSTER_DEFAULTS.minClusterSize;
  const order = csr.nodes;
  const communities: Record<string, number> = {};
  const modularity = louvain.modularity;

  // 3. Deterministic numbering by size; small communities pooled as `unclustered`. Groups hold positions in
  // `order` (ascending, so a group's first position is its first node's).
  const groups = new Map<number, number[]>();
  order.forEach((node, i) => {
    const c = louvain.community[i] ?? i;
    communities[node] = c;
    const list = groups.get(c);
    if (list) list.push(i);
    else groups.set(c, [i]);
  });
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!);
  const membership: Record<string, string> = {};
  const clusters: ClusterResult['clusters'] = [];
  const unclustered: number[] = [];
  for (const group of sorted) {
    if (group.length < minClusterSize) {
      for (const i of group) unclustered.push(i);
      continue;
    }
    const id = `c${clusters.length + 1}`;
    const members = group.map((i) => order[i]!);
    clusters.push({ id, members });
    for (const node of members) membership[node] = id;
  }
  if (unclustered.length > 0) {
    const members = unclustered.sort((a, b) => a - b).map((i) => order[i]!);
    clusters.push({ id: UNCLUSTERED, members });
    for (const node of members) membership[node] = UNCLUSTERED;
  }
  return { membership, clusters, modularity, communities };
}
