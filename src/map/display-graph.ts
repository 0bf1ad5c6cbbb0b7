/**
 * The display graph: what sigma draws, derived from a NetworkView by a pure function. Positions,
 * colours and sizes live here, never in the analysis graph. Built with graphology's `import` from
 * arrays (not node by node through the public API) because that is several times faster at 30k people.
 */
import Graph from 'graphology';
import type { NetworkView } from '../worker/protocol';
import { getClusterColor, OWNER_COLOR } from './palette';

export const SIZE_MEASURES = ['score', 'degree', 'strength'] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

export interface DisplayNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  cluster: number;
  index: number;
  owner: boolean;
  /** Sum of the person's link weights in the view (all links, drawn or not): who matters before scores exist. */
  strength: number;
}

export interface DisplayEdge {
  size: number;
  color: string;
  kinds: number;
  weight: number;
}

export type DisplayGraph = Graph<DisplayNode, DisplayEdge>;

export interface DisplayOptions {
  /** What node size shows. Default 'score' (super-connector score). */
  sizeBy?: SizeMeasure;
  /**
   * Most links drawn. Default 60,000. Beyond it, every person keeps their strongest link and the rest
   * are the heaviest; where the people's strongest links alone are more than the cap (a team map of
   * 225,000 people had 174,000), the heaviest of those. At 30,000 people the network has about 310,000 links: drawing them all is a grey
   * haze, and in Chromium without a GPU (software WebGL) each frame of them cost seconds of CPU in
   * the GPU process, starving the page on a 2-core machine (docs/performance.md, Browser). The person
   * panel still lists every link.
   */
  maxEdges?: number;
}

/**
 * 1 for each candidate link kept, at most `max`: each person's strongest, then the heaviest; when the strongest
 * links alone are more than `max`, the heaviest of them (ties in link order). O(links + sort of weights).
 */
export function getDrawnLinks(
  source: ArrayLike<number>,
  target: ArrayLike<number>,
  weight: ArrayLike<number>,
  candidate: Uint8Array,
  people: number,
  max: number,
): Uint8Array {
  const m = candidate.length;
  const keep = new Uint8Array(m);
  let count = 0;
  for (let e = 0; e < m; e++) count += candidate[e]!;
  if (count <= max) return candidate.slice();
  const best = new Int32Array(people).fill(-1);
  for (let e = 0; e < m; e++) {
    if (!candidate[e]) continue;
    for (const v of [source[e]!, target[e]!]) {
      const b = best[v]!;
      if (b < 0 || weight[e]! > weight[b]!) best[v] = e;
    }
  }
  let kept = 0;
  const strongest: number[] = [];
  for (const e of best)
    if (e >= 0 && !keep[e]) {
      keep[e] = 1;
      strongest.push(e);
      kept++;
    }
  if (kept > max) {
    // The cap holds: the heaviest of the people's strongest links.
    strongest.sort((a, b) => weight[b]! - weight[a]! || a - b);
    for (const e of strongest.slice(max)) keep[e] = 0;
    return keep;
  }
  // The weight of the max-th heaviest candidate: links above it are kept, ties in link order.
  const weights = new Float64Array(count);
  for (let e = 0, k = 0; e < m; e++) if (candidate[e]) weights[k++] = weight[e]!;
  weights.sort();
  const threshold = weights[Math.max(0, count - max)] ?? 0;
  for (let e = 0; e < m && kept < max; e++)
    if (candidate[e] && !keep[e] && weight[e]! > threshold) {
      keep[e] = 1;
      kept++;
    }
  for (let e = 0; e < m && kept < max; e++)
    if (candidate[e] && !keep[e] && weight[e]! === threshold) {
      keep[e] = 1;
      kept++;
    }
  return keep;
}

function toNodeSizes(
  view: NetworkView,
  sizeBy: SizeMeasure,
  degree: Float32Array,
  strength: Float32Array,
): Float32Array {
  const measure =
    sizeBy === 'score' ? Float32Array.from(view.people, (p) => p.score) : sizeBy === 'degree' ? degree : strength;
  let max = 1e-9;
  for (let i = 0; i < measure.length; i++) if (measure[i]! > max) max = measure[i]!;
  return Float32Array.from(view.people, (p, i) => (p.ownerId ? 9 : 2.5 + 8 * Math.sqrt(measure[i]! / max)));
}

/** Node sizes by super-connector score (owners 9), for a view whose scores came after its display graph was built. */
export function getScoreSizes(view: NetworkView): Float32Array {
  return toNodeSizes(view, 'score', new Float32Array(0), new Float32Array(0));
}

/** Build the graph sigma draws. Node keys are person indices as strings (no names in keys). */
export function buildDisplayGraph(view: NetworkView, options: DisplayOptions = {}): DisplayGraph {
  const sizeBy = options.sizeBy ?? 'score';
  const n = view.people.length;
  const degree = new Float32Array(n);
  const strength = new Float32Array(n);
  const { source, target, weight, kinds } = view.edges;
  for (let e = 0; e < source.length; e++) {
    const s = source[e]!;
    const t = target[e]!;
    degree[s]! += 1;
    degree[t]! += 1;
    strength[s]! += weight[e]!;
    strength[t]! += weight[e]!;
  }
  const sizes = toNodeSizes(view, sizeBy, degree, strength);
  const nodes = view.people.map((p, i) => ({
    key: String(i),
    attributes: {
      x: view.positions[2 * i] ?? 0,
      y: view.positions[2 * i + 1] ?? 0,
      size: sizes[i] ?? 2.5,
      color: p.ownerId ? OWNER_COLOR : getClusterColor(p.cluster),
      label: p.name || '(no name)',
      cluster: p.cluster,
      index: i,
      owner: Boolean(p.ownerId),
      strength: strength[i] ?? 0,
    },
  }));
  // Owners' own spokes are not drawn: an owner is linked to everyone they know, and drawing that
  // glues the picture together (InMaps left "you" out too). The person panel still lists them.
  const edges: { key: string; source: string; target: string; attributes: DisplayEdge }[] = [];
  const candidate = new Uint8Array(source.length);
  for (let e = 0; e < source.length; e++)
    candidate[e] = view.people[source[e]!]?.ownerId || view.people[target[e]!]?.ownerId ? 0 : 1;
  const drawn = getDrawnLinks(source, target, weight, candidate, n, options.maxEdges ?? 60_000);
  for (let e = 0; e < source.length; e++) {
    const s = source[e]!;
    const t = target[e]!;
    if (!drawn[e]) continue;
    edges.push({
      key: `e${e}`,
      source: String(s),
      target: String(t),
      attributes: { size: 0.3, color: '#ececec', kinds: kinds[e] ?? 0, weight: weight[e] ?? 0 },
    });
  }
  const graph: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.import({ nodes, edges, options: { type: 'undirected', multi: false, allowSelfLoops: false } });
  return graph;
}
