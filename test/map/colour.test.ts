// The colour science behind the palette check, against published numbers: sRGB → CIELAB values of the
// sRGB primaries, the CIEDE2000 test pairs of Sharma, Wu & Dalal (2005, Table 1), and what Machado et
// al. (2009) dichromacy simulation must do (greys unchanged, red and green collapse for protan/deutan,
// blue and green for tritan).
import { describe, expect, it } from 'vitest';
import {
  getColourDifference,
  getDeltaE2000,
  getMinDeltaE,
  toHex,
  toLab,
  toRgb,
  toSimulatedRgb,
  type Lab,
} from '../../src/map/colour';

describe('toLab', () => {
  it('gives the known CIELAB (D65) values of white, black and the sRGB primaries', () => {
    const cases: [string, Lab][] = [
      ['#ffffff', [100, 0, 0]],
      ['#000000', [0, 0, 0]],
      ['#ff0000', [53.2408, 80.0925, 67.2032]],
      ['#00ff00', [87.7347, -86.1827, 83.1793]],
      ['#0000ff', [32.297, 79.1875, -107.8602]],
    ];
    for (const [hex, lab] of cases) toLab(toRgb(hex)).forEach((v, i) => expect(v).toBeCloseTo(lab[i]!, 2));
  });

  it('reads #rgb and #rrggbb in any case and writes #rrggbb', () => {
    expect(toRgb('#FA0')).toEqual(toRgb('#ffaa00'));
    expect(toHex(toRgb('#0072B2'))).toBe('#0072b2');
    expect(() => toRgb('blue')).toThrow(/map\/colour: "blue" is not a hex colour/);
  });
});

describe('getDeltaE2000', () => {
  // Sharma, Wu & Dalal (2005), Table 1: pairs that exercise the hue rotation, the neutral axis and the 0/360° seam.
  const pairs: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 2.8361, -74.02], [50, 0, -82.7485], 3.4412],
    [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.49, -0.001], [50, -2.49, 0.0009], 7.1792],
    [[50, 2.49, -0.001], [50, -2.49, 0.0011], 7.2195],
    [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [61, -5, 29], 22.8977],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[50, 2.5, 0], [58, 24, 15], 19.4535],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [[36.4612, 47.858, 18.3852], [36.2715, 50.5065, 21.2231], 1.4146],
    [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];
  it.each(pairs)('%j vs %j is %f', (a, b, expected) => {
    expect(getDeltaE2000(a, b)).toBeCloseTo(expected, 4);
    expect(getDeltaE2000(b, a)).toBeCloseTo(expected, 4);
  });

  it('is 0 for the same colour', () => {
    expect(getColourDifference('#CC79A7', '#cc79a7')).toBe(0);
  });
});

describe('toSimulatedRgb (Machado et al. 2009, severity 1)', () => {
  it('leaves greys grey and normal vision unchanged', () => {
    for (const v of ['protan', 'deutan', 'tritan'] as const)
      for (const grey of ['#000000', '#808080', '#ffffff']) {
        const [r, g, b] = toSimulatedRgb(toRgb(grey), v);
        expect(Math.abs(r - g) + Math.abs(g - b)).toBeLessThan(0.01);
      }
    expect(toSimulatedRgb(toRgb('#E69F00'), 'normal')).toEqual(toRgb('#E69F00'));
  });

  it('collapses the confusions each dichromacy is known for', () => {
    // Red vs green: far apart in normal vision, close for protans and deutans, still apart for tritans.
    const red = '#D55E00';
    const green = '#6B8E23';
    expect(getColourDifference(red, green)).toBeGreaterThan(30);
    expect(getColourDifference(red, green, 'protan')).toBeLessThan(12);
    expect(getColourDifference(red, green, 'deutan')).toBeLessThan(12);
    expect(getColourDifference(red, green, 'tritan')).toBeGreaterThan(20);
    // The review's measurements of the old palette: #E69F00 and #AAAA00 all but merge for protans.
    expect(getColourDifference('#E69F00', '#AAAA00', 'protan')).toBeLessThan(0.5);
    expect(getColourDifference('#56B4E9', '#77AADD', 'deutan')).toBeCloseTo(2.0, 1);
  });
});

describe('getMinDeltaE', () => {
  it('finds the closest pair', () => {
    const m = getMinDeltaE(['#000000', '#ffffff', '#fefefe']);
    expect(m.pair).toEqual(['#ffffff', '#fefefe']);
    expect(m.deltaE).toBeLessThan(1);
    expect(getMinDeltaE(['#000000']).deltaE).toBe(Infinity);
  });
});
