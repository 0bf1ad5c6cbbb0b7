import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { getFocus, isFocusActive } from '../../src/map/look-change';

// A star around 'a' (a–b, a–c) plus a separate link d–e: known answers by hand.
function makeGraph(): Graph {
  const g = new Graph({ type: 'undirected' });
  for (const k of ['a', 'b', 'c', 'd', 'e']) g.addNode(k);
  g.addEdgeWithKey('ab', 'a', 'b');
  g.addEdgeWithKey('ac', 'a', 'c');
  g.addEdgeWithKey('de', 'd', 'e');
  return g;
}

describe('map focus', () => {
  it('is empty (no veil) when nothing is hovered, selected or highlighted', () => {
    const f = getFocus(makeGraph(), {});
    expect([...f.nodes]).toEqual([]);
    expect([...f.edges]).toEqual([]);
    expect(f.center).toBeUndefined();
    expect(isFocusActive(f)).toBe(false);
  });

  it('lifts the hovered person, their neighbours and their links only', () => {
    const f = getFocus(makeGraph(), { hovered: 'a' });
    expect(f.center).toBe('a');
    expect([...f.nodes].sort()).toEqual(['a', 'b', 'c']);
    expect([...f.edges].sort()).toEqual(['ab', 'ac']);
    expect(isFocusActive(f)).toBe(true);
  });

  it('centres on the hovered person before the selected one, and adds highlighted people', () => {
    const f = getFocus(makeGraph(), { hovered: 'd', selected: 'a', highlighted: new Set(['b', 'zz']) });
    expect(f.center).toBe('d');
    expect([...f.nodes].sort()).toEqual(['b', 'd', 'e']);
    expect([...f.edges]).toEqual(['de']);
  });

  it('ignores a centre that is not on the map', () => {
    const f = getFocus(makeGraph(), { selected: 'nobody' });
    expect(f.center).toBeUndefined();
    expect(isFocusActive(f)).toBe(false);
  });
});
