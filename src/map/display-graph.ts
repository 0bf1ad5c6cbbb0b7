/**
 * The display graph: what sigma draws, derived from a NetworkView by a pure function. Positions,
 * colours and sizes live here, never in the analysis graph. Built with graphology's `import` from
 * arrays (not node by node through the public API) because that is several times faster at 30k people.
 */
import Graph from 'graphology';
import type { NetworkView } from '../worker/protocol';
import { nextTask } from '../io/next-task';
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
  // Plain loops: Float32Array.from with a map function over 225,000 people took about 230 ms on the page.
  const { people } = view;
  const n = people.length;
  let measure = sizeBy === 'degree' ? degree : strength;
  if (sizeBy === 'score') {
    measure = new Float32Array(n);
    for (let i = 0; i < n; i++) measure[i] = people[i]!.score;
  }
  let max = 1e-9;
  for (let i = 0; i < n; i++) if (measure[i]! > max) max = measure[i]!;
  const sizes = new Float32Array(n);
  for (let i = 0; i < n; i++) sizes[i] = people[i]!.ownerId ? 9 : 2.5 + 8 * Math.sqrt(measure[i]! / max);
  return sizes;
}

/** Node sizes by super-connector score (owners 9), for a view whose scores came after its display graph was built. */
export function getScoreSizes(view: NetworkView): Float32Array {
  return toNodeSizes(view, 'score', new Float32Array(0), new Float32Array(0));
}

/** Build the graph sigma draws. Node keys are person indices as strings (no names in keys). */
export function buildDisplayGraph(view: NetworkView, options: DisplayOptions = {}): DisplayGraph {
  const steps = buildDisplayGraphSteps(view, options, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * buildDisplayGraph in steps: the generator yields between stages and after each `chunk` people or links added,
 * and returns the graph, so the page can spread the build over tasks (runSteps). At 225,000 people the build was
 * one task of about 1.5 s. O(people + links) in all, plus the sort of getDrawnLinks.
 */
export function* buildDisplayGraphSteps(
  view: NetworkView,
  options: DisplayOptions = {},
  chunk = 5000,
): Generator<void, DisplayGraph, void> {
  const sizeBy = options.sizeBy ?? 'score';
  const { people, positions } = view;
  const n = people.length;
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
  const owner = new Uint8Array(n);
  for (let i = 0; i < n; i++) owner[i] = people[i]!.ownerId ? 1 : 0;
  yield;
  // Owners' own spokes are not drawn: an owner is linked to everyone they know, and drawing that
  // glues the picture together (InMaps left "you" out too). The person panel still lists them.
  const candidate = new Uint8Array(source.length);
  for (let e = 0; e < source.length; e++) candidate[e] = owner[source[e]!] || owner[target[e]!] ? 0 : 1;
  const drawn = getDrawnLinks(source, target, weight, candidate, n, options.maxEdges ?? 60_000);
  yield;
  const graph: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const graphOptions = { type: 'undirected', multi: false, allowSelfLoops: false } as const;
  for (let from = 0; from < n; from += chunk) {
    const nodes: { key: string; attributes: DisplayNode }[] = [];
    for (let i = from; i < Math.min(n, from + chunk); i++) {
      const p = people[i]!;
      nodes.push({
        key: String(i),
        attributes: {
          x: positions[2 * i] ?? 0,
          y: positions[2 * i + 1] ?? 0,
          size: sizes[i] ?? 2.5,
          color: owner[i] ? OWNER_COLOR : getClusterColor(p.cluster),
          label: p.name || '(no name)',
          cluster: p.cluster,
          index: i,
          owner: owner[i] === 1,
          strength: strength[i] ?? 0,
        },
      });
    }
    graph.import({ nodes, options: graphOptions });
    yield;
  }
  let edges: { key: string; source: string; target: string; attributes: DisplayEdge }[] = [];
  for (let e = 0; e < source.length; e++) {
    if (!drawn[e]) continue;
    edges.push({
      key: `e${e}`,
      source: String(source[e]!),
      target: String(target[e]!),
      attributes: { size: 0.3, color: '#ececec', kinds: kinds[e] ?? 0, weight: weight[e] ?? 0 },
    });
    if (edges.length >= chunk) {
      graph.import({ edges, options: graphOptions });
      edges = [];
      yield;
    }
  }
  if (edges.length) graph.import({ edges, options: graphOptions });
  return graph;
}

/**
 * Run `steps` in tasks of about `sliceMs` ms (at least one step each), until done or `isCurrent` says the result
 * is no longer wanted (then undefined). Default 30 ms. Tasks follow each other by `nextTask`, not by timers, which
 * browsers clamp to 4 ms each once nested (io/next-task.ts).
 */
export function runSteps<T>(
  steps: Generator<void, T, void>,
  isCurrent: () => boolean,
  sliceMs = 30,
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const slice = () => {
      if (!isCurrent()) return resolve(undefined);
      const started = performance.now();
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) return resolve(step.value);
          if (performance.now() - started >= sliceMs) break;
        }
      } catch (e) {
        return reject(e instanceof Error ? e : new Error(String(e)));
      }
      void nextTask().then(slice);
    };
    void nextTask().then(slice);
  });
}
