/**
 * An index of unordered pairs of small integers (i, j) → the slot numbered in order of first insertion:
 * open addressing with linear probing over typed arrays (Knuth, TAOCP vol. 3, §6.4, algorithm L), so
 * recording 300k links costs no object or boxed number per pair, unlike a Map keyed by i · n + j (whose
 * keys pass 2³⁰ at 33,000 people and become heap numbers). Cost: O(1) expected per lookup at a load
 * factor ≤ 1/2; memory 12 bytes per table cell, the table doubling as it fills.
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
  // Cell c holds the pair (lo[c], hi[c]) with slot[c]; slot -1 marks an empty cell.
  let lo = new Int32Array(capacity);
  let hi = new Int32Array(capacity);
  let slot = new Int32Array(capacity).fill(-1);
  let size = 0;

  const cellOf = (a: number, b: number): number => {
    // A multiplicative hash of both halves (Fibonacci hashing of a, mixed with b).
    let c = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    while (slot[c] !== -1 && (lo[c] !== a || hi[c] !== b)) c = (c + 1) & mask;
    return c;
  };

  const grow = () => {
    const [oldLo, oldHi, oldSlot] = [lo, hi, slot];
    capacity *= 2;
    mask = capacity - 1;
    lo = new Int32Array(capacity);
    hi = new Int32Array(capacity);
    slot = new Int32Array(capacity).fill(-1);
    for (let c = 0; c < oldSlot.length; c++) {
      if (oldSlot[c] === -1) continue;
      const d = cellOf(oldLo[c]!, oldHi[c]!);
      lo[d] = oldLo[c]!;
      hi[d] = oldHi[c]!;
      slot[d] = oldSlot[c]!;
    }
  };

  return {
    slotOf(i, j) {
      const a = i < j ? i : j;
      const b = i < j ? j : i;
      const c = cellOf(a, b);
      if (slot[c] !== -1) return slot[c]!;
      lo[c] = a;
      hi[c] = b;
      slot[c] = size++;
      if (size * 2 > capacity) grow();
      return size - 1;
    },
    get size() {
      return size;
    },
  };
}
