/**
 * Test helpers: small readers for the research networks in test/fixtures/networks (GML, SNAP edge
 * lists), graph builders for tiny named graphs, and normalised mutual information (Danon et al. 2005).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UndirectedGraph } from 'graphology';

export const NETWORKS = fileURLToPath(new URL('../../fixtures/networks/', import.meta.url));

export interface SimpleNetwork {
  /** Node keys (as strings). */
  nodes: string[];
  /** Undirected simple edges, each pair once. */
  edges: [string, string][];
  /** Ground-truth class per node, when known. */
  truth: Record<string, string>;
}

/** Reads a GML file's nodes (key from `keyField`, class from `classField`) and edges (by GML id). */
export function readGml(file: string, keyField: 'id' | 'label', classField: string): SimpleNetwork {
  const text = readFileSync(NETWORKS + file, 'utf8');
  const blocks = [...text.matchAll(/\b(node|edge)\s*\[([^\]]*)\]/g)];
  const byGmlId = new Map<string, string>();
  const nodes: string[] = [];
  const truth: Record<string, string> = {};
  const pairs: [string, string][] = [];
  const field = (body: string, name: string) => body.match(new RegExp(`\\b${name}\\s+"?([^"\\n]+?)"?\\s*(\\n|$)`))?.[1];
  for (const [, kind, body = ''] of blocks) {
    if (kind === 'node') {
      const id = field(body, 'id') ?? '';
      const key = field(body, keyField) ?? id;
      byGmlId.set(id, key);
      nodes.push(key);
      const c = field(body, classField);
      if (c !== undefined) truth[key] = c;
    } else {
      pairs.push([field(body, 'source') ?? '', field(body, 'target') ?? '']);
    }
  }
  return { nodes, edges: simple(pairs.map(([s, t]) => [byGmlId.get(s) ?? s, byGmlId.get(t) ?? t])), truth };
}

/** Reads SNAP email-Eu-core: directed `src dst` lines made undirected and simple, plus department labels. */
export function readEmailEuCore(): SimpleNetwork {
  const truth: Record<string, string> = {};
  for (const line of readFileSync(NETWORKS + 'email-Eu-core-department-labels.txt', 'utf8').split('\n')) {
    const [node, dept] = line.trim().split(/\s+/);
    if (node && dept) truth[node] = dept;
  }
  const pairs: [string, string][] = [];
  for (const line of readFileSync(NETWORKS + 'email-Eu-core.txt', 'utf8').split('\n')) {
    const [s, t] = line.trim().split(/\s+/);
    if (s && t) pairs.push([s, t]);
  }
  const nodes = Object.keys(truth).sort((a, b) => Number(a) - Number(b));
  return { nodes, edges: simple(pairs), truth };
}

function simple(pairs: [string, string][]): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const [s, t] of pairs) {
    if (s === t) continue;
    const key = s < t ? `${s} ${t}` : `${t} ${s}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([s, t]);
  }
  return out;
}

/** A graphology graph of a network, every edge weight 1 (or `weight(s, t)`). */
export function toGraph(
  net: Pick<SimpleNetwork, 'nodes' | 'edges'>,
  weight?: (s: string, t: string) => number,
): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const n of net.nodes) g.mergeNode(n);
  for (const [s, t] of net.edges) {
    g.mergeNode(s);
    g.mergeNode(t);
    g.addEdge(s, t, { weight: weight ? weight(s, t) : 1 });
  }
  return g;
}

/** Two k-cliques `a0..a{k-1}` and `b0..b{k-1}` joined by the bridge a0–b0. */
export function twoCliques(k: number): Pick<SimpleNetwork, 'nodes' | 'edges'> {
  const nodes: string[] = [];
  const edges: [string, string][] = [];
  for (const side of ['a', 'b']) {
    for (let i = 0; i < k; i++) {
      nodes.push(`${side}${i}`);
      for (let j = 0; j < i; j++) edges.push([`${side}${j}`, `${side}${i}`]);
    }
  }
  edges.push(['a0', 'b0']);
  return { nodes, edges };
}

/** Normalised mutual information, arithmetic-mean normalisation (as igraph's compare_communities 'nmi'). */
export function nmi(a: Record<string, string | number>, b: Record<string, string | number>): number {
  const keys = Object.keys(a).filter((k) => b[k] !== undefined);
  const n = keys.length;
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const k of keys) {
    const x = String(a[k]);
    const y = String(b[k]);
    ca.set(x, (ca.get(x) ?? 0) + 1);
    cb.set(y, (cb.get(y) ?? 0) + 1);
    joint.set(`${x}\u0000${y}`, (joint.get(`${x}\u0000${y}`) ?? 0) + 1);
  }
  const h = (m: Map<string, number>) => -[...m.values()].reduce((s, c) => s + (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [key, c] of joint) {
    const [x = '', y = ''] = key.split('\u0000');
    mi += (c / n) * Math.log((c * n) / ((ca.get(x) ?? 1) * (cb.get(y) ?? 1)));
  }
  const ha = h(ca);
  const hb = h(cb);
  return ha + hb === 0 ? 1 : (2 * mi) / (ha + hb);
}
