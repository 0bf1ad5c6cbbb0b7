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
 *
 * In two parts, so that the second can run in another thread (the app's worker runs it in a bridging thread
 * while it builds the other links, worker/bridging-pool.ts): {@link encodeSimilarityTokens} turns the tokens into
 * typed arrays and a list of labels (O(n · T), one map look-up per token), {@link computeSimilarPairIds} does the
 * rest over those alone and names each pair's shared tokens by number. {@link computeSimilarPairColumns} is both
 * in one go, with the labels put back.
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

/** The similar pairs as columns: pair p is (a[p] < b[p]) with cosine[p] and terms[p]; sorted by (a, b). */
export interface SimilarPairColumns {
  a: Int32Array;
  b: Int32Array;
  cosine: Float64Array;
  terms: string[][];
}

/**
 * The people's tokens as typed arrays (what {@link computeSimilarPairIds} reads; nothing else, so it can be sent to
 * another thread and its arrays transferred): person i's distinct token ids, sorted, are
 * docIds[docStart[i] .. docStart[i + 1]), each with the largest weight that person gives it in docW; a token id's
 * label is labels[id].
 */
export interface SimilarityInput {
  docStart: Int32Array;
  docIds: Int32Array;
  docW: Float64Array;
  labels: string[];
}

/**
 * The similar pairs as columns of numbers: pair p is (a[p] < b[p]) with cosine[p]; its shared tokens, strongest
 * first, are the token ids termIds[termStart[p] .. termStart[p + 1]) (labels in the input's `labels`). Sorted by
 * (a, b).
 */
export interface SimilarPairIds {
  a: Int32Array;
  b: Int32Array;
  cosine: Float64Array;
  termStart: Int32Array;
  termIds: Int32Array;
}

/** {@link computeSimilarPairColumns} as one object per pair. */
export function computeSimilarPairs(tokens: FacetToken[][], options: SimilarityOptions = {}): SimilarPair[] {
  const { a, b, cosine, terms } = computeSimilarPairColumns(tokens, options);
  return Array.from(a, (x, p) => ({ a: x, b: b[p]!, cosine: cosine[p]!, terms: terms[p]! }));
}

/**
 * TF-IDF cosine k-nearest pairs between the token lists of `tokens[i]` (person i), as columns (no object per
 * pair: the evidence graph reads them straight). Deterministic.
 */
export function computeSimilarPairColumns(tokens: FacetToken[][], options: SimilarityOptions = {}): SimilarPairColumns {
  const input = encodeSimilarityTokens(tokens);
  const ids = computeSimilarPairIds(input, options);
  return { a: ids.a, b: ids.b, cosine: ids.cosine, terms: getPairTerms(ids, input.labels) };
}

/** The shared tokens' labels of every pair of `ids`, strongest first. O(pairs + their terms). */
export function getPairTerms(ids: SimilarPairIds, labels: readonly string[]): string[][] {
  const terms = new Array<string[]>(ids.a.length);
  for (let p = 0; p < ids.a.length; p++) terms[p] = getPairTermsAt(ids, labels, p);
  return terms;
}

/** The shared tokens' labels of pair `p` of `ids`, strongest first. O(its terms). */
export function getPairTermsAt(ids: SimilarPairIds, labels: readonly string[], p: number): string[] {
  const from = ids.termStart[p]!;
  const terms = new Array<string>(ids.termStart[p + 1]! - from);
  for (let t = 0; t < terms.length; t++) terms[t] = labels[ids.termIds[from + t]!] ?? '';
  return terms;
}

/**
 * Step 1 of the similarity: the vocabulary; each person's distinct token ids, sorted, flat, with their weights
 * (no array per person). See {@link SimilarityInput}. O(n · T).
 */
