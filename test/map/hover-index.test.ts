import { describe, expect, it } from 'vitest';
import { buildHoverIndex, findHoverHit } from '../../src/map/hover-index';

// A tiny layout (framed units): a at the origin, b to its right, c far away and large.
//   a (0, 0) size 1    b (3, 0) size 1    c (10, 10) size 2
const points = { keys: ['a', 'b', 'c'], x: [0, 3, 10], y: [0, 0, 10], size: [1, 1, 2] };

describe('findHoverHit', () => {
  const index = buildHoverIndex(points);

  it('finds the point whose disc holds the query', () => {
    expect(findHoverHit(index, 0.5, 0.5, { unitsPerSize: 1 })).toBe('a');
    expect(findHoverHit(index, 3, 0.9, { unitsPerSize: 1 })).toBe('b');
    expect(findHoverHit(index, 11.5, 10, { unitsPerSize: 1 })).toBe('c'); // radius 2
  });

  it('finds nothing outside every radius', () => {
    expect(findHoverHit(index, 1.5, 0, { unitsPerSize: 1 })).toBeUndefined();
    expect(findHoverHit(index, 0, 1.2, { unitsPerSize: 1 })).toBeUndefined();
    expect(findHoverHit(index, -50, 80, { unitsPerSize: 1 })).toBeUndefined();
  });

  it('takes the nearest centre when discs overlap', () => {
    // With radius 2 both a and b cover x = 1.4; a is nearer.
    expect(findHoverHit(index, 1.4, 0, { unitsPerSize: 2 })).toBe('a');
    expect(findHoverHit(index, 1.6, 0, { unitsPerSize: 2 })).toBe('b');
  });

  it('breaks a tie in distance by size, then by the order points were given', () => {
    const tie = buildHoverIndex({ keys: ['p', 'q', 'r'], x: [0, 2, 2], y: [0, 0, 0], size: [1, 2, 2] });
    // (1, 0) is 1 from p and from q and r: q and r are larger, q came first.
    expect(findHoverHit(tie, 1, 0, { unitsPerSize: 1 })).toBe('q');
  });

  it('follows the zoom: the same query hits or misses as radii scale', () => {
    // Zoomed out (sizes cover more units) the pointer 1.5 from a hits it; zoomed in it does not.
    expect(findHoverHit(index, 0, 1.5, { unitsPerSize: 2 })).toBe('a');
    expect(findHoverHit(index, 0, 1.5, { unitsPerSize: 0.5 })).toBeUndefined();
    // Padding widens every radius alike.
    expect(findHoverHit(index, 0, 1.5, { unitsPerSize: 1, padding: 0.6 })).toBe('a');
  });

  it('finds points whose disc reaches across several grid cells', () => {
    // Many small points make small cells; the big one at the corner is still found far from its centre.
    const n = 400;
    const keys = Array.from({ length: n }, (_, i) => `n${i}`);
    const x = keys.map((_, i) => (i % 20) * 1);
    const y = keys.map((_, i) => Math.floor(i / 20) * 1);
    const size = keys.map(() => 0.1);
    size[0] = 5; // n0 at (0, 0), radius 5
    const grid = buildHoverIndex({ keys, x, y, size });
    expect(grid.cols * grid.rows).toBeGreaterThan(50);
    expect(findHoverHit(grid, 3.5, 3.5, { unitsPerSize: 1 })).toBe('n0');
    expect(findHoverHit(grid, 10.02, 10, { unitsPerSize: 1 })).toBe('n210');
    expect(findHoverHit(grid, 10.5, 10.5, { unitsPerSize: 1 })).toBeUndefined();
  });

  it('answers on an empty or one-point layout', () => {
    expect(findHoverHit(buildHoverIndex({ keys: [], x: [], y: [], size: [] }), 0, 0, { unitsPerSize: 1 })).toBe(
      undefined,
    );
    const one = buildHoverIndex({ keys: ['only'], x: [5], y: [5], size: [1] });
    expect(findHoverHit(one, 5.5, 5, { unitsPerSize: 1 })).toBe('only');
    expect(findHoverHit(one, 7, 5, { unitsPerSize: 1 })).toBeUndefined();
  });

  it('matches a brute-force search on a seeded random layout', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const n = 2000;
    const keys = Array.from({ length: n }, (_, i) => String(i));
    const x = keys.map(() => rand() * 100);
    const y = keys.map(() => rand() * 60);
    const size = keys.map(() => 0.2 + rand());
    const grid = buildHoverIndex({ keys, x, y, size });
    for (let q = 0; q < 300; q++) {
      const [qx, qy, k] = [rand() * 110 - 5, rand() * 70 - 5, 0.5 + rand()];
      let best: string | undefined;
      let bestD = Infinity;
      for (let i = 0; i < n; i++) {
        const d = Math.hypot(x[i]! - qx, y[i]! - qy);
        if (d <= size[i]! * k && d < bestD) [best, bestD] = [keys[i], d];
      }
      expect(findHoverHit(grid, qx, qy, { unitsPerSize: k })).toBe(best);
    }
  });
});
