/**
 * The focus drawn on a 2D canvas over sigma's WebGL canvas: when someone is hovered or selected, or
 * search or Ask results are highlighted, a translucent white veil over the whole map, then an Ask's
 * paths, the centre's links, the people in focus (the centre, its neighbours, the highlighted people)
 * and their names on top. Only O(degree + highlighted + path steps) shapes are drawn, and the WebGL map
 * is not re-drawn at all: without a GPU (SwiftShader) one WebGL frame of 30,000 people and 60,000 links
 * costs about a second, which made every hover, search and Ask wait for it.
 *
 * Positions and sizes are sigma's own (getNodeDisplayData, framedGraphToViewport, scaleSize), read on
 * each draw, and the layer re-draws after every sigma render, so it follows pans, zooms and the layout.
 * The canvas takes no pointer events (sigma's mouse layer under it keeps them).
 *
 * Cost per draw: O(links of the centre + people in focus + path steps), plus one full-canvas fill for the
 * veil.
 */
import type Sigma from 'sigma';
import { mountCanvasLayer } from './canvas-layer';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph';
import { isFocusActive, type Focus } from './look-change';

export interface FocusLayerOptions {
  /** Opacity of the white veil over what is out of focus. Default 0.82. */
  veilAlpha?: number;
  /** Colour of the focused links. Default '#7a7a7a'. */
  edgeColor?: string;
  /** Most neighbours' names drawn (largest first, skipping overlaps). Default 40. */
  maxLabels?: number;
  /** Label font size in CSS pixels. Default 12. */
  fontSize?: number;
  /** Colour of an Ask's paths. Default '#1b3a8a'. */
  pathColor?: string;
  /** Width of an Ask's paths in CSS pixels. Default 2.2. */
  pathWidth?: number;
}

export const FOCUS_LAYER_DEFAULTS = {
  veilAlpha: 0.82,
  edgeColor: '#7a7a7a',
  maxLabels: 40,
  fontSize: 12,
  pathColor: '#1b3a8a',
  pathWidth: 2.2,
} as const;

export interface FocusDraw {
  focus: Focus;
  /**
   * Paths to draw (node keys, in order), each step as a line whether or not the map draws that link (an
   * owner's spokes are not drawn); their people are drawn with the focus. Default none.
   */
  paths?: readonly (readonly string[])[];
  /** Keys whose names are always drawn when in focus (the best search results). */
  labelled?: ReadonlySet<string>;
  /** Draw no names (presentation mode). */
  hideNames?: boolean;
  /** Keys not drawn, nor their links (hidden by the filters). Default none. */
  hidden?: ReadonlySet<string>;
}

export interface FocusLayerHandle {
  /** Draw this focus, or clear the layer (undefined, or nothing in focus and no path). */
  draw(next: FocusDraw | undefined): void;
  dispose(): void;
}

const LAYER_ID = 'focusLayer';

