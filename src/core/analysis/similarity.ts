/**
 * Sparse attribute similarity: TF-IDF cosine (Salton & Buckley 1988) between people's attribute tokens
 * (industry, city, area, country, role family, position words), keeping for each person only its k
 * most similar others, so a company of 2,000 people does not become a 2-million-link clique.
 *
 * No O(n²) pass: candidates come from an inverted index (token → people). A token held by more than
 * `maxPostings` people (e.g. `country:us`) does not enumerate its whole posting list: each person sees
 * only the `maxPostings` entries around its own position in that list, and the list is sorted by each
 * person's full token signature, so the neighbours seen are the ones sharing the most other tokens.
 * Candidates are ranked by dot products accumulated term at a time over typed arrays; the best 3k are then
 * scored exactly. Cost: O(n · T · maxPostings · log T) visits plus O(n · k · T), T = tokens per person.
 */
import type { FacetToken } from './facets';

/** Options for {@link computeSimilarPairs}. */
export interface SimilarityOptions {
  /** Similar links each person keeps (its k strongest). Default 5. */
  k?: number;
  /** Cosine below which no link is made. Default 0.5. */
  minSimilarity?: number;
  /** Longest posting list enumerated in full; longer ones are windowed around the person. Default 200. */
  maxPostings?: number;
}

export const SIMILARITY_DEFAULTS: Required<SimilarityOptions> = { k: 5, minSimilarity: 0.5, maxPostings: 200 };

/** One similar pair (a < b), with its cosine and the shared token labels, strongest first. */
export interface SimilarPair {
  a: number;
  b: number;
  cosine: number;
  terms: string[];
}

