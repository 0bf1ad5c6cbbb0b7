/**
 * Layout refinement: ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6): e98679) stepped in chunks over
 * typed arrays, starting from the seed layout, so it begins near its answer and can report progress,
 * be stopped, and stop by itself when stable. Uses graphology-layout-forceatlas2's own `iterate`
 * (the same pure step its worker runs) on matrices built straight from the arrays, skipping a
 * graphology graph. Deterministic: no randomness, a fixed iteration budget, a convergence test on
 * the positions. Cost per iteration: O(n log n + m) with Barnes-Hut (used above 2,000 people), else
 * O(n² + m).
 */
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

const PPN = 10;
const PPE = 3;

export interface ForceLayoutOptions {
  /** ForceAtlas2 settings merged over FORCE_LAYOUT_DEFAULTS.settings. */
  settings?: ForceAtlas2Settings;
  /**
   * Most iterations in all. Default: 1e7 / (people + links), between 30 and 300: the budget a 2-core
   * machine spends in about 10 s at any size.
   */
  maxIterations?: number;
  /** Stable when the mean move per iteration falls below this share of the layout's extent. Default 0.0005. */
  tolerance?: number;
}

export const FORCE_LAYOUT_DEFAULTS = {
  settings: {
    gravity: 0.05,
    scalingRatio: 4,
    slowDown: 3,
    edgeWeightInfluence: 0.5,
    barnesHutTheta: 0.6,
    linLogMode: false,
    outboundAttractionDistribution: true,
    adjustSizes: false,
    strongGravityMode: false,
  } satisfies ForceAtlas2Settings,
  tolerance: 0.0005,
};

export interface ForceLayout {
  /** Runs up to `iterations` more; returns whether the layout is finished (stable or out of budget). */
  step(iterations: number): boolean;
  /** Current x, y per node (a fresh copy). */
  positions(): Float32Array;
  readonly iteration: number;
  readonly maxIterations: number;
}

export function createForceLayout(
  positions: Float32Array,
  edges: { source: ArrayLike<number>; target: ArrayLike<number>; weight: ArrayLike<number> },
  options: ForceLayoutOptions = {},
): ForceLayout {
  const n = positions.length / 2;
  const m = edges.source.length;
  const settings: Required<ForceAtlas2Settings> = {
    ...FORCE_LAYOUT_DEFAULTS.settings,
    barnesHutOptimize: n > 2000,
    ...options.settings,
  } as Required<ForceAtlas2Settings>;
  const maxIterations = options.maxIterations ?? Math.max(30, Math.min(300, Math.round(1e7 / (n + m + 1))));
  const tolerance = options.tolerance ?? FORCE_LAYOUT_DEFAULTS.tolerance;

  const nodes = new Float32Array(n * PPN);
  for (let i = 0; i < n; i++) {
    const j = i * PPN;
    nodes[j] = positions[2 * i] ?? 0;
    nodes[j + 1] = positions[2 * i + 1] ?? 0;
    nodes[j + 6] = 1; // mass: 1 + weighted degree
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
  }
  const matrix = new Float32Array(m * PPE);
  for (let e = 0; e < m; e++) {
    const s = edges.source[e] ?? 0;
    const t = edges.target[e] ?? 0;
    const w = edges.weight[e] ?? 1;
    matrix[e * PPE] = s * PPN;
    matrix[e * PPE + 1] = t * PPN;
    matrix[e * PPE + 2] = w;
    nodes[s * PPN + 6]! += w;
    nodes[t * PPN + 6]! += w;
  }

  let iteration = 0;
  let done = n < 2;
  const extent = () => {
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = nodes[i * PPN]!,
        y = nodes[i * PPN + 1]!;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    return Math.max(x1 - x0, y1 - y0, 1e-9);
  };

  return {
    step(iterations) {
      if (done) return true;
      const before = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        before[2 * i] = nodes[i * PPN]!;
        before[2 * i + 1] = nodes[i * PPN + 1]!;
      }
      const k = Math.min(iterations, maxIterations - iteration);
      for (let i = 0; i < k; i++) iterate(settings, nodes, matrix);
      iteration += k;
      let moved = 0;
      for (let i = 0; i < n; i++)
        moved += Math.hypot(nodes[i * PPN]! - before[2 * i]!, nodes[i * PPN + 1]! - before[2 * i + 1]!);
      const meanMove = moved / n / Math.max(1, k);
      done = iteration >= maxIterations || meanMove < tolerance * extent();
      return done;
    },
    positions() {
      const out = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {
        out[2 * i] = nodes[i * PPN]!;
        out[2 * i + 1] = nodes[i * PPN + 1]!;
      }
      return out;
    },
    get iteration() {
      return iteration;
    },
    maxIterations,
  };
}
