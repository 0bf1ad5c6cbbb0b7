/**
 * The view's people for the trip from the analysis worker to the page: a few columns instead of an object per
 * person and per field. Structured cloning writes every object's keys and reads them back into new objects one by
 * one; at 225,000 people (about 1.8 million objects with their place, company and other fields) that was 1.7 s
 * of the worker's time and 1.3 s of the page's before the first map (docs/performance.md). As columns (a string
 * array, a flag word per person saying which fields are there, and typed arrays for the numbers), 225,000 people
 * shaped like the app's took the worker 0.34 s instead of 0.57 s to post and the page 0.21 s instead of 0.64 s to
 * read, objects made back included (headless Chromium, median of 5, docs/performance.md, Session 9).
 *
 * The page gets the same objects: the same fields present and absent, the same values (a score of -0 stays -0,
 * see toNetworkView). Cost: O(people + fields) each way.
 */
import type { PersonView, SourcedView } from './protocol';

/** People as columns: see {@link encodePeople}. */
export interface PeopleColumns {
  /** Bit per optional field present (FIELDS, then two per SOURCED field, then the place's parts). */
  flags: Uint32Array;
  degree: Uint8Array;
  cluster: Int32Array;
  score: Float64Array;
  /** How many owner ids each person has in `text`. */
  owners: Uint32Array;
  /** Each person's strings in order: id, name, owner ids, then its present fields' strings in bit order. */
  text: string[];
}

const FIELDS = ['url', 'connectedOn', 'ownerId'] as const;
const SOURCED = ['company', 'position', 'place', 'industry', 'role'] as const;
const PARTS = ['city', 'region', 'country'] as const;
/** The first bit of the place's parts: FIELDS take one bit each, SOURCED two (present, has evidence). */
const PARTS_BIT = FIELDS.length + 2 * SOURCED.length;

/** `people` as columns, for postMessage; their typed arrays may be transferred. O(people + fields). */
export function encodePeople(people: readonly PersonView[]): PeopleColumns {
  const n = people.length;
  const out: PeopleColumns = {
    flags: new Uint32Array(n),
    degree: new Uint8Array(n),
    cluster: new Int32Array(n),
    score: new Float64Array(n),
    owners: new Uint32Array(n),
    text: [],
  };
  const text = out.text;
  for (let i = 0; i < n; i++) {
    const p = people[i]!;
    text.push(p.id, p.name);
    for (const o of p.owners) text.push(o);
    out.owners[i] = p.owners.length;
    out.degree[i] = p.degree;
    out.cluster[i] = p.cluster;
    out.score[i] = p.score;
    let flags = 0;
    let bit = 0;
    for (const key of FIELDS) {
      const value = p[key];
      if (value !== undefined) {
        flags |= 1 << bit;
        text.push(value);
      }
      bit++;
    }
    for (const key of SOURCED) {
      const value = p[key];
      if (value !== undefined) {
        flags |= 1 << bit;
        text.push(value.value, value.source);
        if (value.evidence !== undefined) {
          flags |= 1 << (bit + 1);
          text.push(value.evidence);
        }
      }
      bit += 2;
    }
    const parts = p.placeParts;
    if (parts) {
      flags |= 1 << PARTS_BIT;
      for (let k = 0; k < PARTS.length; k++) {
        const value = parts[PARTS[k]!];
        if (value !== undefined) {
          flags |= 1 << (PARTS_BIT + 1 + k);
          text.push(value);
        }
      }
    }
    out.flags[i] = flags >>> 0;
  }
  return out;
}

/** The typed arrays of `columns`, to transfer rather than copy. */
export function getPeopleTransfer(columns: PeopleColumns): ArrayBuffer[] {
  const { flags, degree, cluster, score, owners } = columns;
  return [flags, degree, cluster, score, owners].map((a) => a.buffer as ArrayBuffer);
}

/** The people {@link encodePeople} was given. O(people + fields). */
export function decodePeople(columns: PeopleColumns): PersonView[] {
  const { flags, degree, cluster, score, owners, text } = columns;
  const n = flags.length;
  const people = new Array<PersonView>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    const id = text[at++]!;
    const name = text[at++]!;
    const ownerIds = text.slice(at, at + owners[i]!);
    at += owners[i]!;
    const p: PersonView = {
      id,
      name,
      owners: ownerIds,
      degree: degree[i] as PersonView['degree'],
      cluster: cluster[i]!,
      score: score[i]!,
    };
    let bit = 0;
    for (const key of FIELDS) {
      if (f & (1 << bit)) p[key] = text[at++]!;
      bit++;
    }
    for (const key of SOURCED) {
      if (f & (1 << bit)) {
        const value: SourcedView = { value: text[at++]!, source: text[at++]! };
        if (f & (1 << (bit + 1))) value.evidence = text[at++]!;
        p[key] = value;
      }
      bit += 2;
    }
    if (f & (1 << PARTS_BIT)) {
      const parts: NonNullable<PersonView['placeParts']> = {};
      for (let k = 0; k < PARTS.length; k++) if (f & (1 << (PARTS_BIT + 1 + k))) parts[PARTS[k]!] = text[at++]!;
      p.placeParts = parts;
    }
    people[i] = p;
  }
  return people;
}
