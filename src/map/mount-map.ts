/**
 * The sigma map. Data stays in the display graph; everything that only changes how it looks
 * (hover, selection, highlighted results, filters, presentation mode) goes through sigma's node and
 * edge reducers, fed by sets built once per change so each reducer call is O(1) (Retina's pattern).
 */
import Sigma from 'sigma';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph';

export interface MapLook {
  /** Person index (as a string key) under the pointer. */
  hovered?: string;
  /** Selected person key. */
  selected?: string;
  /** Keys to emphasise (search results, ask targets); everything else is dimmed when non-empty. */
  highlighted?: ReadonlySet<string>;
  /** Keys whose labels are always drawn (the best few results; drawing all would clutter). Default none. */
  labelled?: ReadonlySet<string>;
  /** Keys filtered out by facets: hidden, or dimmed when `dimFiltered`. */
  filteredOut?: ReadonlySet<string>;
  dimFiltered?: boolean;
  /** Hide every person's name (presentation mode). */
  hideNames?: boolean;
  /** Bitmask over EDGE_KINDS of the link kinds drawn; links with none of them are hidden. Default all. */
  edgeKindMask?: number;
  /** Paths to draw (node keys, in order): existing links are emphasised, missing ones drawn for the time being. */
  paths?: readonly (readonly string[])[];
  /** Colour links by their strongest kind of evidence (EDGE_KIND_COLORS) instead of a faint grey. Default false. */
  colorByKind?: boolean;
}

/** Link colours by evidence kind, in EDGE_KINDS order: connection, knows, co-member, colleague, similar. */
export const EDGE_KIND_COLORS = ['#1f5fbf', '#c0392b', '#8e44ad', '#d68910', '#7f8c8d'] as const;

function kindColor(kinds: number): string {
  for (let b = 0; b < EDGE_KIND_COLORS.length; b++) if (kinds & (1 << b)) return EDGE_KIND_COLORS[b]!;
  return '#cccccc';
}

export interface MapHandle {
  sigma: Sigma<DisplayNode, DisplayEdge>;
  setLook(look: MapLook): void;
  /** Animate the camera to frame these node keys. */
  frame(keys: string[]): void;
  dispose(): void;
}

export interface MapEvents {
  onHover?(key: string | undefined): void;
  onClick?(key: string | undefined): void;
}

const DIM_NODE = '#e4e4e4';
const DIM_EDGE = '#f0f0f0';

export function mountMap(container: HTMLElement, graph: DisplayGraph, events: MapEvents = {}): MapHandle {
  let look: MapLook = {};
  let focus = new Set<string>();
  let pathEdges = new Set<string>();
  const PATH_COLOR = '#1b3a8a';

  const sigma = new Sigma(graph, container, {
    settings: {
      // Sizes in screen pixels (sigma 4 reads them in layout units by default, which makes them
      // depend on how far the layout spread).
      itemSizesReference: 'screen',
      // The map is hidden (display: none) while the table view shows: keep sigma alive meanwhile.
      allowInvalidContainer: true,
      labelDensity: 0.35,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: 7,
      hideEdgesOnMove: graph.size > 50_000,
      minEdgeThickness: 0.6,
    } as Record<string, unknown>,
    nodeReducer: (key, data) => {
      const out: Record<string, unknown> = { ...data };
      if (look.filteredOut?.has(key)) {
        if (!look.dimFiltered) return { ...out, visibility: 'hidden' };
        out.color = DIM_NODE;
        out.label = '';
      }
      const active = focus.size > 0;
      if (active && !focus.has(key)) {
        out.color = DIM_NODE;
        out.label = '';
        out.labelVisibility = 'hidden';
      } else if (active) {
        out.depth = 'topNodes';
        if (key === look.selected || key === look.hovered) out.labelVisibility = 'visible';
      }
      if (look.labelled?.has(key)) out.labelVisibility = 'visible';
      if (look.hideNames) {
        out.label = '';
        out.labelVisibility = 'hidden';
      }
      return out;
    },
    edgeReducer: (key, data) => {
      if (pathEdges.has(key))
        return { ...data, color: PATH_COLOR, size: 2.2, depth: 'topEdges', visibility: 'visible' };
      if (graph.getEdgeAttribute(key, 'path')) return { ...data, visibility: 'hidden' };
      if (look.edgeKindMask !== undefined) {
        const kinds = graph.getEdgeAttribute(key, 'kinds');
        if (kinds && !(kinds & look.edgeKindMask)) return { ...data, visibility: 'hidden' };
      }
      const [s, t] = graph.extremities(key);
      if (look.filteredOut && (look.filteredOut.has(s) || look.filteredOut.has(t)) && !look.dimFiltered)
        return { ...data, visibility: 'hidden' };
      const center = look.hovered ?? look.selected;
      if (center !== undefined) {
        if (s === center || t === center) return { ...data, color: '#7a7a7a', size: 1.2, depth: 'topEdges' };
        return { ...data, color: DIM_EDGE };
      }
      if (look.highlighted?.size) return { ...data, color: DIM_EDGE };
      if (look.colorByKind) return { ...data, color: kindColor(graph.getEdgeAttribute(key, 'kinds')), size: 0.6 };
      return data;
    },
  });

  // Path links that the display graph lacks (an owner's spokes are not drawn) are added while shown.
  const setPaths = (paths: readonly (readonly string[])[]) => {
    graph.forEachEdge((e, a) => {
      if (a.path) graph.dropEdge(e);
    });
    pathEdges = new Set();
    for (const p of paths)
      for (let i = 1; i < p.length; i++) {
        const [a, b] = [p[i - 1]!, p[i]!];
        if (!graph.hasNode(a) || !graph.hasNode(b) || a === b) continue;
        const key =
          graph.edge(a, b) ?? graph.addEdge(a, b, { size: 2, color: PATH_COLOR, kinds: 0, weight: 0, path: true });
        pathEdges.add(key);
      }
  };

  const rebuildFocus = () => {
    focus = new Set<string>();
    const center = look.hovered ?? look.selected;
    if (center !== undefined && graph.hasNode(center)) {
      focus.add(center);
      graph.forEachNeighbor(center, (n) => focus.add(n));
    }
    if (look.highlighted?.size) for (const k of look.highlighted) focus.add(k);
  };

  sigma.on('enterNode', ({ node }) => events.onHover?.(node));
  sigma.on('leaveNode', () => events.onHover?.(undefined));
  sigma.on('clickNode', ({ node }) => events.onClick?.(node));
  sigma.on('clickStage', () => events.onClick?.(undefined));

  const frame = (keys: string[]) => {
    const pts = keys.map((k) => sigma.getNodeDisplayData(k)).filter((d): d is NonNullable<typeof d> => Boolean(d));
    if (!pts.length) return;
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const ratio = Math.max(0.05, Math.min(1.2, Math.max(x1 - x0, y1 - y0) * 1.4));
    void sigma.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 400 });
  };

  return {
    sigma,
    setLook(next) {
      if ((next.paths ?? []) !== (look.paths ?? [])) setPaths(next.paths ?? []);
      look = next;
      rebuildFocus();
      sigma.refresh({ skipIndexation: true });
    },
    frame,
    dispose() {
      sigma.kill();
    },
  };
}
