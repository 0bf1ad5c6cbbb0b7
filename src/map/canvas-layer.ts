/**
 * A 2D canvas over sigma's WebGL canvas, re-painted after every sigma render and on demand: what the focus
 * (focus-layer.ts) and small filters (filter-layer.ts) draw instead of changing WebGL state, because one WebGL
 * frame of a big map costs seconds without a GPU. The canvas follows the map's size and the device pixel ratio,
 * takes no pointer events and is hidden from assistive technology (the lists are the map's accessible
 * equivalent). Cost per paint: clearing the canvas, plus what `paint` draws.
 */
import type Sigma from 'sigma';
import type { DisplayEdge, DisplayNode } from './display-graph';

export interface CanvasLayerHandle {
  /** Paint again now (after the layer's own data changed). */
  redraw(): void;
  dispose(): void;
}

export interface CanvasLayerOptions {
  /**
   * Paint after a render in a microtask, once every other 'afterRender' listener has run (still before the
   * frame is shown), for a layer that reads what they place. Default false: in the render's own listener.
   */
  deferred?: boolean;
}

/**
 * Mounts canvas `id` on `sigma` (above its canvases and earlier layers). `paint` draws in CSS pixels on a
 * cleared canvas and returns whether it drew anything (an empty layer is not cleared again).
 */
export function mountCanvasLayer(
  sigma: Sigma<DisplayNode, DisplayEdge>,
  id: string,
  paint: (ctx: CanvasRenderingContext2D, width: number, height: number) => boolean,
  options: CanvasLayerOptions = {},
): CanvasLayerHandle {
  const canvas = sigma.createCanvas(id, {
    style: { inset: '0', pointerEvents: 'none', width: '100%', height: '100%' },
  });
  canvas.setAttribute('aria-hidden', 'true');
  const ctx = canvas.getContext('2d');
  let drawn = false;

  const render = () => {
    if (!ctx) return;
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(width * ratio));
    const h = Math.max(1, Math.round(height * ratio));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    } else if (drawn) ctx.clearRect(0, 0, w, h);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    drawn = paint(ctx, width, height);
  };

  let killed = false;
  const afterRender = options.deferred ? () => queueMicrotask(() => killed || render()) : render;
  sigma.on('afterRender', afterRender);
  return {
    redraw: render,
    dispose() {
      killed = true;
      sigma.off('afterRender', afterRender);
      sigma.killLayer(id);
    },
  };
}
