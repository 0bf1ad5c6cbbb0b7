import { beforeAll, describe, expect, it } from 'vitest';
import {
  AnalysisCancelledError,
  analyzeNetwork,
  clusterNetwork,
  getBridgingInput,
  toAnalysisJson,
  type ClusteredNetwork,
} from '../../../src/core/analysis/analyze';
import { computeClusters } from '../../../src/core/analysis/clusters';
import { toCsr } from '../../../src/core/analysis/csr';
import {
  buildEvidenceGraph,
  LINK_KINDS,
  toEvidenceGraph,
  type EvidenceGraph,
} from '../../../src/core/analysis/evidence-graph';
import { buildPeople, type PeopleIndex } from '../../../src/core/people';
import type { Dataset } from '../../../src/core/types';
import { importFiles } from '../../../src/io/import';
import { generateSample } from '../../../src/io/sample/generate';
import { connection, twoGroupsDataset, urlOf } from './datasets';

const a0 = urlOf('Aperson', 'a0');
const b0 = urlOf('Bperson', 'b0');

describe('analyzeNetwork on two groups joined by one tie', () => {
  const d = twoGroupsDataset();
  const index = buildPeople(d);
  const analysis = analyzeNetwork(index, d);

  it('finds the two groups, named after their industry and city', () => {
    const named = analysis.clusters.map((c) => [c.label, c.size]);
    expect(named).toContainEqual(['Biotech · Boston', 5]);
    expect(named).toContainEqual(['Accounting · San Diego', 5]);
    expect(analysis.membership[a0]).not.toBe(analysis.membership[b0]);
    expect(analysis.membership['owner:ana']).toBeUndefined();
    expect(analysis.modularity).toBeGreaterThan(0.3);
    const bio = analysis.clusters.find((c) => c.label.startsWith('Biotech'));
    expect(bio?.terms.slice(0, 2).sort()).toEqual(['Biotech', 'Boston']);
    expect(bio?.ownerShare).toEqual({ 'owner:ana': 1 });
  });

  it('ranks the two ends of the bridge first, saying which clusters they link', () => {
    expect(
      analysis.superConnectors
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    ).toEqual([a0, b0]);
    const top = analysis.superConnectors[0];
    expect(top?.why[0]).toMatch(
      /^links 2 clusters: (Biotech · Boston, Accounting · San Diego|Accounting · San Diego, Biotech · Boston)$/,
    );
    expect(analysis.scores[a0]?.betweenness).toBeGreaterThan(0);
    expect(analysis.superConnectors.find((s) => s.id === 'owner:ana')).toBeUndefined();
  });

  it('gives degree 0 to owners, 1 to connections, 2 to people known only through others', () => {
    const d2 = twoGroupsDataset();
    d2.edges.push({
      source: { url: 'https://www.linkedin.com/in/aperson-a1' },
      target: { url: 'https://www.linkedin.com/in/stranger-z' },
      ref: { file: 'edges.csv', line: 100 },
    });
    const r = analyzeNetwork(buildPeople(d2), d2);
    expect(r.degree['owner:ana']).toBe(0);
    expect(r.degree[a0]).toBe(1);
    expect(r.degree['linkedin.com/in/stranger-z']).toBe(2);
  });

  it('reports progress per stage and can be cancelled between stages', () => {
    const seen: [string, number][] = [];
    analyzeNetwork(index, d, { onProgress: (stage, f) => seen.push([stage, f]) });
    expect(seen.map(([s]) => s)).toEqual([
      'graph',
      'clusters',
      'names',
      'bridging',
      'participation',
      'super-connectors',
      'super-connectors',
    ]);
    expect(seen.map(([, f]) => f)).toEqual([...seen.map(([, f]) => f)].sort((x, y) => x - y));
    expect(seen.at(-1)?.[1]).toBe(1);
    let calls = 0;
    expect(() => analyzeNetwork(index, d, { isCancelled: () => ++calls > 2 })).toThrow(AnalysisCancelledError);
  });

  it('writes byte-identical JSON for the same input, with the super-connectors and issues sorted', () => {
    const meta = {
      issues: [
        { file: 'b.csv', line: 3, message: 'x' },
        { file: 'a.csv', message: 'y' },
      ],
    };
    const one = JSON.stringify(toAnalysisJson(analyzeNetwork(buildPeople(d), d), buildPeople(d), meta));
    const two = JSON.stringify(toAnalysisJson(analyzeNetwork(buildPeople(d), d), buildPeople(d), meta));
    expect(one).toBe(two);
    const json = toAnalysisJson(analysis, index, meta);
    expect(json.issues.map((i) => i.file)).toEqual(['a.csv', 'b.csv']);
    expect(json.me).toBe('owner:ana');
    expect(json.people.find((p) => p.id === a0)).toMatchObject({
      city: 'Boston',
      industry: 'Biotech',
      degree: 1,
      owners: ['owner:ana'],
    });
    expect(json.people.find((p) => p.id === 'owner:ana')).toMatchObject({ cluster: null, degree: 0 });
  });

  it('changes clusters only through the seed and resolution options, not from run to run', () => {
    const x = analyzeNetwork(index, d, { seed: 9 });
    const y = analyzeNetwork(index, d, { seed: 9 });
    expect(x.membership).toEqual(y.membership);
    expect(x.superConnectors).toEqual(y.superConnectors);
  });

  it('works with no enrichment and no attributes at all', () => {
    const d3 = twoGroupsDataset();
    d3.attributes = [];
    d3.connections.push(connection('ana', 'Solo', 'Person'));
    const r = analyzeNetwork(buildPeople(d3), d3);
    expect(r.clusters.filter((c) => c.id !== 'unclustered')).toHaveLength(2);
    expect(r.membership[urlOf('Solo', 'Person')]).toBe('unclustered');
  });
});

