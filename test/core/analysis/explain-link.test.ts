import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type {
  EvidenceEdgeAttributes,
  EvidenceGraph,
  PersonNodeAttributes,
} from '../../../src/core/analysis/evidence-graph';
import { getLinkExplanations } from '../../../src/core/analysis/explain-link';

function graph(): EvidenceGraph {
  const g: EvidenceGraph = new UndirectedGraph<PersonNodeAttributes, EvidenceEdgeAttributes>();
  g.addNode('owner:me', { name: 'Me Owner', owners: [], ownerId: 'owner:me' });
  g.addNode('a', { name: 'Ana Ferreira', owners: ['owner:me'] });
  g.addNode('b', { name: 'Ben Okafor', owners: ['owner:me'] });
  g.addEdge('owner:me', 'a', {
    kinds: { connection: 2.5 },
    weight: 2.5,
    evidence: { messages: 12, lastContact: '2024-11-02', endorsements: 1 },
  });
  g.addEdge('a', 'b', {
    kinds: { colleague: 0.4, similar: 0.24 },
    weight: 0.64,
    evidence: { company: 'Harborline Tax Partners', similarity: 0.8, terms: ['accounting', 'san diego'] },
  });
  return g;
}

describe('getLinkExplanations', () => {
  it('lists every link strongest first, with its evidence in words', () => {
    const links = getLinkExplanations(graph(), 'a');
    expect(links.map((l) => l.id)).toEqual(['owner:me', 'b']);
    expect(links[0]!.evidence).toEqual([
      'a LinkedIn connection (Connections.csv)',
      '12 messages, the last on 2024-11-02',
      '1 endorsement',
    ]);
    expect(links[1]!.kinds).toEqual(['colleague', 'similar']);
    expect(links[1]!.evidence).toEqual([
      'colleagues: both at Harborline Tax Partners (inferred from Company)',
      'similar profiles: accounting, san diego (cosine 0.80, inferred)',
    ]);
  });

  it('gives nothing for an unknown person and honours the limit', () => {
    expect(getLinkExplanations(graph(), 'nobody')).toEqual([]);
    expect(getLinkExplanations(graph(), 'a', { limit: 1 })).toHaveLength(1);
  });
});
