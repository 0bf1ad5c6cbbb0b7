/// <reference lib="webworker" />
// A bridging thread: Brandes' dependency sums over one part of the betweenness sources, or a stage of it
// summed on from `from` (core/analysis/betweenness accumulateDependencies), started by the analysis worker's
// pool (bridging-pool.ts) so the parts run on separate cores. Stateless: one request, one answer.
import { accumulateDependencies } from '../core/analysis/betweenness';
import type { BridgingAnswer, BridgingRequest } from './protocol';

self.onmessage = (event: MessageEvent<BridgingRequest>) => {
  const r = event.data;
  const sums = accumulateDependencies(r, r.sources, r.weighted, r.linear, r.from);
  (self as unknown as Worker).postMessage({ sums } satisfies BridgingAnswer, [sums.buffer]);
};
