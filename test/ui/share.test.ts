import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActions } from '../../src/ui/actions';
import { FACETS, getEmptyFilters, toggleFacetValue, type Facet, type Filters } from '../../src/ui/filters';
import {
  applyShareHash,
  mountShareLink,
  parseShareHash,
  toDroppedMessage,
  toShareHash,
  type ShareSettings,
} from '../../src/ui/share';
import { getEmptyAppState, type AppState } from '../../src/ui/state';
import { createStore } from '../../src/ui/store';
import type { AnalysisClient } from '../../src/worker/client';
import type { NetworkView } from '../../src/worker/protocol';
import { makeView } from './view-fixture';

const decoded = (hash: string) => decodeURIComponent(hash.replace(/\+/g, ' ')).toLowerCase();

describe('share hash', () => {
  it('round-trips view settings validated against the data', () => {
    const view = makeView();
    let filters = toggleFacetValue(getEmptyFilters(), 'cluster', '1', true);
    filters = toggleFacetValue(filters, 'city', 'Berlin', true);
    filters = toggleFacetValue(filters, 'company', '=cmd|calc', true);
    filters = { ...filters, connectedOn: { from: '2019', to: '2020-06-30' }, hiddenEdgeKinds: ['similar'] };
    const settings: ShareSettings = { filters, resolution: 1.25, sizeBy: 'degree', presentation: true };
    const hash = toShareHash(settings, view);
    expect(hash).toContain('cluster=c-finance');
    const parsed = parseShareHash(hash, view);
    expect(parsed?.dropped).toBe(0);
    expect(parsed?.settings).toEqual(settings);
  });

  it('drops unknown values, malformed dates and unknown keys when parsing', () => {
    const view = makeView();
    const parsed = parseShareHash(
      '#v=1&city=Atlantis&city=Paris&from=last+year&hide=telepathy&size=height&res=99&evil=1&cluster=c-nope',
      view,
    );
    expect(parsed?.settings.filters.values.city).toEqual(['Paris']);
    expect(parsed?.settings.filters.connectedOn).toEqual({});
    expect(parsed?.settings.filters.hiddenEdgeKinds).toEqual([]);
    expect(parsed?.settings.sizeBy).toBeUndefined();
    expect(parsed?.settings.resolution).toBeUndefined();
    expect(parsed?.dropped).toBe(7);
    expect(parseShareHash('#person=3', view)).toBeUndefined();
  });

  it('never writes the query, the owner facet, or values that are person data', () => {
    const view = makeView();
    // A company named after a person in the network must not leak that name.
    view.people[3] = { ...view.people[3]!, company: { value: 'Chloé Marsh Consulting', source: 'export' } };
    let filters: Filters = { ...getEmptyFilters(), query: 'Björn Quill' };
    filters = toggleFacetValue(filters, 'owner', 'o1', true);
    filters = toggleFacetValue(filters, 'company', 'Chloé Marsh Consulting', true);
    filters = toggleFacetValue(filters, 'company', 'Zeta Labs', true);
    const hash = toShareHash({ filters }, view);
    expect(hash).toBe('#v=1&company=Zeta+Labs');
    // And a crafted link cannot bring them in either.
    const parsed = parseShareHash('#v=1&owner=o1&company=Chlo%C3%A9+Marsh+Consulting&q=bjorn', view);
    expect(parsed?.settings.filters.values.owner).toEqual([]);
    expect(parsed?.settings.filters.values.company).toEqual([]);
    expect(parsed?.settings.filters.query).toBe('');
  });

  it('property: whatever the filters hold, no person name, id or URL appears in the hash', () => {
    const view = makeView();
    const personStrings = view.people.flatMap((p) => [p.name, p.id, p.url ?? '']).filter((s) => s.length > 1);
    const candidates = [
      ...personStrings,
      ...personStrings.map((s) => `${s} GmbH`),
      ...view.people
        .flatMap((p) => [p.company?.value, p.industry?.value, p.place?.value])
        .filter((s): s is string => Boolean(s)),
      'Berlin',
      'Munich',
      'Paris',
      'Germany',
      'France',
      'Bavaria',
      '0',
      '1',
      '2',
    ];
    const arbFilters = fc.record({
      picks: fc.array(fc.tuple(fc.constantFrom(...FACETS), fc.oneof(fc.constantFrom(...candidates), fc.string())), {
        maxLength: 12,
      }),
      query: fc.constantFrom('', ...personStrings),
      from: fc.oneof(fc.constant(undefined), fc.constantFrom(...personStrings), fc.constant('2019-01-01')),
    });
    fc.assert(
      fc.property(arbFilters, ({ picks, query, from }) => {
        let filters: Filters = { ...getEmptyFilters(), query, connectedOn: from ? { from } : {} };
        for (const [facet, value] of picks) filters = toggleFacetValue(filters, facet, value, true);
        const hash = decoded(toShareHash({ filters, presentation: true }, view));
        for (const s of personStrings) expect(hash).not.toContain(s.toLowerCase());
        // The accent-free forms too ("chloe marsh").
        for (const p of view.people)
          expect(hash).not.toContain(
            p.name
              .normalize('NFD')
              .replace(/\p{Diacritic}/gu, '')
              .toLowerCase(),
          );
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('share hash: what is ticked reaches the link', () => {
  it('writes every ticked facet value that the view holds, and link colours', () => {
    const view = makeView();
    let filters = getEmptyFilters();
    const ticked: [Facet, string][] = [
      ['cluster', '0'],
      ['industry', 'Software'],
      ['company', 'Orbit Co'],
      ['city', 'Munich'],
      ['region', 'Bavaria'],
      ['country', 'France'],
    ];
    for (const [facet, value] of ticked) filters = toggleFacetValue(filters, facet, value, true);
    const hash = toShareHash({ filters, colorLinks: true }, view);
    const params = new URLSearchParams(hash.slice(1));
    expect(params.getAll('cluster')).toEqual(['c-software']);
    for (const [facet, value] of ticked.slice(1)) expect(params.getAll(facet)).toEqual([value]);
    expect(params.get('color')).toBe('1');
    expect(parseShareHash(hash, view)?.settings).toEqual({ filters, colorLinks: true });
  });
});

/** A client whose re-clustering answers at once with `next` (the analyze of the start is not used). */
function createReclusterClient(next: () => NetworkView) {
  const reclusters: number[] = [];
  const client = {
    stopLayout() {},
    drawn() {},
    links: async () => [],
    ask: async () => 'superseded' as const,
    analyze: () => new Promise<never>(() => undefined),
    recluster: async (settings: { resolution: number }) => {
      reclusters.push(settings.resolution);
      return { view: next(), ms: 1 };
    },
    cancel() {},
    dispose() {},
  } satisfies AnalysisClient;
  return { client, reclusters };
}

function setup(next: () => NetworkView = makeView) {
  const store = createStore<AppState>({ ...getEmptyAppState(), view: makeView() });
  const { client, reclusters } = createReclusterClient(next);
  return { store, actions: createActions(store, client), reclusters };
}

describe('applyShareHash', () => {
  it('applies filters, size, presentation and link colours, keeping the query and the owner facet', async () => {
    const { store, actions, reclusters } = setup();
    actions.setFilters((f) => toggleFacetValue({ ...f, query: 'zeta' }, 'owner', 'o1', true));
    const parsed = await applyShareHash(
      '#v=1&city=Berlin&cluster=c-finance&hide=similar&from=2019&size=degree&present=1&color=1&res=1',
      { store, actions },
    );
    expect(parsed?.dropped).toBe(0);
    expect(reclusters).toEqual([]); // the same resolution: no re-clustering
    const { choices, status } = store.get();
    expect(choices.sizeBy).toBe('degree');
    expect(choices.presentation).toBe(true);
    expect(choices.colorLinks).toBe(true);
    expect(choices.filters.values.city).toEqual(['Berlin']);
    expect(choices.filters.values.cluster).toEqual(['1']);
    expect(choices.filters.values.owner).toEqual(['o1']);
    expect(choices.filters.query).toBe('zeta');
    expect(choices.filters.hiddenEdgeKinds).toEqual(['similar']);
    expect(choices.filters.connectedOn).toEqual({ from: '2019' });
    expect(status.kind).toBe('idle');
  });

  it('ignores values this network does not have and says so in the status line', async () => {
    const { store, actions } = setup();
    actions.setChoice('presentation', true);
    await applyShareHash('#v=1&city=Atlantis&city=Paris&company=Nowhere+Inc', { store, actions });
    const { choices, status } = store.get();
    expect(choices.filters.values.city).toEqual(['Paris']);
    expect(choices.filters.values.company).toEqual([]);
    // The link's filters replace the ones before; presentation mode stays on (a link never turns it off).
    expect(choices.presentation).toBe(true);
    expect(status).toEqual({ kind: 'notice', message: toDroppedMessage(2) });
    expect(toDroppedMessage(2)).toMatch(/2 of its settings are not in this network and were ignored/);
  });

  it('re-clusters when the resolution differs, then reads clusters against the new clustering', async () => {
    // At the new resolution the clusters come in the other order: c-finance is now index 0.
    const reclustered = () => {
      const v = makeView();
      return { ...v, clusters: [v.clusters[1]!, v.clusters[0]!] };
    };
    const { store, actions, reclusters } = setup(reclustered);
    await applyShareHash('#v=1&cluster=c-finance&res=1.5', { store, actions });
    expect(reclusters).toEqual([1.5]);
    expect(store.get().choices.resolution).toBe(1.5);
    expect(store.get().choices.filters.values.cluster).toEqual(['0']);
  });

  it('does nothing with a hash that is not a share link', async () => {
    const { store, actions } = setup();
    const before = store.get();
    expect(await applyShareHash('#section-2', { store, actions })).toBeUndefined();
    expect(store.get()).toBe(before);
  });
});

describe('mountShareLink', () => {
  const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('applies a link that did not fit the start sample once more to the next network opened', async () => {
    const store = createStore<AppState>(getEmptyAppState());
    const { client } = createReclusterClient(makeView);
    let input: 'sample' | 'files' = 'sample';
    const actions = { ...createActions(store, client), currentInput: () => (input === 'sample' ? 'sample' : []) };
    const target = Object.assign(new EventTarget(), { location: { hash: '#v=1&city=Paris&city=Atlantis' } });
    const dispose = mountShareLink(target as unknown as Window, { store, actions });
    store.update((s) => ({ ...s, view: makeView() }));
    await flush();
    expect(store.get().choices.filters.values.city).toEqual(['Paris']);
    expect(store.get().status.kind).toBe('notice');
    // The person opens their own files: the filters start empty, then the link is applied again.
    input = 'files';
    actions.setFilters(() => getEmptyFilters());
    store.update((s) => ({ ...s, view: makeView() }));
    await flush();
    expect(store.get().choices.filters.values.city).toEqual(['Paris']);
    // Only once.
    actions.setFilters(() => getEmptyFilters());
    store.update((s) => ({ ...s, view: makeView() }));
    await flush();
    expect(store.get().choices.filters.values.city).toEqual([]);
    dispose();
  });

  it('applies the hash the app opened with once a network is there, and every hashchange', async () => {
    const store = createStore<AppState>(getEmptyAppState());
    const { client } = createReclusterClient(makeView);
    const actions = createActions(store, client);
    const target = Object.assign(new EventTarget(), { location: { hash: '#v=1&city=Paris&present=1' } });
    const dispose = mountShareLink(target as unknown as Window, { store, actions });
    await flush();
    expect(store.get().choices.presentation).toBe(false); // no network yet: kept for later
    store.update((s) => ({ ...s, view: makeView() }));
    await flush();
    expect(store.get().choices.presentation).toBe(true);
    expect(store.get().choices.filters.values.city).toEqual(['Paris']);

    target.location.hash = '#v=1&city=Berlin&size=strength';
    target.dispatchEvent(new Event('hashchange'));
    await flush();
    expect(store.get().choices.filters.values.city).toEqual(['Berlin']);
    expect(store.get().choices.sizeBy).toBe('strength');
    expect(store.get().choices.presentation).toBe(true); // on from the first link: a link never turns it off

    // A later network (another import) does not get the link again.
    actions.setFilters(() => getEmptyFilters());
    store.update((s) => ({ ...s, view: makeView() }));
    await flush();
    expect(store.get().choices.filters.values.city).toEqual([]);
    dispose();
  });
});
