import { describe, expect, it } from 'vitest';
import { separateOverlaps } from '../../../src/core/layout/anti-overlap';
import { createRng } from '../../../src/core/rng';

/** The smallest distance between two of the points (brute force). */
function minDistance(x: Float64Array, y: Float64Array): number {
  let best = Infinity;
  for (let i = 0; i < x.length; i++)
    for (let j = i + 1; j < x.length; j++) best = Math.min(best, Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!));
  return best;
}

describe('separateOverlaps', () => {
  it('parts two people at one spot to the spacing (and a hair more), symmetrically', () => {
    const x = Float64Array.from([0, 0, 10]);
    const y = Float64Array.from([0, 0, 10]);
    const r = separateOverlaps(x, y, { spacing: 1 });
    expect(Math.hypot(x[0]! - x[1]!, y[0]! - y[1]!)).toBeCloseTo(1.05, 12);
    expect((x[0]! + x[1]!) / 2).toBeCloseTo(0, 12);
    expect((y[0]! + y[1]!) / 2).toBeCloseTo(0, 12);
    expect([x[2], y[2]]).toEqual([10, 10]);
    expect(r).toEqual({ spacing: 1, iterations: 1, moved: 2, remaining: 0 });
  });

  it('moves a close pair apart along the line between them, each by half the shortfall', () => {
    const x = Float64Array.from([0, 0.4]);
    const y = Float64Array.from([0, 0]);
    separateOverlaps(x, y, { spacing: 1 });
    expect(x[0]).toBeCloseTo(-0.325, 12);
    expect(x[1]).toBeCloseTo(0.725, 12);
    expect([...y]).toEqual([0, 0]);
  });

  it('leaves people already the spacing apart where they are', () => {
    const x = Float64Array.from([0, 1, 2, 0, 1, 2]);
    const y = Float64Array.from([0, 0, 0, 1, 1, 1]);
    const r = separateOverlaps(x, y, { spacing: 1 });
    expect(r).toMatchObject({ iterations: 0, moved: 0, remaining: 0 });
    expect([...x]).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('spreads a pile of people on one spot until none is closer than the spacing, the same way every time', () => {
    const pile = () => ({ x: new Float64Array(12).fill(5), y: new Float64Array(12).fill(5) });
    const a = pile();
    const b = pile();
    const r = separateOverlaps(a.x, a.y, { spacing: 1, maxIterations: 200 });
    separateOverlaps(b.x, b.y, { spacing: 1, maxIterations: 200 });
    expect(r.remaining).toBe(0);
    expect(minDistance(a.x, a.y)).toBeGreaterThanOrEqual(1 - 1e-9);
    expect([...a.x]).toEqual([...b.x]);
    expect([...a.y]).toEqual([...b.y]);
  });

  it('finds close pairs across cell borders: random clusters end with no pair closer than the spacing', () => {
    const rng = createRng(7);
    const n = 600;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const c = i % 6;
      x[i] = (c % 3) * 40 + rng() * 6;
      y[i] = Math.floor(c / 3) * 40 + rng() * 6;
    }
    const before = minDistance(x, y);
    const r = separateOverlaps(x, y, { maxIterations: 100 });
    expect(before).toBeLessThan(r.spacing);
    expect(r.remaining).toBe(0);
    expect(minDistance(x, y)).toBeGreaterThanOrEqual(r.spacing * (1 - 1e-9));
    // The default spacing: 0.2 × extent / √n, measured on the layout before the pass.
    expect(r.spacing).toBeGreaterThan((0.2 * 80) / Math.sqrt(n));
    expect(r.spacing).toBeLessThan((0.2 * 90) / Math.sqrt(n));
  });

  it('does nothing with fewer than two people', () => {
    expect(separateOverlaps(new Float64Array(0), new Float64Array(0)).moved).toBe(0);
    expect(separateOverlaps(Float64Array.from([1]), Float64Array.from([1])).moved).toBe(0);
  });
});
