/**
 * What every ask over one network needs, built once and reused: per person the folded, stemmed texts
 * of position, company and industry (for synonym matching), a MiniSearch full-text index over them
 * (prefix and fuzzy search, accent- and case-insensitive, for plain words), and the real ties of the
 * evidence graph as compact adjacency arrays with a strength per tie (for introducer paths).
 *
 * Tie strength is 1 − exp(−w) where w sums the weights of the real kinds on the link (connection —
 * already strengthened by messages, their recency, endorsements and recommendations —, knows and
 * co-member): a plain connection (w = 1) gives 0.63, a messaged one 0.8–0.95. The path cost of a tie is
 * −log(strength), so the strongest path is the one with the largest product of strengths. A
 * `colleague` link (same company, inferred) may be used as a weaker tie (`colleagueStrength`) next to
 * the target only. Cost: O(n + m) plus MiniSearch's indexing, O(total words).
 */
import MiniSearch from 'minisearch';
import type { EvidenceGraphReader, LinkGraph } from '../analysis/link-graph';
import type { Place } from '../types';
import { toTermKey } from './vocabulary';

/** One person as the ask feature sees them. */
export interface AskPerson {
  id: string;
  name: string;
  position?: string;
  company?: string;
  industry?: string;
  roleFamily?: string;
  place?: Place;
  /** Index of the person's place in `AskIndex.places` (people with the same place share it), -1 for none. */
  placeIndex: number;
  owners: string[];
  ownerId?: string;
  /** Term key of the industry (`biotech pharma`), '' when unknown. */
  industryKey: string;
}

/** Bits of a tie's kinds, per half-edge of the adjacency. */
export const TIE_FLAGS = { connection: 1, knows: 2, coMember: 4, colleague: 8 } as const;

/** The reusable index of one network (see the module header). */
export interface AskIndex {
  people: AskPerson[];
  byId: Map<string, number>;
  /** Node index of each owner id. */
  owners: Map<string, number>;
  search: MiniSearch<{ i: number; position: string; company: string; industry: string }>;
  /** Runs of 1 … `maxGramWords` words (term keys) of each position → person indexes, for synonym phrases. */
  positionGrams: Map<string, number[]>;
  /** The same for company names. */
  companyGrams: Map<string, number[]>;
  /** Person indexes per industry (the enrichment's id, or the raw value's term key). */
  byIndustry: Map<string, number[]>;
  /** Distinct places (one representative object each), and the people at each: places are matched once per ask. */
  places: Place[];
  placeMembers: number[][];
  /** Adjacency: neighbours of i are `targets[offsets[i] .. offsets[i + 1])`. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Strength 0..1 of each half-edge. */
  strengths: Float64Array;
  /** TIE_FLAGS of each half-edge. */
  flags: Uint8Array;
}

/** Options for {@link buildAskIndex}. */
export interface AskIndexOptions {
  /** Strength of a `colleague` link (same company) used as a last-hop tie; 0 leaves colleagues out. Default 0.3. */
  colleagueStrength?: number;
  /** Scale of w in 1 − exp(−scale · w). Default 1. */
  tieScale?: number;
  /** Longest run of words indexed for phrase look-ups ("chartered accountant"). Default 4. */
  maxGramWords?: number;
}

/** Defaults of {@link AskIndexOptions}. */
export const ASK_INDEX_DEFAULTS = { colleagueStrength: 0.3, tieScale: 1, maxGramWords: 4 };

function addGrams(target: Map<string, number[]>, key: string, i: number, max: number): void {
  if (!key) return;
  const words = key.split(' ');
  const seen = new Set<string>();
  for (let a = 0; a < words.length; a++)
    for (let b = a + 1; b <= Math.min(words.length, a + max); b++) {
      const gram = words.slice(a, b).join(' ');
      if (seen.has(gram)) continue;
      seen.add(gram);
      const list = target.get(gram);
      if (list) list.push(i);
      else target.set(gram, [i]);
    }
}

