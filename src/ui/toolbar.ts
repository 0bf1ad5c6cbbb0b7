/**
 * The map toolbar: map or table, what size shows, presentation mode, clustering resolution, the
 * layout's progress with a Stop button, and the exports (PNG, SVG, GEXF, GraphML, CSV, share link).
 * Exports are built on the page from what it holds and downloaded; nothing is sent anywhere.
 */
import Graph from 'graphology';
import { toPeopleCsv } from '../io/csv-export';
import { toGexf, toGraphml } from '../io/graph-files';
import { SIZE_MEASURES, type DisplayGraph, type SizeMeasure } from '../map/display-graph';
import { downloadBlob, OWNER_LEGEND_ITEM, toPngBlob, toSvgAsync, type LegendItem } from '../map/export-image';
import { getClusterColor } from '../map/palette';
import type { NetworkView, PersonView } from '../worker/protocol';
import { EDGE_KINDS } from '../worker/protocol';
import { clear, h } from './dom';
import { applyFilters, getEdgeKindMask, getKeptIndices, toSearchText } from './filters';
import type { MapView } from './map-view';
import { toShareHash } from './share';
import { getClusterLabel, type AppState } from './state';
import type { ViewDeps } from './views';

const SIZE_LABELS: Record<SizeMeasure, string> = {
  score: 'Super-connector score',
  degree: 'Links',
  strength: 'Tie strength',
};

const personWordsCache = new WeakMap<NetworkView, (value: string) => boolean>();

/**
 * A test that an attribute value is, or holds, a person's name, id or profile URL: the rule of
 * getPersonDataTest (share.ts), matched by words so that it is fast over every cell of an export. A value is
 * person data when it equals a name, id or URL, or when a run of its words equals a multi-word name or an id
 * or URL ("Jane Doe Consulting"). Built once per view, O(people); a value costs O(words × longest name)
 * set look-ups (getPersonDataTest scans every name per value: fine for a link's few values, minutes for
 * 30,000 people's cells). Each distinct value is tested once.
 */

/**
 * Folded words of a text for getPersonWordsTest, names and values alike: split at anything but letters, digits
 * and the characters of e-mails and URLs (@ . _ / -), those trimmed from a word's ends. "Chloé Marsh's Bakery"
 * and "Studio (Chloé Marsh)." hold the words "chloe marsh".
 */
function toWords(text: string): string[] {
  return toSearchText(text)
    .split(/[^\p{L}\p{N}@._/-]+/u)
    .map((w) => w.replace(/^[@._/-]+|[@._/-]+$/g, ''))
    .filter(Boolean);
}

export function getPersonWordsTest(view: NetworkView): (value: string) => boolean {
  const cached = personWordsCache.get(view);
  if (cached) return cached;
  const exact = new Set<string>();
  const runs = new Set<string>();
  let longest = 1;
  for (const p of [...view.people, ...view.owners.map((o) => ({ ...o, url: undefined }))])
    for (const raw of [p.name, p.id, p.url]) {
      const words = raw ? toWords(raw) : [];
      const t = words.join(' ');
      if (t.length < 2) continue;
      exact.add(t);
      if (words.length > 1 || (raw !== p.name && t.length >= 4)) {
        runs.add(t);
        longest = Math.max(longest, words.length);
      }
    }
  const seen = new Map<string, boolean>();
  const test = (value: string): boolean => {
    let answer = seen.get(value);
    if (answer !== undefined) return answer;
    const words = toWords(value);
    answer = exact.has(words.join(' '));
    for (let i = 0; i < words.length && !answer; i++)
      for (let n = 1; n <= longest && i + n <= words.length && !answer; n++)
        answer = runs.has(words.slice(i, i + n).join(' '));
    seen.set(value, answer);
    return answer;
  };
  personWordsCache.set(view, test);
  return test;
}

/**
 * A person as presentation mode's exports may hold them: no name, profile URL or id, and any company,
 * position, place or industry that is a person's name, id or URL (getPersonWordsTest: a company named after
 * its founder) left empty.
 */
export function toAnonymousPerson(p: PersonView, isPersonData: (value: string) => boolean): PersonView {
  const keep = (v: PersonView['company']) => (v && !isPersonData(v.value) ? v : undefined);
  const company = keep(p.company);
  const position = keep(p.position);
  const place = keep(p.place);
  const industry = keep(p.industry);
  return {
    id: '',
    name: '',
    owners: [],
    degree: p.degree,
    cluster: p.cluster,
    score: p.score,
    ...(company ? { company } : {}),
    ...(position ? { position } : {}),
    ...(place ? { place } : {}),
    ...(industry ? { industry } : {}),
    ...(p.connectedOn ? { connectedOn: p.connectedOn } : {}),
  };
}

