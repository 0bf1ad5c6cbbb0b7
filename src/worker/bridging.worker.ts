/// <reference lib="webworker" />
// A bridging thread: Brandes' dependency sums over one part of the betweenness sources, summed on from `from`
// when given (core/analysis/betweenness accumulateDependencies), started by the analysis worker's pool
// (bridging-pool.ts) so the parts run on separate cores. One request: a copy of the sums at each of its `stops`
// (the first estimate's stage), then the final sums; the pool ends the thread once it has them. Or, before
// bridging, one request for the similar pairs of the people's tokens (core/analysis/similarity), answered once.
import { answerSimilarity, runBridgingRequest } from './bridging-pool';
import type { BridgingAnswer, BridgingRequest, SimilarityThreadRequest } from './protocol';

self.onmessage = (event: MessageEvent<BridgingRequest | SimilarityThreadRequest>) => {
  const r = event.data;
  if ('kind' in r) {
    const { pairs, transfer } = answerSimilarity(r);
    (self as unknown as Worker).postMessage(pairs, transfer);
    return;
  }
  const post = (answer: BridgingAnswer, transfer: Transferable[] = []) =>
    (self as unknown as Worker).postMessage(answer, transfer);
  // Not transferred at a stop: the thread sums on from these (the message carries a copy).
  const sums = runBridgingRequest(r, (stop, at) => post({ sums: at, stop }));
  post({ sums }, [sums.buffer]);
};