export function encodeSimilarityTokens(tokens: FacetToken[][]): SimilarityInput {
  const n = tokens.length;
  const vocab = new Map<string, number>();
  const labels: string[] = [];
  // Per token id: the last document that held it and its largest weight there (no map per document).
  const lastDoc: number[] = [];
  const maxWeight: number[] = [];
  let held = 0;
  for (let i = 0; i < n; i++) held += tokens[i]!.length;
  const docStart = new Int32Array(n + 1);
  let docIds = new Int32Array(held);
  let docW = new Float64Array(held);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const list = tokens[i]!;
    const start = end;
    for (let j = 0; j < list.length; j++) {
      const t = list[j]!;
      let id = vocab.get(t.token);
      if (id === undefined) {
        id = labels.length;
        vocab.set(t.token, id);
        labels.push(t.label);
        lastDoc.push(-1);
        maxWeight.push(0);
      }
      if (lastDoc[id] !== i) {
        lastDoc[id] = i;
        maxWeight[id] = Math.max(0, t.weight);
        docIds[end++] = id;
      } else maxWeight[id] = Math.max(maxWeight[id]!, t.weight);
    }
    docStart[i + 1] = end;
    docIds.subarray(start, end).sort();
    for (let j = start; j < end; j++) docW[j] = maxWeight[docIds[j]!]!;
  }
  if (end < held) {
    docIds = docIds.slice(0, end);
    docW = docW.slice(0, end);
  }
  return { docStart, docIds, docW, labels };
}

/**
 * Steps 2 to 4 of the similarity over `input` (changed: its weights become the TF-IDF vectors), and the pairs
 * sorted. See {@link SimilarPairIds}. Deterministic: the same input gives the same pairs in any thread.
 */
