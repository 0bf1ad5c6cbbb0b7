/**
 * Automatic cluster names from their most distinctive attributes ("Accounting · San Diego",
 * "Biotech · Greater Boston", "Recruiting · multiple cities").
 *
 * For each value v of a facet (industry, role family, city, area, country, company, position word),
 * share = members with v / cluster size, lift = share / (share of v in the whole network), and
 * distinctiveness = share · log2(1 + lift) (lift as in association rules, Brin et al. 1997; the
 * log keeps a rare value held by two members from outranking what most members share).
 * The name is "<topic> · <place>": the topic is the most distinctive industry (else role family) held by at
 * least `minTopicShare` of the members (else a company, else a position word held by `minTermShare`); the place
 * is the most specific of city → area held by at least `minPlaceShare` of the members or by half that and
 * twice the runner-up, else a country held by `minPlaceShare` when it is distinctive (lift ≥ 1.2), else
 * "multiple cities" when members are spread over several cities ("Mixed · multiple cities" with no topic).
 * Names are made unique with " (2)", " (3)"… Cost: O(n · facets) plus sorting values.
 */
import type { PersonNodeAttributes, PersonSource } from './evidence-graph';
import roles from '../../../data/roles.json';
import { getIndustries } from '../enrich/industry';
import { toNameKey } from '../identity';
import { toCompanyKey, toPositionTerms } from './facets';
import { UNCLUSTERED, type ClusterResult } from './clusters';

/** Options for {@link computeClusterNames}. */
export interface ClusterNameOptions {
  /** Smallest share of members holding an industry / role for it to name the cluster. Default 0.3. */
  minTopicShare?: number;
  /** Smallest share of members with a position word for it to name the cluster (when no industry or role does). Default 0.15. */
  minTermShare?: number;
  /** Smallest share of members in one place for it to name the cluster. Default 0.5. */
  minPlaceShare?: number;
  /** Terms listed per cluster. Default 6. */
  terms?: number;
  /** Text for clusters spread over several cities. Default 'multiple cities'. */
  multiplePlaces?: string;
}

export const CLUSTER_NAME_DEFAULTS = {
  minTopicShare: 0.3,
  minTermShare: 0.15,
  minPlaceShare: 0.5,
  terms: 6,
  multiplePlaces: 'multiple cities',
};

const FACETS = ['industry', 'role', 'city', 'area', 'country', 'company', 'position'] as const;
type Facet = (typeof FACETS)[number];

export interface ClusterDescription {
  id: string;
  label: string;
  size: number;
  /** Most distinctive attribute values, best first. */
  terms: string[];
  /** The values the name was made of. */
  topic?: string;
  place?: string;
  /** Per owner id: the share of members in that owner's export (0..1). */
  ownerShare: Record<string, number>;
}

let displayNames: { industry: Map<string, string>; role: Map<string, string> } | undefined;

/**
 * Display form of a value: the enrichment stores industry and role-family ids (`financial-services`,
 * `hr-recruiting`); names show the taxonomy's names ("Financial Services & Banking", "HR & Recruiting").
 * Other lower-case values get a capital first letter.
 */
function toDisplay(facet: 'industry' | 'role' | 'other', value: string): string {
  displayNames ??= {
    industry: new Map(getIndustries().map((d) => [d.id, d.name])),
    role: new Map((roles as { families: { id: string; name: string }[] }).families.map((f) => [f.id, f.name])),
  };
  const named = facet === 'other' ? undefined : displayNames[facet].get(value);
  if (named) return named;
  return value === value.toLowerCase() ? value.charAt(0).toUpperCase() + value.slice(1) : value;
}

type Value = { key: string; label: string };

/** Per kind of value, the values of each text seen (see {@link valuesOf}). */
type ValueMemo = Record<'industry' | 'role' | 'other' | 'company' | 'position', Map<string, Value[]>>;

/**
 * A person's values per facet. Pure functions of strings that repeat across thousands of people (industries,
 * cities, companies, job titles), so each distinct text is keyed once per run through `memo`.
 */
