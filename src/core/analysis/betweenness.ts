/**
 * Betweenness centrality (Freeman 1977) by Brandes' algorithm (U. Brandes, "A faster algorithm for
 * betweenness centrality", J. Math. Sociology 25, 2001) over a CSR of typed arrays: for each source a
 * single-source shortest-path pass, then dependencies accumulated in reverse order of distance.
 *
 * Exact (every node a source) up to `exactMaxNodes` nodes; above, sampled: `pivots` sources drawn
 * without replacement with the seeded `rng` (Brandes & Pich, "Centrality estimation in large networks",
 * 2007), with Geisberger, Sanders & Schultes' linear scaling ("Better approximation of betweenness
 * centrality", ALENEX 2008) by default: a source s adds to v only the share d(s, v) / d(s, t) of each
 * s–t path through v, so a node is not overrated for sitting next to a pivot, which is what made the
 * top of the plain estimate noisy. Scaled by n / pivots, the estimate is unbiased either way. The
 * sampling error against exact is measured in test/core/analysis/betweenness.test.ts.
 *
 * The sources are split into `parts` fixed, contiguous runs whose sums are added in order, so the
 * worker can hand the parts to several threads and still get the bits the CLI gets in one
 * (`getBetweennessPlan`, `accumulateDependencies`, `toBetweenness` are the pieces;
 * `computeBetweennessFromPlan` and `computeBetweenness` run them in one thread).
 *
 * Progressive: a part's sum is a running sum over its sources, so it can be taken in two stages
 * (`getBetweennessStages`): the first sources of every part, whose sums already give an unbiased estimate
 * over fewer pivots (`toBetweenness(plan, sums, sources)`), then the rest of each part continuing from its
 * first sums (`accumulateDependencies(…, from)`). Each node's sum gets the same additions in the same order
 * as in one pass, so the final values are the one-pass bits.
 *
 * Distances: by default weighted, length of a link = 1 / weight, so shortest paths prefer strong,
 * real ties (a message-heavy connection or an edge-table tie) over inferred `similar` links, which
 * would otherwise act as shortcuts and blur who truly bridges. `weighted: false` gives hop counts
 * (BFS; what igraph and networkx compute on unweighted graphs).
 * Cost: O(s · m) unweighted, O(s · (m + n) log n) weighted, s = sources (n exact, `pivots` sampled);
 * memory O(n + m) per thread. Weighted runs use an indexed 4-ary heap (decrease-key, each node in it at most
 * once) and keep each node's predecessors from the shortest-path pass, so the dependency pass reads those
 * instead of every link again: about 1.5 times faster per source (the 250k team map's CSR, 225,246 nodes and
 * 4.9 M link entries: 305 → 206 ms; 100k: 81 → 53 ms; Node, both in one process), with the same values up to
 * the last bit (4e-16 relative: nodes at equal distance may leave the heap in another order).
 */
import type { Csr } from './csr';

/** Options for {@link computeBetweenness}. */
export interface BetweennessOptions {
  /** Distances are 1 / weight (true) or hop counts (false). Default true. */
  weighted?: boolean;
  /** Largest graph (nodes) computed exactly; bigger ones are sampled. Default 1000 (exact costs n sources, sampling 256). */
  exactMaxNodes?: number;
  /** Sources sampled when not exact. Default 256. */
  pivots?: number;
  /** Sampled runs use Geisberger et al.'s linear scaling (true) or plain Brandes–Pich (false). Default true. */
  linearScaling?: boolean;
  /** Runs of sources summed apart and then added in order (threads in the app; the result depends on it). Default 2. */
  parts?: number;
  /**
   * Sources of the app's first estimate (see getBetweennessStages): the first ones of each part, summed and shown
   * before the rest; the final values do not depend on it. Default 64.
   */
  firstEstimate?: number;
  /** Random numbers in [0, 1) for the pivots (seeded in Netwell). Default: mulberry32 seeded 1, via the caller. */
  rng?: () => number;
  /** Divide by (n − 1)(n − 2) / 2, the number of pairs not involving the node. Default false. */
  normalized?: boolean;
}

