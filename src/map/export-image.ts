/**
 * Image exports of the map: a PNG of the current sigma view with a legend, and an SVG built from
 * the display graph (nodes as circles, links as lines, cluster names at cluster centres, a legend).
 * Person names are left out when `hideNames` (presentation mode) is set.
 *
 * PNG: sigma 4 draws everything (nodes, edges, labels) on one WebGL 2 "stage" canvas created with
 * `preserveDrawingBuffer: false` (see Sigma#createWebGLContext). Such a buffer is only valid until
 * the browser composites it, so we call `sigma.refresh()` (a synchronous render when not scheduled)
 * and copy the canvas with `drawImage` in the same task, before any compositing. This avoids both
 * the cost of `preserveDrawingBuffer: true` on every frame and the second, temporary renderer that
 * @sigma/export-image uses. Cluster names (an HTML layer, see cluster-labels.ts) are drawn again on
 * the 2D canvas, then the legend below the map.
 *
 * SVG: a pure string builder (no DOM), tested in Node. Cost O(nodes + edges + E log E) for E links
 * drawn; at 30,000 people the file is a few MB. `toSvgAsync` builds the same string in chunks that
 * yield to the page (the toolbar uses it). Names are XML-escaped; control characters are removed.
 *
 * Wiring (an "Export" menu in src/ui): `downloadBlob(await toPngBlob(map.sigma, graph, legend, {
 * hideNames }), 'netwell-map.png')` and `downloadBlob(new Blob([toSvg(graph, legend, opts)],
 * { type: 'image/svg+xml' }), 'netwell-map.svg')`, where `legend = view.clusters.map((c, i) =>
 * ({ label: c.label, color: getClusterColor(i), size: c.size }))`.
 */
import type Sigma from 'sigma';
import { computeClusterCentres, getNonOverlappingLabels } from './cluster-labels';
import type { DisplayGraph } from './display-graph';
import { OTHER_CLUSTERS_COLOR, OTHER_CLUSTERS_LABEL, OWNER_COLOR } from './palette';

/** One legend entry. Entry i of the legend must be cluster i: cluster names are looked up by index. */
export interface LegendItem {
  label: string;
  color: string;
  /** Members, shown after the label. Optional. */
  size?: number;
}

export interface ImageExportOptions {
  /** Leave every person's name out (presentation mode). Default false. */
  hideNames?: boolean;
  /** Node keys not drawn (filtered out). Default none. */
  hidden?: ReadonlySet<string>;
  /** Bitmask over EDGE_KINDS of the link kinds drawn. Default all (0xff). */
  edgeKindMask?: number;
  /** Title written above the legend. Default 'Netwell network map'. */
  title?: string;
  /** Most legend rows (the rest summarised as "+ n more"); the grey "other clusters" share one row. Default 24. */
  maxLegendItems?: number;
}

/** SVG-only options. */
export interface SvgExportOptions extends ImageExportOptions {
  /** Drawing width in px (the legend is added below). Default 1200. */
  width?: number;
  /** Drawing height in px. Default 900. */
  height?: number;
  /** Person names drawn, largest nodes first. Default 60 (0 for none). */
  maxNames?: number;
  /** Background colour. Default '#ffffff'. */
  background?: string;
  /** Most links drawn, heaviest first (keeps the file a few MB at 30,000 people). Default 50,000. */
  maxEdges?: number;
}

const SVG_DEFAULTS = {
  width: 1200,
  height: 900,
  maxNames: 60,
  background: '#ffffff',
  title: 'Netwell network map',
  maxLegendItems: 24,
  edgeKindMask: 0xff,
  maxEdges: 50_000,
};

