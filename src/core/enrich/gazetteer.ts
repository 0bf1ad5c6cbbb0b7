/**
 * Place resolver: LinkedIn-style location text ("Munich, Bavaria, Germany", "San Francisco Bay Area",
 * "München", "NYC", "Portland, OR", "Remote") to a `Place` (city / admin-1 region / area / country)
 * with a confidence, plus region membership ("San Diego" ∈ Southern California, "Zürich" ∈ DACH).
 *
 * Method: the text is split on commas (and `|`, `;`, ` - `, parentheses); the parts after the first
 * constrain the first (country names in 14 languages and ISO codes, admin-1 names, state and
 * province abbreviations, areas). Candidates for the first part (cities, admin-1 regions, countries,
 * areas) are scored by log10(population) with bonuses for capitals and admin seats, and for the
 * `countryHint` of the context; a runner-up city within SCORE_AMBIGUITY in another region makes the
 * answer `ambiguous`. Data: GeoNames (CC-BY 4.0) reduced by scripts/build-gazetteer.ts, and the
 * hand-made data/regions.json. Cost: index build O(cities); a look-up is O(parts × candidates),
 * cached per text and hint.
 */
import type { Place } from '../types';
import { toFolded } from './text';

/** `[code, English name, alternate names]`. */
export type CountryRow = [string, string, string[]];
/** `[CC.code, name, alternate names]`. */
export type Admin1Row = [string, string, string[]];
/** `[geonameId, name, asciiName or '', alternates, admin1 index or -1, country, population, lat, lon, kind]`; kind 1 capital, 2 admin seat, 3 city section. */
export type CityRow = [number, string, string, string[], number, string, number, number, number, number];

/** The compact asset written by scripts/build-gazetteer.ts (data/gazetteer.json). */
export interface GazetteerData {
  version: number;
  attribution: string;
  countries: CountryRow[];
  admin1: Admin1Row[];
  cities: CityRow[];
}

