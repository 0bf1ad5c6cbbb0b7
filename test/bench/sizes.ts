/**
 * Benchmark sizes: each label names the sample generator's options that give about that many people.
 * 1k-30k are one owner's export (LinkedIn caps a network at 30,000 connections); 100k and 250k are a
 * team of 10 owners whose exports overlap (10 × 30,000 rows, the LinkedIn cap, give about 225,000 people).
 */
export const BENCH_SIZES = {
  '1k': { connections: 1_020, owners: 1 },
  '10k': { connections: 10_200, owners: 1 },
  '30k': { connections: 30_000, owners: 1 },
  '100k': { connections: 13_400, owners: 10 },
  '250k': { connections: 30_000, owners: 10 },
} as const;

export type BenchSize = keyof typeof BENCH_SIZES;

export const isBenchSize = (s: string): s is BenchSize => Object.hasOwn(BENCH_SIZES, s);

/** Stages timed, in pipeline order (see measure.ts for what each covers). */
export const BENCH_STAGES = [
  'parse',
  'build',
  'gazetteer',
  'enrich',
  'links',
  'clusters',
  'names',
  'view',
  'graph',
  'bridging',
  'rank',
  'layout',
] as const;
export type BenchStage = (typeof BENCH_STAGES)[number];

/** What one child process reports for one size. */
export interface SizeReport {
  size: BenchSize;
  people: number;
  /** Links of the evidence graph, and of the graph without owners (what Louvain and betweenness see). */
  links: number;
  nodesNoOwners: number;
  linksNoOwners: number;
  inputMB: number;
  generateMs: number;
  /** Cold import of data/gazetteer.json + regions.json (first run only; cached after). */
  gazetteerImportMs: number;
  /** Wall-clock ms per stage, per run. */
  runs: Record<BenchStage, number>[];
  /** CPU ms (user + system, all threads of the process: GC helpers included) per stage, per run. */
  cpuRuns: Record<BenchStage, number>[];
  /** Wall-clock ms of each bridging part (the app runs them in parallel threads), per run. */
  bridgingParts?: number[][];
  /** RSS high-water mark (MB) at the end of each stage of the first run. */
  peakRssMB: Record<BenchStage, number>;
  /** Heap in use (MB) at the end of each stage of the first run. */
  heapMB: Record<BenchStage, number>;
  modularity: number;
  clusters: number;
  bridging: { exact: boolean; sources: number };
  layoutIterations: number;
  layoutMaxIterations: number;
  /** Files written for the igraph side: int32 sources, int32 targets, float64 weights, our betweenness, our communities. */
  exportDir: string;
}
