import { describe, expect, it } from 'vitest';
import { computeSpearman, computeTopOverlap, getMedian, getTopK, toMarkdownTable, toRanks } from './stats';

describe('bench stats', () => {
  it('takes the median of odd and even counts', () => {
    expect(getMedian([3, 1, 2])).toBe(2);
    expect(getMedian([4, 1, 3, 2])).toBe(2.5);
    expect(getMedian([])).toBeNaN();
  });

  it('gives tied values their average rank', () => {
    expect([...toRanks([10, 20, 20, 5])]).toEqual([2, 3.5, 3.5, 1]);
  });

  it('computes Spearman ρ: 1 for the same order, −1 for the reverse', () => {
    expect(computeSpearman([1, 2, 3, 4], [10, 20, 30, 400])).toBeCloseTo(1);
    expect(computeSpearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    // Hand-computed: ranks (1,2,3) vs (1,3,2) give d² = 0+1+1, ρ = 1 − 6·2/(3·8) = 0.5.
    expect(computeSpearman([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5);
  });

  it('measures top-k overlap', () => {
    expect(getTopK([5, 9, 1, 9], 2)).toEqual([1, 3]);
    expect(computeTopOverlap([5, 9, 1, 9], [9, 8, 0, 0], 2)).toBe(0.5);
    expect(computeTopOverlap([1, 2, 3], [1, 2, 3], 2)).toBe(1);
  });
});

describe('toMarkdownTable', () => {
  it('pads columns to their widest cell, the first left-aligned, the rest right-aligned', () => {
    expect(
      toMarkdownTable(
        ['stage', 'ms'],
        [
          ['parse', '12'],
          ['links', '7630'],
        ],
      ),
    ).toBe(['| stage |   ms |', '|:------|-----:|', '| parse |   12 |', '| links | 7630 |'].join('\n'));
  });
});