export const BETWEENNESS_DEFAULTS = {
  weighted: true,
  exactMaxNodes: 1000,
  pivots: 256,
  linearScaling: true,
  parts: 2,
  firstEstimate: 64,
  normalized: false,
};

export interface BetweennessResult {
  /** Betweenness of node i (`csr.nodes[i]`), undirected: each pair counted once. */
  values: Float64Array;
  exact: boolean;
  /** Sources used (n when exact). */
  sources: number;
}

/** The typed arrays a pass needs: what a thread is sent. */
export type CsrArrays = Pick<Csr, 'offsets' | 'targets' | 'weights'>;

/** Sources of one part to sum over, on from that part's sums so far when `from` is given (a second stage). */
export interface BetweennessRun {
  sources: Int32Array;
  from?: Float64Array;
}

/** What to compute: the sources in parts, and how. */
export interface BetweennessPlan {
  /** Sources of each part, in order. */
  parts: Int32Array[];
  exact: boolean;
  weighted: boolean;
  /** Linear scaling (sampled runs only). */
  linear: boolean;
  sources: number;
  normalized: boolean;
}

/** Chooses the sources (all, or a seeded sample without replacement) and splits them into parts. */
export function getBetweennessPlan(n: number, options: BetweennessOptions = {}): BetweennessPlan {
  const o = { ...BETWEENNESS_DEFAULTS, ...options };
  const exact = n <= o.exactMaxNodes || o.pivots >= n;
  let sources: Int32Array;
  if (exact) {
    sources = new Int32Array(n);
    for (let i = 0; i < n; i++) sources[i] = i;
  } else {
    if (!o.rng)
      throw new Error('core/analysis/betweenness: sampling needs an rng. Pass options.rng (core/rng createRng).');
    // Partial Fisher–Yates.
    const pool = new Int32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    const k = Math.max(1, Math.floor(o.pivots));
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(o.rng() * (n - i));
      const t = pool[i]!;
      pool[i] = pool[j]!;
      pool[j] = t;
    }
    sources = pool.slice(0, k);
  }
  const count = Math.max(1, Math.min(Math.floor(o.parts), sources.length || 1));
  const parts: Int32Array[] = [];
  for (let p = 0; p < count; p++)
    parts.push(sources.slice(Math.floor((p * sources.length) / count), Math.floor(((p + 1) * sources.length) / count)));
  return {
    parts,
    exact,
    weighted: o.weighted,
    linear: !exact && o.linearScaling,
    sources: sources.length,
    normalized: o.normalized,
  };
}

/**
 * A plan in two stages, for a first estimate: `first[p]` is the first sources of part p, `rest[p]` the remaining
 * ones, to be summed on from part p's first sums.
 */
export interface BetweennessStages {
  first: Int32Array[];
  rest: Int32Array[];
  /** Sources in `first`, all parts together: the scale of the first estimate. */
  firstSources: number;
}

/**
 * The plan in two stages whose first one has `estimate` sources, shared out over the parts as the parts share
 * the plan. Undefined when the plan is exact (exact values are not estimated), has at most `estimate` sources,
 * or `estimate` is fewer than the parts.
 */
export function getBetweennessStages(plan: BetweennessPlan, estimate: number): BetweennessStages | undefined {
  const k = Math.floor(estimate);
  if (plan.exact || k < plan.parts.length || k >= plan.sources) return undefined;
  const first: Int32Array[] = [];
  const rest: Int32Array[] = [];
  let firstSources = 0;
  plan.parts.forEach((part, p) => {
    // Part p's share of the first sources, as the plan split the sources: sizes differ by at most one.
    const take = Math.min(
      part.length,
      Math.floor(((p + 1) * k) / plan.parts.length) - Math.floor((p * k) / plan.parts.length),
    );
    first.push(part.subarray(0, take));
    rest.push(part.subarray(take));
    firstSources += take;
  });
  return { first, rest, firstSources };
}

/**
 * Brandes' dependency sums δ over `sources` (unscaled), node by node. With `linear`, each path's
 * contribution to v is d(s, v) / d(s, t) (Geisberger et al. 2008). With `from` (the sums over earlier sources
 * of the same part; not changed), the sums go on from there: the same bits as one pass over both runs.
 */
