/**
 * The user's edits: cluster names, owner names and manual attributes of people. A small serialisable
 * object (Retina's "user choices"), kept apart from the loaded data and applied on top of it, so that
 * re-importing a newer export or re-running the analysis keeps what the user wrote.
 *
 * Matching after a re-import or re-analysis (cluster ids are not stable across runs):
 * - a cluster name goes to the new cluster holding the largest share of the members the cluster had
 *   when it was named (at least `minClusterOverlap`), one name per cluster, best overlap first;
 * - a person's attributes go to the person with the same id (normalised profile URL), else to the one
 *   person with the same normalised name;
 * - an owner name goes to the owner with the same id.
 * Edits that find no target are reported, never dropped silently. Pure; cost O(edits + people + members).
 */
import { toNameKey } from './identity';
import type { Person, Sourced } from './types';

export const USER_EDITS_VERSION = 1;

/** A cluster the user named: the name and the person ids it held then (sorted, at most `MAX_CLUSTER_MEMBERS`). */
export interface ClusterNameEdit {
  name: string;
  members: string[];
}

/** Manual attributes of one person, with the name they had (to find them again if their id changes). */
export interface PersonEdit {
  name: string;
  /** Attribute key (canonical keys as in AttributeRecord: `company`, `position`, `city`, `tags`, `notes`...) → value. */
  attributes: Record<string, string>;
}

export interface UserEdits {
  version: typeof USER_EDITS_VERSION;
  /** Keyed by the cluster id at the time of naming. */
  clusterNames: Record<string, ClusterNameEdit>;
  /** Owner id → the name the user gave them. */
  ownerNames: Record<string, string>;
  /** Person id → manual attributes. */
  people: Record<string, PersonEdit>;
}

/** Members kept per cluster name edit: enough to recognise the cluster, small enough to store. */
export const MAX_CLUSTER_MEMBERS = 200;

export function getEmptyUserEdits(): UserEdits {
  return { version: USER_EDITS_VERSION, clusterNames: {}, ownerNames: {}, people: {} };
}

/** True when there is nothing to apply. */
export function isEmptyUserEdits(edits: UserEdits): boolean {
  return (
    !Object.keys(edits.clusterNames).length &&
    !Object.keys(edits.ownerNames).length &&
    !Object.keys(edits.people).length
  );
}

// ---------------------------------------------------------------------------------------------------
// Producers: (edits, ...) => new edits. The input is never mutated.

/** Names a cluster (an empty name removes the edit). `members`: the person ids in it now (default none: matched by id only). */
export function setClusterName(
  edits: UserEdits,
  clusterId: string,
  name: string,
  members: readonly string[] = [],
): UserEdits {
  const clusterNames = { ...edits.clusterNames };
  const trimmed = name.trim();
  if (!trimmed) delete clusterNames[clusterId];
  else clusterNames[clusterId] = { name: trimmed, members: [...members].sort().slice(0, MAX_CLUSTER_MEMBERS) };
  return { ...edits, clusterNames };
}

/** Renames an owner (an empty name removes the edit). */
export function setOwnerName(edits: UserEdits, ownerId: string, name: string): UserEdits {
  const ownerNames = { ...edits.ownerNames };
  const trimmed = name.trim();
  if (!trimmed) delete ownerNames[ownerId];
  else ownerNames[ownerId] = trimmed;
  return { ...edits, ownerNames };
}

/** Sets one manual attribute of a person (an empty value removes it). `name`: the person's name now. */
export function setPersonAttribute(
  edits: UserEdits,
  personId: string,
  name: string,
  key: string,
  value: string,
): UserEdits {
  const people = { ...edits.people };
  const attributes = { ...(people[personId]?.attributes ?? {}) };
  const k = key.trim();
  const v = value.trim();
  if (!k) return edits;
  if (v) attributes[k] = v;
  else delete attributes[k];
  if (Object.keys(attributes).length) people[personId] = { name, attributes };
  else delete people[personId];
  return { ...edits, people };
}

