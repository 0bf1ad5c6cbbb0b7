/**
 * Graph files in and out, so a map can go to Gephi and back: GEXF (graphology-gexf), GraphML
 * (graphology-graphml to read; written here, as graphology-graphml has no writer) and graphology's
 * own JSON (`graph.export()`). Reading turns nodes into AttributeRecords (source `graph`, localId =
 * node key, plus URL / e-mail / name when the node has them) and edges into EdgeRecords.
 *
 * Why the packages' Node entry points everywhere: they bring their own DOMParser (@xmldom/xmldom,
 * a dependency of both packages, pure JS), which also works inside a Web Worker, where the browser
 * DOMParser that their `browser` entry points need does not exist.
 * Cost: O(nodes + edges + file size).
 */
import Graph from 'graphology';
import * as gexf from 'graphology-gexf';
import * as graphml from 'graphology-graphml';
import type { AbstractGraph, Attributes, SerializedGraph } from 'graphology-types';
import type { AttributeRecord, EdgeRecord, FileKind, ImportIssue, PersonRef, SourceRef } from '../core/types';
import { toAttributeKey } from './headers';

/** Node attributes that only say how a node is drawn; not kept as person attributes. */
export const DISPLAY_ATTRIBUTES = [
  'x',
  'y',
  'z',
  'size',
  'color',
  'hidden',
  'highlighted',
  'zIndex',
  'type',
  'forceLabel',
] as const;

const URL_KEYS = ['url', 'linkedin', 'profile url', 'profileurl', 'linkedin url', 'profile'];
const EMAIL_KEYS = ['email', 'e-mail', 'mail', 'email address'];
const NAME_KEYS = ['label', 'name', 'full name', 'fullname'];

/** Which graph format the text is, by content; undefined when it is none. */
export function getGraphFormat(text: string): Extract<FileKind, 'gexf' | 'graphml' | 'graph-json'> | undefined {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('<')) {
    if (/<gexf[\s>]/i.test(head)) return 'gexf';
    if (/<graphml[\s>]/i.test(head)) return 'graphml';
    return undefined;
  }
  if (head.startsWith('{') && /"nodes"\s*:/.test(text.slice(0, 1 << 20))) return 'graph-json';
  return undefined;
}

export interface GraphFileResult {
  attributes: AttributeRecord[];
  edges: EdgeRecord[];
  issues: ImportIssue[];
  nodes: number;
}

function toText(v: unknown): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** A graphology graph from a file's text; throws (caught by parseGraphFile) on malformed input. */
function readGraph(kind: 'gexf' | 'graphml' | 'graph-json', text: string): AbstractGraph {
  if (kind === 'graph-json') {
    const data = JSON.parse(text) as SerializedGraph;
    if (!Array.isArray(data.nodes)) throw new Error('no "nodes" array');
    const g = new Graph({ multi: true, type: 'mixed', allowSelfLoops: true });
    g.import({ ...data, options: { ...data.options, multi: true, type: 'mixed', allowSelfLoops: true } });
    return g;
  }
  if (!/<\/(gexf|graphml)>\s*$/i.test(text.slice(-200))) throw new Error('the file ends before its closing tag');
  const lib = kind === 'gexf' ? gexf : graphml;
  return lib.parse(Graph, text, { addMissingNodes: true });
}

/** Lines of `<node id=…>` (by id) and of each `<edge` (in document order) in XML text; one pass. */
function getXmlLines(text: string): { nodes: Map<string, number>; edges: number[] } {
  const nodes = new Map<string, number>();
  const edges: number[] = [];
  const re = /<(node|edge)\b([^>]*)>|\n/g;
  let line = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '\n') {
      line++;
      continue;
    }
    if (m[1] === 'edge') edges.push(line);
    else {
      const id = m[2]?.match(/\bid\s*=\s*"([^"]*)"/)?.[1];
      if (id !== undefined && !nodes.has(id)) nodes.set(id, line);
    }
    line += (m[0].match(/\n/g) ?? []).length;
  }
  return { nodes, edges };
}

