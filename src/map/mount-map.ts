/**
 * The sigma map. Data stays in the display graph. What only changes how it looks is drawn on 2D layers
 * over the WebGL map where it concerns few items (hover, selection, search and Ask results with their
 * paths, filters that keep few people), and is otherwise sigma 4 item state (setNodesState /
 * setEdgesState) read by the style rules below, set only on the items whose state changes (large
 * filters, link kinds, link colours). People's names are drawn on a 2D layer too (label-layer.ts), by
 * importance and without overlap; presentation mode switches that layer off.
 *
 * Why states and not reducers: sigma runs reducers on every node and link whenever its graph state
 * changes (a hover starting or ending, a pan starting or ending), because a reducer may read it. At
 * 30,000 people and 300,000 links that made every hover a full pass over the map. With `whenState`
 * rules sigma re-styles only the items whose state changed.
 *
 * Hover, selection and highlights do not touch WebGL at all: the person under the pointer comes from our
 * own grid over the people's positions (hover-index.ts), not from sigma's picking (which reads back a
 * frame the GPU draws: seconds per hover in software WebGL at 30,000 people); the focus (look-change.ts:
 * the hovered or selected person's links and neighbours, the highlighted people, an Ask's paths) and
 * their names are drawn on a 2D canvas over the map (focus-layer.ts) under a translucent veil. Before,
 * highlights were lifted above a WebGL veil and an Ask's paths added as links to the display graph: each
 * Ask or search then waited for one or two WebGL frames (about a second each at 30,000 people without a
 * GPU). Clicks and taps are resolved the same way; sigma's own pointer handlers that read the picking
 * frame back are removed from its captors.
 *
 * Filters that keep few people (at most FILTER_LAYER_MAX_PEOPLE) are drawn the same way, on a 2D layer
 * with an opaque or translucent veil under the kept people (filter-layer.ts); larger ones hide or dim
 * who is filtered out, and the links of the hidden, as item states restyled in place.
 *
 * On a map of more than `maxPeople` people (35,000 by default), WebGL draws the largest of them and the links
 * between them, and the detail layer (detail-layer.ts) draws the others once few enough are in view; the hit
 * test, names, focus and filter layers read the whole display graph and take the people the detail layer
 * shows. Sigma's node program never draws into its picking frame (MapSigma, below).
 *
 * Cost per look change: hover, selection, highlights and paths O(degree + highlighted + path steps),
 * drawn on the 2D layer only; a filter change O(people) to find who is kept, then O(kept + their links)
 * on the 2D layer, or sigma's in-place restyling of the people whose state changed and of their links;
 * link kinds O(links); link colours O(links); presentation mode O(1) (the names' layer goes blank).
 */
import Sigma from 'sigma';
import { DEFAULT_PRIMITIVES } from 'sigma/primitives';
import { pathLine } from 'sigma/rendering';
import { DEPTHLESS_STYLES } from 'sigma/types';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph';
import { FILTER_LAYER_MAX_PEOPLE, mountFilterLayer } from './filter-layer';
import { mountFocusLayer } from './focus-layer';
import { buildHoverIndex, findHoverHit, type HoverIndex } from './hover-index';
import { mountLabelLayer, type Box } from './label-layer';
import { getFocus } from './look-change';
import { skipParallelIndex, type EdgeGroupIndex } from './parallel-links';
import { drawWithoutInstancing, type SigmaProgram } from './plain-draw';
import { buildDrawnGraph, MAX_DRAWN_PEOPLE, mountDetailLayer, pickDrawnPeople } from './detail-layer';

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

/** The colour of a link's strongest kind of evidence (bitmask over EDGE_KINDS). */
export function getKindColor(kinds: number): string {
  for (let b = 0; b < EDGE_KIND_COLORS.length; b++) if (kinds & (1 << b)) return EDGE_KIND_COLORS[b]!;
  return '#cccccc';
}

