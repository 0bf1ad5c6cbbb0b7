/**
 * Seeded pseudo-random numbers (mulberry32, Tommy Ettinger 2017): every random choice in Netwell
 * takes an `rng: () => number` in [0, 1), so the same input and seed give the same output. O(1) per draw.
 */

/** A deterministic generator for `seed` (any integer). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