export function computeSimilarPairIds(input: SimilarityInput, options: SimilarityOptions = {}): SimilarPairIds {
  const { k, minSimilarity, maxPostings } = { ...SIMILARITY_DEFAULTS, ...options };
  const { docStart, docIds, docW } = input;
  const n = docStart.length - 1;
  const end = docIds.length;
  if (n < 2 || k <= 0) {
    // Arrays of their own, as always: a thread moves each one's buffer.
    const none = () => new Int32Array(0);
    return { a: none(), b: none(), cosine: new Float64Array(0), termStart: new Int32Array(1), termIds: none() };
  }
  // Document frequencies: each person's ids are distinct.
  const df = new Int32Array(input.labels.length);
  for (let t = 0; t < end; t++) df[docIds[t]!] = df[docIds[t]!]! + 1;

  // 2. TF-IDF vectors, L2-normalised. idf = ln(n / df): a token everyone has weighs 0.
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = docStart[i]!; j < docStart[i + 1]!; j++) {
      const w = docW[j]! * Math.log(n / (df[docIds[j]!] ?? 1));
      docW[j] = w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (let j = docStart[i]!; j < docStart[i + 1]!; j++) docW[j] = norm > 0 ? docW[j]! / norm : 0;
  }

  // 3. Inverted index, flat: the holders of token id are post[postStart[id] .. postStart[id + 1]), their
  // weights alongside in postW. A long list is sorted by its holders' token signatures (the ids joined by
  // commas, compared as strings: compared here id by id, by each id's place among the ids as decimal strings,
  // which is the same order with no string made; compared in one sort of everyone, long lists then sort by
  // that integer rank), and each person's place in it is kept per token (docAt), so its window is found
  // without a lookup. The lists hold ranks (person byRank[r] for r): filled in rank order, every list is in
  // that order already, and the scores a window adds to (acc, by rank) lie near each other in memory, which
  // counts when there are 200,000 people.
  const vocabSize = input.labels.length;
  const asText = Array.from({ length: vocabSize }, (_, id) => id).sort();
  const textRank = new Int32Array(vocabSize);
  for (let r = 0; r < vocabSize; r++) textRank[asText[r]!] = r;
  const bySignature = (x: number, y: number): number => {
    let i = docStart[x]!;
    let j = docStart[y]!;
    const iEnd = docStart[x + 1]!;
    const jEnd = docStart[y + 1]!;
    for (; i < iEnd && j < jEnd; i++, j++) {
      const d = textRank[docIds[i]!]! - textRank[docIds[j]!]!;
      if (d !== 0) return d;
    }
    // A signature that is a prefix of the other comes first; equal ones by person.
    return i < iEnd ? 1 : j < jEnd ? -1 : x - y;
  };
  const byRank = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort(bySignature));
  const rank = new Int32Array(n);
  for (let r = 0; r < n; r++) rank[byRank[r]!] = r;
  const postStart = new Int32Array(vocabSize + 1);
  for (let t = 0; t < end; t++) postStart[docIds[t]! + 1] = postStart[docIds[t]! + 1]! + 1;
  for (let id = 0; id < vocabSize; id++) postStart[id + 1] = postStart[id + 1]! + postStart[id]!;
  const docAt = new Int32Array(end);
  const post = new Int32Array(postStart[vocabSize]!);
  const postW = new Float64Array(postStart[vocabSize]!);
  const fill = postStart.slice(0, vocabSize);
  for (let r = 0; r < n; r++) {
    const i = byRank[r]!;
    for (let t = docStart[i]!; t < docStart[i + 1]!; t++) {
      const id = docIds[t]!;
      const slot = fill[id]!;
      post[slot] = r;
      postW[slot] = docW[t]!;
      docAt[t] = slot - postStart[id]!;
      fill[id] = slot + 1;
    }
  }

  /** Cosine of x and y: sorted-ids merge. Cost O(T). */
  const cosineOf = (x: number, y: number): number => {
    let i = docStart[x]!;
    let j = docStart[y]!;
    const iEnd = docStart[x + 1]!;
    const jEnd = docStart[y + 1]!;
    let value = 0;
    while (i < iEnd && j < jEnd) {
      const a = docIds[i]!;
      const b = docIds[j]!;
      if (a === b) {
        const w = docW[i]! * docW[j]!;
        if (w > 0) value += w;
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    return value;
  };
  /** The tokens x and y share with weight, x's strongest first (weight down, token id up; insertion-sorted). */
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, docStart[i + 1]! - docStart[i]!);
  const sharedId = new Int32Array(longest);
  const sharedW = new Float64Array(longest);
  let termIds = new Int32Array(1024);
  let termCount = 0;
  /** Appends the shared ids to termIds. */
  const sharedTerms = (x: number, y: number): void => {
    let count = 0;
    let i = docStart[x]!;
    let j = docStart[y]!;
    while (i < docStart[x + 1]! && j < docStart[y + 1]!) {
      const a = docIds[i]!;
      const b = docIds[j]!;
      if (a === b) {
        if (docW[i]! * docW[j]! > 0) {
          const w = docW[i]!;
          let at = count++;
          for (; at > 0 && sharedW[at - 1]! < w; at--) {
            sharedW[at] = sharedW[at - 1]!;
            sharedId[at] = sharedId[at - 1]!;
          }
          sharedW[at] = w;
          sharedId[at] = a;
        }
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    if (termCount + count > termIds.length) {
      const grown = new Int32Array(Math.max(2 * termIds.length, termCount + count));
      grown.set(termIds);
      termIds = grown;
    }
    for (let t = 0; t < count; t++) termIds[termCount++] = sharedId[t]!;
  };

  // 4. Per person: partial dot products accumulated over its postings (term at a time, typed arrays), then
  // the exact cosine of its best 3k candidates; a pair is kept when either side keeps it. Person x's k best are
  // top[x · k .. x · k + topCount[x]): the pair {x, y} with y < x is already kept when x is among y's.
  const top = new Int32Array(n * k);
  const topCount = new Int32Array(n);
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairCosine: number[] = [];
  // Pair p's shared ids are termIds[pairTerm[p] .. pairTerm[p + 1]), in the order the pairs were found.
  const pairTerm: number[] = [0];
  const half = Math.floor(maxPostings / 2);
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const best = 3 * k;
  const candY = new Int32Array(best + 1);
  const candP = new Float64Array(best + 1);
  const scoredY = new Int32Array(best);
  const scoredP = new Float64Array(best);
  for (let x = 0; x < n; x++) {
    const xr = rank[x]!;
    let count = 0;
    for (let t = docStart[x]!; t < docStart[x + 1]!; t++) {
      const wx = docW[t]!;
      if (wx <= 0) continue;
      const id = docIds[t]!;
      const from = postStart[id]!;
      const len = postStart[id + 1]! - from;
      // A full list, or the window of maxPostings + 1 slots around x's place in a long one (wrapping round).
      let lo = 0;
      let hi = len - 1;
      if (len > maxPostings) {
        lo = docAt[t]! - half;
        hi = docAt[t]! + half;
      }
      for (let s = lo; s <= hi; s++) {
        const slot = from + (s < 0 ? s + len : s >= len ? s - len : s);
        const yr = post[slot]!;
        const w = wx * postW[slot]!;
        if (yr === xr || w <= 0) continue;
        if (acc[yr] === 0) touched[count++] = yr;
        acc[yr] = acc[yr]! + w;
      }
    }
    // The accumulated score is exact over full postings and a lower bound over windowed ones: rank by it,
    // then score the best 3k exactly. The best 3k (score down, index up) are kept by insertion, not by
    // sorting every candidate.
    let size = 0;
    for (let c = 0; c < count; c++) {
      const yr = touched[c]!;
      const p = acc[yr]!;
      acc[yr] = 0;
      if (size >= best && p < candP[size - 1]!) continue;
      const y = byRank[yr]!;
      if (size >= best && p === candP[size - 1]! && y > candY[size - 1]!) continue;
      let i = size;
      for (; i > 0; i--) {
        const bp = candP[i - 1]!;
        if (bp > p || (bp === p && candY[i - 1]! < y)) break;
        candP[i] = bp;
        candY[i] = candY[i - 1]!;
      }
      candP[i] = p;
      candY[i] = y;
      if (size < best) size++;
    }
    // Exact cosines of the candidates, the k best at or above minSimilarity (cosine down, index up).
    let scored = 0;
    for (let c = 0; c < size; c++) {
      const y = candY[c]!;
      const p = cosineOf(x, y);
      if (p < minSimilarity) continue;
      let i = scored;
      for (; i > 0; i--) {
        const bp = scoredP[i - 1]!;
        if (bp > p || (bp === p && scoredY[i - 1]! < y)) break;
        if (i < best) {
          scoredP[i] = bp;
          scoredY[i] = scoredY[i - 1]!;
        }
      }
      scoredP[i] = p;
      scoredY[i] = y;
      scored++;
    }
    const keep = Math.min(k, scored);
    topCount[x] = keep;
    for (let c = 0; c < keep; c++) {
      const y = scoredY[c]!;
      top[x * k + c] = y;
      if (y < x) {
        let known = false;
        for (let t = y * k, end = t + topCount[y]!; t < end && !known; t++) known = top[t] === x;
        if (known) continue;
      }
      pairA.push(Math.min(x, y));
      pairB.push(Math.max(x, y));
      pairCosine.push(scoredP[c]!);
      sharedTerms(x, y);
      pairTerm.push(termCount);
    }
  }
  // Sorted by (a, b): a counting sort by a, then each a's few pairs by b (insertion).
  const m = pairA.length;
  const byA = new Int32Array(n + 1);
  for (let p = 0; p < m; p++) byA[pairA[p]! + 1] = byA[pairA[p]! + 1]! + 1;
  for (let i = 0; i < n; i++) byA[i + 1] = byA[i + 1]! + byA[i]!;
  const order = new Int32Array(m);
  const next = byA.slice(0, n);
  for (let p = 0; p < m; p++) {
    const a = pairA[p]!;
    let at = next[a]!;
    next[a] = at + 1;
    for (; at > byA[a]! && pairB[order[at - 1]!]! > pairB[p]!; at--) order[at] = order[at - 1]!;
    order[at] = p;
  }
  const out: SimilarPairIds = {
    a: new Int32Array(m),
    b: new Int32Array(m),
    cosine: new Float64Array(m),
    termStart: new Int32Array(m + 1),
    termIds: new Int32Array(termCount),
  };
  for (let r = 0, at = 0; r < m; r++) {
    const p = order[r]!;
    out.a[r] = pairA[p]!;
    out.b[r] = pairB[p]!;
    out.cosine[r] = pairCosine[p]!;
    for (let t = pairTerm[p]!; t < pairTerm[p + 1]!; t++) out.termIds[at++] = termIds[t]!;
    out.termStart[r + 1] = at;
  }
  return out;
}
