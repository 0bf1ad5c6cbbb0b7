/**
 * Targets: the people, at any distance, who match a parsed need, ranked, each with why it matched
 * ("position: Senior Tax Accountant ~ accountant", "location: San Diego ∈ Southern California").
 *
 * Per person and facet a score in 0..1:
 * - role: a term of the role's synonym group as whole words in the position (1 for the term asked,
 *   `synonymScore` for a synonym), else in the company name (`companyScore`), else the person works
 *   in the industry the role's group points at with a compatible or unknown role family (`familyScore`);
 * - industry: the person's industry is the one asked (1), else an industry keyword in the company or
 *   position (`keywordScore`);
 * - words: each plain word found by MiniSearch in position, company or industry (1 for the word
 *   itself, `prefixScore` for a longer word it begins, `fuzzyScore` for a small typo); the facet scores
 *   the mean over the words;
 * - place: see place-match.ts; a need with a place keeps only people whose place matches.
 * topic = weighted mean of the role, industry and words scores present in the need (each weight 1);
 * a person is a target when topic ≥ `minTopicScore` and the place matches; score = topic × place.
 * Owners are never targets. Ranked by score, ties by id. Cost: O(n · terms) plus one MiniSearch query per word.
 */
import type { AskIndex, AskPerson } from './ask-index';
import type { ParsedNeed } from './parse-need';
import { createPlaceMatcher, type PlaceMatch, type PlaceMatchOptions } from './place-match';
import { toTermKey, type AskPlaces } from './vocabulary';

/** A person who matches the need, with why. */
export interface Target {
  id: string;
  name: string;
  /** 0..1, rounded to 3 decimals. */
  score: number;
  why: string[];
}

/** Options for {@link computeTargets}. */
export interface TargetOptions {
  /** Smallest topic score (share of the role / industry / words facets matched) of a target. Default 0.5. */
  minTopicScore?: number;
  /** Score of a synonym of the role asked (the term itself scores 1). Default 0.9. */
  synonymScore?: number;
  /** Score of a role term found in the company name ("Law Offices of …" for lawyer). Default 0.7. */
  companyScore?: number;
  /** Score of a person in the role's industry (synonym group's `industry`) with a compatible role family. Default 0.7. */
  familyScore?: number;
  /** Score of an industry keyword in company or position. Default 0.8. */
  keywordScore?: number;
  /** Score of a word found as the beginning of a longer word. Default 0.85. */
  prefixScore?: number;
  /** Score of a word found with a small typo. Default 0.7. */
  fuzzyScore?: number;
  /** MiniSearch fuzziness (fraction of the word's length in edits). Default 0.2. */
  fuzzy?: number;
  /** Place matching scores; see place-match.ts. */
  place?: PlaceMatchOptions;
}

/** Defaults of {@link TargetOptions}. */
export const TARGET_DEFAULTS = {
  minTopicScore: 0.5,
  synonymScore: 0.9,
  companyScore: 0.7,
  familyScore: 0.7,
  keywordScore: 0.8,
  prefixScore: 0.85,
  fuzzyScore: 0.7,
  fuzzy: 0.2,
};

/** How one facet matched one person. */
export interface FacetHit {
  score: number;
  why: string;
}

/** Per-facet hits of a need over person indexes (only the people who match), and the place matcher. */
export interface NeedMatchers {
  role?: Map<number, FacetHit>;
  industry?: Map<number, FacetHit>;
  /** One map per plain word. */
  words: Map<number, FacetHit>[];
  place?: (p: AskPerson) => PlaceMatch | undefined;
}

/** Sets `hit` for each person in `list` unless a better one is there. */
function mark(
  hits: Map<number, FacetHit>,
  list: readonly number[] | undefined,
  score: number,
  why: (i: number) => string,
) {
  if (!list) return;
  for (const i of list) {
    const old = hits.get(i);
    if (!old || old.score < score) hits.set(i, { score, why: why(i) });
  }
}

