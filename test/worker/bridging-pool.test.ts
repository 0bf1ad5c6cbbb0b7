// The bridging pool over fake threads (Node has no Web Worker): parts in order, the same sums as one
// thread, a second stage summed on from the first, one thread per part across both stages (sums posted at the
// stop, then the final sums), threads ended once their part is done, a stop that rejects with AbortError in
// either stage, and a failed thread's part (or its rest, from the sums it posted) done in the caller. Then the
// similar pairs computed in a thread (the same as here, the input's arrays moved), in the caller when the thread
// fails, a thread started ahead by prepare(), and stopped by abort().
import { describe, expect, it } from 'vitest';
import { clusterNetwork, getBridgingInput } from '../../src/core/analysis/analyze';
import { accumulateDependencies, getBetweennessStages } from '../../src/core/analysis/betweenness';
import { buildPeople } from '../../src/core/people';
import type { Dataset } from '../../src/core/types';
import { computeSimilarPairIds, encodeSimilarityTokens, SIMILARITY_DEFAULTS } from '../../src/core/analysis/similarity';
import {
  answerSimilarity,
  createBridgingPool,
  runBridgingRequest,
  type BridgingRun,
} from '../../src/worker/bridging-pool';
import type { BridgingAnswer, BridgingRequest, SimilarityThreadRequest } from '../../src/worker/protocol';

/**
 * A stand-in for a Worker running bridging.worker.ts: its answers (the sums at each stop, then the final sums),
 * each `delay` ms after the last; or it fails at once ('fail') or after its first stop's answer ('fail-after-stop').
 */
class FakeThread {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(
    private readonly mode: 'ok' | 'fail' | 'fail-after-stop',
    private readonly delay = 0,
  ) {}
  requests: BridgingRequest[] = [];
  answers: BridgingAnswer[] = [];
  postMessage(r: BridgingRequest) {
    this.requests.push(r);
    const answers: BridgingAnswer[] = [];
    const sums = runBridgingRequest(r, (stop, at) => answers.push({ sums: at.slice(), stop }));
    answers.push({ sums });
    if (this.mode === 'fail') answers.length = 0;
    if (this.mode === 'fail-after-stop') answers.length = 1;
    const next = () =>
      setTimeout(() => {
        if (this.terminated) return;
        const answer = answers.shift();
        if (!answer) return this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
        this.answers.push(answer);
        this.onmessage?.({ data: answer } as MessageEvent);
        next();
      }, this.delay);
    next();
  }
  terminate() {
    this.terminated = true;
  }
}

function getInput() {
  const dataset: Dataset = { owners: [], connections: [], interactions: [], attributes: [], edges: [] };
  const edges: Dataset['edges'] = [];
  for (let i = 0; i < 60; i++)
    for (const d of [1, 2, 7])
      edges.push({
        source: { name: `P${i}` },
        target: { name: `P${(i + d) % 60}` },
        ref: { file: 'links.csv', line: i + 2 },
      });
  dataset.edges = edges;
  return getBridgingInput(clusterNetwork(buildPeople(dataset), dataset), {
    betweenness: { exactMaxNodes: 0, pivots: 16 },
  });
}

const parts = (input: ReturnType<typeof getInput>) => input.plan.parts.map((sources) => ({ sources }));

