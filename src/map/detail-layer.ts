/**
 * Level of detail for big maps: WebGL draws at most `maxPeople` people (the largest, so the structure and
 * the super-connectors show at every zoom), and the others are drawn on a 2D canvas once the view is close
 * enough that few of them are in it. Without a GPU (Chromium's software WebGL) a frame costs time in
 * proportion to the people drawn, and the page's thread waits for all of it: at 225,000 people one frame
 * was 6.5–10 s (docs/performance.md, Session 6). With the cap a frame is that of `maxPeople` people, and
 * zooming in brings everyone back.
 *
 * - `pickDrawnPeople`: the people WebGL draws: owners, the people at the four edges of the layout (so
 *   the drawn map spans the same area as the whole), then the largest, then the strongest (the sum of their
 *   links' weights: before the scores come every size is alike), ties by key. O(n log n).
 * - `buildDrawnGraph`: the graph sigma is given: those people and the links between them. O(n + m).
 * - `mountDetailLayer`: the 2D canvas (under the names, filter and focus layers) that draws the people
 *   left out of WebGL whose positions are in view, and their links, when at most `maxShown` of them are
 *   in view (none are drawn otherwise). Cost per paint: O(people left out) to find who is in view, plus
 *   O(links) when some are drawn.
 */
import Graph from 'graphology';
import type Sigma from 'sigma';
import { mountCanvasLayer } from './canvas-layer';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph';

/**
 * Most people drawn in WebGL; the rest come on the detail layer when zoomed in. 35,000: one export at
 * LinkedIn's cap (30,000 connections and its owner, plus people known only through other links) is drawn
 * whole, and a team map no more than that. Sigma's indexing of the drawn people is one task that cannot be
 * split (about 1 s for 50,000 people at 250k on 2 cores, docs/performance.md, Session 7).
 */
export const MAX_DRAWN_PEOPLE = 35_000;

/**
 * The keys WebGL draws when the map has more than `max` people, else undefined (everyone is drawn):
 * owners, the people at the layout's four edges, then the largest, then the strongest (ties by key). O(n log n).
 */
export function pickDrawnPeople(graph: DisplayGraph, max: number): Set<string> | undefined {
  if (graph.order <= max) return undefined;
  const keep = new Set<string>();
  let [left, right, bottom, top] = ['', '', '', ''];
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  const keys: string[] = [];
  const sizes: number[] = [];
  const strengths: number[] = [];
  graph.forEachNode((key, a) => {
    if (a.owner) keep.add(key);
    else {
      keys.push(key);
      sizes.push(a.size);
      strengths.push(a.strength);
    }
    if (a.x < x0) [x0, left] = [a.x, key];
    if (a.x > x1) [x1, right] = [a.x, key];
    if (a.y < y0) [y0, bottom] = [a.y, key];
    if (a.y > y1) [y1, top] = [a.y, key];
  });
  for (const k of [left, right, bottom, top]) if (k) keep.add(k);
  // Positions into the arrays, sorted by size (largest first), then key.
  const order = Array.from(keys.keys()).sort(
    (i, j) =>
      sizes[j]! - sizes[i]! ||
      strengths[j]! - strengths[i]! ||
      (keys[i]! < keys[j]! ? -1 : keys[i]! > keys[j]! ? 1 : 0),
  );
  for (const i of order) {
    if (keep.size >= max) break;
    keep.add(keys[i]!);
  }
  return keep;
}

/** A graph of the `keep` people (attributes copied) and the links between them. O(n + m). */
export function buildDrawnGraph(graph: DisplayGraph, keep: ReadonlySet<string>): DisplayGraph {
  const drawn: DisplayGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const nodes: { key: string; attributes: DisplayNode }[] = [];
  graph.forEachNode((key, a) => {
    if (keep.has(key)) nodes.push({ key, attributes: { ...a } });
  });
  const edges: { key: string; source: string; target: string; attributes: DisplayEdge }[] = [];
  graph.forEachEdge((key, a, source, target) => {
    if (keep.has(source) && keep.has(target)) edges.push({ key, source, target, attributes: { ...a } });
  });
  drawn.import({ nodes, edges });
  return drawn;
}

export interface DetailLayerOptions {
  /** Most people left out of WebGL drawn on the layer; with more of them in view, none are. Default 10,000. */
  maxShown?: number;
  /** Colour of the links drawn on the layer. Default '#dcdcdc'. */
  edgeColor?: string;
}

export const DETAIL_LAYER_DEFAULTS = { maxShown: 10_000, edgeColor: '#dcdcdc' } as const;

