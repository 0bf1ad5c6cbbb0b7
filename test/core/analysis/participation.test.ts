import { describe, expect, it } from 'vitest';
import { toCsrFromEdges } from '../../../src/core/analysis/csr';
import { computeParticipation } from '../../../src/core/analysis/participation';

describe('computeParticipation (Guimerà & Amaral 2005)', () => {
  // Centre 0 linked to 1, 2 (cluster 0) and 3, 4 (cluster 1); 5 isolated.
  const csr = toCsrFromEdges(
    ['c', 'a1', 'a2', 'b1', 'b2', 'z'],
    [
      [0, 1],
      [0, 2],
      [0, 3],
      [0, 4],
      [1, 2],
    ],
  );
  const membership = [0, 0, 0, 1, 1, 0];

  it('is 1 − Σ (k_is / k_i)²: ½ for links split evenly over two clusters, 0 inside one, 0 when isolated', () => {
    const p = computeParticipation(csr, membership);
    expect(p[0]).toBeCloseTo(0.5, 12);
    expect(p[1]).toBe(0);
    expect(p[3]).toBe(0);
    expect(p[5]).toBe(0);
  });

  it('weights links unless told not to', () => {
    const weighted = toCsrFromEdges(
      ['c', 'a', 'b'],
      [
        [0, 1, 3],
        [0, 2, 1],
      ],
    );
    expect(computeParticipation(weighted, [0, 0, 1])[0]).toBeCloseTo(1 - (0.75 ** 2 + 0.25 ** 2), 12);
    expect(computeParticipation(weighted, [0, 0, 1], { weighted: false })[0]).toBeCloseTo(0.5, 12);
  });

  it('ignores neighbours in no cluster (negative membership)', () => {
    expect(computeParticipation(csr, [0, 0, 0, -1, -1, 0])[0]).toBe(0);
  });
});
