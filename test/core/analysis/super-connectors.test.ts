import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type {
  EvidenceEdgeAttributes,
  EvidenceGraph,
  PersonNodeAttributes,
} from '../../../src/core/analysis/evidence-graph';
import { computeSuperConnectors } from '../../../src/core/analysis/super-connectors';

/** Two owners; x links clusters A and B and is known by both owners; y is a recruiter inside A. */
function graph(): EvidenceGraph {
  const g: EvidenceGraph = new UndirectedGraph<PersonNodeAttributes, EvidenceEdgeAttributes>();
  g.addNode('o1', { name: 'Owner One', owners: [], ownerId: 'o1' });
  g.addNode('o2', { name: 'Owner Two', owners: [], ownerId: 'o2' });
  g.addNode('x', { name: 'Xavier', owners: ['o1', 'o2'], position: 'Product Manager' });
  g.addNode('y', { name: 'Yara', owners: ['o1'], position: 'Technical Recruiter' });
  for (const n of ['a1', 'a2', 'b1', 'b2']) g.addNode(n, { name: n, owners: ['o1'] });
  const link = (s: string, t: string, kinds: EvidenceEdgeAttributes['kinds'], evidence = {}) =>
    g.addEdge(s, t, { kinds, weight: Object.values(kinds).reduce((a, b) => a + (b ?? 0), 0), evidence });
  link('o1', 'x', { connection: 1 + Math.log1p(14) }, { messages: 14 });
  link('o2', 'x', { connection: 1, 'co-member': 0.5 });
  link('x', 'a1', { knows: 1 });
  link('x', 'b1', { knows: 1 });
  link('y', 'a1', { knows: 1 });
  link('y', 'a2', { similar: 0.2 });
  return g;
}

describe('computeSuperConnectors', () => {
  const input = {
    graph: graph(),
    membership: { x: 'c1', y: 'c1', a1: 'c1', a2: 'c1', b1: 'c2', b2: 'c2' },
    clusterLabels: { c1: 'Biotech · Boston', c2: 'Software · Berlin' },
    betweenness: { x: 6, a1: 4, y: 0 },
    participation: { x: 0.5, y: 0 },
  };

  it('ranks the bridge known by the whole team first, with its reasons', () => {
    const ranked = computeSuperConnectors(input);
    expect(ranked[0]?.id).toBe('x');
    expect(ranked[0]?.why).toEqual([
      'links 2 clusters: Biotech · Boston, Software · Berlin',
      'bridge rank 1 of 6 (betweenness)',
      'known by 2 of your team',
      'messaged 14 times',
    ]);
    // 0.5 · √1 + 0.3 · (0.5 · 0.5 + 0.5 · 1/3) + 0.15 · 1 + 0.
    expect(ranked[0]?.score).toBeCloseTo(0.5 + 0.3 * (0.25 + 0.5 / 3) + 0.15, 4);
    expect(ranked.map((r) => r.id)).not.toContain('o1');
  });

  it('reports a trade hint without letting it carry the score', () => {
    const y = computeSuperConnectors(input).find((r) => r.id === 'y');
    expect(y?.hints).toEqual(['recruiter']);
    expect(y?.why).toContain('trade hint: recruiter ("Technical Recruiter")');
    expect(y?.score).toBeCloseTo(0.05, 4);
    // The weak `similar` link to a2 is not a strong link: y links only its own cluster.
    expect(y?.clusters).toEqual(['c1']);
  });

  it('takes its weights as options', () => {
    const ranked = computeSuperConnectors(input, { weights: { bridging: 0, reach: 0, team: 0, hint: 1 } });
    expect(ranked[0]?.id).toBe('y');
  });
});
