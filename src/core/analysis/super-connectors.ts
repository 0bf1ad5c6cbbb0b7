/**
 * Super-connectors: people who bridge clusters, ranked by a score with the reasons behind it.
 *
 *   score = wBridging · √(b / b_max) + wReach · reach + wTeam · team + wHint · hint
 *
 * - bridging: betweenness on the evidence graph without owners' spokes (betweenness.ts); the square
 *   root because betweenness is heavy-tailed and would otherwise make the top one or two the only signal;
 * - reach: ½ participation coefficient (participation.ts) + ½ min(1, (clusters linked − 1) / reachClusters),
 *   where "clusters linked" counts the distinct clusters (own included) a person has strong links into —
 *   a link is strong when its weight is at least `strongLinkWeight` (a real tie, not an inferred one);
 * - team: (owners who know the person − 1) / (owners − 1), 0 for a single owner;
 * - hint: 1 when the position, company or name says the person connects people by trade (recruiter,
 *   talent, LION / open networker, community, chamber, investor, consultant). A hint only adds
 *   `wHint` (default 0.05): it is reported, never the whole score.
 * Owners are not ranked. Cost: O(n + m) plus sorting.
 */
import type { PersonNodeAttributes } from './evidence-graph';
import type { EvidenceGraphReader } from './link-graph';
import { UNCLUSTERED } from './clusters';

/** Trade hints: a label and the text that suggests it. */
export const TRADE_HINTS: readonly { hint: string; pattern: RegExp }[] = [
  { hint: 'recruiter', pattern: /\b(recruit\w*|head ?hunt\w*|talent acquisition|sourcer|staffing)\b/i },
  { hint: 'talent', pattern: /\btalent\b/i },
  { hint: 'open networker', pattern: /\bLION\b|open network\w*|\bnetworker\b/ },
  { hint: 'community', pattern: /\b(community|communities|meetup|organi[sz]er of)\b/i },
  { hint: 'chamber', pattern: /\bchamber\b|\bchambre\b|\bkammer\b/i },
  { hint: 'investor', pattern: /\b(investor|investing|venture|vc|angel|capital partner)\b/i },
  { hint: 'consultant', pattern: /\bconsult(ant|ing)\b/i },
];

/** Options for {@link computeSuperConnectors}. */
export interface SuperConnectorOptions {
  /** Weights of the score's parts. Defaults: bridging 0.5, reach 0.3, team 0.15, hint 0.05. */
  weights?: Partial<{ bridging: number; reach: number; team: number; hint: number }>;
  /** Smallest link weight counted as a strong link into a cluster. Default 0.9 (a connection or knows tie). */
  strongLinkWeight?: number;
  /** Clusters linked (beyond one's own) for full reach. Default 3. */
  reachClusters?: number;
  /** Cluster labels named in a "links N clusters" reason. Default 3. */
  namedClusters?: number;
}

export const SUPER_CONNECTOR_DEFAULTS = {
  weights: { bridging: 0.5, reach: 0.3, team: 0.15, hint: 0.05 },
  strongLinkWeight: 0.9,
  reachClusters: 3,
  namedClusters: 3,
};

export interface SuperConnectorInput {
  graph: EvidenceGraphReader;
  /** Cluster id per non-owner node. */
  membership: Record<string, string>;
  /** Display label per cluster id. */
  clusterLabels: Record<string, string>;
  /** Betweenness per node (without owner spokes); missing counts as 0. */
  betweenness: Record<string, number>;
  /** Participation coefficient per node; missing counts as 0. */
  participation: Record<string, number>;
}

