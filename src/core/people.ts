/**
 * Merges every record about a person, across owners' exports and extra tables, into one `Person`.
 *
 * Matching order (issue 3): normalised profile URL, then e-mail, then exact normalised full name
 * plus normalised company (recorded as a "merged by name" caveat). An owner is matched to a
 * teammate's connection by name alone, also with a caveat. People named only by enrichment tables,
 * edge tables or graph files are added as known-but-not-connected (`owners: []`).
 * Cost: O(records) with hash look-ups.
 */
import {
  toEmailKey as toEmailKeyUncached,
  toNameKey as toNameKeyUncached,
  toProfileKey as toProfileKeyUncached,
  toProfileUrl,
  toSlug,
} from './identity';
import type { Dataset, MergeKey, Person, PersonRef, SourceRef } from './types';

export interface PeopleIndex {
  people: Person[];
  byId: Map<string, Person>;
  /** The id of the person a reference names, or undefined when no one (or more than one, by name) matches. */
  resolve(ref: PersonRef): string | undefined;
  /** Per owner id, the `,,,,,,<date>` rows: hidden or deactivated members, counted, never named. */
  hidden: Record<string, string[]>;
  /** Per source file: people first seen there vs matched to someone already known. */
  perFile: Record<string, { newPeople: number; mergedPeople: number }>;
}

/** Options for {@link buildPeople}. */
export interface BuildPeopleOptions {
  /** Add people that only edge tables, enrichment tables or graph files name. Default true. */
  addUnknown?: boolean;
}

function fullName(first?: string, last?: string): string {
  return [first?.trim(), last?.trim()].filter(Boolean).join(' ');
}

function refName(ref: PersonRef): string {
  return (ref.name?.trim() || fullName(ref.firstName, ref.lastName)).trim();
}

/**
 * A cache in front of a pure key function: the same URL, e-mail or name comes back many times (every
 * export row is keyed, then the person again, then every edge-table endpoint), and the Unicode
 * normalisation behind a key costs far more than a Map look-up.
 */
function memoize<T>(fn: (text: string | undefined) => T): (text: string | undefined) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (text === undefined) return fn(text);
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = fn(text);
      cache.set(text, v);
    }
    return v as T;
  };
}