export const REGION_KINDS = ['state', 'province', 'nation', 'area', 'group'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** One entry of data/regions.json (see its header comment and docs/enrichment.md). */
export interface Region {
  id: string;
  name: string;
  kind: RegionKind;
  aliases: string[];
  /** Whole admin-1 regions (`US.CA`). */
  admin1?: string[];
  /** For areas: the admin-1 regions that `cities`, `circle` and `bbox` apply to. */
  scope?: string[];
  /** For areas: city names inside `scope`. */
  cities?: string[];
  /** `[lat, lon, km]`. */
  circle?: [number, number, number];
  /** `[minLat, minLon, maxLat, maxLon]`. */
  bbox?: [number, number, number, number];
  /** Ids of areas this one lies in. */
  parents?: string[];
  /** The city a "Greater X" area stands for. */
  city?: string;
  /** For groups: ISO country codes. */
  countries?: string[];
  /** For groups: ids of other groups included. */
  includes?: string[];
}

export interface RegionsData {
  regions: Region[];
}

/** Context that decides between same-named places. */
export interface PlaceContext {
  /** ISO country code to prefer (from the person's company, or the network's most common country). */
  countryHint?: string;
}

export interface PlaceResolution {
  place: Place;
  /** 0..1. */
  confidence: number;
  /** Other places the text may mean, when the context did not decide. */
  ambiguous?: Place[];
  /** Population of the resolved city (GeoNames), when the place is a city. */
  population?: number;
}

export interface Gazetteer {
  /** Resolve location text to a place, or undefined when nothing in it is recognised. */
  resolvePlace(text: string, context?: PlaceContext): PlaceResolution | undefined;
  /** The region (state, area or group) an alias or name stands for: `SoCal`, `Bay Area`, `DACH`, `NSW`. */
  getRegion(text: string): Region | undefined;
  /** Whether a place lies in a region (by id from data/regions.json). */
  isInRegion(place: Place, regionId: string): boolean;
  getRegions(): Region[];
  /** English country name for an ISO code. */
  getCountryName(code: string): string | undefined;
  /** ISO code for a country name in any of the gazetteer's languages, or an ISO code. */
  getCountryCode(text: string): string | undefined;
  attribution: string;
}

/** Score gap under which a same-named city elsewhere makes a resolution ambiguous (log10 population units). */
const SCORE_AMBIGUITY = 1.3;
/** Score of a well-known admin-1 region (US state, province, Australian state, UK nation) when named alone. */
const ADMIN1_MAJOR_SCORE = 6.5;
const ADMIN1_MINOR_SCORE = 5.0;
const COUNTRY_SCORE = 7.5;
const HINT_BONUS = 2;

const REMOTE =
  /\b(remote|remotely|anywhere|worldwide|work from home|wfh|home ?office|teletravail|remoto|fully distributed)\b/;

const PREFIXES = [
  'greater ',
  'metropolregion ',
  'grossraum ',
  'region de ',
  'region of ',
  'area metropolitana de ',
  'area metropolitana di ',
  'regiao metropolitana de ',
  'region metropolitana de ',
  'city of ',
  'metro ',
];
const SUFFIXES = [
  ' metropolitan area',
  ' metropolitan region',
  ' metro area',
  ' metroplex',
  ' area',
  ' region',
  ' e regiao',
  ' y alrededores',
  ' und umgebung',
  ' et peripherie',
  ' e dintorni',
  ' en omgeving',
  ' i okolice',
  ' metro',
  ' urban',
  ' rural',
  ' city',
  ' district',
  ' county',
  ' province',
  ' prefecture',
  ' municipality',
  ' metropolis',
  ' state',
  ' canton',
  ' kanton',
];

/** Strip LinkedIn's area decorations one at a time: `greater kansas city area` → `kansas city area`, `kansas city`, `kansas`. */
function toBareNames(folded: string): string[] {
  const out = [folded];
  let s = folded;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of PREFIXES)
      if (s.startsWith(p) && s.length > p.length + 1) {
        s = s.slice(p.length).trim();
        out.push(s);
        changed = true;
      }
    for (const x of SUFFIXES)
      if (s.endsWith(x) && s.length > x.length + 1) {
        s = s.slice(0, -x.length).trim();
        out.push(s);
        changed = true;
      }
  }
  return [...new Set(out)];
}

