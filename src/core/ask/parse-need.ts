/**
 * Parses a need typed in plain words ("hire a React developer in Berlin", "an accountant in Southern
 * California", "someone who knows biotech investors in Boston") into facets: a role, an industry, a
 * place and plain words. The result is a plain, serialisable object the UI shows back ("role:
 * accountant · place: Southern California") and lets the user correct before asking again.
 *
 * Steps: (1) the place: the words after the last "in / near / around / at / from / based in" that the
 * gazetteer resolves (a region or area by name or alias, a country, a state, a city), else trailing or
 * leading words that name a region or a country (or a capitalised city); (2) topics: the longest runs
 * of words (up to 4) that are a synonym group's term or an industry's name or keyword; (3) stop phrases
 * ("someone who knows", "hire", "a") dropped; (4) what is left are plain words for full-text search.
 * Cost: O(words² · look-ups); the vocabulary's term table is built once per vocabulary and cached.
 */
import { toFolded } from '../enrich/text';
import type { Place } from '../types';
import { STOP_PHRASES, toTermKey, type AskPlaces, type AskVocabulary, type TermKind } from './vocabulary';

/** A place the need names. Only the fields the resolver found are set; the UI may edit any of them. */
export interface PlaceQuery {
  /** The words as typed ("Southern California"). */
  text: string;
  /** Display name ("Southern California", "Berlin", "Brazil"). */
  label: string;
  /** A data/regions.json id (state, area or group): people whose place lies in it match. */
  regionId?: string;
  /** ISO 3166-1 alpha-2 code. */
  country?: string;
  /** Admin-1 region name ("California"), with `country`. */
  admin1?: string;
  city?: string;
  /** GeoNames id of the city. */
  cityId?: number;
  /** Where the place is, for "nearest" suggestions. */
  lat?: number;
  lon?: number;
}

/** A role or industry the need names, with the terms it stands for. */
export interface TermQuery {
  /** As the user wrote it, folded ("attorney"). */
  term: string;
  /** Every term that counts as a match, folded ("attorney", "lawyer", "solicitor", "counsel"). */
  expanded: string[];
  /** Role family id of the synonym group (`legal`). */
  family?: string;
  /** Industry id (`biotech-pharma`): for an industry, the one asked; for a role, the one its group points at. */
  industry?: string;
  /** Industry display name from the taxonomy ("Biotechnology & Pharmaceuticals"). */
  name?: string;
}

/** A parsed need: plain data, editable by the UI and passed back to `askNetwork`. */
export interface ParsedNeed {
  text: string;
  role?: TermQuery;
  industry?: TermQuery;
  place?: PlaceQuery;
  /** Plain words left for full-text search in position and company ("react"). */
  words: string[];
}

/** A need with nothing in it (what the Ask box holds before anything is typed). */
export function getEmptyParsedNeed(): ParsedNeed {
  return { text: '', words: [] };
}

/** Options for {@link parseNeed}. */
export interface ParseNeedOptions {
  /** Smallest confidence of a gazetteer resolution accepted as the need's place. Default 0.5. */
  minPlaceConfidence?: number;
  /** Longest run of words looked up as one term. Default 4. */
  maxTermWords?: number;
}

/** Defaults of {@link ParseNeedOptions}. */
export const PARSE_NEED_DEFAULTS = { minPlaceConfidence: 0.5, maxTermWords: 4 };

/** Words that introduce a place. */
const PLACE_WORDS = new Set(['in', 'near', 'around', 'at', 'from', 'within', 'across', 'throughout']);

interface TermEntry {
  kind: Exclude<TermKind, 'term'> | 'term';
  /** Priority when one key has several meanings: industry name 3, synonym group 2, industry keyword 1. */
  priority: number;
  query: Omit<TermQuery, 'term'>;
}

const termTables = new WeakMap<AskVocabulary, Map<string, TermEntry>>();

