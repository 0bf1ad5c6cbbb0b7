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
import type { EvidenceGraph } from './evidence-graph';
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
  graph: EvidenceGraph;
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

/** Ranks every non-owner person; best first, ties by id. */
export function computeSuperConnectors(
  input: SuperConnectorInput,
  options: SuperConnectorOptions = {},
): SuperConnector[] {
  const o = { ...SUPER_CONNECTOR_DEFAULTS, ...options };
  const w = { ...SUPER_CONNECTOR_DEFAULTS.weights, ...options.weights };
  const { graph, membership, clusterLabels, betweenness, participation } = input;
  const ownerCount = graph.filterNodes((_n, a) => a.ownerId !== undefined).length;

  // 1. Betweenness scale and rank (for "top x% bridges").
  const people = graph.filterNodes((_n, a) => a.ownerId === undefined);
  let bmax = 0;
  for (const id of people) bmax = Math.max(bmax, betweenness[id] ?? 0);
  const byBridging = [...people].sort((a, b) => (betweenness[b] ?? 0) - (betweenness[a] ?? 0) || (a < b ? -1 : 1));
  const bridgeRank = new Map(byBridging.map((id, i) => [id, i + 1]));

  const out: SuperConnector[] = people.map((id) => {
    const attrs = graph.getNodeAttributes(id);
    // 2. Strong links per cluster, messages over owner spokes.
    const linkCounts = new Map<string, number>();
    let messages = 0;
    const own = membership[id];
    if (own && own !== UNCLUSTERED) linkCounts.set(own, 0);
    graph.forEachEdge(id, (_e, e, s, t) => {
      const other = s === id ? t : s;
      messages += e.evidence.messages ?? 0;
      const c = membership[other];
      if (!c || c === UNCLUSTERED || e.weight < o.strongLinkWeight) return;
      linkCounts.set(c, (linkCounts.get(c) ?? 0) + 1);
    });
    const clusters = [...linkCounts.entries()]
      .sort(([a, x], [b, y]) => y - x || (a === own ? -1 : b === own ? 1 : a < b ? -1 : 1))
      .map(([c]) => c);

    // 3. Score parts.
    const b = betweenness[id] ?? 0;
    const bridging = bmax > 0 ? Math.sqrt(b / bmax) : 0;
    const reach =
      0.5 * (participation[id] ?? 0) +
      0.5 * Math.min(1, Math.max(0, clusters.length - 1) / Math.max(1, o.reachClusters));
    const owners = attrs.owners.length;
    const team = ownerCount > 1 ? Math.max(0, owners - 1) / (ownerCount - 1) : 0;
    const text = [attrs.position, attrs.company, attrs.name].filter(Boolean).join(' | ');
    const hints = TRADE_HINTS.filter((h) => h.pattern.test(text)).map((h) => h.hint);
    const hint = hints.length > 0 ? 1 : 0;
    const score = w.bridging * bridging + w.reach * reach + w.team * team + w.hint * hint;

    // 4. Reasons.
    const why: string[] = [];
    if (clusters.length >= 2) {
      const named = clusters.slice(0, o.namedClusters).map((c) => clusterLabels[c] ?? c);
      why.push(
        `links ${clusters.length} clusters: ${named.join(', ')}${clusters.length > o.namedClusters ? ', …' : ''}`,
      );
    }
    const rank = bridgeRank.get(id) ?? people.length;
    if (b > 0 && rank <= Math.max(3, Math.ceil(people.length * 0.1)))
      why.push(`bridge rank ${rank} of ${people.length} (betweenness)`);
    if (ownerCount > 1 && owners >= 2) why.push(`known by ${owners} of your team`);
    if (messages > 0) why.push(`messaged ${messages} time${messages === 1 ? '' : 's'}`);
    if (hints.length > 0) why.push(`trade hint: ${hints.join(', ')}${attrs.position ? ` ("${attrs.position}")` : ''}`);

    return {
      id,
      name: attrs.name,
      score: round(score),
      why,
      parts: { bridging: round(bridging), reach: round(reach), team: round(team), hint },
      clusters,
      owners,
      messages,
      hints,
    };
  });
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
