/**
 * Runs the parts of a betweenness plan (core/analysis/betweenness) in bridging threads, one thread per run,
 * and gives back each run's dependency sums in order, so the result is the one a single thread gets
 * (`computeBridging`). A run is one part's sources, summed on from `from` when given. With `stops` (for a first
 * estimate: the end of each part's first sources, see getBetweennessStages), the thread posts a copy of its sums
 * at each stop and carries on to the end of its part, in the same thread: no second thread, CSR copy or cold
 * start for the second stage. `onStop(i, sums)` is called once every run has reached its stop `i`. Each thread
 * is ended as soon as it gives its final sums: an idle thread is not garbage-collected, so a kept one held its
 * copy of the CSR and its work arrays (about 22 MB each at 30,000 people) for as long as the tab lived.
 * `abort()` stops a run that a newer request made useless, in either stage. If a thread fails, the rest of its
 * run is computed in the calling thread, on from the sums it last posted (or from the start): the same bits.
 *
 * Before bridging, while the analysis worker collects the evidence links, `similar` computes the similar pairs
 * (core/analysis/similarity) in one such thread: they need nothing but the people's encoded tokens, and the
 * second core is idle then. A failed thread's pairs are computed in the calling thread.
 */
import type { BridgingInput } from '../core/analysis/analyze';
import { accumulateDependencies, type BetweennessRun } from '../core/analysis/betweenness';
import {
  computeSimilarPairIds,
  type SimilarityInput,
  type SimilarityOptions,
  type SimilarPairIds,
} from '../core/analysis/similarity';
import type { BridgingAnswer, BridgingRequest, SimilarityThreadRequest } from './protocol';

/** A run of sources; `stops`: source counts (ascending, within the run) after which its sums are reported. */
export interface BridgingRun extends BetweennessRun {
  stops?: number[];
}

/** Called once every run has reached its stop `stop`, with each run's sums there (in the runs' order). */
export type OnBridgingStop = (stop: number, sums: Float64Array[]) => void;

export interface BridgingPool {
  /**
   * Each run's sums (accumulateDependencies with the run's sources and `from`), in the runs' order; every run
   * must have as many `stops`, and `onStop` is called for each before the promise resolves.
   */
  run(input: BridgingInput, runs: BridgingRun[], onStop?: OnBridgingStop): Promise<Float64Array[]>;
  /**
   * computeSimilarPairIds(input, options) in a thread of its own. The input's typed arrays are moved to it (they
   * are unusable here afterwards); its labels are copied.
   */
  similar(input: SimilarityInput, options: Required<SimilarityOptions>): Promise<SimilarPairIds>;
  /**
   * Starts a thread now, for the next run or similarity to take: a new thread took about 0.4 s to begin (its
   * script fetched and compiled beside a busy analysis), as long as the rest of the links at 30,000 people, so
   * similar pairs asked for then were not computed beside them at all. At most one waits; abort() leaves it.
   */
  prepare(): void;
  /** Ends the threads; a run or similarity in progress rejects with an Error named 'AbortError'. */
  abort(): void;
}

const abortError = () =>
  Object.assign(new Error('worker: bridging was stopped by a newer request.'), { name: 'AbortError' });

/**
 * The rest of a request from source `at` on, summed on from `sums` (the sums at `at`), reporting each stop
 * left: what a bridging thread does, in this thread (a failed thread's rest) or in the thread itself.
 */
export function runBridgingRequest(
  r: BridgingRequest,
  onStop: (stop: number, sums: Float64Array) => void,
  reached = 0,
  sums = r.from,
): Float64Array {
  const stops = r.stops ?? [];
  let at = reached > 0 ? stops[reached - 1]! : 0;
  for (let i = reached; i < stops.length; i++) {
    sums = accumulateDependencies(r, r.sources.subarray(at, stops[i]), r.weighted, r.linear, sums);
    onStop(i, sums);
    at = stops[i]!;
  }
  return accumulateDependencies(r, r.sources.subarray(at), r.weighted, r.linear, sums);
}

/** What a bridging thread answers to a similarity request: the pairs, and their arrays to move back. */
export function answerSimilarity(r: SimilarityThreadRequest): { pairs: SimilarPairIds; transfer: ArrayBuffer[] } {
  const pairs = computeSimilarPairIds(r.input, r.options);
  const transfer = [pairs.a, pairs.b, pairs.cosine, pairs.termStart, pairs.termIds].map((x) => x.buffer as ArrayBuffer);
  return { pairs, transfer };
}