/** The vocabulary's term table: term key → meaning. Built once per vocabulary object. */
export function getTermTable(vocab: AskVocabulary): Map<string, TermEntry> {
  const known = termTables.get(vocab);
  if (known) return known;
  const table = new Map<string, TermEntry>();
  const put = (term: string, entry: TermEntry) => {
    const key = toTermKey(term);
    const old = table.get(key);
    if (key && (!old || old.priority < entry.priority)) table.set(key, entry);
  };
  const fold = (terms: string[]) => [...new Set(terms.map((t) => toFolded(t)).filter(Boolean))];
  const industries = new Map<string, Omit<TermQuery, 'term'>>();
  for (const ind of vocab.industries) {
    const query: Omit<TermQuery, 'term'> = { expanded: fold([ind.name, ...ind.keywords]), name: ind.name };
    if (ind.id) {
      query.industry = ind.id;
      industries.set(ind.id, query);
    }
    for (const k of ind.keywords) put(k, { kind: 'industry', priority: 1, query });
    put(ind.name, { kind: 'industry', priority: 3, query });
    if (ind.id) put(ind.id.replace(/[-_]/g, ' '), { kind: 'industry', priority: 3, query });
  }
  for (const g of vocab.synonyms) {
    const kind = g.kind ?? 'role';
    const query: Omit<TermQuery, 'term'> = { expanded: fold(g.terms) };
    if (g.family) query.family = g.family;
    if (g.industry) query.industry = g.industry;
    const ind = g.industry ? industries.get(g.industry) : undefined;
    if (kind === 'industry' && ind) {
      // An industry group borrows the taxonomy's name and keywords.
      if (ind.name) query.name = ind.name;
      query.expanded = [...new Set([...query.expanded, ...ind.expanded])];
    }
    for (const t of g.terms) put(t, { kind, priority: 2, query });
  }
  termTables.set(vocab, table);
  return table;
}

interface Word {
  /** Index of the raw token it came from. */
  token: number;
  folded: string;
  key: string;
}

function toWordsOf(tokens: string[]): Word[] {
  const out: Word[] = [];
  tokens.forEach((raw, token) => {
    const folded = toFolded(raw);
    if (folded) for (const w of folded.split(' ')) out.push({ token, folded: w, key: toTermKey(w) });
  });
  return out;
}

/** Resolves place words to a PlaceQuery: region or area, country, then the gazetteer's resolver. */
export function toPlaceQuery(
  text: string,
  places: AskPlaces | undefined,
  options: ParseNeedOptions = {},
): PlaceQuery | undefined {
  const o = { ...PARSE_NEED_DEFAULTS, ...options };
  const raw = text.trim().replace(/^[\s,.;:!?]+|[\s,.;:!?]+$/g, '');
  const folded = toFolded(raw);
  if (!folded) return undefined;
  if (!places) return { text: raw, label: raw, city: raw };
  // Short aliases ("OC", "IE", "ME", "IN") count only when written in capitals.
  const shortOk = folded.replace(/ /g, '').length > 3 || raw === raw.toUpperCase();
  const region = shortOk ? places.getRegion(raw) : undefined;
  if (region) {
    const q: PlaceQuery = { text: raw, label: region.name, regionId: region.id };
    const codes = [...(region.admin1 ?? []), ...(region.scope ?? [])].map((c) => c.split('.')[0] ?? '');
    const countries = [...new Set(codes.filter(Boolean))];
    if (countries.length === 1 && countries[0]) q.country = countries[0];
    if (region.circle) [q.lat, q.lon] = region.circle;
    return q;
  }
  const country = shortOk ? places.getCountryCode(raw) : undefined;
  if (country) return { text: raw, label: places.getCountryName(country) ?? raw, country };
  const r = places.resolvePlace(raw);
  if (!r || r.confidence < o.minPlaceConfidence || r.place.remote) return undefined;
  return fromPlace(raw, r.place, places);
}