export interface DetailDraw {
  /** People hidden by the filters: not drawn. */
  hidden?: ReadonlySet<string>;
  /** People dimmed by the filters: drawn in `dimColor`. */
  dimmed?: ReadonlySet<string>;
  /** Colour of dimmed people. */
  dimColor?: string;
  /** Links hidden (their kinds are switched off). */
  hiddenLinks?: ReadonlySet<string>;
}

export interface DetailLayerHandle {
  /** The people left out of WebGL that the layer drew at its last paint. */
  readonly shown: ReadonlySet<string>;
  /** Change what is drawn (merged over the last call) and paint again. */
  draw(next: DetailDraw): void;
  /** The positions of the people left out changed: read them again at the next paint. */
  invalidate(): void;
  dispose(): void;
}

const LAYER_ID = 'detailLayer';

/**
 * Mounts the detail canvas; mount it before the names, filter and focus layers (it goes under them).
 * `onShownChange` is called after a paint that changed who the layer draws.
 */
export function mountDetailLayer(
  sigma: Sigma<DisplayNode, DisplayEdge>,
  graph: DisplayGraph,
  drawn: DisplayGraph,
  onShownChange: () => void,
  options: DetailLayerOptions = {},
): DetailLayerHandle {
  const o = { ...DETAIL_LAYER_DEFAULTS, ...options };
  let state: DetailDraw = {};
  let shown = new Set<string>();
  /** The people left out of WebGL, with their positions, read lazily after positions change. */
  let rest: { keys: string[]; x: Float64Array; y: Float64Array } | undefined;
  const getRest = () => {
    if (rest) return rest;
    const keys: string[] = [];
    graph.forEachNode((key) => {
      if (!drawn.hasNode(key)) keys.push(key);
    });
    const x = new Float64Array(keys.length);
    const y = new Float64Array(keys.length);
    keys.forEach((k, i) => {
      const a = graph.getNodeAttributes(k);
      x[i] = a.x;
      y[i] = a.y;
    });
    return (rest = { keys, x, y });
  };

  const paint = (ctx: CanvasRenderingContext2D, width: number, height: number): boolean => {
    const r = getRest();
    // The view in graph coordinates (the y axis may be flipped: take both corners' extremes).
    const a = sigma.viewportToGraph({ x: 0, y: 0 });
    const b = sigma.viewportToGraph({ x: width, y: height });
    const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
    const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
    const inView: string[] = [];
    let tooMany = false;
    for (let i = 0; i < r.keys.length; i++) {
      const px = r.x[i]!;
      const py = r.y[i]!;
      if (px < x0 || px > x1 || py < y0 || py > y1) continue;
      const key = r.keys[i]!;
      if (state.hidden?.has(key)) continue;
      if (inView.length >= o.maxShown) {
        tooMany = true;
        break;
      }
      inView.push(key);
    }
    const next = new Set(tooMany ? [] : inView);
    const changed = next.size !== shown.size || [...next].some((k) => !shown.has(k));
    shown = next;
    if (changed) queueMicrotask(onShownChange);
    if (!shown.size) return false;

    // Their links to anyone drawn (in WebGL or here), then the people.
    ctx.strokeStyle = o.edgeColor;
    ctx.lineWidth = 0.6;
    ctx.beginPath();
    for (const key of shown)
      graph.forEachEdge(key, (e, _a, s, t) => {
        if (state.hiddenLinks?.has(e)) return;
        const other = s === key ? t : s;
        // Each link between two people of the layer once.
        if (shown.has(other) && other < key) return;
        if (!shown.has(other) && (!drawn.hasNode(other) || state.hidden?.has(other))) return;
        const p = sigma.graphToViewport(graph.getNodeAttributes(key));
        const q = sigma.graphToViewport(graph.getNodeAttributes(other));
        ctx.moveTo(p.x, p.y);
        ctx.lineTo(q.x, q.y);
      });
    ctx.stroke();
    for (const key of shown) {
      const attrs = graph.getNodeAttributes(key);
      const p = sigma.graphToViewport(attrs);
      ctx.beginPath();
      ctx.fillStyle = state.dimmed?.has(key) ? (state.dimColor ?? '#e4e4e4') : attrs.color;
      ctx.arc(p.x, p.y, Math.max(1, sigma.scaleSize(attrs.size)), 0, 2 * Math.PI);
      ctx.fill();
    }
    return true;
  };

  const layer = mountCanvasLayer(sigma, LAYER_ID, paint);
  return {
    get shown() {
      return shown;
    },
    draw(next) {
      state = { ...state, ...next };
      layer.redraw();
    },
    invalidate() {
      rest = undefined;
    },
    dispose() {
      layer.dispose();
    },
  };
}
