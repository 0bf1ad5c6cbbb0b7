import { beforeAll, describe, expect, it } from 'vitest';
import { enrichPeople, type Gazetteer } from '../../../src/core/enrich';
import { createRng } from '../../../src/core/rng';
import type { Person, Sourced } from '../../../src/core/types';
import { loadGazetteer } from '../../../src/io/gazetteer';

let g: Gazetteer;
beforeAll(async () => {
  g = await loadGazetteer();
}, 60_000);

const ref = { file: 'test.csv', line: 2 };
function person(
  id: string,
  company?: string,
  position?: string,
  attributes: Record<string, string> = {},
  email?: string,
): Person {
  const p: Person = {
    id,
    name: id,
    firstName: id,
    lastName: '',
    owners: ['owner:a'],
    connectedOn: {},
    attributes: Object.fromEntries(
      Object.entries(attributes).map(([k, v]) => [k, { value: v, source: 'enrichment', ref } as Sourced<string>]),
    ),
    mergedBy: [],
    caveats: [],
    refs: [],
  };
  if (company) p.company = { value: company, source: 'export', ref };
  if (position) p.position = { value: position, source: 'export', ref };
  if (email) p.email = email;
  return p;
}

describe('enrichPeople', () => {
  it('reads enrichment columns first, with their source and ref', () => {
    const p = person('a', 'Acme', 'Engineer', { location: 'Munich, Bavaria, Germany', industry: 'Legal Services' });
    enrichPeople([p], g);
    expect(p.place).toMatchObject({ source: 'enrichment', ref, value: { city: 'Munich', country: 'DE' } });
    expect(p.place?.evidence).toContain('Munich, Bavaria, Germany');
    expect(p.industry).toMatchObject({ value: 'legal', source: 'enrichment', ref });
  });

  it('joins city/region/country columns', () => {
    const p = person('b', undefined, undefined, { city: 'Portland', region: 'ME', country: 'United States' });
    enrichPeople([p], g);
    expect(p.place?.value).toMatchObject({ city: 'Portland', admin1: 'Maine' });
  });

  it('infers places from titles and company names, marked as inferred with evidence', () => {
    const berlin = person('c', 'Acme', 'Founder | Berlin');
    const benelux = person('d', 'Northwind', 'Head of Sales, Benelux');
    const brasil = person('e', 'Acme Brasil', 'Gerente');
    const based = person('f', 'Acme', 'Designer based in Lisbon');
    enrichPeople([berlin, benelux, brasil, based], g);
    expect(berlin.place).toMatchObject({ source: 'inferred', value: { city: 'Berlin', country: 'DE' } });
    expect(berlin.place?.evidence).toContain('Founder | Berlin');
    expect(benelux.place).toMatchObject({ source: 'inferred', value: { area: 'Benelux' } });
    expect(brasil.place).toMatchObject({ source: 'inferred', value: { country: 'BR' } });
    expect(based.place?.value.city).toBe('Lisbon');
    for (const p of [berlin, benelux, brasil, based]) {
      expect(p.place?.confidence).toBeLessThan(1);
      expect(p.place?.evidence).toBeTruthy();
    }
  });

  it('does not read common words as places', () => {
    const p = person('g', 'Acme', 'Developer | Mobile | Cloud');
    enrichPeople([p], g);
    expect(p.place).toBeUndefined();
  });

  it('falls back to legal forms and e-mail country domains, with low confidence', () => {
    const gmbh = person('h', 'Müller Maschinenbau GmbH', 'Konstrukteur');
    const mail = person('i', 'Acme', 'Engineer', {}, 'ana@example.fr');
    const generic = person('j', 'Acme', 'Engineer', {}, 'bo@startup.io');
    enrichPeople([gmbh, mail, generic], g);
    expect(gmbh.place).toMatchObject({ source: 'inferred', value: { country: 'DE' } });
    expect(gmbh.place?.evidence).toContain('GmbH');
    expect(mail.place).toMatchObject({ source: 'inferred', value: { country: 'FR' } });
    expect(mail.place?.confidence).toBeLessThanOrEqual(0.4);
    expect(generic.place).toBeUndefined();
  });

  it("uses the network's most common country for ambiguous names", () => {
    const people = [
      ...['Boston, MA', 'Austin, TX', 'Seattle, WA', 'Denver, CO'].map((l, i) =>
        person(`us${i}`, 'Acme', 'Engineer', { location: l }),
      ),
      person('amb', 'Acme', 'Engineer', { location: 'Cambridge' }),
    ];
    const summary = enrichPeople(people, g);
    expect(summary.countryHint).toBe('US');
    expect(people[4]?.place?.value.admin1).toBe('Massachusetts');
    const alone = person('alone', 'Acme', 'Engineer', { location: 'Cambridge' });
    enrichPeople([alone], g, { useNetworkContext: false });
    expect(alone.place?.evidence).toContain('could also be');
  });

  it('never overwrites values a user or a file set', () => {
    const p = person('k', 'Coastal Realty', 'Realtor', { location: 'Paris' });
    p.place = { value: { text: 'Lyon', city: 'Lyon' }, source: 'user' };
    p.industry = { value: 'events', source: 'user' };
    enrichPeople([p], g);
    expect(p.place.value.city).toBe('Lyon');
    expect(p.industry.value).toBe('events');
    expect(p.role).toMatchObject({ source: 'inferred', value: { family: 'sales' } });
  });

  it('infers industry and role with provenance, and works without a gazetteer', () => {
    const p = person('l', 'Smith & Jones LLP', 'Partner');
    const summary = enrichPeople([p], undefined);
    expect(p.place).toBeUndefined();
    expect(p.industry).toMatchObject({ value: 'legal', source: 'inferred' });
    expect(p.industry?.evidence).toContain('LLP');
    expect(p.role).toMatchObject({ value: { family: 'leadership', seniority: 'partner' }, source: 'inferred' });
    expect(summary).toMatchObject({ people: 1, industries: { inferred: 1 }, roles: { inferred: 1 } });
  });

  it('handles 30,000 people (time printed, not asserted)', () => {
    const rng = createRng(42);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)] as T;
    const companies = [
      'Acme Realty',
      'Northwind GmbH',
      'Lumen Labs',
      'Helios Therapeutics',
      'Smith & Jones LLP',
      'Google',
      'City of Austin',
    ];
    const titles = [
      'Software Engineer',
      'Founder & CEO | Speaker',
      'Realtor',
      'Head of Sales, DACH',
      'Steuerberater',
      'Nurse',
    ];
    const places = [
      'Berlin, Germany',
      'San Francisco Bay Area',
      'Portland',
      'London',
      'Zürich, Switzerland',
      'Austin, TX',
    ];
    const people = Array.from({ length: 30_000 }, (_, i) =>
      person(
        `p${i}`,
        `${pick(companies)}${rng() < 0.5 ? ` ${i % 500}` : ''}`,
        `${pick(titles)}${rng() < 0.3 ? ` ${i % 300}` : ''}`,
        rng() < 0.4 ? { location: pick(places) } : {},
      ),
    );
    const t0 = performance.now();
    const summary = enrichPeople(people, g);
    const ms = performance.now() - t0;
    console.log(`enrichPeople: 30,000 people in ${ms.toFixed(0)} ms`, JSON.stringify(summary));
    expect(summary.people).toBe(30_000);
    expect(people.every((p) => p.role === undefined || p.role.source === 'inferred')).toBe(true);
  });
});