export interface MapHandle {
  sigma: Sigma<DisplayNode, DisplayEdge>;
  setLook(look: MapLook): void;
  /** Where people's names must not go (the cluster names' boxes), read at each paint. */
  setLabelObstacles(get: () => readonly Box[]): void;
  /** Animate the camera to frame these node keys. */
  frame(keys: string[]): void;
  /** Whether WebGL draws only some of the people (level of detail, detail-layer.ts). */
  readonly reduced: boolean;
  dispose(): void;
}

export interface MapEvents {
  onHover?(key: string | undefined): void;
  onClick?(key: string | undefined): void;
}

export interface MapOptions {
  /**
   * Most people drawn in WebGL. Default MAX_DRAWN_PEOPLE (35,000). On a bigger map the largest are, and
   * the others are drawn on a 2D layer when the view is close enough that few of them are in it
   * (detail-layer.ts).
   */
  maxPeople?: number;
  /**
   * What WebGL draws, made beforehand by getDrawnGraph(graph, maxPeople) so that its cost can go in a task of
   * its own (0.3 s at 225,000 people); positions and sizes are taken from `graph` here. Made here when absent.
   */
  drawn?: DisplayGraph;
}

/**
 * What WebGL draws of `graph`: all of it, or on a map of more than `maxPeople` people (default
 * MAX_DRAWN_PEOPLE) a copy with the largest of them and the links between them (detail-layer.ts).
 */
export function getDrawnGraph(graph: DisplayGraph, maxPeople = MAX_DRAWN_PEOPLE): DisplayGraph {
  const keep = pickDrawnPeople(graph, maxPeople);
  return keep ? buildDrawnGraph(graph, keep) : graph;
}

const DIM_NODE = '#e4e4e4';
const FOCUS_EDGE = '#7a7a7a';
/** Opacity of the white veil over what is out of focus. */
const VEIL_ALPHA = 0.82;
/** Slack around a person's dot for the pointer, in CSS pixels. */
const HIT_PADDING = 2;

/**
 * A map with more than this many drawn links is "big": its links are hidden while the camera moves and the
 * camera jumps instead of animating. Without a GPU (software WebGL) one frame of 30,000 people and 60,000
 * links costs about a second, so an animation shows one or two frames and holds the page meanwhile. The
 * start sample (35,000 links) stays animated.
 */
export const BIG_MAP_LINKS = 50_000;
const isBigMap = (graph: DisplayGraph) => graph.size > BIG_MAP_LINKS;

/** Item states of our own, beside sigma's (isHidden). */
interface NodeFlags {
  isHidden?: boolean;
  /** Filtered out, shown dimmed. */
  dimmed?: boolean;
}
interface EdgeFlags {
  isHidden?: boolean;
  /** A link of someone the filters hide: hidden with them (in place, without re-processing every link). */
  filteredOut?: boolean;
  /** Coloured by kind of evidence. */
  byKind?: boolean;
}

/** getKindColor for every bitmask over the five kinds, for sigma's categorical colour binding. */
const KIND_COLORS_BY_MASK: Record<string, string> = Object.fromEntries(
  Array.from({ length: 1 << EDGE_KIND_COLORS.length }, (_, k) => [String(k), getKindColor(k)]),
);

/**
 * Sigma gets no names (`label: ''`, hidden): they are drawn on our own layer, and sigma would otherwise lay
 * out a glyph atlas for every person's name and place each in its label grid whenever it processes the
 * people (at construction and at each position update: about 150 ms of the first map's task at 30,000
 * people, with renderLabels off).
 */
const NODE_STYLES = [
  DEPTHLESS_STYLES.nodes,
  { depth: 'nodes', label: '', labelVisibility: 'hidden' },
  { whenState: 'dimmed', then: { color: DIM_NODE } },
];

const EDGE_STYLES = [
  DEPTHLESS_STYLES.edges,
  { depth: 'edges' },
  { whenState: 'filteredOut', then: { visibility: 'hidden' } },
  {
    whenState: 'byKind',
    then: { color: { attribute: 'kinds', dict: KIND_COLORS_BY_MASK, defaultValue: '#cccccc' }, size: 0.6 },
  },
];

