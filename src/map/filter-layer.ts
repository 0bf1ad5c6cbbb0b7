/**
 * The filters' picture on a 2D canvas over sigma's WebGL canvas, for a filter that keeps few people: a
 * white veil over the whole map (opaque to hide who is filtered out, translucent to dim them), then the
 * kept people, the links between them and the largest ones' names on top. The WebGL map is not touched:
 * hiding 27,000 of 30,000 people as sigma item states restyles each of them and their links (about
 * 1 s per facet tick in software WebGL), where this draws only the few thousand kept.
 *
 * mount-map.ts uses it while the kept people are at most `maxPeople` (FILTER_LAYER_MAX_PEOPLE) and falls
 * back to item states beyond. Re-drawn after every sigma render (pans, zooms, the layout), O(kept +
 * their links) each time. Takes no pointer events.
 */
import type Sigma from 'sigma';
import { mountCanvasLayer } from './canvas-layer';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph';

export interface FilterDraw {
  /** Kept people (node keys). */
  nodes: readonly string[];
  /** Links drawn between kept people (edge keys). */
  edges: readonly string[];
  /** Veil opacity: 1 hides who is filtered out, less dims them. */
  alpha: number;
  /** Draw no names (presentation mode). */
  hideNames?: boolean;
}

export interface FilterLayerOptions {
  /** Most names drawn (largest people first, skipping overlaps). Default 80. */
  maxLabels?: number;
  /** Label font size in CSS pixels. Default 12. */
  fontSize?: number;
}

export const FILTER_LAYER_DEFAULTS = { maxLabels: 80, fontSize: 12 } as const;

/** Most kept people drawn on the 2D layer; beyond, the map hides the others as item states. */
export const FILTER_LAYER_MAX_PEOPLE = 6000;

export interface FilterLayerHandle {
  /** Draw this filter, or clear the layer (undefined). */
  draw(next: FilterDraw | undefined): void;
  dispose(): void;
}

const LAYER_ID = 'filterLayer';

/** Mount the filter canvas on a sigma instance (above its canvases; mount it before the focus layer). */
export function mountFilterLayer(
  sigma: Sigma<DisplayNode, DisplayEdge>,
  graph: DisplayGraph,
  options: FilterLayerOptions = {},
): FilterLayerHandle {
  const o = { ...FILTER_LAYER_DEFAULTS, ...options };
  let current: FilterDraw | undefined;

  const paint = (ctx: CanvasRenderingContext2D, width: number, height: number): boolean => {
    if (!current) return false;
    ctx.fillStyle = `rgba(255,255,255,${current.alpha})`;
    ctx.fillRect(0, 0, width, height);

    const at = new Map<string, { x: number; y: number; r: number; color: string; label: string }>();
    // From the graph's attributes, not sigma's display data (getNodeDisplayData copies an object per call: about
    // a fifth of a facet click at 30,000 people). Kept people are drawn as the graph says: no state restyles them.
    for (const key of current.nodes) {
      if (!graph.hasNode(key)) continue;
      const a = graph.getNodeAttributes(key);
      const p = sigma.graphToViewport(a);
      at.set(key, { x: p.x, y: p.y, r: Math.max(1, sigma.scaleSize(a.size)), color: a.color, label: a.label ?? '' });
    }
    // Links grouped by colour and width: one path per group.
    const groups = new Map<string, [number, number, number, number][]>();
    for (const e of current.edges) {
      if (!graph.hasEdge(e)) continue;
      const a = at.get(graph.source(e));
      const b = at.get(graph.target(e));
      // A link left out of WebGL on a big map (detail-layer.ts) is drawn as the graph says.
      const d = sigma.getEdgeDisplayData(e) ?? graph.getEdgeAttributes(e);
      if (!a || !b) continue;
      const key = `${d.color}|${Math.max(0.6, d.size ?? 0.6)}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push([a.x, a.y, b.x, b.y]);
    }
    for (const [key, lines] of groups) {
      const [color, size] = key.split('|');
      ctx.strokeStyle = color ?? '#cccccc';
      ctx.lineWidth = Number(size);
      ctx.beginPath();
      for (const [x0, y0, x1, y1] of lines) {
        ctx.moveTo(x0, y0);
        ctx.lineTo(x1, y1);
      }
      ctx.stroke();
    }
    for (const p of at.values()) {
      if (p.x + p.r < 0 || p.y + p.r < 0 || p.x - p.r > width || p.y - p.r > height) continue;
      ctx.beginPath();
      ctx.fillStyle = p.color;
      ctx.arc(p.x, p.y, p.r, 0, 2 * Math.PI);
      ctx.fill();
    }
    if (current.hideNames) return true;
    // Names of the largest people first, skipping overlaps. Widths are estimated from the text's length
    // (measureText on thousands of names cost ~100 ms per draw); at most `maxLabels` are placed.
    const people = [...at.values()].filter((p) => p.label && p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height);
    people.sort((a, b) => b.r - a.r);
    ctx.font = `${o.fontSize}px system-ui, sans-serif`;
    ctx.fillStyle = '#1a1a1a';
    ctx.textBaseline = 'middle';
    const boxes: [number, number, number, number][] = [];
    for (const p of people) {
      if (boxes.length >= o.maxLabels) break;
      const x = p.x + p.r + 3;
      const w = p.label.length * o.fontSize * 0.6;
      const box: [number, number, number, number] = [x, p.y - o.fontSize / 2, x + w, p.y + o.fontSize / 2];
      if (boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3])) continue;
      boxes.push(box);
      ctx.fillText(p.label, x, p.y);
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
