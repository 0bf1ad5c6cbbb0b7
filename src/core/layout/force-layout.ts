/**
 * Layout refinement: ForceAtlas2 (Jacomy et al. 2014, PLoS ONE 9(6): e98679) stepped in chunks over
 * typed arrays, starting from the seed layout, so it begins near its answer and can report progress,
 * be stopped, and stop by itself when stable. The step is our own (`iterateForceAtlas2`, below): the
 * same forces and adaptive speed as graphology-layout-forceatlas2's `iterate` (linear attraction
 * divided by mass with outbound distribution, repulsion k·(deg+1)(deg+1)/d, gravity, swinging /
 * traction per node), over one Float64Array per quantity, with the Barnes-Hut quadtree (Barnes & Hut
 * 1986) in preallocated typed arrays and each edge's weight^influence computed once, not per
 * iteration, nodes kept in Z order for memory locality: about 4× less CPU than the library's step on
 * 30,000 people (docs/performance.md).
 * `adjustSizes` (node overlap) is not supported; instead, once the layout is finished (stable, out of
 * budget, or stopped), one anti-overlap pass (anti-overlap.ts) parts the people it left closer than a
 * minimum spacing. Deterministic: no randomness, a fixed iteration budget, a convergence test on the
 * positions. Cost per iteration: O(n log n + m) with Barnes-Hut (used above 2,000 people), else O(n² + m);
 * the anti-overlap pass O(n) per sweep.
 */
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { separateOverlaps, type AntiOverlapOptions, type AntiOverlapResult } from './anti-overlap';

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
  /** The anti-overlap pass run once the layout is finished, or false for none. Default {} (its defaults). */
  antiOverlap?: AntiOverlapOptions | false;
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
  /**
   * Runs up to `iterations` more; returns whether the layout is finished (stable or out of budget). The step that
   * finishes it also runs the anti-overlap pass.
   */
  step(iterations: number): boolean;
  /** Finishes the layout now (the user stopped it): runs the anti-overlap pass if it has not run. */
  finish(): void;
  /** What the anti-overlap pass did, once it has run. */
  readonly antiOverlap: AntiOverlapResult | undefined;
  /** Current x, y per node (a fresh copy). */
  positions(): Float32Array;
  readonly iteration: number;
  readonly maxIterations: number;
}

/** The layout's state: one typed array per quantity, node i at index i. */
export interface ForceAtlas2State {
  x: Float64Array;
  y: Float64Array;
  dx: Float64Array;
  dy: Float64Array;
  oldDx: Float64Array;
  oldDy: Float64Array;
  /** 1 + weighted degree. */
  mass: Float64Array;
  convergence: Float64Array;
  source: Int32Array;
  target: Int32Array;
  /** weight ^ edgeWeightInfluence, per edge. */
  strength: Float64Array;
  /** Barnes-Hut regions, reused between iterations (grown when needed). */
  tree: QuadTree;
}

interface QuadTree {
  capacity: number;
  node: Int32Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  centerX: Float64Array;
  centerY: Float64Array;
  size: Float64Array;
  mass: Float64Array;
  massX: Float64Array;
  massY: Float64Array;
}

const SUBDIVISION_ATTEMPTS = 3;

function createQuadTree(capacity: number): QuadTree {
  return {
    capacity,
    node: new Int32Array(capacity),
    firstChild: new Int32Array(capacity),
    nextSibling: new Int32Array(capacity),
    centerX: new Float64Array(capacity),
    centerY: new Float64Array(capacity),
    size: new Float64Array(capacity),
    mass: new Float64Array(capacity),
    massX: new Float64Array(capacity),
    massY: new Float64Array(capacity),
  };
}