/** Read a GEXF, GraphML or graphology JSON file into records. Never throws: problems become issues. */
export function parseGraphFile(
  text: string,
  file: string,
  kind: 'gexf' | 'graphml' | 'graph-json' | undefined = getGraphFormat(text),
): GraphFileResult {
  const result: GraphFileResult = { attributes: [], edges: [], issues: [], nodes: 0 };
  if (!kind) {
    result.issues.push({
      file,
      severity: 'error',
      message: 'not a GEXF, GraphML or graphology JSON file; nothing was read',
    });
    return result;
  }
  let g: AbstractGraph;
  try {
    g = readGraph(kind, text);
  } catch (e) {
    result.issues.push({
      file,
      severity: 'error',
      message: `io/graph-files: the ${kind} file could not be read (${(e as Error).message}); nothing was read from it. Re-export it from Gephi or check it is complete.`,
    });
    return result;
  }
  const lines = kind === 'graph-json' ? undefined : getXmlLines(text);
  const at = (line: number | undefined): SourceRef => (line ? { file, line } : { file });
  const refs = new Map<string, PersonRef>();
  const pick = (attrs: Attributes, keys: string[]): string | undefined => {
    for (const [k, v] of Object.entries(attrs)) if (keys.includes(k.toLowerCase())) return toText(v);
    return undefined;
  };
  g.forEachNode((key, attrs) => {
    const person: PersonRef = { localId: key };
    const url = pick(attrs, URL_KEYS);
    const email = pick(attrs, EMAIL_KEYS);
    const name = pick(attrs, NAME_KEYS);
    if (url) person.url = url;
    if (email) person.email = email;
    if (name) person.name = name;
    refs.set(key, person);
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) {
      const lk = k.toLowerCase();
      if ((DISPLAY_ATTRIBUTES as readonly string[]).includes(k)) continue;
      if (URL_KEYS.includes(lk) || EMAIL_KEYS.includes(lk) || NAME_KEYS.includes(lk)) continue;
      const t = toText(v);
      if (t !== undefined) attributes[toAttributeKey(k)] = t;
    }
    result.attributes.push({ person, attributes, source: 'graph', ref: at(lines?.nodes.get(key)) });
    result.nodes++;
  });
  let edgeIndex = 0;
  g.forEachEdge((_key, attrs, source, target) => {
    const edge: EdgeRecord = {
      source: refs.get(source) ?? { localId: source },
      target: refs.get(target) ?? { localId: target },
      ref: at(lines?.edges[edgeIndex++]),
    };
    const w = typeof attrs.weight === 'number' ? attrs.weight : Number(attrs.weight);
    if (attrs.weight !== undefined && Number.isFinite(w)) edge.weight = w;
    const type = toText(attrs.type ?? attrs.kind ?? attrs.label);
    if (type) edge.type = type;
    result.edges.push(edge);
  });
  if (result.nodes === 0)
    result.issues.push({
      file,
      severity: 'error',
      message: `the ${kind} file has no nodes; nothing was read. Is it the right file?`,
    });
  return result;
}

function scalar(v: unknown): string | number | boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

/** GEXF 1.3 text of a graph (for Gephi). Object attributes are written as JSON strings. */
export function toGexf(graph: AbstractGraph): string {
  const split = (attrs: Attributes) => {
    const out: {
      label?: string;
      viz?: Record<string, number | string>;
      attributes: Record<string, string | number | boolean>;
    } = {
      attributes: {},
    };
    for (const [k, v] of Object.entries(attrs)) {
      const s = scalar(v);
      if (s === undefined) continue;
      if (k === 'label') out.label = String(s);
      else if ((k === 'x' || k === 'y' || k === 'size') && typeof s === 'number') (out.viz ??= {})[k] = s;
      else if (k === 'color' && typeof s === 'string') (out.viz ??= {}).color = s;
      else out.attributes[k] = s;
    }
    return out;
  };
  return gexf.write(graph, {
    version: '1.3',
    formatNode: (_key, attrs) => split(attrs),
    formatEdge: (_key, attrs) => {
      const { label, attributes } = split(attrs);
      const weight = typeof attrs.weight === 'number' ? attrs.weight : undefined;
      delete attributes.weight;
      return { ...(label ? { label } : {}), ...(weight !== undefined ? { weight } : {}), attributes };
    },
  });
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

type GraphmlType = 'boolean' | 'double' | 'string';

/** GraphML text of a graph (for yEd, Cytoscape, Gephi). Types per attribute: double, boolean or string. */
export function toGraphml(graph: AbstractGraph): string {
  const keys = new Map<string, { id: string; domain: 'node' | 'edge'; name: string; type: GraphmlType }>();
  const learn = (domain: 'node' | 'edge', attrs: Attributes) => {
    for (const [name, v] of Object.entries(attrs)) {
      const s = scalar(v);
      if (s === undefined) continue;
      const t: GraphmlType = typeof s === 'number' ? 'double' : typeof s === 'boolean' ? 'boolean' : 'string';
      const id = `${domain}:${name}`;
      const known = keys.get(id);
      if (!known) keys.set(id, { id: `d${keys.size}`, domain, name, type: t });
      else if (known.type !== t) known.type = 'string';
    }
  };
  graph.forEachNode((_k, a) => learn('node', a));
  graph.forEachEdge((_k, a) => learn('edge', a));
  const data = (domain: 'node' | 'edge', attrs: Attributes) =>
    Object.entries(attrs)
      .map(([name, v]) => {
        const s = scalar(v);
        const k = keys.get(`${domain}:${name}`);
        return s === undefined || !k ? '' : `<data key="${k.id}">${escapeXml(String(s))}</data>`;
      })
      .join('');
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const k of keys.values())
    lines.push(`  <key id="${k.id}" for="${k.domain}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`);
  const directedDefault = graph.type !== 'undirected';
  lines.push(`  <graph edgedefault="${directedDefault ? 'directed' : 'undirected'}">`);
  graph.forEachNode((key, attrs) => lines.push(`    <node id="${escapeXml(key)}">${data('node', attrs)}</node>`));
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => {
    const dir = undirected && directedDefault ? ' directed="false"' : '';
    lines.push(
      `    <edge id="${escapeXml(key)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${dir}>${data('edge', attrs)}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n') + '\n';
}

/** graphology's JSON serialisation of a graph (`graph.export()`), readable by `Graph.from`. */
export function toGraphJson(graph: AbstractGraph): string {
  return JSON.stringify(graph.export());
}
