/**
 * The sigma map. Data stays in the display graph; everything that only changes how it looks (hover,
 * selection, highlighted results, filters, presentation mode) is sigma 4 item state (setNodesState /
 * setEdgesState) read by the style rules below, and set only on the items whose state changes.
 *
 * Why states and not reducers: sigma runs reducers on every node and link whenever its graph state
 * changes (a hover starting or ending, a pan starting or ending), because a reducer may read it. At
 * 30,000 people and 300,000 links that made every hover a full pass over the map. With `whenState`
 * rules sigma re-styles only the items whose state changed. The rest of the map is dimmed by one
 * translucent layer (veil.ts) between the ordinary depth layers and the top ones, where the people
 * and links in focus are lifted (look-change.ts), so a hover costs O(degree), not O(people + links).
 *
 * Cost per look change: hover, selection and highlights O(degree + highlighted); a filter change
 * O(people) to find what changed, plus sigma's O(people + links) re-processing when visibility
 * changed; link kinds O(links); presentation mode and link colours O(people) / O(links).
 */
import Sigma from 'sigma';
import { DEFAULT_PRIMITIVES } from 'sigma/primitives';
import { DEPTHLESS_STYLES } from 'sigma/types';
import type { DisplayEdge, DisplayGraph, DisplayNode } from './display-graph';
import { getFocus, isFocusActive, type Focus } from './look-change';
import { createVeilProgram, MAP_DEPTH_LAYERS, VEIL_DEPTH } from './veil';

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
  /** Animate the camera to frame these node keys. */
  frame(keys: string[]): void;
  dispose(): void;
}

export interface MapEvents {
  onHover?(key: string | undefined): void;
  onClick?(key: string | undefined): void;
}

const DIM_NODE = '#e4e4e4';
const PATH_COLOR = '#1b3a8a';
const FOCUS_EDGE = '#7a7a7a';
/** Opacity of the white veil over what is out of focus. */
const VEIL_ALPHA = 0.82;

/** Item states of our own, beside sigma's (isHidden, isHighlighted, isHovered). */
interface NodeFlags {
  isHidden?: boolean;
  isHighlighted?: boolean;
  /** Filtered out, shown dimmed. */
  dimmed?: boolean;
  /** Label always drawn (the centre, the best results). */
  showLabel?: boolean;
  /** Presentation mode: no name. */
  noName?: boolean;
}
interface EdgeFlags {
  isHidden?: boolean;
  isHighlighted?: boolean;
  /** On an ask's path. */
  onPath?: boolean;
  /** Coloured by kind of evidence. */
  byKind?: boolean;
}

/** getKindColor for every bitmask over the five kinds, for sigma's categorical colour binding. */
const KIND_COLORS_BY_MASK: Record<string, string> = Object.fromEntries(
  Array.from({ length: 1 << EDGE_KIND_COLORS.length }, (_, k) => [String(k), getKindColor(k)]),
);

const NODE_STYLES = [
  DEPTHLESS_STYLES.nodes,
  { depth: 'nodes' },
  { whenState: 'isHighlighted', then: { depth: 'topNodes' } },
  { whenState: 'isHovered', then: { depth: 'topNodes' } },
  { whenState: 'dimmed', then: { color: DIM_NODE, labelVisibility: 'hidden' } },
  { whenState: 'showLabel', then: { labelVisibility: 'visible' } },
  { whenState: 'noName', then: { label: '', labelVisibility: 'hidden', backdropVisibility: 'hidden' } },
];

const EDGE_STYLES = [
  DEPTHLESS_STYLES.edges,
  { depth: 'edges' },
  {
    whenState: 'byKind',
    then: { color: { attribute: 'kinds', dict: KIND_COLORS_BY_MASK, defaultValue: '#cccccc' }, size: 0.6 },
  },
  { whenState: 'isHighlighted', then: { color: FOCUS_EDGE, size: 1.2, depth: 'topEdges' } },
  { whenData: 'path', then: { depth: 'topEdges' } },
  { whenState: 'onPath', then: { color: PATH_COLOR, size: 2.2, depth: 'topEdges', visibility: 'visible' } },
];