/** Builds the reusable index of a network (see the module header). */
export function buildAskIndex(graph: EvidenceGraphReader, options: AskIndexOptions = {}): AskIndex {
  const o = { ...ASK_INDEX_DEFAULTS, ...options };

  // 1. People and their keys, in graph order.
  const people: AskPerson[] = [];
  const byId = new Map<string, number>();
  const owners = new Map<string, number>();
  const positionGrams = new Map<string, number[]>();
  const companyGrams = new Map<string, number[]>();
  const byIndustry = new Map<string, number[]>();
  const places: Place[] = [];
  const placeMembers: number[][] = [];
  const placeIds = new Map<string, number>();
  const docs: { i: number; position: string; company: string; industry: string }[] = [];
  graph.forEachNode((id, a) => {
    const i = people.length;
    const p: AskPerson = { id, name: a.name, owners: a.owners, industryKey: toTermKey(a.industry), placeIndex: -1 };
    if (a.place) {
      const pl = a.place;
      const key = `${pl.cityId ?? ''}|${pl.city ?? ''}|${pl.area ?? ''}|${pl.admin1 ?? ''}|${pl.country ?? ''}|${pl.remote ? 1 : 0}|${pl.text}`;
      let at = placeIds.get(key);
      if (at === undefined) {
        at = places.length;
        placeIds.set(key, at);
        places.push(pl);
        placeMembers.push([]);
      }
      placeMembers[at]?.push(i);
      p.placeIndex = at;
    }
    const positionKey = toTermKey(a.position);
    const companyKey = toTermKey(a.company);
    docs.push({ i, position: positionKey, company: companyKey, industry: p.industryKey });
    addGrams(positionGrams, positionKey, i, o.maxGramWords);
    addGrams(companyGrams, companyKey, i, o.maxGramWords);
    for (const key of new Set([a.industry ?? '', p.industryKey]))
      if (key) {
        const list = byIndustry.get(key);
        if (list) list.push(i);
        else byIndustry.set(key, [i]);
      }
    if (a.position) p.position = a.position;
    if (a.company) p.company = a.company;
    if (a.industry) p.industry = a.industry;
    if (a.role?.family) p.roleFamily = a.role.family;
    if (a.place) p.place = a.place;
    if (a.ownerId) {
      p.ownerId = a.ownerId;
      owners.set(a.ownerId, people.length);
    }
    byId.set(id, people.length);
    people.push(p);
  });

  // 2. Full-text index over position, company and industry, fed with term keys (folded once, above).
  const search = new MiniSearch<{ i: number; position: string; company: string; industry: string }>({
    idField: 'i',
    fields: ['position', 'company', 'industry'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  });
  search.addAll(docs);

  // 3. Real ties as adjacency arrays.
  const n = people.length;
  const degree = new Int32Array(n + 1);
  const size = graph.size;
  const ends = new Int32Array(2 * size);
  const edgeStrength = new Float64Array(size);
  const edgeFlags = new Uint8Array(size);
  let e = 0;
  // Kind weights are 0 where the link has no such evidence.
  const addTie = (
    connection: number,
    knows: number,
    coMember: number,
    colleague: number,
    a: number | undefined,
    b: number | undefined,
  ) => {
    const real = connection + knows + coMember;
    let flags = 0;
    if (connection) flags |= TIE_FLAGS.connection;
    if (knows) flags |= TIE_FLAGS.knows;
    if (coMember) flags |= TIE_FLAGS.coMember;
    let strength = real > 0 ? 1 - Math.exp(-o.tieScale * real) : 0;
    if (real <= 0 && colleague && o.colleagueStrength > 0) {
      flags |= TIE_FLAGS.colleague;
      strength = o.colleagueStrength;
    }
    if (strength <= 0) return;
    if (a === undefined || b === undefined || a === b) return;
    ends[2 * e] = a;
    ends[2 * e + 1] = b;
    edgeStrength[e] = strength;
    edgeFlags[e] = flags;
    e++;
    degree[a + 1] = (degree[a + 1] ?? 0) + 1;
    degree[b + 1] = (degree[b + 1] ?? 0) + 1;
  };
  const links = 'links' in graph ? (graph as LinkGraph).links : undefined;
  if (links) {
    // The links' arrays read directly (no attributes object per link): the same ties, in link order.
    const { ids, source, target, kindWeights: k } = links;
    const w = (x: number) => (x > 0 ? x : 0);
    for (let l = 0; l < source.length; l++)
      addTie(
        w(k.connection[l]!),
        w(k.knows[l]!),
        w(k['co-member'][l]!),
        w(k.colleague[l]!),
        byId.get(ids[source[l]!]!),
        byId.get(ids[target[l]!]!),
      );
  } else
    graph.forEachEdge((_e, { kinds: k }, s, t) =>
      addTie(k.connection ?? 0, k.knows ?? 0, k['co-member'] ?? 0, k.colleague ?? 0, byId.get(s), byId.get(t)),
    );
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i] ?? 0) + (degree[i + 1] ?? 0);
  const fill = Int32Array.from(offsets.subarray(0, n));
  const m = offsets[n] ?? 0;
  const targets = new Int32Array(m);
  const strengths = new Float64Array(m);
  const flags = new Uint8Array(m);
  const put = (a: number, b: number, s: number, f: number) => {
    const at = fill[a] ?? 0;
    fill[a] = at + 1;
    targets[at] = b;
    strengths[at] = s;
    flags[at] = f;
  };
  for (let x = 0; x < e; x++) {
    const a = ends[2 * x] ?? 0;
    const b = ends[2 * x + 1] ?? 0;
    put(a, b, edgeStrength[x] ?? 0, edgeFlags[x] ?? 0);
    put(b, a, edgeStrength[x] ?? 0, edgeFlags[x] ?? 0);
  }
  return {
    people,
    byId,
    owners,
    search,
    positionGrams,
    companyGrams,
    byIndustry,
    places,
    placeMembers,
    offsets,
    targets,
    strengths,
    flags,
  };
}

const indexes = new WeakMap<EvidenceGraphReader, AskIndex>();

/** The cached index of a graph (built on first use; a new graph object gets a new index). */
export function getAskIndex(graph: EvidenceGraphReader, options: AskIndexOptions = {}): AskIndex {
  const hasOptions = Object.keys(options).length > 0;
  const known = hasOptions ? undefined : indexes.get(graph);
  if (known) return known;
  const index = buildAskIndex(graph, options);
  if (!hasOptions) indexes.set(graph, index);
  return index;
}
