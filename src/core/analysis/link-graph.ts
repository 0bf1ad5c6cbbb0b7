/**
 * The evidence links (evidence-graph.ts `EvidenceLinks`) read as a graph, without building the graphology
 * graph: what Ask, the person panel's link list and the super-connector ranking read. `toEvidenceGraph` costs
 * ~3 s of CPU and ~140 MB of heap at 30,000 people and 341,000 links (one object per edge, a keyed adjacency
 * per node); this is an incidence list over the links' arrays (each person's links in link order) and a map
 * from id to person. It reads the same as the graph `toEvidenceGraph` builds: nodes in id order with the same
 * attribute objects, link l keyed `String(l)` with the same kinds, weight and evidence (edge attributes are
 * made when asked for, so keep them only as long as needed).
 * Cost: O(n + m) time and 4 · (n + 2m) bytes to build; O(degree) per person's links, O(min degree) per pair.
 */
import {
  LINK_KINDS,
  type EvidenceEdgeAttributes,
  type EvidenceLinks,
  type LinkKind,
  type PersonNodeAttributes,
} from './evidence-graph';

/** Called per link: its key, attributes and ends (as graphology's edge callbacks, first four arguments). */
export type LinkCallback = (edge: string, attributes: EvidenceEdgeAttributes, source: string, target: string) => void;

/**
 * What the analysis reads from an evidence graph: a graphology `EvidenceGraph` is one, and so is
 * {@link toLinkGraph}'s view of the links' arrays.
 */
export interface EvidenceGraphReader {
  /** Number of people. */
  readonly order: number;
  /** Number of links. */
  readonly size: number;
  hasNode(id: string): boolean;
  getNodeAttributes(id: string): PersonNodeAttributes;
  getNodeAttribute<K extends keyof PersonNodeAttributes>(id: string, name: K): PersonNodeAttributes[K];
  /** Every person, in node order. */
  forEachNode(callback: (id: string, attributes: PersonNodeAttributes) => void): void;
  /** Every link in link order, or every link of one person. */
  forEachEdge(callback: LinkCallback): void;
  forEachEdge(node: string, callback: LinkCallback): void;
  /** The key of the link between x and y, if any. */
  edge(x: string, y: string): string | undefined;
  getEdgeAttributes(edge: string): EvidenceEdgeAttributes;
  getEdgeAttribute<K extends keyof EvidenceEdgeAttributes>(edge: string, name: K): EvidenceEdgeAttributes[K];
}

/** The links as a graph reader, plus the arrays behind it for code that walks them by number. */
export interface LinkGraph extends EvidenceGraphReader {
  links: EvidenceLinks;
  /** Person i's links are `incident[offsets[i] .. offsets[i + 1])`, in link order. Length n + 1. */
  offsets: Int32Array;
  incident: Int32Array;
  /** Position of a person in `links.ids`, -1 when unknown. */
  indexOf(id: string): number;
}

/** The attributes `toEvidenceGraph` gives link l. */
export function getLinkAttributes(links: EvidenceLinks, l: number): EvidenceEdgeAttributes {
  const kinds: Partial<Record<LinkKind, number>> = {};
  for (const kind of LINK_KINDS) {
    const w = links.kindWeights[kind][l]!;
    if (w > 0) kinds[kind] = w;
  }
  return { kinds, weight: links.weight[l]!, evidence: links.evidence[l] ?? {} };
}

/** Reads the evidence links as the graph `toEvidenceGraph` would build from them (see the module header). */
export function toLinkGraph(links: EvidenceLinks): LinkGraph {
  const { ids, attributes, source, target } = links;
  const n = ids.length;
  const m = source.length;
  const position = new Map<string, number>();
  ids.forEach((id, i) => position.set(id, i));
  const offsets = new Int32Array(n + 1);
  for (let l = 0; l < m; l++) {
    offsets[source[l]! + 1]!++;
    offsets[target[l]! + 1]!++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, n);
  const incident = new Int32Array(2 * m);
  for (let l = 0; l < m; l++) {
    incident[fill[source[l]!]!++] = l;
    incident[fill[target[l]!]!++] = l;
  }
  const indexOf = (id: string) => position.get(id) ?? -1;
  const at = (id: string): number => {
    const i = position.get(id);
    if (i === undefined) throw new Error(`core/analysis/link-graph: no person '${id}' in the evidence links.`);
    return i;
  };
  const linkAt = (edge: string): number => {
    const l = Number(edge);
    if (!Number.isInteger(l) || l < 0 || l >= m || String(l) !== edge)
      throw new Error(`core/analysis/link-graph: no link '${edge}' in the evidence links.`);
    return l;
  };
  const visit = (l: number, callback: LinkCallback) =>
    callback(String(l), getLinkAttributes(links, l), ids[source[l]!]!, ids[target[l]!]!);

  function forEachEdge(callback: LinkCallback): void;
  function forEachEdge(node: string, callback: LinkCallback): void;
  function forEachEdge(a: string | LinkCallback, b?: LinkCallback): void {
    if (typeof a === 'function') {
      for (let l = 0; l < m; l++) visit(l, a);
      return;
    }
    const i = at(a);
    for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) visit(incident[k]!, b!);
  }

  return {
    links,
    offsets,
    incident,
    indexOf,
    order: n,
    size: m,
    hasNode: (id) => position.has(id),
    getNodeAttributes: (id) => attributes[at(id)]!,
    getNodeAttribute: (id, name) => attributes[at(id)]![name],
    forEachNode(callback) {
      for (let i = 0; i < n; i++) callback(ids[i]!, attributes[i]!);
    },
    forEachEdge,
    edge(x, y) {
      const i = position.get(x);
      const j = position.get(y);
      if (i === undefined || j === undefined || i === j) return undefined;
      // Walk the shorter list.
      const [a, b] = offsets[i + 1]! - offsets[i]! <= offsets[j + 1]! - offsets[j]! ? [i, j] : [j, i];
      for (let k = offsets[a]!, end = offsets[a + 1]!; k < end; k++) {
        const l = incident[k]!;
        if (source[l] === b || target[l] === b) return String(l);
      }
      return undefined;
    },
    getEdgeAttributes: (edge) => getLinkAttributes(links, linkAt(edge)),
    getEdgeAttribute: (edge, name) => getLinkAttributes(links, linkAt(edge))[name],
  };
}
