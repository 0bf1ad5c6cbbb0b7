/**
 * The analysis pipeline: evidence links → clusters (Louvain, owners left out) → cluster names →
 * bridging (Brandes betweenness, owners left out) → participation → super-connectors.
 * Pure and synchronous, so the same code runs in the CLI and in the app's worker; it reports progress
 * per stage and checks `isCancelled()` between stages (a cancelled run throws AnalysisCancelledError).
 * It comes in two halves so the app can draw the map before bridging is known: `clusterNetwork` (links,
 * clusters, names, all over arrays: no graphology graph yet), then `toAnalysis` (the evidence graph) and
 * `rankNetwork` (participation, super-connectors) over the betweenness of `getBridgingInput`, computed here
 * by `computeBridging` or by the worker in threads, with the same result. `analyzeClusters` is the first
 * half with the graph built.
 * Seeded: the same people, dataset and options give the same Analysis.
 * Cost: dominated by bridging, O(s · (m + n) log n) with s = n (exact, ≤ 1,000 people) or 256 pivots.
 */
import type { PeopleIndex } from '../people';
import { createRng } from '../rng';
import type { Dataset } from '../types';
import {
  BETWEENNESS_DEFAULTS,
  computeBetweennessFromPlan,
  getBetweennessPlan,
  getBetweennessStages,
  type BetweennessOptions,
  type BetweennessPlan,
  type BetweennessResult,
  type BetweennessStages,
} from './betweenness';
import { computeClusterNames, type ClusterDescription, type ClusterNameOptions } from './cluster-names';
import { toClusterResult, UNCLUSTERED, type ClusterOptions } from './clusters';
import { toCsrFromArrays, type Csr } from './csr';
import {
  buildEvidenceLinks,
  toEvidenceGraph,
  toPersonSource,
  type EvidenceGraph,
  type EvidenceGraphOptions,
  type EvidenceLinks,
} from './evidence-graph';
import { computeLouvain } from './louvain';
import { toLinkGraph, type EvidenceGraphReader, type LinkGraph } from './link-graph';
import { computeParticipation } from './participation';
import {
  finishSuperConnectors,
  prepareSuperConnectors,
  type PreparedSuperConnectors,
  type RankedPeople,
  type SuperConnector,
  type SuperConnectorOptions,
} from './super-connectors';

export const ANALYSIS_STAGES = ['graph', 'clusters', 'names', 'bridging', 'participation', 'super-connectors'] as const;
export type AnalysisStage = (typeof ANALYSIS_STAGES)[number];

/** Thrown when `isCancelled()` returns true between stages. */
export class AnalysisCancelledError extends Error {
  constructor(stage: AnalysisStage) {
    super(`core/analysis: cancelled before stage '${stage}'.`);
    this.name = 'AnalysisCancelledError';
  }
}

/** Options for {@link analyzeNetwork}. */
export interface AnalysisOptions {
  /** Seed of every random choice (Louvain order, betweenness pivots). Default 1. */
  seed?: number;
  /** Louvain resolution; higher gives more, smaller clusters. Default 1. */
  resolution?: number;
  /** Evidence graph options (kinds, weights, similarity). Defaults in evidence-graph.ts. */
  graph?: EvidenceGraphOptions;
  /** Clustering options other than seed and resolution (owners are always left out). Defaults in clusters.ts. */
  clusters?: Pick<ClusterOptions, 'minClusterSize'>;
  /** Cluster naming options. Defaults in cluster-names.ts. */
  names?: ClusterNameOptions;
  /** Betweenness options (weighted, exact threshold, pivots). Defaults in betweenness.ts. */
  betweenness?: Omit<BetweennessOptions, 'rng'>;
  /** Super-connector score options. Defaults in super-connectors.ts. */
  superConnectors?: SuperConnectorOptions;
  /** Called at the start of each stage and once at the end with ('super-connectors', 1); fraction is overall 0..1. */
  onProgress?: (stage: AnalysisStage, fraction: number) => void;
  /** Checked between stages; true stops the run with AnalysisCancelledError. Default: never. */
  isCancelled?: () => boolean;
}

