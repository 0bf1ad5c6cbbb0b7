import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildDrawnGraph, pickDrawnPeople } from '../../src/map/detail-layer';
import type { DisplayEdge, DisplayGraph, DisplayNode } from '../../src/map/display-graph';

/** People on a line at x = i (y = 0), sizes given; optional owners and strengths (default 0). */
function line(sizes: number[], owners: number[] = [], strengths: number[] = []): DisplayGraph {
  const g: DisplayGraph = new Graph<DisplayNode, DisplayEdge>({ type: 'undirected' });
  sizes.forEach((size, i) =>
    g.addNode(String(i), {
      x: i,
      y: 0,
      size,
      color: '#000',
      label: `P${i}`,
      cluster: 0,
      index: i,
      owner: owners.includes(i),
      strength: strengths[i] ?? 0,
    }),
  );
  return g;
}

describe('pickDrawnPeople', () => {
  it('draws everyone (undefined) when the map has at most the cap', () => {
    expect(pickDrawnPeople(line([1, 2, 3]), 3)).toBeUndefined();
  });

  it('keeps the layout’s edge people, then the largest, ties by key, exactly the cap', () => {
    // Ends of the line (0 and 5; y is 0 for all, so the lowest and highest y are the first met: 0).
    const kept = pickDrawnPeople(line([1, 9, 3, 9, 8, 1]), 4)!;
    expect([...kept].sort()).toEqual(['0', '1', '3', '5']);
  });

  it('takes the strongest among people of one size (before the scores come, every size is alike)', () => {
    const kept = pickDrawnPeople(line([1, 1, 1, 1, 1, 1], [], [0, 1, 7, 3, 9, 0]), 4)!;
    expect([...kept].sort()).toEqual(['0', '2', '4', '5']);
  });

  it('always keeps the owners, even small ones', () => {
    const kept = pickDrawnPeople(line([5, 5, 1, 5, 5, 5, 5], [2]), 4)!;
    expect(kept.has('2')).toBe(true);
    expect(kept.size).toBe(4);
  });

  it('keeps the whole layout’s extent: the drawn people span the same box as everyone', () => {
    const g = line([1, 1, 1, 1, 1, 1, 1, 1]);
    g.setNodeAttribute('3', 'y', -5);
    g.setNodeAttribute('6', 'y', 7);
    const kept = pickDrawnPeople(g, 4)!;
    expect([...kept].sort()).toEqual(['0', '3', '6', '7']);
  });
});

describe('buildDrawnGraph', () => {
  it('has the kept people and only the links between them, with copied attributes', () => {
    const g = line([1, 2, 3, 4]);
    g.addEdgeWithKey('a', '0', '1', { size: 1, color: '#ccc', kinds: 1, weight: 2 });
    g.addEdgeWithKey('b', '1', '2', { size: 1, color: '#ccc', kinds: 1, weight: 2 });
    g.addEdgeWithKey('c', '2', '3', { size: 1, color: '#ccc', kinds: 1, weight: 2 });
    const drawn = buildDrawnGraph(g, new Set(['0', '1', '3']));
    expect(drawn.nodes().sort()).toEqual(['0', '1', '3']);
    expect(drawn.edges()).toEqual(['a']);
    expect(drawn.getEdgeAttributes('a')).toEqual(g.getEdgeAttributes('a'));
    // A copy: moving someone on the whole graph does not move WebGL's copy until it is synced.
    g.setNodeAttribute('0', 'x', 42);
    expect(drawn.getNodeAttribute('0', 'x')).toBe(0);
  });
});
