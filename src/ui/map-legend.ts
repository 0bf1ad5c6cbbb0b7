/**
 * The legend on the map: a small collapsible panel in the map's bottom-right corner naming what each
 * colour means. The largest clusters by their names as shown (renamed ones included), the grey that all
 * other clusters share (see map/palette.ts), the owners' colour, and, when "Colour links by evidence" is
 * on, the link colours by kind of evidence. It names clusters only, never a person, so it stays in
 * presentation mode. Hidden with the map when the table is shown.
 *
 * Wiring (src/ui/app.ts): `mountMapLegend(mapEl.parentElement!, deps)`: the legend is a sibling of the
 * map, not inside it, because the map is `role="img"` and everything inside an image is hidden from
 * assistive technology. `el` must be positioned (style.css makes `.center` relative); the legend adds
 * its own element to it and removes it on dispose.
 */
import { EDGE_KIND_COLORS } from '../map/mount-map';
import {
  getClusterColor,
  isColouredCluster,
  OTHER_CLUSTERS_COLOR,
  OTHER_CLUSTERS_LABEL,
  OWNER_COLOR,
} from '../map/palette';
import { EDGE_KINDS, type NetworkView } from '../worker/protocol';
import { clear, h } from './dom';
import { EDGE_KIND_LABELS } from './facets';
import { getClusterLabels, isSameNetwork, type AppState } from './state';
import type { ViewDeps } from './views';

/** One row of the legend: a colour and what it means. */
export interface MapLegendRow {
  label: string;
  color: string;
  /** The cluster's index for a coloured cluster's row. */
  cluster?: number;
}

export interface MapLegend {
  clusters: MapLegendRow[];
  /** Owners' colour (when the network has owners). */
  owners?: MapLegendRow;
  /** Link colours by kind, strongest first (when links are coloured by evidence). */
  links: MapLegendRow[];
}

/** What the owners' row says (their names are never in the legend). */
export const OWNERS_LEGEND_LABEL = 'Export owners (you and your team)';

const unclusteredCache = new WeakMap<NetworkView, boolean>();

/** True when some person of the view is in no cluster (cached per view). */
function hasUnclustered(view: NetworkView): boolean {
  let has = unclusteredCache.get(view);
  if (has === undefined) {
    has = view.people.some((p) => p.cluster < 0 && !p.ownerId);
    unclusteredCache.set(view, has);
  }
  return has;
}

/** The legend's rows for a state: pure, derived from the view, the user's cluster names and the link colouring. */
export function getMapLegend(state: AppState): MapLegend {
  const view = state.view;
  if (!view) return { clusters: [], links: [] };
  const labels = getClusterLabels(state);
  const clusters: MapLegendRow[] = [];
  view.clusters.forEach((_, i) => {
    if (isColouredCluster(i)) clusters.push({ label: labels[i] ?? '', color: getClusterColor(i), cluster: i });
  });
  const others = view.clusters.length - clusters.length;
  const unclustered = hasUnclustered(view);
  if (others > 0 || unclustered) {
    const label =
      others === 0
        ? 'People in no cluster'
        : `${OTHER_CLUSTERS_LABEL} (${others})${unclustered ? ' and people in no cluster' : ''}`;
    clusters.push({ label, color: OTHER_CLUSTERS_COLOR });
  }
  const hasOwners = view.people.some((p) => p.ownerId);
  return {
    clusters,
    ...(hasOwners ? { owners: { label: OWNERS_LEGEND_LABEL, color: OWNER_COLOR } } : {}),
    links: state.choices.colorLinks
      ? EDGE_KINDS.map((k, b) => ({ label: EDGE_KIND_LABELS[k], color: EDGE_KIND_COLORS[b] ?? '#cccccc' }))
      : [],
  };
}

let legendIds = 0;

/** Mount the legend over the corner of `el` (the map's container). Returns a dispose function. */
export function mountMapLegend(el: HTMLElement, deps: ViewDeps): () => void {
  const id = `map-legend-${++legendIds}`;
  let open = true;
  const toggle = h('button', {
    type: 'button',
    className: 'map-legend-toggle',
    'aria-expanded': 'true',
    'aria-controls': `${id}-body`,
    onclick: () => {
      open = !open;
      show();
    },
  });
  const body = h('div', { className: 'map-legend-body', id: `${id}-body` });
  const root = h(
    'section',
    { className: 'map-legend', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, toggle),
    body,
  );
  toggle.append(h('span', { className: 'map-legend-caret', 'aria-hidden': 'true' }), 'Map legend');
  el.append(root);

  const show = () => {
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    root.classList.toggle('collapsed', !open);
  };
  const list = (name: string, rows: MapLegendRow[], kind: 'dot' | 'line') =>
    h(
      'ul',
      { 'aria-label': name },
      ...rows.map((r) =>
        h(
          'li',
          r.cluster !== undefined ? { 'data-cluster': r.cluster } : {},
          h('span', {
            className: kind === 'dot' ? 'swatch' : 'swatch-line',
            style: `background:${r.color}`,
            'data-color': r.color,
            'aria-hidden': 'true',
          }),
          h('span', { className: 'label' }, r.label),
        ),
      ),
    );
  const render = (state: AppState) => {
    clear(body);
    root.hidden = !state.view || state.choices.mainView !== 'map';
    const legend = getMapLegend(state);
    body.append(list('Cluster colours', [...legend.clusters, ...(legend.owners ? [legend.owners] : [])], 'dot'));
    if (legend.links.length)
      body.append(h('h3', {}, 'Links by strongest evidence'), list('Link colours', legend.links, 'line'));
  };
  show();
  render(deps.store.get());
  const unsubscribe = deps.store.subscribe((s, prev) => {
    if (
      !isSameNetwork(s.view, prev.view) ||
      s.edits !== prev.edits ||
      s.choices.colorLinks !== prev.choices.colorLinks ||
      s.choices.mainView !== prev.choices.mainView
    )
      render(s);
  });
  return () => {
    unsubscribe();
    root.remove();
  };
}
