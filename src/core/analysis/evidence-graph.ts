/**
 * The evidence graph: one node per person, one undirected link per pair of people with any evidence
 * that they are related, and on every link the kinds of evidence, a weight per kind and the details
 * (message counts, last contact, shared company...), so the app can say why two people are linked and
 * the user can switch kinds on and off.
 *
 * Kinds (issue 5 §2):
 * - `connection`: owner ↔ connection, strengthened by messages (count and recency), invitations,
 *   endorsements and recommendations (interaction records resolved with `index.resolve`);
 * - `knows`: edge tables and graph files (and interactions with someone not in the owner's export);
 * - `co-member`: a person in several owners' exports. It is a fact about the person, not a link
 *   between co-members (linking them to each other would make a clique of a team's shared contacts),
 *   so it is recorded as an extra `co-member` weight on each of that person's owner spokes,
 *   `weights['co-member'] × (owners − 1)`, and the node's `owners` list;
 * - `colleague`: same normalised company (see facets.ts) or same non-webmail e-mail domain. Groups up
 *   to `colleagueCliqueMax` people are linked as a clique; a bigger group is linked sparsely as a ring
 *   with power-of-two chords (member i ↔ i+1, i+2, i+4, … over members sorted by id, at most
 *   `colleagueChords` offsets): every member gets ≤ 2·chords colleague links, the group stays connected
 *   with O(log n) hops between any two members (so the ring does not fake bridges), and the cost is
 *   O(n · chords) instead of O(n²);
 * - `similar`: TF-IDF cosine over attribute tokens, each person keeping its k strongest (similarity.ts).
 *
 * Node attributes are domain data only (no positions, colours or sizes). Cost: O(records +
 * n · (chords + similarity candidates)); links are accumulated in a map and added once, sorted, so the
 * graph (node and edge order, edge keys) is the same for the same input.
 */
import { UndirectedGraph } from 'graphology';
import type { PeopleIndex } from '../people';
import type { Dataset, InteractionKind, Person, Place, Role } from '../types';
import { getEmptyFacetCache, getFacetTokens, getPersonFacets, type FacetToken, type PersonFacets } from './facets';
import { createPairIndex } from './pair-index';
import {
  computeSimilarPairIds,
  encodeSimilarityTokens,
  getPairTermsAt,
  SIMILARITY_DEFAULTS,
  type SimilarityInput,
  type SimilarityOptions,
  type SimilarPairIds,
} from './similarity';