/** TF-IDF cosine k-nearest pairs between the token lists of `tokens[i]` (person i). Deterministic. */
export function computeSimilarPairs(tokens: FacetToken[][], options: SimilarityOptions = {}): SimilarPair[] {
  const { k, minSimilarity, maxPostings } = { ...SIMILARITY_DEFAULTS, ...options };
  const n = tokens.length;
  if (n < 2 || k <= 0) return [];

  // 1. Vocabulary and document frequencies.
  const vocab = new Map<string, number>();
  const labels: string[] = [];
  const df: number[] = [];
  const docs: { ids: number[]; weights: number[] }[] = [];
  for (const list of tokens) {
    const seen = new Map<number, number>();
    for (const t of list) {
      let id = vocab.get(t.token);
      if (id === undefined) {
        id = labels.length;
        vocab.set(t.token, id);
        labels.push(t.label);
        df.push(0);
      }
      seen.set(id, Math.max(seen.get(id) ?? 0, t.weight));
    }
    for (const id of seen.keys()) df[id] = (df[id] ?? 0) + 1;
    const ids = [...seen.keys()].sort((x, y) => x - y);
    docs.push({ ids, weights: ids.map((id) => seen.get(id) ?? 0) });
  }

  // 2. TF-IDF vectors, L2-normalised. idf = ln(n / df): a token everyone has weighs 0.
  for (const d of docs) {
    let norm = 0;
    for (let j = 0; j < d.ids.length; j++) {
      const w = (d.weights[j] ?? 0) * Math.log(n / (df[d.ids[j] ?? 0] ?? 1));
      d.weights[j] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let j = 0; j < d.ids.length; j++) d.weights[j] = norm > 0 ? (d.weights[j] ?? 0) / norm : 0;
  }

  // 3. Inverted index (holder, weight), each long posting list sorted by the holders' token signatures.
  // The signatures are compared in one sort of everyone; long lists then sort by that integer rank (the same
  // order as comparing the strings in every list). Each list keeps its holders' weights alongside.
  const signature = docs.map((d) => d.ids.join(','));
  const byRank = Array.from({ length: n }, (_, i) => i).sort((x, y) =>
    (signature[x] ?? '') < (signature[y] ?? '') ? -1 : signature[x] === signature[y] ? x - y : 1,
  );
  const rank = new Int32Array(n);
  byRank.forEach((x, r) => (rank[x] = r));
  const postings: number[][] = labels.map(() => []);
  for (let i = 0; i < n; i++) for (const id of docs[i]?.ids ?? []) postings[id]?.push(i);
  const position: Map<number, number>[] = labels.map(() => new Map());
  postings.forEach((list, id) => {
    if (list.length > maxPostings) {
      list.sort((x, y) => (rank[x] ?? 0) - (rank[y] ?? 0));
      list.forEach((p, at) => position[id]?.set(p, at));
    }
  });
  const weightOf = (y: number, id: number): number => {
    const d = docs[y];
    if (!d) return 0;
    // ids are sorted: binary search.
    let lo = 0;
    let hi = d.ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = d.ids[mid] ?? 0;
      if (v === id) return d.weights[mid] ?? 0;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  };

  const postingWeights = postings.map((list, id) => Float64Array.from(list, (y) => weightOf(y, id)));

  const cosine = (x: number, y: number): { value: number; shared: number[] } => {
    const dx = docs[x];
    const dy = docs[y];
    if (!dx || !dy) return { value: 0, shared: [] };
    let i = 0;
    let j = 0;
    let value = 0;
    const shared: number[] = [];
    while (i < dx.ids.length && j < dy.ids.length) {
      const a = dx.ids[i] ?? 0;
      const b = dy.ids[j] ?? 0;
      if (a === b) {
        const w = (dx.weights[i] ?? 0) * (dy.weights[j] ?? 0);
        if (w > 0) {
          value += w;
          shared.push(a);
        }
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    return { value, shared };
  };

  // 4. Per person: partial dot products accumulated over its postings (term at a time, typed arrays), then
  // the exact cosine of its best 3k candidates; a pair is kept when either side keeps it.
  const kept = new Map<string, SimilarPair>();
  const half = Math.floor(maxPostings / 2);
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  for (let x = 0; x < n; x++) {
    const doc = docs[x];
    if (!doc || doc.ids.length === 0) continue;
    let count = 0;
    for (let t = 0; t < doc.ids.length; t++) {
      const id = doc.ids[t] ?? 0;
      const wx = doc.weights[t] ?? 0;
      if (wx <= 0) continue;
      const list = postings[id] ?? [];
      const weights = postingWeights[id] ?? new Float64Array(0);
      const len = list.length;
      const full = len <= maxPostings;
      const at = full ? 0 : (position[id]?.get(x) ?? 0);
      for (let s = full ? 0 : -half, end = full ? len - 1 : half; s <= end; s++) {
        const slot = full ? s : (at + s + len) % len;
        const y = list[slot] ?? x;
        const w = wx * (weights[slot] ?? 0);
        if (y === x || w <= 0) continue;
        if (acc[y] === 0) touched[count++] = y;
        acc[y] = (acc[y] ?? 0) + w;
      }
    }
    // The accumulated score is exact over full postings and a lower bound over windowed ones: rank by it,
    // then score the best 3k exactly. The best 3k (score down, index up) are kept by insertion, not by
    // sorting every candidate.
    const best = 3 * k;
    const candidates: { y: number; p: number }[] = [];
    for (let c = 0; c < count; c++) {
      const y = touched[c] ?? 0;
      const p = acc[y] ?? 0;
      acc[y] = 0;
      const worst = candidates[candidates.length - 1];
      if (candidates.length >= best && worst && (p < worst.p || (p === worst.p && y > worst.y))) continue;
      let i = candidates.length;
      candidates.push({ y, p });
      for (; i > 0; i--) {
        const before = candidates[i - 1];
        if (!before || before.p > p || (before.p === p && before.y < y)) break;
        candidates[i] = before;
      }
      candidates[i] = { y, p };
      if (candidates.length > best) candidates.pop();
    }
    const scored = candidates
      .map((c) => ({ y: c.y, p: cosine(x, c.y).value }))
      .filter((c) => c.p >= minSimilarity)
      .sort((p, q) => q.p - p.p || p.y - q.y)
      .slice(0, k);
    for (const s of scored) {
      const a = Math.min(x, s.y);
      const b = Math.max(x, s.y);
      const key = `${a},${b}`;
      if (kept.has(key)) continue;
      const { shared } = cosine(x, s.y);
      const terms = shared
        .map((id) => ({ id, w: weightOf(x, id) }))
        .sort((p, q) => q.w - p.w || p.id - q.id)
        .map((t) => labels[t.id] ?? '');
      kept.set(key, { a, b, cosine: s.p, terms });
    }
  }
  return [...kept.values()].sort((p, q) => p.a - q.a || p.b - q.b);
}
