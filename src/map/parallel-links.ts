/**
 * Sigma's index of parallel links, made cheap where links cannot be parallel. Cost: O(1) per full refresh instead
 * of O(links) string keys, map entries and state writes.
 */

/** Sigma's index of parallel links (links sharing both ends, which it spreads apart), as far as used here. */
export interface EdgeGroupIndex {
  graph: { multi: boolean; type: string };
  rebuild(): void;
  clear(): void;
}
/**
 * Sigma's index of parallel links, without the pass over every link on each full refresh where a link cannot have
 * parallels (a simple undirected graph, as the display graph is). Sigma's `rebuild` keys every link by its two
 * ends in two maps and writes each link's state (its place among the parallels: 0 of 1), which every link state
 * starts with anyway: about 110 ms of the 640 ms that building sigma for the 30,000-people map took
 * (docs/performance.md, Session 8). Links added later are registered as sigma does, alone in their group.
 */
export function skipParallelIndex(index: EdgeGroupIndex | undefined): void {
  if (!index || index.graph.multi || index.graph.type !== 'undirected') return;
  index.rebuild = () => index.clear();
}
