/**
 * Cluster colours. Okabe & Ito (2008) first, then Paul Tol's "muted" and "light" schemes (2021):
 * palettes designed to stay distinguishable for colour-blind readers, 24 colours in all, in an
 * order that keeps neighbours apart. Beyond 24 clusters colours repeat; the legend names them.
 */
export const CLUSTER_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#332288',
  '#117733',
  '#CC6677',
  '#88CCEE',
  '#882255',
  '#44AA99',
  '#999933',
  '#AA4499',
  '#DDCC77',
  '#77AADD',
  '#EE8866',
  '#44BB99',
  '#FFAABB',
  '#BBCC33',
  '#99DDFF',
  '#AAAA00',
  '#EEDD88',
] as const;

/** Grey for people in no cluster. */
export const UNCLUSTERED_COLOR = '#b8b8b8';
/** Owners are drawn dark, whatever their cluster. */
export const OWNER_COLOR = '#1b1b1b';

export function getClusterColor(cluster: number): string {
  return cluster < 0 ? UNCLUSTERED_COLOR : (CLUSTER_COLORS[cluster % CLUSTER_COLORS.length] ?? UNCLUSTERED_COLOR);
}
