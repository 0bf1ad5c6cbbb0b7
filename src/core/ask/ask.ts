/**
 * "Who should I ask about this need?": the need parsed into facets (parse-need.ts), the targets who
 * match it at any distance (targets.ts), the clusters that hold them, and the introducers "me" should
 * ask (introducers.ts); a need that matches no one says so with the nearest facets that do
 * (suggestions.ts). The answer maps one to one to the CLI JSON's `need` block (issue 6).
 *
 * Pipeline: 1. parse (or take the user's corrected parse as is); 2. the network's ask index (built
 * once per graph and cached); 3. targets; 4. clusters by target count; 5. introducers over the top
 * targets; 6. message and suggestions when nothing matched. Deterministic: every list is ordered by
 * score, then id. Cost: O(n · terms) for matching plus the introducer search (see introducers.ts).
 */
import type { EvidenceGraphReader } from '../analysis/link-graph';
import { getAskIndex, type AskIndex, type AskIndexOptions } from './ask-index';
import { computeIntroducers, type Introducer, type IntroducerOptions } from './introducers';
import { parseNeed, toNeedLabel, type ParsedNeed, type ParseNeedOptions } from './parse-need';
import { computeSuggestions, type Suggestion, type SuggestionOptions } from './suggestions';
import { computeTargets, createNeedMatchers, type Target, type TargetOptions } from './targets';
import type { AskVocabulary } from './vocabulary';

/** The network an ask runs over: an Analysis (or the parts of one) plus "me" and the vocabulary. */
export interface AskInput {
  graph: EvidenceGraphReader;
  /** Cluster descriptions (id, label), for the clusters list and "bridges …" reasons. */
  clusters?: readonly { id: string; label: string }[];
  /** Cluster id per non-owner person. */
  membership?: Record<string, string>;
  /** Analysis super-connectors (id, score, clusters), for reasons and the weaker-inference fallback. */
  superConnectors?: readonly { id: string; score: number; clusters: string[] }[];
  /** The owner id whose point of view the answer takes. Default: the first owner by id. */
  me?: string;
  vocab: AskVocabulary;
  /** A prebuilt index (e.g. kept by the worker); default: built from the graph and cached. */
  index?: AskIndex;
}

/** Options for {@link askNetwork}. */
export interface AskOptions {
  /** Targets listed (all matches still count for clusters and introducers). Default 50. */
  maxTargets?: number;
  /** Clusters listed. Default 10. */
  maxClusters?: number;
  parse?: ParseNeedOptions;
  targets?: TargetOptions;
  introducers?: IntroducerOptions;
  suggestions?: SuggestionOptions;
  /** Used only when no `index` is given and none is cached. */
  index?: AskIndexOptions;
}

/** Defaults of {@link AskOptions}. */
export const ASK_DEFAULTS = { maxTargets: 50, maxClusters: 10 };

/** A cluster that holds targets. */
export interface AskCluster {
  id: string;
  label: string;
  /** Targets in the cluster. */
  count: number;
}

/** The answer to a need: the CLI JSON's `need` block and the app's three lists. */
export interface AskResult {
  text: string;
  parsed: ParsedNeed;
  /** "role: accountant · place: Southern California". */
  label: string;
  /** The owner id the answer is for, or null without owners. */
  me: string | null;
  /** All targets found (the list below may be cut to `maxTargets`). */
  total: number;
  targets: Target[];
  clusters: AskCluster[];
  introducers: Introducer[];
  /** Set when nothing matched: "no one in Lisbon". */
  message?: string;
  suggestions?: Suggestion[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Answers a need (text, or a parsed need the user corrected) over a network. */
export function askNetwork(input: AskInput, need: string | ParsedNeed, options: AskOptions = {}): AskResult {
  const o = { ...ASK_DEFAULTS, ...options };

  // 1. Parse, unless the caller passes a (corrected) parse.
  const parsed = typeof need === 'string' ? parseNeed(need, input.vocab, o.parse) : need;
  const places = input.vocab.places;

  // 2. The index.
  const index = input.index ?? getAskIndex(input.graph, o.index);
  const me = input.me ?? [...index.owners.keys()].sort(cmp)[0] ?? null;

  // 3. Targets, with "a connection of your teammate …" for those only a teammate knows.
  const matchers = createNeedMatchers(index, parsed, places, o.targets);
  const all = computeTargets(index, parsed, places, o.targets, matchers);
  const ownerName = (id: string) => index.people[index.owners.get(id) ?? -1]?.name ?? id;
  if (me !== null)
    for (const t of all.slice(0, o.maxTargets)) {
      const owners = index.people[index.byId.get(t.id) ?? -1]?.owners ?? [];
      if (owners.includes(me)) t.why.push('your connection: ask directly');
      else if (owners.length) t.why.push(`a connection of your teammate ${owners.map(ownerName).join(', ')}`);
    }

  // 4. Clusters by target count.
  const counts = new Map<string, number>();
  for (const t of all) {
    const c = input.membership?.[t.id];
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const labels = new Map((input.clusters ?? []).map((c) => [c.id, c.label]));
  const clusters = [...counts.entries()]
    .map(([id, count]) => ({ id, label: labels.get(id) ?? id, count }))
    .sort((a, b) => b.count - a.count || cmp(a.id, b.id))
    .slice(0, o.maxClusters);

  // 5. Introducers.
  const introducerInput: Parameters<typeof computeIntroducers>[0] = {
    index,
    targets: all,
    clusterLabels: Object.fromEntries(labels),
  };
  if (me !== null) introducerInput.me = me;
  if (input.membership) introducerInput.membership = input.membership;
  const graph = input.graph;
  introducerInput.getTieEvidence = (x, y) => {
    const e = graph.hasNode(x) && graph.hasNode(y) ? graph.edge(x, y) : undefined;
    return e !== undefined ? graph.getEdgeAttribute(e, 'evidence') : undefined;
  };
  if (input.superConnectors) introducerInput.superConnectors = input.superConnectors;
  if (matchers.place || matchers.industry) {
    const near = (i: number) => {
      const p = index.people[i];
      return Boolean(p && (matchers.place?.(p) || matchers.industry?.has(i)));
    };
    introducerInput.isNearNeed = near;
  }
  const introducers = computeIntroducers(introducerInput, o.introducers);

  const result: AskResult = {
    text: parsed.text,
    parsed,
    label: toNeedLabel(parsed),
    me,
    total: all.length,
    targets: all.slice(0, o.maxTargets),
    clusters,
    introducers,
  };

  // 6. Nothing matched: say so, and suggest the nearest facets.
  if (all.length === 0) {
    const s = computeSuggestions(index, parsed, matchers, input.vocab, o.suggestions);
    result.message = s.message;
    result.suggestions = s.suggestions;
  }
  return result;
}

/** Asks again with a parse the user corrected (facet chips): the same as `askNetwork(input, parsed)`. */
export function askWithParsed(input: AskInput, parsed: ParsedNeed, options: AskOptions = {}): AskResult {
  return askNetwork(input, parsed, options);
}
