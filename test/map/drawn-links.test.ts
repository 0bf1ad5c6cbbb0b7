import { describe, expect, it } from 'vitest';
import { getDrawnLinks } from '../../src/map/display-graph';

// Four people, five links (hand-made): 0–1 w5, 1–2 w4, 2–3 w1, 0–2 w3, 1–3 w2.
const source = [0, 1, 2, 0, 1];
const target = [1, 2, 3, 2, 3];
const weight = [5, 4, 1, 3, 2];

describe('getDrawnLinks', () => {
  it('keeps every candidate when they fit', () => {
    expect([...getDrawnLinks(source, target, weight, Uint8Array.of(1, 1, 0, 1, 1), 4, 10)]).toEqual([1, 1, 0, 1, 1]);
  });

  it("keeps each person's strongest link, then the heaviest, up to the cap", () => {
    // Strongest per person: 0 → 0–1, 1 → 0–1, 2 → 1–2, 3 → 1–3 (w2 beats 2–3's w1). Then 0–2 (w3) fills the cap of 4.
    expect([...getDrawnLinks(source, target, weight, Uint8Array.of(1, 1, 1, 1, 1), 4, 4)]).toEqual([1, 1, 0, 1, 1]);
    // A cap below the people's strongest links (0–1, 1–2, 1–3) holds: the heaviest two of those.
    expect([...getDrawnLinks(source, target, weight, Uint8Array.of(1, 1, 1, 1, 1), 4, 2)]).toEqual([1, 1, 0, 0, 0]);
  });

  it('never keeps a link that is not a candidate', () => {
    expect([...getDrawnLinks(source, target, weight, Uint8Array.of(0, 1, 1, 1, 1), 4, 3)]).toEqual([0, 1, 0, 1, 1]);
  });
});
