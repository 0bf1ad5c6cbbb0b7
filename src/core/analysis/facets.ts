/**
 * A person's descriptive facets for the analysis: industry, place (city, area, country), role family,
 * normalised company and e-mail domain, and position terms. Reads the enrichment's resolved values
 * (`person.place`, `person.industry`, `person.role`) when present and falls back to the raw
 * enrichment-table attributes (`city`, `country`, `location`, `industry`), so the analysis works
 * whether or not enrichment ran. Cost: O(length of the person's texts); with a {@link FacetCache}, each
 * distinct company, position and facet value is keyed once per run (30,000 people share a few thousand).
 */
import { toNameKey } from '../identity';
import type { Person } from '../types';

/** Words that make a company name a non-company: nobody is a colleague through "Self-employed". */
export const NON_COMPANIES = [
  'self employed',
  'selfemployed',
  'self',
  'freelance',
  'freelancer',
  'free lance',
  'confidential',
  'stealth',
  'stealth mode',
  'stealth startup',
  'stealth mode startup',
  'independent',
  'independent consultant',
  'retired',
  'unemployed',
  'none',
  'n a',
  'na',
  'various',
  'private',
  'student',
  'open to work',
  'looking for opportunities',
] as const;

/** Legal-form words dropped from the end of company names (`Acme GmbH` and `ACME` are one company). */
export const LEGAL_SUFFIXES = [
  'inc',
  'incorporated',
  'llc',
  'l l c',
  'gmbh',
  'ltd',
  'limited',
  'llp',
  'lp',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'sa',
  'sas',
  'sarl',
  'ag',
  'bv',
  'nv',
  'srl',
  'spa',
  'pty',
  'oy',
  'ab',
  'as',
  'kg',
  'se',
  'pc',
  'pllc',
  'gmbh co kg',
] as const;

/** Webmail and ISP domains: sharing one says nothing about working together. */
export const WEBMAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'yahoo.de',
  'ymail.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'outlook.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'gmx.com',
  'web.de',
  't-online.de',
  'proton.me',
  'protonmail.com',
  'mail.com',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'qq.com',
  '163.com',
  '126.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'orange.fr',
  'free.fr',
  'wanadoo.fr',
  'libero.it',
  'zoho.com',
  'fastmail.com',
  'hey.com',
] as const;

const NON_COMPANY_SET = new Set<string>(NON_COMPANIES);
const SUFFIX_SET = new Set<string>(LEGAL_SUFFIXES);
/** The legal forms of several words, with their word counts, in LEGAL_SUFFIXES order. */
const MULTI_WORD_SUFFIXES = LEGAL_SUFFIXES.filter((s) => s.includes(' ')).map((s) => ({
  suffix: s,
  words: s.split(' ').length,
}));
const WEBMAIL_SET = new Set<string>(WEBMAIL_DOMAINS);

/**
 * Company key for "same company": accents folded, lower-case, punctuation removed, trailing legal forms
 * dropped (`Acme, Inc.` → `acme`); undefined for non-companies ("Self-employed", "Stealth", "Confidential").
 */
export function toCompanyKey(company: string | undefined): string | undefined {
  let words = toNameKey(company).split(' ').filter(Boolean);
  while (words.length > 1 && SUFFIX_SET.has(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  // "gmbh co kg", "l l c": multi-word legal forms.
  for (const { suffix, words: n } of MULTI_WORD_SUFFIXES)
    if (words.length > n && words.slice(-n).join(' ') === suffix) words = words.slice(0, -n);
  const key = words.join(' ');
  if (!key || NON_COMPANY_SET.has(key) || key.startsWith('self employed') || key.startsWith('stealth'))
    return undefined;
  return key;
}

/** The e-mail's domain, lower-case, or undefined for webmail or a malformed address. */
export function toEmailDomain(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 1) return undefined;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) || WEBMAIL_SET.has(domain)) return undefined;
  return domain;
}

/** Words too common in positions to say anything ("Senior Manager at ..."). */
const POSITION_STOPWORDS = new Set([
  'and',
  'the',
  'for',
  'of',
  'at',
  'in',
  'to',
  'a',
  'an',
  'on',
  'with',
  'de',
  'der',
  'die',
  'und',
  'et',
  'la',
  'le',
  'y',
  'del',
  'senior',
  'sr',
  'junior',
  'jr',
  'lead',
  'head',
  'chief',
  'manager',
  'director',
  'associate',
  'assistant',
  'principal',
  'staff',
  'global',
  'team',
  'ii',
  'iii',
  'iv',
]);

/** Distinct lower-case words of a position, minus stop-words, seniority words and numbers. */
export function toPositionTerms(position: string | undefined): string[] {
  const words = toNameKey(position)
    .split(' ')
    .filter((w) => w.length >= 2 && !POSITION_STOPWORDS.has(w) && !/^\d+$/.test(w));
  return [...new Set(words)];
}

