/**
 * One benchmark size, in its own process (so peak memory is this size's alone):
 * `node --expose-gc --import tsx test/bench/measure.ts <size> <runs> <layoutIterations> <outDir>`.
 *
 * Generates the sample in memory (io/sample/generate), then runs the app's pipeline stage by stage
 * `runs` times, timing each stage:
 *   parse      io/import importFiles (decode, CSV, records, and merging people: the pipeline reuses them)
 *   build      the pipeline's `imported.people ?? buildPeople(...)`: ~0 since the import merges
 *   gazetteer  core/enrich createGazetteer (index build; the JSON import is timed once, cold)
 *   enrich     core/enrich enrichPeople
 *   links, clusters, names  core/analysis clusterNetwork's stages, timed from its onProgress calls:
 *              links = evidence links (arrays); clusters = CSR + Louvain; names (and degrees)
 *   view       worker/pipeline toNetworkView (compact arrays + seed layout): the map the worker sends first
 *   graph      core/analysis toEvidenceGraph (the graphology graph, built after the first map; the app builds
 *              it while bridging runs in its threads, this benchmark one after the other)
 *   bridging   betweenness plan (getBridgingInput) and each part's dependency sums, timed apart
 *              (the app runs the parts in two threads), then toBetweenness
 *   rank       core/analysis rankNetwork (participation, super-connectors) + setRanking
 *   layout     core/layout createForceLayout + `layoutIterations` ForceAtlas2 iterations (owners' spokes
 *              left out, as the worker does)
 * Writes `<outDir>/report.json` (a SizeReport) and the graph without owners as typed arrays for the
 * igraph side (igraph_bench.py).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  clusterNetwork,
  getBridgingInput,
  rankNetwork,
  toAnalysis,
  type Analysis,
  type AnalysisStage,
} from '../../src/core/analysis/analyze';
import { accumulateDependencies, toBetweenness } from '../../src/core/analysis/betweenness';
import { createGazetteer, type GazetteerData, type RegionsData } from '../../src/core/enrich/gazetteer';
import { enrichPeople } from '../../src/core/enrich';
import { createForceLayout } from '../../src/core/layout/force-layout';
import { buildPeople } from '../../src/core/people';
import { importFiles, type InputFile } from '../../src/io/import';
import { generateSample } from '../../src/io/sample/generate';
import { setRanking, toNetworkView } from '../../src/worker/pipeline';
import type { NetworkView } from '../../src/worker/protocol';
import { BENCH_SIZES, BENCH_STAGES, isBenchSize, type BenchStage, type SizeReport } from './sizes';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

function withoutOwnerSpokes(view: NetworkView): { source: Uint32Array; target: Uint32Array; weight: Float32Array } {
  const owner = Uint8Array.from(view.people, (p) => (p.ownerId ? 1 : 0));
  const keep: number[] = [];
  for (let e = 0; e < view.edges.source.length; e++)
    if (!owner[view.edges.source[e] ?? 0] && !owner[view.edges.target[e] ?? 0]) keep.push(e);
  return {
    source: Uint32Array.from(keep, (e) => view.edges.source[e] ?? 0),
    target: Uint32Array.from(keep, (e) => view.edges.target[e] ?? 0),
    weight: Float32Array.from(keep, (e) => view.edges.weight[e] ?? 1),
  };
}

/** The graph Louvain and betweenness see (owners left out), with our betweenness and communities, as typed arrays. */
function exportGraph(a: Analysis, dir: string): { nodes: number; links: number } {
  const index = new Map<string, number>();
  a.graph.forEachNode((id, attrs) => {
    if (attrs.ownerId === undefined) index.set(id, index.size);
  });
  const src: number[] = [];
  const dst: number[] = [];
  const w: number[] = [];
  a.graph.forEachEdge((_e, attrs, s, t) => {
    const i = index.get(s);
    const j = index.get(t);
    if (i === undefined || j === undefined || i === j) return;
    src.push(i);
    dst.push(j);
    w.push(attrs.weight);
  });
  const between = new Float64Array(index.size);
  const community = new Int32Array(index.size);
  const clusterNumber = new Map(a.clusters.map((c, i) => [c.id, i]));
  let singleton = a.clusters.length;
  for (const [id, i] of index) {
    between[i] = a.scores[id]?.betweenness ?? 0;
    const c = a.membership[id];
    // Pooled `unclustered` people were Louvain's small communities: count each as its own.
    community[i] = c === undefined || c === 'unclustered' ? singleton++ : (clusterNumber.get(c) ?? singleton++);
  }
  const write = (name: string, array: ArrayBufferView) =>
    writeFileSync(join(dir, name), new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  write('src.i32', Int32Array.from(src));
  write('dst.i32', Int32Array.from(dst));
  write('w.f64', Float64Array.from(w));
  write('betweenness.f64', between);
  write('community.i32', community);
  return { nodes: index.size, links: src.length };
}

async function main(): Promise<void> {
  const [sizeArg = '1k', runsArg = '3', itersArg = '20', outDir = '/tmp/netwell-bench'] = process.argv.slice(2);
  if (!isBenchSize(sizeArg))
    throw new Error(`bench: unknown size '${sizeArg}'. Use one of ${Object.keys(BENCH_SIZES)}.`);
  const runs = Math.max(1, Number(runsArg));
  const layoutIterations = Math.max(0, Number(itersArg));
  mkdirSync(outDir, { recursive: true });

  let t = performance.now();
  const sample = generateSample({ ...BENCH_SIZES[sizeArg], seed: 1 });
  const encoder = new TextEncoder();
  const files: InputFile[] = sample.files
    .filter((f) => f.path !== 'truth.json')
    .map((f) => ({ path: f.path, bytes: encoder.encode(f.text) }));
  const generateMs = performance.now() - t;
  sample.files.length = 0;
  const inputMB = mb(files.reduce((s, f) => s + f.bytes.length, 0));

  t = performance.now();
  const [g, r] = await Promise.all([import('../../data/gazetteer.json'), import('../../data/regions.json')]);
  const gazetteerData = ((g as { default?: unknown }).default ?? g) as GazetteerData;
  const regionsData = ((r as { default?: unknown }).default ?? r) as RegionsData;
  const gazetteerImportMs = performance.now() - t;

  const timings: Record<BenchStage, number>[] = [];
  const bridgingParts: number[][] = [];
  const cpuTimings: Record<BenchStage, number>[] = [];
  const peakRssMB = {} as Record<BenchStage, number>;
  const heapMB = {} as Record<BenchStage, number>;
  let last: { a: Analysis; view: NetworkView; iterations: number; maxIterations: number } | undefined;
  for (let run = 0; run < runs; run++) {
    gc();
    const times = {} as Record<BenchStage, number>;
    const cpu = {} as Record<BenchStage, number>;
    let mark = performance.now();
    let cpuMark = process.cpuUsage();
    const lap = (stage: BenchStage) => {
      const now = performance.now();
      times[stage] = now - mark;
      mark = now;
      const c = process.cpuUsage(cpuMark);
      cpu[stage] = (c.user + c.system) / 1000;
      cpuMark = process.cpuUsage();
      if (run === 0) {
        peakRssMB[stage] = Math.round(process.resourceUsage().maxRSS / 1024);
        heapMB[stage] = mb(process.memoryUsage().heapUsed);
      }
    };

    const imported = await importFiles(files);
    lap('parse');
    const index = imported.people ?? buildPeople(imported.dataset);
    lap('build');
    const gazetteer = createGazetteer(gazetteerData, regionsData);
    lap('gazetteer');
    enrichPeople(index.people, gazetteer);
    lap('enrich');
    const stageOf: Partial<Record<AnalysisStage, BenchStage>> = { clusters: 'links', names: 'clusters' };
    const options = { seed: 1, onProgress: (st: AnalysisStage) => stageOf[st] && lap(stageOf[st]) };
    const network = clusterNetwork(index, imported.dataset, options);
    lap('names');
    const view = toNetworkView({ imported, index }, network, { seed: 1, resolution: 1 });
    lap('view');
    const clustered = toAnalysis(network);
    lap('graph');
    const input = getBridgingInput(clustered, options);
    const parts = input.plan.parts.map((sources) => {
      const t0 = performance.now();
      const sums = accumulateDependencies(input.csr, sources, input.plan.weighted, input.plan.linear);
      return { sums, ms: performance.now() - t0 };
    });
    const between = toBetweenness(
      input.plan,
      parts.map((x) => x.sums),
    );
    bridgingParts.push(parts.map((x) => x.ms));
    lap('bridging');
    const a = rankNetwork(clustered, input, between, { seed: 1 });
    setRanking(view, a);
    lap('rank');
    const layout = createForceLayout(view.positions, withoutOwnerSpokes(view), { tolerance: 0 });
    if (layoutIterations > 0) layout.step(layoutIterations);
    lap('layout');
    timings.push(times);
    cpuTimings.push(cpu);
    last = { a, view, iterations: layout.iteration, maxIterations: layout.maxIterations };
    process.stderr.write(
      `  ${sizeArg} run ${run + 1}/${runs}: ${BENCH_STAGES.map((s) => `${s} ${Math.round(times[s])}`).join(', ')} ms\n`,
    );
  }
  if (!last) throw new Error('bench: no run completed.');
  const exported = exportGraph(last.a, outDir);
  const report: SizeReport = {
    size: sizeArg,
    people: last.view.people.length,
    links: last.a.graph.size,
    nodesNoOwners: exported.nodes,
    linksNoOwners: exported.links,
    inputMB,
    generateMs,
    gazetteerImportMs,
    runs: timings,
    cpuRuns: cpuTimings,
    bridgingParts,
    peakRssMB,
    heapMB,
    modularity: last.a.modularity,
    clusters: last.a.clusters.filter((c) => c.id !== 'unclustered').length,
    bridging: last.a.bridging,
    layoutIterations: last.iterations,
    layoutMaxIterations: last.maxIterations,
    exportDir: outDir,
  };
  writeFileSync(join(outDir, 'report.json'), JSON.stringify(report));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
