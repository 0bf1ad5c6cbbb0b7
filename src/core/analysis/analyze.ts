/**
 * The analysis pipeline: evidence graph → clusters (Louvain, owners left out) → cluster names →
 * bridging (Brandes betweenness, owners left out) → participation → super-connectors.
 * Pure and synchronous, so the same code runs in the CLI and in the app's worker; it reports progress
 * per stage and checks `isCancelled()` between stages (a cancelled run throws AnalysisCancelledError).
 * It comes in two halves so the app can draw the map before bridging is known: `analyzeClusters`
 * (graph, clusters, names) and `rankNetwork` (participation, super-connectors) over the betweenness of
 * `getBridgingInput`, computed here by `computeBridging` or by the worker in threads, with the same result.
 * Seeded: the same people, dataset and options give the same Analysis.
 * Cost: dominated by bridging, O(s · (m + n) log n) with s = n (exact, ≤ 1,000 people) or 256 pivots.
 */
import type { PeopleIndex } from '../people';
import { createRng } from '../rng';
import type { Dataset } from '../types';
import {
  computeBetweennessFromPlan,
  getBetweennessPlan,
  type BetweennessOptions,
  type BetweennessPlan,
  type BetweennessResult,
} from './betweenness';
import { computeClusterNames, type ClusterDescription, type ClusterNameOptions } from './cluster-names';
import { computeClusters, UNCLUSTERED, type ClusterOptions } from './clusters';
import { toCsr, type Csr } from './csr';
import { buildEvidenceGraph, type EvidenceGraph, type EvidenceGraphOptions } from './evidence-graph';
import { computeParticipation } from './participation';
import { computeSuperConnectors, type SuperConnector, type SuperConnectorOptions } from './super-connectors';

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
  /** Clustering options other than seed and resolution. Defaults in clusters.ts. */
  clusters?: Omit<ClusterOptions, 'seed' | 'resolution' | 'rng'>;
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

export interface Analysis {
  graph: EvidenceGraph;
  clusters: ClusterDescription[];
  /** Cluster id per non-owner person (`unclustered` for people in no cluster). */
  membership: Record<string, string>;
  superConnectors: SuperConnector[];
  modularity: number;
  scores: Record<string, PersonScores>;
  degree: Record<string, Degree>;
  /** Whether betweenness was exact, and over how many sources. */
  bridging: { exact: boolean; sources: number };
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
 * The first half of the analysis, what the map needs: the evidence graph (or `graph` when given: the
 * same people and dataset, e.g. re-clustering at another resolution), clusters, their names and each
 * person's degree. Bridging and the ranking are left empty (`superConnectors: []`, `scores: {}`) for
 * {@link rankNetwork} to fill.
 */
export function analyzeClusters(
  index: PeopleIndex,
  dataset: Dataset,
  options: AnalysisOptions = {},
  graph?: EvidenceGraph,
): Analysis {
  const o = { ...ANALYSIS_DEFAULTS, ...options };

  // 1. Evidence graph.
  enterStage(o, 'graph');
  const g = graph ?? buildEvidenceGraph(index, dataset, o.graph);

  // 2. Clusters, owners left out.
  enterStage(o, 'clusters');
  const clusterResult = computeClusters(g, { ...o.clusters, seed: o.seed, resolution: o.resolution });

  // 3. Names.
  enterStage(o, 'names');
  const clusters = computeClusterNames(g, clusterResult, o.names);

  const degree: Record<string, Degree> = {};
  g.forEachNode((id, a) => {
    if (a.ownerId !== undefined) degree[id] = 0;
    else if (a.owners.length > 0) degree[id] = 1;
    else {
      const direct = g.someEdge(id, (_e, e, s, t) => {
        const other = s === id ? t : s;
        return (
          g.getNodeAttribute(other, 'ownerId') !== undefined && (e.kinds.connection ?? e.kinds.knows) !== undefined
        );
      });
      degree[id] = direct ? 1 : 2;
    }
  });
  return {
    graph: g,
    clusters,
    membership: clusterResult.membership,
    superConnectors: [],
    modularity: clusterResult.modularity,
    scores: {},
    degree,
    bridging: { exact: false, sources: 0 },
  };
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
export function getBridgingInput(graph: EvidenceGraph, options: AnalysisOptions = {}): BridgingInput {
  const o = { ...ANALYSIS_DEFAULTS, ...options };
  const csr = toCsr(graph, { filterNode: (_n, a) => a['ownerId'] === undefined });
  const plan = getBetweennessPlan(csr.nodes.length, { ...o.betweenness, rng: createRng(o.seed * 7919 + 17) });
  return { csr, plan };
}

/** Betweenness of a bridging input in this thread (the app's worker runs the plan's parts in threads instead). */
export function computeBridging(input: BridgingInput): BetweennessResult {
  return computeBetweennessFromPlan(input.csr, input.plan);
}

/** The second half: participation and super-connectors from the clustered network and its betweenness. */
export function rankNetwork(
  network: Analysis,
  input: BridgingInput,
  between: BetweennessResult,
  options: AnalysisOptions = {},
): Analysis {
  const o = { ...ANALYSIS_DEFAULTS, ...options };
  const { graph, clusters, membership } = network;
  const { csr } = input;

  // 5. Participation over the bridging graph; unclustered neighbours do not count as a cluster.
  enterStage(o, 'participation');
  const clusterNumber = new Map(clusters.map((c, i) => [c.id, c.id === UNCLUSTERED ? -1 : i]));
  const member = Int32Array.from(csr.nodes, (id) => clusterNumber.get(membership[id] ?? '') ?? -1);
  const part = computeParticipation(csr, member);
  const betweenness: Record<string, number> = {};
  const participation: Record<string, number> = {};
  csr.nodes.forEach((id, i) => {
    betweenness[id] = between.values[i] ?? 0;
    participation[id] = part[i] ?? 0;
  });

  // 6. Super-connectors and scores.
  enterStage(o, 'super-connectors');
  const labels = Object.fromEntries(clusters.map((c) => [c.id, c.label]));
  const superConnectors = computeSuperConnectors(
    { graph, membership, clusterLabels: labels, betweenness, participation },
    o.superConnectors,
  );
  const scoreOf = new Map(superConnectors.map((s) => [s.id, s.score]));
  const scores: Record<string, PersonScores> = {};
  graph.forEachNode((id) => {
    scores[id] = {
      betweenness: betweenness[id] ?? 0,
      participation: participation[id] ?? 0,
      score: scoreOf.get(id) ?? 0,
    };
  });
  o.onProgress?.('super-connectors', 1);
  return { ...network, superConnectors, scores, bridging: { exact: between.exact, sources: between.sources } };
}

/** Runs the whole analysis of merged people and their dataset, in this thread. */
export function analyzeNetwork(index: PeopleIndex, dataset: Dataset, options: AnalysisOptions = {}): Analysis {
  const network = analyzeClusters(index, dataset, options);
  enterStage(options, 'bridging');
  const input = getBridgingInput(network.graph, options);
  return rankNetwork(network, input, computeBridging(input), options);
}

export { toAnalysisJson, getMeOwner, type AnalysisJson, type AnalysisJsonMeta } from './analysis-json';