/** The fully stripped name. */
function toBareName(folded: string): string {
  return toBareNames(folded).at(-1) ?? folded;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

const nameVariants = (folded: string): string[] => {
  const out = [folded];
  if (folded.startsWith('saint ')) out.push('st ' + folded.slice(6));
  if (folded.startsWith('st ')) out.push('saint ' + folded.slice(3));
  if (folded.startsWith('the ')) out.push(folded.slice(4));
  return out;
};

interface Candidate {
  kind: 'city' | 'admin1' | 'country' | 'region';
  index: number;
  score: number;
}

interface Constraints {
  countries?: Set<string>;
  admin1?: Set<number>;
  region?: Region;
  /** Admin-1 reading of a part read as a country. */
  altAdmin1?: Set<number>;
  unknownParts: number;
}

/** Build a gazetteer over the compact data and the regions table. Cost: O(cities + regions). */
export function createGazetteer(data: GazetteerData, regionsData: RegionsData = { regions: [] }): Gazetteer {
  const { cities, admin1, countries } = data;
  const regions = regionsData.regions;

  // 1. Indexes by folded name.
  const cityByName = new Map<string, number[]>();
  const cityById = new Map<number, number>();
  cities.forEach((c, i) => {
    cityById.set(c[0], i);
    for (const n of [c[1], c[2], ...c[3]]) if (n) for (const v of nameVariants(toFolded(n))) push(cityByName, v, i);
  });
  const admin1ByName = new Map<string, number[]>();
  const admin1ByCode = new Map<string, number>();
  admin1.forEach((a, i) => {
    admin1ByCode.set(a[0], i);
    for (const n of [a[1], ...a[2]]) {
      const f = toFolded(n);
      push(admin1ByName, f, i);
      const bare = toBareName(f.replace(/^state of /, ''));
      if (bare !== f) push(admin1ByName, bare, i);
    }
  });
  const countryByName = new Map<string, string>();
  const countryName = new Map<string, string>();
  for (const [code, name, alts] of countries) {
    countryName.set(code, name);
    for (const n of [name, ...alts]) if (!countryByName.has(toFolded(n))) countryByName.set(toFolded(n), code);
  }
  const regionById = new Map<string, Region>();
  const regionByAlias = new Map<string, Region>();
  /** Admin-1 regions named by a state/province/nation region (abbreviations included). */
  const majorAdmin1 = new Set<number>();
  const admin1ByAlias = new Map<string, number[]>();
  for (const r of regions) {
    regionById.set(r.id, r);
    const isAdmin = r.kind !== 'area' && r.kind !== 'group';
    for (const n of [r.name, ...r.aliases]) {
      const f = toFolded(n);
      if (!regionByAlias.has(f)) regionByAlias.set(f, r);
      if (isAdmin)
        for (const code of r.admin1 ?? []) {
          const i = admin1ByCode.get(code);
          if (i !== undefined) push(admin1ByAlias, f, i);
        }
    }
    if (isAdmin)
      for (const code of r.admin1 ?? []) {
        const i = admin1ByCode.get(code);
        if (i !== undefined) majorAdmin1.add(i);
      }
  }

  const groupCountries = new Map<string, Set<string>>();
  const getGroupCountries = (r: Region, seen = new Set<string>()): Set<string> => {
    const known = groupCountries.get(r.id);
    if (known) return known;
    const out = new Set(r.countries ?? []);
    seen.add(r.id);
    for (const id of r.includes ?? []) {
      const sub = regionById.get(id);
      if (sub && !seen.has(id)) for (const c of getGroupCountries(sub, seen)) out.add(c);
    }
    groupCountries.set(r.id, out);
    return out;
  };

  // 2. Places from rows.
  const cityPlace = (i: number, text: string, area?: string): Place => {
    const c = cities[i] as CityRow;
    const a = c[4] >= 0 ? admin1[c[4]] : undefined;
    const place: Place = { city: c[1], cityId: c[0], country: c[5], lat: c[7], lon: c[8], text };
    if (a) place.admin1 = a[1];
    const cn = countryName.get(c[5]);
    if (cn) place.countryName = cn;
    if (area) place.area = area;
    return place;
  };
  const admin1Place = (i: number, text: string): Place => {
    const a = admin1[i] as Admin1Row;
    const cc = a[0].split('.')[0] ?? '';
    const place: Place = { admin1: a[1], country: cc, text };
    const cn = countryName.get(cc);
    if (cn) place.countryName = cn;
    return place;
  };
  const countryPlace = (code: string, text: string): Place => {
    const place: Place = { country: code, text };
    const cn = countryName.get(code);
    if (cn) place.countryName = cn;
    return place;
  };
  const findCityIn = (name: string, scope: string[]): number | undefined => {
    const ids = cityByName.get(toFolded(name)) ?? [];
    const inScope = ids.filter((i) => {
      const c = cities[i] as CityRow;
      const a = admin1[c[4]];
      return scope.length === 0 || (a !== undefined && scope.includes(a[0]));
    });
    return inScope[0] ?? ids[0];
  };
  const regionPlace = (r: Region, text: string): Place => {
    if (r.kind === 'state' || r.kind === 'province' || r.kind === 'nation') {
      const i = admin1ByCode.get(r.admin1?.[0] ?? '');
      if (i !== undefined) return admin1Place(i, text);
    }
    if (r.kind === 'group') return { area: r.name, text };
    if (r.city) {
      const i = findCityIn(r.city, r.scope ?? r.admin1 ?? []);
      if (i !== undefined) return cityPlace(i, text, r.name);
    }
    const codes = [...(r.admin1 ?? []), ...(r.scope ?? [])];
    const ccs = new Set(codes.map((c) => c.split('.')[0] ?? ''));
    const place: Place = { area: r.name, text };
    if (ccs.size === 1) Object.assign(place, countryPlace([...ccs][0] ?? '', text), { area: r.name });
    const single = [...new Set(r.scope?.length ? r.scope : (r.admin1 ?? []))];
    if (single.length === 1) {
      const a = admin1[admin1ByCode.get(single[0] ?? '') ?? -1];
      if (a) place.admin1 = a[1];
    }
    if (r.circle) {
      place.lat = r.circle[0];
      place.lon = r.circle[1];
    }
    return place;
  };

  // 3. Parts after the first: constraints.
  const classifyTail = (raw: string, folded: string, con: Constraints): void => {
    const bare = toBareName(folded);
    const country = countryByName.get(folded) ?? countryByName.get(bare);
    if (country && !(raw.length === 2 && raw === raw.toUpperCase() && admin1ByAlias.has(folded))) {
      con.countries = new Set([country]);
      // "Georgia", "Victoria": also an admin-1 region, tried when no city fits the country.
      const alt = [...(admin1ByAlias.get(folded) ?? []), ...(admin1ByName.get(folded) ?? [])];
      if (alt.length) con.altAdmin1 = new Set(alt);
      return;
    }
    const filterCountry = (list: number[] | undefined) =>
      (list ?? []).filter((i) => !con.countries || con.countries.has((admin1[i] as Admin1Row)[0].split('.')[0] ?? ''));
    const byAlias = filterCountry(admin1ByAlias.get(folded));
    const byName = filterCountry(admin1ByName.get(folded) ?? admin1ByName.get(bare));
    const found = byAlias.length ? byAlias : byName;
    if (found.length) {
      con.admin1 = new Set(found);
      return;
    }
    const region = regionByAlias.get(folded) ?? regionByAlias.get(bare);
    if (region) {
      con.region = region;
      if (region.kind === 'group') con.countries = getGroupCountries(region);
      return;
    }
    if (/^[A-Z]{2}$/.test(raw) && countryName.has(raw)) {
      con.countries = new Set([raw]);
      return;
    }
    con.unknownParts++;
  };

  const cityOk = (i: number, con: Constraints): boolean => {
    const c = cities[i] as CityRow;
    if (con.countries && !con.countries.has(c[5])) return false;
    if (con.admin1 && !con.admin1.has(c[4])) return false;
    if (con.region && !regionContainsCity(con.region, i)) return false;
    return true;
  };

  const cityScore = (i: number, hint?: string): number => {
    const c = cities[i] as CityRow;
    let s = Math.log10(Math.max(c[6], 1000));
    if (c[9] === 1) s += 1;
    else if (c[9] === 2) s += 0.5;
    else if (c[9] === 3) s -= 1.5;
    if (hint && c[5] === hint) s += HINT_BONUS;
    return s;
  };

  const headCandidates = (folded: string, con: Constraints, hint?: string, relaxed = false): Candidate[] => {
    const out: Candidate[] = [];
    for (const name of toBareNames(folded)) {
      for (const i of cityByName.get(name) ?? []) {
        if (!relaxed && !cityOk(i, con)) continue;
        if (relaxed && con.countries && !con.countries.has((cities[i] as CityRow)[5])) continue;
        out.push({ kind: 'city', index: i, score: cityScore(i, hint) });
      }
      if (relaxed) {
        if (out.length) break;
        continue;
      }
      const list = [...(admin1ByName.get(name) ?? []), ...(admin1ByAlias.get(name) ?? [])];
      for (const i of new Set(list)) {
        const cc = (admin1[i] as Admin1Row)[0].split('.')[0] ?? '';
        if (con.countries && !con.countries.has(cc)) continue;
        if (con.admin1) continue;
        const base = majorAdmin1.has(i) ? ADMIN1_MAJOR_SCORE : ADMIN1_MINOR_SCORE;
        // "Washington, United States": LinkedIn writes cities as "City, State, Country", so a state.
        const stateForm = majorAdmin1.has(i) && con.countries?.size === 1 && !con.region ? 1 : 0;
        out.push({ kind: 'admin1', index: i, score: base + stateForm + (hint === cc ? HINT_BONUS : 0) });
      }
      const cc = countryByName.get(name);
      if (cc && !con.admin1 && (!con.countries || con.countries.has(cc))) {
        // A city-state (Singapore, Luxembourg) resolves to its capital: strictly more information.
        const capital = out.find((c) => c.kind === 'city' && (cities[c.index] as CityRow)[5] === cc);
        if (capital) capital.score += COUNTRY_SCORE;
        else
          out.push({
            kind: 'country',
            index: countries.findIndex((r) => r[0] === cc),
            score: COUNTRY_SCORE + (hint === cc ? HINT_BONUS : 0),
          });
      }
      if (out.length) break;
    }
    return out;
  };

  const sameArea = (a: number, b: number): boolean => {
    const ca = cities[a] as CityRow;
    const cb = cities[b] as CityRow;
    return ca[5] === cb[5] && ca[4] === cb[4];
  };

  const placeOf = (c: Candidate, text: string, area?: string): Place =>
    c.kind === 'city'
      ? cityPlace(c.index, text, area)
      : c.kind === 'admin1'
        ? admin1Place(c.index, text)
        : countryPlace((countries[c.index] as CountryRow)[0], text);

  const resolveParts = (text: string, context: PlaceContext): PlaceResolution | undefined => {
    const folded = toFolded(text);
    if (!folded) return undefined;
    const hint = context.countryHint;

    // 4. The whole text as a region, a city or a country ("San Francisco Bay Area", "Washington, D.C.").
    // States and provinces go through the scoring below ("Washington": the city or the state).
    const exact = regionByAlias.get(folded);
    const bareRegion = regionByAlias.get(toBareName(folded));
    const whole =
      exact && (exact.kind === 'area' || exact.kind === 'group')
        ? exact
        : bareRegion?.kind === 'area'
          ? bareRegion
          : undefined;
    const isShortAlias = whole && folded.length <= 3;
    if (whole && (!isShortAlias || text.trim() === text.trim().toUpperCase()))
      return { place: regionPlace(whole, text), confidence: 0.95 };

    const parts = text
      .split(/[,;|()·]| - | – | — /)
      .map((p) => p.trim())
      .filter(Boolean);
    const [head, ...tail] = parts;
    if (head === undefined) return undefined;
    const con: Constraints = { unknownParts: 0 };
    for (let k = tail.length - 1; k >= 0; k--) {
      const raw = tail[k] ?? '';
      classifyTail(raw, toFolded(raw), con);
    }
    const headFolded = toFolded(head);
    const headRegion = regionByAlias.get(headFolded) ?? regionByAlias.get(toBareName(headFolded));
    if (headRegion && headRegion.kind !== 'state' && headRegion.kind !== 'province' && headFolded.length > 3)
      return { place: regionPlace(headRegion, text), confidence: 0.9 };

    let candidates = headCandidates(headFolded, con, hint);
    if (!candidates.length && /[-–]/.test(head)) {
      // "Minneapolis-St. Paul Area": the first of twin cities.
      const first = toFolded(head.split(/[-–]/)[0] ?? '');
      candidates = headCandidates(toBareNames(first).at(-1) ?? first, con, hint);
    }
    let penalty = 0.05 * con.unknownParts;
    if (!candidates.length && con.altAdmin1) {
      const alt: Constraints = { admin1: con.altAdmin1, unknownParts: con.unknownParts };
      candidates = headCandidates(headFolded, alt, hint);
      if (candidates.length) Object.assign(con, alt, { countries: undefined });
    }
    if (!candidates.length && (con.admin1 || con.region)) {
      // A city outside the region the text names: keep the city, say less.
      candidates = headCandidates(headFolded, con, hint, true);
      penalty += 0.2;
    }
    if (!candidates.length) {
      // 5. Nothing for the first part: fall back to what the rest of the text names.
      if (con.region) return { place: regionPlace(con.region, text), confidence: 0.6 };
      if (con.admin1?.size === 1) return { place: admin1Place([...con.admin1][0] ?? 0, text), confidence: 0.6 };
      if (con.countries?.size === 1) return { place: countryPlace([...con.countries][0] ?? '', text), confidence: 0.6 };
      return undefined;
    }
    candidates.sort((a, b) => b.score - a.score);
    const best = candidates[0] as Candidate;
    const constrained = Boolean(con.countries || con.admin1 || con.region);
    // A same-named region that contains the other candidate is no rival ("Zürich" city and canton).
    const nested = (a: Candidate, b: Candidate): boolean => {
      const [city, other] = a.kind === 'city' ? [a, b] : [b, a];
      if (city.kind !== 'city') return false;
      const c = cities[city.index] as CityRow;
      if (other.kind === 'city') return sameArea(city.index, other.index);
      if (other.kind === 'admin1') return c[4] === other.index;
      return other.kind === 'country' && (countries[other.index] as CountryRow)[0] === c[5];
    };
    const rivals = candidates.filter((c) => c !== best && !nested(best, c) && c.score > best.score - SCORE_AMBIGUITY);
    const area = con.region && con.region.kind === 'area' ? con.region.name : undefined;
    const place = placeOf(best, text, area);
    let confidence = constrained ? 0.95 : 0.9;
    const result: PlaceResolution = { place, confidence };
    if (best.kind === 'city') result.population = (cities[best.index] as CityRow)[6];
    if (rivals.length) {
      const seen = new Set<string>();
      result.ambiguous = rivals
        .map((c) => placeOf(c, text))
        .filter((p) => {
          const key = `${p.city}|${p.admin1}|${p.country}`;
          return !seen.has(key) && seen.add(key);
        })
        .slice(0, 5);
      confidence = best.score - (rivals[0] as Candidate).score >= 0.5 ? 0.7 : 0.5;
    } else if (hint && best.kind === 'city' && (cities[best.index] as CityRow)[5] === hint) {
      const withoutHint = candidates.filter((c) => c.kind === 'city' && (cities[c.index] as CityRow)[5] !== hint);
      if (withoutHint.some((c) => c.score > best.score - HINT_BONUS - SCORE_AMBIGUITY)) confidence = 0.75;
    }
    result.confidence = Math.max(0.2, Math.round((confidence - penalty) * 100) / 100);
    return result;
  };

  const cache = new Map<string, PlaceResolution | undefined>();
  const resolvePlace = (text: string, context: PlaceContext = {}): PlaceResolution | undefined => {
    const key = `${context.countryHint ?? ''}\u0000${text}`;
    if (cache.has(key)) return cache.get(key);
    let result: PlaceResolution | undefined;
    const folded = toFolded(text);
    if (REMOTE.test(folded)) {
      const rest = text
        .replace(
          /\b(fully\s+)?(remote(ly)?|anywhere|worldwide|work from home|wfh|home ?office|télétravail|teletravail|remoto|distributed)\b/gi,
          ' ',
        )
        .replace(/^[\s,;|/()\-–]+|[\s,;|/()\-–]+$/g, '')
        .replace(/\s*[(),;|]\s*/g, ', ')
        .replace(/^[\s,]+|[\s,]+$/g, '');
      const place = rest.replace(/^(in|from|within|based in|en|aus|de|da)\b\s*/i, '');
      const inner = place ? resolveParts(place, context) : undefined;
      result = inner
        ? { ...inner, place: { ...inner.place, remote: true, text } }
        : { place: { remote: true, text }, confidence: 0.95 };
    } else result = resolveParts(text, context);
    if (cache.size > 100_000) cache.clear();
    cache.set(key, result);
    return result;
  };

  // 6. Region membership.
  const cityAdmin1Code = (i: number): string | undefined => admin1[(cities[i] as CityRow)[4]]?.[0];
  const regionCityNames = new Map<string, Set<string>>();
  const getRegionCityNames = (r: Region): Set<string> => {
    let s = regionCityNames.get(r.id);
    if (!s) {
      s = new Set((r.cities ?? []).map(toFolded));
      regionCityNames.set(r.id, s);
    }
    return s;
  };
  const inShape = (r: Region, lat: number, lon: number): boolean => {
    if (r.bbox && lat >= r.bbox[0] && lat <= r.bbox[2] && lon >= r.bbox[1] && lon <= r.bbox[3]) return true;
    if (r.circle) {
      const [clat, clon, km] = r.circle;
      const dy = (lat - clat) * 111.2;
      const dx = (lon - clon) * 111.2 * Math.cos((clat * Math.PI) / 180);
      if (dx * dx + dy * dy <= km * km) return true;
    }
    return false;
  };
  function regionContainsCity(r: Region, i: number): boolean {
    const c = cities[i] as CityRow;
    const code = cityAdmin1Code(i);
    if (r.kind === 'group') return getGroupCountries(r).has(c[5]);
    if (code && r.admin1?.includes(code)) return true;
    if (r.kind !== 'area') return false;
    if (r.scope?.length && (!code || !r.scope.includes(code))) return false;
    const names = getRegionCityNames(r);
    if (names.has(toFolded(c[1])) || c[3].some((n) => names.has(toFolded(n)))) return true;
    return inShape(r, c[7], c[8]);
  }
  const isInRegion = (place: Place, regionId: string, depth = 0): boolean => {
    const r = regionById.get(regionId);
    if (!r || depth > 8) return false;
    if (place.area) {
      if (place.area === r.name) return true;
      const own = regions.find((x) => x.name === place.area);
      if (
        own?.parents?.some(
          (p) => p === r.id || isInRegion({ ...place, area: regionById.get(p)?.name }, r.id, depth + 1),
        )
      )
        return true;
      if (own?.kind === 'group' && r.kind === 'group') {
        const mine = getGroupCountries(own);
        const theirs = getGroupCountries(r);
        if (mine.size && [...mine].every((c) => theirs.has(c))) return true;
      }
    }
    if (place.cityId !== undefined) {
      const i = cityById.get(place.cityId);
      if (i !== undefined) return regionContainsCity(r, i);
    }
    if (r.kind === 'group') return place.country !== undefined && getGroupCountries(r).has(place.country);
    if (place.admin1 && place.country) {
      const code = (admin1ByName.get(toFolded(place.admin1)) ?? [])
        .map((i) => (admin1[i] as Admin1Row)[0])
        .find((c) => c.startsWith(place.country + '.'));
      if (code && r.admin1?.includes(code)) return true;
    }
    if (r.kind === 'area' && place.lat !== undefined && place.lon !== undefined && !place.area && place.city)
      return inShape(r, place.lat, place.lon);
    return false;
  };

  return {
    resolvePlace,
    getRegion: (text) => regionByAlias.get(toFolded(text)) ?? regionById.get(text),
    isInRegion: (place, regionId) => isInRegion(place, regionId),
    getRegions: () => regions,
    getCountryName: (code) => countryName.get(code.toUpperCase()),
    getCountryCode: (text) => {
      const t = text.trim();
      if (/^[A-Za-z]{2}$/.test(t) && countryName.has(t.toUpperCase())) return t.toUpperCase();
      return countryByName.get(toFolded(t));
    },
    attribution: data.attribution,
  };
}
