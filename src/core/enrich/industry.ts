/**
 * Industry inference from a company name and a job title, with the editable keyword taxonomy in
 * data/industries.json (31 industries in the spirit of LinkedIn's list).
 *
 * Evidence and weights: a well-known company name 6, a company-name cue (`Realty`, `Therapeutics`,
 * `CPA`, `LLP`) 3, another keyword in the company name 1.5; in the title, an industry job word
 * (`attorney`, `realtor`) 1.5 in its first segment and 0.75 after, a plain keyword 0.5; a company
 * written into the title (`CEO @ Acme Realty`) counts as company text at 0.8; when the company
 * itself names an industry, title evidence counts half. Legal forms (`GmbH`,
 * `Inc.`) are removed first: they are never industry evidence. The best score wins when it reaches
 * MIN_SCORE. An enrichment column, when given, is used as written (mapped to the taxonomy when it
 * names one of its industries). Cost: O(words) per call with hash look-ups; results cached by text.
 */
import type { Sourced } from '../types';
import bundled from '../../../data/industries.json';
import { buildPhraseMatcher, type PhraseMatcher } from './phrase-matcher';
import { toCasedWords, toFolded, toWords } from './text';

export interface IndustryDef {
  id: string;
  name: string;
  keywords: string[];
  companyCues: string[];
  companies: string[];
  positionKeywords: string[];
}

export interface LegalForm {
  form: string;
  /** Countries the form points at (empty: used in many). */
  countries: string[];
}

export interface IndustriesData {
  industries: IndustryDef[];
  legalForms: LegalForm[];
}

/** Options for {@link createIndustryClassifier}. */
export interface IndustryOptions {
  /** Score an industry needs to be inferred. Default 1 (one company keyword, or a title word). */
  minScore?: number;
}

const DEFAULTS: Required<IndustryOptions> = { minScore: 1 };

/** Letters up to which a one-word legal form must be written in its own case or in capitals (`SpA`, `AS`). */
const SHORT_FORM = 3;

const WEIGHT = {
  company: 6,
  cue: 3,
  keyword: 1.5,
  position: 1.5,
  positionLater: 0.75,
  positionKeyword: 0.5,
  inTitle: 0.8,
  titleWhenCompanySays: 0.5,
};

export interface IndustryClassifier {
  /** Industry id from company and title, or the enrichment value; undefined when nothing says. */
  inferIndustry(company?: string, position?: string, enrichmentValue?: string): Sourced<string> | undefined;
  /** The industry a typed text names (`law`, `Legal Services`, `legal`), by id, name or keyword. */
  getIndustry(text: string): IndustryDef | undefined;
  getIndustries(): IndustryDef[];
  /** The company name without its legal form, and the countries the form points at. */
  splitLegalForm(company: string): { name: string; countries: string[]; form?: string };
}

type Kind = 'company' | 'cue' | 'keyword' | 'position' | 'positionKeyword';