function valuesOf(a: PersonNodeAttributes, memo: ValueMemo): Record<Facet, Value[]> {
  return {
    industry: oneValue(memo, a.industry, 'industry'),
    role: oneValue(memo, a.role?.family, 'role'),
    // Without a resolved city, the first part of the location text ("San Diego, California, United States").
    city: oneValue(
      memo,
      a.place?.city ?? (a.place?.area || a.place?.country ? undefined : a.place?.text.split(',')[0]),
      'other',
    ),
    area: oneValue(memo, a.place?.area, 'other'),
    country: oneValue(memo, a.place?.countryName ?? a.place?.country, 'other'),
    company: cachedValues(memo, 'company', a.company, toCompanyValues),
    position: cachedValues(memo, 'position', a.position, toPositionValues),
  };
}

/** No value (shared: value lists are only read). */
const NO_VALUES: Value[] = [];

/** `make(text)` from `memo[kind]`, made once per text (no closure or empty list per person). */
function cachedValues(
  memo: ValueMemo,
  kind: keyof ValueMemo,
  text: string | undefined,
  make: (text: string, kind: keyof ValueMemo) => Value[],
): Value[] {
  if (text === undefined) return NO_VALUES;
  let v = memo[kind].get(text);
  if (!v) memo[kind].set(text, (v = make(text, kind)));
  return v;
}

function oneValue(memo: ValueMemo, label: string | undefined, facet: 'industry' | 'role' | 'other'): Value[] {
  return cachedValues(memo, facet, label, toOneValue);
}

function toOneValue(text: string, facet: keyof ValueMemo): Value[] {
  const key = toNameKey(text);
  return key && text ? [{ key, label: toDisplay(facet as 'industry' | 'role' | 'other', text.trim()) }] : NO_VALUES;
}

function toCompanyValues(text: string): Value[] {
  const key = toCompanyKey(text);
  return key ? [{ key, label: text.trim() }] : NO_VALUES;
}

function toPositionValues(text: string): Value[] {
  return toPositionTerms(text).map((w) => ({ key: w, label: toDisplay('other', w) }));
}

interface Stat {
  label: string;
  count: number;
}

function tally(target: Map<string, Stat>, key: string, label: string): void {
  const s = target.get(key);
  if (s) s.count++;
  else target.set(key, { label, count: 1 });
}

/** Tallies every value of a person into the counts of its facet, facet by facet in FACETS order. */
function tallyAll(counts: Record<Facet, Map<string, Stat>>, values: Record<Facet, Value[]>): void {
  for (let f = 0; f < FACETS.length; f++) {
    const facet = FACETS[f]!;
    const list = values[facet];
    for (let x = 0; x < list.length; x++) tally(counts[facet], list[x]!.key, list[x]!.label);
  }
}

