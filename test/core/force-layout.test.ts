import { describe, expect, it } from 'vitest';
import { createForceLayout } from '../../src/core/layout/force-layout';
import { computeSeedLayout } from '../../src/core/layout/seed-layout';

// Two 6-cliques joined by one bridge edge (5–6), seeded as one mixed-up disc.
function twoCliques() {
  const source: number[] = [];
  const target: number[] = [];
  for (const base of [0, 6])
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++) {
        source.push(base + i);
        target.push(base + j);
      }
  source.push(5);
  target.push(6);
  const weight = source.map(() => 1);
  const positions = computeSeedLayout(
    new Array(12).fill(0),
    new Array(12).fill(0).map((_, i) => (i * 7) % 12),
  );
  return { positions, edges: { source, target, weight } };
}

const dist = (p: Float32Array, a: number, b: number) =>
  Math.hypot(p[2 * a]! - p[2 * b]!, p[2 * a + 1]! - p[2 * b + 1]!);

describe('createForceLayout', () => {
  it('pulls each clique together and the two apart', () => {
    const { positions, edges } = twoCliques();
    const layout = createForceLayout(positions, edges, { maxIterations: 300 });
    while (!layout.step(20));
    const p = layout.positions();
    let within = 0;
    let across = 0;
    for (let a = 0; a < 12; a++)
      for (let b = a + 1; b < 12; b++) {
        if (a < 6 === b < 6) within += dist(p, a, b) / 30;
        else across += dist(p, a, b) / 36;
      }
    expect(across).toBeGreaterThan(1.5 * within);
  });

  it('stops by itself before its budget once stable, and is deterministic', () => {
    const { positions, edges } = twoCliques();
    const a = createForceLayout(positions, edges, { maxIterations: 5000 });
    while (!a.step(25));
    expect(a.iteration).toBeLessThan(5000);
    const b = createForceLayout(positions, edges, { maxIterations: 5000 });
    while (!b.step(25));
    expect(b.positions()).toEqual(a.positions());
  });
});

describe('createForceLayout: the anti-overlap pass', () => {
  // Four people with the same single neighbour start on one spot: ForceAtlas2 keeps pushing them apart only
  // by repulsion, so a stop after one iteration leaves them close; the pass parts them.
  const pile = () => {
    const positions = new Float32Array([0, 0, 0, 0, 0, 0, 0, 0, 10, 10, -10, 5]);
    const edges = { source: [0, 1, 2, 3, 4], target: [4, 4, 4, 4, 5], weight: [1, 1, 1, 1, 1] };
    return { positions, edges };
  };
  const minDistance = (p: Float32Array) => {
    let best = Infinity;
    for (let a = 0; a < p.length / 2; a++)
      for (let b = a + 1; b < p.length / 2; b++) best = Math.min(best, dist(p, a, b));
    return best;
  };

  it('runs when the layout is stopped (finish), once, and leaves no one closer than its spacing', () => {
    const { positions, edges } = pile();
    const layout = createForceLayout(positions, edges, { maxIterations: 1000, antiOverlap: { spacing: 2 } });
    expect(layout.step(1)).toBe(false);
    expect(layout.antiOverlap).toBeUndefined();
    layout.finish();
    expect(layout.antiOverlap).toMatchObject({ spacing: 2, remaining: 0 });
    expect(layout.antiOverlap!.moved).toBeGreaterThan(0);
    expect(minDistance(layout.positions())).toBeGreaterThanOrEqual(2 * (1 - 1e-6));
    const first = layout.antiOverlap;
    layout.finish();
    expect(layout.antiOverlap).toBe(first);
    expect(layout.step(10)).toBe(true);
  });

  it('runs when the layout finishes by itself, and not at all when switched off', () => {
    const { positions, edges } = pile();
    const on = createForceLayout(positions, edges, { maxIterations: 3 });
    expect(on.step(3)).toBe(true);
    // The pass ran when the budget ended the layout (undefined until then), and left no pair closer than its spacing.
    expect(on.antiOverlap).toBeDefined();
    expect(on.antiOverlap!.remaining).toBe(0);
    const off = createForceLayout(positions, edges, { maxIterations: 3, antiOverlap: false });
    off.step(3);
    expect(off.antiOverlap).toBeUndefined();
  });
});
