import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../src/core/enrich';
import type { Place } from '../../../src/core/types';
import { loadGazetteer } from '../../../src/io/gazetteer';
import { LOCATIONS, type LocationRow } from './locations.table';

let g: Gazetteer;
beforeAll(async () => {
  g = await loadGazetteer();
}, 60_000);

/** Why a row fails, or undefined when the resolution matches it. */
function check(row: LocationRow, place: Place | undefined): string | undefined {
  const [, city, admin1, country, opts] = row;
  if (!place) return 'not resolved';
  if (city !== '*' && (place.city ?? '') !== city) return `city ${place.city}`;
  if (admin1 !== '*' && admin1 !== '' && place.admin1 !== admin1) return `admin1 ${place.admin1}`;
  if (country !== '*' && (place.country ?? '') !== country) return `country ${place.country}`;
  if (opts?.area && place.area !== opts.area) return `area ${place.area}`;
  return undefined;
}

describe('resolvePlace on LinkedIn-style location strings', () => {
  it('resolves at least 95% of the table', () => {
    expect(LOCATIONS.length).toBeGreaterThanOrEqual(200);
    const failures: string[] = [];
    for (const row of LOCATIONS) {
      const hint = row[4]?.hint;
      const r = g.resolvePlace(row[0], hint ? { countryHint: hint } : {});
      const why = check(row, r?.place);
      if (why) failures.push(`${row[0]} → ${why}`);
    }
    const accuracy = 1 - failures.length / LOCATIONS.length;
    console.log(
      `place resolution: ${LOCATIONS.length - failures.length}/${LOCATIONS.length} = ${(accuracy * 100).toFixed(1)}%` +
        (failures.length ? `\n  misses: ${failures.join('\n          ')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('gives the known answers for the examples of the issue', () => {
    expect(g.resolvePlace('San Francisco Bay Area')?.place).toMatchObject({
      area: 'San Francisco Bay Area',
      country: 'US',
    });
    expect(g.resolvePlace('Munich, Bavaria, Germany')?.place).toMatchObject({
      city: 'Munich',
      admin1: 'Bavaria',
      country: 'DE',
    });
    expect(g.resolvePlace('München')?.place.cityId).toBe(g.resolvePlace('Munich')?.place.cityId);
    expect(g.resolvePlace('NYC')?.place.city).toBe('New York City');
    expect(g.resolvePlace('Remote')?.place).toEqual({ remote: true, text: 'Remote' });
    expect(g.resolvePlace('London, Ontario')?.place).toMatchObject({ city: 'London', country: 'CA' });
    expect(g.resolvePlace('')).toBeUndefined();
    expect(g.resolvePlace('Xyzzy Plugh')).toBeUndefined();
  });

  it('reports ambiguous names when the context does not decide, and lets the context decide', () => {
    const cambridge = g.resolvePlace('Cambridge');
    expect(cambridge?.ambiguous?.length).toBeGreaterThan(0);
    expect(cambridge?.confidence).toBeLessThan(0.8);
    const countries = new Set([cambridge?.place.country, ...(cambridge?.ambiguous ?? []).map((p) => p.country)]);
    expect(countries).toEqual(expect.objectContaining(new Set(['GB', 'US', 'CA'])));
    const us = g.resolvePlace('Cambridge', { countryHint: 'US' });
    expect(us?.place.admin1).toBe('Massachusetts');
    expect(us?.ambiguous).toBeUndefined();
    expect(g.resolvePlace('Portland')?.ambiguous?.some((p) => p.admin1 === 'Maine')).toBe(true);
    // The rest of the string decides without any hint.
    expect(g.resolvePlace('Cambridge, MA')?.ambiguous).toBeUndefined();
    expect(g.resolvePlace('Cambridge, MA')?.confidence).toBeGreaterThan(0.9);
  });

  it('keeps the text it resolved and rounds coordinates', () => {
    const r = g.resolvePlace('Zürich, Switzerland');
    expect(r?.place.text).toBe('Zürich, Switzerland');
    expect(r?.place.lat).toBeCloseTo(47.37, 1);
  });
});

describe('regions', () => {
  const inRegion = (text: string, region: string) => {
    const r = g.resolvePlace(text);
    if (!r) throw new Error(`test: '${text}' did not resolve`);
    return g.isInRegion(r.place, region);
  };

  it('knows the areas, states and groups of the issue', () => {
    expect(inRegion('San Diego, California', 'southern-california')).toBe(true);
    expect(inRegion('Irvine, CA', 'southern-california')).toBe(true);
    expect(inRegion('Riverside, CA', 'southern-california')).toBe(true);
    expect(inRegion('Anaheim, California', 'orange-county')).toBe(true);
    expect(inRegion('Los Angeles', 'southern-california')).toBe(true);
    expect(inRegion('San Francisco, CA', 'southern-california')).toBe(false);
    expect(inRegion('San Francisco, CA', 'sf-bay-area')).toBe(true);
    expect(inRegion('Palo Alto, California', 'silicon-valley')).toBe(true);
    expect(inRegion('Palo Alto, California', 'sf-bay-area')).toBe(true);
    expect(inRegion('Cambridge, MA', 'greater-boston')).toBe(true);
    expect(inRegion('Stamford, Connecticut', 'tri-state-area')).toBe(true);
    expect(inRegion('Seattle, WA', 'pacific-northwest')).toBe(true);
    expect(inRegion('Vancouver, BC', 'pacific-northwest')).toBe(true);
    expect(inRegion('Zürich', 'dach')).toBe(true);
    expect(inRegion('Wien', 'dach')).toBe(true);
    expect(inRegion('Paris', 'dach')).toBe(false);
    expect(inRegion('São Paulo', 'latam')).toBe(true);
    expect(inRegion('Amsterdam', 'benelux')).toBe(true);
    expect(inRegion('Tallinn, Estonia', 'baltics')).toBe(true);
    expect(inRegion('Oslo', 'nordics')).toBe(true);
    expect(inRegion('Dubai', 'gulf')).toBe(true);
    expect(inRegion('Dubai', 'emea')).toBe(true);
    expect(inRegion('Lagos, Nigeria', 'emea')).toBe(true);
    expect(inRegion('Singapore', 'apac')).toBe(true);
    expect(inRegion('Toronto', 'north-america')).toBe(true);
    expect(inRegion('Toronto', 'europe')).toBe(false);
    expect(inRegion('Austin, TX', 'us-tx')).toBe(true);
    expect(inRegion('Texas, United States', 'us-tx')).toBe(true);
    expect(inRegion('Edinburgh', 'gb-sct')).toBe(true);
    expect(inRegion('Sydney', 'au-nsw')).toBe(true);
    expect(inRegion('Montreal', 'ca-qc')).toBe(true);
  });

  it('relates areas and groups to their parents', () => {
    expect(inRegion('Orange County', 'southern-california')).toBe(true);
    expect(inRegion('Silicon Valley', 'sf-bay-area')).toBe(true);
    expect(inRegion('DACH', 'europe')).toBe(true);
    expect(inRegion('DACH', 'emea')).toBe(true);
    expect(inRegion('California, United States', 'southern-california')).toBe(false);
  });

  it('finds regions by alias, accent- and case-insensitively', () => {
    expect(g.getRegion('SoCal')?.id).toBe('southern-california');
    expect(g.getRegion('bay area')?.id).toBe('sf-bay-area');
    expect(g.getRegion('D-A-CH')?.id).toBe('dach');
    expect(g.getRegion('Latinoamérica')?.id).toBe('latam');
    expect(g.getRegion('NSW')?.id).toBe('au-nsw');
    expect(g.getRegion('nowhere')).toBeUndefined();
    expect(g.getRegions().length).toBeGreaterThan(100);
  });
});