type RenderParams = Record<string, unknown>;
interface NodeProgram {
  render(params: RenderParams, offset?: number, count?: number): void;
}

/**
 * Sigma, drawing people once per frame instead of twice. Sigma 4 draws every node a second time into its
 * picking frame (no setting turns that pass off for nodes; links skip it when link events are off), and
 * nothing here reads that frame: hit testing is our own grid, and sigma's handlers that read the frame are
 * removed (below). In Chromium without a GPU that pass was about a fifth of each frame of the 30,000-people
 * map, and a frame is main-thread time there: the compositor reads the WebGL canvas back synchronously
 * (docs/performance.md, One frame at 30k). Sigma (re)creates its node program in `initPrograms`, at
 * construction, before the first frame, and after a lost context; the program it makes is handed render
 * parameters without a picking frame, as sigma does itself for links.
 */
const MapSigma = class extends Sigma<DisplayNode, DisplayEdge> {};
Object.defineProperty(MapSigma.prototype, 'initPrograms', {
  value: function initPrograms(
    this: { nodeProgram?: NodeProgram; edgeProgram?: unknown; edgeGroups?: EdgeGroupIndex },
    ...args: unknown[]
  ) {
    // Sigma calls this in its constructor after making its index of parallel links, before its first refresh.
    skipParallelIndex(this.edgeGroups);
    const base = (Sigma.prototype as unknown as { initPrograms(...a: unknown[]): unknown }).initPrograms;
    const out = base.apply(this, args);
    const program = this.nodeProgram;
    if (program) {
      const render = program.render;
      program.render = (params, offset, count) =>
        render.call(program, { ...params, pickingFrameBuffer: null }, offset, count);
      drawWithoutInstancing(program as unknown as SigmaProgram);
    }
    if (this.edgeProgram) drawWithoutInstancing(this.edgeProgram as SigmaProgram);
    return out;
  },
});

/** Positions and sizes of the people of `to` (a level-of-detail copy) taken from `from`. O(people of `to`). */
function copyPlaces(from: DisplayGraph, to: DisplayGraph): void {
  to.updateEachNodeAttributes(
    (key, a) => {
      const g = from.getNodeAttributes(key);
      a.x = g.x;
      a.y = g.y;
      a.size = g.size;
      return a;
    },
    { attributes: ['x', 'y', 'size'] },
  );
}

