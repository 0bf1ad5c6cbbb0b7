// The bridging pool over fake threads (Node has no Web Worker): parts in order, the same sums as one
// thread, a second stage summed on from the first, threads ended once their part is done, a stop that rejects
// with AbortError, and a failed thread's part done in the caller.
import { describe, expect, it } from 'vitest';
import { clusterNetwork, getBridgingInput } from '../../src/core/analysis/analyze';
import { accumulateDependencies, getBetweennessStages } from '../../src/core/analysis/betweenness';
import { buildPeople } from '../../src/core/people';
import type { Dataset } from '../../src/core/types';
import { createBridgingPool } from '../../src/worker/bridging-pool';
import type { BridgingRequest } from '../../src/worker/protocol';

/** A stand-in for a Worker running bridging.worker.ts: answers after `delay` ms, or fails. */
class FakeThread {
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(
    private readonly mode: 'ok' | 'fail',
    private readonly delay = 0,
  ) {}
  requests: BridgingRequest[] = [];
  postMessage(r: BridgingRequest) {
    this.requests.push(r);
    setTimeout(() => {
      if (this.terminated) return;
      if (this.mode === 'fail') this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
      else
        this.onmessage?.({
          data: { sums: accumulateDependencies(r, r.sources, r.weighted, r.linear, r.from) },
        } as MessageEvent);
    }, this.delay);
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

  it("does a failed thread's part in the calling thread", async () => {
    const input = getInput();
    const pool = createBridgingPool(() => new FakeThread('fail') as unknown as Worker);
    const sums = await pool.run(input, parts(input));
    expect([...(sums[1] ?? [])]).toEqual([...accumulateDependencies(input.csr, input.plan.parts[1]!, true, true)]);
  });
});