/** Builds the facet hits of a parsed need over an index: phrase look-ups, so O(matches), not O(people). */
export function createNeedMatchers(
  index: AskIndex,
  parsed: ParsedNeed,
  places: AskPlaces | undefined,
  options: TargetOptions = {},
): NeedMatchers {
  const o = { ...TARGET_DEFAULTS, ...options };
  const m: NeedMatchers = { words: [] };
  const { people, positionGrams, companyGrams, byIndustry } = index;
  const person = (i: number) => people[i] as AskPerson;

  // 1. Role: synonym terms in the position, then the company, then the trade's industry with a compatible family.
  const role = parsed.role;
  if (role) {
    const asked = toTermKey(role.term);
    const keys = [...new Set([asked, ...role.expanded.map(toTermKey)])].filter(Boolean);
    const hits = new Map<number, FacetHit>();
    const inPosition = (i: number) => `position: ${person(i).position ?? ''} ~ ${role.term}`;
    for (const k of keys) mark(hits, positionGrams.get(k), k === asked ? 1 : o.synonymScore, inPosition);
    for (const k of keys)
      mark(hits, companyGrams.get(k), o.companyScore, (i) => `company: ${person(i).company ?? ''} ~ ${role.term}`);
    if (role.industry) {
      // "Associate" at a law firm for lawyer: the trade's industry, role family compatible or unknown.
      const family = role.family;
      const list = (byIndustry.get(role.industry) ?? []).filter((i) => {
        const f = person(i).roleFamily;
        return !family || !f || f === family;
      });
      mark(hits, list, o.familyScore, (i) => {
        const p = person(i);
        return `industry: ${p.industry ?? ''}${p.roleFamily ? `, role: ${p.roleFamily}` : ''} ~ ${role.term}`;
      });
    }
    m.role = hits;
  }

  // 2. Industry: the person's industry, then keywords in company or position.
  const industry = parsed.industry;
  if (industry) {
    const keys = [...new Set([industry.term, industry.name ?? '', ...industry.expanded].map(toTermKey))].filter(
      Boolean,
    );
    const shown = industry.name ?? industry.term;
    const hits = new Map<number, FacetHit>();
    if (industry.industry) mark(hits, byIndustry.get(industry.industry), 1, () => `industry: ${shown}`);
    for (const k of keys) mark(hits, byIndustry.get(k), 1, (i) => `industry: ${person(i).industry ?? ''}`);
    for (const k of keys)
      mark(hits, companyGrams.get(k), o.keywordScore, (i) => `company: ${person(i).company ?? ''} ~ ${industry.term}`);
    for (const k of keys)
      mark(
        hits,
        positionGrams.get(k),
        o.keywordScore,
        (i) => `position: ${person(i).position ?? ''} ~ ${industry.term}`,
      );
    m.industry = hits;
  }

  // 3. Plain words: MiniSearch with prefix and fuzzy matching; the best kind of match per person.
  for (const word of parsed.words) {
    const key = toTermKey(word);
    if (!key) continue;
    const hits = new Map<number, FacetHit>();
    for (const r of index.search.search(key, { prefix: true, fuzzy: o.fuzzy })) {
      const i = r.id as number;
      const p = people[i];
      if (!p) continue;
      let best: FacetHit | undefined;
      for (const [term, fields] of Object.entries(r.match)) {
        const score = term === key ? 1 : term.startsWith(key) ? o.prefixScore : o.fuzzyScore;
        if (best && best.score >= score) continue;
        const field = fields.includes('position') ? 'position' : fields.includes('company') ? 'company' : 'industry';
        best = { score, why: `${field}: ${p[field] ?? ''} ~ ${word}` };
      }
      if (best) hits.set(i, best);
    }
    m.words.push(hits);
  }

  // 4. Place: matched once per distinct place of the network.
  if (parsed.place) {
    const match = createPlaceMatcher(parsed.place, places, o.place);
    const done = new Array<PlaceMatch | null | undefined>(index.places.length);
    m.place = (p) => {
      if (p.placeIndex < 0) return undefined;
      let r = done[p.placeIndex];
      if (r === undefined) done[p.placeIndex] = r = match(index.places[p.placeIndex]) ?? null;
      return r ?? undefined;
    };
  }
  return m;
}

/** Whether the need has a role, industry or word facet. */
export function hasTopic(m: NeedMatchers): boolean {
  return Boolean(m.role || m.industry || m.words.length);
}

/** Topic score and reasons of one person (undefined when the need has no topical facet). */
export function getTopicMatch(m: NeedMatchers, i: number): { score: number; why: string[] } | undefined {
  let facets = 0;
  let total = 0;
  const why: string[] = [];
  const add = (hit: FacetHit | undefined, weight = 1) => {
    facets += weight;
    if (!hit) return;
    total += hit.score * weight;
    if (!why.includes(hit.why)) why.push(hit.why);
  };
  if (m.role) add(m.role.get(i));
  if (m.industry) add(m.industry.get(i));
  const words = m.words.length;
  for (const hits of m.words) add(hits.get(i), 1 / words);
  return facets > 0 ? { score: total / facets, why } : undefined;
}

/** Person indexes whose place matches the need's (each distinct place tested once), ascending. */
export function getPlaceMatches(index: AskIndex, m: NeedMatchers): number[] {
  const out: number[] = [];
  if (!m.place) return out;
  index.placeMembers.forEach((members, at) => {
    const first = index.people[members[0] ?? -1];
    if (first && first.placeIndex === at && m.place?.(first)) out.push(...members);
  });
  return out.sort((a, b) => a - b);
}

/** Person indexes with any topical hit (all people, or those in the place, when the need has no topic), ascending. */
export function getCandidates(index: AskIndex, m: NeedMatchers): number[] {
  if (!hasTopic(m)) return m.place ? getPlaceMatches(index, m) : index.people.map((_p, i) => i);
  const set = new Set<number>();
  for (const hits of [m.role, m.industry, ...m.words]) if (hits) for (const i of hits.keys()) set.add(i);
  return [...set].sort((a, b) => a - b);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Every target of a need, best first (ties by id). `exclude` holds ids never listed (owners are always left out).
 * A need with no facet at all has no targets.
 */
export function computeTargets(
  index: AskIndex,
  parsed: ParsedNeed,
  places: AskPlaces | undefined,
  options: TargetOptions = {},
  matchers: NeedMatchers = createNeedMatchers(index, parsed, places, options),
): Target[] {
  const o = { ...TARGET_DEFAULTS, ...options };
  const topical = hasTopic(matchers);
  if (!topical && !matchers.place) return [];
  const out: Target[] = [];
  for (const i of getCandidates(index, matchers)) {
    const p = index.people[i];
    if (!p || p.ownerId) continue;
    const topic = getTopicMatch(matchers, i);
    if (topical && (!topic || topic.score < o.minTopicScore || topic.score <= 0)) continue;
    let score = topic?.score ?? 1;
    const why = topic ? [...topic.why] : [];
    if (matchers.place) {
      const place = matchers.place(p);
      if (!place) continue;
      score *= place.score;
      why.push(place.why);
    }
    out.push({ id: p.id, name: p.name, score: round(score), why });
  }
  return out.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
