/**
 * Whether a person's place lies in the place a need names, with the reason in words ("location: San
 * Diego ∈ Southern California"). A region, area or group matches through the gazetteer's
 * `isInRegion` (cities in their metro area, region, state and country); a city matches itself (same
 * GeoNames id, or same folded name in the same country) and, a little weaker, its metro area (the
 * data/regions.json area whose `city` it is: Cambridge, MA for "Boston"); a state or a country match
 * every place inside. People whose place was never resolved (no enrichment run) are resolved here from
 * their raw text. Without a gazetteer, folded texts are compared.
 * Cost: one look-up per distinct place (results cached per matcher), O(1) per person after that.
 */
import { toFolded } from '../enrich/text';
import type { Place } from '../types';
import type { PlaceQuery } from './parse-need';
import type { AskPlaces } from './vocabulary';

/** A place that matches, with its score and reason. */
export interface PlaceMatch {
  /** 1 for the place itself or inside it; `metroScore` for a city's metro area; `textScore` for a text-only match. */
  score: number;
  why: string;
}

/** Options for {@link createPlaceMatcher}. */
export interface PlaceMatchOptions {
  /** Score of a place in the metro area of the city asked for (not the city itself). Default 0.9. */
  metroScore?: number;
  /** Score of a match found only by comparing texts. Default 0.8. */
  textScore?: number;
}

/** Defaults of {@link PlaceMatchOptions}. */
export const PLACE_MATCH_DEFAULTS = { metroScore: 0.9, textScore: 0.8 };

const placeCache = new WeakMap<AskPlaces, Map<string, Place>>();

/** The place with city, admin-1 and country resolved from its text when the enrichment did not resolve it. */
export function getResolvedPlace(place: Place, places: AskPlaces | undefined): Place {
  if (!places || place.cityId !== undefined || (place.country && /^[A-Z]{2}$/.test(place.country)) || place.remote)
    return place;
  let cache = placeCache.get(places);
  if (!cache) placeCache.set(places, (cache = new Map()));
  const key = `${place.text}\u0000${place.city ?? ''}\u0000${place.country ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const text = place.text || [place.city, place.country].filter(Boolean).join(', ');
  const r = text ? places.resolvePlace(text) : undefined;
  const resolved = r ? { ...r.place, text: place.text } : place;
  if (cache.size > 200_000) cache.clear();
  cache.set(key, resolved);
  return resolved;
}

/** How a place is named in reasons: its city, else area, region, country or text. */
export function toPlaceLabel(p: Place): string {
  return p.city ?? p.area ?? p.admin1 ?? p.countryName ?? p.country ?? p.text;
}

const padded = (s: string | undefined) => ` ${toFolded(s ?? '')} `;

/** A matcher for one place query: call it with each person's place. */
export function createPlaceMatcher(
  query: PlaceQuery,
  places: AskPlaces | undefined,
  options: PlaceMatchOptions = {},
): (place: Place | undefined) => PlaceMatch | undefined {
  const o = { ...PLACE_MATCH_DEFAULTS, ...options };
  const label = query.label || query.text;
  const qCity = toFolded(query.city ?? '');
  const qAdmin1 = toFolded(query.admin1 ?? '');
  const qTexts = [query.label, query.text, query.city].filter((x): x is string => Boolean(x)).map((x) => toFolded(x));
  // The metro areas of the city asked for ("Greater Boston" for Boston).
  const metros =
    qCity && places
      ? places
          .getRegions()
          .filter((r) => r.kind === 'area' && r.city && toFolded(r.city) === qCity)
          .filter((r) => !query.country || (r.scope ?? r.admin1 ?? []).some((c) => c.startsWith(`${query.country}.`)))
      : [];
  const cache = new Map<string, PlaceMatch | null>();

  const countryOf = (p: Place): string | undefined => {
    if (p.country && /^[A-Z]{2}$/.test(p.country)) return p.country;
    return p.country && places ? places.getCountryCode(p.country) : undefined;
  };
  const inside = (what: string, p: Place) => {
    const shown = toPlaceLabel(p);
    return toFolded(shown) === toFolded(what) ? `location: ${shown}` : `location: ${shown} ∈ ${what}`;
  };

  const compute = (raw: Place): PlaceMatch | null => {
    const p = getResolvedPlace(raw, places);
    if (query.regionId && places) {
      if (places.isInRegion(p, query.regionId)) return { score: 1, why: inside(label, p) };
    } else if (qCity) {
      const sameCountry = !query.country || !countryOf(p) || countryOf(p) === query.country;
      if (
        (query.cityId !== undefined && p.cityId === query.cityId) ||
        (toFolded(p.city ?? '') === qCity && sameCountry)
      )
        return { score: 1, why: `location: ${toPlaceLabel(p)}` };
      const metro = places ? metros.find((r) => places.isInRegion(p, r.id)) : undefined;
      if (metro) return { score: o.metroScore, why: inside(metro.name, p) };
    } else if (qAdmin1) {
      if (toFolded(p.admin1 ?? '') === qAdmin1 && (!query.country || countryOf(p) === query.country))
        return { score: 1, why: inside(label, p) };
    } else if (query.country) {
      if (countryOf(p) === query.country) return { score: 1, why: inside(label, p) };
    }
    // Text fallback: the place's own words name what was asked ("Greater Boston Area" for "Boston").
    const text = padded([raw.text, raw.city, raw.area, raw.admin1, raw.countryName].filter(Boolean).join(' '));
    const hit = qTexts.find((t) => t && text.includes(` ${t} `));
    return hit ? { score: o.textScore, why: `location: ${raw.text || toPlaceLabel(raw)} ~ ${label}` } : null;
  };

  return (place) => {
    if (!place) return undefined;
    const key = `${place.cityId ?? ''}|${place.city ?? ''}|${place.area ?? ''}|${place.admin1 ?? ''}|${place.country ?? ''}|${place.text}`;
    let m = cache.get(key);
    if (m === undefined) cache.set(key, (m = compute(place)));
    return m ?? undefined;
  };
}
