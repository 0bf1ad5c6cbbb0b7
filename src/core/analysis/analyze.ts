/**
 * The analysis pipeline: evidence graph → clusters (Louvain, owners left out) → cluster names →
 * bridging (Brandes betweenness, owners left out) → participation → super-connectors.
 * Pure and synchronous, so the same code runs in the CLI and in the app's worker; it reports progress
 * per stage and checks `isCancelled()` between stages (a cancelled run throws AnalysisCancelledError).
 * Seeded: the same people, dataset and options give the same Analysis.
 * Cost: dominated by bridging, O(s · (m + n) log n) with s = n (exact, ≤ 1,000 people) or 256 pivots.
 */
import type { PeopleIndex } from '../people';
import { createRng } from '../rng';
import type { Dataset } from '../types';
import { computeBetweenness, type BetweennessOptions } from './betweenness';
import { computeClusterNames, type ClusterDescription, type ClusterNameOptions } from './cluster-names';
import { computeClusters, UNCLUSTERED, type ClusterOptions } from './clusters';
import { toCsr } from './csr';
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

/** Runs the whole analysis of merged people and their dataset. */
export function analyzeNetwork(index: PeopleIndex, dataset: Dataset, options: AnalysisOptions = {}): Analysis {
  const o = { ...ANALYSIS_DEFAULTS, ...options };
  let done = 0;
  const stage = (s: AnalysisStage) => {
    if (o.isCancelled?.()) throw new AnalysisCancelledError(s);
    o.onProgress?.(s, Math.min(1, done));
    done += STAGE_COST[s];
  };

  // 1. Evidence graph.
  stage('graph');
  const graph = buildEvidenceGraph(index, dataset, o.graph);

  // 2. Clusters, owners left out.
  stage('clusters');
  const clusterResult = computeClusters(graph, { ...o.clusters, seed: o.seed, resolution: o.resolution });

  // 3. Names.
  stage('names');
  const clusters = computeClusterNames(graph, clusterResult, o.names);
  const labels = Object.fromEntries(clusters.map((c) => [c.id, c.label]));

  // 4. Bridging: betweenness without owner spokes. The pivot rng is derived from the seed, apart from Louvain's.
  stage('bridging');
  const csr = toCsr(graph, { filterNode: (_n, a) => a['ownerId'] === undefined });
  const between = computeBetweenness(csr, { ...o.betweenness, rng: createRng(o.seed * 7919 + 17) });

  // 5. Participation over the same graph; unclustered neighbours do not count as a cluster.
  stage('participation');
  const clusterNumber = new Map(clusters.map((c, i) => [c.id, c.id === UNCLUSTERED ? -1 : i]));
  const member = Int32Array.from(csr.nodes, (id) => clusterNumber.get(clusterResult.membership[id] ?? '') ?? -1);
  const part = computeParticipation(csr, member);
  const betweenness: Record<string, number> = {};
  const participation: Record<string, number> = {};
  csr.nodes.forEach((id, i) => {
    betweenness[id] = between.values[i] ?? 0;
    participation[id] = part[i] ?? 0;
  });

  // 6. Super-connectors, scores and degrees.
  stage('super-connectors');
  const superConnectors = computeSuperConnectors(
    { graph, membership: clusterResult.membership, clusterLabels: labels, betweenness, participation },
    o.superConnectors,
  );
  const scoreOf = new Map(superConnectors.map((s) => [s.id, s.score]));
  const scores: Record<string, PersonScores> = {};
  const degree: Record<string, Degree> = {};
  graph.forEachNode((id, a) => {
    scores[id] = {
      betweenness: betweenness[id] ?? 0,
      participation: participation[id] ?? 0,
      score: scoreOf.get(id) ?? 0,
    };
    if (a.ownerId !== undefined) degree[id] = 0;
    else if (a.owners.length > 0) degree[id] = 1;
    else {
      const direct = graph.someEdge(id, (_e, e, s, t) => {
        const other = s === id ? t : s;
        return (
          graph.getNodeAttribute(other, 'ownerId') !== undefined && (e.kinds.connection ?? e.kinds.knows) !== undefined
        );
      });
      degree[id] = direct ? 1 : 2;
    }
  });
  o.onProgress?.('super-connectors', 1);

  return {
    graph,
    clusters,
    membership: clusterResult.membership,
    superConnectors,
    modularity: clusterResult.modularity,
    scores,
    degree,
    bridging: { exact: between.exact, sources: between.sources },
  };
}

export { toAnalysisJson, getMeOwner, type AnalysisJson, type AnalysisJsonMeta } from './analysis-json';
