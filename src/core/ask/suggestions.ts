/**
 * When a need matches no one, say so and suggest the nearest facets that do match: "no one in Lisbon;
 * 4 hospitality people in Porto". Each facet is tried alone: the topic (role, industry, words) without
 * the place, grouped by city and ranked by same country first, then nearness = count / (1 + km / 100)
 * (great-circle distance from the place asked, when both have coordinates), then count; and the place
 * without the topic, grouped by industry (else by position). Each suggestion carries the
 * corrected parsed need, ready to ask again.
 * Cost: O(n) over the index plus sorting the groups.
 */
import { toFolded } from '../enrich/text';
import type { AskIndex } from './ask-index';
import type { ParsedNeed, PlaceQuery } from './parse-need';
import { getResolvedPlace, toPlaceLabel } from './place-match';
import { getCandidates, getPlaceMatches, getTopicMatch, hasTopic as hasTopicOf, type NeedMatchers } from './targets';
import type { Place } from '../types';
import type { AskVocabulary } from './vocabulary';

/** A corrected need that matches people. */
export interface Suggestion {
  /** "4 hospitality people in Porto". */
  text: string;
  count: number;
  /** The need with the suggested correction, to pass back to `askNetwork`. */
  parsed: ParsedNeed;
}

/** Options for {@link computeSuggestions}. */
export interface SuggestionOptions {
  /** Suggestions returned at most. Default 3. */
  maxSuggestions?: number;
  /** Smallest topic score counted (as in targets.ts). Default 0.5. */
  minTopicScore?: number;
}

/** Defaults of {@link SuggestionOptions}. */
export const SUGGESTION_DEFAULTS = { maxSuggestions: 3, minTopicScore: 0.5 };

/** What the need asks for, as a noun phrase for `n` people: "accountants", "hospitality people", "people matching “react”". */
export function toTopicPhrase(parsed: ParsedNeed, n: number): string {
  const plural = n !== 1;
  if (parsed.role) {
    const t = parsed.role.term;
    const s =
      !plural || t.endsWith('s')
        ? t
        : /(x|ch|sh)$/.test(t)
          ? `${t}es`
          : /[^aeiou]y$/.test(t)
            ? `${t.slice(0, -1)}ies`
            : `${t}s`;
    return parsed.industry ? `${parsed.industry.term} ${s}` : s;
  }
  if (parsed.industry) return `${parsed.industry.term} ${plural ? 'people' : 'person'}`;
  if (parsed.words.length) return `${plural ? 'people' : 'person'} matching “${parsed.words.join(' ')}”`;
  return plural ? 'people' : 'person';
}

/** The place query that asks for exactly this (resolved) place: its city, else its area, region or country. */
function toQuery(label: string, p: Place): PlaceQuery {
  const q: PlaceQuery = { text: label, label };
  if (p.city) {
    q.city = p.city;
    if (p.cityId !== undefined) q.cityId = p.cityId;
  } else if (p.admin1) q.admin1 = p.admin1;
  if (p.country) q.country = p.country;
  if (p.lat !== undefined && p.lon !== undefined) [q.lat, q.lon] = [p.lat, p.lon];
  if (!p.city && !p.admin1 && !p.country) q.city = label;
  return q;
}

const km = (a: { lat?: number; lon?: number }, b: { lat?: number; lon?: number }): number => {
  if (a.lat === undefined || a.lon === undefined || b.lat === undefined || b.lon === undefined) return Infinity;
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
};