/** Build a classifier over a taxonomy (default: the bundled data/industries.json). */
export function createIndustryClassifier(
  data: IndustriesData = bundled as IndustriesData,
  options: IndustryOptions = {},
): IndustryClassifier {
  const { minScore } = { ...DEFAULTS, ...options };
  const byId = new Map(data.industries.map((d) => [d.id, d]));
  const matcherOf = (pick: (d: IndustryDef) => string[]): PhraseMatcher<string> =>
    buildPhraseMatcher(data.industries.map((d) => [d.id, pick(d)] as [string, string[]]));
  const matchers: Record<Kind, PhraseMatcher<string>> = {
    company: matcherOf((d) => d.companies),
    cue: matcherOf((d) => d.companyCues),
    keyword: matcherOf((d) => d.keywords),
    position: matcherOf((d) => d.positionKeywords),
    positionKeyword: matcherOf((d) => d.keywords),
  };
  const knownCompanies = new Map<string, string>();
  for (const d of data.industries) for (const c of d.companies) knownCompanies.set(toFolded(c), d.id);

  // Legal forms, longest first, as folded word sequences at the end (or anywhere, for `GmbH & Co. KG`).
  // A one-word form of up to SHORT_FORM letters is also a word (`Spa`, `As`, `Co`, `Se`): it counts
  // only written in its own case or in capitals (`SpA`, `S.p.A.`, `SPA`, `AS`), never as `Spa`.
  const forms = data.legalForms
    .map((f) => {
      const words = toFolded(f.form).split(' ');
      const cased = words.length === 1 && (words[0]?.length ?? 0) <= SHORT_FORM ? toCasedWords(f.form)[0] : undefined;
      return { ...f, words, cased };
    })
    .sort((a, b) => b.words.length - a.words.length);
  const legalCache = new Map<string, { name: string; countries: string[]; form?: string }>();
  const splitLegalForm = (company: string) => {
    const known = legalCache.get(company);
    if (known) return known;
    const result = splitLegalFormUncached(company);
    if (legalCache.size > 200_000) legalCache.clear();
    legalCache.set(company, result);
    return result;
  };
  const splitLegalFormUncached = (company: string) => {
    let words = toWords(company);
    // The same words with their case (the two splits agree but for exotic case mappings: then no case check).
    let written: string[] | undefined = toCasedWords(company);
    if (written.length !== words.length) written = undefined;
    const isWrittenAs = (cased: string | undefined, word: string | undefined) =>
      cased === undefined || word === undefined || word === cased || word === word.toUpperCase();
    const countries: string[] = [];
    let form: string | undefined;
    for (let changed = true; changed && words.length > 1;) {
      changed = false;
      for (const f of forms) {
        const n = f.words.length;
        if (
          words.length > n &&
          f.words.every((w, k) => words[words.length - n + k] === w) &&
          isWrittenAs(f.cased, written?.[words.length - 1])
        ) {
          words = words.slice(0, -n);
          written = written?.slice(0, -n);
          form ??= f.form;
          for (const c of f.countries) if (!countries.includes(c)) countries.push(c);
          changed = true;
          break;
        }
      }
    }
    while (words.length > 1 && (words.at(-1) === '&' || words.at(-1) === 'and')) {
      words = words.slice(0, -1);
      written = written?.slice(0, -1);
    }
    return { name: words.join(' '), countries, ...(form ? { form } : {}) };
  };

  type Scores = Map<string, { score: number; notes: string[] }>;
  const add = (scores: Scores, id: string, w: number, note: string) => {
    const entry = scores.get(id) ?? { score: 0, notes: [] };
    entry.score += w;
    if (entry.notes.length < 3 && !entry.notes.includes(note)) entry.notes.push(note);
    scores.set(id, entry);
  };
  const scoreCompany = (scores: Scores, text: string, factor: number, label: string) => {
    const { name } = splitLegalForm(text);
    const words = name.split(' ').filter(Boolean);
    // A known company: the whole name, or its first words when they have 4+ letters.
    for (let n = words.length; n >= 1; n--) {
      const head = words.slice(0, n).join(' ');
      const id = knownCompanies.get(head);
      if (id && (n === words.length || head.length >= 4)) {
        add(scores, id, WEIGHT.company * factor, `${label} '${text}' is a known ${byId.get(id)?.name ?? id} company`);
        break;
      }
    }
    // Cues are read on the name and on its legal form: some forms are cues (`LLP`, `PLLC`).
    const { form } = splitLegalForm(text);
    for (const h of matchers.cue.match(form ? [...words, ...toWords(form)] : words))
      add(scores, h.key, WEIGHT.cue * factor, `${label} '${text}' (${h.phrase})`);
    for (const h of matchers.keyword.match(words))
      add(scores, h.key, WEIGHT.keyword * factor * Math.min(h.weight, 2), `${label} '${text}' (${h.phrase})`);
  };
  const scorePosition = (scores: Scores, position: string, withCompany: boolean) => {
    const atCompany = /(?:\s@\s?|\s+at\s+|\s+bei\s+|\s+chez\s+|\s+en\s+)([^|,·]+)/i.exec(position)?.[1];
    if (atCompany && !withCompany) scoreCompany(scores, atCompany, WEIGHT.inTitle, 'title company');
    const title = position.replace(/(?:\s@\s?|\s+at\s+|\s+bei\s+|\s+chez\s+)[^|,·]+/gi, ' ');
    const segments = title.split(/[|·•;/,]| - | – /).filter((x) => x.trim());
    segments.forEach((segment, k) => {
      const words = toWords(segment);
      const w = k === 0 ? WEIGHT.position : WEIGHT.positionLater;
      for (const h of matchers.position.match(words)) add(scores, h.key, w, `title '${position}' (${h.phrase})`);
      for (const h of matchers.positionKeyword.match(words))
        add(scores, h.key, WEIGHT.positionKeyword * (k === 0 ? 1 : 0.5), `title '${position}' (${h.phrase})`);
    });
  };
  const companyCache = new Map<string, Scores>();
  const positionCache = new Map<string, Scores>();
  const cached = (cache: Map<string, Scores>, key: string, fill: (s: Scores) => void): Scores => {
    let s = cache.get(key);
    if (!s) {
      s = new Map();
      fill(s);
      if (cache.size > 200_000) cache.clear();
      cache.set(key, s);
    }
    return s;
  };

  /** Company and title evidence per industry: each part scored once per distinct text, then summed. */
  const score = (company: string | undefined, position: string | undefined) => {
    const scores = new Map<string, number>();
    const why = new Map<string, string[]>();
    const parts: Scores[] = [];
    const c = company?.trim();
    const t = position?.trim();
    if (c) parts.push(cached(companyCache, c, (s) => scoreCompany(s, c, 1, 'company')));
    // A company that says its industry outweighs the title: the title then only breaks ties.
    const companySays = parts[0] !== undefined && [...parts[0].values()].some((e) => e.score >= minScore);
    if (t) parts.push(cached(positionCache, `${c ? 1 : 0}${t}`, (s) => scorePosition(s, t, Boolean(c))));
    parts.forEach((part, k) => {
      const factor = k > 0 && companySays ? WEIGHT.titleWhenCompanySays : 1;
      for (const [id, { score: v, notes }] of part) {
        scores.set(id, (scores.get(id) ?? 0) + v * factor);
        const list = why.get(id) ?? [];
        for (const n of notes) if (list.length < 3 && !list.includes(n)) list.push(n);
        why.set(id, list);
      }
    });
    return { scores, why };
  };

  const getIndustry = (text: string): IndustryDef | undefined => {
    const direct = byId.get(text) ?? data.industries.find((d) => toFolded(d.name) === toFolded(text));
    if (direct) return direct;
    const { scores } = score(text, undefined);
    const best = [...scores].sort((a, b) => b[1] - a[1])[0];
    return best && best[1] >= minScore ? byId.get(best[0]) : undefined;
  };

  const cache = new Map<string, Sourced<string> | undefined>();
  const inferIndustry = (company?: string, position?: string, enrichmentValue?: string) => {
    if (enrichmentValue?.trim()) {
      const v = enrichmentValue.trim();
      const mapped = getIndustry(v);
      return {
        value: mapped?.id ?? v,
        source: 'enrichment' as const,
        evidence: mapped ? `industry column '${v}' (${mapped.name})` : `industry column '${v}'`,
        confidence: 1,
      };
    }
    const key = `${company ?? ''}\u0000${position ?? ''}`;
    if (cache.has(key)) return cache.get(key);
    const { scores, why } = score(company, position);
    const ranked = [...scores].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    let result: Sourced<string> | undefined;
    if (best && best[1] >= minScore) {
      const margin = best[1] - (second?.[1] ?? 0);
      const confidence = Math.min(0.9, 0.35 + 0.08 * best[1]) * (margin < 0.5 ? 0.7 : 1);
      result = {
        value: best[0],
        source: 'inferred',
        evidence: (why.get(best[0]) ?? []).join('; '),
        confidence: Math.round(confidence * 100) / 100,
      };
    }
    if (cache.size > 200_000) cache.clear();
    cache.set(key, result);
    return result;
  };

  return { inferIndustry, getIndustry, getIndustries: () => data.industries, splitLegalForm };
}

let shared: IndustryClassifier | undefined;

/** Industry from the bundled taxonomy: see {@link IndustryClassifier.inferIndustry}. */
export function inferIndustry(
  company?: string,
  position?: string,
  enrichmentValue?: string,
): Sourced<string> | undefined {
  shared ??= createIndustryClassifier();
  return shared.inferIndustry(company, position, enrichmentValue);
}

/** The bundled taxonomy's industries. */
export function getIndustries(): IndustryDef[] {
  shared ??= createIndustryClassifier();
  return shared.getIndustries();
}
