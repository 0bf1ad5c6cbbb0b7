/**
 * How close sampled betweenness comes to exact on a benchmark graph, for several pivot counts, with and
 * without linear scaling (docs/analysis.md §4, docs/performance.md):
 *
 *   node --expose-gc --import tsx test/bench/measure.ts 10k 1 0 /tmp/nb10   # writes the graph without owners
 *   npx tsx test/bench/betweenness-accuracy.ts /tmp/nb10                     # exact once (minutes), then samples
 *
 * Exact betweenness is computed once over every source and kept as `exact.f64` in the folder. For each
 * setting and seeds 1–3 it prints the top-100 and top-20 overlap with exact, Spearman's ρ and the time.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  computeBetweennessFromPlan,
  getBetweennessPlan,
  type BetweennessOptions,
} from '../../src/core/analysis/betweenness';
import { toCsrFromEdges } from '../../src/core/analysis/csr';
import { createRng } from '../../src/core/rng';
import { computeSpearman, computeTopOverlap } from './stats';

const dir = process.argv[2];
if (!dir) throw new Error('betweenness-accuracy: give the folder measure.ts wrote (src.i32, dst.i32, w.f64).');
const read = (f: string) => readFileSync(join(dir, f));
const i32 = (f: string) => {
  const b = read(f);
  return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
};
const f64 = (f: string) => {
  const b = read(f);
  return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
};
const src = i32('src.i32');
const dst = i32('dst.i32');
const w = f64('w.f64');
let n = 0;
for (let e = 0; e < src.length; e++) n = Math.max(n, src[e]! + 1, dst[e]! + 1);
const csr = toCsrFromEdges(
  Array.from({ length: n }, (_, i) => String(i)),
  Array.from(src, (s, e) => [s, dst[e]!, w[e]!] as const),
);

let exact: Float64Array;
if (existsSync(join(dir, 'exact.f64'))) exact = f64('exact.f64');
else {
  const t = performance.now();
  const plan = getBetweennessPlan(n, { exactMaxNodes: Infinity, parts: 1 });
  exact = computeBetweennessFromPlan(csr, plan).values;
  writeFileSync(join(dir, 'exact.f64'), new Uint8Array(exact.buffer));
  console.log(`exact over ${n} sources: ${Math.round(performance.now() - t)} ms`);
}

const settings: [string, BetweennessOptions][] = [
  ['128 linear', { pivots: 128 }],
  ['256 plain', { linearScaling: false }],
  ['256 linear', {}],
  ['512 plain', { pivots: 512, linearScaling: false }],
  ['512 linear', { pivots: 512 }],
];
for (const [label, options] of settings) {
  const out: string[] = [];
  for (const seed of [1, 2, 3]) {
    // The rng the app derives from its seed (core/analysis/analyze getBridgingInput).
    const plan = getBetweennessPlan(n, { exactMaxNodes: 0, rng: createRng(seed * 7919 + 17), ...options });
    const t = performance.now();
    const values = computeBetweennessFromPlan(csr, plan).values;
    const ms = performance.now() - t;
    out.push(
      `seed ${seed}: top-100 ${Math.round(computeTopOverlap(exact, values, 100) * 100)}%, ` +
        `top-20 ${Math.round(computeTopOverlap(exact, values, 20) * 20)}/20, ρ ${computeSpearman(exact, values).toFixed(3)}, ${Math.round(ms)} ms`,
    );
  }
  console.log(`${label.padEnd(11)} ${out.join(' | ')}`);
}