/** The message and suggestions for a need with no targets. */
export function computeSuggestions(
  index: AskIndex,
  parsed: ParsedNeed,
  matchers: NeedMatchers,
  vocab: AskVocabulary,
  options: SuggestionOptions = {},
): { message: string; suggestions: Suggestion[] } {
  const o = { ...SUGGESTION_DEFAULTS, ...options };
  const places = vocab.places;
  const hasTopic = hasTopicOf(matchers);
  const placeLabel = parsed.place?.label;
  const topicOnly: number[] = [];
  const placeOnly: number[] = [];
  if (hasTopic)
    for (const i of getCandidates(index, matchers)) {
      const topic = getTopicMatch(matchers, i);
      if (!index.people[i]?.ownerId && topic && topic.score >= o.minTopicScore && topic.score > 0) topicOnly.push(i);
    }
  for (const i of getPlaceMatches(index, matchers)) if (!index.people[i]?.ownerId) placeOnly.push(i);
  const suggestions: Suggestion[] = [];
  const parts: string[] = [];
  if (!hasTopic && !parsed.place) return { message: 'the need names no role, industry, place or word', suggestions };

  // 1. The topic elsewhere: the nearest cities where it matches.
  if (parsed.place && hasTopic) {
    parts.push(placeOnly.length ? `no ${toTopicPhrase(parsed, 2)} in ${placeLabel}` : `no one in ${placeLabel}`);
    const groups = new Map<
      string,
      { label: string; query: PlaceQuery; country?: string; lat?: number; lon?: number; count: number }
    >();
    for (const i of topicOnly) {
      const raw = index.people[i]?.place;
      if (!raw) continue;
      const p = getResolvedPlace(raw, places);
      const label = toPlaceLabel(p);
      const key = toFolded(`${label}|${p.country ?? ''}`);
      const g = groups.get(key);
      if (g) g.count++;
      else
        groups.set(key, {
          label,
          count: 1,
          query: toQuery(label, p),
          ...(p.country ? { country: p.country } : {}),
          ...(p.lat !== undefined && p.lon !== undefined ? { lat: p.lat, lon: p.lon } : {}),
        });
    }
    const q = parsed.place;
    // Nearness: many people close by first; a city 100 km away counts half (count when distances are unknown).
    const near = (g: { count: number; lat?: number; lon?: number }) => {
      const d = km(q, g);
      return Number.isFinite(d) ? g.count / (1 + d / 100) : g.count / 100;
    };
    const ranked = [...groups.values()].sort(
      (a, b) =>
        Number(b.country === q.country && q.country !== undefined) -
          Number(a.country === q.country && q.country !== undefined) ||
        near(b) - near(a) ||
        b.count - a.count ||
        (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
    );
    for (const g of ranked.slice(0, o.maxSuggestions)) {
      const place = g.query;
      suggestions.push({
        text: `${g.count} ${toTopicPhrase(parsed, g.count)} in ${g.label}`,
        count: g.count,
        parsed: { ...parsed, place },
      });
    }
  } else if (!hasTopic) parts.push(`no one in ${placeLabel}`);
  else parts.push(`no ${toTopicPhrase(parsed, 2)} in your network`);

  // 2. The place (or everyone) without the topic: what people there do.
  if (hasTopic && (!parsed.place || topicOnly.length === 0)) {
    const pool = parsed.place ? placeOnly : index.people.map((_p, i) => i).filter((i) => !index.people[i]?.ownerId);
    const byIndustry = new Map<string, number>();
    for (const i of pool) {
      const p = index.people[i];
      if (p?.industry) byIndustry.set(p.industry, (byIndustry.get(p.industry) ?? 0) + 1);
    }
    // Without enrichment (no industry or role family), the most common positions say what people there do.
    const byPosition = new Map<string, number>();
    if (byIndustry.size === 0)
      for (const i of pool) {
        const position = index.people[i]?.position?.trim();
        if (position) byPosition.set(position, (byPosition.get(position) ?? 0) + 1);
      }
    const where = parsed.place ? ` in ${placeLabel}` : '';
    const rank = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const room = Math.max(0, o.maxSuggestions - suggestions.length);
    for (const [id, count] of rank(byIndustry).slice(0, room)) {
      const known = vocab.industries.find((x) => x.id === id);
      const label = known?.name ?? id;
      const expanded = [...new Set([id, label, ...(known?.keywords ?? [])].map((k) => toFolded(k)).filter(Boolean))];
      const industry = { term: toFolded(label), expanded, name: label, industry: id };
      const next: ParsedNeed = { text: `${label}${where}`, words: [], industry };
      if (parsed.place) next.place = parsed.place;
      suggestions.push({ text: `${count} ${label} ${count === 1 ? 'person' : 'people'}${where}`, count, parsed: next });
    }
    for (const [position, count] of rank(byPosition).slice(0, room)) {
      const next: ParsedNeed = { text: `${position}${where}`, words: toFolded(position).split(' ') };
      if (parsed.place) next.place = parsed.place;
      suggestions.push({ text: `${count} × ${position}${where}`, count, parsed: next });
    }
  }
  return { message: parts.join('; '), suggestions };
}