/** Builds the Barnes-Hut quadtree of the current positions (graphology's insertion scheme); false when it ran out of room. */
function buildQuadTree(st: ForceAtlas2State): boolean {
  const { x, y, mass } = st;
  const t = st.tree;
  const n = x.length;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (xi < minX) minX = xi;
    if (xi > maxX) maxX = xi;
    if (yi < minY) minY = yi;
    if (yi > maxY) maxY = yi;
  }
  const dx = maxX - minX;
  const dy = maxY - minY;
  if (dx > dy) {
    minY -= (dx - dy) / 2;
    maxY = minY + dx;
  } else {
    minX -= (dy - dx) / 2;
    maxX = minX + dy;
  }
  const reset = (r: number, cx: number, cy: number, size: number, next: number) => {
    t.node[r] = -1;
    t.firstChild[r] = -1;
    t.nextSibling[r] = next;
    t.centerX[r] = cx;
    t.centerY[r] = cy;
    t.size[r] = size;
    t.mass[r] = 0;
    t.massX[r] = 0;
    t.massY[r] = 0;
  };
  reset(0, (minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY), -1);
  let used = 1;
  const quadrant = (r: number, px: number, py: number) =>
    t.firstChild[r]! + (px < t.centerX[r]! ? (py < t.centerY[r]! ? 0 : 1) : py < t.centerY[r]! ? 2 : 3);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const mi = mass[i]!;
    let r = 0;
    let attempts = SUBDIVISION_ATTEMPTS;
    for (;;) {
      if (t.firstChild[r]! >= 0) {
        // An inner region: update its centre of mass, go down.
        const m = t.mass[r]!;
        t.massX[r] = (t.massX[r]! * m + xi * mi) / (m + mi);
        t.massY[r] = (t.massY[r]! * m + yi * mi) / (m + mi);
        t.mass[r] = m + mi;
        r = quadrant(r, xi, yi);
        continue;
      }
      const held = t.node[r]!;
      if (held < 0) {
        t.node[r] = i;
        break;
      }
      // A leaf holding a node: split it in four, move its node down, then place i.
      if (used + 4 > t.capacity) return false;
      const half = t.size[r]! / 2;
      const cx = t.centerX[r]!;
      const cy = t.centerY[r]!;
      const first = used;
      t.firstChild[r] = first;
      reset(first, cx - half, cy - half, half, first + 1);
      reset(first + 1, cx - half, cy + half, half, first + 2);
      reset(first + 2, cx + half, cy - half, half, first + 3);
      reset(first + 3, cx + half, cy + half, half, t.nextSibling[r]!);
      used += 4;
      const q = quadrant(r, x[held]!, y[held]!);
      t.mass[r] = mass[held]!;
      t.massX[r] = x[held]!;
      t.massY[r] = y[held]!;
      t.node[q] = held;
      t.node[r] = -1;
      const q2 = quadrant(r, xi, yi);
      if (q === q2) {
        if (attempts--) {
          r = q;
          continue;
        }
        // Same place after several splits: leave i out of the tree this iteration (as graphology does).
        break;
      }
      t.node[q2] = i;
      break;
    }
  }
  return true;
}

/**
 * One ForceAtlas2 iteration over the state (see the module header). Same forces as
 * graphology-layout-forceatlas2's iterate for `adjustSizes: false`.
 */
