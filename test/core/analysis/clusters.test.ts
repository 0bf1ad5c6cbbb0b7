import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { computeClusters, UNCLUSTERED } from '../../../src/core/analysis/clusters';
import { nmi, readEmailEuCore, readGml, toGraph, twoCliques } from './networks';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('computeClusters on tiny graphs', () => {
  it('finds the two cliques joined by a bridge', () => {
    const r = computeClusters(toGraph(twoCliques(5)));
    expect(r.clusters.map((c) => c.members.length)).toEqual([5, 5]);
    const a = r.membership['a1'];
    for (let i = 0; i < 5; i++) {
      expect(r.membership[`a${i}`]).toBe(a);
      expect(r.membership[`b${i}`]).not.toBe(a);
    }
    expect(r.modularity).toBeGreaterThan(0.4);
  });

  it('leaves owners out and pools isolated people as unclustered', () => {
    const g = toGraph(twoCliques(4));
    g.addNode('me', { ownerId: 'owner:me' });
    for (const n of g.nodes()) if (n !== 'me') g.addEdge('me', n, { weight: 1 });
    g.addNode('loner');
    const r = computeClusters(g);
    expect(r.membership['me']).toBeUndefined();
    expect(r.membership['loner']).toBe(UNCLUSTERED);
    expect(r.clusters.map((c) => c.id)).toEqual(['c1', 'c2', UNCLUSTERED]);
    expect(r.membership['a1']).not.toBe(r.membership['b1']);
  });

  it('is the same for the same seed, and resolution changes the granularity', () => {
    const g = toGraph(readGml('football.gml', 'label', 'value'));
    expect(computeClusters(g, { seed: 3 })).toEqual(computeClusters(g, { seed: 3 }));
    const coarse = computeClusters(g, { resolution: 0.3 }).clusters.length;
    const fine = computeClusters(g, { resolution: 3 }).clusters.length;
    expect(coarse).toBeLessThan(fine);
  });

  it('handles a graph with no links', () => {
    const g = new UndirectedGraph();
    g.addNode('x');
    expect(computeClusters(g).clusters).toEqual([{ id: UNCLUSTERED, members: ['x'] }]);
  });
});

// igraph references: ../fixtures/networks/README.md. Louvain is randomised: every seed must be within 1% of
// igraph's modularity, and NMI is compared over seeds (igraph's own NMI varies as much; see the README).
describe('computeClusters on football (Girvan & Newman 2002)', () => {
  const net = readGml('football.gml', 'label', 'value');
  const runs = SEEDS.map((seed) => computeClusters(toGraph(net), { seed, minClusterSize: 1 }));
  const qs = runs.map((r) => r.modularity);
  const nmis = runs.map((r) => nmi(r.communities, net.truth));
  console.info(
    `football Louvain over seeds 1-8: Q ${Math.min(...qs).toFixed(4)}-${Math.max(...qs).toFixed(4)}, ` +
      `NMI ${Math.min(...nmis).toFixed(3)}-${Math.max(...nmis).toFixed(3)} (mean ${mean(nmis).toFixed(3)}), ` +
      `clusters ${runs.map((r) => r.clusters.length).join(',')}`,
  );

  it('reaches igraph modularity 0.6046 within 1% on every seed', () => {
    for (const q of qs) expect(q).toBeGreaterThanOrEqual(0.6046 * 0.99);
  });

  // igraph over seeds 1-8 (README): NMI 0.856-0.89, mean 0.883. Every seed within 0.01 of igraph's worst, and the
  // best and the mean within 0.03 of igraph's.
  it("recovers conferences: every seed ≥ igraph's worst 0.856 − 0.01, best ≥ 0.89 − 0.03, mean ≥ 0.883 − 0.03", () => {
    for (const x of nmis) expect(x).toBeGreaterThanOrEqual(0.856 - 0.01);
    expect(Math.max(...nmis)).toBeGreaterThanOrEqual(0.89 - 0.03);
    expect(mean(nmis)).toBeGreaterThanOrEqual(0.883 - 0.03);
  });
});

describe('computeClusters on email-Eu-core (Yin et al. 2017)', () => {
  const net = readEmailEuCore();
  const runs = SEEDS.map((seed) => computeClusters(toGraph(net), { seed, minClusterSize: 1 }));
  const qs = runs.map((r) => r.modularity);
  const nmis = runs.map((r) => nmi(r.communities, net.truth));
  console.info(
    `email-Eu-core Louvain over seeds 1-8: Q ${Math.min(...qs).toFixed(4)}-${Math.max(...qs).toFixed(4)}, ` +
      `NMI ${Math.min(...nmis).toFixed(3)}-${Math.max(...nmis).toFixed(3)} (mean ${mean(nmis).toFixed(3)})`,
  );

  it('reaches igraph modularity 0.4126 within 1% on every seed', () => {
    for (const q of qs) expect(q).toBeGreaterThanOrEqual(0.4126 * 0.99);
  });

  it("recovers departments: best seed within 0.03 of igraph's 0.60, mean within 0.03 of igraph's 8-seed mean 0.568", () => {
    expect(Math.max(...nmis)).toBeGreaterThanOrEqual(0.6 - 0.03);
    expect(mean(nmis)).toBeGreaterThanOrEqual(0.568 - 0.03);
  });
});