// ---------------------------------------------------------------------------------------------------
// Validation: edits read back from storage or a file are checked field by field.

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function stringMap(x: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(x)) return out;
  for (const [k, v] of Object.entries(x)) if (typeof v === 'string' && v.trim()) out[k] = v;
  return out;
}

/**
 * Reads edits from untrusted JSON-like data: wrong or unknown fields are dropped, so the result is
 * always a valid `UserEdits` (empty for anything unreadable or of another version).
 */
export function toUserEdits(data: unknown): UserEdits {
  const edits = getEmptyUserEdits();
  if (!isRecord(data) || data['version'] !== USER_EDITS_VERSION) return edits;
  if (isRecord(data['clusterNames'])) {
    for (const [id, c] of Object.entries(data['clusterNames'])) {
      if (!isRecord(c) || typeof c['name'] !== 'string' || !c['name'].trim() || !Array.isArray(c['members'])) continue;
      const members = c['members'].filter((m): m is string => typeof m === 'string').slice(0, MAX_CLUSTER_MEMBERS);
      edits.clusterNames[id] = { name: c['name'], members };
    }
  }
  edits.ownerNames = stringMap(data['ownerNames']);
  if (isRecord(data['people'])) {
    for (const [id, p] of Object.entries(data['people'])) {
      if (!isRecord(p)) continue;
      const attributes = stringMap(p['attributes']);
      if (Object.keys(attributes).length)
        edits.people[id] = { name: typeof p['name'] === 'string' ? p['name'] : '', attributes };
    }
  }
  return edits;
}

// ---------------------------------------------------------------------------------------------------
// Applying.

/** Options for {@link applyUserEdits}. */
export interface ApplyUserEditsOptions {
  /** Least share of a named cluster's remembered members that a new cluster must hold to take its name. Default 0.5. */
  minClusterOverlap?: number;
}

export const APPLY_USER_EDITS_DEFAULTS = { minClusterOverlap: 0.5 };

/** What the edits are applied to. Every part is optional; only the parts given are returned. */
export interface UserEditTarget<O extends { id: string; name: string } = { id: string; name: string }> {
  owners?: readonly O[];
  people?: readonly Person[];
  /** The clusters (id + label) and each person's cluster id, as the analysis returns them. */
  clusters?: readonly { id: string; label: string }[];
  membership?: Readonly<Record<string, string>>;
}

/** An edit that found nothing to apply to (the person or cluster is gone). */
export interface UnappliedEdit {
  kind: 'cluster' | 'owner' | 'person';
  /** The id the edit was keyed by. */
  id: string;
  /** The cluster name, owner name or person name it carried. */
  name: string;
}

export interface AppliedUserEdits<O extends { id: string; name: string }> {
  owners?: O[];
  people?: Person[];
  /** New cluster id → the user's name for it. */
  clusterLabels: Record<string, string>;
  /** Person id in the edits → the person id it was applied to, when they differ (matched by name). */
  movedPeople: Record<string, string>;
  unapplied: UnappliedEdit[];
}