export const ANALYSIS_DEFAULTS = { seed: 1, resolution: 1 };

/** Per-person numbers behind the ranking. */
export interface PersonScores {
  betweenness: number;
  participation: number;
  /** Super-connector score (0 for owners). */
  score: number;
}

/** 0: an owner; 1: connected to an owner; 2: known only through other links. */
export type Degree = 0 | 1 | 2;

/** A ranked network read through any evidence graph reader (the app's worker reads the links' arrays). */
export interface RankedNetwork extends ClusteredNetwork, Ranking {
  graph: EvidenceGraphReader;
}

/** The whole analysis, with the graphology evidence graph (the CLI, exports). */
export interface Analysis extends RankedNetwork {
  graph: EvidenceGraph;
}

// Rough share of the run taken by each stage, for the progress bar.
const STAGE_COST: Record<AnalysisStage, number> = {
  graph: 0.25,
  clusters: 0.15,
  names: 0.05,
  bridging: 0.45,
  participation: 0.03,
  'super-connectors': 0.07,
};
const STAGE_START = Object.fromEntries(
  ANALYSIS_STAGES.map((s, i) => [s, ANALYSIS_STAGES.slice(0, i).reduce((sum, t) => sum + STAGE_COST[t], 0)]),
) as Record<AnalysisStage, number>;

function enterStage(o: AnalysisOptions, s: AnalysisStage): void {
  if (o.isCancelled?.()) throw new AnalysisCancelledError(s);
  o.onProgress?.(s, Math.min(1, STAGE_START[s]));
}

/**
 * What the map needs, from arrays only (no graphology graph yet): the evidence links (or `links` when given:
 * the same people and dataset, e.g. re-clustering at another resolution), the network without owners as a CSR
 * (Louvain's and bridging's graph), clusters, their names and each person's degree.
 */
export interface ClusteredNetwork {
  links: EvidenceLinks;
  /** The people who are not owners and the links between them (weights as on the links); node order is id order. */
  csr: Csr;
  clusters: ClusterDescription[];
  /** Cluster id per non-owner person (`unclustered` for people in no cluster). */
  membership: Record<string, string>;
  modularity: number;
  degree: Record<string, Degree>;
}

/** The first half of the analysis, over arrays: links, clusters, names (see {@link ClusteredNetwork}). */
export function clusterNetwork(
  index: PeopleIndex,
  dataset: Dataset,
  options: AnalysisOptions = {},
  links?: EvidenceLinks,
): ClusteredNetwork {
  const o = { ...ANALYSIS_DEFAULTS, ...options };

  // 1. Evidence links.
  enterStage(o, 'graph');
  const l = links ?? buildEvidenceLinks(index, dataset, o.graph);

  // 2. Clusters, owners left out (Louvain over the CSR of everyone else).
  enterStage(o, 'clusters');
  const csr = toNetworkCsr(l);
  const louvain = computeLouvain(csr, { resolution: o.resolution, rng: createRng(o.seed) });
  const clusterResult = toClusterResult(csr, louvain, o.clusters);

  // 3. Names.
  enterStage(o, 'names');
  const clusters = computeClusterNames(toPersonSource(l), clusterResult, o.names);
  return {
    links: l,
    csr,
    clusters,
    membership: clusterResult.membership,
    modularity: clusterResult.modularity,
    degree: getDegrees(l),
  };
}

/** The CSR of the people who are not owners and the links between them, in id and link order. */
function toNetworkCsr(links: EvidenceLinks): Csr {
  const { ids, attributes, source, target, weight } = links;
  const at = new Int32Array(ids.length).fill(-1);
  const nodes: string[] = [];
  ids.forEach((id, i) => {
    if (attributes[i]?.ownerId !== undefined) return;
    at[i] = nodes.length;
    nodes.push(id);
  });
  // The kept links in typed arrays sized for all of them (no push per link, no boxed weight).
  const src = new Int32Array(source.length);
  const dst = new Int32Array(source.length);
  const wts = new Float64Array(source.length);
  let kept = 0;
  for (let l = 0; l < source.length; l++) {
    const a = at[source[l]!]!;
    const b = at[target[l]!]!;
    if (a < 0 || b < 0) continue;
    src[kept] = a;
    dst[kept] = b;
    wts[kept++] = weight[l]!;
  }
  return toCsrFromArrays(nodes, src.subarray(0, kept), dst.subarray(0, kept), wts.subarray(0, kept));
}

