import { describe, expect, it } from 'vitest';
import { skipParallelIndex, type EdgeGroupIndex } from '../../src/map/parallel-links';

function makeIndex(graph: { multi: boolean; type: string }) {
  const calls: string[] = [];
  const index: EdgeGroupIndex = {
    graph,
    rebuild: () => calls.push('rebuild over every link'),
    clear: () => calls.push('clear'),
  };
  return { index, calls };
}

describe('skipParallelIndex', () => {
  it('makes the rebuild a clear on a simple undirected graph, where no link has a parallel', () => {
    const { index, calls } = makeIndex({ multi: false, type: 'undirected' });
    skipParallelIndex(index);
    index.rebuild();
    expect(calls).toEqual(['clear']);
  });

  it('leaves sigma its pass where links may be parallel: multi graphs, and both directions of a directed pair', () => {
    for (const graph of [
      { multi: true, type: 'undirected' },
      { multi: false, type: 'directed' },
      { multi: false, type: 'mixed' },
    ]) {
      const { index, calls } = makeIndex(graph);
      skipParallelIndex(index);
      index.rebuild();
      expect(calls).toEqual(['rebuild over every link']);
    }
  });

  it('does nothing without an index', () => {
    expect(() => skipParallelIndex(undefined)).not.toThrow();
  });
});
