import { describe, expect, it } from 'vitest';
import { computeClusterCentres, getNonOverlappingLabels } from '../../src/map/cluster-labels';
import { buildDisplayGraph } from '../../src/map/display-graph';
import { makeView } from '../ui/view-fixture';

describe('computeClusterCentres', () => {
  it('puts each cluster at the mean of its members, largest first', () => {
    const graph = buildDisplayGraph(makeView());
    const c = computeClusterCentres(graph);
    expect(c.map((x) => x.cluster)).toEqual([0, 1]);
    expect(c[0]!.x).toBeCloseTo(1 / 3);
    expect(c[0]!.y).toBeCloseTo(1 / 3);
    expect(c[1]!.x).toBeCloseTo(31 / 3);
    expect(c[1]!.size).toBe(3);
  });

  it('ignores hidden people and drops clusters below the minimum size', () => {
    const graph = buildDisplayGraph(makeView());
    const c = computeClusterCentres(graph, { hidden: new Set(['0']), minSize: 2 });
    expect(c[0]).toMatchObject({ cluster: 1, size: 3 });
    expect(c[1]).toMatchObject({ cluster: 0, size: 2, x: 0.5, y: 0.5 });
    expect(computeClusterCentres(graph, { hidden: new Set(['0']) }).map((x) => x.cluster)).toEqual([1]);
  });
});

describe('getNonOverlappingLabels', () => {
  it('keeps earlier labels and skips later ones that overlap them', () => {
    const kept = getNonOverlappingLabels([
      { cluster: 0, x: 100, y: 100, width: 80, height: 16 },
      { cluster: 1, x: 130, y: 105, width: 80, height: 16 },
      { cluster: 2, x: 100, y: 130, width: 80, height: 16 },
      { cluster: 3, x: 250, y: 100, width: 80, height: 16 },
    ]);
    expect(kept.map((k) => k.cluster)).toEqual([0, 2, 3]);
  });
});
