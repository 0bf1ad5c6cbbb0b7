/**
 * The CLI's stable JSON (issue 5 §6) from an Analysis: owners, me, people, clusters, the top 100
 * super-connectors, modularity and import issues. Deterministic: every array is sorted by a stable key
 * (people by id, clusters largest first, super-connectors by score then id, issues by file, line,
 * message), numbers are rounded, and objects are written with a fixed key order, so the same inputs
 * give byte-identical output. Cost: O(n log n).
 */
import { toNameKey, toSlug } from '../identity';
import type { PeopleIndex } from '../people';
import type { ImportIssue } from '../types';
import type { Analysis, Degree } from './analyze';

export interface AnalysisJsonPerson {
  id: string;
  name: string;
  url?: string;
  company?: string;
  position?: string;
  location?: string;
  city?: string;
  country?: string;
  industry?: string;
  /** Cluster id; null for owners (they are left out of clustering). */
  cluster: string | null;
  owners: string[];
  degree: Degree;
}

export interface AnalysisJson {
  owners: { id: string; name: string }[];
  me: string | null;
  people: AnalysisJsonPerson[];
  clusters: { id: string; label: string; size: number; terms: string[] }[];
  superConnectors: { id: string; name: string; score: number; why: string[] }[];
  modularity: number;
  issues: { file: string; line?: number; message: string }[];
}

/** What the JSON needs beside the analysis. */
export interface AnalysisJsonMeta {
  /** Owners in input order, as `{ id, name }`. Default: the index's owners, by id. */
  owners?: { id: string; name: string }[];
  /** The owner whose point of view answers use: an owner id, name or slug. Default: the first owner. */
  me?: string;
  issues?: Pick<ImportIssue, 'file' | 'line' | 'message'>[];
  /** Super-connectors listed (those with a score above 0). Default 100. */
  topSuperConnectors?: number;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The owner id `me` names (id, name or slug, case- and accent-insensitive), or undefined when none does. */
export function getMeOwner(owners: { id: string; name: string }[], me: string): string | undefined {
  const key = toNameKey(me);
  const slug = toSlug(me);
  return owners.find(
    (o) => o.id === me || toNameKey(o.name) === key || o.id === `owner:${slug}` || toSlug(o.name) === slug,
  )?.id;
}

/** The issue 5 §6 JSON object of an analysis. */
export function toAnalysisJson(analysis: Analysis, index: PeopleIndex, meta: AnalysisJsonMeta = {}): AnalysisJson {
  const owners =
    meta.owners ??
    index.people
      .filter((p) => p.ownerId)
      .map((p) => ({ id: p.ownerId ?? p.id, name: p.name }))
      .sort((a, b) => cmp(a.id, b.id));
  const me = (meta.me ? getMeOwner(owners, meta.me) : undefined) ?? owners[0]?.id ?? null;

  const people = [...index.people]
    .sort((a, b) => cmp(a.id, b.id))
    .map((p): AnalysisJsonPerson => {
      const place = analysis.graph.hasNode(p.id) ? analysis.graph.getNodeAttribute(p.id, 'place') : undefined;
      const industry = analysis.graph.hasNode(p.id) ? analysis.graph.getNodeAttribute(p.id, 'industry') : undefined;
      const out: AnalysisJsonPerson = { id: p.id, name: p.name } as AnalysisJsonPerson;
      if (p.url) out.url = p.url;
      if (p.company?.value) out.company = p.company.value;
      if (p.position?.value) out.position = p.position.value;
      const location = place?.text || p.attributes['location']?.value;
      if (location) out.location = location;
      if (place?.city) out.city = place.city;
      if (place?.country) out.country = place.country;
      if (industry) out.industry = industry;
      out.cluster = p.ownerId ? null : (analysis.membership[p.id] ?? null);
      out.owners = [...p.owners].sort(cmp);
      out.degree = analysis.degree[p.id] ?? (p.ownerId ? 0 : p.owners.length > 0 ? 1 : 2);
      return out;
    });

  const issues = (meta.issues ?? [])
    .map((i) =>
      i.line !== undefined ? { file: i.file, line: i.line, message: i.message } : { file: i.file, message: i.message },
    )
    .sort((a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.message, b.message));

  return {
    owners: owners.map((o) => ({ id: o.id, name: o.name })),
    me,
    people,
    clusters: analysis.clusters.map((c) => ({ id: c.id, label: c.label, size: c.size, terms: [...c.terms] })),
    // Score 0 (no bridging, reach, team or hint) is nobody's super-connector: left out.
    superConnectors: analysis.superConnectors
      .filter((s) => s.score > 0)
      .slice(0, meta.topSuperConnectors ?? 100)
      .map((s) => ({ id: s.id, name: s.name, score: s.score, why: [...s.why] })),
    modularity: Math.round(analysis.modularity * 1e6) / 1e6,
    issues,
  };
}
