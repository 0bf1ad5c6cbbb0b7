// The links read as a graph (link-graph.ts) must read exactly as the graphology graph built from them.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clusterNetwork,
  type ClusteredNetwork,
  getBridgingInput,
  computeBridging,
  rankNetwork,
  toAnalysis,
} from '../../../src/core/analysis/analyze';
import { toEvidenceGraph, type EvidenceGraph, type EvidenceLinks } from '../../../src/core/analysis/evidence-graph';
import { getLinkExplanations } from '../../../src/core/analysis/explain-link';
import { toLinkGraph, type EvidenceGraphReader, type LinkGraph } from '../../../src/core/analysis/link-graph';
import { computeSuperConnectors } from '../../../src/core/analysis/super-connectors';
import { buildPeople } from '../../../src/core/people';
import { importFiles } from '../../../src/io/import';
import { generateSample } from '../../../src/io/sample/generate';

let network: ClusteredNetwork;
let links: EvidenceLinks;
let graph: EvidenceGraph;
let reader: LinkGraph;

beforeAll(async () => {
  const sample = generateSample({ connections: 400, owners: 2, seed: 3 });
  const encoder = new TextEncoder();
  const files = sample.files
    .filter((f) => f.path !== 'truth.json')
    .map((f) => ({ path: `sample/${f.path}`, bytes: encoder.encode(f.text) }));
  const imported = await importFiles(files);
  network = clusterNetwork(buildPeople(imported.dataset), imported.dataset, { seed: 1 });
  links = network.links;
  graph = toEvidenceGraph(links);
  reader = toLinkGraph(links);
}, 60_000);

type Edge = [string, unknown, string, string];
const edgesOf = (g: EvidenceGraphReader, node?: string): Edge[] => {
  const out: Edge[] = [];
  const push = (e: string, a: unknown, s: string, t: string) => out.push([e, a, s, t]);
  if (node === undefined) g.forEachEdge(push);
  else g.forEachEdge(node, push);
  return out;
};

describe('toLinkGraph', () => {
  it('has the graph’s people in its order, with the same attribute objects', () => {
    expect([reader.order, reader.size]).toEqual([graph.order, graph.size]);
    const nodes: [string, unknown][] = [];
    reader.forEachNode((id, a) => nodes.push([id, a]));
    expect(nodes.map(([id]) => id)).toEqual(graph.nodes());
    for (const [id, a] of nodes) {
      expect(a).toBe(graph.getNodeAttributes(id));
      expect(reader.getNodeAttribute(id, 'name')).toBe(graph.getNodeAttribute(id, 'name'));
    }
    expect(reader.hasNode('nobody')).toBe(false);
  });

  it('has every link in the graph’s order, keys, ends and attributes; each person’s links and every pair', () => {
    expect(edgesOf(reader)).toEqual(edgesOf(graph));
    const byKey = (x: Edge, y: Edge) => Number(x[0]) - Number(y[0]);
    graph.forEachNode((id) => {
      expect(edgesOf(reader, id)).toEqual(edgesOf(graph, id).sort(byKey));
      for (const other of graph.neighbors(id)) expect(reader.edge(id, other)).toBe(graph.edge(id, other));
    });
    const [a, b] = graph
      .nodes()
      .filter((x) => !graph.hasEdge(graph.nodes()[0]!, x))
      .slice(1, 3);
    expect(reader.edge(graph.nodes()[0]!, a!)).toBeUndefined();
    expect(reader.edge(a!, b!)).toBe(graph.edge(a!, b!));
    graph.forEachEdge((e, attrs) => {
      expect(reader.getEdgeAttributes(e)).toEqual(attrs);
      expect(reader.getEdgeAttribute(e, 'evidence')).toEqual(attrs.evidence);
    });
    expect(() => reader.getEdgeAttributes('x')).toThrow(/no link 'x'/);
  });

  it('explains links and ranks super-connectors as the graph does', () => {
    for (const id of graph.nodes().slice(0, 60))
      expect(getLinkExplanations(reader, id)).toEqual(getLinkExplanations(graph, id));
    const analysis = toAnalysis(network, graph);
    const input = getBridgingInput(analysis, { seed: 1 });
    const ranked = rankNetwork(analysis, input, computeBridging(input), { seed: 1 });
    const labels = Object.fromEntries(ranked.clusters.map((c) => [c.id, c.label]));
    const betweenness = Object.fromEntries(Object.entries(ranked.scores).map(([id, s]) => [id, s.betweenness]));
    const participation = Object.fromEntries(Object.entries(ranked.scores).map(([id, s]) => [id, s.participation]));
    const input2 = { membership: ranked.membership, clusterLabels: labels, betweenness, participation };
    const fromGraph = computeSuperConnectors({ graph, ...input2 });
    expect(fromGraph.length).toBeGreaterThan(300);
    expect(computeSuperConnectors({ graph: reader, ...input2 })).toEqual(fromGraph);
    expect(ranked.superConnectors).toEqual(fromGraph);
  });
});
