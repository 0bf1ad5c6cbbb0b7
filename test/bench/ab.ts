/**
 * A/B of the worker's stages to the first map, in one process, with a hash of every output:
 * `node --expose-gc --import tsx test/bench/ab.ts <rootA>,<rootB>[,…] [<owners>x<connections>] [runs] [--zip]`.
 *
 * Each root is a copy of the repository (e.g. `git worktree add /tmp/a <commit>`, or `git archive <commit> src
 * data | tar -x -C /tmp/a` plus a `node_modules` link). For each root it runs, on the same generated sample
 * (generateSample, seed 1; `--zip` packs each owner's folder as a zip, as the browser run chooses them):
 * importFiles (parse), createGazetteer, enrichPeople, clusterNetwork (links, clusters, names) and toNetworkView
 * (view), the roots alternating run by run, and prints each stage's CPU ms (process.cpuUsage: all threads,
 * median of the runs) and a SHA-256 of the import (records, issues, summary), the people (after enrichment;
 * functions left out), the links, the CSR, the clusters with membership and modularity, the degrees and the
 * view (typed arrays by their bytes, objects in key order). `IDENTICAL` when every root's hashes match the first.
 */
import { createHash, type Hash } from 'node:crypto';
import { zipSync } from 'fflate';

interface InputFile {
  path: string;
  bytes: Uint8Array;
}

/** The modules a root provides (typed loosely: each root is its own copy of the code). */
interface Root {
  importFiles(files: InputFile[]): Promise<{ people?: { people: unknown[] }; dataset: unknown }>;
  generateSample(o: { connections: number; owners: number; seed: number }): { files: { path: string; text: string }[] };
  createGazetteer(g: unknown, r: unknown): unknown;
  enrichPeople(people: unknown[], gazetteer: unknown): unknown;
  clusterNetwork(
    index: unknown,
    dataset: unknown,
    o: { seed: number; onProgress: (stage: string) => void },
  ): { links: unknown; csr: unknown; clusters: unknown; membership: unknown; modularity: number; degree: unknown };
  toNetworkView(l: unknown, a: unknown, s: { seed: number; resolution: number }): unknown;
  gazetteerData: unknown;
  regionsData: unknown;
}