describe('clusterNetwork (arrays first) against the graph it stands for', () => {
  // The sample generator's export of 2 owners: every kind of link (connections, messages, knows, colleagues, similar).
  const encoder = new TextEncoder();
  const files = generateSample({ owners: 2, connections: 400, seed: 5 })
    .files.filter((f) => f.path !== 'truth.json')
    .map((f) => ({ path: f.path, bytes: encoder.encode(f.text) }));
  let index: PeopleIndex;
  let dataset: Dataset;
  let network: ClusteredNetwork;
  let graph: EvidenceGraph;
  beforeAll(async () => {
    const imported = await importFiles(files);
    dataset = imported.dataset;
    index = buildPeople(dataset);
    network = clusterNetwork(index, dataset, { seed: 3 });
    graph = buildEvidenceGraph(index, dataset);
    expect(new Set(graph.mapEdges((_e, a) => Object.keys(a.kinds)).flat())).toEqual(new Set(LINK_KINDS));
  });

  it('builds the same graph from its links as buildEvidenceGraph', () => {
    expect(toEvidenceGraph(network.links).export()).toEqual(graph.export());
  });

  it("clusters the graph's non-owners as computeClusters does, over the same CSR as bridging", () => {
    const byGraph = computeClusters(graph, { seed: 3 });
    const clusters = network.clusters.map((c) => ({ id: c.id, size: c.size }));
    expect(clusters).toEqual(byGraph.clusters.map((c) => ({ id: c.id, size: c.members.length })));
    expect(network.membership).toEqual(byGraph.membership);
    expect(network.modularity).toBe(byGraph.modularity);
    const csr = toCsr(graph, { filterNode: (_n, a) => a['ownerId'] === undefined });
    expect(getBridgingInput(network).csr).toEqual(csr);
  });

  // Degree 2 (known only through others) is covered on the two groups above; the sample has none.
  it('gives each person the degree read from the graph: owner 0, linked to an owner by a real tie 1, else 2', () => {
    const expected: Record<string, number> = {};
    graph.forEachNode((id, a) => {
      const direct = graph.someEdge(id, (_e, e, s, t) => {
        const other = s === id ? t : s;
        return (
          graph.getNodeAttribute(other, 'ownerId') !== undefined && (e.kinds.connection ?? e.kinds.knows) !== undefined
        );
      });
      expected[id] = a.ownerId !== undefined ? 0 : a.owners.length > 0 || direct ? 1 : 2;
    });
    expect(network.degree).toEqual(expected);
  });
});