/** A person's facets, as display strings (undefined when unknown). */
export interface PersonFacets {
  industry?: string;
  city?: string;
  area?: string;
  /** ISO code when the enrichment resolved it, else the text as written. */
  country?: string;
  role?: string;
  company?: string;
  /** Normalised company key (see {@link toCompanyKey}). */
  companyKey?: string;
  emailDomain?: string;
  /** Lower-case position words minus stop-words and seniority words. */
  positionTerms: string[];
}

function clean(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t ? t : undefined;
}

/**
 * Caches for one run of {@link getPersonFacets} and {@link getFacetTokens} over many people: company keys,
 * position terms and tokens by their text. What they return is then shared between people: read it, never
 * change it.
 */
export interface FacetCache {
  companyKeys: Map<string, string | undefined>;
  positionTerms: Map<string, string[]>;
  tokens: Record<keyof typeof FACET_TOKEN_WEIGHTS, Map<string, FacetToken | undefined>>;
}

/** An empty {@link FacetCache}. */
export function getEmptyFacetCache(): FacetCache {
  return {
    companyKeys: new Map(),
    positionTerms: new Map(),
    tokens: {
      industry: new Map(),
      city: new Map(),
      area: new Map(),
      country: new Map(),
      role: new Map(),
      position: new Map(),
    },
  };
}

/** `fn(text)`, from `cache` when it holds the text. */
function cached<T>(cache: Map<string, T> | undefined, text: string | undefined, fn: (t: string | undefined) => T): T {
  if (cache === undefined || text === undefined) return fn(text);
  let v = cache.get(text);
  if (v === undefined && !cache.has(text)) {
    v = fn(text);
    cache.set(text, v);
  }
  return v as T;
}

/**
 * Reads a person's facets from enrichment results, falling back to raw table attributes. With `cache` (default
 * none), company keys and position terms come from it (see {@link FacetCache}).
 */
export function getPersonFacets(person: Person, cache?: FacetCache): PersonFacets {
  const a = person.attributes;
  const place = person.place?.value;
  const positionTerms = cached(cache?.positionTerms, person.position?.value, toPositionTerms);
  const company = clean(person.company?.value);
  const facets: PersonFacets = { positionTerms };
  const industry = clean(person.industry?.value) ?? clean(a['industry']?.value);
  const city = clean(place?.city) ?? clean(a['city']?.value);
  const area = clean(place?.area);
  const country = clean(place?.country) ?? clean(a['country']?.value);
  const role = clean(person.role?.value.family);
  const companyKey = cached(cache?.companyKeys, company, toCompanyKey);
  const emailDomain = toEmailDomain(person.email);
  if (industry) facets.industry = industry;
  if (city) facets.city = city;
  if (area) facets.area = area;
  if (country) facets.country = country;
  if (role) facets.role = role;
  if (company && companyKey) facets.company = company;
  if (companyKey) facets.companyKey = companyKey;
  if (emailDomain) facets.emailDomain = emailDomain;
  return facets;
}

/** Token weights of each facet in the similarity vectors (position words count less: they are noisy). */
export const FACET_TOKEN_WEIGHTS = { industry: 1, city: 1, area: 0.5, country: 0.3, role: 1, position: 0.5 } as const;

/** A weighted token of a person's attribute vector, e.g. `industry:biotech` (display: `Biotech`). */
export interface FacetToken {
  token: string;
  label: string;
  weight: number;
}

function toFacetToken(kind: keyof typeof FACET_TOKEN_WEIGHTS, value: string): FacetToken | undefined {
  const key = toNameKey(value);
  return key ? { token: `${kind}:${key}`, label: value, weight: FACET_TOKEN_WEIGHTS[kind] } : undefined;
}

/**
 * The attribute tokens used by `similar` links and cluster terms. Deterministic order. With `cache` (default
 * none), each kind and value's token is made once and shared (see {@link FacetCache}).
 */
export function getFacetTokens(f: PersonFacets, cache?: FacetCache): FacetToken[] {
  // Each kind's cache read by its name (a keyed read by a varying kind deoptimised the callers it was inlined in).
  const out: FacetToken[] = [];
  const t = cache?.tokens;
  pushToken(out, t?.industry, 'industry', f.industry);
  pushToken(out, t?.city, 'city', f.city);
  pushToken(out, t?.area, 'area', f.area);
  pushToken(out, t?.country, 'country', f.country);
  pushToken(out, t?.role, 'role', f.role);
  const terms = f.positionTerms;
  for (let i = 0; i < terms.length; i++) pushToken(out, t?.position, 'position', terms[i]);
  return out;
}

/** Appends the token of a kind and value, from `byValue` when it holds the value. */
function pushToken(
  out: FacetToken[],
  byValue: Map<string, FacetToken | undefined> | undefined,
  kind: keyof typeof FACET_TOKEN_WEIGHTS,
  value: string | undefined,
): void {
  if (!value) return;
  let token = byValue?.get(value);
  if (token === undefined && !byValue?.has(value)) {
    token = toFacetToken(kind, value);
    byValue?.set(value, token);
  }
  if (token) out.push(token);
}
