/**
 * The facets panel: one group of checkboxes per facet (cluster, industry, company, city, region,
 * country, known by) with live counts (each facet counted with the others applied, see filters.ts),
 * and the evidence-kind toggles for links. Checkboxes keep their focus across updates: the structure
 * is rebuilt only when the view or "show more" changes; counts are updated in place.
 *
 * Cost per filter change: one computeFacetCounts pass, O(people × facets), plus the visible rows.
 *
 * Wiring (src/ui/app.ts):
 *   const filtersStore = createStore(getEmptyFilters());  // or a slice of AppState, see the report
 *   const facetsEl = h('section', { className: 'panel facets', 'aria-label': 'Filters' });
 *   mountFacets(facetsEl, deps, filtersStore);
 * and feed the map from the same store: `applyFilters(view, filters)` → MapLook.filteredOut (the keys
 * with 0), `getEdgeKindMask(filters)` → hide links whose `kinds & mask` is 0.
 */
import { EDGE_KINDS, type EdgeKind, type NetworkView } from '../worker/protocol';
import { getClusterColor } from '../map/palette';
import { clear, h } from './dom';
import {
  computeFacetCounts,
  FACET_LABELS,
  FACETS,
  getEmptyFilters,
  isEmptyFilters,
  toggleEdgeKind,
  toggleFacetValue,
  type Facet,
  type FacetCount,
  type FacetCounts,
  type Filters,
} from './filters';
import { createShownUpdater, type Store } from './store';
import type { ViewDeps } from './views';
import { getClusterLabel, getOwnerName, isSameNetwork } from './state';

/** Readable evidence-kind names for the toggles. */
export const EDGE_KIND_LABELS: Record<EdgeKind, string> = {
  connection: 'Direct connections',
  knows: 'Known contacts',
  'co-member': 'Same group or school',
  colleague: 'Colleagues (same company)',
  similar: 'Similar profiles',
};

export interface FacetsOptions {
  /** Values shown per facet before "Show more". Default 8. */
  shown?: number;
  /** Facets shown, in order. Default all of FACETS. */
  facets?: readonly Facet[];
  /**
   * Whether the view is on screen. While it is not, changes only mark it out of date, and it catches up when
   * shown (at 225,000 people the counts took seconds of every new map while the Filter tab was closed).
   * Default: always shown.
   */
  isShown?: () => boolean;
}

let uid = 0;