describe('createBridgingPool', () => {
  it('runs each part in its own thread and gives the sums in plan order', async () => {
    const input = getInput();
    const made: FakeThread[] = [];
    const pool = createBridgingPool(() => {
      const t = new FakeThread('ok', made.length === 0 ? 20 : 0); // the first part answers last
      made.push(t);
      return t as unknown as Worker;
    });
    const sums = await pool.run(input, parts(input));
    expect(made).toHaveLength(2);
    const expected = input.plan.parts.map((p) => accumulateDependencies(input.csr, p, true, true));
    expect(sums.map((s) => [...s])).toEqual(expected.map((s) => [...s]));
    expect(made.every((t) => t.terminated)).toBe(true); // a thread ends once its part is done
    expect(await pool.run(input, parts(input))).toEqual(sums);
    expect(made).toHaveLength(4);
  });

  it('stops a run with an AbortError and ends its threads', async () => {
    const made: FakeThread[] = [];
    const pool = createBridgingPool(() => {
      const t = new FakeThread('ok', 50);
      made.push(t);
      return t as unknown as Worker;
    });
    const input = getInput();
    const run = pool.run(input, parts(input));
    pool.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(made.every((t) => t.terminated)).toBe(true);
  });

  it('runs the rest of each part on from its first sums, with the bits of one pass over each part', async () => {
    const input = getInput();
    const stages = getBetweennessStages(input.plan, 6)!;
    expect(stages.first.map((f) => f.length)).toEqual([3, 3]);
    const made: FakeThread[] = [];
    const pool = createBridgingPool(() => {
      const t = new FakeThread('ok');
      made.push(t);
      return t as unknown as Worker;
    });
    const first = await pool.run(
      input,
      stages.first.map((sources) => ({ sources })),
    );
    const rest = await pool.run(
      input,
      stages.rest.map((sources, p) => ({ sources, from: first[p]! })),
    );
    expect(made).toHaveLength(4);
    expect(made.map((t) => Boolean(t.requests[0]!.from))).toEqual([false, false, true, true]);
    const onePass = input.plan.parts.map((p) => accumulateDependencies(input.csr, p, true, true));
    expect(rest).toHaveLength(2);
    rest.forEach((sums, p) => expect(Buffer.from(sums.buffer)).toEqual(Buffer.from(onePass[p]!.buffer)));
  });

  it('keeps one thread per part across both stages: first sums at the stop, then the final sums of one pass', async () => {
    const input = getInput();
    const stages = getBetweennessStages(input.plan, 6)!;
    const runs: BridgingRun[] = input.plan.parts.map((sources, p) => ({
      sources,
      stops: [stages.first[p]!.length],
    }));
    const onePass = input.plan.parts.map((p) => accumulateDependencies(input.csr, p, true, true));
    const firstPass = stages.first.map((p) => accumulateDependencies(input.csr, p, true, true));
    const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    for (const mode of ['ok', 'fail-after-stop', 'fail'] as const) {
      const made: FakeThread[] = [];
      const pool = createBridgingPool(() => {
        // The second part's thread is slower, or fails, or fails once it has posted its first stage.
        const t = new FakeThread(made.length === 0 ? 'ok' : mode, made.length === 0 ? 0 : 10);
        made.push(t);
        return t as unknown as Worker;
      });
      const stops: { stop: number; sums: Float64Array[]; at: number }[] = [];
      const sums = await pool.run(input, runs, (stop, s) =>
        stops.push({ stop, sums: s.map((x) => x.slice()), at: made[1]!.answers.length }),
      );
      // Two threads, one request each (the whole part and its stop), ended once they gave their final sums.
      expect(made).toHaveLength(2);
      expect(made.map((t) => t.requests.map((r) => [r.sources.length, r.stops, Boolean(r.from)]))).toEqual([
        [[input.plan.parts[0]!.length, [3], false]],
        [[input.plan.parts[1]!.length, [3], false]],
      ]);
      expect(made.every((t) => t.terminated)).toBe(true);
      // One first stage, once both parts reached it, before the final sums; all the bits of one pass.
      expect(stops.map((s) => s.stop)).toEqual([0]);
      stops[0]!.sums.forEach((s, p) => expect(bits(s)).toEqual(bits(firstPass[p]!)));
      sums.forEach((s, p) => expect(bits(s)).toEqual(bits(onePass[p]!)));
      // The thread that failed after its first stage posted it and no more; the one that failed at once, nothing.
      expect(made[1]!.answers.map((a) => a.stop)).toEqual(
        mode === 'ok' ? [0, undefined] : mode === 'fail-after-stop' ? [0] : [],
      );
    }
  });

  it('stops a staged run with an AbortError in either stage, its threads ended and nothing reported after', async () => {
    const input = getInput();
    const stages = getBetweennessStages(input.plan, 6)!;
    const runs = input.plan.parts.map((sources, p) => ({ sources, stops: [stages.first[p]!.length] }));
    for (const abortAt of ['first', 'rest'] as const) {
      const made: FakeThread[] = [];
      const pool = createBridgingPool(() => {
        const t = new FakeThread('ok', 20);
        made.push(t);
        return t as unknown as Worker;
      });
      const reported: number[] = [];
      const run = pool.run(input, runs, (stop) => {
        reported.push(stop);
        if (abortAt === 'rest') pool.abort(); // a newer request while the rest is summed
      });
      if (abortAt === 'first') pool.abort();
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      await new Promise((ok) => setTimeout(ok, 60));
      expect(reported).toEqual(abortAt === 'first' ? [] : [0]);
      expect(made.every((t) => t.terminated)).toBe(true);
      expect(made.every((t) => t.answers.every((a) => a.stop === 0))).toBe(true);
    }
  });

  it("does a failed thread's part in the calling thread", async () => {
    const input = getInput();
    const pool = createBridgingPool(() => new FakeThread('fail') as unknown as Worker);
    const sums = await pool.run(input, parts(input));
    expect([...(sums[1] ?? [])]).toEqual([...accumulateDependencies(input.csr, input.plan.parts[1]!, true, true)]);
  });
});