/** Which new cluster takes each remembered name (best overlap first; one name per cluster). */
export function getClusterNameMatches(
  edits: UserEdits,
  clusterIds: readonly string[],
  membership: Readonly<Record<string, string>>,
  options: ApplyUserEditsOptions = {},
): { labels: Record<string, string>; unmatched: string[] } {
  const { minClusterOverlap } = { ...APPLY_USER_EDITS_DEFAULTS, ...options };
  const known = new Set(clusterIds);
  const candidates: { editId: string; clusterId: string; overlap: number }[] = [];
  for (const [editId, edit] of Object.entries(edits.clusterNames)) {
    if (!edit.members.length) {
      // Nothing remembered about its members: only the same id can take the name.
      if (known.has(editId)) candidates.push({ editId, clusterId: editId, overlap: 1 });
      continue;
    }
    const counts = new Map<string, number>();
    for (const m of edit.members) {
      const c = membership[m];
      if (c !== undefined && known.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    for (const [clusterId, n] of counts) {
      const overlap = n / edit.members.length;
      if (overlap >= minClusterOverlap) candidates.push({ editId, clusterId, overlap });
    }
  }
  // Deterministic greedy assignment: highest overlap first, ties by edit id then cluster id.
  candidates.sort(
    (a, b) =>
      b.overlap - a.overlap ||
      (a.editId < b.editId ? -1 : a.editId > b.editId ? 1 : 0) ||
      (a.clusterId < b.clusterId ? -1 : a.clusterId > b.clusterId ? 1 : 0),
  );
  const labels: Record<string, string> = {};
  const usedEdits = new Set<string>();
  for (const c of candidates) {
    if (usedEdits.has(c.editId) || c.clusterId in labels) continue;
    const edit = edits.clusterNames[c.editId];
    if (!edit) continue;
    labels[c.clusterId] = edit.name;
    usedEdits.add(c.editId);
  }
  const unmatched = Object.keys(edits.clusterNames)
    .filter((id) => !usedEdits.has(id))
    .sort();
  return { labels, unmatched };
}

function userValue(value: string): Sourced<string> {
  return { value, source: 'user', evidence: 'entered by you' };
}

/**
 * Applies edits to loaded data: owner names replaced, people's manual attributes set with source
 * `user` (`company` and `position` replace the exported values; other keys go into `attributes`), and
 * cluster labels matched by membership. Returns new objects; the inputs are not mutated.
 */
export function applyUserEdits<O extends { id: string; name: string }>(
  target: UserEditTarget<O>,
  edits: UserEdits,
  options: ApplyUserEditsOptions = {},
): AppliedUserEdits<O> {
  const unapplied: UnappliedEdit[] = [];
  const result: AppliedUserEdits<O> = { clusterLabels: {}, movedPeople: {}, unapplied };

  // 1. Owners, by id.
  if (target.owners) {
    const ids = new Set(target.owners.map((o) => o.id));
    result.owners = target.owners.map((o) => {
      const name = edits.ownerNames[o.id];
      return name ? { ...o, name } : o;
    });
    for (const [id, name] of Object.entries(edits.ownerNames))
      if (!ids.has(id)) unapplied.push({ kind: 'owner', id, name });
  }

  // 2. People, by id then by a unique normalised name.
  if (target.people) {
    const byId = new Map(target.people.map((p) => [p.id, p]));
    const byName = new Map<string, Person[]>();
    for (const p of target.people) {
      const k = toNameKey(p.name);
      if (k) byName.set(k, [...(byName.get(k) ?? []), p]);
    }
    const changes = new Map<string, Record<string, string>>();
    for (const [id, edit] of Object.entries(edits.people)) {
      let person = byId.get(id);
      if (!person) {
        const same = byName.get(toNameKey(edit.name)) ?? [];
        if (same.length === 1 && same[0] && !(same[0].id in edits.people)) person = same[0];
        if (person) result.movedPeople[id] = person.id;
      }
      if (!person) {
        unapplied.push({ kind: 'person', id, name: edit.name });
        continue;
      }
      changes.set(person.id, { ...(changes.get(person.id) ?? {}), ...edit.attributes });
    }
    result.people = target.people.map((p) => {
      const attrs = changes.get(p.id);
      if (!attrs) return p;
      const next: Person = { ...p, attributes: { ...p.attributes } };
      for (const [key, value] of Object.entries(attrs)) {
        if (key === 'company') next.company = userValue(value);
        else if (key === 'position') next.position = userValue(value);
        else next.attributes[key] = userValue(value);
      }
      return next;
    });
  }

  // 3. Cluster labels, by membership.
  if (target.clusters) {
    const { labels, unmatched } = getClusterNameMatches(
      edits,
      target.clusters.map((c) => c.id),
      target.membership ?? {},
      options,
    );
    result.clusterLabels = labels;
    for (const id of unmatched) unapplied.push({ kind: 'cluster', id, name: edits.clusterNames[id]?.name ?? '' });
  }
  return result;
}
