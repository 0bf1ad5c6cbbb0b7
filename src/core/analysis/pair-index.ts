/**
 * An index of unordered pairs of small integers (i, j) → the slot numbered in order of first insertion:
 * open addressing with linear probing over one typed array (Knuth, TAOCP vol. 3, §6.4, algorithm L), so
 * recording 300k links costs no object or boxed number per pair, unlike a Map keyed by i · n + j (whose
 * keys pass 2³⁰ at 33,000 people and become heap numbers). A cell is three consecutive int32s (low end,
 * high end, slot): a probe reads one cache line, not one per array. Cost: O(1) expected per lookup at a
 * load factor ≤ 1/2; memory 12 bytes per table cell, the table doubling as it fills.
 */
export interface PairIndex {
  /** Slot of the pair {i, j} (i ≠ j, both ≥ 0), a new one (the count so far) if it was not there. */
  slotOf(i: number, j: number): number;
  /** Pairs recorded. */
  readonly size: number;
}

/** An empty pair index with room for about `expected` pairs before it first grows. Default 1,024. */
export function createPairIndex(expected = 1024): PairIndex {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  let mask = capacity - 1;
  // Cell c is cells[3c .. 3c + 2]: the pair (low, high) and its slot + 1 (0 marks an empty cell, so a new
  // table needs no fill).
  let cells = new Int32Array(capacity * 3);
  let size = 0;

  /** Index in `cells` of the pair's cell, or of the empty cell where it goes. */
  const cellOf = (a: number, b: number): number => {
    // A multiplicative hash of both halves (Fibonacci hashing of a, mixed with b).
    let c = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    let at = c * 3;
    while (cells[at + 2] !== 0 && (cells[at] !== a || cells[at + 1] !== b)) {
      c = (c + 1) & mask;
      at = c * 3;
    }
    return at;
  };

  const grow = () => {
    const old = cells;
    capacity *= 2;
    mask = capacity - 1;
    cells = new Int32Array(capacity * 3);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      const to = cellOf(old[at]!, old[at + 1]!);
      cells[to] = old[at]!;
      cells[to + 1] = old[at + 1]!;
      cells[to + 2] = old[at + 2]!;
    }
  };

  return {
    slotOf(i, j) {
      const a = i < j ? i : j;
      const b = i < j ? j : i;
      const at = cellOf(a, b);
      if (cells[at + 2] !== 0) return cells[at + 2]! - 1;
      cells[at] = a;
      cells[at + 1] = b;
      cells[at + 2] = ++size;
      if (size * 2 > capacity) grow();
      return size - 1;
    },
    get size() {
      return size;
    },
  };
}
