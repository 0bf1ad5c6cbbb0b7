/**
 * People's names on the map, by importance and without overlap, on a 2D canvas over sigma's WebGL canvas
 * (under the filter and focus layers, so their veils dim it). After every render, the people on screen are
 * taken largest first (the size shows the measure the user chose: super-connector score by default), and a
 * name is drawn only if its box overlaps no name already placed, no cluster name, and stays inside the map;
 * at most one name per `areaPerLabel` square pixels of map.
 *
 * Sigma's own labels are switched off for this (renderLabels: false): its label grid keeps the largest
 * person per cell but never compares the labels' boxes, so names ran into each other and into the cluster
 * names (issue 7: "people's labels shown by importance without overlap").
 *
 * Cost per paint: O(k) box tests for each of the k people looked at, largest first, until the budget is
 * placed or everyone was looked at (O(n) when zoomed in far, where most people are off screen); the order by
 * size is re-sorted only when sizes change, O(n log n). Text widths are measured once per name.
 */
import type Sigma from 'sigma';
import { mountCanvasLayer } from './canvas-layer';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph';

/** A box in CSS pixels of the map: left, top, right, bottom. */
export type Box = readonly [number, number, number, number];

export interface LabelCandidate {
  key: string;
  /** Centre of the person's dot, in CSS pixels of the map. */
  x: number;
  y: number;
  /** Radius of the dot on screen. */
  r: number;
  label: string;
}

export interface PlacedLabel {
  key: string;
  label: string;
  /** Where the text starts (left, vertical middle). */
  x: number;
  y: number;
  box: Box;
}

