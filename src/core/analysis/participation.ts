/**
 * Participation coefficient (R. Guimerà and L. A. N. Amaral, "Functional cartography of complex
 * metabolic networks", Nature 433, 895–900, 2005): P_i = 1 − Σ_s (k_is / k_i)², where k_i is node i's
 * (weighted) degree and k_is the part of it going into cluster s. 0 when all of a node's links stay in
 * one cluster, approaching 1 when they spread evenly over many. Nodes without links get 0.
 * Cost: O(m) over a CSR.
 */
import type { Csr } from './csr';

/** Options for {@link computeParticipation}. */
export interface ParticipationOptions {
  /** Use link weights (true) or count links (false). Default true. */
  weighted?: boolean;
}

export const PARTICIPATION_DEFAULTS = { weighted: true };

/**
 * Participation of node i of the CSR, given `membership[i]` (a cluster number per node; negative for
 * "no cluster", whose links are ignored on both ends).
 */
export function computeParticipation(
  csr: Csr,
  membership: Int32Array | readonly number[],
  options: ParticipationOptions = {},
): Float64Array {
  const { weighted } = { ...PARTICIPATION_DEFAULTS, ...options };
  const n = csr.nodes.length;
  const out = new Float64Array(n);
  const perCluster = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    perCluster.clear();
    let total = 0;
    for (let e = csr.offsets[i] ?? 0, end = csr.offsets[i + 1] ?? 0; e < end; e++) {
      const c = membership[csr.targets[e] ?? 0] ?? -1;
      if (c < 0) continue;
      const w = weighted ? (csr.weights[e] ?? 1) : 1;
      perCluster.set(c, (perCluster.get(c) ?? 0) + w);
      total += w;
    }
    if (total <= 0) continue;
    let sum = 0;
    for (const k of perCluster.values()) sum += (k / total) * (k / total);
    out[i] = 1 - sum;
  }
  return out;
}