export function mountMap(
  container: HTMLElement,
  graph: DisplayGraph,
  events: MapEvents = {},
  options: MapOptions = {},
): MapHandle {
  let look: MapLook = {};
  /** Per node key: hidden (1) or dimmed (2) by the filters, as last set. */
  const filterState = new Map<string, 1 | 2>();
  /** Links hidden because one of their ends is hidden by the filters, as last set. */
  const filteredEdges = new Set<string>();
  /** People hidden by the filters (not dimmed): not hit by the pointer, not drawn in the focus. */
  let hiddenByFilter: ReadonlySet<string> = new Set();
  /** Links hidden by their kinds, as last set. */
  let kindHidden = new Set<string>();

  // What WebGL draws: everyone, or on a big map the largest people and the links between them (level of
  // detail, detail-layer.ts). Everything else here reads `graph`, which has everyone.
  const drawn = options.drawn ?? getDrawnGraph(graph, options.maxPeople);
  // Made before the newest positions and sizes were applied to `graph`, perhaps.
  if (options.drawn && drawn !== graph) copyPlaces(graph, drawn);
  const sigma = new MapSigma(drawn, container, {
    settings: {
      // Sizes in screen pixels (sigma 4 reads them in layout units by default, which makes them
      // depend on how far the layout spread).
      itemSizesReference: 'screen',
      // The map is hidden (display: none) while the table view shows: keep sigma alive meanwhile.
      allowInvalidContainer: true,
      // People's names are drawn on our own 2D layer (label-layer.ts), by importance and without overlap.
      renderLabels: false,
      hideEdgesOnMove: isBigMap(drawn),
      // Our own hit testing answers hover and clicks (see above); people are not drawn into sigma's
      // picking frame (MapSigma), which is still cleared on every render: 1/8 of the size each way.
      pickingDownSizingRatio: 8,
      minEdgeThickness: 0.6,
    },
    primitives: {
      ...DEFAULT_PRIMITIVES,
      // Straight links only. Sigma's default paths add self-loops, drawn with 32 segments: every link
      // then becomes a 66-vertex strip (the longest path sets the strip size for all), 16 times the
      // 4 vertices of a straight one. The map has no self-loops (a person is not their own link), and
      // in software WebGL those vertices were most of a frame's cost (docs/performance.md, One frame).
      edges: { ...DEFAULT_PRIMITIVES.edges, paths: [pathLine()] },
    },
    styles: { nodes: NODE_STYLES, edges: EDGE_STYLES },
  } as never) as unknown as Sigma<DisplayNode, DisplayEdge>;

  // Positions and sizes change on the whole graph (the layout, the scores): WebGL's copy follows, and its
  // frame keeps the whole map's extent, so both canvases place everyone alike.
  const syncDrawn = () => {
    if (drawn === graph) return;
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    graph.forEachNode((_k, a) => {
      x0 = Math.min(x0, a.x);
      x1 = Math.max(x1, a.x);
      y0 = Math.min(y0, a.y);
      y1 = Math.max(y1, a.y);
    });
    copyPlaces(graph, drawn);
    if (x0 <= x1 && y0 <= y1) sigma.setCustomBBox({ x: [x0, x1], y: [y0, y1] });
    detailLayer?.invalidate();
  };
  if (drawn !== graph) graph.on('eachNodeAttributesUpdated', syncDrawn);
  // The 2D layer draws at most a fifth of what WebGL does (7,000 people by default): cheap enough per paint.
  const maxPeople = options.maxPeople ?? MAX_DRAWN_PEOPLE;
  const detailLayer =
    drawn === graph
      ? undefined
      : mountDetailLayer(sigma, graph, drawn, () => onDetailChange(), { maxShown: Math.floor(maxPeople / 5) });
  // How many people WebGL draws (all of them but on a big map), for tests.
  container.dataset.drawn = String(drawn.order);
  container.dataset.detail = '0';
  /** Whether this person is on the map now: drawn in WebGL, or on the detail layer. */
  const isShown = (key: string) => drawn === graph || drawn.hasNode(key) || Boolean(detailLayer?.shown.has(key));
  const labelLayer = mountLabelLayer(sigma, graph, { isShown });
  const filterLayer = mountFilterLayer(sigma, graph);
  const focusLayer = mountFocusLayer(sigma, graph, { veilAlpha: VEIL_ALPHA, edgeColor: FOCUS_EDGE });
  /** Whether some item state changed since the last WebGL render (else a look change draws nothing there). */
  let dirty = false;

  const setNodes = (all: string[], state: NodeFlags) => {
    const keys = drawn === graph ? all : all.filter((k) => drawn.hasNode(k));
    if (!keys.length) return;
    (sigma.setNodesState as (k: string[], s: NodeFlags) => unknown).call(sigma, keys, state);
    dirty = true;
  };
  const setEdges = (all: string[], state: EdgeFlags) => {
    const keys = drawn === graph ? all : all.filter((k) => drawn.hasEdge(k));
    if (!keys.length) return;
    (sigma.setEdgesState as (k: string[], s: EdgeFlags) => unknown).call(sigma, keys, state);
    dirty = true;
  };
  /** Set `state` on what entered `next` and its opposite on what left `prev`. */
  const diffSet = (
    prev: ReadonlySet<string>,
    next: ReadonlySet<string>,
    set: (keys: string[], on: boolean) => void,
  ) => {
    set(
      [...prev].filter((k) => !next.has(k)),
      false,
    );
    set(
      [...next].filter((k) => !prev.has(k)),
      true,
    );
  };

  /**
   * Filters: hide or dim who is filtered out, and hide the links of the hidden, all as item states
   * restyled in place. Hiding people alone made sigma re-process every link (so those of hidden people
   * are not drawn), about 0.5 s at 30,000 people and 60,000 links on top of the restyling; hiding their
   * links too costs O(links of the people whose state changed) instead.
   */
  const applyFilterItemStates = (out: ReadonlySet<string> | undefined, dimFiltered: boolean) => {
    const hide: string[] = [];
    const show: string[] = [];
    const dim: string[] = [];
    const undim: string[] = [];
    graph.forEachNode((key) => {
      const was = filterState.get(key);
      const now = out?.has(key) ? (dimFiltered ? 2 : 1) : undefined;
      if (was === now) return;
      if (was === 1) show.push(key);
      if (was === 2) undim.push(key);
      if (now === 1) hide.push(key);
      if (now === 2) dim.push(key);
      if (now === undefined) filterState.delete(key);
      else filterState.set(key, now);
    });
    const edgesOn: string[] = [];
    const edgesOff: string[] = [];
    for (const key of hide.concat(show))
      graph.forEachEdge(key, (e, _a, s, t) => {
        const hidden = filterState.get(s) === 1 || filterState.get(t) === 1;
        if (hidden === filteredEdges.has(e)) return;
        if (hidden) {
          filteredEdges.add(e);
          edgesOn.push(e);
        } else {
          filteredEdges.delete(e);
          edgesOff.push(e);
        }
      });
    setNodes(hide, { isHidden: true });
    setNodes(show, { isHidden: false });
    setNodes(dim, { dimmed: true });
    setNodes(undim, { dimmed: false });
    setEdges(edgesOn, { filteredOut: true });
    setEdges(edgesOff, { filteredOut: false });
  };

  /**
   * A filter that keeps few people (FILTER_LAYER_MAX_PEOPLE) is drawn on the 2D filter layer, over an
   * untouched WebGL map: O(kept + their links) to draw, where item states restyle everyone filtered out
   * and their links. Larger ones fall back to item states.
   */
  const applyFilters = (next: MapLook) => {
    const out = next.filteredOut;
    const active = out !== undefined && out.size > 0;
    const kept: string[] = [];
    if (active)
      graph.forEachNode((key) => {
        if (!out.has(key)) kept.push(key);
      });
    const onLayer = active && kept.length <= FILTER_LAYER_MAX_PEOPLE;
    applyFilterItemStates(onLayer ? undefined : out, Boolean(next.dimFiltered));
    if (onLayer) {
      const keptSet = new Set(kept);
      const edges: string[] = [];
      for (const key of kept)
        graph.forEachEdge(key, (e, _a, s, t) => {
          if (s === key && keptSet.has(t) && !kindHidden.has(e)) edges.push(e);
        });
      filterLayer.draw({ nodes: kept, edges, alpha: next.dimFiltered ? VEIL_ALPHA : 1, hideNames: next.hideNames });
    } else filterLayer.draw(undefined);
    const nextHidden = active && !next.dimFiltered ? out : new Set<string>();
    if (nextHidden.size || hiddenByFilter.size) invalidateIndex();
    hiddenByFilter = nextHidden;
  };

  const applyKindStates = (mask: number | undefined): boolean => {
    const next = new Set<string>();
    if (mask !== undefined)
      graph.forEachEdge((e, a) => {
        if (a.kinds && !(a.kinds & mask)) next.add(e);
      });
    const changed = next.size !== kindHidden.size || [...next].some((k) => !kindHidden.has(k));
    diffSet(kindHidden, next, (keys, on) => setEdges(keys, { isHidden: on }));
    kindHidden = next;
    return changed;
  };

  // Hit testing from our own grid over the people's graph positions (they do not move with the camera),
  // rebuilt lazily after positions change or a filter hides people. Read from the graph, not sigma's
  // display data (getNodeDisplayData copies an object per call: 30,000 copies per rebuild).
  let hoverIndex: HoverIndex | undefined;
  const invalidateIndex = () => (hoverIndex = undefined);
  /** The detail layer drew other people: the pointer finds those now. */
  const onDetailChange = () => {
    invalidateIndex();
    // How many people the detail layer draws, for tests.
    container.dataset.detail = String(detailLayer?.shown.size ?? 0);
  };
  (sigma as unknown as { on(event: 'afterProcess', f: () => void): void }).on('afterProcess', invalidateIndex);
  graph.on('eachNodeAttributesUpdated', invalidateIndex);
  graph.on('nodeAttributesUpdated', invalidateIndex);
  const getIndex = (): HoverIndex => {
    if (hoverIndex) return hoverIndex;
    const keys: string[] = [];
    const x: number[] = [];
    const y: number[] = [];
    const size: number[] = [];
    graph.forEachNode((key, a) => {
      if (hiddenByFilter.has(key) || !isShown(key)) return;
      keys.push(key);
      x.push(a.x);
      y.push(a.y);
      size.push(a.size);
    });
    return (hoverIndex = buildHoverIndex({ keys, x, y, size }));
  };
  /** The person drawn at this viewport position (CSS pixels from the map's top left), if any. */
  const getNodeAt = (x: number, y: number): string | undefined => {
    const p = sigma.viewportToGraph({ x, y });
    const q = sigma.viewportToGraph({ x: x + 1, y });
    const unitsPerPixel = Math.hypot(q.x - p.x, q.y - p.y);
    if (!(unitsPerPixel > 0)) return undefined;
    return findHoverHit(getIndex(), p.x, p.y, {
      unitsPerSize: sigma.scaleSize(1) * unitsPerPixel,
      padding: HIT_PADDING * unitsPerPixel,
    });
  };

  let hovered: string | undefined;
  const hoverAt = (key: string | undefined) => {
    if (key === hovered) return;
    hovered = key;
    sigma.getMouseLayer().style.cursor = key === undefined ? '' : 'pointer';
    events.onHover?.(key);
  };
  // Sigma's own handlers for these read the picking frame back (synchronously for clicks, downs and
  // ups; hover waits for a fence on the next frames) and restyle the hovered node in WebGL: removed.
  // Its captors keep panning, wheel and double-click zoom, and pinch, which they do by themselves.
  const mouse = sigma.getMouseCaptor();
  const touch = sigma.getTouchCaptor();
  for (const name of ['mousemove', 'mousedown', 'mouseup', 'click', 'doubleClick', 'rightClick', 'wheel'] as const)
    mouse.removeAllListeners(name);
  for (const name of ['touchdown', 'touchup', 'touchmove', 'tap', 'doubletap'] as const) touch.removeAllListeners(name);
  mouse.on('mousemove', (e: { x: number; y: number }) => hoverAt(getNodeAt(e.x, e.y)));
  mouse.on('mouseleave', () => hoverAt(undefined));
  mouse.on('click', (e: { x: number; y: number }) => events.onClick?.(getNodeAt(e.x, e.y)));
  touch.on('tap', (e: { touches: { x: number; y: number }[]; previousTouches: { x: number; y: number }[] }) => {
    const t = e.touches[0] ?? e.previousTouches[0];
    if (t) events.onClick?.(getNodeAt(t.x, t.y));
  });

  // The camera in data-camera (x, y, ratio), read by tests: zoom, pan and framing are checked from it.
  const camera = sigma.getCamera();
  const showCamera = () => {
    const c = camera.getState();
    container.dataset.camera = `${c.x.toFixed(5)},${c.y.toFixed(5)},${c.ratio.toFixed(5)}`;
  };
  camera.on('updated', showCamera);
  showCamera();

  const frame = (keys: string[]) => {
    // In the camera's (framed) coordinates, from the graph: people left out of WebGL have no display data.
    const pts = keys
      .filter((k) => graph.hasNode(k))
      .map((k) => sigma.viewportToFramedGraph(sigma.graphToViewport(graph.getNodeAttributes(k))));
    if (!pts.length) return;
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of pts) {
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y);
      y1 = Math.max(y1, p.y);
    }
    const ratio = Math.max(0.05, Math.min(1.2, Math.max(x1 - x0, y1 - y0) * 1.4));
    const target = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio };
    // A big map jumps: each frame of an animation would cost about a second without a GPU.
    if (isBigMap(graph)) sigma.getCamera().setState(target);
    else void sigma.getCamera().animate(target, { duration: 400 });
  };

  return {
    sigma,
    setLook(next) {
      const prev = look;
      look = next;
      let visibility = false;
      if (next.edgeKindMask !== prev.edgeKindMask) visibility = applyKindStates(next.edgeKindMask) || visibility;
      if (
        next.filteredOut !== prev.filteredOut ||
        Boolean(next.dimFiltered) !== Boolean(prev.dimFiltered) ||
        next.edgeKindMask !== prev.edgeKindMask ||
        Boolean(next.hideNames) !== Boolean(prev.hideNames)
      )
        applyFilters(next);
      if (Boolean(next.colorByKind) !== Boolean(prev.colorByKind))
        setEdges(graph.edges(), { byKind: Boolean(next.colorByKind) });

      if (visibility) invalidateIndex();

      if (dirty) {
        dirty = false;
        // Draw now: the state changes are applied first (in-place restyling of the changed items).
        sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
        // Link kinds shown or hidden: sigma re-processes the links.
        if (visibility) sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: false });
      }
      // The focus, highlights and paths on the 2D layer: moving the pointer, selecting, searching or asking
      // draws nothing in WebGL. People hidden by the filters are left out.
      const shown = next.highlighted && new Set([...next.highlighted].filter((k) => !hiddenByFilter.has(k)));
      const center = [next.hovered, next.selected].find((k) => k !== undefined && !hiddenByFilter.has(k));
      const drawn = getFocus(graph, {
        ...(shown ? { highlighted: shown } : {}),
        ...(center === undefined ? {} : { selected: center }),
      });
      // Links of the kinds switched off stay off in the focus too.
      const edges = new Set([...drawn.edges].filter((e) => !kindHidden.has(e)));
      focusLayer.draw({
        focus: { ...drawn, edges },
        paths: next.paths ?? [],
        labelled: next.labelled,
        hidden: hiddenByFilter,
        hideNames: next.hideNames,
      });
      if (next.filteredOut !== prev.filteredOut || Boolean(next.hideNames) !== Boolean(prev.hideNames))
        labelLayer.draw({ hidden: next.filteredOut ?? new Set(), off: Boolean(next.hideNames) });
      if (
        detailLayer &&
        (next.filteredOut !== prev.filteredOut ||
          Boolean(next.dimFiltered) !== Boolean(prev.dimFiltered) ||
          next.edgeKindMask !== prev.edgeKindMask)
      )
        detailLayer.draw({
          hidden: hiddenByFilter,
          dimmed: next.dimFiltered ? (next.filteredOut ?? new Set()) : new Set(),
          dimColor: DIM_NODE,
          hiddenLinks: kindHidden,
        });
    },
    setLabelObstacles: (get) => labelLayer.draw({ obstacles: get }),
    frame,
    reduced: drawn !== graph,
    dispose() {
      camera.off('updated', showCamera);
      graph.off('eachNodeAttributesUpdated', invalidateIndex);
      graph.off('nodeAttributesUpdated', invalidateIndex);
      focusLayer.dispose();
      filterLayer.dispose();
      labelLayer.dispose();
      detailLayer?.dispose();
      graph.off('eachNodeAttributesUpdated', syncDrawn);
      sigma.kill();
    },
  };
}