export function iterateForceAtlas2(settings: Required<ForceAtlas2Settings>, st: ForceAtlas2State): void {
  const { x, y, dx, dy, oldDx, oldDy, mass, convergence, source, target, strength } = st;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    oldDx[i] = dx[i]!;
    oldDy[i] = dy[i]!;
    dx[i] = 0;
    dy[i] = 0;
  }
  let outboundCompensation = 1;
  if (settings.outboundAttractionDistribution) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += mass[i]!;
    outboundCompensation = sum / n;
  }

  // 1. Repulsion: k · m_i · m_j / d, with Barnes-Hut far away.
  const kr = settings.scalingRatio;
  if (settings.barnesHutOptimize) {
    while (!buildQuadTree(st)) st.tree = createQuadTree(st.tree.capacity * 2);
    const t = st.tree;
    const theta2 = settings.barnesHutTheta * settings.barnesHutTheta;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      const mi = mass[i]!;
      let fx = 0;
      let fy = 0;
      let r = 0;
      for (;;) {
        if (t.firstChild[r]! >= 0) {
          const xd = xi - t.massX[r]!;
          const yd = yi - t.massY[r]!;
          const d2 = xd * xd + yd * yd;
          const s = t.size[r]!;
          if ((4 * s * s) / d2 < theta2) {
            if (d2 > 0) {
              const f = (kr * mi * t.mass[r]!) / d2;
              fx += xd * f;
              fy += yd * f;
            }
            r = t.nextSibling[r]!;
            if (r < 0) break;
          } else r = t.firstChild[r]!;
        } else {
          const j = t.node[r]!;
          if (j >= 0 && j !== i) {
            const xd = xi - x[j]!;
            const yd = yi - y[j]!;
            const d2 = xd * xd + yd * yd;
            if (d2 > 0) {
              const f = (kr * mi * mass[j]!) / d2;
              fx += xd * f;
              fy += yd * f;
            }
          }
          r = t.nextSibling[r]!;
          if (r < 0) break;
        }
      }
      dx[i]! += fx;
      dy[i]! += fy;
    }
  } else {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++) {
        const xd = x[i]! - x[j]!;
        const yd = y[i]! - y[j]!;
        const d = Math.sqrt(xd * xd + yd * yd);
        if (d > 0) {
          const f = (kr * mass[i]! * mass[j]!) / d / d;
          dx[i]! += xd * f;
          dy[i]! += yd * f;
          dx[j]! -= xd * f;
          dy[j]! -= yd * f;
        }
      }
  }

  // 2. Gravity towards the origin.
  const g = settings.gravity / settings.scalingRatio;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const d = Math.sqrt(xi * xi + yi * yi);
    if (d <= 0) continue;
    const f = settings.strongGravityMode ? kr * mass[i]! * g : (kr * mass[i]! * g) / d;
    dx[i]! -= xi * f;
    dy[i]! -= yi * f;
  }

  // 3. Attraction along edges: linear (or log with linLogMode), divided by the source's mass with outbound distribution.
  const m = source.length;
  const outbound = settings.outboundAttractionDistribution;
  const linLog = settings.linLogMode;
  for (let e = 0; e < m; e++) {
    const a = source[e]!;
    const b = target[e]!;
    const xd = x[a]! - x[b]!;
    const yd = y[a]! - y[b]!;
    let f = -outboundCompensation * strength[e]!;
    if (outbound) f /= mass[a]!;
    if (linLog) {
      const d = Math.sqrt(xd * xd + yd * yd);
      if (!(d > 0)) continue;
      f = (f * Math.log(1 + d)) / d;
    }
    dx[a]! += xd * f;
    dy[a]! += yd * f;
    dx[b]! -= xd * f;
    dy[b]! -= yd * f;
  }

  // 4. Move: adaptive speed per node from swinging and traction.
  const slowDown = settings.slowDown;
  for (let i = 0; i < n; i++) {
    const ddx = dx[i]!;
    const ddy = dy[i]!;
    const sx = oldDx[i]! - ddx;
    const sy = oldDy[i]! - ddy;
    const swinging = mass[i]! * Math.sqrt(sx * sx + sy * sy);
    const tx = oldDx[i]! + ddx;
    const ty = oldDy[i]! + ddy;
    const traction = Math.sqrt(tx * tx + ty * ty) / 2;
    const speed = (convergence[i]! * Math.log(1 + traction)) / (1 + Math.sqrt(swinging));
    convergence[i] = Math.min(1, Math.sqrt((speed * (ddx * ddx + ddy * ddy)) / (1 + Math.sqrt(swinging))));
    x[i]! += ddx * (speed / slowDown);
    y[i]! += ddy * (speed / slowDown);
  }
}

/** Spreads the low 16 bits of v to the even bits of a 32-bit number (for Morton keys). */
function spreadBits(v: number): number {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  x = (x | (x << 1)) & 0x55555555;
  return x;
}

