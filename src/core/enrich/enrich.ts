/**
 * Gives people a place, an industry and a role, each with its provenance (issue 4).
 *
 * Place, in order: (1) enrichment or graph attributes `location`, else `city`/`region`/`country`
 * joined, resolved by the gazetteer; (2) an owner's Profile.csv location; (3) inferred from the
 * title and company text ("Founder | Berlin", "Head of Sales, Benelux", "based in Lisbon", "Acme
 * Brasil"); (4) inferred from the company's legal form (`GmbH` → Germany) and (5) from an e-mail
 * country domain (`.de`). Ambiguous names are decided by the person's own country clues, else by
 * the network's most common country (computed in a first pass over the unambiguous locations).
 * Industry: the `industry` attribute, the owner's profile industry, else inferred (industry.ts).
 * Role: inferred from the title (role.ts). Values a user set, or read from a file, are never
 * overwritten by inferences; every inferred value has `source: 'inferred'`, `evidence` and
 * `confidence`. Cost: O(people) with per-text caches; ~30,000 people in well under a second.
 */
import type { OwnerRecord, Person, Place, Role, Sourced } from '../types';
import type { Gazetteer, PlaceResolution } from './gazetteer';
import { createIndustryClassifier, type IndustryClassifier } from './industry';
import { createRoleClassifier, type RoleClassifier } from './role';
import { toFolded } from './text';

/** Options for {@link enrichPeople}. */
export interface EnrichOptions {
  /** Infer places from titles and company names. Default true. */
  inferPlaceFromText?: boolean;
  /** Infer a country from a company's legal form (`GmbH`, `B.V.`). Default true. */
  inferPlaceFromLegalForm?: boolean;
  /** Infer a country from an e-mail country domain (`.de`, `.co.uk`). Default true. */
  inferPlaceFromEmail?: boolean;
  /** Use the network's most common country to decide ambiguous places. Default true. */
  useNetworkContext?: boolean;
  /** Share of resolved people a country needs to become the network's hint. Default 0.3. */
  networkHintShare?: number;
  /** Owners' profile records (location, industry from Profile.csv). Default none. */
  owners?: OwnerRecord[];
  /** Industry classifier. Default: the bundled data/industries.json. */
  industries?: IndustryClassifier;
  /** Role classifier. Default: the bundled data/roles.json. */
  roles?: RoleClassifier;
}

const DEFAULTS = {
  inferPlaceFromText: true,
  inferPlaceFromLegalForm: true,
  inferPlaceFromEmail: true,
  useNetworkContext: true,
  networkHintShare: 0.3,
};

export interface EnrichSummary {
  people: number;
  places: { read: number; inferred: number; ambiguous: number; none: number };
  industries: { read: number; inferred: number; none: number };
  roles: { inferred: number; none: number };
  /** The network's most common country, used to decide ambiguous places. */
  countryHint?: string;
}

/** ccTLDs used mostly as generic domains (`.io`, `.ai`, `.co`): they say nothing about a place. */
const GENERIC_TLDS = new Set(
  'io ai co me tv ly fm am to cc ws gg so sh ac la app dev xyz eu asia biz info pro tech is vc gl im'.split(' '),
);
const TLD_COUNTRY: Record<string, string> = { uk: 'GB' };

/** Words that are also city names but in titles usually mean something else. */
const NOT_PLACES = new Set(
  (
    'mobile reading orange nice split bath mission commerce industry opportunity university college normal ' +
    'enterprise liberty justice paradise hope marketing sales data cloud design media security energy ' +
    'victory independence progress union unity success growth strategy operations finance people ' +
    'speaker author mentor investor advisor coach consultant lion open networker founder owner partner ' +
    'president director manager engineer developer freelance freelancer remote hybrid'
  ).split(' '),
);

/** Smallest city a title segment may name ("Founder | Berlin"); smaller ones are more often words. */
const MIN_TITLE_CITY = 50_000;
/** Smallest city a company name may end with ("Acme Berlin"); company names end with many town-like words. */
const MIN_COMPANY_CITY = 250_000;

/**
 * Company endings shorter than MIN_COMPANY_TAIL that do name a country (`Acme UK`, `Acme USA`). Other
 * short endings are words or abbreviations (`Click me` is not Maine, `Iron Man` not the Isle of Man,
 * `Class Act` not the Australian Capital Territory, `IT`, `AI`).
 */
const SHORT_COUNTRIES = new Set(['uk', 'us', 'usa', 'uae']);
/** Fewest letters a company ending needs to be read as a place name (`Acme Texas`, `Acme Brasil`). */
const MIN_COMPANY_TAIL = 4;

const isWritten = (s: Sourced<unknown> | undefined): boolean => s !== undefined && s.source !== 'inferred';