export const LINK_KINDS = ['connection', 'knows', 'co-member', 'colleague', 'similar'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Real ties (seen in the user's files) as opposed to inferred ones. */
export const REAL_LINK_KINDS: readonly LinkKind[] = ['connection', 'knows', 'co-member'];

/** A person node: domain data only. */
export interface PersonNodeAttributes {
  name: string;
  /** Owner ids whose exports list this person. */
  owners: string[];
  /** Set when the person is an export's owner. */
  ownerId?: string;
  company?: string;
  position?: string;
  place?: Place;
  industry?: string;
  role?: Role;
}

/** Why two people are linked, in detail. Only the fields with evidence are present. */
export interface LinkEvidence {
  /** Messages exchanged between an owner and the person. */
  messages?: number;
  /** ISO date of the latest interaction. */
  lastContact?: string;
  invitations?: number;
  endorsements?: number;
  recommendations?: number;
  /** Edge-table / graph-file records naming this pair, and their types. */
  knowsRecords?: number;
  knowsTypes?: string[];
  /** For `co-member` spokes: how many owners' exports list the person. */
  sharedOwners?: number;
  /** The company both work at (display form) for `colleague` links. */
  company?: string;
  /** The e-mail domain both use for `colleague` links. */
  emailDomain?: string;
  /** TF-IDF cosine and shared attribute terms for `similar` links. */
  similarity?: number;
  terms?: string[];
}

export interface EvidenceEdgeAttributes {
  /** Weight contributed by each kind of evidence present on the link. */
  kinds: Partial<Record<LinkKind, number>>;
  /** Sum of `kinds`. */
  weight: number;
  evidence: LinkEvidence;
}

export type EvidenceGraph = UndirectedGraph<PersonNodeAttributes, EvidenceEdgeAttributes>;

/**
 * The evidence graph as arrays (what {@link buildEvidenceLinks} computes and {@link toEvidenceGraph} turns
 * into graphology): person i is `ids[i]` (ids sorted), link l joins `source[l] < target[l]`, links sorted by
 * (source, target).
 */
export interface EvidenceLinks {
  ids: string[];
  /** Node attributes of person i (the same objects the graph's nodes get). */
  attributes: PersonNodeAttributes[];
  source: Int32Array;
  target: Int32Array;
  /** Sum of the link's kind weights (> 0). */
  weight: Float64Array;
  /** Weight of each kind on each link; NaN where the link has no such evidence (or the kind is off). */
  kindWeights: Record<LinkKind, Float64Array>;
  /** Details of link l; undefined when it has none (the graph's edge gets `{}`). */
  evidence: (LinkEvidence | undefined)[];
}

/** Options for {@link buildEvidenceGraph} and {@link buildEvidenceLinks}. */
export interface EvidenceGraphOptions {
  /** Kinds of links built; leave one out to switch it off. Default: all of LINK_KINDS. */
  kinds?: readonly LinkKind[];
  /**
   * Base weight of each kind. Defaults: connection 1, knows 1, co-member 0.5 (per extra owner), colleague 0.4,
   * similar 0.3 (× cosine). Real ties count more than inferred ones.
   */
  weights?: Partial<Record<LinkKind, number>>;
  /** Added to a tie per ln(1 + messages), scaled by recency (0.5 … 1). Default 1. */
  messageWeight?: number;
  /** Half-life of a message's recency, in days before the newest dated interaction in the dataset. Default 365. */
  recencyHalfLifeDays?: number;
  /** Added per invitation. Default 0.2. */
  invitationWeight?: number;
  /** Added per endorsement (capped at 5). Default 0.2. */
  endorsementWeight?: number;
  /** Added per recommendation. Default 0.5. */
  recommendationWeight?: number;
  /** Biggest company / domain group linked as a clique; bigger ones get a sparse ring with chords. Default 8. */
  colleagueCliqueMax?: number;
  /** Chord offsets (1, 2, 4, …) per member in big company groups. Default 4 (≤ 8 colleague links each). */
  colleagueChords?: number;
  /** Sparse similarity (k, threshold, posting cap); see similarity.ts. Default k 5, min cosine 0.5. */
  similarity?: SimilarityOptions;
}

export const EVIDENCE_GRAPH_DEFAULTS = {
  kinds: LINK_KINDS,
  weights: { connection: 1, knows: 1, 'co-member': 0.5, colleague: 0.4, similar: 0.3 } as Record<LinkKind, number>,
  messageWeight: 1,
  recencyHalfLifeDays: 365,
  invitationWeight: 0.2,
  endorsementWeight: 0.2,
  recommendationWeight: 0.5,
  colleagueCliqueMax: 8,
  colleagueChords: 4,
  similarity: SIMILARITY_DEFAULTS,
};

const DAY_MS = 86_400_000;
/** Kinds per link in the build's weight array, and each kind's place there (its index in LINK_KINDS). */
const K = LINK_KINDS.length;
const CONNECTION = LINK_KINDS.indexOf('connection');
const KNOWS = LINK_KINDS.indexOf('knows');
const CO_MEMBER = LINK_KINDS.indexOf('co-member');
const COLLEAGUE = LINK_KINDS.indexOf('colleague');
const SIMILAR = LINK_KINDS.indexOf('similar');

function toRawPlace(p: Person): Place | undefined {
  const city = p.attributes['city']?.value.trim();
  const country = p.attributes['country']?.value.trim();
  const location = p.attributes['location']?.value.trim();
  if (!city && !country && !location) return undefined;
  const place: Place = { text: location || [city, country].filter(Boolean).join(', ') };
  if (city) place.city = city;
  if (country) place.country = country;
  return place;
}

function toNodeAttributes(p: Person, f: PersonFacets): PersonNodeAttributes {
  const attrs: PersonNodeAttributes = { name: p.name, owners: [...p.owners].sort() };
  if (p.ownerId) attrs.ownerId = p.ownerId;
  if (p.company?.value) attrs.company = p.company.value;
  if (p.position?.value) attrs.position = p.position.value;
  // Without enrichment, a place is still read from the raw `city` / `country` / `location` attributes.
  const place = p.place?.value ?? toRawPlace(p);
  if (place) attrs.place = place;
  if (f.industry) attrs.industry = f.industry;
  if (p.role?.value) attrs.role = p.role.value;
  return attrs;
}

/**
 * People sorted by id (UTF-16 code unit order), each id's position among them set in `position`. Why not a comparator: the
 * default sort of the id strings runs in the engine, ~1.4x faster at 30k; ids are unique (buildPeople makes them
 * so), and then the positions put each person in place (no second map); else the comparator sort, and a repeated
 * id's position is its last holder's.
 */
function sortById(list: readonly Person[], position: Map<string, number>): Person[] {
  // Plain loops and no object returned: Array.prototype.map inlined here, and reading a returned pair, deoptimised
  // the whole of buildEvidenceLinks on later runs (out of bounds; no type feedback for the rarely taken return).
  const ids = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) ids[i] = list[i]!.id;
  ids.sort();
  for (let i = 0; i < ids.length; i++) position.set(ids[i]!, i);
  if (position.size === list.length) {
    const people = new Array<Person>(list.length);
    for (let i = 0; i < list.length; i++) people[position.get(list[i]!.id)!] = list[i]!;
    return people;
  }
  const people = [...list].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  position.clear();
  for (let i = 0; i < people.length; i++) position.set(people[i]!.id, i);
  return people;
}

/**
 * The evidence links of `index.people` from the dataset's connections, interactions and edges, as arrays: what
 * the analysis needs first (clusters, the map's view), with no graphology graph yet.
 */
export function buildEvidenceLinks(
  index: PeopleIndex,
  dataset: Dataset,
  options: EvidenceGraphOptions = {},
): EvidenceLinks {
  const steps = evidenceLinkSteps(index, dataset, options);
  let asked: SimilarityRequest | undefined;
  for (let step = steps.next(); ;) {
    if (step.done) return step.value;
    if (step.value === 'similar-pairs') {
      if (!asked) throw new Error('evidence links: similar pairs asked for before their input was given.');
      step = steps.next(computeSimilarPairIds(asked.input, asked.options));
    } else {
      asked = step.value;
      step = steps.next();
    }
  }
}

/**
 * {@link buildEvidenceLinks} with the similar pairs computed by `similar` (the app's worker: in another thread),
 * which is called before the other kinds of link are collected and awaited after them, so both run at once. The
 * links are the same as buildEvidenceLinks gives when `similar` gives what `computeSimilarPairIds` does.
 */
export async function buildEvidenceLinksBeside(
  index: PeopleIndex,
  dataset: Dataset,
  options: EvidenceGraphOptions,
  similar: (input: SimilarityInput, options: Required<SimilarityOptions>) => Promise<SimilarPairIds>,
): Promise<EvidenceLinks> {
  const steps = evidenceLinkSteps(index, dataset, options);
  let pending: Promise<SimilarPairIds> | undefined;
  try {
    for (let step = steps.next(); ;) {
      if (step.done) return step.value;
      if (step.value === 'similar-pairs') {
        if (!pending) throw new Error('evidence links: similar pairs asked for before their input was given.');
        step = steps.next(await pending);
      } else {
        pending = similar(step.value.input, step.value.options);
        // Awaited later; until then a failure must not count as unhandled.
        pending.catch(() => undefined);
        step = steps.next();
      }
    }
  } finally {
    steps.return(undefined as never);
  }
}

/** The similarity's input, given by {@link evidenceLinkSteps} before it collects the other kinds of link. */
export interface SimilarityRequest {
  input: SimilarityInput;
  options: Required<SimilarityOptions>;
}

/**
 * buildEvidenceLinks as steps, so that the similar pairs (the costliest kind: 3.7 s of the links' 9.5 s at 225,000
 * people, profiled in the browser) can be computed elsewhere meanwhile. It yields a {@link SimilarityRequest} once the people's tokens are
 * encoded (when `similar` links are on), collects the other kinds, then yields `'similar-pairs'` and must be given
 * computeSimilarPairIds(request.input, request.options) (or the same from elsewhere) to finish.
 */
export function* evidenceLinkSteps(
  index: PeopleIndex,
  dataset: Dataset,
  options: EvidenceGraphOptions = {},
): Generator<SimilarityRequest | 'similar-pairs', EvidenceLinks, SimilarPairIds | undefined> {
  const o = { ...EVIDENCE_GRAPH_DEFAULTS, ...options };
  const weights = { ...EVIDENCE_GRAPH_DEFAULTS.weights, ...options.weights };
  const on = new Set<LinkKind>(o.kinds);
  const position = new Map<string, number>();
  const people = sortById(index.people, position);

  // Links keyed by the endpoints' positions in `people` (numbers, not ids), held column by column: slot s is
  // the pair pa[s] < pb[s], its weight per kind in kindWeight[s · K + k] for kind k of LINK_KINDS (NaN: no such
  // evidence; a link's weights side by side, so reading them all is one cache line), its details in evidence[s]
  // (made on first write). No object per link until the graph is built: 300k links build fast and leave little
  // for the garbage collector.
  const ownerNode = new Map<string, number>();
  people.forEach((p, i) => p.ownerId && ownerNode.set(p.ownerId, i));
  const n = people.length;
  // Facets by position in `people`; a repeated id reads its last holder's (as `position` does).
  const facetCache = getEmptyFacetCache();
  const facets = people.map((p) => getPersonFacets(p, facetCache));
  if (position.size < n) people.forEach((p, i) => (facets[i] = facets[position.get(p.id)!]!));
  // Who the similar pairs are between (owners left out: their spokes say enough), and their tokens, given out
  // now so that the pairs can be computed elsewhere while the other kinds are collected here.
  const similarMembers: number[] = [];
  let similarLabels: readonly string[] = [];
  if (on.has('similar')) {
    for (let i = 0; i < n; i++) if (!people[i]!.ownerId) similarMembers.push(i);
    const tokens = new Array<FacetToken[]>(similarMembers.length);
    for (let k = 0; k < similarMembers.length; k++) tokens[k] = getFacetTokens(facets[similarMembers[k]!]!, facetCache);
    const input = encodeSimilarityTokens(tokens);
    // Kept here: the input's typed arrays may be moved to another thread.
    similarLabels = input.labels;
    yield { input, options: { ...SIMILARITY_DEFAULTS, ...o.similarity } };
  }
  const slots = createPairIndex(n * 8);
  // Growable typed columns (the weights NaN-filled): a new link costs no push per kind.
  let capacity = 1024;
  let pa = new Int32Array(capacity);
  let pb = new Int32Array(capacity);
  let kindWeight = new Float64Array(capacity * K).fill(NaN);
  let links = 0;
  const evidence: (LinkEvidence | undefined)[] = [];
  const interactions = new Map<number, Record<InteractionKind, number>>();
  const linkAt = (i: number, j: number): number => {
    if (i === j) return -1;
    const s = slots.slotOf(i, j);
    if (s === links) {
      if (s === capacity) {
        capacity *= 2;
        const grown = new Float64Array(capacity * K).fill(NaN, links * K);
        grown.set(kindWeight);
        kindWeight = grown;
        const [oldA, oldB] = [pa, pb];
        pa = new Int32Array(capacity);
        pb = new Int32Array(capacity);
        pa.set(oldA);
        pb.set(oldB);
      }
      pa[s] = i < j ? i : j;
      pb[s] = i < j ? j : i;
      links++;
      evidence.push(undefined);
    }
    return s;
  };
  const link = (x: string | undefined, y: string | undefined): number => {
    const i = x === undefined ? undefined : position.get(x);
    const j = y === undefined ? undefined : position.get(y);
    return i === undefined || j === undefined ? -1 : linkAt(i, j);
  };
  const evidenceAt = (s: number): LinkEvidence => (evidence[s] ??= {});
  const has = (kind: number, s: number) => !Number.isNaN(kindWeight[s * K + kind]!);

  // 1. Connections: owner ↔ each person in the owner's export (co-members get the extra co-member weight).
  if (on.has('connection') || on.has('co-member')) {
    for (let i = 0; i < n; i++) {
      const p = people[i]!;
      for (let o = 0; o < p.owners.length; o++) {
        const hub = ownerNode.get(p.owners[o]!);
        const s = hub === undefined ? -1 : linkAt(hub, i);
        if (s < 0) continue;
        if (on.has('connection')) kindWeight[s * K + CONNECTION] = weights.connection;
        if (on.has('co-member') && p.owners.length > 1) {
          kindWeight[s * K + CO_MEMBER] = weights['co-member'] * (p.owners.length - 1);
          evidenceAt(s).sharedOwners = p.owners.length;
        }
      }
    }
  }

  // 2. Interactions: counted per owner ↔ person pair; turned into tie strength in step 5.
  let newest = '';
  // Indexed loops over the records: a for-of allocates an iterator result per step where not optimised away.
  const { interactions: records, edges } = dataset;
  for (let k = 0; k < records.length; k++) {
    const date = records[k]!.date;
    if (date && date > newest) newest = date;
  }
  if (on.has('connection') || on.has('knows')) {
    for (let k = 0; k < records.length; k++) {
      const r = records[k]!;
      const hub = ownerNode.get(r.owner);
      const id = hub === undefined ? undefined : index.resolve(r.person);
      const j = id === undefined ? undefined : position.get(id);
      const s = hub === undefined || j === undefined ? -1 : linkAt(hub, j);
      if (s < 0) continue;
      let counts = interactions.get(s);
      if (!counts) {
        counts = { message: 0, invitation: 0, endorsement: 0, recommendation: 0 };
        interactions.set(s, counts);
      }
      counts[r.kind]++;
      if (r.date) {
        const e = evidenceAt(s);
        if (!e.lastContact || r.date > e.lastContact) e.lastContact = r.date;
      }
    }
  }

  // 3. Knows: edge tables and graph files.
  if (on.has('knows')) {
    // Each link's Σw is summed in its knows weight (no link has one yet), then turned into the weight.
    const summed: number[] = [];
    for (let k = 0; k < edges.length; k++) {
      const e = edges[k]!;
      const s = link(index.resolve(e.source), index.resolve(e.target));
      if (s < 0) continue;
      const w = e.weight !== undefined && Number.isFinite(e.weight) && e.weight > 0 ? e.weight : 1;
      const at = s * K + KNOWS;
      if (Number.isNaN(kindWeight[at]!)) {
        kindWeight[at] = w;
        summed.push(s);
      } else kindWeight[at] = kindWeight[at]! + w;
      const ev = evidenceAt(s);
      ev.knowsRecords = (ev.knowsRecords ?? 0) + 1;
      if (e.type && !(ev.knowsTypes ??= []).includes(e.type)) ev.knowsTypes.push(e.type);
    }
    // Why log2(1 + Σw): a record of weight 1 counts 1; heavy edge-table weights (e.g. message counts) are compressed.
    for (let k = 0; k < summed.length; k++) {
      const s = summed[k]!;
      kindWeight[s * K + KNOWS] = weights.knows * Math.log2(1 + kindWeight[s * K + KNOWS]!);
    }
  }

  // 4. Colleagues: same company key or e-mail domain, sparse for big groups.
  if (on.has('colleague')) {
    // Members are positions in the id-sorted people, so each group's members are sorted by id.
    const groups = new Map<string, { members: number[]; label: string; field: 'company' | 'emailDomain' }>();
    for (let i = 0; i < n; i++) {
      const f = facets[i];
      if (f?.companyKey) {
        const key = `c:${f.companyKey}`;
        const g = groups.get(key) ?? { members: [], label: f.company ?? f.companyKey, field: 'company' };
        g.members.push(i);
        groups.set(key, g);
      }
      if (f?.emailDomain) {
        const key = `d:${f.emailDomain}`;
        const g = groups.get(key) ?? { members: [], label: f.emailDomain, field: 'emailDomain' };
        g.members.push(i);
        groups.set(key, g);
      }
    }
    const mark = (x: number, y: number, field: 'company' | 'emailDomain', label: string) => {
      const s = linkAt(x, y);
      if (s < 0) return;
      kindWeight[s * K + COLLEAGUE] = weights.colleague;
      evidenceAt(s)[field] = label;
    };
    for (const g of groups.values()) {
      const m = g.members;
      const size = m.length;
      if (size < 2) continue;
      if (size <= o.colleagueCliqueMax) {
        for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) mark(m[i]!, m[j]!, g.field, g.label);
        continue;
      }
      for (let c = 0, offset = 1; c < o.colleagueChords && offset <= size / 2; c++, offset *= 2)
        for (let i = 0; i < size; i++) mark(m[i]!, m[(i + offset) % size]!, g.field, g.label);
    }
  }

  // 5. Tie strength from interactions: on the connection when there is one, else as `knows`.
  const recency = (date: string | undefined): number => {
    if (!date || !newest) return 0.5;
    const age = (Date.parse(newest) - Date.parse(date)) / DAY_MS;
    return Number.isFinite(age) ? Math.pow(0.5, Math.max(0, age) / o.recencyHalfLifeDays) : 0.5;
  };
  for (const [s, i] of interactions) {
    const ev = evidenceAt(s);
    const boost =
      o.messageWeight * Math.log1p(i.message) * (0.5 + 0.5 * recency(ev.lastContact)) +
      o.invitationWeight * i.invitation +
      o.endorsementWeight * Math.min(5, i.endorsement) +
      o.recommendationWeight * i.recommendation;
    if (i.message) ev.messages = i.message;
    if (i.invitation) ev.invitations = i.invitation;
    if (i.endorsement) ev.endorsements = i.endorsement;
    if (i.recommendation) ev.recommendations = i.recommendation;
    if (has(CONNECTION, s)) kindWeight[s * K + CONNECTION]! += boost;
    else if (on.has('knows'))
      kindWeight[s * K + KNOWS] = (has(KNOWS, s) ? kindWeight[s * K + KNOWS]! : weights.knows) + boost;
  }

  // 6. Similar: sparse TF-IDF k-nearest over attribute tokens (similarity.ts), computed from the input given out
  // above.
  if (on.has('similar')) {
    const pairs = yield 'similar-pairs';
    if (!pairs) throw new Error('evidence links: no similar pairs were given.');
    const members = similarMembers;
    for (let p = 0; p < pairs.a.length; p++) {
      const s = linkAt(members[pairs.a[p]!]!, members[pairs.b[p]!]!);
      if (s < 0) continue;
      const cosine = pairs.cosine[p]!;
      kindWeight[s * K + SIMILAR] = weights.similar * cosine;
      const ev = evidenceAt(s);
      ev.similarity = Math.round(cosine * 1000) / 1000;
      ev.terms = getPairTermsAt(pairs, similarLabels, p);
    }
  }

  // 7. The links sorted by endpoints (a, b): two stable counting sorts, by b then by a (LSD radix: no comparator
  // sort per person, ~30,000 of them at 30k), the second giving each link's place. Links with no enabled evidence
  // are dropped.
  const m = links;
  // Typed and plain containers, filled by loops: the array methods' results and a store keyed by a varying kind
  // name deoptimised this function on later runs (wrong map, wrong name).
  const enabled = new Uint8Array(K);
  for (let k = 0; k < K; k++) enabled[k] = on.has(LINK_KINDS[k]!) ? 1 : 0;
  const weightOf = new Float64Array(m);
  let dropped = 0;
  for (let s = 0; s < m; s++) {
    let w = 0;
    for (let k = 0; k < K; k++) {
      const x = kindWeight[s * K + k]!;
      if (enabled[k] && x > 0) w += x;
    }
    weightOf[s] = w;
    if (w <= 0) dropped++;
  }
  const start = new Int32Array(n + 1);
  for (let s = 0; s < m; s++) start[pb[s]! + 1] = start[pb[s]! + 1]! + 1;
  for (let i = 0; i < n; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const byB = new Int32Array(m);
  for (let s = 0; s < m; s++) byB[start[pb[s]!]!++] = s;
  start.fill(0);
  for (let s = 0; s < m; s++) start[pa[s]! + 1] = start[pa[s]! + 1]! + 1;
  for (let i = 0; i < n; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const place = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    const s = byB[r]!;
    place[s] = start[pa[s]!]!++;
  }
  const count = m - dropped;
  if (dropped > 0) {
    // Places among the kept links: walk the sorted order, numbering the kept ones (-1: dropped).
    const order = byB;
    for (let s = 0; s < m; s++) order[place[s]!] = s;
    for (let r = 0, kept = 0; r < m; r++) {
      const s = order[r]!;
      place[s] = weightOf[s]! > 0 ? kept++ : -1;
    }
  }
  // The columns written in slot order, each link to its place: the reads are sequential and the scattered
  // writes do not wait on memory (reading each link at its sorted place waited on a cache miss or more per link).
  const columns: Float64Array[] = [];
  for (let k = 0; k < K; k++) columns.push(new Float64Array(count).fill(NaN));
  const weight = new Float64Array(count);
  const source = new Int32Array(count);
  const target = new Int32Array(count);
  const details = new Array<LinkEvidence | undefined>(count);
  for (let s = 0; s < m; s++) {
    const r = place[s]!;
    if (r < 0) continue;
    for (let k = 0; k < K; k++) {
      const x = kindWeight[s * K + k]!;
      if (enabled[k] && x > 0) columns[k]![r] = x;
    }
    weight[r] = weightOf[s]!;
    source[r] = pa[s]!;
    target[r] = pb[s]!;
    details[r] = evidence[s];
  }
  const kindWeights: Record<LinkKind, Float64Array> = {
    connection: columns[CONNECTION]!,
    knows: columns[KNOWS]!,
    'co-member': columns[CO_MEMBER]!,
    colleague: columns[COLLEAGUE]!,
    similar: columns[SIMILAR]!,
  };
  return {
    ids: people.map((p) => p.id),
    attributes: people.map((p, i) => toNodeAttributes(p, facets[i]!)),
    source,
    target,
    weight,
    kindWeights,
    evidence: details,
  };
}

/**
 * The evidence graph of the links: nodes in id order with their attributes, link l as the edge keyed
 * `String(l)`. Cost: O(n + m) graphology insertions, the costliest step at 300k links (≈ 1 µs each plus
 * the attribute objects), which is why the analysis clusters from the arrays and builds this after.
 */
export function toEvidenceGraph(links: EvidenceLinks): EvidenceGraph {
  const graph: EvidenceGraph = new UndirectedGraph<PersonNodeAttributes, EvidenceEdgeAttributes>();
  const { ids, source, target, weight, kindWeights, evidence } = links;
  ids.forEach((id, i) => graph.addNode(id, links.attributes[i]!));
  for (let l = 0; l < source.length; l++) {
    const kinds: Partial<Record<LinkKind, number>> = {};
    for (const kind of LINK_KINDS) {
      const w = kindWeights[kind][l]!;
      if (w > 0) kinds[kind] = w;
    }
    graph.addUndirectedEdgeWithKey(String(l), ids[source[l]!]!, ids[target[l]!]!, {
      kinds,
      weight: weight[l]!,
      evidence: evidence[l] ?? {},
    });
  }
  return graph;
}

/** Builds the evidence graph of `index.people` from the dataset's connections, interactions and edges. */
export function buildEvidenceGraph(
  index: PeopleIndex,
  dataset: Dataset,
  options: EvidenceGraphOptions = {},
): EvidenceGraph {
  return toEvidenceGraph(buildEvidenceLinks(index, dataset, options));
}

/** Node i's attributes by id, for code that reads people from links or a graph alike (cluster names). */
export interface PersonSource {
  getNodeAttributes(id: string): PersonNodeAttributes;
}

/** The links' people as a {@link PersonSource}. */
export function toPersonSource(links: EvidenceLinks): PersonSource {
  const position = new Map(links.ids.map((id, i) => [id, i]));
  return {
    getNodeAttributes(id) {
      const a = links.attributes[position.get(id) ?? -1];
      if (!a) throw new Error(`core/analysis: no person '${id}' in the evidence links.`);
      return a;
    },
  };
}
