import { describe, expect, it } from 'vitest';
import {
  applyEdgeFilters,
  applyFilters,
  computeFacetCounts,
  getEdgeKindMask,
  getEmptyFilters,
  getKeptIndices,
  getPlaceParts,
  isEmptyFilters,
  toFilteredOutKeys,
  toggleEdgeKind,
  toggleFacetValue,
} from '../../src/ui/filters';
import { makePerson, makeView } from './view-fixture';

const count = (list: { value: string; count: number }[], value: string) => list.find((x) => x.value === value)?.count;

describe('applyFilters', () => {
  it('keeps everyone with empty filters', () => {
    const view = makeView();
    expect(isEmptyFilters(getEmptyFilters())).toBe(true);
    expect(Array.from(applyFilters(view, getEmptyFilters()))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('ORs values within a facet and ANDs facets', () => {
    const view = makeView();
    let f = toggleFacetValue(getEmptyFilters(), 'city', 'Berlin', true);
    f = toggleFacetValue(f, 'city', 'Munich', true);
    expect(getKeptIndices(applyFilters(view, f))).toEqual([0, 1, 2]);
    f = toggleFacetValue(f, 'company', 'Orbit Co', true);
    expect(getKeptIndices(applyFilters(view, f))).toEqual([2]);
  });

  it('filters by cluster index, owner (several owners per person) and industry', () => {
    const view = makeView();
    expect(getKeptIndices(applyFilters(view, toggleFacetValue(getEmptyFilters(), 'cluster', '1', true)))).toEqual([
      3, 4, 5,
    ]);
    expect(getKeptIndices(applyFilters(view, toggleFacetValue(getEmptyFilters(), 'owner', 'o2', true)))).toEqual([
      2, 3, 4, 5,
    ]);
    expect(
      getKeptIndices(applyFilters(view, toggleFacetValue(getEmptyFilters(), 'industry', 'Finance', true))),
    ).toEqual([3, 4]);
  });

  it('filters by an inclusive connected-on range, year or day precision', () => {
    const view = makeView();
    const f = { ...getEmptyFilters(), connectedOn: { from: '2019', to: '2019' } };
    expect(getKeptIndices(applyFilters(view, f))).toEqual([1, 2]);
    const g = { ...getEmptyFilters(), connectedOn: { from: '2019-11-02', to: '2020-01-01' } };
    expect(getKeptIndices(applyFilters(view, g))).toEqual([2, 4]);
    const open = { ...getEmptyFilters(), connectedOn: { from: '2020-01' } };
    expect(getKeptIndices(applyFilters(view, open))).toEqual([3, 4]);
  });

  it('matches the text query without accents or case', () => {
    const view = makeView();
    expect(getKeptIndices(applyFilters(view, { ...getEmptyFilters(), query: 'CHLOE' }))).toEqual([2]);
    expect(getKeptIndices(applyFilters(view, { ...getEmptyFilters(), query: 'bjorn zeta' }))).toEqual([1]);
    expect(getKeptIndices(applyFilters(view, { ...getEmptyFilters(), query: 'orbit' }))).toEqual([2, 3]);
  });

  it('gives the map the keys of the people filtered out', () => {
    const view = makeView();
    const kept = applyFilters(view, toggleFacetValue(getEmptyFilters(), 'cluster', '0', true));
    expect([...toFilteredOutKeys(kept)]).toEqual(['3', '4', '5']);
  });

  it('a ticked value unknown to the data keeps nobody', () => {
    const view = makeView();
    expect(getKeptIndices(applyFilters(view, toggleFacetValue(getEmptyFilters(), 'city', 'Atlantis', true)))).toEqual(
      [],
    );
  });
});

describe('computeFacetCounts', () => {
  it('counts each facet with the other facets applied', () => {
    const view = makeView();
    const f = toggleFacetValue(getEmptyFilters(), 'city', 'Berlin', true);
    const c = computeFacetCounts(view, f);
    expect(c.kept).toBe(2);
    // city counts ignore the city filter itself: Munich still shows 1
    expect(count(c.facets.city, 'Berlin')).toBe(2);
    expect(count(c.facets.city, 'Munich')).toBe(1);
    expect(count(c.facets.city, 'Paris')).toBe(1);
    // other facets are restricted to Berliners
    expect(count(c.facets.company, 'Zeta Labs')).toBe(2);
    expect(count(c.facets.company, 'Orbit Co')).toBe(0);
    expect(c.facets.company.find((x) => x.value === 'Orbit Co')?.total).toBe(2);
    expect(c.facets.city.find((x) => x.value === 'Berlin')?.selected).toBe(true);
  });

  it('agrees with applyFilters: a value count equals the people kept after also ticking it', () => {
    const view = makeView();
    let f = toggleFacetValue(getEmptyFilters(), 'industry', 'Software', true);
    f = { ...f, connectedOn: { from: '2019-06' } };
    const c = computeFacetCounts(view, f);
    for (const facet of ['company', 'city', 'cluster', 'owner'] as const) {
      for (const item of c.facets[facet]) {
        const g = { ...f, values: { ...f.values, [facet]: [item.value] } };
        expect([facet, item.value, item.count]).toEqual([
          facet,
          item.value,
          getKeptIndices(applyFilters(view, g)).length,
        ]);
      }
    }
  });

  it('labels clusters and owners by name, counts link kinds among kept people', () => {
    const view = makeView();
    const c = computeFacetCounts(view, getEmptyFilters());
    expect(c.facets.cluster.map((x) => x.label).sort()).toEqual(['Finance · Paris', 'Software · Berlin']);
    expect(c.facets.owner.find((x) => x.value === 'o2')?.label).toBe('Fay Owner');
    expect(c.edgeKinds).toEqual({ connection: 2, knows: 1, 'co-member': 0, colleague: 1, similar: 1 });
    const only = computeFacetCounts(view, toggleFacetValue(getEmptyFilters(), 'cluster', '0', true));
    expect(only.edgeKinds).toEqual({ connection: 2, knows: 0, 'co-member': 0, colleague: 1, similar: 0 });
  });

  it('keeps the top values by total and any selected one when limited', () => {
    const view = makeView();
    const f = toggleFacetValue(getEmptyFilters(), 'company', '=cmd|calc', true);
    const c = computeFacetCounts(view, f, { limit: 1 });
    // totals: Zeta Labs 2, Orbit Co 2 (ties by label: Orbit Co first), =cmd|calc 1 (kept: selected)
    expect(c.facets.company.map((x) => x.value)).toEqual(['Orbit Co', '=cmd|calc']);
  });
});

describe('edge kinds', () => {
  it('hides links whose every kind is hidden, and links to filtered-out people', () => {
    const view = makeView();
    const f = toggleEdgeKind(getEmptyFilters(), 'connection', false);
    expect(getEdgeKindMask(f)).toBe(0b11110);
    expect(Array.from(applyEdgeFilters(view, f, applyFilters(view, f)))).toEqual([0, 0, 1, 1]);
    const g = toggleFacetValue(getEmptyFilters(), 'cluster', '0', true);
    expect(Array.from(applyEdgeFilters(view, g, applyFilters(view, g)))).toEqual([1, 1, 1, 0]);
    expect(toggleEdgeKind(f, 'connection', true).hiddenEdgeKinds).toEqual([]);
  });
});

describe('getPlaceParts', () => {
  it('splits LinkedIn location text into city, region, country', () => {
    expect(
      getPlaceParts(makePerson({ name: 'x', place: { value: 'Munich, Bavaria, Germany', source: 'export' } })),
    ).toEqual({ city: 'Munich', region: 'Bavaria', country: 'Germany' });
    expect(getPlaceParts(makePerson({ name: 'x', place: { value: 'Paris, France', source: 'export' } }))).toEqual({
      city: 'Paris',
      country: 'France',
    });
    expect(
      getPlaceParts(makePerson({ name: 'x', place: { value: 'San Francisco Bay Area', source: 'export' } })),
    ).toEqual({ region: 'San Francisco Bay Area' });
    expect(getPlaceParts(makePerson({ name: 'x', place: { value: 'Germany', source: 'export' } }))).toEqual({
      country: 'Germany',
    });
    expect(getPlaceParts(makePerson({ name: 'x' }))).toEqual({});
  });
});