/** Names, terms and owner shares for each cluster of `clusters`, read from the people's attributes (graph or links). */
export function computeClusterNames(
  graph: PersonSource,
  clusters: ClusterResult,
  options: ClusterNameOptions = {},
): ClusterDescription[] {
  const o = { ...CLUSTER_NAME_DEFAULTS, ...options };

  // 1. Network-wide value counts over everyone clustered (owners excluded, as in the clustering).
  const network = Object.fromEntries(FACETS.map((f) => [f, new Map<string, Stat>()])) as Record<
    Facet,
    Map<string, Stat>
  >;
  // Per cluster, its members' values and owners, in member order (each person's attributes are read once).
  const members: { values: Record<Facet, Value[]>; owners: string[] }[][] = [];
  const memo: ValueMemo = {
    industry: new Map(),
    role: new Map(),
    other: new Map(),
    company: new Map(),
    position: new Map(),
  };
  let total = 0;
  // Indexed loops here and below: a for-of over an array allocates an iterator result per step wherever the
  // engine does not optimise it away, ~20 MB a run at 30k people.
  for (let ci = 0; ci < clusters.clusters.length; ci++) {
    const c = clusters.clusters[ci]!;
    const list: (typeof members)[number] = [];
    members.push(list);
    for (let j = 0; j < c.members.length; j++) {
      const a = graph.getNodeAttributes(c.members[j]!);
      const v = valuesOf(a, memo);
      list.push({ values: v, owners: a.owners });
      total++;
      tallyAll(network, v);
    }
  }

  const used = new Map<string, number>();
  return clusters.clusters.map((c, i) => {
    const size = c.members.length;
    const ownerCounts = new Map<string, number>();
    const mine = members[i]!;
    for (let j = 0; j < mine.length; j++) {
      const owners = mine[j]!.owners;
      for (let o = 0; o < owners.length; o++) ownerCounts.set(owners[o]!, (ownerCounts.get(owners[o]!) ?? 0) + 1);
    }
    const ownerShare = Object.fromEntries(
      [...ownerCounts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, n]) => [k, round(n / size)]),
    );
    if (c.id === UNCLUSTERED) return { id: c.id, label: 'Unclustered', size, terms: [], ownerShare };

    // 2. Per-cluster counts, share, lift and distinctiveness of each value.
    const local = Object.fromEntries(FACETS.map((f) => [f, new Map<string, Stat>()])) as Record<
      Facet,
      Map<string, Stat>
    >;
    for (let j = 0; j < mine.length; j++) tallyAll(local, mine[j]!.values);
    // Each facet ranked once per cluster (the topic, place and terms read the same lists).
    const rankings = new Map<Facet, ReturnType<typeof rank>>();
    const ranked = (f: Facet) => {
      let r = rankings.get(f);
      if (!r) rankings.set(f, (r = rank(f)));
      return r;
    };
    const rank = (f: Facet) =>
      [...local[f].entries()]
        .map(([key, s]) => {
          const share = s.count / size;
          const lift = share / ((network[f].get(key)?.count ?? s.count) / Math.max(1, total));
          return { facet: f, key, label: s.label, count: s.count, share, lift, score: share * Math.log2(1 + lift) };
        })
        .sort((a, b) => b.score - a.score || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

    // 3. Topic: industry or role family; else a company; else a position word.
    // Industry first (clusters form around industries); a role family when no industry is shared enough.
    const qualifies = (x: { share: number; count: number }) =>
      x.share >= o.minTopicShare && x.count >= Math.min(2, size);
    let topic = ranked('industry').find(qualifies)?.label ?? ranked('role').find(qualifies)?.label;
    if (!topic) topic = ranked('company').find((x) => x.share >= o.minTopicShare && x.count >= 2)?.label;
    if (!topic) topic = ranked('position').find((x) => x.share >= o.minTermShare && x.count >= 2)?.label;

    // 4. Place: city → area → country (if distinctive) → "multiple cities".
    let place: string | undefined;
    // A place names the cluster when most members are there, or when it clearly leads (2× the runner-up).
    const leading = (f: Facet) => {
      const [first, second] = [...local[f].values()].sort((a, b) => b.count - a.count);
      if (!first) return undefined;
      const share = first.count / size;
      return share >= o.minPlaceShare || (share >= o.minPlaceShare / 2 && first.count >= 2 * (second?.count ?? 0))
        ? first.label
        : undefined;
    };
    const country = ranked('country')[0];
    place = leading('city') ?? leading('area');
    if (!place && country && country.share >= o.minPlaceShare && country.lift >= 1.2) place = country.label;
    if (!place && local.city.size >= 2) place = o.multiplePlaces;
    if (!topic && place === o.multiplePlaces) topic = 'Mixed';

    let label = [topic, place].filter(Boolean).join(' · ') || `Cluster ${i + 1}`;
    const seen = used.get(label) ?? 0;
    used.set(label, seen + 1);
    if (seen > 0) label = `${label} (${seen + 1})`;

    // 5. Terms: the most distinctive values over every facet.
    const terms: string[] = [];
    const all = FACETS.flatMap((f) => ranked(f)).filter((x) => x.count >= Math.min(2, size));
    all.sort((a, b) => b.score - a.score || b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const x of all) {
      if (terms.length >= o.terms) break;
      if (!terms.includes(x.label)) terms.push(x.label);
    }
    const d: ClusterDescription = { id: c.id, label, size, terms, ownerShare };
    if (topic) d.topic = topic;
    if (place) d.place = place;
    return d;
  });
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
