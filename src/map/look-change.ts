/**
 * The map's focus: the people and links a hover, a selection or highlighted results bring forward,
 * drawn on the 2D focus layer (focus-layer.ts) over a veil that dims the rest. Only these change when
 * the pointer moves, so a hover draws O(degree + highlighted) items, not O(people + links).
 *
 * Pure over a graphology graph (no DOM); tested in test/map/look-change.test.ts.
 */
import type Graph from 'graphology';

/** The parts of the map's look that decide the focus (see MapLook in mount-map.ts). */
export interface FocusLook {
  hovered?: string;
  selected?: string;
  highlighted?: ReadonlySet<string>;
}

export interface Focus {
  /** The hovered person, else the selected one, when on the map. */
  center?: string;
  /** The centre, its neighbours and the highlighted people: drawn over the veil. */
  nodes: ReadonlySet<string>;
  /** The centre's links: drawn over the veil. */
  edges: ReadonlySet<string>;
}

/** The people and links in focus for a look. O(degree of the centre + highlighted). */
export function getFocus(graph: Graph, look: FocusLook): Focus {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const key = look.hovered ?? look.selected;
  const center = key !== undefined && graph.hasNode(key) ? key : undefined;
  if (center !== undefined) {
    nodes.add(center);
    graph.forEachEdge(center, (e, _a, s, t) => {
      edges.add(e);
      nodes.add(s === center ? t : s);
    });
  }
  if (look.highlighted) for (const k of look.highlighted) if (graph.hasNode(k)) nodes.add(k);
  return center === undefined ? { nodes, edges } : { center, nodes, edges };
}

/** True when the look dims everything outside the focus. */
export const isFocusActive = (focus: Focus): boolean => focus.nodes.size > 0;
