/**
 * Louvain communities over a CSR graph: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre,
 * "Fast unfolding of communities in large networks", J. Stat. Mech. 2008, P10008, with the queue of
 * "fast local moves" (V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden", Sci. Rep. 9,
 * 5233, 2019: after a first pass in random order, only the neighbours of nodes that moved are looked at
 * again).
 *
 * It maximises modularity with a resolution γ (R. Lambiotte, J.-C. Delvenne, M. Barahona 2008):
 *   Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ],
 * in_c the weight of links inside c counted from both ends, tot_c the weighted degree of c's nodes, 2m the
 * total weighted degree. Each level moves single nodes to the neighbouring community with the best gain
 * ΔQ ∝ k_i,c − γ k_i tot_c / 2m while any gain is positive, then folds each community into one node
 * (links inside it become a self-loop) and repeats on the folded graph until a level moves no one.
 *
 * Works on typed arrays only (no graphology index to build), so the app can cluster from the evidence
 * links before any graphology graph exists. Seeded: node order comes from `rng`, ties keep the node where
 * it is, so the same CSR and rng give the same communities. Cost: O(m) per pass, a few passes per level,
 * O(n + m) memory.
 */
import type { Csr } from './csr';
import { createRng } from '../rng';

/** Options for {@link computeLouvain}. */
export interface LouvainOptions {
  /** Modularity resolution γ: higher gives more, smaller communities. Default 1. */
  resolution?: number;
  /** Random numbers for the order nodes are first visited in. Default: createRng(1). */
  rng?: () => number;
  /** Most levels (folds) run. Default 32 (real graphs stop after 3 to 6). */
  maxLevels?: number;
  /**
   * Times the finished partition is refined: single nodes of the original graph moved between the final
   * communities, then the levels run again from there (the multilevel refinement of Rotta & Noack, "Multilevel
   * local search algorithms for modularity clustering", J. Exp. Algorithmics 16, 2011). Default 3; 0 is
   * plain Louvain.
   */
  refinements?: number;
}

export const LOUVAIN_DEFAULTS = { resolution: 1, maxLevels: 32, refinements: 3 };

export interface LouvainResult {
  /** Community of each CSR node, numbered 0… in order of each community's first node. */
  community: Int32Array;
  /** Number of communities. */
  count: number;
  /** Q of the partition at resolution γ over the CSR's links (0 when there are none). */
  modularity: number;
  /** Levels that moved someone. */
  levels: number;
}

// Smallest gain over staying that counts as a move: round-off must not move a node back and forth.
const EPSILON = 1e-10;

interface Level {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Weight of each node's self-loop (links folded inside it), counted once. */
  self: Float64Array;
}

/** Louvain communities of an undirected weighted CSR graph (each link given from both ends). */
export function computeLouvain(csr: Csr, options: LouvainOptions = {}): LouvainResult {
  const { resolution: gamma, maxLevels, refinements } = { ...LOUVAIN_DEFAULTS, ...options };
  const rng = options.rng ?? createRng(1);
  const n0 = csr.nodes.length;
  const membership = new Int32Array(n0);
  for (let i = 0; i < n0; i++) membership[i] = i;
  let m2 = 0;
  for (let e = 0; e < csr.weights.length; e++) m2 += csr.weights[e]!;
  if (n0 === 0 || m2 <= 0) return { community: membership, count: n0, modularity: 0, levels: 0 };

  const base: Level = { offsets: csr.offsets, targets: csr.targets, weights: csr.weights, self: new Float64Array(n0) };
  let level = base;
  let levels = 0;
  for (let round = 0; round <= refinements; round++) {
    for (let depth = 0; depth < maxLevels; depth++) {
      const comm = moveNodes(level, gamma, m2, rng);
      if (!comm) break;
      levels++;
      const { renumbered, count } = renumber(comm);
      for (let i = 0; i < n0; i++) membership[i] = renumbered[membership[i]!]!;
      if (count === comm.length) break;
      level = fold(level, renumbered, count);
    }
    // Refinement: single nodes of the original graph may now gain by moving between the final communities.
    const refined = round < refinements ? moveNodes(base, gamma, m2, rng, membership) : undefined;
    if (!refined) break;
    const { renumbered, count } = renumber(refined);
    membership.set(renumbered);
    level = fold(base, renumbered, count);
  }
  const { renumbered, count } = renumber(membership);
  return { community: renumbered, count, modularity: computeModularity(csr, renumbered, count, gamma), levels };
}

/**
 * One level of local moves from singletons (or from `start`, community numbers below n); the community of
 * each node, or undefined when no node moved.
 */
