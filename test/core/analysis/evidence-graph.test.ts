import { describe, expect, it } from 'vitest';
import {
  buildEvidenceGraph,
  buildEvidenceLinks,
  buildEvidenceLinksBeside,
} from '../../../src/core/analysis/evidence-graph';
import { computeSimilarPairIds, type SimilarPairIds } from '../../../src/core/analysis/similarity';
import { buildPeople } from '../../../src/core/people';
import { getEmptyDataset } from '../../../src/core/types';
import { connection, owner, twoGroupsDataset, urlOf } from './datasets';

describe('buildEvidenceGraph', () => {
  it('links owners to connections, people to whom edge tables say they know, with evidence', () => {
    const d = twoGroupsDataset();
    const index = buildPeople(d);
    const g = buildEvidenceGraph(index, d, { kinds: ['connection', 'knows'] });
    expect(g.order).toBe(11);
    // 10 spokes + 2 × C(5,2) knows + the bridge.
    expect(g.size).toBe(10 + 20 + 1);
    const spoke = g.getEdgeAttributes('owner:ana', urlOf('Aperson', 'a0'));
    expect(spoke.kinds).toEqual({ connection: 1 });
    expect(spoke.weight).toBe(1);
    const bridge = g.getEdgeAttributes(urlOf('Aperson', 'a0'), urlOf('Bperson', 'b0'));
    expect(bridge.kinds).toEqual({ knows: 1 });
    expect(bridge.evidence.knowsRecords).toBe(1);
    expect(g.getNodeAttributes(urlOf('Aperson', 'a1'))).toMatchObject({
      owners: ['owner:ana'],
      industry: 'Biotech',
      place: { city: 'Boston' },
      company: 'Bio1 Inc.',
    });
    expect(g.getNodeAttribute('owner:ana', 'ownerId')).toBe('owner:ana');
  });

  it('strengthens a connection with messages (count and recency), invitations and endorsements', () => {
    const d = getEmptyDataset();
    d.owners.push(owner('ana', 'Ana Ferreira'));
    d.connections.push(connection('ana', 'Rui', 'Costa'), connection('ana', 'Eva', 'Lima'));
    const rui = { url: 'https://www.linkedin.com/in/rui-costa' };
    for (let i = 0; i < 14; i++)
      d.interactions.push({
        owner: 'owner:ana',
        kind: 'message',
        direction: i % 2 ? 'in' : 'out',
        person: rui,
        date: '2026-03-01',
        ref: { file: 'ana/messages.csv', line: i + 2 },
      });
    d.interactions.push({
      owner: 'owner:ana',
      kind: 'endorsement',
      direction: 'in',
      person: rui,
      ref: { file: 'ana/Endorsement_Received_Info.csv', line: 2 },
    });
    d.interactions.push({
      owner: 'owner:ana',
      kind: 'message',
      direction: 'out',
      person: { url: 'linkedin.com/in/eva-lima' },
      date: '2024-03-01',
      ref: { file: 'ana/messages.csv', line: 40 },
    });
    const g = buildEvidenceGraph(buildPeople(d), d);
    const strong = g.getEdgeAttributes('owner:ana', 'linkedin.com/in/rui-costa');
    expect(strong.evidence).toMatchObject({ messages: 14, endorsements: 1, lastContact: '2026-03-01' });
    expect(strong.kinds.connection).toBeCloseTo(1 + Math.log1p(14) + 0.2, 9);
    const old = g.getEdgeAttributes('owner:ana', 'linkedin.com/in/eva-lima');
    // Two years before the newest interaction: recency 0.25, factor 0.5 + 0.5 · 0.25.
    expect(old.kinds.connection).toBeCloseTo(1 + Math.log1p(1) * 0.625, 2);
  });

  it('records co-members on their owner spokes, not as links between them', () => {
    const d = getEmptyDataset();
    d.owners.push(owner('ana', 'Ana Ferreira'), owner('bo', 'Bo Berg'), owner('cy', 'Cy Chen'));
    for (const o of ['ana', 'bo', 'cy']) d.connections.push(connection(o, 'Rui', 'Costa'));
    d.connections.push(connection('ana', 'Eva', 'Lima'));
    const g = buildEvidenceGraph(buildPeople(d), d);
    const rui = 'linkedin.com/in/rui-costa';
    expect(g.degree(rui)).toBe(3);
    expect(g.getEdgeAttributes('owner:bo', rui).kinds).toEqual({ connection: 1, 'co-member': 1 });
    expect(g.getEdgeAttributes('owner:bo', rui).evidence.sharedOwners).toBe(3);
    expect(g.getEdgeAttributes('owner:ana', 'linkedin.com/in/eva-lima').kinds).toEqual({ connection: 1 });
    const off = buildEvidenceGraph(buildPeople(d), d, { kinds: ['connection'] });
    expect(off.getEdgeAttributes('owner:bo', rui).kinds).toEqual({ connection: 1 });
  });

  it('links colleagues by normalised company and e-mail domain, sparsely in big companies, never for "Self-employed"', () => {
    const d = getEmptyDataset();
    d.owners.push(owner('ana', 'Ana Ferreira'));
    d.connections.push(
      connection('ana', 'Ann', 'One', { company: 'Acme, Inc.' }),
      connection('ana', 'Ben', 'Two', { company: 'ACME' }),
      connection('ana', 'Cat', 'Free', { company: 'Self-employed' }),
      connection('ana', 'Dan', 'Free', { company: 'Self Employed' }),
      connection('ana', 'Eve', 'Mail', { email: 'eve@globex.com' }),
      connection('ana', 'Fay', 'Mail', { email: 'fay@globex.com' }),
      connection('ana', 'Gus', 'Web', { email: 'gus@gmail.com' }),
      connection('ana', 'Hal', 'Web', { email: 'hal@gmail.com' }),
    );
    for (let i = 0; i < 100; i++) d.connections.push(connection('ana', 'Big', `Corp${i}`, { company: 'Initech GmbH' }));
    const g = buildEvidenceGraph(buildPeople(d), d, { kinds: ['colleague'] });
    expect(g.getEdgeAttributes(urlOf('Ann', 'One'), urlOf('Ben', 'Two'))).toMatchObject({
      kinds: { colleague: 0.4 },
      evidence: { company: 'Acme, Inc.' },
    });
    expect(g.hasEdge(urlOf('Cat', 'Free'), urlOf('Dan', 'Free'))).toBe(false);
    expect(g.getEdgeAttribute(urlOf('Eve', 'Mail'), urlOf('Fay', 'Mail'), 'evidence').emailDomain).toBe('globex.com');
    expect(g.hasEdge(urlOf('Gus', 'Web'), urlOf('Hal', 'Web'))).toBe(false);
    // 100 Initech people: a ring with chords 1, 2, 4, 8 → 4 · 100 links, 8 each, not C(100, 2) = 4,950.
    const big = g.filterNodes((n) => n.includes('big-corp'));
    let links = 0;
    for (const n of big) {
      expect(g.degree(n)).toBe(8);
      links += g.degree(n);
    }
    expect(links / 2).toBe(400);
  });

  it('keeps similar links sparse: at most k per person plus those chosen by others', () => {
    const d = similarDataset();
    const g = buildEvidenceGraph(buildPeople(d), d, { kinds: ['similar'], similarity: { k: 3 } });
    expect(g.size).toBeGreaterThan(0);
    expect(g.size).toBeLessThanOrEqual(60 * 3);
    g.forEachEdge((_e, a, s, t) => {
      expect(Number(s.split('-')[1]) % 2).toBe(Number(t.split('-')[1]) % 2);
      expect(a.kinds.similar).toBeGreaterThan(0);
      expect(a.evidence.terms?.length).toBeGreaterThan(0);
    });
  });

  it('is deterministic: the same input gives the same graph export', () => {
    const d = twoGroupsDataset();
    expect(buildEvidenceGraph(buildPeople(d), d).export()).toEqual(buildEvidenceGraph(buildPeople(d), d).export());
  });

  it('gives the same links with the similar pairs computed beside the others (as in another thread)', async () => {
    const d = similarDataset();
    for (let i = 0; i < 40; i++)
      d.edges.push({
        source: { url: `https://www.linkedin.com/in/p-${i}` },
        target: { url: `https://www.linkedin.com/in/p-${(i * 7) % 60}` },
        ref: { file: 'links.csv', line: i + 2 },
      });
    const index = buildPeople(d);
    const expected = buildEvidenceLinks(index, d);
    expect(expected.kindWeights.similar.some((w) => w > 0)).toBe(true);
    // `similar` is asked before the other links are collected and answered only when the test says so.
    let answer: (() => void) | undefined;
    let calls = 0;
    const built = buildEvidenceLinksBeside(index, d, {}, (input, options) => {
      calls++;
      // As a thread gets it: a copy.
      const copy = structuredClone(input);
      return new Promise<SimilarPairIds>((resolve) => (answer = () => resolve(computeSimilarPairIds(copy, options))));
    });
    let settled = false;
    void built.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toBe(1);
    expect(settled).toBe(false);
    answer!();
    expect(await built).toEqual(expected);
  });

  it('fails as the similar pairs do when they are computed beside the others', async () => {
    const d = similarDataset();
    const failure = new Error('the thread ran out of memory');
    await expect(buildEvidenceLinksBeside(buildPeople(d), d, {}, () => Promise.reject(failure))).rejects.toBe(failure);
  });
});

/** An owner and 60 people in two kinds (city, industry, position), for similar links. */
function similarDataset() {
  const d = getEmptyDataset();
  d.owners.push(owner('ana', 'Ana Ferreira'));
  for (let i = 0; i < 60; i++) {
    d.connections.push(connection('ana', 'P', `${i}`, { position: i % 2 ? 'Data Engineer' : 'Tax Accountant' }));
    d.attributes.push({
      person: { url: `https://www.linkedin.com/in/p-${i}` },
      attributes: { city: i % 2 ? 'Berlin' : 'Lisbon', industry: i % 2 ? 'Software' : 'Accounting' },
      source: 'enrichment',
      ref: { file: 'enrichment.csv', line: i + 2 },
    });
  }
  return d;
}
