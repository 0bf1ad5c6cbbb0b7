/**
 * Compressed sparse row (CSR) form of an undirected weighted graph: typed arrays that the heavy
 * algorithms (betweenness, participation) walk without graphology's per-edge object overhead, and that
 * can be transferred to a worker. Each undirected edge appears twice (once per endpoint). Parallel
 * edges are kept as given; self-loops are dropped. Cost: O(n + m) time and memory.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';

export interface Csr {
  /** Node keys; node i is `nodes[i]`. */
  nodes: string[];
  /** Neighbours of node i are `targets[offsets[i] .. offsets[i + 1])`. Length n + 1. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Positive weight of each half-edge, aligned with `targets`. */
  weights: Float64Array;
}

/** Options for {@link toCsr}. */
export interface CsrOptions<E extends Attributes> {
  /** Weight of an edge; null for 1 everywhere. Default: the `weight` attribute, 1 when missing or not positive. */
  getEdgeWeight?: ((edge: string, attributes: E) => number) | null;
  /** Keep only the nodes for which this returns true (edges to dropped nodes are dropped). Default: all. */
  filterNode?: (node: string, attributes: Attributes) => boolean;
}

function defaultWeight(_edge: string, attributes: Attributes): number {
  const w: unknown = attributes['weight'];
  return typeof w === 'number' && w > 0 ? w : 1;
}

/** Flattens an undirected graphology graph into CSR typed arrays, nodes in graph order. */
export function toCsr<N extends Attributes, E extends Attributes>(
  graph: Graph<N, E>,
  options: CsrOptions<E> = {},
): Csr {
  const getWeight = options.getEdgeWeight === null ? () => 1 : (options.getEdgeWeight ?? defaultWeight);
  const nodes: string[] = [];
  const idx = new Map<string, number>();
  graph.forEachNode((node, attrs) => {
    if (options.filterNode && !options.filterNode(node, attrs)) return;
    idx.set(node, nodes.length);
    nodes.push(node);
  });
  const n = nodes.length;
  const src: number[] = [];
  const dst: number[] = [];
  const wts: number[] = [];
  const degree = new Int32Array(n);
  graph.forEachEdge((edge, attrs, s, t) => {
    const a = idx.get(s);
    const b = idx.get(t);
    if (a === undefined || b === undefined || a === b) return;
    const w = getWeight(edge, attrs);
    if (!(w > 0)) return;
    src.push(a);
    dst.push(b);
    wts.push(w);
    degree[a] = (degree[a] ?? 0) + 1;
    degree[b] = (degree[b] ?? 0) + 1;
  });
  return fromEdgeArrays(nodes, src, dst, wts, degree);
}

/** Builds a CSR from a list of edges `[a, b, weight = 1]` (undirected: each pair given once). */
export function toCsrFromEdges(nodes: string[], edges: readonly (readonly [number, number, number?])[]): Csr {
  return toCsrFromArrays(
    nodes,
    edges.map((e) => e[0]),
    edges.map((e) => e[1]),
    edges.map((e) => e[2] ?? 1),
  );
}

/**
 * Builds a CSR from parallel arrays: edge e joins `src[e]` and `dst[e]` with weight `wts[e]` (undirected: each pair
 * given once). Self-loops and weights that are not positive are dropped.
 */
export function toCsrFromArrays(
  nodes: string[],
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
  wts: ArrayLike<number>,
): Csr {
  // Degrees first, then the CSR filled straight from the arrays (no copy of the kept links).
  const degree = new Int32Array(nodes.length);
  for (let e = 0; e < src.length; e++) {
    const a = src[e]!;
    const b = dst[e]!;
    if (a === b || !(wts[e]! > 0)) continue;
    degree[a] = degree[a]! + 1;
    degree[b] = degree[b]! + 1;
  }
  return fromEdgeArrays(nodes, src, dst, wts, degree);
}

/** The CSR of the links (src[e], dst[e], wts[e]) with `degree` counted over them; self-loops and links that weigh nothing are left out. */
function fromEdgeArrays(
  nodes: string[],
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
  wts: ArrayLike<number>,
  degree: Int32Array,
): Csr {
  const n = nodes.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (degree[i] ?? 0);
  const fill = offsets.slice(0, n);
  const m2 = offsets[n] ?? 0;
  const targets = new Int32Array(m2);
  const weights = new Float64Array(m2);
  for (let e = 0; e < src.length; e++) {
    const a = src[e] ?? 0;
    const b = dst[e] ?? 0;
    if (a === b || !(wts[e]! > 0)) continue;
    const w = wts[e] ?? 1;
    const pa = fill[a] ?? 0;
    targets[pa] = b;
    weights[pa] = w;
    fill[a] = pa + 1;
    const pb = fill[b] ?? 0;
    targets[pb] = a;
    weights[pb] = w;
    fill[b] = pb + 1;
  }
  return { nodes, offsets, targets, weights };
}
