/**
 * Synonym groups for trades, shared with the Ask feature: lawyer ~ solicitor ~ attorney ~ counsel,
 * developer ~ engineer ~ programmer, accountant ~ CPA ~ auditor ~ bookkeeper ~ tax, recruiter ~
 * talent acquisition ~ headhunter... Each group may point at an industry (data/industries.json) and a
 * role family (data/roles.json). Data: the editable data/synonyms.json. Cost: O(1) per look-up
 * after an O(terms) index build.
 */
import bundled from '../../../data/synonyms.json';
import { toFolded } from './text';

export interface SynonymGroup {
  terms: string[];
  /** Industry id the group points at. */
  industry?: string;
  /** Role family id the group points at. */
  family?: string;
}

export interface SynonymsData {
  groups: SynonymGroup[];
}

export interface ExpandedTerm {
  /** The term and every synonym, as written in the data (the term first). */
  terms: string[];
  /** Industry ids the term's groups point at. */
  industries: string[];
  /** Role family ids the term's groups point at. */
  families: string[];
}

export interface Synonyms {
  getSynonyms(term: string): string[];
  expandTerm(term: string): ExpandedTerm;
}

/** Index synonym groups (default: the bundled data/synonyms.json). */
export function createSynonyms(data: SynonymsData = bundled as SynonymsData): Synonyms {
  const byTerm = new Map<string, SynonymGroup[]>();
  for (const g of data.groups)
    for (const t of g.terms) {
      const key = toFolded(t);
      const list = byTerm.get(key) ?? [];
      if (!list.includes(g)) list.push(g);
      byTerm.set(key, list);
    }
  const groupsOf = (term: string): SynonymGroup[] => {
    const f = toFolded(term);
    return byTerm.get(f) ?? (f.endsWith('s') ? (byTerm.get(f.slice(0, -1)) ?? []) : []);
  };
  const getSynonyms = (term: string): string[] => {
    const f = toFolded(term);
    const out: string[] = [];
    for (const g of groupsOf(term)) for (const t of g.terms) if (toFolded(t) !== f && !out.includes(t)) out.push(t);
    return out;
  };
  return {
    getSynonyms,
    expandTerm: (term) => {
      const groups = groupsOf(term);
      return {
        terms: [term, ...getSynonyms(term)],
        industries: [...new Set(groups.flatMap((g) => (g.industry ? [g.industry] : [])))],
        families: [...new Set(groups.flatMap((g) => (g.family ? [g.family] : [])))],
      };
    },
  };
}

let shared: Synonyms | undefined;

/** Other words for a trade term (`lawyer` → solicitor, attorney, counsel...), from the bundled table. */
export function getSynonyms(term: string): string[] {
  shared ??= createSynonyms();
  return shared.getSynonyms(term);
}

/** A term with its synonyms and the industries and role families they point at. */
export function expandTerm(term: string): ExpandedTerm {
  shared ??= createSynonyms();
  return shared.expandTerm(term);
}
