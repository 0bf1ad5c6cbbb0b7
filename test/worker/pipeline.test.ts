// The worker's pipeline, run in Node on the committed sample and on a tiny export: what the page
// receives must be complete, consistent and free of anything but LinkedIn profile links.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/worker/pipeline';
import type { WorkerFile } from '../../src/worker/protocol';

function readTree(root: string, prefix = 'sample'): WorkerFile[] {
  const out: WorkerFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.csv'))
        out.push({ path: `${prefix}/${relative(root, path)}`, bytes: readFileSync(path) });
    }
  };
  walk(root);
  return out;
}

const settings = { seed: 1, resolution: 1 };

describe('the pipeline on a single small export', () => {
  it('gives the owner, 12 people, one hidden row, and a view whose arrays agree', async () => {
    const files = [{ path: 'Connections.csv', bytes: readFileSync('test/fixtures/browser/Connections.csv') }];
    const stages: string[] = [];
    const view = await createSession().analyze(files, settings, { onProgress: (s) => stages.push(s) });
    if (view === 'cancelled') throw new Error('cancelled');
    expect(view.people).toHaveLength(13);
    expect(view.people.filter((p) => p.ownerId)).toHaveLength(1);
    expect(Object.values(view.hidden)).toEqual([1]);
    expect(view.positions).toHaveLength(26);
    expect(view.edges.source.length).toBe(view.edges.target.length);
    for (const i of view.edges.source) expect(i).toBeLessThan(13);
    expect(stages[0]).toBe('read');
    expect(stages.at(-1)).toBe('done');
    for (const p of view.people) if (p.url) expect(p.url.startsWith('https://www.linkedin.com/in/')).toBe(true);
  });

  it('stops when cancelled and says so', async () => {
    const files = [{ path: 'Connections.csv', bytes: readFileSync('test/fixtures/browser/Connections.csv') }];
    let calls = 0;
    const result = await createSession().analyze(files, settings, { isCancelled: () => ++calls > 2 });
    expect(result).toBe('cancelled');
  });
});