/** 0 for owners, 1 for people in an owner's export or linked to an owner by a connection or knows link, else 2. */
function getDegrees(links: EvidenceLinks): Record<string, Degree> {
  const { ids, attributes, source, target, kindWeights } = links;
  const direct = new Uint8Array(ids.length);
  for (let l = 0; l < source.length; l++) {
    if (!(kindWeights.connection[l]! > 0 || kindWeights.knows[l]! > 0)) continue;
    const s = source[l]!;
    const t = target[l]!;
    if (attributes[s]?.ownerId !== undefined) direct[t] = 1;
    if (attributes[t]?.ownerId !== undefined) direct[s] = 1;
  }
  const degree: Record<string, Degree> = {};
  ids.forEach((id, i) => {
    const a = attributes[i]!;
    degree[id] = a.ownerId !== undefined ? 0 : a.owners.length > 0 || direct[i] ? 1 : 2;
  });
  return degree;
}

/** The clustered network with its graphology graph and an empty ranking, for {@link rankNetwork} to fill. */
export function toAnalysis(network: ClusteredNetwork, graph: EvidenceGraph = toEvidenceGraph(network.links)): Analysis {
  return { ...network, graph, superConnectors: [], scores: {}, bridging: { exact: false, sources: 0 } };
}

/**
 * The first half of the analysis with the evidence graph built ({@link clusterNetwork} then
 * {@link toAnalysis}); bridging and the ranking are left empty for {@link rankNetwork} to fill.
 */
export function analyzeClusters(
  index: PeopleIndex,
  dataset: Dataset,
  options: AnalysisOptions = {},
  links?: EvidenceLinks,
): Analysis {
  return toAnalysis(clusterNetwork(index, dataset, options, links));
}

/** What bridging is computed over: the evidence graph without owners as a CSR, and the sources in parts. */
export interface BridgingInput {
  csr: Csr;
  plan: BetweennessPlan;
}

/**
 * The CSR (owners and their spokes left out) and the seeded plan of sources for betweenness. The pivot
 * rng is derived from the seed, apart from Louvain's, so it does not depend on the resolution.
 */
export function getBridgingInput(network: Pick<ClusteredNetwork, 'csr'>, options: AnalysisOptions = {}): BridgingInput {
  const o = { ...ANALYSIS_DEFAULTS, ...options };
  const { csr } = network;
  const plan = getBetweennessPlan(csr.nodes.length, { ...o.betweenness, rng: createRng(o.seed * 7919 + 17) });
  return { csr, plan };
}

/**
 * The plan of a bridging input in two stages, for the app's first estimate (`betweenness.firstEstimate` sources,
 * the first of each part), or undefined when it is exact or small (see getBetweennessStages). The final values are
 * those of {@link computeBridging}, bit for bit.
 */
export function getBridgingStages(input: BridgingInput, options: AnalysisOptions = {}): BetweennessStages | undefined {
  const { firstEstimate } = { ...BETWEENNESS_DEFAULTS, ...options.betweenness };
  return getBetweennessStages(input.plan, firstEstimate);
}

/** Betweenness of a bridging input in this thread (the app's worker runs the plan's parts in threads instead). */
export function computeBridging(input: BridgingInput): BetweennessResult {
  return computeBetweennessFromPlan(input.csr, input.plan);
}

/** The ranking: super-connectors and every person's scores. */
export interface Ranking {
  superConnectors: SuperConnector[];
  scores: Record<string, PersonScores>;
  /** Whether betweenness was exact, and over how many sources. */
  bridging: { exact: boolean; sources: number };
}

