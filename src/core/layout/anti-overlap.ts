/**
 * The anti-overlap pass after the layout stops: people whose centres lie closer than a minimum spacing are
 * pushed apart, pairwise and symmetrically, until none are (or an iteration budget is spent). The idea of
 * Gephi's Noverlap and graphology-layout-noverlap (move overlapping nodes apart until no discs overlap),
 * with two differences:
 * - The spacing is one distance for everyone, in layout units, not the discs' sizes: the map sizes people in
 *   screen pixels by a measure the user can change (score, degree, tie strength) without a new layout, so no
 *   size in layout units exists to separate. The default spacing, `share` × extent / √n (the mean spacing
 *   people would have if spread evenly over the layout's square), is what keeps people that ForceAtlas2
 *   stacked on one spot (same neighbours, same pulls) apart: zoomed in, each can be seen, hovered and clicked.
 * - A uniform grid of cells at least one spacing wide over typed arrays: each pair closer than the spacing
 *   is found in its own or a neighbouring cell and parted at once (Gauss-Seidel sweeps, cell by cell in a
 *   fixed order: a crowd settles in far fewer sweeps than when every move waits for the sweep's end). People
 *   at the very same spot part in a direction set by their indices, so the pass is deterministic.
 *
 * Cost per iteration: O(n + cells + candidate pairs), cells ≈ n / share² (at most 16 million); usually a few
 * iterations.
 */

export interface AntiOverlapOptions {
  /** Minimum distance between two people's centres, in layout units. Default `share` × extent / √n. */
  spacing?: number;
  /** Share of the even-spread spacing (extent / √n) used when `spacing` is not given. Default 0.2. */
  share?: number;
  /** Most iterations. Default 30. */
  maxIterations?: number;
}

export const ANTI_OVERLAP_DEFAULTS = { share: 0.2, maxIterations: 30 } as const;

export interface AntiOverlapResult {
  /** The spacing used, in layout units. */
  spacing: number;
  iterations: number;
  /** People moved at least once. */
  moved: number;
  /** Pairs closer than the spacing at the start of the last iteration (0 when the pass converged). */
  remaining: number;
}

/**
 * A close pair is parted a hair wider than the spacing, so that a crowd, where parting one pair brings others
 * closer, settles in a few sweeps instead of creeping towards the spacing.
 */
const PUSH = 1.05;

/** Golden angle: successive index pairs at the same spot part in well-spread directions. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Pushes apart, in place, the people (x[i], y[i]) closer than the spacing. Pure apart from writing `x` and `y`.
 */
export function separateOverlaps(
  x: Float64Array,
  y: Float64Array,
  options: AntiOverlapOptions = {},
): AntiOverlapResult {
  const n = Math.min(x.length, y.length);
  const maxIterations = options.maxIterations ?? ANTI_OVERLAP_DEFAULTS.maxIterations;
  const bounds = () => {
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (let i = 0; i < n; i++) {
      const a = x[i]!,
        b = y[i]!;
      if (a < x0) x0 = a;
      if (a > x1) x1 = a;
      if (b < y0) y0 = b;
      if (b > y1) y1 = b;
    }
    return { x0, y0, extent: Math.max(x1 - x0, y1 - y0) };
  };
  const first = bounds();
  const spacing =
    options.spacing ??
    ((options.share ?? ANTI_OVERLAP_DEFAULTS.share) * (first.extent > 0 ? first.extent : 1)) /
      Math.sqrt(Math.max(1, n));
  const result: AntiOverlapResult = { spacing, iterations: 0, moved: 0, remaining: 0 };
  if (n < 2 || !(spacing > 0) || !Number.isFinite(first.extent)) return result;

  const everMoved = new Uint8Array(n);
  const cellOf = new Int32Array(n);
  const sorted = new Int32Array(n);
  const spacing2 = spacing * spacing;
  let start = new Int32Array(0);
  let fill = new Int32Array(0);

  for (let it = 0; it < maxIterations; it++) {
    const { x0, y0, extent } = bounds();
    // Cells at least one spacing wide (so a close pair is in the same or a neighbouring cell), and at most
    // 4,000 a side: wider cells only add candidate pairs, never lose one.
    const cell = Math.max(spacing, extent / 4000);
    const side = Math.floor(extent / cell) + 1;
    const cells = side * side;
    if (start.length < cells + 1) start = new Int32Array(cells + 1);
    else start.fill(0, 0, cells + 1);
    for (let i = 0; i < n; i++) {
      const cx = Math.min(side - 1, Math.floor((x[i]! - x0) / cell));
      const cy = Math.min(side - 1, Math.floor((y[i]! - y0) / cell));
      cellOf[i] = cy * side + cx;
      start[cellOf[i]! + 1]!++;
    }
    for (let c = 0; c < cells; c++) start[c + 1]! += start[c]!;
    if (fill.length < cells) fill = new Int32Array(start.length);
    fill.set(start.subarray(0, cells));
    for (let i = 0; i < n; i++) sorted[fill[cellOf[i]!]!++] = i;

    let close = 0;
    const visit = (i: number, c: number, after: number) => {
      for (let k = Math.max(start[c]!, after); k < start[c + 1]!; k++) {
        const j = sorted[k]!;
        let dx = x[j]! - x[i]!;
        let dy = y[j]! - y[i]!;
        const d2 = dx * dx + dy * dy;
        if (d2 >= spacing2) continue;
        close++;
        let d = Math.sqrt(d2);
        if (d === 0) {
          const angle = GOLDEN_ANGLE * (Math.min(i, j) * 31 + Math.max(i, j));
          dx = Math.cos(angle);
          dy = Math.sin(angle);
          d = 1;
          if (j < i) [dx, dy] = [-dx, -dy];
        }
        const half = (spacing * PUSH - Math.sqrt(d2)) / 2 / d;
        x[i]! -= dx * half;
        y[i]! -= dy * half;
        x[j]! += dx * half;
        y[j]! += dy * half;
        everMoved[i] = everMoved[j] = 1;
      }
    };
    for (let k = 0; k < n; k++) {
      const i = sorted[k]!;
      const c = cellOf[i]!;
      const cx = c % side;
      const cy = (c - cx) / side;
      // Each pair once: later people in the same cell, then the cells right, below-left, below, below-right.
      visit(i, c, k + 1);
      if (cx + 1 < side) visit(i, c + 1, 0);
      if (cy + 1 < side) {
        const below = c + side;
        if (cx > 0) visit(i, below - 1, 0);
        visit(i, below, 0);
        if (cx + 1 < side) visit(i, below + 1, 0);
      }
    }
    result.remaining = close;
    if (!close) break;
    result.iterations = it + 1;
  }
  for (let i = 0; i < n; i++) result.moved += everMoved[i]!;
  return result;
}
