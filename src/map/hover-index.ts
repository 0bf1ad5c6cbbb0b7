/**
 * The map's own hit test: which person is under the pointer, from a uniform grid over the people's
 * positions, instead of sigma's picking. Sigma 4 answers a hover by reading back one pixel of a picking
 * frame that the GPU draws; without a GPU (SwiftShader in headless Chromium) that waits for a software
 * frame of the whole map, seconds at 30,000 people, and the hover it reports then re-draws the map again.
 *
 * Points live in a space that does not move with the camera (the graph's own coordinates), so the grid
 * is rebuilt only when positions or visibility change; each query converts the pointer into that space
 * (sigma's viewportToGraph) and scales the radii by the camera's zoom (`unitsPerSize`).
 *
 * A point is hit when the query is within its radius (`size × unitsPerSize + padding`); among several,
 * the nearest centre wins, then the larger point, then the one added first.
 *
 * Pure (no DOM); tested in test/map/hover-index.test.ts. Cost: build O(points), query O(points in the
 * cells the largest radius covers), a few cells at the usual zoom.
 */

export interface HoverPoints {
  /** Item keys, one per point. */
  keys: readonly string[];
  /** Centres, in any space that does not move with the camera. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Sizes; the hit radius is `size × unitsPerSize` (see findHoverHit). */
  size: ArrayLike<number>;
}

export interface HoverIndexOptions {
  /** Points per grid cell on average (the cell side follows from the points' bounding box). Default 2. */
  perCell?: number;
  /** Most cells along one side. Default 1024. */
  maxSide?: number;
}

export const HOVER_INDEX_DEFAULTS = { perCell: 2, maxSide: 1024 } as const;

export interface HoverIndex {
  keys: readonly string[];
  x: Float64Array;
  y: Float64Array;
  size: Float64Array;
  maxSize: number;
  minX: number;
  minY: number;
  cell: number;
  cols: number;
  rows: number;
  /** Points of cell c are order[start[c] .. start[c + 1]). */
  start: Int32Array;
  order: Int32Array;
}

/** Build the grid. O(points). */
export function buildHoverIndex(points: HoverPoints, options: HoverIndexOptions = {}): HoverIndex {
  const perCell = options.perCell ?? HOVER_INDEX_DEFAULTS.perCell;
  const maxSide = options.maxSide ?? HOVER_INDEX_DEFAULTS.maxSide;
  const n = points.keys.length;
  // A position that is not a finite number (none expected) counts as 0, so every point lands in a real cell.
  const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : 0);
  const x = Float64Array.from({ length: n }, (_, i) => finite(points.x[i]));
  const y = Float64Array.from({ length: n }, (_, i) => finite(points.y[i]));
  const size = Float64Array.from({ length: n }, (_, i) => Math.max(0, points.size[i] ?? 0));
  let [minX, minY, maxX, maxY, maxSize] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
    maxSize = Math.max(maxSize, size[i]!);
  }
  if (!n) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const w = Math.max(maxX - minX, 1e-12);
  const h = Math.max(maxY - minY, 1e-12);
  let cell = Math.sqrt((w * h * perCell) / Math.max(1, n)) || Math.max(w, h);
  cell = Math.max(cell, w / maxSide, h / maxSide);
  const cols = Math.max(1, Math.min(maxSide, Math.floor(w / cell) + 1));
  const rows = Math.max(1, Math.min(maxSide, Math.floor(h / cell) + 1));
  const cellOf = new Int32Array(n);
  const start = new Int32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) {
    const cx = Math.min(cols - 1, Math.floor((x[i]! - minX) / cell));
    const cy = Math.min(rows - 1, Math.floor((y[i]! - minY) / cell));
    cellOf[i] = cy * cols + cx;
    start[cellOf[i]! + 1]!++;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, cols * rows);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[cellOf[i]!]!++] = i;
  return { keys: points.keys, x, y, size, maxSize, minX, minY, cell, cols, rows, start, order };
}

export interface HoverQuery {
  /** Radius units per size unit at the current zoom (a point's radius is `size × unitsPerSize`). */
  unitsPerSize: number;
  /** Added to every radius, in the points' units (a little slack around small dots). Default 0. */
  padding?: number;
}

/** The key of the point hit at (x, y), or undefined. */
export function findHoverHit(index: HoverIndex, x: number, y: number, query: HoverQuery): string | undefined {
  const pad = query.padding ?? 0;
  const reach = index.maxSize * query.unitsPerSize + pad;
  if (!(reach >= 0) || !index.order.length) return undefined;
  const { cell, cols, rows, minX, minY } = index;
  const c0 = Math.max(0, Math.floor((x - reach - minX) / cell));
  const c1 = Math.min(cols - 1, Math.floor((x + reach - minX) / cell));
  const r0 = Math.max(0, Math.floor((y - reach - minY) / cell));
  const r1 = Math.min(rows - 1, Math.floor((y + reach - minY) / cell));
  let best = -1;
  let bestD = Infinity;
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) {
      const cellIndex = r * cols + c;
      for (let k = index.start[cellIndex]!; k < index.start[cellIndex + 1]!; k++) {
        const i = index.order[k]!;
        const d = Math.hypot(index.x[i]! - x, index.y[i]! - y);
        if (d > index.size[i]! * query.unitsPerSize + pad) continue;
        const better =
          d < bestD ||
          (d === bestD && (index.size[i]! > index.size[best]! || (index.size[i] === index.size[best] && i < best)));
        if (better) {
          best = i;
          bestD = d;
        }
      }
    }
  return best < 0 ? undefined : index.keys[best];
}
