/**
 * Cluster names drawn at cluster centres, as an HTML layer over sigma (a positioned div per cluster,
 * moved on every 'afterRender', so it follows pan, zoom and camera animations). Text goes in through
 * `textContent` only. The layer shows cluster labels and nothing else: no person's name is ever put
 * in it, so it stays on in presentation mode.
 *
 * A cluster's centre is the mean position of its visible members (InMaps put the name at the
 * cluster's centre of mass); clusters smaller than `minSize` visible members get no label, and
 * labels are placed largest first, skipping any that would overlap one already placed.
 *
 * Cost: centres are O(nodes) and recomputed only on `update()`; each frame is O(clusters).
 *
 * Wiring (src/ui/map-view.ts, after mountMap):
 *   const labels = mountClusterLabels(map.sigma, graph, { labels: view.clusters.map((c) => c.label) });
 *   // on filter change: labels.update({ hidden: filteredOutSet }); on rename: labels.update({ labels });
 *   // before map.dispose(): labels.dispose();
 * CSS: `.sigma-clusterLabels div { font: 600 13px system-ui; text-shadow: 0 0 3px #fff, 0 0 3px #fff; }`
 */
import type Sigma from 'sigma';
import type { DisplayGraph } from './display-graph';

export interface ClusterCentre {
  cluster: number;
  /** Graph coordinates. */
  x: number;
  y: number;
  /** Visible members. */
  size: number;
}

export interface ClusterCentreOptions {
  /** Node keys not to count (filtered out). Default none. */
  hidden?: ReadonlySet<string>;
  /** Minimum visible members for a cluster to get a centre. Default 3. */
  minSize?: number;
}

/** Mean position per cluster of its visible members, largest clusters first. */
export function computeClusterCentres(graph: DisplayGraph, options: ClusterCentreOptions = {}): ClusterCentre[] {
  const minSize = options.minSize ?? 3;
  const sums = new Map<number, { x: number; y: number; n: number }>();
  graph.forEachNode((key, a) => {
    if (a.cluster < 0 || options.hidden?.has(key)) return;
    let s = sums.get(a.cluster);
    if (!s) sums.set(a.cluster, (s = { x: 0, y: 0, n: 0 }));
    s.x += a.x;
    s.y += a.y;
    s.n++;
  });
  const out: ClusterCentre[] = [];
  for (const [cluster, s] of sums) if (s.n >= minSize) out.push({ cluster, x: s.x / s.n, y: s.y / s.n, size: s.n });
  return out.sort((a, b) => b.size - a.size || a.cluster - b.cluster);
}

export interface LabelBox {
  cluster: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Greedy placement: keep a label only if its box (centred on its point) overlaps no label kept
 * before it. Input order is priority order.
 */
export function getNonOverlappingLabels(boxes: LabelBox[]): LabelBox[] {
  const kept: LabelBox[] = [];
  for (const b of boxes) {
    const clash = kept.some(
      (k) => Math.abs(k.x - b.x) * 2 < k.width + b.width && Math.abs(k.y - b.y) * 2 < k.height + b.height,
    );
    if (!clash) kept.push(b);
  }
  return kept;
}

export interface ClusterLabelsOptions {
  /** Label per cluster index. */
  labels: readonly string[];
  /** Hidden node keys (filtered out). Default none. */
  hidden?: ReadonlySet<string>;
  /** See computeClusterCentres. Default 3. */
  minSize?: number;
  /** Hide the whole layer. Default false. */
  off?: boolean;
}

export interface ClusterLabelsHandle {
  update(options: Partial<ClusterLabelsOptions>): void;
  /** The boxes of the names shown now, in CSS pixels of the map: left, top, right, bottom. */
  boxes(): readonly (readonly [number, number, number, number])[];
  dispose(): void;
}

const LAYER_ID = 'clusterLabels';

/** Mount the cluster-name layer on a sigma instance. */
export function mountClusterLabels(
  sigma: Sigma,
  graph: DisplayGraph,
  initial: ClusterLabelsOptions,
): ClusterLabelsHandle {
  let options = initial;
  const layer = sigma.createLayer<HTMLDivElement>(LAYER_ID, 'div', {
    style: { inset: '0', pointerEvents: 'none', overflow: 'hidden' },
  });
  layer.setAttribute('aria-hidden', 'true'); // the clusters legend holds the same names for assistive tech
  let centres: ClusterCentre[] = [];
  const elements = new Map<number, HTMLDivElement>();
  let shownBoxes: (readonly [number, number, number, number])[] = [];

  const rebuild = () => {
    centres = computeClusterCentres(graph, { hidden: options.hidden, minSize: options.minSize });
    layer.replaceChildren();
    elements.clear();
    for (const c of centres) {
      const div = document.createElement('div');
      div.textContent = options.labels[c.cluster] ?? '';
      div.style.position = 'absolute';
      div.style.whiteSpace = 'nowrap';
      div.style.transform = 'translate(-50%, -50%)';
      div.dataset.cluster = String(c.cluster);
      layer.append(div);
      elements.set(c.cluster, div);
    }
    place();
  };

  const place = () => {
    layer.hidden = Boolean(options.off);
    shownBoxes = [];
    if (options.off) return;
    const boxes: LabelBox[] = [];
    for (const c of centres) {
      const el = elements.get(c.cluster);
      if (!el) continue;
      const p = sigma.graphToViewport({ x: c.x, y: c.y });
      el.style.left = `${p.x}px`;
      el.style.top = `${p.y}px`;
      boxes.push({ cluster: c.cluster, x: p.x, y: p.y, width: el.offsetWidth, height: el.offsetHeight });
    }
    const kept = getNonOverlappingLabels(boxes);
    shownBoxes = kept.map(
      (b) => [b.x - b.width / 2, b.y - b.height / 2, b.x + b.width / 2, b.y + b.height / 2] as const,
    );
    const shown = new Set(kept.map((b) => b.cluster));
    for (const [cluster, el] of elements) el.style.visibility = shown.has(cluster) ? 'visible' : 'hidden';
  };

  sigma.on('afterRender', place);
  rebuild();
  return {
    update(next) {
      options = { ...options, ...next };
      if ('labels' in next || 'hidden' in next || 'minSize' in next) rebuild();
      else place();
    },
    boxes: () => shownBoxes,
    dispose() {
      sigma.off('afterRender', place);
      sigma.killLayer(LAYER_ID);
    },
  };
}
