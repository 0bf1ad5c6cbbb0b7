/**
 * The vocabulary the ask feature understands: synonym groups (lawyer ~ solicitor ~ attorney ~ counsel),
 * industries with their keywords, stop phrases, and the place resolvers of the gazetteer (cities,
 * regions, countries). It is injected, never imported from files here, so core stays pure and tests can
 * plant a small vocabulary; `toAskVocabulary` adapts the enrichment's data (data/synonyms.json,
 * data/industries.json, the gazetteer) to it.
 *
 * Terms are compared as "keys": accents and case folded, punctuation dropped, each word reduced by a
 * light plural stemmer (`accountants` → `accountant`, `companies` → `company`, `taxes` → `tax`), so
 * the same function applied to both sides makes plural and singular meet. Cost: O(length) per key.
 */
import type { Gazetteer } from '../enrich/gazetteer';
import { toFolded } from '../enrich/text';

/** Kinds of synonym groups. */
export const TERM_KINDS = ['role', 'industry', 'term'] as const;
/** `role`: a trade or job ("accountant"); `industry`: a sector ("biotech"); `term`: any other word group (matched like a role). */
export type TermKind = (typeof TERM_KINDS)[number];

/** Equivalent terms; the first is the canonical one shown back to the user. */
export interface SynonymGroup {
  /** Stable id; default: the first term's key. */
  id?: string;
  /** Default 'role'. */
  kind?: TermKind;
  terms: string[];
  /** Role family id (data/roles.json) the group points at, e.g. `legal` for lawyer. */
  family?: string;
  /** Industry id (data/industries.json) the group points at, e.g. `legal` for lawyer. */
  industry?: string;
}

/** One industry of the taxonomy: its display name and the words that suggest it in a company or position. */
export interface IndustryEntry {
  id?: string;
  name: string;
  keywords: string[];
}

/** The gazetteer functions the ask feature uses (core/enrich/gazetteer.ts). */
export type AskPlaces = Pick<
  Gazetteer,
  'resolvePlace' | 'getRegion' | 'isInRegion' | 'getRegions' | 'getCountryName' | 'getCountryCode'
>;

/** Everything the ask feature understands in a need. */
export interface AskVocabulary {
  synonyms: readonly SynonymGroup[];
  industries: readonly IndustryEntry[];
  /** Place resolvers; without them only the raw text of people's places is compared. */
  places?: AskPlaces;
  /** Words and phrases removed from a need before matching. Default {@link STOP_PHRASES}. */
  stopPhrases?: readonly string[];
}

/** Phrases that carry no facet, longest first when matched. */
export const STOP_PHRASES = [
  'someone who knows',
  'somebody who knows',
  'someone who can introduce me to',
  'who can introduce me to',
  'introduce me to',
  'introduction to',
  'intro to',
  'someone who is',
  'someone who',
  'someone',
  'somebody',
  'people who are',
  'people who',
  'who knows',
  'who know',
  'who is',
  'who are',
  'looking for',
  'i am looking for',
  'im looking for',
  'we are looking for',
  'i need',
  'we need',
  'need',
  'needs',
  'want to hire',
  'hire',
  'hiring',
  'find',
  'finding',
  'recommend',
  'recommendation for',
  'contact',
  'contacts',
  'connect with',
  'talk to',
  'meet',
  'good',
  'great',
  'experienced',
  'please',
  'a',
  'an',
  'the',
  'some',
  'any',
  'few',
  'of',
  'for',
  'to',
  'with',
  'and',
  'or',
  'me',
  'my',
  'us',
  'our',
  'i',
  'we',
  'who',
  'that',
  'can',
  'could',
  'help',
  'people',
  'person',
  'expert',
  'experts',
  'in',
  'at',
  'from',
  'near',
  'around',
  'based',
] as const;

const SPECIAL_ENDINGS = ['ss', 'us', 'is', 'os', 'as'];

/** Light plural stemmer on one folded word: `accountants` → `accountant`, `companies` → `company`, `taxes` → `tax`. */
export function toStem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (/(x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !SPECIAL_ENDINGS.some((e) => word.endsWith(e))) return word.slice(0, -1);
  return word;
}

