/**
 * Small statistics for the benchmark: median, Spearman rank correlation (average ranks for ties) and
 * top-k overlap between two score vectors. Pure; tested in stats.test.ts.
 */

/** Median of the values (mean of the two middle ones for an even count); NaN when empty. */
export function getMedian(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Ranks 1..n, ties given their average rank. */
export function toRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const ranks = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1] ?? 0] === values[order[i] ?? 0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] ?? 0] = r;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's ρ: Pearson correlation of the ranks. NaN when either side is constant. */
export function computeSpearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return NaN;
  const ra = toRanks(Array.from({ length: n }, (_, i) => a[i] ?? 0));
  const rb = toRanks(Array.from({ length: n }, (_, i) => b[i] ?? 0));
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += ra[i] ?? 0;
    mb += rb[i] ?? 0;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = (ra[i] ?? 0) - ma;
    const y = (rb[i] ?? 0) - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

/** Indices of the k largest values, ties broken by index. */
export function getTopK(values: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((x, y) => (values[y] ?? 0) - (values[x] ?? 0) || x - y)
    .slice(0, k);
}

/** Share (0..1) of b's top k found in a's top k. */
export function computeTopOverlap(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number {
  const top = new Set(getTopK(a, k));
  const other = getTopK(b, k);
  if (other.length === 0) return NaN;
  return other.filter((i) => top.has(i)).length / other.length;
}

/** A markdown table, first column left-aligned, the others right-aligned, columns padded to their widest cell. */
export function toMarkdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