function feed(h: Hash, v: unknown, seen = new WeakSet<object>()): void {
  if (typeof v === 'function') return void h.update('fn;');
  if (v === undefined) return void h.update('u;');
  if (v === null || typeof v !== 'object') {
    const text = typeof v === 'number' && Object.is(v, -0) ? '-0' : String(v as string | number | boolean | bigint);
    return void h.update(`${typeof v}:${text};`);
  }
  if (ArrayBuffer.isView(v)) {
    h.update(`${v.constructor.name}:${v.byteLength}:`);
    return void h.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  if (seen.has(v)) return void h.update('cycle;');
  seen.add(v);
  if (v instanceof Map) {
    h.update('M{');
    for (const [k, x] of v) {
      feed(h, k, seen);
      feed(h, x, seen);
    }
    h.update('}');
  } else if (v instanceof Set) {
    h.update('S{');
    for (const x of v) feed(h, x, seen);
    h.update('}');
  } else if (Array.isArray(v)) {
    h.update(`[${v.length}`);
    for (const x of v) feed(h, x, seen);
    h.update(']');
  } else {
    h.update('{');
    for (const [k, x] of Object.entries(v)) {
      h.update(`${k}=`);
      feed(h, x, seen);
    }
    h.update('}');
  }
  seen.delete(v);
}

function hash(v: unknown): string {
  const h = createHash('sha256');
  feed(h, v);
  return h.digest('hex').slice(0, 16);
}

async function load(root: string): Promise<Root> {
  const [imp, gen, gaz, enr, ana, pip, g, r] = await Promise.all([
    import(`${root}/src/io/import.ts`),
    import(`${root}/src/io/sample/generate.ts`),
    import(`${root}/src/core/enrich/gazetteer.ts`),
    import(`${root}/src/core/enrich/index.ts`),
    import(`${root}/src/core/analysis/analyze.ts`),
    import(`${root}/src/worker/pipeline.ts`),
    import(`${root}/data/gazetteer.json`, { with: { type: 'json' } }),
    import(`${root}/data/regions.json`, { with: { type: 'json' } }),
  ]);
  return {
    importFiles: imp.importFiles,
    generateSample: gen.generateSample,
    createGazetteer: gaz.createGazetteer,
    enrichPeople: enr.enrichPeople,
    clusterNetwork: ana.clusterNetwork,
    toNetworkView: pip.toNetworkView,
    gazetteerData: (g as { default: unknown }).default,
    regionsData: (r as { default: unknown }).default,
  } as Root;
}

const STAGES = ['parse', 'gazetteer', 'enrich', 'links', 'clusters', 'names', 'view'] as const;

async function main(): Promise<void> {
  const [rootsArg = '.', sizeArg = '1x30000', runsArg = '3', ...rest] = process.argv.slice(2);
  const [owners = 1, connections = 30_000] = sizeArg.split('x').map(Number);
  const runs = Math.max(1, Number(runsArg));
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const roots = rootsArg.split(',').map((r) => r.replace(/\/$/, ''));
  const mods = await Promise.all(roots.map(load));

  const encoder = new TextEncoder();
  let files: InputFile[] = mods[0]!
    .generateSample({ connections, owners, seed: 1 })
    .files.filter((f) => f.path !== 'truth.json')
    .map((f) => ({ path: f.path, bytes: encoder.encode(f.text) }));
  if (rest.includes('--zip')) {
    const folders = new Map<string, Record<string, Uint8Array>>();
    const loose: InputFile[] = [];
    for (const f of files) {
      const slash = f.path.indexOf('/');
      if (slash < 0) {
        loose.push(f);
        continue;
      }
      const dir = f.path.slice(0, slash);
      const content = folders.get(dir) ?? {};
      content[f.path.slice(slash + 1)] = f.bytes;
      folders.set(dir, content);
    }
    files = [...loose, ...[...folders].map(([dir, content]) => ({ path: `${dir}.zip`, bytes: zipSync(content) }))];
  }
  const mb = files.reduce((s, f) => s + f.bytes.length, 0) / 1e6;
  console.log(`sample ${owners}x${connections}: ${files.length} files, ${mb.toFixed(1)} MB`);

  const cpu = roots.map(() => Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<string, number[]>);
  const hashes: Record<string, string>[] = roots.map(() => ({}));
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < roots.length; i++) {
      const m = mods[i]!;
      gc();
      let mark = process.cpuUsage();
      const lap = (stage: string) => {
        const c = process.cpuUsage(mark);
        cpu[i]![stage]!.push((c.user + c.system) / 1000);
        mark = process.cpuUsage();
      };
      const imported = await m.importFiles(files);
      lap('parse');
      const index = imported.people;
      if (!index) throw new Error('bench/ab: the import gave no people index.');
      const gazetteer = m.createGazetteer(m.gazetteerData, m.regionsData);
      lap('gazetteer');
      m.enrichPeople(index.people, gazetteer);
      lap('enrich');
      const stageOf: Record<string, string> = { clusters: 'links', names: 'clusters' };
      const network = m.clusterNetwork(index, imported.dataset, {
        seed: 1,
        onProgress: (stage) => stageOf[stage] && lap(stageOf[stage]),
      });
      lap('names');
      const view = m.toNetworkView({ imported, index }, network, { seed: 1, resolution: 1 });
      lap('view');
      if (run === 0) {
        const { people: _people, ...importedRest } = imported;
        hashes[i] = {
          imported: hash(importedRest),
          people: hash(index),
          links: hash(network.links),
          csr: hash(network.csr),
          clusters: hash([network.clusters, network.membership, network.modularity]),
          degree: hash(network.degree),
          view: hash(view),
        };
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  roots.forEach((root, i) => {
    const c = cpu[i]!;
    const total = STAGES.reduce((s, st) => s + median(c[st]!), 0);
    const all = STAGES.map((st) => c[st]!.map(Math.round).join('/')).join(' ');
    console.log(
      `${root}: ${STAGES.map((st) => `${st} ${Math.round(median(c[st]!))}`).join(', ')}, total ${Math.round(total)} ms CPU (median of ${runs}; all: ${all})`,
    );
    console.log(`  hashes ${JSON.stringify(hashes[i])}`);
  });
  if (roots.length > 1)
    console.log(hashes.every((h) => JSON.stringify(h) === JSON.stringify(hashes[0])) ? 'IDENTICAL' : 'DIFFERENT');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