function fromPlace(raw: string, p: Place, places: AskPlaces): PlaceQuery | undefined {
  const q: PlaceQuery = { text: raw, label: raw };
  if (p.lat !== undefined && p.lon !== undefined) [q.lat, q.lon] = [p.lat, p.lon];
  if (p.city) {
    q.city = p.city;
    q.label = p.city;
    if (p.cityId !== undefined) q.cityId = p.cityId;
    if (p.admin1) q.admin1 = p.admin1;
    if (p.country) q.country = p.country;
    return q;
  }
  if (p.area) {
    const region = places.getRegion(p.area);
    if (region) return { ...q, label: region.name, regionId: region.id, ...(p.country ? { country: p.country } : {}) };
  }
  if (p.admin1 && p.country) return { ...q, label: p.admin1, admin1: p.admin1, country: p.country };
  if (p.country) return { ...q, label: p.countryName ?? places.getCountryName(p.country) ?? raw, country: p.country };
  return undefined;
}

/** Parses need text into facets (see the module header). Never throws; unknown words become plain words. */
export function parseNeed(text: string, vocab: AskVocabulary, options: ParseNeedOptions = {}): ParsedNeed {
  const o = { ...PARSE_NEED_DEFAULTS, ...options };
  const table = getTermTable(vocab);
  const stop = getStopPhrases(vocab.stopPhrases ?? STOP_PHRASES);
  const tokens = text.split(/\s+/).filter(Boolean);
  let words = toWordsOf(tokens);
  const parsed: ParsedNeed = { text: text.trim(), words: [] };
  const isTopic = (ws: Word[]) => table.has(ws.map((w) => w.key).join(' '));
  const rawOf = (ws: Word[]) => {
    const first = ws[0]?.token ?? 0;
    const last = ws[ws.length - 1]?.token ?? first;
    return tokens.slice(first, last + 1).join(' ');
  };

  // 1. Place: after the last place word, longest span first; else trailing or leading region / country / capitalised city.
  const tryPlace = (span: Word[], strict: boolean): PlaceQuery | undefined => {
    if (!span.length || isTopic(span)) return undefined;
    const raw = rawOf(span);
    const q = toPlaceQuery(raw, vocab.places, o);
    if (!q || !strict) return q;
    const proper = /^\p{Lu}/u.test(raw);
    return q.regionId || (q.country && !q.city) || (proper && q.city) ? q : undefined;
  };
  let placeSpan: [number, number] | undefined;
  for (let i = words.length - 2; i >= 0 && !placeSpan; i--) {
    if (!PLACE_WORDS.has(words[i]?.folded ?? '')) continue;
    for (let end = words.length; end > i + 1 && !placeSpan; end--) {
      const q = tryPlace(words.slice(i + 1, end), false);
      if (q) {
        parsed.place = q;
        const start = words[i - 1]?.folded === 'based' ? i - 1 : i;
        placeSpan = [start, end];
      }
    }
  }
  if (!placeSpan && vocab.places) {
    for (let n = Math.min(4, words.length - 1); n >= 1 && !placeSpan; n--) {
      const tail = tryPlace(words.slice(words.length - n), true);
      if (tail) [parsed.place, placeSpan] = [tail, [words.length - n, words.length]];
      const head: PlaceQuery | undefined = placeSpan ? undefined : tryPlace(words.slice(0, n), true);
      if (head) [parsed.place, placeSpan] = [head, [0, n]];
    }
  }
  if (placeSpan) words = [...words.slice(0, placeSpan[0]), ...words.slice(placeSpan[1])];

  // 2. Topics: longest runs of words that the vocabulary knows.
  const left: Word[] = [];
  const extra: string[] = [];
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(o.maxTermWords, words.length - i); n >= 1 && !matched; n--) {
      const span = words.slice(i, i + n);
      const entry = table.get(span.map((w) => w.key).join(' '));
      if (!entry || (n === 1 && stop.set.has(span[0]?.folded ?? ''))) continue;
      matched = n;
      const term = span.map((w) => w.folded).join(' ');
      const query: TermQuery = { term, ...entry.query, expanded: [...new Set([term, ...entry.query.expanded])] };
      if (entry.kind === 'industry' && !parsed.industry) parsed.industry = query;
      else if (entry.kind !== 'industry' && !parsed.role) parsed.role = query;
      else extra.push(term);
    }
    if (matched) i += matched;
    else left.push(words[i++] as Word);
  }

  // 3. Stop phrases out, longest first; 4. the rest are plain words.
  for (let i = 0; i < left.length;) {
    let skip = 0;
    for (const phrase of stop.list) {
      const parts = phrase.split(' ');
      if (parts.every((p, k) => left[i + k]?.folded === p)) {
        skip = parts.length;
        break;
      }
    }
    if (skip) i += skip;
    else parsed.words.push(left[i++]?.folded ?? '');
  }
  parsed.words = [...new Set([...extra, ...parsed.words].filter(Boolean))];
  return parsed;
}

