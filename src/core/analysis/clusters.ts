/**
 * Clusters: Louvain modularity optimisation (V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. 2008, P10008; the
 * graphology-communities-louvain implementation) on the weighted graph with the owners left out, so
 * that "me" (whose spokes reach everyone) does not glue every cluster into one.
 *
 * Seeded: the same graph and seed give the same clusters. Clusters are numbered by size (largest
 * first, ties by their first node in graph order) as `c1`, `c2`, …; Louvain communities smaller than
 * `minClusterSize` (isolated people, stray pairs) go to one `unclustered` group.
 * Cost: Louvain is about O(m) per pass, a few passes; no copy of a simple undirected graph (owners' links weigh 0).
 */
import { UndirectedGraph } from 'graphology';
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Attributes } from 'graphology-types';
import { createRng } from '../rng';

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

  // 1. Which nodes Louvain clusters. On a simple undirected graph it runs in place, with every link to an
  // excluded node weighing 0 (same modularity as without those nodes, no copy of 300k links); any other
  // graph is first copied as a simple undirected one.
  const order: string[] = [];
  const excluded = new Set<string>();
  graph.forEachNode((node, attrs) => {
    if (o.excludeNode(node, attrs)) excluded.add(node);
    else order.push(node);
  });
  let target: Graph = graph;
  let total = 0;
  const weightOf = (edge: string, attrs: Attributes, s: string, t: string): number => {
    if (s === t || excluded.has(s) || excluded.has(t)) return 0;
    const w = getWeight(edge, attrs);
    return w > 0 ? w : 0;
  };
  if (graph.type === 'undirected' && !graph.multi) {
    graph.forEachEdge((edge, attrs, s, t) => (total += weightOf(edge, attrs, s, t)));
  } else {
    const g = new UndirectedGraph();
    for (const node of order) g.addNode(node);
    graph.forEachEdge((edge, attrs, s, t) => {
      const w = weightOf(edge, attrs, s, t);
      if (w <= 0) return;
      total += w;
      if (g.hasEdge(s, t)) g.updateEdgeAttribute(s, t, 'weight', (x: unknown) => (typeof x === 'number' ? x : 0) + w);
      else g.addEdge(s, t, { weight: w });
    });
    target = g;
  }

  // 2. Louvain, seeded.
  let communities: Record<string, number> = {};
  let modularity = 0;
  if (total > 0) {
    const result = louvain.detailed(target, {
      getEdgeWeight: target === graph ? (edge, attrs, s, t) => weightOf(edge, attrs, s, t) : 'weight',
      resolution: o.resolution,
      rng: o.rng ?? createRng(o.seed),
    });
    communities = result.communities;
    modularity = result.modularity;
  } else {
    order.forEach((node, i) => (communities[node] = i));
  }
  for (const node of excluded) delete communities[node];

  // 3. Deterministic numbering by size; small communities pooled as `unclustered`.
  const groups = new Map<number, string[]>();
  for (const node of order) {
    const c = communities[node] ?? -1;
    const list = groups.get(c);
    if (list) list.push(node);
    else groups.set(c, [node]);
  }
  const position = new Map(order.map((node, i) => [node, i]));
  const sorted = [...groups.values()].sort(
    (a, b) => b.length - a.length || (position.get(a[0] ?? '') ?? 0) - (position.get(b[0] ?? '') ?? 0),
  );
  const membership: Record<string, string> = {};
  const clusters: ClusterResult['clusters'] = [];
  const unclustered: string[] = [];
  for (const members of sorted) {
    if (members.length < o.minClusterSize) {
      unclustered.push(...members);
      continue;
    }
    const id = `c${clusters.length + 1}`;
    clusters.push({ id, members });
    for (const node of members) membership[node] = id;
  }
  if (unclustered.length > 0) {
    unclustered.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    clusters.push({ id: UNCLUSTERED, members: unclustered });
    for (const node of unclustered) membership[node] = UNCLUSTERED;
  }
  return { membership, clusters, modularity, communities };
}
