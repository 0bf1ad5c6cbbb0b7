import { describe, expect, it } from 'vitest';
import { pickLabels, type Box, type LabelCandidate } from '../../src/map/label-layer';

/** Every character 6 px wide. */
const measure = (text: string) => text.length * 6;
const person = (key: string, x: number, y: number, label = `Person ${key}`, r = 5): LabelCandidate => ({
  key,
  x,
  y,
  r,
  label,
});
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

describe('pickLabels', () => {
  it('places a name to the right of its dot, its box around the text', () => {
    const [placed] = pickLabels([person('a', 100, 50, 'Ada')], measure, { max: 10, width: 400, height: 300 });
    // Text from x + r + 3; box 1 px wider each side, font 12 px tall around the dot's centre line.
    expect(placed).toEqual({ key: 'a', label: 'Ada', x: 108, y: 50, box: [107, 43, 127, 58] });
  });

  it('keeps the first of two clashing names (the candidates come largest first)', () => {
    const placed = pickLabels([person('big', 100, 50), person('small', 104, 54)], measure, {
      max: 10,
      width: 400,
      height: 300,
    });
    expect(placed.map((p) => p.key)).toEqual(['big']);
  });

  it('skips names that would leave the map or cover a cluster name, and stops at the budget', () => {
    const candidates = [
      person('edge', 390, 50), // runs past the right side
      person('cluster', 100, 100), // under the cluster name's box
      person('a', 100, 20),
      person('b', 100, 200),
      person('c', 200, 260),
    ];
    const placed = pickLabels(candidates, measure, {
      max: 2,
      width: 400,
      height: 300,
      obstacles: [[90, 90, 200, 110]],
    });
    expect(placed.map((p) => p.key)).toEqual(['a', 'b']);
  });

  it('never lets two placed names overlap, on a crowded random map', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const crowd = Array.from({ length: 2000 }, (_, i) => person(String(i), rand() * 600, rand() * 400, `Name ${i}`));
    const placed = pickLabels(crowd, measure, { max: 1000, width: 600, height: 400 });
    expect(placed.length).toBeGreaterThan(30);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
  });

  it('places nothing with no budget, and skips people without a name', () => {
    expect(pickLabels([person('a', 10, 10)], measure, { max: 0, width: 100, height: 100 })).toEqual([]);
    expect(pickLabels([person('a', 10, 10, '')], measure, { max: 5, width: 100, height: 100 })).toEqual([]);
  });
});