describe('the pipeline on the committed sample', () => {
  it('reads three owners, finds named clusters and super-connectors, and re-clusters without re-reading', async () => {
    const session = createSession();
    const view = await session.analyze(readTree('data/sample'), settings);
    if (view === 'cancelled') throw new Error('cancelled');
    expect(view.owners).toHaveLength(3);
    expect(view.people.length).toBeGreaterThan(3000);
    expect(view.clusters.length).toBeGreaterThanOrEqual(8);
    expect(view.superConnectors.length).toBeGreaterThan(10);
    expect(view.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const finer = await session.recluster({ seed: 1, resolution: 2 });
    if (finer === 'cancelled') throw new Error('cancelled');
    expect(finer.people.length).toBe(view.people.length);
    expect(finer.clusters.length).toBeGreaterThanOrEqual(view.clusters.length);
  });
});

/** `files` with one file's text changed (a newer export of its owner). */
function withEdit(files: WorkerFile[], path: string, edit: (text: string) => string): WorkerFile[] {
  return files.map((f) =>
    f.path === path ? { path: f.path, bytes: new TextEncoder().encode(edit(new TextDecoder().decode(f.bytes))) } : f,
  );
}

describe('what changed since the previous import of an owner, compared after the map', () => {
  // Maya's newer export: Rahul Iyer (her first row) is gone, Olivia Fletcher (her third, and nobody else's
  // connection) changed company.
  const newer = (files: WorkerFile[]) =>
    withEdit(files, 'sample/maya-lindqvist/Connections.csv', (text) => {
      const lines = text.split('\n');
      const header = lines.findIndex((l) => l.startsWith('First Name,'));
      const moved = lines[header + 3]!.split(',');
      moved[4] = 'Brightwater Analytics';
      lines[header + 3] = moved.join(',');
      lines.splice(header + 1, 1);
      return lines.join('\n');
    });

  it("are empty in the map's view and the first estimate, and complete the final view as computeExportDiff gives them", async () => {
    const { computeExportDiff } = await import('../../src/core/diff');
    const session = createSession();
    await session.analyze(readTree('data/sample'), settings);
    const before = session.current()!.loaded.index.people;
    const seen: { at: string; changes: number }[] = [];
    const view = await session.analyze(newer(readTree('data/sample')), settings, {
      onClusters: (v) => seen.push({ at: 'map', changes: v.changes.length }),
      onEstimate: (v) => seen.push({ at: 'estimate', changes: v.changes.length }),
    });
    if (view === 'cancelled') throw new Error('cancelled');
    expect(seen).toEqual([
      { at: 'map', changes: 0 },
      { at: 'estimate', changes: 0 },
    ]);
    // One per owner imported again: Maya's says what changed, the two others' nothing.
    const { loaded } = session.current()!;
    const owners = loaded.imported.dataset.owners.map((o) => o.id);
    expect(view.changes).toEqual(owners.map((id) => computeExportDiff(before, loaded.index.people, id)));
    const counts = (d: (typeof view.changes)[number]) => [d.added.length, d.changed.length, d.removed.length];
    const maya = view.changes.find((d) => d.ownerId.includes('maya'))!;
    expect(maya.removed.map((p) => p.name)).toEqual(['Rahul Iyer']);
    expect(maya.changed.map((c) => c.company?.to)).toEqual(['Brightwater Analytics']);
    expect(counts(maya)).toEqual([0, 1, 1]);
    expect(view.changes.filter((d) => d !== maya).map(counts)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    // Re-clustering keeps them, in its first view already.
    let reclustered: number | undefined;
    const finer = await session.recluster(
      { seed: 1, resolution: 2 },
      {
        onClusters: (v) => (reclustered = v.changes.length),
      },
    );
    if (finer === 'cancelled') throw new Error('cancelled');
    expect(reclustered).toBe(3);
    expect(finer.changes).toEqual(view.changes);
  });

  it('come with the final view where there is no estimate, and are empty for owners not imported before', async () => {
    const small = [{ path: 'Connections.csv', bytes: readFileSync('test/fixtures/browser/Connections.csv') }];
    const session = createSession();
    const first = await session.analyze(small, settings);
    if (first === 'cancelled') throw new Error('cancelled');
    expect(first.changes).toEqual([]);
    let atMap: number | undefined;
    const again = await session.analyze(
      withEdit(small, 'Connections.csv', (t) => t.replace(/^Ben,Okafor,.*\n/m, '')),
      settings,
      { onClusters: (v) => (atMap = v.changes.length), onEstimate: () => expect.fail('no estimate at 13 people') },
    );
    if (again === 'cancelled') throw new Error('cancelled');
    expect(atMap).toBe(0);
    expect(again.changes.map((d) => d.removed.map((p) => p.name))).toEqual([['Ben Okafor']]);
    // Another owner's export after it: nothing to compare.
    const other = await session.analyze(readTree('data/sample'), settings);
    if (other === 'cancelled') throw new Error('cancelled');
    expect(other.changes).toEqual([]);
  });
});

describe('the pipeline in two steps: the map before bridging, then the scores', () => {
  it('shows clusters first (unranked, scores 0), then completes the same view with scores and super-connectors', async () => {
    const seen: { ranked: boolean; scored: number; superConnectors: number; stage: string }[] = [];
    let stage = '';
    const session = createSession();
    const view = await session.analyze(readTree('data/sample'), settings, {
      onProgress: (s) => (stage = s),
      onClusters: (v) =>
        seen.push({
          ranked: v.ranked,
          scored: v.people.filter((p) => p.score > 0).length,
          superConnectors: v.superConnectors.length,
          stage,
        }),
    });
    if (view === 'cancelled') throw new Error('cancelled');
    expect(seen).toEqual([{ ranked: false, scored: 0, superConnectors: 0, stage: 'clusters' }]);
    expect(view.ranked).toBe(true);
    expect(view.people.filter((p) => p.score > 0).length).toBeGreaterThan(1000);
    expect(view.superConnectors.length).toBeGreaterThan(10);
    // Asks answer from the moment the map is shown: the session holds the clustered network.
    expect(session.current()?.analysis.superConnectors.length).toBeGreaterThan(10);
  });

  it('gives the same scores when bridging runs through the bridge hook (the app threads) as in one thread', async () => {
    const { accumulateDependencies } = await import('../../src/core/analysis/betweenness');
    const files = readTree('data/sample');
    const parts: number[] = [];
    const threaded = await createSession().analyze(files, settings, {
      bridge: async ({ csr, plan }) =>
        plan.parts.map(
          (sources) => (parts.push(sources.length), accumulateDependencies(csr, sources, plan.weighted, plan.linear)),
        ),
    });
    const single = await createSession().analyze(files, settings);
    if (threaded === 'cancelled' || single === 'cancelled') throw new Error('cancelled');
    expect(parts).toEqual([128, 128]);
    expect(threaded.people.map((p) => p.score)).toEqual(single.people.map((p) => p.score));
    expect(threaded.superConnectors).toEqual(single.superConnectors);
  });

  it('gives the same view when the similar pairs come through the similar hook (a thread), asked once per run', async () => {
    const { computeSimilarPairIds } = await import('../../src/core/analysis/similarity');
    type SimilarityInput = import('../../src/core/analysis/similarity').SimilarityInput;
    type SimilarityOptions = import('../../src/core/analysis/similarity').SimilarityOptions;
    const files = readTree('data/sample');
    let calls = 0;
    const session = createSession();
    const similar = async (input: SimilarityInput, options: Required<SimilarityOptions>) => (
      calls++,
      computeSimilarPairIds(structuredClone(input), options)
    );
    let prepared = 0;
    const prepareThread = () => void prepared++;
    // The sample is below the default threshold: neither the hook nor a thread for it is used.
    await createSession().analyze(files, settings, { similar, prepareThread });
    expect([calls, prepared]).toEqual([0, 0]);
    const threaded = await session.analyze(files, settings, { similar, prepareThread, similarMinPeople: 0 });
    expect(prepared).toBe(1);
    const single = await createSession().analyze(files, settings);
    if (threaded === 'cancelled' || single === 'cancelled') throw new Error('cancelled');
    expect(calls).toBe(1);
    expect(threaded).toEqual(single);
    // Re-clustering reuses the links: no pairs asked again.
    await session.recluster({ seed: 1, resolution: 2 }, { similar: () => Promise.reject(new Error('not again')) });
    expect(calls).toBe(1);
  });

  it('with onEstimate: a first estimate from the first sources, then final scores equal to one pass, bit for bit', async () => {
    const { accumulateDependencies, toBetweenness } = await import('../../src/core/analysis/betweenness');
    const { finishRanking, getBridgingInput, prepareRanking } = await import('../../src/core/analysis/analyze');
    const files = readTree('data/sample');
    const calls: { runs: number[]; stops: (number[] | undefined)[]; from: boolean }[] = [];
    const events: string[] = [];
    let estimate: { scores: number[]; superConnectors: unknown[]; flag: boolean | undefined } | undefined;
    const session = createSession();
    const staged = await session.analyze(files, settings, {
      // As the pool's threads do: each part's sums at its stop, then on to the end of the part.
      bridge: async ({ csr, plan }, runs, onStop) => {
        calls.push({ runs: runs.map((r) => r.sources.length), stops: runs.map((r) => r.stops), from: false });
        events.push('bridge');
        await new Promise((ok) => setTimeout(ok, 0));
        const first = runs.map((r) =>
          accumulateDependencies(csr, r.sources.subarray(0, r.stops![0]), plan.weighted, plan.linear),
        );
        events.push('first sums');
        onStop?.(0, first);
        await new Promise((ok) => setTimeout(ok, 0));
        events.push('final sums');
        return runs.map((r, p) =>
          accumulateDependencies(csr, r.sources.subarray(r.stops![0]), plan.weighted, plan.linear, first[p]),
        );
      },
      onEstimate: (v) => {
        events.push('estimate');
        estimate = { scores: v.people.map((p) => p.score), superConnectors: v.superConnectors, flag: v.estimate };
      },
      onProgress: (stage) => stage === 'done' && events.push('done'),
    });
    const single = await createSession().analyze(files, settings);
    if (staged === 'cancelled' || single === 'cancelled') throw new Error('cancelled');
    // One call: each part whole (128 + 128 of the 256 pivots) with a stop after its first 32 sources.
    expect(calls).toEqual([{ runs: [128, 128], stops: [[32], [32]], from: false }]);
    // The estimate is ranked and posted from the first sums while the threads carry on.
    expect(events).toEqual(['bridge', 'first sums', 'estimate', 'final sums', 'done']);
    expect(estimate?.flag).toBe(true);
    expect(staged.estimate).toBe(false);
    // Final: the scores of the one-pass run (the CLI's computeBridging), the same bits.
    expect(Float64Array.from(staged.people, (p) => p.score)).toEqual(Float64Array.from(single.people, (p) => p.score));
    expect(staged.superConnectors).toEqual(single.superConnectors);
    expect(session.current()?.analysis.bridging).toEqual({ exact: false, sources: 256 });
    // The estimate is the ranking of the first 64 sources' scaled betweenness, and differs from the final one.
    expect(estimate?.scores).not.toEqual(staged.people.map((p) => p.score));
    expect(estimate?.superConnectors.length).toBeGreaterThan(10);
    const loaded = session.current()!.loaded;
    const { clusterNetwork } = await import('../../src/core/analysis/analyze');
    const network = clusterNetwork(loaded.index, loaded.imported.dataset, settings);
    const input = getBridgingInput(network, settings);
    const first = input.plan.parts.map((p) =>
      accumulateDependencies(input.csr, p.subarray(0, 32), input.plan.weighted, input.plan.linear),
    );
    const expected = finishRanking(prepareRanking(network, input, settings), toBetweenness(input.plan, first, 64));
    const scoreOf = new Map(expected.superConnectors.map((s) => [s.id, s.score]));
    expect(estimate?.scores).toEqual(staged.people.map((p) => scoreOf.get(p.id) ?? 0));
    // Deterministic: the same estimate again.
    let again: number[] | undefined;
    await createSession().analyze(files, settings, { onEstimate: (v) => (again = v.people.map((p) => p.score)) });
    expect(again).toEqual(estimate?.scores);
  });

  it('stops cleanly when a newer request aborts the rest after the first estimate', async () => {
    const { accumulateDependencies } = await import('../../src/core/analysis/betweenness');
    let cancelled = false;
    const estimates: boolean[] = [];
    const result = await createSession().analyze(readTree('data/sample'), settings, {
      isCancelled: () => cancelled,
      onEstimate: (v) => estimates.push(Boolean(v.estimate)),
      bridge: async ({ csr, plan }, runs, onStop) => {
        onStop?.(
          0,
          runs.map((r) => accumulateDependencies(csr, r.sources.subarray(0, r.stops![0]), plan.weighted, plan.linear)),
        );
        // A newer request comes while the rest runs (after the estimate was given): pool.abort() rejects it.
        await new Promise((ok) => setTimeout(ok, 0));
        cancelled = true;
        throw Object.assign(new Error('stopped'), { name: 'AbortError' });
      },
    });
    expect(result).toBe('cancelled');
    expect(estimates).toEqual([true]);
  });

  it('stops cleanly when a newer request aborts bridging before the first estimate', async () => {
    let cancelled = false;
    const estimates: boolean[] = [];
    const result = await createSession().analyze(readTree('data/sample'), settings, {
      isCancelled: () => cancelled,
      onEstimate: (v) => estimates.push(Boolean(v.estimate)),
      bridge: async () => {
        await new Promise((ok) => setTimeout(ok, 0));
        cancelled = true;
        throw Object.assign(new Error('stopped'), { name: 'AbortError' });
      },
    });
    expect(result).toBe('cancelled');
    expect(estimates).toEqual([]);
  });

  it('re-clusters without building the graph or bridging again (same seed), and bridges again for a new seed', async () => {
    const session = createSession();
    let bridged = 0;
    const hooks = {
      bridge: async ({ csr, plan }: import('../../src/core/analysis/analyze').BridgingInput) => {
        bridged++;
        const { accumulateDependencies } = await import('../../src/core/analysis/betweenness');
        return plan.parts.map((s) => accumulateDependencies(csr, s, plan.weighted, plan.linear));
      },
    };
    const first = await session.analyze(readTree('data/sample'), settings, hooks);
    const graph = session.current()?.analysis.graph;
    const finer = await session.recluster({ seed: 1, resolution: 2 }, hooks);
    expect(bridged).toBe(1);
    expect(session.current()?.analysis.graph).toBe(graph);
    if (first === 'cancelled' || finer === 'cancelled') throw new Error('cancelled');
    expect(finer.ranked).toBe(true);
    expect(finer.superConnectors.length).toBeGreaterThan(10);
    await session.recluster({ seed: 2, resolution: 1 }, hooks);
    expect(bridged).toBe(2);
  });

  it('is cancelled when a newer request arrives while bridging', async () => {
    let cancelled = false;
    const result = await createSession().analyze(readTree('data/sample'), settings, {
      isCancelled: () => cancelled,
      bridge: async () => {
        cancelled = true;
        throw Object.assign(new Error('stopped'), { name: 'AbortError' });
      },
    });
    expect(result).toBe('cancelled');
  });

  it('starts bridging only once afterClusters (the page has drawn the map) resolves, and stops if cancelled meanwhile', async () => {
    const events: string[] = [];
    let release = () => undefined as void;
    const files = readTree('data/sample');
    const run = createSession().analyze(files, settings, {
      onClusters: () => events.push('view'),
      afterClusters: () => new Promise<void>((resolve) => (release = () => (events.push('drawn'), resolve()))),
      bridge: async ({ csr, plan }) => {
        events.push('bridge');
        const { accumulateDependencies } = await import('../../src/core/analysis/betweenness');
        return plan.parts.map((sources) => accumulateDependencies(csr, sources, plan.weighted, plan.linear));
      },
    });
    await new Promise((ok) => setTimeout(ok, 50));
    while (!events.includes('view')) await new Promise((ok) => setTimeout(ok, 20));
    expect(events).toEqual(['view']);
    release();
    expect(await run).not.toBe('cancelled');
    expect(events).toEqual(['view', 'drawn', 'bridge']);

    let cancelled = false;
    const stopped = await createSession().analyze(files, settings, {
      isCancelled: () => cancelled,
      afterClusters: async () => {
        cancelled = true;
      },
      bridge: async () => {
        throw new Error('bridging must not start after a cancel');
      },
    });
    expect(stopped).toBe('cancelled');
  });

  it('while a new map waits to be drawn, answers nothing from the previous network and is ready once the graph is built', async () => {
    const files = readTree('data/sample');
    const session = createSession();
    expect(await session.analyze(files, settings)).not.toBe('cancelled');
    const previous = session.current()?.analysis;
    expect(previous).toBeDefined();
    let release = () => undefined as void;
    let waiting = false;
    let ready = false;
    const run = session.analyze(
      files,
      { ...settings, resolution: 2 },
      {
        afterClusters: () =>
          new Promise<void>((resolve) => {
            waiting = true;
            release = resolve;
          }),
        onClusters: () => void session.whenReady().then(() => (ready = true)),
      },
    );
    while (!waiting) await new Promise((ok) => setTimeout(ok, 20));
    // The new map is out: the previous network is no longer what Ask reads, and Ask waits.
    expect(session.current()).toBeUndefined();
    expect(() => session.ask('accountant')).toThrow(/no network/);
    await new Promise((ok) => setTimeout(ok, 50));
    expect(ready).toBe(false);
    release();
    await run;
    expect(ready).toBe(true);
    expect(session.current()?.analysis).not.toBe(previous);
    expect(session.current()?.analysis.graph.order).toBeGreaterThan(1000);
  });
});