export function createBridgingPool(makeWorker: () => Worker): BridgingPool {
  /** Threads at work (abort() ends them), and how to reject their callers. */
  const live = new Set<Worker>();
  let running: { reject(e: Error): void }[] = [];
  /**
   * One thread's job: `isFinished()` once it answered, failed or was stopped; `end()` when it answered or failed
   * (ends the thread).
   */
  const startJob = (worker: Worker, reject: (e: Error) => void) => {
    let finished = false;
    const entry = {
      reject(e: Error) {
        finished = true;
        reject(e);
      },
    };
    running.push(entry);
    live.add(worker);
    return {
      isFinished: () => finished,
      end() {
        finished = true;
        running = running.filter((r) => r !== entry);
        live.delete(worker);
        worker.terminate();
      },
    };
  };
  /** A thread started by prepare(), idle until taken. */
  let spare: Worker | undefined;
  const take = (): Worker => {
    const worker = spare ?? makeWorker();
    spare = undefined;
    return worker;
  };

  const runPart = (request: BridgingRequest, onStop: (stop: number, sums: Float64Array) => void) =>
    new Promise<Float64Array>((resolve, reject) => {
      const worker = take();
      const job = startJob(worker, reject);
      // The stops reached so far and the sums at the last one: a failed thread's rest goes on from there.
      let reached = 0;
      let last = request.from;
      worker.onmessage = (event: MessageEvent<BridgingAnswer>) => {
        if (job.isFinished()) return;
        const { sums, stop } = event.data;
        if (stop !== undefined) {
          // A stage's sums (a copy: the thread sums on); the thread carries on to the end of its run.
          reached = stop + 1;
          last = sums;
          onStop(stop, sums);
          return;
        }
        job.end();
        resolve(sums);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        if (job.isFinished()) return;
        job.end();
        // A failed thread (out of memory, refused by the browser): do the rest of its run here.
        resolve(runBridgingRequest(request, onStop, reached, last));
      };
      worker.postMessage(request);
    });

  return {
    run(input, runs, onStop) {
      const { csr, plan } = input;
      const stops = runs[0]?.stops?.length ?? 0;
      if (runs.some((r) => (r.stops?.length ?? 0) !== stops))
        throw new Error('worker: every bridging run must have as many stops.');
      const atStop = Array.from({ length: stops }, () => new Array<Float64Array>(runs.length));
      const count = new Array<number>(stops).fill(0);
      return Promise.all(
        runs.map((run, k) =>
          runPart(
            {
              offsets: csr.offsets,
              targets: csr.targets,
              weights: csr.weights,
              sources: run.sources,
              ...(run.from ? { from: run.from } : {}),
              ...(run.stops?.length ? { stops: run.stops } : {}),
              weighted: plan.weighted,
              linear: plan.linear,
            },
            (stop, sums) => {
              atStop[stop]![k] = sums;
              if (++count[stop]! === runs.length) onStop?.(stop, atStop[stop]!);
            },
          ),
        ),
      );
    },
    similar(input, options) {
      return new Promise<SimilarPairIds>((resolve, reject) => {
        const worker = take();
        const job = startJob(worker, reject);
        worker.onmessage = (event: MessageEvent<SimilarPairIds>) => {
          if (job.isFinished()) return;
          job.end();
          resolve(event.data);
        };
        // A copy for this thread: the arrays sent are moved, and a failed thread's pairs are computed here.
        const copy: SimilarityInput = {
          docStart: input.docStart.slice(),
          docIds: input.docIds.slice(),
          docW: input.docW.slice(),
          labels: input.labels,
        };
        worker.onerror = (event) => {
          event.preventDefault();
          if (job.isFinished()) return;
          job.end();
          resolve(computeSimilarPairIds(copy, options));
        };
        const request: SimilarityThreadRequest = { kind: 'similarity', input, options };
        worker.postMessage(request, [input.docStart.buffer, input.docIds.buffer, input.docW.buffer]);
      });
    },
    prepare() {
      spare ??= makeWorker();
    },
    abort() {
      if (!running.length) return;
      for (const w of live) w.terminate();
      live.clear();
      const stopped = running;
      running = [];
      for (const r of stopped) r.reject(abortError());
    },
  };
}