/** Mount the facets panel. Returns dispose. */
export function mountFacets(
  el: HTMLElement,
  deps: ViewDeps,
  filtersStore: Store<Filters>,
  options: FacetsOptions = {},
): () => void {
  const shown = options.shown ?? 8;
  const facetList = options.facets ?? FACETS;
  const expanded = new Set<Facet>();
  const prefix = `facets-${++uid}`;
  /** Count spans and checkboxes by "facet\u0000value", updated in place. */
  let rows = new Map<string, { input: HTMLInputElement; count: HTMLElement; row: HTMLElement }>();
  let kindRows = new Map<EdgeKind, { input: HTMLInputElement; count: HTMLElement }>();
  let builtFor: { view: NetworkView; expanded: string; edits: unknown } | undefined;
  let summary: HTMLElement | undefined;

  const key = (f: Facet, v: string) => `${f}\u0000${v}`;

  const build = (counts: FacetCounts) => {
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.facetKey;
    clear(el);
    rows = new Map();
    kindRows = new Map();
    summary = h('p', { className: 'facet-summary', 'aria-live': 'polite' });
    const reset = h(
      'button',
      { type: 'button', onclick: () => filtersStore.update(() => getEmptyFilters()) },
      'Clear filters',
    );
    el.append(h('h2', {}, 'Filters'), summary, reset);

    for (const f of facetList) {
      const all = counts.facets[f];
      if (!all.length) continue;
      const open = expanded.has(f);
      const list = open ? all : all.filter((x, rank) => rank < shown || x.selected);
      const group = h('fieldset', { className: `facet facet-${f}` }, h('legend', {}, FACET_LABELS[f]));
      for (const item of list) group.append(renderRow(f, item));
      if (all.length > shown) {
        group.append(
          h(
            'button',
            {
              type: 'button',
              className: 'more',
              'aria-expanded': String(open),
              onclick: () => {
                if (open) expanded.delete(f);
                else expanded.add(f);
                builtFor = undefined;
                update();
              },
            },
            open
              ? `Show fewer ${FACET_LABELS[f].toLowerCase()} values`
              : `Show all ${all.length} ${FACET_LABELS[f].toLowerCase()} values`,
          ),
        );
      }
      el.append(group);
    }

    const kinds = h('fieldset', { className: 'facet facet-kinds' }, h('legend', {}, 'Links shown'));
    for (const k of EDGE_KINDS) {
      const id = `${prefix}-kind-${k}`;
      const input = h('input', { type: 'checkbox', id, 'data-facet-key': `kind\u0000${k}` });
      input.addEventListener('change', () => filtersStore.update((s) => toggleEdgeKind(s, k, input.checked)));
      const count = h('span', { className: 'count' });
      kinds.append(
        h('div', { className: 'facet-row' }, input, h('label', { for: id }, EDGE_KIND_LABELS[k], ' ', count)),
      );
      kindRows.set(k, { input, count });
    }
    el.append(kinds);

    if (focusedKey) (el.querySelector(`[data-facet-key="${CSS.escape(focusedKey)}"]`) as HTMLElement | null)?.focus();
  };

  const renderRow = (f: Facet, item: FacetCount) => {
    const id = `${prefix}-${f}-${rows.size}`;
    const input = h('input', { type: 'checkbox', id, 'data-facet-key': key(f, item.value) });
    input.addEventListener('change', () =>
      filtersStore.update((s) => toggleFacetValue(s, f, item.value, input.checked)),
    );
    const count = h('span', { className: 'count' });
    const swatch =
      f === 'cluster'
        ? h('span', {
            className: 'swatch',
            style: `background:${getClusterColor(Number(item.value))}`,
            'aria-hidden': 'true',
          })
        : '';
    // Clusters and owners by the names shown (the user's renames included).
    const state = deps.store.get();
    const label =
      f === 'cluster'
        ? getClusterLabel(state, Number(item.value)) || item.label
        : f === 'owner'
          ? getOwnerName(state, item.value)
          : item.label;
    // The count sits inside the label so the accessible name reads "Berlin 12".
    const row = h('div', { className: 'facet-row' }, input, h('label', { for: id }, swatch, label, ' ', count));
    rows.set(key(f, item.value), { input, count, row });
    return row;
  };

  const update = () => {
    const view = deps.store.get().view;
    if (!view) {
      clear(el);
      builtFor = undefined;
      return;
    }
    const filters = filtersStore.get();
    const counts = computeFacetCounts(view, filters);
    const exp = [...expanded].sort().join();
    // Rebuild when the view changes, or a ticked value is not on screen (e.g. set from a share link).
    const missing = facetList.some((f) => filters.values[f].some((v) => !rows.has(key(f, v))));
    const edits = deps.store.get().edits;
    if (!builtFor || builtFor.view !== view || builtFor.expanded !== exp || builtFor.edits !== edits || missing) {
      build(counts);
      builtFor = { view, expanded: exp, edits };
    }
    for (const f of facetList)
      for (const item of counts.facets[f]) {
        const r = rows.get(key(f, item.value));
        if (!r) continue;
        r.input.checked = item.selected;
        r.count.textContent = `(${item.count})`;
        r.row.classList.toggle('empty', item.count === 0 && !item.selected);
      }
    for (const k of EDGE_KINDS) {
      const r = kindRows.get(k);
      if (!r) continue;
      r.input.checked = !filters.hiddenEdgeKinds.includes(k);
      r.count.textContent = `(${counts.edgeKinds[k]})`;
    }
    if (summary)
      summary.textContent = isEmptyFilters(filters)
        ? `${counts.total} people`
        : `${counts.kept} of ${counts.total} people match the filters`;
  };

  const updater = createShownUpdater(update, options.isShown);
  updater.refresh();
  const offFilters = filtersStore.subscribe(updater.refresh);
  const offView = deps.store.subscribe((s, prev) => {
    if (!isSameNetwork(s.view, prev.view) || s.edits !== prev.edits) updater.refresh();
    else updater.catchUp();
  });
  return () => {
    offFilters();
    offView();
    clear(el);
  };
}