const stopLists = new WeakMap<readonly string[], { list: string[]; set: Set<string> }>();
/** Stop phrases longest first (folded), and the one-word ones as a set; cached per list. */
function getStopPhrases(phrases: readonly string[]): { list: string[]; set: Set<string> } {
  let s = stopLists.get(phrases);
  if (!s) {
    const list = [...new Set(phrases.map((p) => toFolded(p)).filter(Boolean))].sort(
      (a, b) => b.split(' ').length - a.split(' ').length || (a < b ? -1 : 1),
    );
    s = { list, set: new Set(list.filter((p) => !p.includes(' '))) };
    stopLists.set(phrases, s);
  }
  return s;
}

/** The parsed need as one line: "role: accountant · place: Southern California". */
export function toNeedLabel(parsed: ParsedNeed): string {
  const parts: string[] = [];
  if (parsed.role) parts.push(`role: ${parsed.role.term}`);
  if (parsed.industry) parts.push(`industry: ${parsed.industry.term}`);
  if (parsed.place) parts.push(`place: ${parsed.place.label}`);
  if (parsed.words.length) parts.push(`words: ${parsed.words.join(' ')}`);
  return parts.join(' · ') || 'nothing recognised';
}

export const NEED_FACETS = ['role', 'industry', 'place', 'word'] as const;
/** A facet of a parsed need, as the UI shows it in a chip. */
export type NeedFacet = (typeof NEED_FACETS)[number];

/** The chips of a parsed need: `[{ facet: 'role', label: 'accountant' }, { facet: 'place', label: 'Southern California' }]`. */
export function toNeedChips(parsed: ParsedNeed): { facet: NeedFacet; label: string }[] {
  const chips: { facet: NeedFacet; label: string }[] = [];
  if (parsed.role) chips.push({ facet: 'role', label: parsed.role.term });
  if (parsed.industry) chips.push({ facet: 'industry', label: parsed.industry.name ?? parsed.industry.term });
  if (parsed.place) chips.push({ facet: 'place', label: parsed.place.label });
  for (const w of parsed.words) chips.push({ facet: 'word', label: w });
  return chips;
}

/** The need without one chip (a pure producer for the UI's "×" on a chip); `label` picks the word to drop. */
export function removeNeedChip(parsed: ParsedNeed, facet: NeedFacet, label?: string): ParsedNeed {
  const { role, industry, place, ...rest } = parsed;
  const next: ParsedNeed = {
    ...rest,
    words: facet === 'word' ? parsed.words.filter((w) => w !== label) : [...parsed.words],
  };
  if (role && facet !== 'role') next.role = role;
  if (industry && facet !== 'industry') next.industry = industry;
  if (place && facet !== 'place') next.place = place;
  return next;
}