/** Enrich people in place and return counts. The gazetteer may be undefined (places are then skipped). */
export function enrichPeople(
  people: Person[],
  gazetteer: Gazetteer | undefined,
  options: EnrichOptions = {},
): EnrichSummary {
  const o = { ...DEFAULTS, ...options };
  const industries = options.industries ?? createIndustryClassifier();
  const roles = options.roles ?? createRoleClassifier();
  const summary: EnrichSummary = {
    people: people.length,
    places: { read: 0, inferred: 0, ambiguous: 0, none: 0 },
    industries: { read: 0, inferred: 0, none: 0 },
    roles: { inferred: 0, none: 0 },
  };
  const ownerById = new Map((options.owners ?? []).map((r) => [r.id, r]));

  // 1. The location text each person's attributes or profile give.
  const locationOf = (p: Person): { text: string; from: Sourced<string>; label: string } | undefined => {
    const a = p.attributes;
    if (a.location?.value.trim()) return { text: a.location.value.trim(), from: a.location, label: 'location column' };
    const parts = [a.city, a.region, a.country].filter((x): x is Sourced<string> => Boolean(x?.value.trim()));
    if (parts.length && parts[0])
      return {
        text: parts.map((x) => x.value.trim()).join(', '),
        from: parts[0],
        label: 'city/region/country columns',
      };
    const owner = p.ownerId ? ownerById.get(p.ownerId) : undefined;
    if (owner?.location?.trim())
      return {
        text: owner.location.trim(),
        from: { value: owner.location, source: 'profile', ...(owner.ref ? { ref: owner.ref } : {}) },
        label: 'profile location',
      };
    return undefined;
  };

  // 2. Country clues of a person's own: company legal form, company name ending, e-mail domain.
  const emailCountry = (p: Person): string | undefined => {
    const domain = p.email?.split('@')[1]?.toLowerCase();
    const tld = domain?.split('.').pop();
    if (!gazetteer || !tld || tld.length !== 2 || GENERIC_TLDS.has(tld)) return undefined;
    const code = TLD_COUNTRY[tld] ?? tld.toUpperCase();
    return gazetteer.getCountryName(code) ? code : undefined;
  };

  // 3. Network hint: the most common country among unambiguous written locations.
  let networkHint: string | undefined;
  if (gazetteer && o.useNetworkContext) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const p of people) {
      const loc = locationOf(p);
      const r = loc ? gazetteer.resolvePlace(loc.text) : undefined;
      if (!r?.place.country || r.ambiguous) continue;
      counts.set(r.place.country, (counts.get(r.place.country) ?? 0) + 1);
      total++;
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && total > 0 && best[1] / total >= o.networkHintShare) networkHint = best[0];
    if (networkHint) summary.countryHint = networkHint;
  }

  const toSourcedPlace = (
    r: PlaceResolution,
    source: Sourced<Place>['source'],
    evidence: string,
    ref?: Sourced<string>['ref'],
    cap = 1,
  ): Sourced<Place> => {
    const alternatives = r.ambiguous?.length
      ? `; could also be ${r.ambiguous.map((x) => [x.city, x.admin1, x.country].filter(Boolean).join(', ')).join(' or ')}`
      : '';
    return {
      value: r.place,
      source,
      evidence: evidence + alternatives,
      confidence: Math.round(Math.min(cap, r.confidence) * 100) / 100,
      ...(ref ? { ref } : {}),
    };
  };

  // 4. Places from text: title segments that are wholly a place, "based in X", the company's last words.
  const placeFromText = (p: Person, hint: string | undefined): Sourced<Place> | undefined => {
    if (!gazetteer) return undefined;
    const tryText = (
      text: string,
      evidence: string,
      cap: number,
      cased = true,
      minPopulation = MIN_TITLE_CITY,
    ): Sourced<Place> | undefined => {
      const t = text.trim();
      const folded = toFolded(t);
      if (!folded || folded.split(' ').length > 4 || NOT_PLACES.has(folded)) return undefined;
      if (cased && !/^\p{Lu}/u.test(t)) return undefined;
      const r = gazetteer.resolvePlace(t, hint ? { countryHint: hint } : {});
      if (!r || r.place.remote || r.confidence < 0.7) return undefined;
      if (r.population !== undefined && r.population < minPopulation) return undefined;
      return toSourcedPlace(r, 'inferred', evidence, undefined, cap);
    };
    const position = p.position?.value ?? '';
    if (position) {
      const based = /\b(?:based in|located in|living in|from|in)\s+([\p{Lu}][^|,·•;()]+)/u.exec(position)?.[1];
      if (based) {
        const hit = tryText(based, `title '${position}' says '${based.trim()}'`, 0.7);
        if (hit) return hit;
      }
      const segments = position.split(/[|·•;,()]| - | – | @ /).slice(1);
      for (const s of segments) {
        const hit = tryText(s, `title '${position}' names '${s.trim()}'`, 0.6);
        if (hit) return hit;
      }
    }
    const company = p.company?.value;
    if (company) {
      const words = industries.splitLegalForm(company).name.split(' ');
      for (const n of [2, 1]) {
        if (words.length <= n) continue;
        const tail = words.slice(-n).join(' ');
        if (!SHORT_COUNTRIES.has(tail) && tail.replace(/[^\p{L}]/gu, '').length < MIN_COMPANY_TAIL) continue;
        const code = gazetteer.getCountryCode(tail);
        const evidence = `company '${company}' ends with '${tail}'`;
        const hit = code
          ? tryText(gazetteer.getCountryName(code) ?? tail, evidence, 0.6, false)
          : tryText(tail, evidence, 0.5, false, MIN_COMPANY_CITY);
        if (hit) return { ...hit, value: { ...hit.value, text: company } };
      }
    }
    return undefined;
  };

  const countryPlace = (code: string, text: string): Place => {
    const place: Place = { country: code, text };
    const name = gazetteer?.getCountryName(code);
    if (name) place.countryName = name;
    return place;
  };

  for (const p of people) {
    const company = p.company?.value;
    const position = p.position?.value;
    const legal = company ? industries.splitLegalForm(company) : undefined;
    const legalCountry =
      legal && legal.countries.length
        ? networkHint && legal.countries.includes(networkHint)
          ? networkHint
          : legal.countries[0]
        : undefined;
    const mailCountry = o.inferPlaceFromEmail ? emailCountry(p) : undefined;
    const ownHint = legalCountry ?? mailCountry ?? networkHint;

    // Place.
    if (gazetteer && !isWritten(p.place)) {
      const loc = locationOf(p);
      let place: Sourced<Place> | undefined;
      if (loc) {
        const r = gazetteer.resolvePlace(loc.text, ownHint ? { countryHint: ownHint } : {});
        const source = loc.from.source === 'profile' ? 'profile' : loc.from.source;
        place = r
          ? toSourcedPlace(r, source, `${loc.label}: '${loc.text}'`, loc.from.ref)
          : {
              value: { text: loc.text },
              source,
              evidence: `${loc.label}: '${loc.text}' (not recognised)`,
              confidence: 0.2,
              ...(loc.from.ref ? { ref: loc.from.ref } : {}),
            };
        summary.places.read++;
        if (r?.ambiguous) summary.places.ambiguous++;
      }
      if (!place && o.inferPlaceFromText) place = placeFromText(p, ownHint);
      if (!place && o.inferPlaceFromLegalForm && legalCountry && legal?.form && company)
        place = {
          value: countryPlace(legalCountry, company),
          source: 'inferred',
          evidence: `company '${company}' has the legal form '${legal.form}' (${legal.countries.join(', ')})`,
          confidence: legal.countries.length === 1 ? 0.4 : 0.3,
        };
      if (!place && mailCountry && p.email)
        place = {
          value: countryPlace(mailCountry, p.email.split('@')[1] ?? ''),
          source: 'inferred',
          evidence: `e-mail domain '${p.email.split('@')[1]}'`,
          confidence: 0.35,
        };
      if (place) {
        if (place.source === 'inferred') summary.places.inferred++;
        p.place = place;
      } else summary.places.none++;
    }

    // Industry.
    if (!isWritten(p.industry)) {
      const column = p.attributes.industry;
      const owner = p.ownerId ? ownerById.get(p.ownerId) : undefined;
      let industry: Sourced<string> | undefined;
      if (column?.value.trim()) {
        industry = industries.inferIndustry(company, position, column.value);
        if (industry) {
          industry = { ...industry, source: column.source, ...(column.ref ? { ref: column.ref } : {}) };
          summary.industries.read++;
        }
      } else if (owner?.industry?.trim()) {
        industry = industries.inferIndustry(undefined, undefined, owner.industry);
        if (industry) {
          industry = { ...industry, source: 'profile', ...(owner.ref ? { ref: owner.ref } : {}) };
          summary.industries.read++;
        }
      } else {
        industry = industries.inferIndustry(company, position);
        if (industry) summary.industries.inferred++;
      }
      if (industry) p.industry = industry;
      else summary.industries.none++;
    }

    // Role.
    if (!isWritten(p.role as Sourced<Role> | undefined)) {
      const role = roles.inferRole(position);
      if (role) {
        p.role = role;
        summary.roles.inferred++;
      } else summary.roles.none++;
    }
  }
  return summary;
}