/**
 * A graph for Gephi: people with their cluster, scores and attributes, links with their evidence kinds.
 * In presentation mode (InMaps' "share without names") nothing in it names a person: node ids are neutral
 * (`p0`, `p1`, … by view index), there is no label or profile URL, and attribute values that are person
 * data are left empty (toAnonymousPerson). Otherwise nodes are keyed by person id with name and URL.
 */
export function toExportGraph(state: AppState, display: DisplayGraph | undefined): Graph {
  const view = state.view!;
  const anonymous = state.choices.presentation;
  const isPersonData = anonymous ? getPersonWordsTest(view) : undefined;
  const keys = view.people.map((p, i) => (anonymous ? `p${i}` : p.id));
  const g = new Graph({ type: 'undirected', multi: false });
  view.people.forEach((person, i) => {
    const p = isPersonData ? toAnonymousPerson(person, isPersonData) : person;
    const d = display?.hasNode(String(i)) ? display.getNodeAttributes(String(i)) : undefined;
    g.addNode(keys[i]!, {
      ...(anonymous ? {} : { label: p.name, ...(p.url ? { url: p.url } : {}) }),
      cluster: getClusterLabel(state, p.cluster),
      score: p.score,
      degree: p.degree,
      company: p.company?.value ?? '',
      position: p.position?.value ?? '',
      location: p.place?.value ?? '',
      industry: p.industry?.value ?? '',
      ...(d ? { x: d.x, y: d.y, size: d.size, color: d.color } : {}),
    });
  });
  const { source, target, weight, kinds } = view.edges;
  for (let e = 0; e < source.length; e++) {
    const s = keys[source[e]!]!;
    const t = keys[target[e]!]!;
    if (s === t || g.hasEdge(s, t)) continue;
    g.addEdge(s, t, { weight: weight[e]!, kinds: EDGE_KINDS.filter((_, b) => kinds[e]! & (1 << b)).join(' ') });
  }
  return g;
}

/**
 * The CSV of the people shown. In presentation mode it is written without the Name and Profile URL
 * columns and with person data left out of the other cells (docs/privacy.md, Presentation mode).
 */
export function toShownPeopleCsv(state: AppState, people: readonly PersonView[]): string {
  const view = state.view!;
  const clusterLabels = view.clusters.map((_, i) => getClusterLabel(state, i));
  if (!state.choices.presentation) return toPeopleCsv(people, { clusterLabels });
  const isPersonData = getPersonWordsTest(view);
  return toPeopleCsv(
    people.map((p) => toAnonymousPerson(p, isPersonData)),
    { clusterLabels, names: false, urls: false },
  );
}

