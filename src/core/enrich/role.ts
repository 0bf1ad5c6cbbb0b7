/**
 * Role family (engineering, sales, legal, leadership...) and seniority (intern … c-level, founder,
 * partner) from a job title, with the editable word lists in data/roles.json (English plus common
 * German, French, Spanish, Italian and Portuguese titles: Geschäftsführer, directeur, gerente).
 *
 * Method: the title is cut at `@`/` at ` (what follows is a company) and split into segments on
 * `|`, `,`, `/`, ` - `; each family scores the words of its phrases found (a phrase of n words
 * counts n, weak `~` words half), the first segment counting double. The best functional family
 * wins; leadership (CEO, founder, Geschäftsführer) when no functional family matches, or when a
 * strong leadership word outweighs the functional words of the first segment. Seniority is the first level of the ordered list whose words appear.
 * Cost: O(words) with hash look-ups; cached by title.
 */
import type { Role, Sourced } from '../types';
import bundled from '../../../data/roles.json';
import { buildPhraseMatcher } from './phrase-matcher';
import { toWords } from './text';

export interface RoleFamilyDef {
  id: string;
  name: string;
  keywords: string[];
}

export interface SeniorityDef {
  id: string;
  keywords: string[];
}

export interface RolesData {
  families: RoleFamilyDef[];
  seniority: SeniorityDef[];
}

export interface RoleClassifier {
  /** Role family and seniority of a title, or undefined when no family word is found. */
  inferRole(position?: string): Sourced<Role> | undefined;
  /** The family a typed text names (`lawyer` → legal), by id, name or keyword. */
  getRoleFamily(text: string): RoleFamilyDef | undefined;
  getRoleFamilies(): RoleFamilyDef[];
}

const LEADERSHIP = 'leadership';
/** Segment weights: the first segment of a title is what the person does; later ones are extras. */
const FIRST_SEGMENT = 2;

/** Build a classifier over a role taxonomy (default: the bundled data/roles.json). */
export function createRoleClassifier(data: RolesData = bundled as RolesData): RoleClassifier {
  const families = buildPhraseMatcher(data.families.map((f) => [f.id, f.keywords] as [string, string[]]));
  const seniority = buildPhraseMatcher(data.seniority.map((s) => [s.id, s.keywords] as [string, string[]]));
  const seniorityRank = new Map(data.seniority.map((s, i) => [s.id, i]));
  const byId = new Map(data.families.map((f) => [f.id, f]));

  const classify = (position: string) => {
    const title = position.replace(/(?:\s@\s?|\s+at\s+|\s+bei\s+|\s+chez\s+).*$/i, ' ');
    const segments = title.split(/[|·•;/,(]| - | – /).filter((s) => s.trim());
    const total = new Map<string, number>();
    const first = new Map<string, number>();
    const why = new Map<string, string>();
    let level: string | undefined;
    segments.forEach((segment, k) => {
      const words = toWords(segment);
      const w = k === 0 ? FIRST_SEGMENT : 1;
      for (const h of families.match(words)) {
        total.set(h.key, (total.get(h.key) ?? 0) + h.weight * w);
        if (k === 0) first.set(h.key, (first.get(h.key) ?? 0) + h.weight);
        if (!why.has(h.key)) why.set(h.key, h.phrase.replace(/^~/, ''));
      }
      if (k === 0 || level === undefined)
        for (const h of seniority.match(words))
          if (level === undefined || (seniorityRank.get(h.key) ?? 99) < (seniorityRank.get(level) ?? 99)) level = h.key;
    });
    const functional = [...total].filter(([id]) => id !== LEADERSHIP).sort((a, b) => b[1] - a[1])[0];
    const lead = total.get(LEADERSHIP) ?? 0;
    let family: string | undefined = functional?.[0];
    if (lead > 0) {
      const leadFirst = first.get(LEADERSHIP) ?? 0;
      const funcFirst = functional ? (first.get(functional[0]) ?? 0) : 0;
      if (!functional || (leadFirst >= 1 && funcFirst < leadFirst)) family = LEADERSHIP;
    }
    return { family, level, why, total };
  };

  const cache = new Map<string, Sourced<Role> | undefined>();
  const inferRole = (position?: string): Sourced<Role> | undefined => {
    const text = position?.trim();
    if (!text) return undefined;
    if (cache.has(text)) return cache.get(text);
    const { family, level, why, total } = classify(text);
    let result: Sourced<Role> | undefined;
    if (family) {
      const role: Role = { family };
      if (level) role.seniority = level;
      const strength = total.get(family) ?? 0;
      result = {
        value: role,
        source: 'inferred',
        evidence: `title '${text}' (${why.get(family) ?? family}${level ? `; ${level}` : ''})`,
        confidence: Math.round(Math.min(0.9, 0.5 + 0.1 * strength) * 100) / 100,
      };
    }
    if (cache.size > 200_000) cache.clear();
    cache.set(text, result);
    return result;
  };

  return {
    inferRole,
    getRoleFamily: (text) => byId.get(text) ?? byId.get(classify(text).family ?? ''),
    getRoleFamilies: () => data.families,
  };
}

let shared: RoleClassifier | undefined;

/** Role from the bundled taxonomy: see {@link RoleClassifier.inferRole}. */
export function inferRole(position?: string): Sourced<Role> | undefined {
  shared ??= createRoleClassifier();
  return shared.inferRole(position);
}