export function mountMap(container: HTMLElement, graph: DisplayGraph, events: MapEvents = {}): MapHandle {
  let look: MapLook = {};
  let focus: Focus = { nodes: new Set(), edges: new Set() };
  let pathEdges = new Set<string>();
  let labelled = new Set<string>();
  /** Per node key: hidden (1) or dimmed (2) by the filters, as last set. */
  const filterState = new Map<string, 1 | 2>();
  /** Links hidden by their kinds, as last set. */
  let kindHidden = new Set<string>();

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
    },
    primitives: { ...DEFAULT_PRIMITIVES, depthLayers: [...MAP_DEPTH_LAYERS] },
    styles: { nodes: NODE_STYLES, edges: EDGE_STYLES },
  } as never) as unknown as Sigma<DisplayNode, DisplayEdge>;

  let veil = false;
  (
    sigma as unknown as {
      addCustomLayerProgram(id: string, depth: string, f: (gl: WebGL2RenderingContext) => unknown): void;
    }
  ).addCustomLayerProgram('veil', VEIL_DEPTH, (gl) => createVeilProgram(gl, () => (veil ? VEIL_ALPHA : 0)));

  const setNodes = (keys: string[], state: NodeFlags) => {
    if (keys.length) (sigma.setNodesState as (k: string[], s: NodeFlags) => unknown).call(sigma, keys, state);
  };
  const setEdges = (keys: string[], state: EdgeFlags) => {
    if (keys.length) (sigma.setEdgesState as (k: string[], s: EdgeFlags) => unknown).call(sigma, keys, state);
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

  // Path links that the display graph lacks (an owner's spokes are not drawn) are added while shown.
  const setPaths = (paths: readonly (readonly string[])[]) => {
    graph.forEachEdge((e, a) => {
      if (a.path) graph.dropEdge(e);
    });
    const next = new Set<string>();
    for (const p of paths)
      for (let i = 1; i < p.length; i++) {
        const [a, b] = [p[i - 1]!, p[i]!];
        if (!graph.hasNode(a) || !graph.hasNode(b) || a === b) continue;
        const key =
          graph.edge(a, b) ?? graph.addEdge(a, b, { size: 2, color: PATH_COLOR, kinds: 0, weight: 0, path: true });
        next.add(key);
      }
    diffSet(new Set([...pathEdges].filter((k) => graph.hasEdge(k))), next, (keys, on) =>
      setEdges(keys, { onPath: on }),
    );
    pathEdges = next;
  };

  /** Filters: hide or dim who is filtered out. True when some visibility changed. */
  const applyFilterStates = (next: MapLook): boolean => {
    const hide: string[] = [];
    const show: string[] = [];
    const dim: string[] = [];
    const undim: string[] = [];
    const out = next.filteredOut;
    graph.forEachNode((key) => {
      const was = filterState.get(key);
      const now = out?.has(key) ? (next.dimFiltered ? 2 : 1) : undefined;
      if (was === now) return;
      if (was === 1) show.push(key);
      if (was === 2) undim.push(key);
      if (now === 1) hide.push(key);
      if (now === 2) dim.push(key);
      if (now === undefined) filterState.delete(key);
      else filterState.set(key, now);
    });
    setNodes(hide, { isHidden: true });
    setNodes(show, { isHidden: false });
    setNodes(dim, { dimmed: true });
    setNodes(undim, { dimmed: false });
    return hide.length + show.length > 0;
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

  sigma.on('enterNode', ({ node }) => events.onHover?.(node));
  sigma.on('leaveNode', () => events.onHover?.(undefined));
  sigma.on('clickNode', ({ node }) => events.onClick?.(node));
  sigma.on('clickStage', () => events.onClick?.(undefined));

  const frame = (keys: string[]) => {
    const pts = keys.map((k) => sigma.getNodeDisplayData(k)).filter((d): d is NonNullable<typeof d> => Boolean(d));
    if (!pts.length) return;
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const p of pts) {
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y);
      y1 = Math.max(y1, p.y);
    }
    const ratio = Math.max(0.05, Math.min(1.2, Math.max(x1 - x0, y1 - y0) * 1.4));
    void sigma.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 400 });
  };

  return {
    sigma,
    setLook(next) {
      const prev = look;
      look = next;
      let visibility = false;
      if ((next.paths ?? []) !== (prev.paths ?? [])) setPaths(next.paths ?? []);
      if (next.filteredOut !== prev.filteredOut || Boolean(next.dimFiltered) !== Boolean(prev.dimFiltered))
        visibility = applyFilterStates(next) || visibility;
      if (next.edgeKindMask !== prev.edgeKindMask) visibility = applyKindStates(next.edgeKindMask) || visibility;
      if (Boolean(next.colorByKind) !== Boolean(prev.colorByKind))
        setEdges(graph.edges(), { byKind: Boolean(next.colorByKind) });
      if (Boolean(next.hideNames) !== Boolean(prev.hideNames))
        setNodes(graph.nodes(), { noName: Boolean(next.hideNames) });

      const nextFocus = getFocus(graph, next);
      diffSet(focus.nodes, nextFocus.nodes, (keys, on) => setNodes(keys, { isHighlighted: on }));
      diffSet(focus.edges, nextFocus.edges, (keys, on) => setEdges(keys, { isHighlighted: on }));
      focus = nextFocus;
      const nextLabelled = new Set(next.labelled ?? []);
      for (const k of [next.selected, next.hovered]) if (k !== undefined && graph.hasNode(k)) nextLabelled.add(k);
      diffSet(labelled, nextLabelled, (keys, on) => setNodes(keys, { showLabel: on }));
      labelled = nextLabelled;
      veil = isFocusActive(nextFocus);

      // Draw now: the state changes are applied first (in-place restyling of the changed items).
      sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
      // A node shown or hidden: sigma re-processes the links so those of hidden people are not drawn.
      if (visibility) sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: false });
    },
    frame,
    dispose() {
      sigma.kill();
    },
  };
}