export function accumulateDependencies(
  csr: CsrArrays,
  sources: Int32Array,
  weighted: boolean,
  linear = false,
  from?: Float64Array,
): Float64Array {
  const { offsets, targets, weights } = csr;
  const n = offsets.length - 1;
  if (from && from.length !== Math.max(0, n))
    throw new Error(`core/analysis/betweenness: 'from' has ${from.length} sums for ${n} nodes.`);
  const values = from ? from.slice() : new Float64Array(Math.max(0, n));
  if (n <= 0) return values;
  const dist = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const settled = new Uint8Array(n);
  // Weighted: an indexed 4-ary heap (each unsettled node in it at most once, `pos` its place or -1), and each
  // node's predecessors as a list in `predNode` / `predNext` from `predHead` (one entry per relaxed link at most).
  const pos = new Int32Array(weighted ? n : 0);
  const heapNode = new Int32Array(weighted ? n : 0);
  const heapDist = new Float64Array(weighted ? n : 0);
  const predHead = new Int32Array(weighted ? n : 0);
  const predNode = new Int32Array(weighted ? targets.length : 0);
  const predNext = new Int32Array(weighted ? targets.length : 0);
  const length = new Float64Array(targets.length);
  for (let e = 0; e < targets.length; e++) length[e] = weighted ? 1 / weights[e]! : 1;
  const EPS = 1e-9;
  // Hot loops below read typed arrays in bounds only (indices come from the CSR), hence the `!`s.

  for (let si = 0; si < sources.length; si++) {
    const s = sources[si]!;
    dist.fill(Infinity);
    sigma.fill(0);
    delta.fill(0);
    dist[s] = 0;
    let count = 0;

    // 1. Single-source shortest paths and path counts σ; `order` gets the nodes by non-decreasing distance.
    sigma[s] = 1;
    if (!weighted) {
      order[count++] = s;
      for (let head = 0; head < count; head++) {
        const v = order[head]!;
        const dv = dist[v]! + 1;
        const sv = sigma[v]!;
        for (let e = offsets[v]!, end = offsets[v + 1]!; e < end; e++) {
          const w = targets[e]!;
          if (dist[w] === Infinity) {
            dist[w] = dv;
            order[count++] = w;
          }
          if (dist[w] === dv) sigma[w]! += sv;
        }
      }
    } else {
      // Dijkstra over the indexed 4-ary heap: pop the nearest, sift the last entry down among 4 children.
      settled.fill(0);
      predHead.fill(-1);
      let preds = 0;
      pos.fill(-1);
      heapNode[0] = s;
      heapDist[0] = 0;
      pos[s] = 0;
      let size = 1;
      while (size > 0) {
        const v: number = heapNode[0]!;
        const dv: number = heapDist[0]!;
        size--;
        pos[v] = -1;
        if (size > 0) {
          const lastNode = heapNode[size]!;
          const lastDist = heapDist[size]!;
          let i = 0;
          for (;;) {
            const first = 4 * i + 1;
            if (first >= size) break;
            let c = first;
            let cd = heapDist[first]!;
            const stop = first + 4 < size ? first + 4 : size;
            for (let k = first + 1; k < stop; k++) {
              const kd = heapDist[k]!;
              if (kd < cd) {
                cd = kd;
                c = k;
              }
            }
            if (cd >= lastDist) break;
            const cn = heapNode[c]!;
            heapNode[i] = cn;
            heapDist[i] = cd;
            pos[cn] = i;
            i = c;
          }
          heapNode[i] = lastNode;
          heapDist[i] = lastDist;
          pos[lastNode] = i;
        }
        settled[v] = 1;
        order[count++] = v;
        const sv = sigma[v]!;
        for (let e: number = offsets[v]!, end: number = offsets[v + 1]!; e < end; e++) {
          const w = targets[e]!;
          if (settled[w]) continue;
          const nd = dv + length[e]!;
          const dw = dist[w]!;
          if (nd < dw - EPS * Math.max(1, nd)) {
            // A shorter path: v is w's only predecessor so far. w goes into the heap or up it (decrease-key).
            dist[w] = nd;
            sigma[w] = sv;
            predNode[preds] = v;
            predNext[preds] = -1;
            predHead[w] = preds++;
            let j = pos[w]!;
            if (j === -1) j = size++;
            while (j > 0) {
              const parent = (j - 1) >> 2;
              const pd = heapDist[parent]!;
              if (pd <= nd) break;
              const pn = heapNode[parent]!;
              heapNode[j] = pn;
              heapDist[j] = pd;
              pos[pn] = j;
              j = parent;
            }
            heapNode[j] = w;
            heapDist[j] = nd;
            pos[w] = j;
          } else if (Math.abs(nd - dw) <= EPS * Math.max(1, dw)) {
            // As short: one more predecessor.
            sigma[w]! += sv;
            predNode[preds] = v;
            predNext[preds] = predHead[w]!;
            predHead[w] = preds++;
          }
        }
      }
    }

    // 2. Dependencies, farthest first: predecessors of w are the neighbours v with dist[v] + len = dist[w]
    //    (weighted: the list made in step 1, instead of testing every neighbour again).
    //    Plain: δ(v) += σv/σw · (1 + δ(w)). Linear: δ(v) += σv/σw · d(v)/d(w) · (1 + δ(w)), as δ(w) holds
    //    the shares d(s,w)/d(s,t) of the paths beyond w and v's share of each is d(s,v)/d(s,t).
    for (let i = count - 1; i > 0; i--) {
      const w = order[i]!;
      const dw = dist[w]!;
      const tolerance = EPS * Math.max(1, dw);
      const sw = sigma[w] || 1;
      const dlw = delta[w]!;
      if (weighted) {
        for (let p = predHead[w]!; p !== -1; p = predNext[p]!) {
          const v = predNode[p]!;
          delta[v]! += (sigma[v]! / sw) * (linear ? (dist[v]! / dw) * (1 + dlw) : 1 + dlw);
        }
      } else
        for (let e = offsets[w]!, end = offsets[w + 1]!; e < end; e++) {
          const v = targets[e]!;
          const dv = dist[v]!;
          if (Math.abs(dv + length[e]! - dw) > tolerance) continue;
          delta[v]! += (sigma[v]! / sw) * (linear ? (dv / dw) * (1 + dlw) : 1 + dlw);
        }
      values[w]! += dlw;
    }
  }
  return values;
}

