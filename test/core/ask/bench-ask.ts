/**
 * Timing of the ask feature on a big network (a script, not a timed test):
 *
 *   npx tsx test/core/ask/bench-ask.ts [--connections N] [--owners M] [--seed S] [--repeat R]
 *
 * Generates the synthetic sample in memory (src/io/sample), imports it, merges people, enriches them
 * (gazetteer, industries, roles), analyses the network once, then times the ask index build and each
 * example need R times: wall-clock median and min, and the process CPU time (fairer on a busy machine).
 * Default: 3 owners × 10,000 connections ≈ 26,000 people.
 */
import { analyzeNetwork } from '../../../src/core/analysis/analyze';
import { askNetwork } from '../../../src/core/ask/ask';
import { buildAskIndex } from '../../../src/core/ask/ask-index';
import { getBundledVocabulary } from '../../../src/core/ask/bundled-vocabulary';
import { enrichPeople } from '../../../src/core/enrich/enrich';
import { buildPeople } from '../../../src/core/people';
import { loadGazetteer } from '../../../src/io/gazetteer';
import { importFiles } from '../../../src/io/import';
import { generateSample } from '../../../src/io/sample/generate';

const NEEDS = [
  'an accountant in Southern California',
  'hire a React developer in Berlin',
  'distributors in Brazil',
  'someone who knows biotech investors in Boston',
  'lawyer in London',
  'hospitality in Lisbon',
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

async function main(): Promise<void> {
  const connections = arg('connections', 10_000);
  const owners = arg('owners', 3);
  const repeat = arg('repeat', 5);
  let t = performance.now();
  const lap = (what: string) => {
    const now = performance.now();
    console.log(`${what}: ${Math.round(now - t)} ms`);
    t = now;
  };
  const sample = generateSample({ connections, owners, seed: arg('seed', 1) });
  const encoder = new TextEncoder();
  const imported = await importFiles(
    sample.files
      .filter((f) => f.path !== 'truth.json')
      .map((f) => ({ path: `sample/${f.path}`, bytes: encoder.encode(f.text) })),
  );
  const people = buildPeople(imported.dataset);
  const gazetteer = await loadGazetteer();
  enrichPeople(people.people, gazetteer, { owners: imported.dataset.owners });
  lap(`sample, import, enrichment (${people.people.length} people)`);
  const analysis = analyzeNetwork(people, imported.dataset);
  lap(`analysis (${analysis.graph.order} people, ${analysis.graph.size} links)`);
  const vocab = getBundledVocabulary(gazetteer);
  const index = buildAskIndex(analysis.graph);
  lap('ask index (once per network)');
  for (const need of NEEDS) {
    const wall: number[] = [];
    const cpu: number[] = [];
    let total = 0;
    for (let r = 0; r < repeat; r++) {
      const start = performance.now();
      const used = process.cpuUsage();
      total = askNetwork({ ...analysis, vocab, index }, need).total;
      const spent = process.cpuUsage(used);
      wall.push(performance.now() - start);
      cpu.push((spent.user + spent.system) / 1000);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(
      `"${need}": ${total} targets; wall median ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}); ` +
        `CPU median ${median(cpu).toFixed(1)} ms`,
    );
  }
}

void main();