/** The part of the ranking that does not need betweenness (see {@link prepareRanking}). */
export interface PreparedRanking {
  network: ClusteredNetwork;
  input: BridgingInput;
  /** Participation of person i of the links (0 for owners). */
  participation: Float64Array;
  superConnectors: PreparedSuperConnectors;
}

/**
 * Participation and everything of the super-connector scores but betweenness, from the links' arrays (no
 * graphology graph): what the app's worker computes while bridging runs in its threads. `graph` is the links
 * read as a graph (made here when not given).
 */
export function prepareRanking(
  network: ClusteredNetwork,
  input: BridgingInput,
  options: AnalysisOptions = {},
  graph: LinkGraph = toLinkGraph(network.links),
): PreparedRanking {
  const o = { ...ANALYSIS_DEFAULTS, ...options };
  const { clusters, membership, links } = network;
  const { csr } = input;

  // 5. Participation over the bridging graph; unclustered neighbours do not count as a cluster.
  enterStage(o, 'participation');
  const clusterNumber = new Map(clusters.map((c, i) => [c.id, c.id === UNCLUSTERED ? -1 : i]));
  const member = Int32Array.from(csr.nodes, (id) => clusterNumber.get(membership[id] ?? '') ?? -1);
  const part = computeParticipation(csr, member);
  const participation = new Float64Array(links.ids.length);
  csr.nodes.forEach((id, k) => (participation[graph.indexOf(id)] = part[k] ?? 0));

  // 6. Super-connectors' parts other than bridging.
  const { ids, attributes, source, target, weight, evidence } = links;
  const { offsets, incident } = graph;
  const people: RankedPeople = {
    ids,
    attributes,
    forEachLink(i, visit) {
      for (let k = offsets[i]!, end = offsets[i + 1]!; k < end; k++) {
        const l = incident[k]!;
        visit(source[l] === i ? target[l]! : source[l]!, weight[l]!, evidence[l]?.messages ?? 0);
      }
    },
  };
  const labels = Object.fromEntries(clusters.map((c) => [c.id, c.label]));
  const superConnectors = prepareSuperConnectors(people, membership, labels, participation, o.superConnectors);
  return { network, input, participation, superConnectors };
}

/** Completes a prepared ranking with the betweenness of its bridging input. */
export function finishRanking(
  prepared: PreparedRanking,
  between: BetweennessResult,
  options: AnalysisOptions = {},
): Ranking {
  const o = { ...ANALYSIS_DEFAULTS, ...options };
  const { network, input, participation } = prepared;
  const ids = network.links.ids;
  const betweenness = new Float64Array(ids.length);
  const position = new Map(ids.map((id, i) => [id, i]));
  input.csr.nodes.forEach((id, k) => (betweenness[position.get(id)!] = between.values[k] ?? 0));

  enterStage(o, 'super-connectors');
  const superConnectors = finishSuperConnectors(prepared.superConnectors, betweenness, o.superConnectors);
  const scoreOf = new Map(superConnectors.map((s) => [s.id, s.score]));
  const scores: Record<string, PersonScores> = {};
  ids.forEach((id, i) => {
    scores[id] = { betweenness: betweenness[i]!, participation: participation[i]!, score: scoreOf.get(id) ?? 0 };
  });
  o.onProgress?.('super-connectors', 1);
  return { superConnectors, scores, bridging: { exact: between.exact, sources: between.sources } };
}

/** The second half: participation and super-connectors from the clustered network and its betweenness. */
export function rankNetwork(
  network: Analysis,
  input: BridgingInput,
  between: BetweennessResult,
  options: AnalysisOptions = {},
): Analysis {
  return { ...network, ...finishRanking(prepareRanking(network, input, options), between, options) };
}

/** Runs the whole analysis of merged people and their dataset, in this thread. */
export function analyzeNetwork(index: PeopleIndex, dataset: Dataset, options: AnalysisOptions = {}): Analysis {
  const network = analyzeClusters(index, dataset, options);
  enterStage(options, 'bridging');
  const input = getBridgingInput(network, options);
  return rankNetwork(network, input, computeBridging(input), options);
}

export { toAnalysisJson, getMeOwner, type AnalysisJson, type AnalysisJsonMeta } from './analysis-json';
