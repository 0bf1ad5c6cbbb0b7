/**
 * The map panel: rebuilds the display graph when the network or the size measure changes, moves
 * people as the layout worker refines positions, and feeds hover, selection, highlights, filters and
 * presentation mode to sigma's reducers. The table view is its list equivalent.
 */
import { mountClusterLabels, type ClusterLabelsHandle } from '../map/cluster-labels';
import { buildDisplayGraphSteps, getScoreSizes, runSteps, type DisplayGraph } from '../map/display-graph';
import { getDrawnGraph, mountMap, type MapHandle } from '../map/mount-map';
import { applyFilters, getEdgeKindMask, isEmptyFilters, toFilteredOutKeys } from './filters';
import { getClusterLabel, isSameNetwork, type AppState } from './state';
import type { ViewDeps } from './views';
import type { NetworkView } from '../worker/protocol';

/** The camera's state (sigma's `CameraState`), kept across a rebuild of the same network. */
type CameraState = ReturnType<ReturnType<MapHandle['sigma']['getCamera']>['getState']>;

export interface MapView {
  frame(indices: number[]): void;
  /** The sigma instance and display graph on screen, for image exports. */
  current(): { map: MapHandle; graph: DisplayGraph; filteredOut: Set<string> } | undefined;
  dispose(): void;
}

/**
 * Most people drawn in WebGL, from the page address's `maxPeople` (`?maxPeople=20000`), else undefined (the
 * map's default, 35,000). A machine without a GPU may want fewer; tests use it to see the level of detail on a
 * small network. Only whole numbers of at least 100 count.
 */
export function getMaxPeople(search: string): number | undefined {
  const v = Number(new URLSearchParams(search).get('maxPeople'));
  return Number.isInteger(v) && v >= 100 ? v : undefined;
}

