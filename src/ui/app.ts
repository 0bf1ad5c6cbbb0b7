/**
 * The page's layout and the views mounted in it: header, status, a tabbed side panel (Explore: search,
 * clusters, super-connectors; Ask; Filter: facets and timeline; Import: the summary), the map with its
 * toolbar (or the table, its accessible equivalent), and the person panel.
 */
import type { Actions } from './actions';
import { mountAsk } from './ask';
import { h } from './dom';
import { mountFacets } from './facets';
import { readDataTransfer } from './files';
import type { Filters } from './filters';
import { mountMapLegend } from './map-legend';
import { mountMapView, type MapView } from './map-view';
import { mountSearch } from './search';
import { isSameNetwork, TABS, type AppState, type Tab } from './state';
import type { Store } from './store';
import { mountTable } from './table';
import { mountTimeline } from './timeline';
import { mountToolbar } from './toolbar';
import {
  mountClusters,
  mountDropZone,
  mountHeader,
  mountImportReport,
  mountPerson,
  mountStatus,
  mountSuperConnectors,
  type ViewDeps,
} from './views';

const TAB_LABELS: Record<Tab, string> = { explore: 'Explore', ask: 'Ask', filter: 'Filter', import: 'Import' };

/** The filters as a store of their own, backed by the app store (what facets, timeline and table take). */
function getFiltersStore(store: Store<AppState>, actions: Actions): Store<Filters> {
  return {
    get: () => store.get().choices.filters,
    update: (producer) => actions.setFilters(producer),
    subscribe: (listener) =>
      store.subscribe((s, prev) => {
        if (s.choices.filters !== prev.choices.filters || !isSameNetwork(s.view, prev.view))
          listener(s.choices.filters, prev.choices.filters);
      }),
  };
}

export interface AppMounts {
  /** Extra panels mounted by later features (Ask), by tab. */
  panels?: Partial<Record<Tab, (el: HTMLElement, deps: ViewDeps) => () => void>>;
}

export function mountApp(
  root: HTMLElement,
  store: Store<AppState>,
  actions: Actions,
  mounts: AppMounts = {},
): () => void {
  const header = h('header', { className: 'top' });
  const status = h('div', { className: 'status', role: 'status' });
  const tabBar = h('div', { className: 'tabs', role: 'tablist', 'aria-label': 'Panels' });
  const panels = Object.fromEntries(
    TABS.map((t) => [
      t,
      h('div', { className: 'tab-panel', role: 'tabpanel', id: `panel-${t}`, 'aria-label': TAB_LABELS[t] }),
    ]),
  ) as unknown as Record<Tab, HTMLElement>;
  const tabs = TABS.map((t) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${t}`,
        'aria-controls': `panel-${t}`,
        onclick: () => actions.setChoice('tab', t),
      },
      TAB_LABELS[t],
    ),
  );
  tabBar.append(...tabs);
  tabBar.addEventListener('keydown', (e) => {
    const i = TABS.indexOf(store.get().choices.tab);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    actions.setChoice('tab', TABS[next]!);
    tabs[next]?.focus();
  });

  const search = h('section', { className: 'panel search', role: 'search', 'aria-label': 'Search' });
  const clusters = h('section', { className: 'panel', 'aria-label': 'Clusters legend' });
  const connectors = h('section', { className: 'panel', 'aria-label': 'Super-connectors list' });
  const facets = h('section', { className: 'panel facets', 'aria-label': 'Filters' });
  const timeline = h('section', { className: 'panel timeline', 'aria-label': 'Timeline' });
  const report = h('section', { className: 'panel report', 'aria-label': 'Import summary' });
  panels.explore.append(search, clusters, connectors);
  panels.filter.append(timeline, facets);
  panels.import.append(report);

  const person = h('aside', { className: 'person', 'aria-label': 'Person details', 'aria-live': 'polite' });
  const toolbar = h('div', { className: 'toolbar', role: 'toolbar', 'aria-label': 'Map controls' });
  const mapEl = h('div', {
    className: 'map',
    'data-map': 'true',
    role: 'img',
    'aria-label': 'Network map: people coloured by cluster. The Table view and the lists hold the same information.',
  });
  const tableEl = h('section', { className: 'table-view', 'aria-label': 'People table', hidden: true });
  const overlay = h(
    'div',
    { className: 'drop-overlay', hidden: true },
    'Drop your LinkedIn export: Connections.csv, the whole zip or folder, or extra CSVs',
  );
  root.append(
    header,
    status,
    h(
      'main',
      { className: 'layout' },
      h('nav', { className: 'side', 'aria-label': 'Lists' }, tabBar, ...TABS.map((t) => panels[t])),
      h('div', { className: 'center' }, toolbar, mapEl, tableEl),
      person,
    ),
    overlay,
  );

  const deps: ViewDeps = { store, actions, frame: (indices) => mapView.frame(indices) };
  const mapView: MapView = mountMapView(mapEl, deps);
  const filtersStore = getFiltersStore(store, actions);

  const showTab = (s: AppState) => {
    TABS.forEach((t, i) => {
      const on = s.choices.tab === t;
      tabs[i]!.setAttribute('aria-selected', String(on));
      tabs[i]!.tabIndex = on ? 0 : -1;
      panels[t].hidden = !on;
    });
    mapEl.hidden = s.choices.mainView !== 'map';
    tableEl.hidden = s.choices.mainView !== 'table';
  };
  showTab(store.get());

  const disposers = [
    mountHeader(header, deps),
    mountStatus(status, deps),
    mountSearch(search, { ...deps, onResults: (indices) => actions.highlight(indices) }),
    mountClusters(clusters, deps),
    mountSuperConnectors(connectors, deps),
    // Both wait while the Filter tab is closed (their counts cost seconds at 225,000 people).
    mountFacets(facets, deps, filtersStore, { isShown: () => store.get().choices.tab === 'filter' }),
    mountTimeline(timeline, deps, filtersStore, { isShown: () => store.get().choices.tab === 'filter' }),
    mountImportReport(report, deps),
    mountTable(tableEl, deps, filtersStore),
    mountToolbar(toolbar, deps, () => mapView),
    mountMapLegend(mapEl.parentElement!, deps),
    mountPerson(person, deps),
    mountAsk(panels.ask, deps),
    ...Object.entries(mounts.panels ?? {}).map(([t, mount]) => mount(panels[t as Tab], deps)),
    store.subscribe((s, prev) => {
      if (s.choices.tab !== prev.choices.tab || s.choices.mainView !== prev.choices.mainView) showTab(s);
    }),
    mountDropZone(
      document.body,
      overlay,
      (dt) => void readDataTransfer(dt).then((files) => (files.length ? actions.loadFiles(files) : undefined)),
    ),
    () => mapView.dispose(),
  ];
  return () => disposers.forEach((d) => d());
}
