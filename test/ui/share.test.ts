import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACETS, getEmptyFilters, toggleFacetValue, type Filters } from '../../src/ui/filters';
import { parseShareHash, toShareHash, type ShareSettings } from '../../src/ui/share';
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