export function mountToolbar(el: HTMLElement, deps: ViewDeps, mapView: () => MapView | undefined): () => void {
  const legend = (s: AppState): LegendItem[] => [
    ...(s.view?.clusters ?? []).map((c, i) => ({
      label: getClusterLabel(s, i),
      color: getClusterColor(i),
      size: c.size,
    })),
    OWNER_LEGEND_ITEM,
  ];
  const keptPeople = (s: AppState, view: NetworkView) =>
    getKeptIndices(applyFilters(view, s.choices.filters)).map((i) => view.people[i]!);
  const exports: Record<string, (s: AppState, view: NetworkView) => Promise<void> | void> = {
    'PNG image': async (s) => {
      const cur = mapView()?.current();
      if (!cur) return;
      const blob = await toPngBlob(cur.map.sigma as never, cur.graph, legend(s), {
        hideNames: s.choices.presentation,
        hidden: cur.filteredOut,
      });
      downloadBlob(blob, 'netwell-map.png');
    },
    'SVG image': async (s) => {
      const cur = mapView()?.current();
      if (!cur) return;
      // In chunks that yield to the page: at 30,000 people one go would freeze it for a second or more.
      const svg = await toSvgAsync(cur.graph, legend(s), {
        hideNames: s.choices.presentation,
        hidden: cur.filteredOut,
        edgeKindMask: getEdgeKindMask(s.choices.filters),
      });
      downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), 'netwell-map.svg');
    },
    'GEXF (Gephi)': (s) =>
      downloadBlob(
        new Blob([toGexf(toExportGraph(s, mapView()?.current()?.graph))], { type: 'application/xml' }),
        'netwell.gexf',
      ),
    GraphML: (s) =>
      downloadBlob(
        new Blob([toGraphml(toExportGraph(s, mapView()?.current()?.graph))], { type: 'application/xml' }),
        'netwell.graphml',
      ),
    'CSV of the people shown': (s, view) =>
      downloadBlob(
        new Blob([toShownPeopleCsv(s, keptPeople(s, view))], { type: 'text/csv' }),
        s.choices.presentation ? 'netwell-people-no-names.csv' : 'netwell-people.csv',
      ),
  };

  const sizeSelect = h(
    'select',
    {
      'aria-label': 'Size by',
      onchange: (e) => deps.actions.setChoice('sizeBy', (e.target as HTMLSelectElement).value as SizeMeasure),
    },
    ...SIZE_MEASURES.map((m) => h('option', { value: m }, SIZE_LABELS[m])),
  );
  const presentation = h('input', {
    type: 'checkbox',
    onchange: (e) => deps.actions.setChoice('presentation', (e.target as HTMLInputElement).checked),
  });
  const colorLinks = h('input', {
    type: 'checkbox',
    onchange: (e) => deps.actions.setChoice('colorLinks', (e.target as HTMLInputElement).checked),
  });
  const resolution = h('input', {
    type: 'number',
    min: 0.1,
    max: 10,
    step: 0.1,
    value: 1,
    'aria-label': 'Cluster resolution',
    style: 'width:4.5em',
  });
  const exportSelect = h(
    'select',
    {
      'aria-label': 'Export',
      onchange: async (e) => {
        const sel = e.target as HTMLSelectElement;
        const s = deps.store.get();
        const action = exports[sel.value];
        sel.value = '';
        if (action && s.view) await action(s, s.view);
      },
    },
    h('option', { value: '' }, 'Export…'),
    ...Object.keys(exports).map((k) => h('option', { value: k }, k)),
  );
  const shareButton = h(
    'button',
    {
      type: 'button',
      onclick: () => {
        const s = deps.store.get();
        if (!s.view) return;
        const hash = toShareHash(
          {
            filters: s.choices.filters,
            resolution: s.choices.resolution,
            sizeBy: s.choices.sizeBy,
            presentation: s.choices.presentation,
            colorLinks: s.choices.colorLinks,
          },
          s.view,
        );
        history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
        void navigator.clipboard?.writeText(location.href).catch(() => undefined);
        shareButton.textContent = 'Link copied (settings only)';
        setTimeout(() => (shareButton.textContent = 'Share settings'), 2500);
      },
    },
    'Share settings',
  );
  const layoutBox = h('span', { className: 'layout-status', 'aria-live': 'polite' });
  const modeButtons = (['map', 'table'] as const).map((m) =>
    h(
      'button',
      { type: 'button', 'aria-pressed': 'false', onclick: () => deps.actions.setChoice('mainView', m) },
      m === 'map' ? 'Map' : 'Table',
    ),
  );

  el.append(
    h('span', { className: 'group', role: 'group', 'aria-label': 'View' }, ...modeButtons),
    h('label', {}, 'Size ', sizeSelect),
    h('label', {}, presentation, ' Presentation mode'),
    h(
      'label',
      { title: 'connection blue, knows red, co-member purple, colleague orange, similar grey' },
      colorLinks,
      ' Colour links by evidence',
    ),
    h(
      'span',
      { className: 'group' },
      resolution,
      h(
        'button',
        { type: 'button', onclick: () => void deps.actions.recluster(Number(resolution.value) || 1) },
        'Re-cluster',
      ),
    ),
    layoutBox,
    h('span', { className: 'spacer' }),
    exportSelect,
    shareButton,
  );

  const render = (s: AppState) => {
    sizeSelect.value = s.choices.sizeBy;
    presentation.checked = s.choices.presentation;
    colorLinks.checked = s.choices.colorLinks;
    resolution.value = String(s.choices.resolution);
    modeButtons.forEach((b, i) =>
      b.setAttribute('aria-pressed', String((i === 0 ? 'map' : 'table') === s.choices.mainView)),
    );
    clear(layoutBox);
    if (s.view && s.layout.running)
      layoutBox.append(
        `Layout: ${s.layout.iteration} steps `,
        h('button', { type: 'button', onclick: () => deps.actions.stopLayout() }, 'Stop layout'),
      );
    else if (s.view) layoutBox.append('Layout settled');
  };
  render(deps.store.get());
  const un = deps.store.subscribe(render);
  return () => {
    un();
    clear(el);
  };
}
