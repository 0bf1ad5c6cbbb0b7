import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPairIndex } from '../../../src/core/analysis/pair-index';

describe('createPairIndex', () => {
  it('numbers pairs in order of first insertion, either way round', () => {
    const index = createPairIndex(2);
    expect(index.slotOf(3, 7)).toBe(0);
    expect(index.slotOf(7, 3)).toBe(0);
    expect(index.slotOf(0, 1)).toBe(1);
    expect(index.slotOf(3, 8)).toBe(2);
    expect(index.slotOf(1, 0)).toBe(1);
    expect(index.size).toBe(3);
  });

  it('agrees with a Map through growth, on large and colliding ids (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 300_000 })), {
          maxLength: 600,
        }),
        (pairs) => {
          const index = createPairIndex(1);
          const map = new Map<string, number>();
          for (const [i, j] of pairs) {
            if (i === j) continue;
            const key = `${Math.min(i, j)},${Math.max(i, j)}`;
            if (!map.has(key)) map.set(key, map.size);
            expect(index.slotOf(i, j)).toBe(map.get(key));
          }
          expect(index.size).toBe(map.size);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('keeps 200,000 pairs of a 250,000-person range apart', () => {
    const index = createPairIndex();
    let wrong = 0;
    for (let k = 0; k < 200_000; k++) if (index.slotOf(k, 249_999 - (k % 1000)) !== k) wrong++;
    for (let k = 0; k < 200_000; k += 7) if (index.slotOf(249_999 - (k % 1000), k) !== k) wrong++;
    expect(wrong).toBe(0);
    expect(index.size).toBe(200_000);
  });
});