/**
 * A stand-in for a bridging thread asked for similar pairs: the request is cloned with its arrays moved (as
 * postMessage does, so the transfer list must be valid), answered by answerSimilarity after `delay` ms with the
 * answer's arrays moved back; or it fails.
 */
class FakeSimilarityThread {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(
    private readonly mode: 'ok' | 'fail',
    private readonly delay = 0,
  ) {}
  postMessage(r: SimilarityThreadRequest, transfer: Transferable[]) {
    const received = structuredClone(r, { transfer: transfer as ArrayBuffer[] });
    setTimeout(() => {
      if (this.terminated) return;
      if (this.mode === 'fail') return this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
      const { pairs, transfer: back } = answerSimilarity(received);
      this.onmessage?.({ data: structuredClone(pairs, { transfer: back }) } as MessageEvent);
    }, this.delay);
  }
  terminate() {
    this.terminated = true;
  }
}

function getSimilarityInput() {
  const token = (kind: string, value: string, weight = 1) => ({ token: `${kind}:${value}`, label: value, weight });
  const cities = ['Lyon', 'Porto', 'Graz'];
  const trades = ['accounting', 'logistics', 'design', 'law'];
  const tokens = Array.from({ length: 80 }, (_, i) => [
    token('city', cities[i % 3]!),
    token('industry', trades[i % 4]!, 2),
    token('word', `w${i % 7}`, 0.5),
  ]);
  return encodeSimilarityTokens(tokens);
}
const similarityOptions = { ...SIMILARITY_DEFAULTS, minSimilarity: 0.2 };

describe('createBridgingPool: similar pairs', () => {
  it('computes them in a thread of their own, as in this thread, and ends the thread', async () => {
    const expected = computeSimilarPairIds(getSimilarityInput(), similarityOptions);
    expect(expected.a.length).toBeGreaterThan(50);
    const made: FakeSimilarityThread[] = [];
    const pool = createBridgingPool(() => {
      const t = new FakeSimilarityThread('ok');
      made.push(t);
      return t as unknown as Worker;
    });
    const input = getSimilarityInput();
    const pairs = await pool.similar(input, similarityOptions);
    expect(pairs).toEqual(expected);
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
    // The input's arrays were moved to the thread; its labels were not.
    expect(input.docIds.length).toBe(0);
    expect(input.labels.length).toBeGreaterThan(0);
  });

  it('computes them here when the thread fails', async () => {
    const expected = computeSimilarPairIds(getSimilarityInput(), similarityOptions);
    const pool = createBridgingPool(() => new FakeSimilarityThread('fail') as unknown as Worker);
    expect(await pool.similar(getSimilarityInput(), similarityOptions)).toEqual(expected);
  });

  it('takes the thread prepare() started, starts at most one ahead, and keeps it through abort()', async () => {
    const made: FakeSimilarityThread[] = [];
    const pool = createBridgingPool(() => {
      const t = new FakeSimilarityThread('ok');
      made.push(t);
      return t as unknown as Worker;
    });
    pool.prepare();
    pool.prepare();
    pool.abort();
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(false);
    await pool.similar(getSimilarityInput(), similarityOptions);
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
    // None waiting now: the next one is started when asked for.
    await pool.similar(getSimilarityInput(), similarityOptions);
    expect(made).toHaveLength(2);
  });

  it('rejects with an AbortError and ends the thread when stopped', async () => {
    let thread: FakeSimilarityThread | undefined;
    const pool = createBridgingPool(() => (thread = new FakeSimilarityThread('ok', 50)) as unknown as Worker);
    const pending = pool.similar(getSimilarityInput(), similarityOptions);
    pool.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(thread!.terminated).toBe(true);
  });
});