/** Node indices along a Z-order (Morton 1966) curve of their positions on a 65,536² grid; ties by index. */
function getMortonOrder(positions: Float32Array, n: number): Int32Array {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = positions[2 * i] ?? 0;
    const y = positions[2 * i + 1] ?? 0;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const sx = x1 > x0 ? 65535 / (x1 - x0) : 0;
  const sy = y1 > y0 ? 65535 / (y1 - y0) : 0;
  const key = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const qx = Math.floor(((positions[2 * i] ?? 0) - x0) * sx);
    const qy = Math.floor(((positions[2 * i + 1] ?? 0) - y0) * sy);
    key[i] = (spreadBits(qx) | (spreadBits(qy) << 1)) >>> 0;
  }
  return Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => key[a]! - key[b]! || a - b);
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

  const st: ForceAtlas2State = {
    x: new Float64Array(n),
    y: new Float64Array(n),
    dx: new Float64Array(n),
    dy: new Float64Array(n),
    oldDx: new Float64Array(n),
    oldDy: new Float64Array(n),
    mass: new Float64Array(n).fill(1),
    convergence: new Float64Array(n).fill(1),
    source: new Int32Array(m),
    target: new Int32Array(m),
    strength: new Float64Array(m),
    tree: createQuadTree(Math.max(64, 8 * n)),
  };
  // Nodes are stored in Z order of their starting positions and edges by their first end's slot, so the
  // quadtree walk and the edge loop touch memory mostly in order (about 2× faster from 30k people up).
  const order = getMortonOrder(positions, n);
  const slot = new Int32Array(n);
  for (let r = 0; r < n; r++) slot[order[r]!] = r;
  for (let r = 0; r < n; r++) {
    // Positions go through Float32 as they arrive and leave; the arithmetic is in doubles.
    st.x[r] = positions[2 * order[r]!] ?? 0;
    st.y[r] = positions[2 * order[r]! + 1] ?? 0;
  }
  // Counting sort of the edges by the slot of their source.
  const start = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) start[slot[edges.source[e] ?? 0]! + 1]!++;
  for (let r = 0; r < n; r++) start[r + 1]! += start[r]!;
  for (let e = 0; e < m; e++) {
    const s = slot[edges.source[e] ?? 0]!;
    const t = slot[edges.target[e] ?? 0]!;
    const w = edges.weight[e] ?? 1;
    const k = start[s]!++;
    st.source[k] = s;
    st.target[k] = t;
    st.strength[k] = Math.pow(w, settings.edgeWeightInfluence);
    st.mass[s]! += w;
    st.mass[t]! += w;
  }

  let iteration = 0;
  let done = n < 2;
  let antiOverlap: AntiOverlapResult | undefined;
  const finish = () => {
    done = true;
    if (!antiOverlap && options.antiOverlap !== false) antiOverlap = separateOverlaps(st.x, st.y, options.antiOverlap);
  };
  const extent = () => {
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = st.x[i]!,
        y = st.y[i]!;
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
      const beforeX = st.x.slice();
      const beforeY = st.y.slice();
      const k = Math.min(iterations, maxIterations - iteration);
      for (let i = 0; i < k; i++) iterateForceAtlas2(settings, st);
      iteration += k;
      let moved = 0;
      for (let i = 0; i < n; i++) moved += Math.hypot(st.x[i]! - beforeX[i]!, st.y[i]! - beforeY[i]!);
      const meanMove = moved / n / Math.max(1, k);
      if (iteration >= maxIterations || meanMove < tolerance * extent()) finish();
      return done;
    },
    finish,
    get antiOverlap() {
      return antiOverlap;
    },
    positions() {
      const out = new Float32Array(2 * n);
      for (let r = 0; r < n; r++) {
        out[2 * order[r]!] = st.x[r]!;
        out[2 * order[r]! + 1] = st.y[r]!;
      }
      return out;
    },
    get iteration() {
      return iteration;
    },
    maxIterations,
  };
}