/** The comparable key of a term or text: folded words, each stemmed, single spaces. `Senior Tax Accountants` → `senior tax accountant`. */
export function toTermKey(text: string | undefined): string {
  if (!text) return '';
  const folded = toFolded(text);
  return folded ? folded.split(' ').map(toStem).join(' ') : '';
}

/** An empty vocabulary: only plain words are matched. */
export function getEmptyVocabulary(): AskVocabulary {
  return { synonyms: [], industries: [] };
}

/** The shapes the enrichment's data files may have; everything optional so a partial file still loads. */
export interface VocabularySources {
  /** Synonym groups as a list, `{ groups: [...] }`, or `{ <kind>: [[terms]...] }`. */
  synonyms?: unknown;
  /** Industries as a list or `{ industries: [...] }`; each `{ name, keywords }` (also `terms`, `aliases`). */
  industries?: unknown;
  places?: AskPlaces;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const toStrings = (x: unknown): string[] =>
  Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];

function toGroup(x: unknown, kind: TermKind | undefined): SynonymGroup | undefined {
  if (Array.isArray(x)) {
    const terms = toStrings(x);
    return terms.length ? { kind: kind ?? 'role', terms } : undefined;
  }
  if (!isRecord(x)) return undefined;
  const named = typeof x['term'] === 'string' ? [x['term']] : typeof x['name'] === 'string' ? [x['name']] : [];
  const terms = [...named, ...toStrings(x['terms']), ...toStrings(x['synonyms']), ...toStrings(x['aliases'])];
  const family = typeof x['family'] === 'string' ? x['family'] : undefined;
  const industry = typeof x['industry'] === 'string' ? x['industry'] : undefined;
  // Without a kind: a group with a role family is a role; one pointing only at an industry is an industry.
  const k =
    typeof x['kind'] === 'string' && (TERM_KINDS as readonly string[]).includes(x['kind'])
      ? (x['kind'] as TermKind)
      : (kind ?? (!family && industry ? 'industry' : 'role'));
  if (!terms.length) return undefined;
  const group: SynonymGroup = { kind: k, terms: [...new Set(terms)] };
  if (typeof x['id'] === 'string') group.id = x['id'];
  if (family) group.family = family;
  if (industry) group.industry = industry;
  return group;
}

/**
 * Adapts the enrichment's data (data/synonyms.json, data/industries.json) and gazetteer to an
 * AskVocabulary. Accepts the usual layouts (a list of groups, `{ groups }`, or groups per kind) and
 * skips what it does not understand, so an edit in a data file never breaks the ask feature.
 */
export function toAskVocabulary(sources: VocabularySources): AskVocabulary {
  const synonyms: SynonymGroup[] = [];
  const s = sources.synonyms;
  const lists: [unknown, TermKind | undefined][] = [];
  if (Array.isArray(s)) lists.push([s, undefined]);
  else if (isRecord(s)) {
    if (Array.isArray(s['groups'])) lists.push([s['groups'], undefined]);
    for (const kind of TERM_KINDS) {
      const plural = kind === 'industry' ? 'industries' : `${kind}s`;
      for (const key of [kind, plural]) if (Array.isArray(s[key])) lists.push([s[key], kind]);
    }
  }
  for (const [list, kind] of lists)
    for (const x of list as unknown[]) {
      const g = toGroup(x, kind);
      if (g) synonyms.push(g);
    }

  const industries: IndustryEntry[] = [];
  const i = sources.industries;
  const rows = Array.isArray(i) ? i : isRecord(i) && Array.isArray(i['industries']) ? i['industries'] : [];
  for (const row of rows as unknown[]) {
    if (!isRecord(row) || typeof row['name'] !== 'string') continue;
    // A trailing `*` (prefix wildcard in the enrichment's matcher) is dropped: the ask compares whole words.
    const keywords = [...toStrings(row['keywords']), ...toStrings(row['terms']), ...toStrings(row['aliases'])].map(
      (k) => k.replace(/\*+$/, ''),
    );
    const entry: IndustryEntry = { name: row['name'], keywords };
    if (typeof row['id'] === 'string') entry.id = row['id'];
    industries.push(entry);
  }
  const vocab: AskVocabulary = { synonyms, industries };
  if (sources.places) vocab.places = sources.places;
  return vocab;
}
