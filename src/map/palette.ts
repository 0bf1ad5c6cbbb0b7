/**
 * Cluster colours. No palette of 20 or more flat colours stays distinguishable to colour-blind readers
 * (the 24-colour palette this replaces had pairs 0.1 apart in CIEDE2000 under simulated protanopia), so,
 * as InMaps and most mapping tools do, only the largest clusters get a colour of their own and the rest
 * share a neutral grey that the legends name "other clusters". Clusters are numbered by size, largest
 * first (core/analysis/clusters.ts), so cluster i < CLUSTER_COLORS.length is coloured.
 *
 * The colours are Okabe & Ito's (2008) "Color Universal Design" palette without its black (owners are
 * drawn near-black), in its own order, then Paul Tol's (2021) indigo and dark red, the two of his colours
 * that keep the smallest differences where Okabe & Ito's own pairs put them; the grey is Tol's too. The
 * smallest CIEDE2000 differences of all of them, grey and owners' colour included, are checked under
 * normal vision and simulated protanopia, deuteranopia and tritanopia in test/map/palette.test.ts
 * (colour science in colour.ts).
 */

/** One colour each for the largest clusters (index 0 is the largest). */
export const CLUSTER_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#332288',
  '#994455',
] as const;

/** Grey for every cluster past the coloured ones ("other clusters") and for people in no cluster. */
export const OTHER_CLUSTERS_COLOR = '#BBBBBB';
/** Grey for people in no cluster: the same as other clusters (neither gets a colour of its own). */
export const UNCLUSTERED_COLOR = OTHER_CLUSTERS_COLOR;
/** Owners are drawn dark, whatever their cluster. */
export const OWNER_COLOR = '#1b1b1b';

/** What the legends call the grey. */
export const OTHER_CLUSTERS_LABEL = 'Other clusters';

/** True when cluster `cluster` (an index, largest first) has a colour of its own. */
export function isColouredCluster(cluster: number): boolean {
  return cluster >= 0 && cluster < CLUSTER_COLORS.length;
}

/** Cluster `cluster`'s colour: its own for the largest clusters, OTHER_CLUSTERS_COLOR for the rest and for -1 (no cluster). */
export function getClusterColor(cluster: number): string {
  return isColouredCluster(cluster) ? CLUSTER_COLORS[cluster]! : OTHER_CLUSTERS_COLOR;
}