export interface PickLabelsOptions {
  /** Most names placed. */
  max: number;
  /** The map's size in CSS pixels: names must fit inside. */
  width: number;
  height: number;
  /** Font size in CSS pixels. Default 12. */
  fontSize?: number;
  /** Boxes no name may overlap (the cluster names). Default none. */
  obstacles?: readonly Box[];
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Greedy placement in the candidates' order (priority order): a name goes to the right of its dot and is
 * kept if its box is inside the map and overlaps no kept name and no obstacle. Pure; `measure` gives a text's
 * width in pixels.
 */
export function pickLabels(
  candidates: Iterable<LabelCandidate>,
  measure: (text: string) => number,
  options: PickLabelsOptions,
): PlacedLabel[] {
  const fontSize = options.fontSize ?? LABEL_LAYER_DEFAULTS.fontSize;
  const obstacles = options.obstacles ?? [];
  const placed: PlacedLabel[] = [];
  if (options.max <= 0) return placed;
  for (const c of candidates) {
    if (!c.label) continue;
    const x = c.x + c.r + 3;
    const box: Box = [x - 1, c.y - fontSize / 2 - 1, x + measure(c.label) + 1, c.y + fontSize / 2 + 2];
    if (box[0] < 0 || box[1] < 0 || box[2] > options.width || box[3] > options.height) continue;
    if (obstacles.some((o) => overlaps(o, box)) || placed.some((p) => overlaps(p.box, box))) continue;
    placed.push({ key: c.key, label: c.label, x, y: c.y, box });
    if (placed.length >= options.max) break;
  }
  return placed;
}

export interface LabelLayerOptions {
  /** Whether a person is on the map now (a big map leaves some out until zoomed in). Default: everyone is. */
  isShown?: (key: string) => boolean;
  /** Font size in CSS pixels. Default 12. */
  fontSize?: number;
  /** Square pixels of map per name at most (one name per 12,000 px²: about 35 on a 660 × 630 map). */
  areaPerLabel?: number;
  /** People drawn smaller than this radius on screen get no name. Default 3. */
  minRadius?: number;
}

export const LABEL_LAYER_DEFAULTS = { fontSize: 12, areaPerLabel: 12_000, minRadius: 3 } as const;

export interface LabelLayerDraw {
  /** People without a name on the map (filtered out: hidden or dimmed). Default none. */
  hidden?: ReadonlySet<string>;
  /** No names at all (presentation mode). */
  off?: boolean;
  /** The cluster names' boxes now on screen, read at each paint. Default none. */
  obstacles?: () => readonly Box[];
}

export interface LabelLayerHandle {
  /** Change what is drawn (merged over the last call) and paint again. */
  draw(next: LabelLayerDraw): void;
  /** Names on the map now (read by tests). */
  readonly count: number;
  dispose(): void;
}

const LAYER_ID = 'labelLayer';

/** Mount the names canvas on a sigma instance; mount it before the filter and focus layers (it goes under them). */
export function mountLabelLayer(
  sigma: Sigma<DisplayNode, DisplayEdge>,
  graph: DisplayGraph,
  options: LabelLayerOptions = {},
): LabelLayerHandle {
  const o = { ...LABEL_LAYER_DEFAULTS, ...options };
  let state: LabelLayerDraw = {};
  let order: string[] | undefined;
  let count = 0;
  const widths = new Map<string, number>();
  // Sizes change with the scores and the measure; positions alone (hinted as x and y) keep the order.
  const resort = (e?: { hints?: { attributes?: string[] } }) => {
    if (!e?.hints?.attributes || e.hints.attributes.includes('size')) order = undefined;
  };
  const reset = () => (order = undefined);
  graph.on('eachNodeAttributesUpdated', resort);
  graph.on('nodeAdded', reset);
  graph.on('nodeDropped', reset);

  // Largest first, ties by key. Sorted as positions into typed arrays: with a Map of sizes looked up per
  // comparison this took 1.8 s at 225,000 people.
  const getOrder = (): string[] => {
    if (order) return order;
    const keys = graph.nodes();
    // forEachNode visits the nodes in the order nodes() lists them.
    const size = new Float64Array(keys.length);
    let n = 0;
    graph.forEachNode((_k, a) => void (size[n++] = a.size));
    const at = Uint32Array.from(keys, (_k, i) => i).sort((i, j) => {
      const d = size[j]! - size[i]!;
      if (d) return d;
      const a = keys[i]!;
      const b = keys[j]!;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    return (order = Array.from(at, (i) => keys[i]!));
  };

  function* candidates(width: number, height: number): Generator<LabelCandidate> {
    const minSize = o.minRadius;
    for (const key of getOrder()) {
      if (state.hidden?.has(key) || (o.isShown && !o.isShown(key))) continue;
      const a = graph.getNodeAttributes(key);
      const r = sigma.scaleSize(a.size);
      // Largest first: once one is too small, all the rest are.
      if (r < minSize) return;
      const p = sigma.graphToViewport(a);
      if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue;
      yield { key, x: p.x, y: p.y, r, label: a.label };
    }
  }

  const container = sigma.getContainer();
  const paint = (ctx: CanvasRenderingContext2D, width: number, height: number): boolean => {
    count = 0;
    // How many names the map shows, for tests (presentation mode: 0).
    container.dataset.labels = '0';
    if (state.off || !graph.order) return false;
    ctx.font = `${o.fontSize}px system-ui, sans-serif`;
    const measure = (text: string) => {
      let w = widths.get(text);
      if (w === undefined) widths.set(text, (w = ctx.measureText(text).width));
      return w;
    };
    const placed = pickLabels(candidates(width, height), measure, {
      max: Math.max(1, Math.floor((width * height) / o.areaPerLabel)),
      width,
      height,
      fontSize: o.fontSize,
      obstacles: state.obstacles?.() ?? [],
    });
    count = placed.length;
    container.dataset.labels = String(count);
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)';
    ctx.fillStyle = '#1a1a1a';
    for (const p of placed) {
      ctx.strokeText(p.label, p.x, p.y);
      ctx.fillText(p.label, p.x, p.y);
    }
    return placed.length > 0;
  };

  // Painted after the other 'afterRender' listeners (the cluster names are placed in one), before the frame.
  const layer = mountCanvasLayer(sigma, LAYER_ID, paint, { deferred: true });
  return {
    draw(next) {
      state = { ...state, ...next };
      layer.redraw();
    },
    get count() {
      return count;
    },
    dispose() {
      graph.off('eachNodeAttributesUpdated', resort);
      graph.off('nodeAdded', reset);
      graph.off('nodeDropped', reset);
      layer.dispose();
    },
  };
}
