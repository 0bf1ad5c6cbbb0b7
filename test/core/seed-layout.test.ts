import { describe, expect, it } from 'vitest';
import { computeSeedLayout } from '../../src/core/layout/seed-layout';

function centre(pos: Float32Array, members: number[]): [number, number] {
  const x = members.reduce((s, i) => s + pos[2 * i]!, 0) / members.length;
  const y = members.reduce((s, i) => s + pos[2 * i + 1]!, 0) / members.length;
  return [x, y];
}

describe('computeSeedLayout', () => {
  const cluster = [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, -1, -1];
  const score = [0.9, 0.1, 0.2, 0.3, 0, 0, 1, 0, 0, 0, 0, 0];
  const pos = computeSeedLayout(cluster, score);

  it('gives every person finite coordinates and no two the same place', () => {
    const seen = new Set<string>();
    for (let i = 0; i < cluster.length; i++) {
      expect(Number.isFinite(pos[2 * i]) && Number.isFinite(pos[2 * i + 1])).toBe(true);
      seen.add(`${pos[2 * i]!.toFixed(4)},${pos[2 * i + 1]!.toFixed(4)}`);
    }
    expect(seen.size).toBe(cluster.length);
  });

  it('keeps clusters apart: each person is nearer its own cluster centre than any other', () => {
    const groups = [
      [0, 1, 2, 3],
      [4, 5, 6, 7, 8, 9],
      [10, 11],
    ];
    const centres = groups.map((g) => centre(pos, g));
    groups.forEach((g, gi) => {
      for (const i of g) {
        const d = centres.map(([x, y]) => Math.hypot(pos[2 * i]! - x, pos[2 * i + 1]! - y));
        expect(d.indexOf(Math.min(...d))).toBe(gi);
      }
    });
  });

  it('puts the highest score at the centre of its cluster, and is deterministic', () => {
    const [cx, cy] = centre(pos, [4, 5, 6, 7, 8, 9]);
    const dist = [4, 5, 6, 7, 8, 9].map((i) => Math.hypot(pos[2 * i]! - cx, pos[2 * i + 1]! - cy));
    expect(dist.indexOf(Math.min(...dist))).toBe(2); // person 6
    expect(computeSeedLayout(cluster, score)).toEqual(pos);
  });
});