export interface SuperConnector {
  id: string;
  name: string;
  /** 0..1, rounded to 4 decimals. */
  score: number;
  /** Reasons, strongest first. */
  why: string[];
  parts: { bridging: number; reach: number; team: number; hint: number };
  /** Clusters the person has strong links into, most links first. */
  clusters: string[];
  owners: number;
  messages: number;
  hints: string[];
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The people a ranking reads, by number: from a graph reader ({@link toRankedPeople}) or, faster, from the
 * evidence links' incidence list (analyze.ts).
 */
export interface RankedPeople {
  /** Person i's id and attributes, in node order. */
  ids: readonly string[];
  attributes: readonly PersonNodeAttributes[];
  /** Calls `visit` for each link of person i with the other end, the link's weight and its messages. */
  forEachLink(i: number, visit: (other: number, weight: number, messages: number) => void): void;
}

/** People of a graph reader (a graphology evidence graph or a link graph) as {@link RankedPeople}. */
export function toRankedPeople(graph: EvidenceGraphReader): RankedPeople {
  const ids: string[] = [];
  const attributes: PersonNodeAttributes[] = [];
  const position = new Map<string, number>();
  graph.forEachNode((id, a) => {
    position.set(id, ids.length);
    ids.push(id);
    attributes.push(a);
  });
  return {
    ids,
    attributes,
    forEachLink(i, visit) {
      const id = ids[i]!;
      graph.forEachEdge(id, (_e, e, s, t) =>
        visit(position.get(s === id ? t : s)!, e.weight, e.evidence.messages ?? 0),
      );
    },
  };
}

/** Everything of the ranking but betweenness (see {@link prepareSuperConnectors}). */
export interface PreparedSuperConnectors {
  ids: readonly string[];
  /** The ranked people (owners left out), as positions in `ids`, in node order. */
  people: Int32Array;
  /** Per ranked person (same order as `people`). */
  ranked: {
    name: string;
    position?: string;
    clusters: string[];
    owners: number;
    messages: number;
    hints: string[];
    reach: number;
    team: number;
  }[];
  ownerCount: number;
  clusterLabels: Record<string, string>;
}

/**
 * The part of the ranking that does not need betweenness (strong links per cluster, messages, reach, team and
 * trade hints), so it can run while betweenness is computed. `participation[i]` is person i's coefficient.
 */
export function prepareSuperConnectors(
  source: RankedPeople,
  membership: Record<string, string>,
  clusterLabels: Record<string, string>,
  participation: ArrayLike<number>,
  options: SuperConnectorOptions = {},
): PreparedSuperConnectors {
  const o = { ...SUPER_CONNECTOR_DEFAULTS, ...options };
  const { ids, attributes } = source;
  let ownerCount = 0;
  for (const a of attributes) if (a.ownerId !== undefined) ownerCount++;
  const people = Int32Array.from(attributes.flatMap((a, i) => (a.ownerId === undefined ? [i] : [])));
  // Each person's cluster once, not a string look-up per link.
  const clusterOf = ids.map((id) => {
    const c = membership[id];
    return c && c !== UNCLUSTERED ? c : undefined;
  });
  const linkCounts = new Map<string, number>();
  const ranked: PreparedSuperConnectors['ranked'] = [];
  for (const i of people) {
    const attrs = attributes[i]!;
    // 1. Strong links per cluster, messages over owner spokes.
    linkCounts.clear();
    let messages = 0;
    const own = clusterOf[i];
    if (own) linkCounts.set(own, 0);
    source.forEachLink(i, (other, weight, m) => {
      messages += m;
      const c = clusterOf[other];
      if (!c || weight < o.strongLinkWeight) return;
      linkCounts.set(c, (linkCounts.get(c) ?? 0) + 1);
    });
    const clusters = [...linkCounts.entries()]
      .sort(([a, x], [b, y]) => y - x || (a === own ? -1 : b === own ? 1 : a < b ? -1 : 1))
      .map(([c]) => c);

    // 2. Score parts that do not need betweenness.
    const reach =
      0.5 * (participation[i] ?? 0) +
      0.5 * Math.min(1, Math.max(0, clusters.length - 1) / Math.max(1, o.reachClusters));
    const owners = attrs.owners.length;
    const team = ownerCount > 1 ? Math.max(0, owners - 1) / (ownerCount - 1) : 0;
    const text = [attrs.position, attrs.company, attrs.name].filter(Boolean).join(' | ');
    const hints = TRADE_HINTS.filter((h) => h.pattern.test(text)).map((h) => h.hint);
    const r: PreparedSuperConnectors['ranked'][number] = {
      name: attrs.name,
      clusters,
      owners,
      messages,
      hints,
      reach,
      team,
    };
    if (attrs.position) r.position = attrs.position;
    ranked.push(r);
  }
  return { ids, people, ranked, ownerCount, clusterLabels };
}

/** Completes a prepared ranking with betweenness (`betweenness[i]` of person i); best first, ties by id. */
export function finishSuperConnectors(
  prepared: PreparedSuperConnectors,
  betweenness: ArrayLike<number>,
  options: SuperConnectorOptions = {},
): SuperConnector[] {
  const o = { ...SUPER_CONNECTOR_DEFAULTS, ...options };
  const w = { ...SUPER_CONNECTOR_DEFAULTS.weights, ...options.weights };
  const { ids, people, ranked, ownerCount, clusterLabels } = prepared;
  const count = people.length;
  const b = Float64Array.from(people, (i) => betweenness[i] ?? 0);

  // 1. Betweenness scale and rank (for "top x% bridges").
  let bmax = 0;
  for (let k = 0; k < count; k++) bmax = Math.max(bmax, b[k]!);
  const byBridging = Array.from({ length: count }, (_, k) => k).sort(
    (x, y) => b[y]! - b[x]! || (ids[people[x]!]! < ids[people[y]!]! ? -1 : 1),
  );
  const bridgeRank = new Int32Array(count);
  byBridging.forEach((k, r) => (bridgeRank[k] = r + 1));
  const topRank = Math.max(3, Math.ceil(count * 0.1));

  const out: SuperConnector[] = ranked.map((r, k) => {
    // 2. Score.
    const bk = b[k]!;
    const bridging = bmax > 0 ? Math.sqrt(bk / bmax) : 0;
    const hint = r.hints.length > 0 ? 1 : 0;
    const score = w.bridging * bridging + w.reach * r.reach + w.team * r.team + w.hint * hint;

    // 3. Reasons.
    const why: string[] = [];
    const { clusters, owners, messages, hints } = r;
    if (clusters.length >= 2) {
      const named = clusters.slice(0, o.namedClusters).map((c) => clusterLabels[c] ?? c);
      why.push(
        `links ${clusters.length} clusters: ${named.join(', ')}${clusters.length > o.namedClusters ? ', …' : ''}`,
      );
    }
    const rank = bridgeRank[k]!;
    if (bk > 0 && rank <= topRank) why.push(`bridge rank ${rank} of ${count} (betweenness)`);
    if (ownerCount > 1 && owners >= 2) why.push(`known by ${owners} of your team`);
    if (messages > 0) why.push(`messaged ${messages} time${messages === 1 ? '' : 's'}`);
    if (hints.length > 0) why.push(`trade hint: ${hints.join(', ')}${r.position ? ` ("${r.position}")` : ''}`);

    return {
      id: ids[people[k]!]!,
      name: r.name,
      score: round(score),
      why,
      parts: { bridging: round(bridging), reach: round(r.reach), team: round(r.team), hint },
      clusters,
      owners,
      messages,
      hints,
    };
  });
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Ranks every non-owner person; best first, ties by id. */
export function computeSuperConnectors(
  input: SuperConnectorInput,
  options: SuperConnectorOptions = {},
): SuperConnector[] {
  const { graph, membership, clusterLabels, betweenness, participation } = input;
  const people = toRankedPeople(graph);
  const prepared = prepareSuperConnectors(
    people,
    membership,
    clusterLabels,
    people.ids.map((id) => participation[id] ?? 0),
    options,
  );
  return finishSuperConnectors(
    prepared,
    people.ids.map((id) => betweenness[id] ?? 0),
    options,
  );
}