function moveNodes(g: Level, gamma: number, m2: number, rng: () => number, start?: Int32Array): Int32Array | undefined {
  const { offsets, targets, weights, self } = g;
  const n = self.length;
  const k = new Float64Array(n);
  const tot = new Float64Array(n);
  const comm = start ? Int32Array.from(start) : new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let d = 2 * self[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) d += weights[e]!;
    k[i] = d;
    if (!start) comm[i] = i;
    tot[comm[i]!] = tot[comm[i]!]! + d;
  }
  // The first pass visits everyone in random order (Fisher–Yates); then a FIFO of the nodes whose
  // neighbourhood changed.
  const queue = new Int32Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = queue[i]!;
    queue[i] = queue[j]!;
    queue[j] = t;
  }
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  const toComm = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  let moved = false;
  while (size > 0) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[i] = 0;
    const ci = comm[i]!;
    const ki = k[i]!;
    // Weight from i to each neighbouring community (its own included, 0 when it has no other member).
    let count = 0;
    seen[ci] = i;
    toComm[ci] = 0;
    touched[count++] = ci;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const j = targets[e]!;
      if (j === i) continue;
      const c = comm[j]!;
      if (seen[c] !== i) {
        seen[c] = i;
        toComm[c] = 0;
        touched[count++] = c;
      }
      toComm[c] = toComm[c]! + weights[e]!;
    }
    tot[ci] = tot[ci]! - ki;
    const scale = (gamma * ki) / m2;
    let best = ci;
    let bestGain = toComm[ci]! - scale * tot[ci]!;
    for (let t = 1; t < count; t++) {
      const c = touched[t]!;
      const gain = toComm[c]! - scale * tot[c]!;
      if (gain > bestGain + EPSILON) {
        best = c;
        bestGain = gain;
      }
    }
    tot[best] = tot[best]! + ki;
    if (best === ci) continue;
    comm[i] = best;
    moved = true;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const j = targets[e]!;
      if (queued[j] || comm[j] === best) continue;
      queued[j] = 1;
      queue[(head + size) % n] = j;
      size++;
    }
  }
  return moved ? comm : undefined;
}

/** Community numbers 0… in order of their first node. */
function renumber(comm: Int32Array): { renumbered: Int32Array; count: number } {
  const id = new Int32Array(comm.length).fill(-1);
  const renumbered = new Int32Array(comm.length);
  let count = 0;
  for (let i = 0; i < comm.length; i++) {
    const c = comm[i]!;
    if (id[c] === -1) id[c] = count++;
    renumbered[i] = id[c]!;
  }
  return { renumbered, count };
}

/** The folded graph: one node per community, links between communities summed, links inside as a self-loop. */
function fold(g: Level, comm: Int32Array, count: number): Level {
  const n = comm.length;
  // Members of each community, by counting sort.
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) start[comm[i]! + 1] = start[comm[i]! + 1]! + 1;
  for (let c = 0; c < count; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, count);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = comm[i]!;
    members[fill[c]!] = i;
    fill[c] = fill[c]! + 1;
  }

  const self = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  const toComm = new Float64Array(count);
  const seen = new Int32Array(count).fill(-1);
  const touched = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let found = 0;
    for (let m = start[c]!; m < start[c + 1]!; m++) {
      const i = members[m]!;
      self[c] = self[c]! + g.self[i]!;
      for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e++) {
        const d = comm[g.targets[e]!]!;
        const w = g.weights[e]!;
        // A link inside c is seen from both ends: half each.
        if (d === c) self[c] = self[c]! + w / 2;
        else {
          if (seen[d] !== c) {
            seen[d] = c;
            toComm[d] = 0;
            touched[found++] = d;
          }
          toComm[d] = toComm[d]! + w;
        }
      }
    }
    for (let t = 0; t < found; t++) {
      const d = touched[t]!;
      targets.push(d);
      weights.push(toComm[d]!);
    }
    offsets[c + 1] = targets.length;
  }
  return { offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights), self };
}

/** Q at resolution γ of a partition of the CSR graph (see the module comment). Cost O(n + m). */
export function computeModularity(csr: Csr, community: Int32Array, count: number, resolution = 1): number {
  const inside = new Float64Array(count);
  const tot = new Float64Array(count);
  let m2 = 0;
  for (let i = 0; i < csr.nodes.length; i++) {
    const c = community[i]!;
    for (let e = csr.offsets[i]!; e < csr.offsets[i + 1]!; e++) {
      const w = csr.weights[e]!;
      m2 += w;
      tot[c] = tot[c]! + w;
      if (community[csr.targets[e]!] === c) inside[c] = inside[c]! + w;
    }
  }
  if (m2 <= 0) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) q += inside[c]! / m2 - resolution * (tot[c]! / m2) ** 2;
  return q;
}
