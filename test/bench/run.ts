/**
 * `npm run bench -- [--sizes 1k,10k,30k] [--runs 3] [--layout-iterations 20] [--exact-max 10000] [--no-igraph]`
 *
 * Times each stage of the pipeline on synthetic exports (io/sample/generate, in memory) and prints a
 * table: median ms over the runs and the RSS high-water mark (MB) at the end of each stage. Every size
 * runs in its own Node process (measure.ts) so its memory is its own. Then, when /usr/bin/python3 has
 * igraph, the same graph (the evidence graph without owners, as Louvain and betweenness see it) goes
 * through igraph_bench.py: community_multilevel vs our Louvain (time, modularity), exact weighted
 * betweenness vs our sampled one (time, Spearman ρ, top-100 overlap; up to --exact-max people), and
 * Fruchterman-Reingold (grid) vs our ForceAtlas2 for the same number of iterations.
 * Sizes: 1k, 10k, 30k, 100k, 250k (see sizes.ts); default 1k,10k,30k (a few minutes on 2 cores).
 * `--browser` measures the app in headless Chromium instead (browser.ts; `--browser --help`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_SIZES, BENCH_STAGES, isBenchSize, type BenchSize, type SizeReport } from './sizes';
import { getMedian, toMarkdownTable } from './stats';

const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';

const HELP = `Usage: npm run bench -- [options]
  --sizes LIST             comma-separated, of ${Object.keys(BENCH_SIZES).join(', ')} (default 1k,10k,30k)
  --runs N                 runs per size; the table shows medians (default 3)
  --layout-iterations N    ForceAtlas2 iterations timed, and igraph FR iterations (default 20)
  --exact-max N            largest graph igraph computes exact betweenness for (default 10000)
  --no-igraph              skip the igraph side`;

interface Args {
  sizes: BenchSize[];
  runs: number;
  layoutIterations: number;
  exactMax: number;
  igraph: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: ['1k', '10k', '30k'], runs: 3, layoutIterations: 20, exactMax: 10_000, igraph: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [name, inline] = a.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '--help' || name === '-h') {
      console.log(HELP);
      process.exit(0);
    } else if (name === '--no-igraph') args.igraph = false;
    else if (name === '--sizes') {
      const list = value().split(',').filter(Boolean);
      const bad = list.filter((s) => !isBenchSize(s));
      if (bad.length || !list.length)
        throw new Error(`bench: unknown size '${bad.join(',')}'. Use some of ${Object.keys(BENCH_SIZES).join(',')}.`);
      args.sizes = list as BenchSize[];
    } else if (name === '--runs' || name === '--layout-iterations' || name === '--exact-max') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new Error(`bench: ${name} needs a whole number.`);
      if (name === '--runs') args.runs = Math.max(1, n);
      else if (name === '--layout-iterations') args.layoutIterations = n;
      else args.exactMax = n;
    } else throw new Error(`bench: unknown argument '${a}'. Run with --help.`);
  }
  return args;
}

interface IgraphReport {
  error?: string;
  igraph?: string;
  build_ms?: number;
  louvain_ms?: number;
  modularity?: number;
  our_modularity?: number;
  betweenness_ms?: number;
  spearman?: number;
  top100?: number;
  layout_ms?: number;
}

const fmtMs = (ms: number | undefined) =>
  ms === undefined || !Number.isFinite(ms) ? '–' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)}`;
const fmtRatio = (ours: number | undefined, theirs: number | undefined) =>
  ours === undefined || theirs === undefined || !(theirs > 0) ? '–' : `${(ours / theirs).toFixed(2)}×`;
const fmt = (x: number | undefined, d = 3) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d));

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const hasIgraph =
    args.igraph && existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import igraph'], { stdio: 'ignore' }).status === 0;
  const started = new Date();
  console.log(`# npm run bench, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM ` +
      `(${Math.round(freemem() / 2 ** 30)} free), load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
  );
  console.log(
    `runs ${args.runs} (median shown), layout ${args.layoutIterations} ForceAtlas2 iterations, igraph: ${
      hasIgraph
        ? 'yes'
        : args.igraph
          ? `absent (${PYTHON} has no igraph module: apt-get install python3-igraph)`
          : 'skipped'
    }\n`,
  );

  const reports: SizeReport[] = [];
  const igraph = new Map<BenchSize, IgraphReport>();
  for (const size of args.sizes) {
    const dir = join(tmpdir(), `netwell-bench-${process.pid}-${size}`);
    process.stderr.write(`${size}: generating and running ${args.runs}×…\n`);
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=8192',
        '--import',
        'tsx',
        join(HERE, 'measure.ts'),
        size,
        String(args.runs),
        String(args.layoutIterations),
        dir,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (child.status !== 0) {
      console.log(`${size}: the measuring process failed (exit ${child.status ?? child.signal}); see above.`);
      continue;
    }
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as SizeReport;
    reports.push(report);
    if (hasIgraph) {
      process.stderr.write(`${size}: igraph…\n`);
      const py = spawnSync(
        PYTHON,
        [
          join(HERE, 'igraph_bench.py'),
          dir,
          String(report.nodesNoOwners),
          String(args.layoutIterations),
          String(args.exactMax),
        ],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      try {
        igraph.set(size, JSON.parse(py.stdout) as IgraphReport);
      } catch {
        igraph.set(size, { error: `igraph_bench.py failed: ${py.stderr.trim().split('\n').pop() ?? ''}` });
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  if (!reports.length) return;

  // 1. Stages: median wall-clock ms, median CPU ms and RSS high-water mark.
  const header = ['stage', ...reports.flatMap((r) => [`${r.size} ms`, `${r.size} cpu`, `${r.size} MB`])];
  const rows = BENCH_STAGES.map((stage) => [
    stage,
    ...reports.flatMap((r) => [
      fmtMs(getMedian(r.runs.map((x) => x[stage]))),
      fmtMs(getMedian((r.cpuRuns ?? []).map((x) => x[stage]))),
      String(r.peakRssMB[stage] ?? '–'),
    ]),
  ]);
  // Bridging's parts, timed apart: the longer one is what the app's two threads wait for.
  rows.splice(BENCH_STAGES.indexOf('bridging') + 1, 0, [
    '… bridging, longer of its parts',
    ...reports.flatMap((r) => [
      fmtMs(getMedian((r.bridgingParts ?? []).map((parts) => Math.max(0, ...parts)))),
      '',
      '',
    ]),
  ]);
  const totals = (keys: readonly (typeof BENCH_STAGES)[number][]) =>
    reports.flatMap((r) => [
      fmtMs(getMedian(r.runs.map((x) => keys.reduce((s, k) => s + x[k], 0)))),
      fmtMs(getMedian((r.cpuRuns ?? []).map((x) => keys.reduce((s, k) => s + x[k], 0)))),
      '',
    ]);
  const upTo = (last: (typeof BENCH_STAGES)[number]) => BENCH_STAGES.slice(0, BENCH_STAGES.indexOf(last) + 1);
  rows.push(['**to the first map** (worker side)', ...totals(upTo('view'))]);
  rows.push(['**to clusters + super-connectors**, one thread', ...totals(upTo('rank'))]);
  // The app runs bridging's parts in parallel threads: the same stages with the parts' sum replaced by the longest part.
  rows.push([
    '**to clusters + super-connectors**, bridging parts in parallel (wall)',
    ...reports.flatMap((r) => [
      fmtMs(
        getMedian(
          r.runs.map((x, k) => {
            const parts = r.bridgingParts?.[k] ?? [];
            const sum = parts.reduce((a, b) => a + b, 0);
            return upTo('rank').reduce((a, st) => a + x[st], 0) - sum + Math.max(0, ...parts);
          }),
        ),
      ),
      '',
      '',
    ]),
  ]);
  rows.push(['**all stages**', ...totals(BENCH_STAGES)]);
  console.log(
    '## Stages (median of the runs: ms = wall clock, cpu = CPU ms of the process incl. GC threads; ' +
      'MB = RSS high-water mark at the end of the stage, first run)\n',
  );
  console.log(toMarkdownTable(header, rows));
  console.log('\n## Sizes\n');
  console.log(
    toMarkdownTable(
      [
        'size',
        'people',
        'links',
        'no-owner nodes',
        'no-owner links',
        'input MB',
        'clusters',
        'modularity',
        'bridging',
        'FA2 iter (budget)',
        'gazetteer JSON import ms',
      ],
      reports.map((r) => [
        r.size,
        String(r.people),
        String(r.links),
        String(r.nodesNoOwners),
        String(r.linksNoOwners),
        String(r.inputMB),
        String(r.clusters),
        fmt(r.modularity),
        r.bridging.exact ? `exact (${r.bridging.sources})` : `${r.bridging.sources} pivots`,
        `${r.layoutIterations} (${r.layoutMaxIterations})`,
        fmtMs(r.gazetteerImportMs),
      ]),
    ),
  );

  // 2. igraph side by side.
  if (!hasIgraph) return;
  console.log(
    `\n## Side by side with igraph ${[...igraph.values()].find((x) => x.igraph)?.igraph ?? ''} (same graph, same run; ratio = ours / igraph, < 1 is faster)\n`,
  );
  const irows = reports.map((r) => {
    const i = igraph.get(r.size) ?? {};
    if (i.error) return [r.size, i.error];
    const med = (k: (typeof BENCH_STAGES)[number]) => getMedian(r.runs.map((x) => x[k]));
    return [
      r.size,
      `${fmtMs(med('clusters'))} / ${fmtMs(i.louvain_ms)} = ${fmtRatio(med('clusters'), i.louvain_ms)}`,
      `${fmt(r.modularity)} / ${fmt(i.modularity)} (${fmt(i.our_modularity)})`,
      `${fmtMs(med('bridging'))} / ${fmtMs(i.betweenness_ms)} = ${fmtRatio(med('bridging'), i.betweenness_ms)}`,
      `${fmt(i.spearman)} / ${i.top100 === undefined ? '–' : `${Math.round(i.top100 * 100)}%`}`,
      `${fmtMs(med('layout'))} / ${fmtMs(i.layout_ms)} = ${fmtRatio(med('layout'), i.layout_ms)}`,
      `${fmtMs(med('links'))} / ${fmtMs(i.build_ms)}`,
    ];
  });
  console.log(
    toMarkdownTable(
      [
        'size',
        'clusters: Louvain / multilevel ms',
        'modularity ours / igraph (igraph on ours)',
        'bridging: sampled / igraph exact ms',
        'betweenness ρ / top-100 vs exact',
        `layout: FA2 / FR grid, ${args.layoutIterations} iter ms`,
        'links: evidence graph / igraph build ms',
      ],
      irows,
    ),
  );
  console.log(
    '\nigraph betweenness: exact, weighted (length = 1 / weight, as ours), only up to --exact-max nodes. ' +
      'igraph build is Graph(edges) from ready arrays; our links stage builds the evidence from records.',
  );
}

const argv = process.argv.slice(2);
if (argv.includes('--browser')) {
  // The browser side (issue 8's page targets): see browser.ts.
  import('./browser')
    .then((b) => b.main(argv.filter((a) => a !== '--browser')))
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(2);
    });
} else {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}