export function mountMapView(el: HTMLElement, deps: ViewDeps): MapView {
  const maxPeople = typeof location === 'undefined' ? undefined : getMaxPeople(location.search);
  let map: MapHandle | undefined;
  let graph: DisplayGraph | undefined;
  let labels: ClusterLabelsHandle | undefined;
  let filteredOut = new Set<string>();
  const toKey = (i: number | undefined) => (i === undefined ? undefined : String(i));

  const clusterLabels = (s: AppState) => (s.view?.clusters ?? []).map((_, i) => getClusterLabel(s, i));

  let lastPaths: number[][] | undefined;
  let lastPathKeys: string[][] = [];
  const pathsOf = (paths: number[][]) => {
    if (paths !== lastPaths) {
      lastPaths = paths;
      lastPathKeys = paths.map((p) => p.map(String));
    }
    return lastPathKeys;
  };

  // Derived sets are rebuilt only when what they come from changes (a hover must not refilter 30,000
  // people, nor re-place the cluster names): the map compares them by identity.
  let filteredFor: { view?: AppState['view']; filters?: AppState['choices']['filters'] } = {};
  let highlightFor: number[] | undefined;
  let highlighted = new Set<string>();
  let labelled = new Set<string>();
  let labelsShown: string[] = [];
  let labelsHidden: Set<string> | undefined;

  const look = () => {
    const s = deps.store.get();
    const { choices } = s;
    if (!s.view || !map) return;
    if (filteredFor.view !== s.view || filteredFor.filters !== choices.filters) {
      filteredFor = { view: s.view, filters: choices.filters };
      filteredOut = isEmptyFilters(choices.filters)
        ? new Set()
        : toFilteredOutKeys(applyFilters(s.view, choices.filters));
    }
    if (highlightFor !== choices.highlighted) {
      highlightFor = choices.highlighted;
      highlighted = new Set(choices.highlighted.map(String));
      labelled = new Set(choices.highlighted.slice(0, 8).map(String));
    }
    const hovered = toKey(choices.hovered);
    const selected = toKey(choices.selected);
    map.setLook({
      ...(hovered ? { hovered } : {}),
      ...(selected ? { selected } : {}),
      highlighted,
      labelled,
      paths: pathsOf(choices.paths),
      filteredOut,
      edgeKindMask: getEdgeKindMask(choices.filters),
      hideNames: choices.presentation,
      colorByKind: choices.colorLinks,
    });
    const names = clusterLabels(s);
    if (
      labelsHidden !== filteredOut ||
      names.length !== labelsShown.length ||
      names.some((n, i) => n !== labelsShown[i])
    ) {
      labelsHidden = filteredOut;
      labelsShown = names;
      labels?.update({ hidden: filteredOut, labels: names });
    }
    el.dataset.visible = String(graph ? graph.order - filteredOut.size : 0);
    // Read by tests and the browser benchmark (test/bench/browser.ts): who the map shows hovered and selected.
    el.dataset.hovered = hovered ?? '';
    el.dataset.selected = selected ?? '';
  };

  /**
   * A new map in many tasks, not one: the view's people come in parts (worker/protocol.ts, `people`), the
   * display graph is built in tasks of about 30 ms (runSteps), then sigma indexes the drawn people and draws
   * its first frame in one more. In one task they were seconds at 225,000 people and the load's longest
   * (docs/performance.md, Sessions 6 and 7). Until the map is mounted, positions and sizes wait in the store
   * (the build reads the newest), and a camera move asked for meanwhile is made on the new map.
   */
  let builds = 0;
  let pendingFrame: number[] | undefined;
  /**
   * `rescored`: only the scores changed (the final ones, on a map whose WebGL draws only the largest people): the
   * display graph serves again with the new sizes, and the camera stays where it was.
   */
  const rebuild = (rescored = false) => {
    const camera = rescored ? map?.sigma.getCamera().getState() : undefined;
    const kept = rescored ? graph : undefined;
    labels?.dispose();
    map?.dispose();
    map = undefined;
    labels = undefined;
    graph = undefined;
    pendingSizes = undefined;
    el.dataset.ready = 'false';
    const ticket = ++builds;
    if (!deps.store.get().view) return;
    const current = () => ticket === builds;
    setTimeout(() => {
      const s = deps.store.get();
      if (!current() || !s.view) return;
      const from = s.view;
      if (kept) {
        setScoreSizes(kept, from);
        setTimeout(() => current() && drawAndMount(kept, from, camera));
        return;
      }
      // In tasks of about 30 ms (one of about 1.5 s at 225,000 people).
      void runSteps(buildDisplayGraphSteps(from, { sizeBy: s.choices.sizeBy }), current).then((built) => {
        if (built && current()) setTimeout(() => current() && drawAndMount(built, from, camera));
      });
    });
    /** What WebGL draws (on a big map, the largest people), in a task of its own; then sigma in another. */
    const drawAndMount = (built: DisplayGraph, from: NetworkView, camera?: CameraState) => {
      // Scores that came while it was built (of the same network: another one would have made a new build), and
      // the layout's positions: who is drawn depends on both (the largest, and the people at the edges).
      const s = deps.store.get();
      if (s.view && s.view !== from && s.choices.sizeBy === 'score') setScoreSizes(built, s.view);
      const placed = s.layout.positions;
      if (placed) setPositions(built, placed);
      const drawn = getDrawnGraph(built, maxPeople);
      setTimeout(() => current() && mount(built, camera, { drawn, placed }));
    };
  };

  const setPositions = (target: DisplayGraph, positions: Float32Array) =>
    target.updateEachNodeAttributes(
      (_key, a) => {
        a.x = positions[2 * a.index] ?? a.x;
        a.y = positions[2 * a.index + 1] ?? a.y;
        return a;
      },
      { attributes: ['x', 'y'] },
    );

  const setScoreSizes = (target: DisplayGraph, from: NetworkView) => {
    const sizes = getScoreSizes(from);
    target.updateEachNodeAttributes(
      (_key, a) => {
        a.size = sizes[a.index] ?? a.size;
        return a;
      },
      { attributes: ['size'] },
    );
  };

  /** `prepared`: what WebGL draws, picked with the positions `placed` (already on `built`). */
  const mount = (
    built: DisplayGraph,
    camera?: CameraState,
    prepared?: { drawn: DisplayGraph; placed: Float32Array | undefined },
  ) => {
    const s = deps.store.get();
    graph = built;
    if (s.layout.positions && s.layout.positions !== prepared?.placed) applyPositions(s.layout.positions);
    // Newer positions came meanwhile: the people at the map's edges may have changed, so mountMap picks anew.
    const drawn = prepared && s.layout.positions === prepared.placed ? prepared.drawn : undefined;
    map = mountMap(
      el,
      graph,
      {
        onHover: (key) => deps.actions.hover(key === undefined ? undefined : Number(key)),
        onClick: (key) => deps.actions.select(key === undefined ? undefined : Number(key)),
      },
      { ...(maxPeople === undefined ? {} : { maxPeople }), ...(drawn ? { drawn } : {}) },
    );
    // Only if it moved: setting it draws the map once more.
    const now = map.sigma.getCamera().getState();
    if (
      camera &&
      (camera.x !== now.x || camera.y !== now.y || camera.ratio !== now.ratio || camera.angle !== now.angle)
    )
      map.sigma.getCamera().setState(camera);
    labelsShown = clusterLabels(s);
    labelsHidden = undefined;
    labels = mountClusterLabels(map.sigma as never, graph, { labels: labelsShown });
    el.dataset.nodes = String(graph.order);
    el.dataset.edges = String(graph.size);
    // Sigma drew the map in its constructor (a synchronous render): it is on screen with the next frame.
    // (Registering a custom WebGL layer used to schedule a second full render of each new map.)
    const shown = map;
    requestAnimationFrame(() => {
      if (map !== shown) return;
      el.dataset.ready = 'true';
      // A task queued from that frame runs once it is on screen: then the worker may start ranking.
      setTimeout(() => deps.actions.mapDrawn());
    });
    look();
    // After look(): in presentation mode the names' layer is off before it first paints.
    const placed = labels;
    map.setLabelObstacles(() => placed.boxes());
    if (pendingFrame) {
      const indices = pendingFrame;
      pendingFrame = undefined;
      view.frame(indices);
    }
  };

  /**
   * Sizes by score that came while the layout runs: drawn with its next positions, in the same redraw. A
   * redraw of a big map costs about a second where WebGL is drawn in software, and big maps get their
   * positions once, when the layout stops (analysis.worker.ts), so the scores do not get a redraw of their own.
   */
  let pendingSizes: Float32Array | undefined;
  const applyPositions = (positions: Float32Array | undefined) => {
    const sizes = pendingSizes;
    pendingSizes = undefined;
    if (!positions && !sizes) return;
    graph?.updateEachNodeAttributes(
      (_key, attrs) => {
        if (positions) {
          attrs.x = positions[2 * attrs.index] ?? attrs.x;
          attrs.y = positions[2 * attrs.index + 1] ?? attrs.y;
        }
        if (sizes) attrs.size = sizes[attrs.index] ?? attrs.size;
        return attrs;
      },
      { attributes: [...(positions ? (['x', 'y'] as const) : []), ...(sizes ? (['size'] as const) : [])] },
    );
  };

  let frames = 0;
  rebuild();
  const unsubscribe = deps.store.subscribe((s, prev) => {
    const rescored =
      s.view !== prev.view && isSameNetwork(s.view, prev.view) && s.choices.sizeBy === prev.choices.sizeBy;
    if (rescored) {
      // Only the scores came in (after bridging): resize in place, keeping the camera and the layout; while
      // the layout runs, with its next positions.
      let rebuilding = false;
      if (s.view && s.choices.sizeBy === 'score' && graph) {
        // On a map whose WebGL draws only the largest people (level of detail), the final scores change who
        // they are: built again (once; not for the first estimate), where the camera was.
        if (map?.reduced && !s.view.estimate) {
          rebuild(true);
          rebuilding = true;
        } else {
          pendingSizes = getScoreSizes(s.view);
          if (!s.layout.running) applyPositions(undefined);
        }
      }
      // The worker starts the Ask index and the layout once the page has shown the final scores
      // (analysis.worker.ts): at once, or once the map built again for them is drawn (mount says so).
      if (s.view && !s.view.estimate && !rebuilding) setTimeout(() => deps.actions.mapDrawn());
    } else if (s.view !== prev.view || s.choices.sizeBy !== prev.choices.sizeBy) rebuild();
    else {
      if (s.layout.positions && s.layout.positions !== prev.layout.positions) {
        applyPositions(s.layout.positions);
        labels?.update({ hidden: filteredOut });
      } else if (pendingSizes && !s.layout.running) applyPositions(undefined);
      if (s.choices.mainView === 'map' && prev.choices.mainView !== 'map' && map) {
        // Shown again after the table: sigma measures its container afresh and draws once. Not a full
        // refresh(), which re-indexed every person and link before drawing (3.4 s of a blocked page at 30,000
        // people without a GPU; the data did not change while the map was hidden).
        requestAnimationFrame(() => {
          map?.sigma.resize(true);
          map?.sigma.scheduleRender();
        });
      }
      if (s.choices !== prev.choices) look();
    }
    el.dataset.layout = s.layout.running ? 'running' : 'stopped';
  });
  const view: MapView = {
    // The camera moves after the page has painted what the same task changed (an Ask's answer, the person
    // panel): at 30,000 people without a GPU each frame of the move costs about a second, and the answer
    // must not wait for the first of them. The newest request wins.
    frame: (indices) => {
      if (!map) {
        // The new map is being built (see rebuild): framed once it is mounted.
        pendingFrame = indices;
        return;
      }
      const ticket = ++frames;
      const target = map;
      // Not on a map rebuilt meanwhile (its indices may name other people).
      const go = () => ticket === frames && map === target && map?.frame(indices.map(String));
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(go));
      else go();
    },
    current: () => (map && graph ? { map, graph, filteredOut } : undefined),
    dispose() {
      builds++;
      unsubscribe();
      labels?.dispose();
      map?.dispose();
    },
  };
  return view;
}