/** Mount the focus canvas on a sigma instance (above its canvases, below later layers). */
export function mountFocusLayer(
  sigma: Sigma<DisplayNode, DisplayEdge>,
  graph: DisplayGraph,
  options: FocusLayerOptions = {},
): FocusLayerHandle {
  const o = { ...FOCUS_LAYER_DEFAULTS, ...options };
  let current: FocusDraw | undefined;

  const point = (key: string) => {
    if (current?.hidden?.has(key)) return undefined;
    const d = sigma.getNodeDisplayData(key);
    if (!d) {
      // Left out of WebGL on a big map (detail-layer.ts): from the graph, as the detail layer draws them.
      if (!graph.hasNode(key)) return undefined;
      const a = graph.getNodeAttributes(key);
      const q = sigma.graphToViewport(a);
      return { x: q.x, y: q.y, r: Math.max(1, sigma.scaleSize(a.size)), color: a.color, label: a.label ?? '' };
    }
    if ((d as { visibility?: string }).visibility === 'hidden') return undefined;
    const p = sigma.framedGraphToViewport(d);
    // The name from the graph: sigma is given none (mount-map.ts, NODE_STYLES).
    const label = graph.getNodeAttribute(key, 'label') ?? '';
    return { x: p.x, y: p.y, r: Math.max(1, sigma.scaleSize(d.size)), color: d.color, label };
  };

  const paint = (ctx: CanvasRenderingContext2D, width: number, height: number): boolean => {
    const focus = current?.focus;
    const paths = current?.paths ?? [];
    if (!focus || (!isFocusActive(focus) && !paths.length)) return false;
    ctx.fillStyle = `rgba(255,255,255,${o.veilAlpha})`;
    ctx.fillRect(0, 0, width, height);

    const onPaths = new Set<string>();
    if (paths.length) {
      ctx.strokeStyle = o.pathColor;
      ctx.lineWidth = o.pathWidth;
      ctx.lineJoin = 'round';
      ctx.beginPath();
      for (const path of paths) {
        let started = false;
        for (const key of path) {
          const p = point(key);
          if (!p) {
            started = false;
            continue;
          }
          onPaths.add(key);
          if (started) ctx.lineTo(p.x, p.y);
          else ctx.moveTo(p.x, p.y);
          started = true;
        }
      }
      ctx.stroke();
    }

    const center = focus.center === undefined ? undefined : point(focus.center);
    ctx.strokeStyle = o.edgeColor;
    ctx.lineWidth = 1.2;
    ctx.beginPath();
    for (const e of focus.edges) {
      if (!graph.hasEdge(e)) continue;
      const a = point(graph.source(e));
      const b = point(graph.target(e));
      if (!a || !b) continue;
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.stroke();

    const people: { key: string; x: number; y: number; r: number; color: string; label: string }[] = [];
    for (const key of new Set([...focus.nodes, ...onPaths])) {
      const p = point(key);
      if (p) people.push({ key, ...p });
    }
    for (const p of people) {
      ctx.beginPath();
      ctx.fillStyle = p.color;
      ctx.arc(p.x, p.y, p.r, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (center && focus.center !== undefined) {
      ctx.beginPath();
      ctx.strokeStyle = '#222222';
      ctx.lineWidth = 2;
      ctx.arc(center.x, center.y, center.r + 1.5, 0, 2 * Math.PI);
      ctx.stroke();
    }
    if (current?.hideNames) return true;

    // Names: the centre first, then the always-labelled, then the largest neighbours, skipping overlaps.
    const labelled = current?.labelled;
    const rank = (k: string) => (k === focus.center ? 2 : labelled?.has(k) ? 1 : 0);
    people.sort((a, b) => rank(b.key) - rank(a.key) || b.r - a.r || (a.key < b.key ? -1 : 1));
    const boxes: [number, number, number, number][] = [];
    let shown = 0;
    for (const p of people) {
      if (!p.label || (shown >= o.maxLabels && rank(p.key) === 0)) continue;
      const bold = p.key === focus.center;
      ctx.font = `${bold ? '600 ' : ''}${bold ? o.fontSize + 1 : o.fontSize}px system-ui, sans-serif`;
      const tw = ctx.measureText(p.label).width;
      const x = p.x + p.r + 3;
      const y = p.y - o.fontSize / 2 - 1;
      const box: [number, number, number, number] = [x - 1, y, x + tw + 1, y + o.fontSize + 3];
      if (rank(p.key) === 0 && boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]))
        continue;
      boxes.push(box);
      shown++;
      ctx.fillStyle = 'rgba(255,255,255,0.85)';
      ctx.fillRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
      ctx.fillStyle = '#1a1a1a';
      ctx.textBaseline = 'top';
      ctx.fillText(p.label, x, y + 1);
    }
    return true;
  };

  const layer = mountCanvasLayer(sigma, LAYER_ID, paint);
  return {
    draw(next) {
      current = next;
      layer.redraw();
    },
    dispose: layer.dispose,
  };
}
