// The cluster palette stays distinguishable: the smallest CIEDE2000 difference between any two of the
// colours a map can show (the coloured clusters, the "other clusters" grey, the owners' near-black) under
// normal vision and under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009).
import { describe, expect, it } from 'vitest';
import { getColourDifference, getMinDeltaE, VISIONS, type Vision } from '../../src/map/colour';
import {
  CLUSTER_COLORS,
  getClusterColor,
  isColouredCluster,
  OTHER_CLUSTERS_COLOR,
  OWNER_COLOR,
  UNCLUSTERED_COLOR,
} from '../../src/map/palette';

/**
 * Smallest ΔE2000 allowed between two map colours. ΔE2000 ≈ 1 is a just-noticeable difference between
 * two large patches side by side; a map shows dots a few pixels wide, apart, that a reader must match to
 * a legend swatch, and the difference needed grows steeply as marks shrink (Szafir 2018, "Modeling Color
 * Difference for Visualization Design"). So we ask an order of magnitude more: 10 under each simulated
 * dichromacy, which Okabe & Ito's palette (designed and widely used as colour-blind safe) clears with its
 * own worst pairs (orange/yellow for deuteranopes 11.6, orange/purple for tritanopes 10.9; Tol's indigo and
 * dark red, added after them, come no closer to anything), and 20 for normal vision. The 24-colour palette this replaced measured 4.0 normal, 0.1 protan, 2.0 deutan, 2.7 tritan.
 */
const MIN_DELTA_E: Record<Vision, number> = { normal: 20, protan: 10, deutan: 10, tritan: 10 };

/** Every colour a person can have on the map. */
const MAP_COLOURS = [...CLUSTER_COLORS, OTHER_CLUSTERS_COLOR, OWNER_COLOR];

describe('cluster palette', () => {
  it.each(VISIONS)('keeps every pair of map colours at least the threshold apart (%s vision)', (vision) => {
    const { deltaE, pair } = getMinDeltaE(MAP_COLOURS, vision);
    expect(deltaE, `closest pair ${pair?.join(' / ')}`).toBeGreaterThanOrEqual(MIN_DELTA_E[vision]);
  });

  it.each(VISIONS)('keeps every map colour visible on the white map (%s vision)', (vision) => {
    for (const c of MAP_COLOURS) expect(getColourDifference(c, '#ffffff', vision), c).toBeGreaterThanOrEqual(15);
  });

  it('colours the largest clusters and greys the rest and people in no cluster', () => {
    expect(CLUSTER_COLORS.length).toBeGreaterThanOrEqual(6);
    CLUSTER_COLORS.forEach((c, i) => {
      expect(getClusterColor(i)).toBe(c);
      expect(isColouredCluster(i)).toBe(true);
    });
    for (const i of [CLUSTER_COLORS.length, CLUSTER_COLORS.length + 1, 40]) {
      expect(getClusterColor(i)).toBe(OTHER_CLUSTERS_COLOR);
      expect(isColouredCluster(i)).toBe(false);
    }
    expect(getClusterColor(-1)).toBe(UNCLUSTERED_COLOR);
    expect(isColouredCluster(-1)).toBe(false);
  });
});