/**
 * Adds the parts' sums in order and scales them to betweenness (undirected, each pair once). `sources` is how
 * many sources the sums are over: the plan's (default), or fewer for a first estimate (see getBetweennessStages).
 */
export function toBetweenness(
  plan: BetweennessPlan,
  sums: readonly Float64Array[],
  sources = plan.sources,
): BetweennessResult {
  const n = sums[0]?.length ?? 0;
  const values = new Float64Array(n);
  for (const part of sums) for (let i = 0; i < n; i++) values[i]! += part[i]!;
  // Exact: each pair was counted from both ends — halve. Sampled: scale by n / pivots; plain Brandes–Pich
  // counts a pair from both ends too (halve), linear scaling splits each path between its two ends (don't).
  const scale = plan.exact ? 0.5 : (n / Math.max(1, sources)) * (plan.linear ? 1 : 0.5);
  const norm = plan.normalized && n > 2 ? 2 / ((n - 1) * (n - 2)) : 1;
  for (let i = 0; i < n; i++) values[i] = values[i]! * scale * norm;
  return { values, exact: plan.exact, sources };
}

/** Runs every part of a plan in this thread and scales the sums: what the app's threads give, in one. */
export function computeBetweennessFromPlan(csr: CsrArrays, plan: BetweennessPlan): BetweennessResult {
  return toBetweenness(
    plan,
    plan.parts.map((sources) => accumulateDependencies(csr, sources, plan.weighted, plan.linear)),
  );
}

/** Brandes betweenness, exact or sampled, of every node of the CSR, in this thread. */
export function computeBetweenness(csr: Csr, options: BetweennessOptions = {}): BetweennessResult {
  return computeBetweennessFromPlan(csr, getBetweennessPlan(csr.nodes.length, options));
}
