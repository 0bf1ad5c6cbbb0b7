/**
 * The browser benchmark's pure parts: arguments, issue 8's targets, and the markdown table of
 * medians beside the targets with pass/fail. No DOM, no Node APIs; tested in browser-report.test.ts.
 */
import { getMedian, toMarkdownTable } from './stats';

/** Sizes the browser benchmark knows (generator options in sizes.ts); 10k is for quick checks. */
export const BROWSER_SIZES = ['10k', '30k', '250k'] as const;
export type BrowserSize = (typeof BROWSER_SIZES)[number];

/** What is measured for each run, in ms (memory in MB). */
export const BROWSER_METRICS = [
  'viewReceived',
  'firstMap',
  'named',
  'settled',
  'longestTask',
  'longestGap',
  'memoryMB',
  'rendererCpu',
  'hover',
  'click',
  'ask',
  'facet',
] as const;
export type BrowserMetric = (typeof BROWSER_METRICS)[number];

/** Readable metric names for the table. */
export const METRIC_LABELS: Record<BrowserMetric, string> = {
  viewReceived: "the worker's map received by the page (no target)",
  firstMap: 'first map on screen',
  named: 'named clusters + super-connectors',
  settled: 'layout settled and stopped',
  longestTask: 'longest main-thread task (load)',
  longestGap: 'longest frame gap (load, cross-check)',
  memoryMB: 'tab memory (renderer peak RSS)',
  rendererCpu: 'renderer CPU time, choice → settled (no target)',
  hover: 'hover → highlight drawn',
  click: 'click → person panel',
  ask: 'Ask → answer listed',
  facet: 'facet tick → map filtered',
};

/** Issue 8's targets (ms, or MB for memory); undefined = no number given ("progressive, usable meanwhile"). */
export const BROWSER_TARGETS: Record<BrowserSize, Partial<Record<BrowserMetric, number>>> = {
  '10k': {}, // a quick check; issue 8 sets no targets at this size
  '30k': {
    firstMap: 2_000,
    named: 4_000,
    settled: 15_000,
    longestTask: 100,
    longestGap: 100,
    memoryMB: 1_024,
    hover: 50,
    click: 50,
    ask: 300,
    facet: 100,
  },
  '250k': { firstMap: 15_000, named: 45_000, longestTask: 200, longestGap: 200, memoryMB: 3_072 },
};

export interface BrowserArgs {
  sizes: BrowserSize[];
  /** Runs per size; the table shows medians. Default 5 (issue 8). */
  runs: number;
  /** Serve this built app instead of checking dist/. Default: dist/ when fresh, else a build in a temp folder. */
  dist?: string;
  /** Build even when dist/ looks fresh. Default false. */
  build: boolean;
  /** Longest wait for a load to settle, ms. Default 300,000. */
  timeoutMs: number;
  /** Skip hover, click, Ask and facet measurements. Default false. */
  noInteractions: boolean;
}

export const BROWSER_HELP = `Usage: npm run bench -- --browser [options]
  --sizes LIST      comma-separated, of ${BROWSER_SIZES.join(', ')} (default 30k)
  --runs N          runs per size; the table shows medians (default 5)
  --dist DIR        serve this built app (default: dist/ when newer than the sources, else a fresh build in a temp folder)
  --build           build even when dist/ looks fresh
  --timeout S       longest wait for a load to settle, seconds (default 300)
  --no-interactions only the load figures (no hover, click, Ask, facet)`;

/** Parse the arguments after `--browser`. Throws with the fix on a bad one. */
export function parseBrowserArgs(argv: readonly string[]): BrowserArgs | 'help' {
  const args: BrowserArgs = { sizes: ['30k'], runs: 5, build: false, timeoutMs: 300_000, noInteractions: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [name, inline] = a.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (name === '--help' || name === '-h') return 'help';
    else if (name === '--build') args.build = true;
    else if (name === '--no-interactions') args.noInteractions = true;
    else if (name === '--dist') args.dist = value();
    else if (name === '--sizes') {
      const list = value().split(',').filter(Boolean);
      const bad = list.filter((s) => !(BROWSER_SIZES as readonly string[]).includes(s));
      if (bad.length || !list.length)
        throw new Error(`bench --browser: unknown size '${bad.join(',')}'. Use some of ${BROWSER_SIZES.join(',')}.`);
      args.sizes = list as BrowserSize[];
    } else if (name === '--runs' || name === '--timeout') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`bench --browser: ${name} needs a whole number ≥ 1.`);
      if (name === '--runs') args.runs = n;
      else args.timeoutMs = n * 1000;
    } else throw new Error(`bench --browser: unknown argument '${a}'. Run with --browser --help.`);
  }
  return args;
}

/** True when the build is older than any source it is made from (so it must be rebuilt). */
export function isBuildStale(buildTime: number | undefined, sourceTimes: readonly number[]): boolean {
  if (buildTime === undefined) return true;
  return sourceTimes.some((t) => t > buildTime);
}

/** One run's figures: a number per metric measured (several samples for the interactions), absent when not reached. */
export type RunFigures = Partial<Record<BrowserMetric, number[]>>;

export interface MetricSummary {
  /** Median over every sample of every run (each load metric has one sample per run). */
  median: number;
  max: number;
  samples: number;
  /** Runs in which the metric was not reached (timed out, no node under the pointer, ...). */
  missing: number;
}

/** Median, max and sample count of one metric over the runs. */
export function summariseMetric(runs: readonly RunFigures[], metric: BrowserMetric): MetricSummary | undefined {
  const values = runs.flatMap((r) => r[metric] ?? []).filter((v) => Number.isFinite(v));
  const missing = runs.filter((r) => !r[metric]?.length).length;
  if (!values.length) return undefined;
  return { median: getMedian(values), max: Math.max(...values), samples: values.length, missing };
}

/** 'pass' when the median is within the target, 'FAIL' when over, '–' when there is no target or no figure. */
export function getVerdict(summary: MetricSummary | undefined, target: number | undefined): 'pass' | 'FAIL' | '–' {
  if (target === undefined || summary === undefined) return '–';
  return summary.median <= target ? 'pass' : 'FAIL';
}

const fmtValue = (metric: BrowserMetric, v: number | undefined): string => {
  if (v === undefined || !Number.isFinite(v)) return '–';
  if (metric === 'memoryMB') return `${Math.round(v)} MB`;
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
};

/** The markdown table: per size, each metric's target, median (max, samples) and pass/fail. */
export function toBrowserTable(results: readonly { size: BrowserSize; runs: RunFigures[] }[]): string {
  const header = [
    'metric',
    ...results.flatMap((r) => [`${r.size} target`, `${r.size} median`, `${r.size} max (n)`, '']),
  ];
  const rows = BROWSER_METRICS.filter((m) => results.some((r) => summariseMetric(r.runs, m))).map((m) => [
    METRIC_LABELS[m],
    ...results.flatMap((r) => {
      const s = summariseMetric(r.runs, m);
      const target = BROWSER_TARGETS[r.size][m];
      const missing = s?.missing ? `, ${s.missing} run${s.missing === 1 ? '' : 's'} without` : '';
      return [
        target === undefined ? '–' : `≤ ${fmtValue(m, target)}`,
        fmtValue(m, s?.median),
        s ? `${fmtValue(m, s.max)} (${s.samples}${missing})` : `– (${r.runs.length} without)`,
        getVerdict(s, target),
      ];
    }),
  ]);
  return toMarkdownTable(header, rows);
}