/** Merge a dataset's records into people. Pure: the dataset is not modified. */
export function buildPeople(dataset: Dataset, options: BuildPeopleOptions = {}): PeopleIndex {
  const addUnknown = options.addUnknown ?? true;
  // Cached while merging; `resolve`, which outlives this call, goes back to the plain functions (below).
  let toProfileKey = memoize(toProfileKeyUncached);
  let toEmailKey = memoize(toEmailKeyUncached);
  let toNameKey = memoize(toNameKeyUncached);
  const people: Person[] = [];
  const byId = new Map<string, Person>();
  const byUrl = new Map<string, Person>();
  const byEmail = new Map<string, Person>();
  const byNameCompany = new Map<string, Person>();
  const byName = new Map<string, Person[]>();
  const byLocal = new Map<string, Person>();
  const hidden: Record<string, string[]> = {};
  const perFile: PeopleIndex['perFile'] = {};

  // Each person is counted once per file: new if first seen there, else merged.
  const countedInFile = new Map<string, Set<Person>>();
  // Records come file by file: the last file's set and counts are kept at hand.
  let lastFile: string | undefined;
  let lastSeen = new Set<Person>();
  const count = (ref: SourceRef, p: Person, merged: boolean) => {
    if (ref.file !== lastFile) {
      lastSeen = countedInFile.get(ref.file) ?? new Set<Person>();
      countedInFile.set(ref.file, lastSeen);
      lastFile = ref.file;
    }
    const seen = lastSeen;
    if (seen.has(p)) return;
    seen.add(p);
    const f = (perFile[ref.file] ??= { newPeople: 0, mergedPeople: 0 });
    if (merged) f.mergedPeople++;
    else f.newPeople++;
  };

  /** Indexes `p`; `nameCompany`, when given, is its name + company key, already made by the caller. */
  const index = (p: Person, companyText?: string, nameCompany?: { name: string; key: string }) => {
    const url = toProfileKey(p.url);
    if (url && !byUrl.has(url)) byUrl.set(url, p);
    const email = toEmailKey(p.email);
    if (email && !byEmail.has(email)) byEmail.set(email, p);
    const nk = nameCompany ? nameCompany.name : toNameKey(p.name);
    if (nk) {
      const list = byName.get(nk) ?? [];
      if (!list.includes(p)) list.push(p);
      byName.set(nk, list);
      const ck = nameCompany ? nameCompany.key : `${nk}|${toNameKey(companyText ?? p.company?.value)}`;
      if (!byNameCompany.has(ck)) byNameCompany.set(ck, p);
    }
  };

  const create = (id: string, first: string, last: string, ref: SourceRef): Person => {
    let unique = id;
    for (let i = 2; byId.has(unique); i++) unique = `${id}#${i}`;
    const p: Person = {
      id: unique,
      name: fullName(first, last),
      firstName: first.trim(),
      lastName: last.trim(),
      owners: [],
      connectedOn: {},
      attributes: {},
      mergedBy: [],
      caveats: [],
      refs: [ref],
    };
    people.push(p);
    byId.set(unique, p);
    return p;
  };

  const noteMerge = (p: Person, key: MergeKey, ref: SourceRef) => {
    if (!p.mergedBy.includes(key)) p.mergedBy.push(key);
    if (key === 'name') {
      const caveat = `merged by name with ${ref.file}${ref.line ? ` line ${ref.line}` : ''}`;
      if (!p.caveats.includes(caveat)) p.caveats.push(caveat);
    }
    p.refs.push(ref);
  };

  // 1. Owners first, so a teammate's connection that is an owner merges into them.
  for (const o of dataset.owners) {
    const parts = o.name.trim().split(/\s+/);
    const p = create(
      o.id.startsWith('owner:') ? o.id : `owner:${toSlug(o.name)}`,
      parts[0] ?? '',
      parts.slice(1).join(' '),
      o.ref ?? { file: o.label },
    );
    p.ownerId = o.id;
    if (o.headline) p.position = { value: o.headline, source: 'profile', ...(o.ref ? { ref: o.ref } : {}) };
    index(p);
  }

  // 2. Connections: URL, then e-mail, then name + company; owners by name.
  for (const c of dataset.connections) {
    if (c.hidden) {
      (hidden[c.owner] ??= []).push(c.connectedOn ?? '');
      continue;
    }
    const name = fullName(c.firstName, c.lastName);
    const url = toProfileKey(c.url);
    const email = toEmailKey(c.email);
    const nk = toNameKey(name);
    // The name + company key, made once (the look-ups below, the id and the index read it).
    const nameCompany = `${nk}|${toNameKey(c.company)}`;
    let p: Person | undefined;
    let how: MergeKey | undefined;
    if (url && byUrl.has(url)) [p, how] = [byUrl.get(url), 'url'];
    else if (email && byEmail.has(email)) [p, how] = [byEmail.get(email), 'email'];
    else if (nk && byNameCompany.has(nameCompany)) {
      const candidate = byNameCompany.get(nameCompany);
      // Two different URLs are two different people, whatever their names.
      if (!(url && candidate && toProfileKey(candidate.url) && toProfileKey(candidate.url) !== url))
        [p, how] = [candidate, 'name'];
    } else if (nk) {
      const owner = (byName.get(nk) ?? []).find((q) => q.ownerId && q.ownerId !== c.owner);
      if (owner) [p, how] = [owner, 'name'];
    }
    if (p && how) {
      noteMerge(p, how, c.ref);
      count(c.ref, p, true);
    } else {
      const id = url ?? (email ? `email:${email}` : `name:${nameCompany}`);
      p = create(id, c.firstName, c.lastName, c.ref);
      count(c.ref, p, false);
    }
    if (!p.owners.includes(c.owner) && p.ownerId !== c.owner) p.owners.push(c.owner);
    if (c.connectedOn) p.connectedOn[c.owner] = c.connectedOn;
    if (!p.url && url) p.url = toProfileUrl(url) ?? c.url?.trim();
    if (!p.email && email) p.email = email;
    if (c.company?.trim() && (!p.company || p.company.source !== 'export'))
      p.company = { value: c.company.trim(), source: 'export', ref: c.ref };
    if (c.position?.trim() && (!p.position || p.position.source !== 'export'))
      p.position = { value: c.position.trim(), source: 'export', ref: c.ref };
    // The keys made above are p's when p's name is this record's and the record names a company.
    index(p, c.company, p.name === name && c.company !== undefined ? { name: nk, key: nameCompany } : undefined);
  }

  /** People created or matched from graph-file nodes (records with a local id). */
  const localPeople = new Set<Person>();
  /**
   * The person a URL as written names, by its key. Hits are kept by the text as written (a key's person never
   * changes: `byUrl` is never overwritten), so a URL named again (every edge-table endpoint, every message) costs
   * one look-up, not a key and two look-ups; misses are not kept (the person may be added later).
   */
  const byUrlText = new Map<string, Person>();
  const findByUrl = (text: string | undefined): Person | undefined => {
    if (!text) return undefined;
    let p = byUrlText.get(text);
    if (p) return p;
    const url = toProfileKey(text);
    p = url ? byUrl.get(url) : undefined;
    if (p) byUrlText.set(text, p);
    return p;
  };
  const find = (ref: PersonRef): Person | undefined => {
    const byItsUrl = findByUrl(ref.url);
    if (byItsUrl) return byItsUrl;
    const url = toProfileKey(ref.url);
    const email = toEmailKey(ref.email);
    const byItsEmail = email ? byEmail.get(email) : undefined;
    if (byItsEmail) return byItsEmail;
    const byItsId = ref.localId ? byLocal.get(ref.localId) : undefined;
    if (byItsId) return byItsId;
    if (url || email) return undefined;
    // A graph-file node (it has a local id) never takes over another graph node by name alone: two
    // nodes of one graph are two people, however they are named (a GEXF round trip keeps them apart).
    const matches = (byName.get(toNameKey(refName(ref))) ?? []).filter((p) => !(ref.localId && localPeople.has(p)));
    return matches.length === 1 ? matches[0] : undefined;
  };
  const resolve = (ref: PersonRef): string | undefined => find(ref)?.id;

  const resolveOrAdd = (ref: PersonRef, at: SourceRef): Person | undefined => {
    const known = find(ref);
    if (known) {
      count(at, known, true);
      return known;
    }
    if (!addUnknown) return undefined;
    const url = toProfileKey(ref.url);
    const email = toEmailKey(ref.email);
    const name = refName(ref);
    if (!url && !email && !name && !ref.localId) return undefined;
    // A name shared by several people says nothing about which one: do not invent another.
    if (!url && !email && !ref.localId && (byName.get(toNameKey(name))?.length ?? 0) > 1) return undefined;
    const parts = name.split(/\s+/);
    const first = ref.firstName ?? parts[0] ?? '';
    const last = ref.lastName ?? parts.slice(1).join(' ');
    const id = url ?? (email ? `email:${email}` : name ? `name:${toNameKey(name)}|` : `local:${ref.localId}`);
    const p = create(id, first, last, at);
    if (url) p.url = toProfileUrl(url) ?? ref.url;
    if (email) p.email = email;
    if (ref.localId) {
      byLocal.set(ref.localId, p);
      localPeople.add(p);
    }
    index(p);
    count(at, p, false);
    return p;
  };

  // 3. Attributes (enrichment tables, graph-file nodes): fill in, never overwrite what an export said.
  for (const a of dataset.attributes) {
    const p = resolveOrAdd(a.person, a.ref);
    if (!p) continue;
    p.refs.push(a.ref);
    if (a.person.localId && !byLocal.has(a.person.localId)) {
      byLocal.set(a.person.localId, p);
      localPeople.add(p);
    }
    for (const [key, value] of Object.entries(a.attributes)) {
      const v = value.trim();
      if (!v) continue;
      if (key === 'company' && !p.company) p.company = { value: v, source: a.source, ref: a.ref };
      else if (key === 'position' && !p.position) p.position = { value: v, source: a.source, ref: a.ref };
      else if (key !== 'company' && key !== 'position') p.attributes[key] = { value: v, source: a.source, ref: a.ref };
    }
  }

  // 4. Edge endpoints: people known only through others are added (they become 2nd degree).
  if (addUnknown) {
    for (const e of dataset.edges) {
      resolveOrAdd(e.source, e.ref);
      resolveOrAdd(e.target, e.ref);
    }
  }

  // The caches would keep every key alive as long as the index: drop them.
  toProfileKey = toProfileKeyUncached;
  toEmailKey = toEmailKeyUncached;
  toNameKey = toNameKeyUncached;
  return { people, byId, resolve, hidden, perFile };
}
