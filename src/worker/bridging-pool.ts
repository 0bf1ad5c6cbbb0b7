/**
 * Runs the parts of a betweenness plan (core/analysis/betweenness) in bridging threads, one thread per run,
 * and gives back each run's dependency sums in order, so the result is the one a single thread gets
 * (`computeBridging`). A run is one part's sources, or a stage of them (the first sources of a part, or the
 * rest summed on from its first sums: see getBetweennessStages). Each run gets a new thread, ended as soon as
 * it answers: an idle thread is not garbage-collected, so a kept one held its copy of the CSR and its work
 * arrays (about 22 MB each at 30,000 people) for as long as the tab lived; starting one costs a few tens of
 * ms. `abort()` stops a run that a newer request made useless. If a thread fails, its run is computed in the
 * calling thread instead.
 */
import type { BridgingInput } from '../core/analysis/analyze';
import { accumulateDependencies, type BetweennessRun } from '../core/analysis/betweenness';
import type { BridgingAnswer, BridgingRequest } from './protocol';

export interface BridgingPool {
  /** Each run's sums (accumulateDependencies with the run's sources and `from`), in the runs' order. */
  run(input: BridgingInput, runs: BetweennessRun[]): Promise<Float64Array[]>;
  /** Ends the threads; a run in progress rejects with an Error named 'AbortError'. */
  abort(): void;
}

const abortError = () =>
  Object.assign(new Error('worker: bridging was stopped by a newer request.'), { name: 'AbortError' });

export function createBridgingPool(makeWorker: () => Worker): BridgingPool {
  let workers: (Worker | undefined)[] = [];
  let running: { reject(e: Error): void }[] = [];

  const runPart = (k: number, request: BridgingRequest) =>
    new Promise<Float64Array>((resolve, reject) => {
      const worker = makeWorker();
      workers[k] = worker;
      const entry = { reject };
      running.push(entry);
      const done = () => {
        running = running.filter((r) => r !== entry);
        worker.terminate();
        if (workers[k] === worker) workers[k] = undefined;
      };
      worker.onmessage = (event: MessageEvent<BridgingAnswer>) => {
        done();
        resolve(event.data.sums);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        done();
        // A failed thread (out of memory, refused by the browser): do its run here instead.
        const { sources, from } = request;
        resolve(accumulateDependencies(request, sources, request.weighted, request.linear, from));
      };
      worker.postMessage(request);
    });

  return {
    run(input, runs) {
      const { csr, plan } = input;
      return Promise.all(
        runs.map((run, k) =>
          runPart(k, {
            offsets: csr.offsets,
            targets: csr.targets,
            weights: csr.weights,
            sources: run.sources,
            ...(run.from ? { from: run.from } : {}),
            weighted: plan.weighted,
            linear: plan.linear,
          }),
        ),
      );
    },
    abort() {
      if (!running.length) return;
      for (const w of workers) w?.terminate();
      workers = [];
      const stopped = running;
      running = [];
      for (const r of stopped) r.reject(abortError());
    },
  };
}
