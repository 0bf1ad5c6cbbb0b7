/**
 * The first picture, before any force layout: clusters placed apart on a golden-angle spiral (largest
 * in the middle), each cluster a disc whose area is proportional to its size, its people on a sunflower
 * pattern (Vogel 1979) with the highest-scored at the centre. Unclustered people and owners form their
 * own discs. Deterministic, no iterations: O(n log n) for the sorts.
 */

export interface SeedLayoutOptions {
  /** Distance between neighbouring people inside a cluster disc. Default 1. */
  spacing?: number;
  /** Empty space between cluster discs, as a fraction of their radii. Default 0.35. */
  gap?: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * @param cluster per person, its cluster index (−1: none)
 * @param score per person, higher goes nearer its cluster's centre
 * @returns x, y per person (2 floats each)
 */
export function computeSeedLayout(
  cluster: ArrayLike<number>,
  score: ArrayLike<number>,
  options: SeedLayoutOptions = {},
): Float32Array {
  const spacing = options.spacing ?? 1;
  const gap = options.gap ?? 0.35;
  const n = cluster.length;
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = cluster[i] ?? -1;
    let g = groups.get(c);
    if (!g) groups.set(c, (g = []));
    g.push(i);
  }
  // Largest clusters first; ties by cluster index so the order is stable.
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const positions = new Float32Array(2 * n);
  const placed: { x: number; y: number; r: number }[] = [];
  for (const [, members] of ordered) {
    const r = spacing * Math.sqrt(members.length) * 0.62 + spacing;
    // Walk outward on a spiral until the disc fits without touching any placed disc.
    let cx = 0;
    let cy = 0;
    for (let step = 0; placed.length > 0; step++) {
      const rho = spacing * 2 * Math.sqrt(step + 1) * (1 + step / 400);
      cx = rho * Math.cos(step * GOLDEN_ANGLE);
      cy = rho * Math.sin(step * GOLDEN_ANGLE);
      if (placed.every((p) => Math.hypot(p.x - cx, p.y - cy) >= (p.r + r) * (1 + gap))) break;
    }
    placed.push({ x: cx, y: cy, r });
    members.sort((a, b) => (score[b] ?? 0) - (score[a] ?? 0) || a - b);
    members.forEach((person, k) => {
      const rho = spacing * 0.62 * Math.sqrt(k + 0.5);
      positions[2 * person] = cx + rho * Math.cos(k * GOLDEN_ANGLE);
      positions[2 * person + 1] = cy + rho * Math.sin(k * GOLDEN_ANGLE);
    });
  }
  return positions;
}
