import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { computeClusterNames } from '../../../src/core/analysis/cluster-names';
import type { ClusterResult } from '../../../src/core/analysis/clusters';
import type {
  EvidenceEdgeAttributes,
  EvidenceGraph,
  PersonNodeAttributes,
} from '../../../src/core/analysis/evidence-graph';

function people(spec: [string, Partial<PersonNodeAttributes>][]): EvidenceGraph {
  const g: EvidenceGraph = new UndirectedGraph<PersonNodeAttributes, EvidenceEdgeAttributes>();
  for (const [id, attrs] of spec) g.addNode(id, { name: id, owners: ['o1'], ...attrs });
  return g;
}

const place = (city: string, country = 'US') => ({ text: `${city}, ${country}`, city, country });

describe('computeClusterNames', () => {
  const g = people([
    ['a1', { industry: 'Accounting', place: place('San Diego') }],
    ['a2', { industry: 'Accounting', place: place('San Diego') }],
    ['a3', { industry: 'Accounting', place: place('La Jolla') }],
    ['b1', { industry: 'Biotech', place: { text: 'Boston', city: 'Boston', area: 'Greater Boston', country: 'US' } }],
    [
      'b2',
      { industry: 'Biotech', place: { text: 'Cambridge', city: 'Cambridge', area: 'Greater Boston', country: 'US' } },
    ],
    [
      'b3',
      { industry: 'Biotech', place: { text: 'Somerville', city: 'Somerville', area: 'Greater Boston', country: 'US' } },
    ],
    ['r1', { role: { family: 'Recruiting' }, place: place('Berlin', 'DE') }],
    ['r2', { role: { family: 'Recruiting' }, place: place('Paris', 'FR') }],
    ['r3', { role: { family: 'Recruiting' }, place: place('Lima', 'PE') }],
    ['z1', {}],
  ]);
  const clusters: ClusterResult = {
    membership: {},
    modularity: 0.5,
    communities: {},
    clusters: [
      { id: 'c1', members: ['a1', 'a2', 'a3'] },
      { id: 'c2', members: ['b1', 'b2', 'b3'] },
      { id: 'c3', members: ['r1', 'r2', 'r3'] },
      { id: 'unclustered', members: ['z1'] },
    ],
  };

  it('names clusters from their most distinctive industry or role and their place', () => {
    const names = computeClusterNames(g, clusters);
    expect(names.map((n) => n.label)).toEqual([
      'Accounting · San Diego',
      'Biotech · Greater Boston',
      'Recruiting · multiple cities',
      'Unclustered',
    ]);
    expect(names[0]?.terms[0]).toBe('Accounting');
    expect(names[0]?.ownerShare).toEqual({ o1: 1 });
    expect(names.map((n) => n.size)).toEqual([3, 3, 3, 1]);
  });

  it('makes labels unique', () => {
    const twice: ClusterResult = {
      ...clusters,
      clusters: [clusters.clusters[0]!, { id: 'c9', members: ['a1', 'a2'] }],
    };
    expect(computeClusterNames(g, twice).map((n) => n.label)).toEqual([
      'Accounting · San Diego',
      'Accounting · San Diego (2)',
    ]);
  });
});