/** XML text/attribute escape; also drops characters XML 1.0 forbids. */
export function toXmlText(text: string): string {
  return (
    text
      // Control characters are what this strips, on purpose (XML 1.0 forbids them).
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const num = (x: number) => (Math.round(x * 10) / 10).toString();

const LEGEND_ROW = 20;
const LEGEND_COLUMNS = 3;

/**
 * The legend's rows: each item as given, except that clusters drawn in the "other clusters" grey (all but
 * the largest, see palette.ts) share one row, where the first of them was, naming how many there are and
 * their people; their names stay at their centres on the map.
 */
export function toLegendRows(legend: readonly LegendItem[]): LegendItem[] {
  const grey = legend.filter((item) => item.color.toUpperCase() === OTHER_CLUSTERS_COLOR.toUpperCase());
  if (grey.length === 0) return [...legend];
  const people = grey.reduce((sum, item) => sum + (item.size ?? 0), 0);
  const clusters = `${grey.length} ${grey.length === 1 ? 'cluster' : 'clusters'}`;
  const other: LegendItem = {
    label: `${OTHER_CLUSTERS_LABEL} (${clusters}${grey.every((item) => item.size !== undefined) ? `, ${people} people` : ''})`,
    color: OTHER_CLUSTERS_COLOR,
  };
  const rows: LegendItem[] = [];
  for (const item of legend)
    if (!grey.includes(item)) rows.push(item);
    else if (item === grey[0]) rows.push(other);
  return rows;
}

function getLegendRows(legend: readonly LegendItem[], max: number): { items: LegendItem[]; more: number } {
  const rows = toLegendRows(legend);
  return { items: rows.slice(0, max), more: Math.max(0, rows.length - max) };
}

/** Items written between two yields of buildSvg (a few ms of work each). */
const SVG_CHUNK = 4_000;

/** The map as an SVG document (string), built in one go. */
export function toSvg(graph: DisplayGraph, legend: readonly LegendItem[], options: SvgExportOptions = {}): string {
  const steps = buildSvg(graph, legend, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same SVG, built in chunks that yield to the page between them (a macrotask each), so a large
 * map's export does not freeze it: at 30,000 people one go is a long task of a second or more.
 */
export async function toSvgAsync(
  graph: DisplayGraph,
  legend: readonly LegendItem[],
  options: SvgExportOptions = {},
): Promise<string> {
  const steps = buildSvg(graph, legend, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function* buildSvg(
  graph: DisplayGraph,
  legend: readonly LegendItem[],
  options: SvgExportOptions,
): Generator<void, string, void> {
  const o = { ...SVG_DEFAULTS, ...options };
  const { width, height } = o;
  const pad = 24;
  const visible = (key: string) => !o.hidden?.has(key);

  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((key, a) => {
    if (!visible(key)) return;
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  if (!Number.isFinite(minX)) [minX, maxX, minY, maxY] = [0, 1, 0, 1];
  const scale = Math.min(
    (width - 2 * pad) / Math.max(1e-9, maxX - minX),
    (height - 2 * pad) / Math.max(1e-9, maxY - minY),
  );
  const ox = (width - scale * (maxX - minX)) / 2;
  const oy = (height - scale * (maxY - minY)) / 2;
  // Graph y grows upwards (as sigma draws it); SVG y grows downwards.
  const sx = (x: number) => ox + (x - minX) * scale;
  const sy = (y: number) => height - (oy + (y - minY) * scale);
  const r = (size: number) => Math.max(1, size * 0.6);

  const { items, more } = getLegendRows(legend, o.maxLegendItems);
  const legendHeight = 40 + Math.ceil((items.length + (more ? 1 : 0)) / LEGEND_COLUMNS) * LEGEND_ROW;
  const totalHeight = height + legendHeight;
  const out: string[] = [];
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${totalHeight}" viewBox="0 0 ${width} ${totalHeight}" font-family="system-ui, sans-serif">`,
    `<title>${toXmlText(o.title)}</title>`,
    `<rect width="${width}" height="${totalHeight}" fill="${toXmlText(o.background)}"/>`,
    `<g class="edges" stroke-linecap="round">`,
  );
  // Links: chosen first (heaviest first when there are more than maxEdges), written after, so only
  // the kept ones cost a string.
  const keys: string[] = [];
  const weights: number[] = [];
  graph.forEachEdge((key, a, s, t) => {
    if (!visible(s) || !visible(t) || !(a.kinds & o.edgeKindMask)) return;
    keys.push(key);
    weights.push(a.weight);
  });
  yield;
  let order = keys.map((_, i) => i);
  if (order.length > o.maxEdges) {
    order.sort((p, q) => (weights[q] ?? 0) - (weights[p] ?? 0)); // stable: ties keep the graph's order
    order = order.slice(0, o.maxEdges);
  }
  for (let i = 0; i < order.length; i++) {
    const key = keys[order[i]!]!;
    const a = graph.getEdgeAttributes(key);
    const sa = graph.getNodeAttributes(graph.source(key));
    const ta = graph.getNodeAttributes(graph.target(key));
    out.push(
      `<line x1="${num(sx(sa.x))}" y1="${num(sy(sa.y))}" x2="${num(sx(ta.x))}" y2="${num(sy(ta.y))}" stroke="${toXmlText(a.color)}" stroke-opacity="0.6" stroke-width="${num(Math.max(0.3, a.size))}"/>`,
    );
    if (i % SVG_CHUNK === SVG_CHUNK - 1) yield;
  }
  out.push(`</g>`, `<g class="nodes" stroke="#ffffff" stroke-width="0.5">`);
  const drawn: { key: string; size: number; x: number; y: number; label: string }[] = [];
  for (const key of graph.nodes()) {
    const a = graph.getNodeAttributes(key);
    if (!visible(key)) continue;
    const x = sx(a.x);
    const y = sy(a.y);
    out.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(r(a.size))}" fill="${toXmlText(a.color)}"/>`);
    drawn.push({ key, size: a.size, x, y, label: a.label });
    if (drawn.length % SVG_CHUNK === 0) yield;
  }
  out.push(`</g>`);
  yield;

  if (!o.hideNames && o.maxNames > 0) {
    drawn.sort((p, q) => q.size - p.size || Number(p.key) - Number(q.key));
    const boxes = drawn.slice(0, o.maxNames * 4).map((d, i) => ({
      cluster: i,
      x: d.x + r(d.size) + 2 + d.label.length * 3,
      y: d.y,
      width: d.label.length * 6 + 4,
      height: 12,
    }));
    const kept = getNonOverlappingLabels(boxes).slice(0, o.maxNames);
    out.push(`<g class="names" font-size="10" fill="#1b1b1b">`);
    for (const b of kept) {
      const d = drawn[b.cluster]!;
      out.push(`<text x="${num(d.x + r(d.size) + 2)}" y="${num(d.y + 3)}">${toXmlText(d.label)}</text>`);
    }
    out.push(`</g>`);
  }

  const centres = computeClusterCentres(graph, { hidden: o.hidden });
  out.push(
    `<g class="clusters" font-size="15" font-weight="600" text-anchor="middle" fill="#1b1b1b" stroke="#ffffff" stroke-width="3" paint-order="stroke">`,
  );
  const clusterBoxes = centres.map((c) => {
    const label = legend[c.cluster]?.label ?? '';
    return { cluster: c.cluster, x: sx(c.x), y: sy(c.y), width: label.length * 8.5, height: 18 };
  });
  for (const b of getNonOverlappingLabels(clusterBoxes)) {
    const label = legend[b.cluster]?.label;
    if (label) out.push(`<text x="${num(b.x)}" y="${num(b.y + 5)}">${toXmlText(label)}</text>`);
  }
  out.push(`</g>`);

  // Legend below the map.
  const colWidth = (width - 2 * pad) / LEGEND_COLUMNS;
  out.push(`<g class="legend" font-size="12" fill="#1b1b1b" transform="translate(${pad} ${height + 8})">`);
  out.push(`<text x="0" y="14" font-weight="600">${toXmlText(o.title)}</text>`);
  const entries: LegendItem[] = [...items, ...(more ? [{ label: `+ ${more} more clusters`, color: 'none' }] : [])];
  entries.forEach((item, i) => {
    const x = (i % LEGEND_COLUMNS) * colWidth;
    const y = 32 + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW;
    if (item.color !== 'none')
      out.push(`<rect x="${num(x)}" y="${y - 10}" width="12" height="12" rx="2" fill="${toXmlText(item.color)}"/>`);
    out.push(
      `<text x="${num(x + 18)}" y="${y}">${toXmlText(item.label + (item.size !== undefined ? ` (${item.size})` : ''))}</text>`,
    );
  });
  out.push(`</g>`, `</svg>`, '');
  return out.join('\n');
}

/** Legend drawn on a 2D canvas from CSS-pixel row `y0` down, scaled by `ratio` (device pixels). */
function drawLegend(
  ctx: CanvasRenderingContext2D,
  legend: readonly LegendItem[],
  width: number,
  y0: number,
  ratio: number,
  o: Required<Pick<ImageExportOptions, 'title' | 'maxLegendItems'>>,
): void {
  const { items, more } = getLegendRows(legend, o.maxLegendItems);
  const pad = 16;
  const colWidth = (width - 2 * pad) / LEGEND_COLUMNS;
  ctx.save();
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#1b1b1b';
  ctx.font = '600 13px system-ui, sans-serif';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(o.title, pad, y0 + 18);
  ctx.font = '12px system-ui, sans-serif';
  const entries: LegendItem[] = [...items, ...(more ? [{ label: `+ ${more} more clusters`, color: 'none' }] : [])];
  entries.forEach((item, i) => {
    const x = pad + (i % LEGEND_COLUMNS) * colWidth;
    const y = y0 + 38 + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW;
    if (item.color !== 'none') {
      ctx.fillStyle = item.color;
      ctx.fillRect(x, y - 10, 12, 12);
    }
    ctx.fillStyle = '#1b1b1b';
    const text = item.label + (item.size !== undefined ? ` (${item.size})` : '');
    ctx.fillText(text, x + 18, y, colWidth - 24);
  });
  ctx.restore();
}

/** Height in CSS pixels the legend needs for `legendLength` rows (see toLegendRows). */
export function getLegendHeight(legendLength: number, maxLegendItems = SVG_DEFAULTS.maxLegendItems): number {
  const n = Math.min(legendLength, maxLegendItems) + (legendLength > maxLegendItems ? 1 : 0);
  return 48 + Math.ceil(n / LEGEND_COLUMNS) * LEGEND_ROW;
}

/**
 * The current view (what is on screen, same camera) plus cluster names and a legend, on a new 2D
 * canvas. Names of people follow the map's own reducers (presentation mode hides them there);
 * `hideNames` here only controls what this module adds (it never adds person names).
 */
export function drawMapOnCanvas(
  sigma: Sigma,
  graph: DisplayGraph,
  legend: readonly LegendItem[],
  options: ImageExportOptions = {},
): HTMLCanvasElement {
  const o = { ...SVG_DEFAULTS, ...options };
  const stage = sigma.getStageCanvas();
  const { width, height } = sigma.getDimensions();
  const ratio = stage.width / Math.max(1, width);
  const legendHeight = getLegendHeight(toLegendRows(legend).length, o.maxLegendItems);
  const canvas = document.createElement('canvas');
  canvas.width = stage.width;
  canvas.height = Math.round((height + legendHeight) * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('map/export-image: no 2D canvas context. Is the page out of memory? Try a smaller window.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // Render synchronously, then copy the WebGL buffer in the same task (see the module comment).
  sigma.refresh({ skipIndexation: true });
  ctx.drawImage(stage, 0, 0, stage.width, stage.height);
  // Any extra canvases (custom layers), in DOM order.
  for (const extra of Array.from(sigma.getContainer().querySelectorAll('canvas')))
    if (extra !== stage && extra.width && extra.height && extra.style.display !== 'none')
      ctx.drawImage(extra, 0, 0, stage.width, stage.height);

  // Cluster names at their centres.
  ctx.save();
  ctx.scale(ratio, ratio);
  ctx.font = '600 14px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#ffffff';
  ctx.fillStyle = '#1b1b1b';
  const boxes = computeClusterCentres(graph, { hidden: o.hidden }).map((c) => {
    const p = sigma.graphToViewport({ x: c.x, y: c.y });
    const label = legend[c.cluster]?.label ?? '';
    return { cluster: c.cluster, x: p.x, y: p.y, width: ctx.measureText(label).width, height: 18 };
  });
  for (const b of getNonOverlappingLabels(boxes)) {
    const label = legend[b.cluster]?.label;
    if (!label || b.x < 0 || b.y < 0 || b.x > width || b.y > height) continue;
    ctx.strokeText(label, b.x, b.y);
    ctx.fillText(label, b.x, b.y);
  }
  ctx.restore();
  ctx.fillStyle = '#e4e4e4';
  ctx.fillRect(0, Math.round(height * ratio), canvas.width, Math.max(1, Math.round(ratio)));
  drawLegend(ctx, legend, width, height, ratio, o);
  return canvas;
}

/** PNG blob of drawMapOnCanvas. */
export function toPngBlob(
  sigma: Sigma,
  graph: DisplayGraph,
  legend: readonly LegendItem[],
  options: ImageExportOptions = {},
): Promise<Blob> {
  const canvas = drawMapOnCanvas(sigma, graph, legend, options);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob
          ? resolve(blob)
          : reject(new Error('map/export-image: the browser could not encode the PNG. Try a smaller window.')),
      'image/png',
    ),
  );
}

/** Owners in the legend: a convenience entry to append. */
export const OWNER_LEGEND_ITEM: LegendItem = { label: 'Export owners (you and your team)', color: OWNER_COLOR };

/** Trigger a download of a blob (object URL revoked afterwards). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
