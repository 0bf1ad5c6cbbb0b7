/**
 * Recognising a CSV by its header (never by file name or column position): which kind of file it
 * is and where each needed column sits. Header names are compared after dropping a BOM, quotes,
 * case, underscores and extra spaces. Cost: O(columns) per candidate line.
 */
import type { FileKind } from '../core/types';

/** `  E-mail_Address ` → `e-mail address`. */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

/** A recognised header: the file's kind and the normalised header names (position = column). */
export interface HeaderMatch {
  kind: FileKind;
  headers: string[];
}

/** Column index of the first header among `names`, or -1. */
export function findColumn(headers: string[], ...names: string[]): number {
  for (const n of names) {
    const i = headers.indexOf(n);
    if (i >= 0) return i;
  }
  return -1;
}

/** Canonical attribute keys of enrichment tables and graph files, with the headers that mean them. */
export const ATTRIBUTE_ALIASES: Record<string, readonly string[]> = {
  location: ['location', 'geo location', 'place', 'address'],
  city: ['city', 'town'],
  region: ['region', 'state', 'province', 'county', 'area'],
  country: ['country', 'country code', 'nation'],
  industry: ['industry', 'sector'],
  company: ['company', 'company name', 'organization', 'organisation', 'employer', 'companies'],
  position: ['position', 'title', 'job title', 'role', 'headline'],
  tags: ['tags', 'tag', 'labels', 'label', 'groups'],
  notes: ['notes', 'note', 'comment', 'comments'],
};

/** The canonical key for a header (`Job Title` → `position`), else the header trimmed as written. */
export function toAttributeKey(header: string): string {
  const h = normaliseHeader(header);
  for (const [key, aliases] of Object.entries(ATTRIBUTE_ALIASES)) if (aliases.includes(h)) return key;
  return header.replace(/^\uFEFF/, '').trim();
}

export const URL_HEADERS = [
  'url',
  'profile url',
  'linkedin url',
  'linkedin',
  'linkedin profile',
  'linkedin profile url',
  'profile',
  'public url',
  'profile link',
];
export const EMAIL_HEADERS = ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'emails'];
export const FULL_NAME_HEADERS = ['full name', 'name', 'fullname', 'person', 'contact', 'label'];
/** Id columns (a Gephi-style nodes table: `Id,Label,...`), matched by edge tables' source/target. */
export const ID_HEADERS = ['id', 'node id', 'key', 'node'];
const CONNECTION_HEADERS = ['first name', 'last name', 'url', 'email address', 'company', 'position', 'connected on'];
const SOURCE_HEADERS = [
  'source',
  'from',
  'source url',
  'source email',
  'source name',
  'source id',
  'person a',
  'person 1',
  'src',
];
const TARGET_HEADERS = [
  'target',
  'to',
  'target url',
  'target email',
  'target name',
  'target id',
  'person b',
  'person 2',
  'dst',
];

/** Edge-table column indexes, or undefined when the header has no source + target columns. */
export function getEdgeColumns(headers: string[]): { source: number; target: number } | undefined {
  const source = findColumn(headers, ...SOURCE_HEADERS);
  const target = findColumn(headers, ...TARGET_HEADERS);
  return source >= 0 && target >= 0 ? { source, target } : undefined;
}

/** Enrichment key columns, or undefined when the header names no one. */
export function getKeyColumns(
  headers: string[],
): { url: number; email: number; first: number; last: number; full: number; id: number } | undefined {
  const url = findColumn(headers, ...URL_HEADERS);
  const email = findColumn(headers, ...EMAIL_HEADERS);
  const first = findColumn(headers, 'first name', 'firstname', 'given name');
  const last = findColumn(headers, 'last name', 'lastname', 'surname', 'family name');
  const full = findColumn(headers, ...FULL_NAME_HEADERS);
  const id = findColumn(headers, ...ID_HEADERS);
  if (url < 0 && email < 0 && full < 0 && id < 0 && (first < 0 || last < 0)) return undefined;
  return { url, email, first, last, full, id };
}

/**
 * Classify a candidate header line. `fileName` only splits the two recommendation files, whose
 * headers are identical. Returns undefined when the line is not a header we know.
 */
export function classifyHeader(fields: string[], fileName: string): HeaderMatch | undefined {
  const h = fields.map(normaliseHeader);
  const has = (...names: string[]) => names.every((n) => h.includes(n));
  const nonEmpty = h.filter(Boolean);
  if (nonEmpty.length < 2) return undefined;
  const base = fileName.split('/').pop()?.toLowerCase() ?? '';
  let kind: FileKind | undefined;
  if (has('conversation id') || (has('from', 'to', 'date', 'content') && (has('direction') || has('folder'))))
    kind = 'messages';
  else if (has('from', 'to', 'sent at')) kind = 'invitations';
  else if (h.some((x) => x.startsWith('endorser '))) kind = 'endorsements-received';
  else if (h.some((x) => x.startsWith('endorsee '))) kind = 'endorsements-given';
  else if (has('first name', 'last name', 'text') && (has('creation date') || has('status')))
    kind = base.includes('given') ? 'recommendations-given' : 'recommendations-received';
  else if (has('firstname', 'lastname') && (has('emails') || has('source'))) kind = 'contacts';
  else if (
    has('first name', 'last name') &&
    !has('connected on') &&
    (has('headline') || has('maiden name') || has('birth date') || has('geo location') || has('zip code'))
  )
    kind = 'profile';
  else if (
    (has('connected on') && CONNECTION_HEADERS.filter((c) => h.includes(c)).length >= 2) ||
    (has('first name', 'middle name', 'last name') && (has('e-mail address') || has('job title'))) ||
    (has('first name', 'last name', 'company', 'position') && nonEmpty.every((x) => CONNECTION_HEADERS.includes(x)))
  )
    kind = 'connections';
  else if (getEdgeColumns(h)) kind = 'edges';
  else if (getKeyColumns(h) && nonEmpty.length >= 2) kind = 'enrichment';
  return kind ? { kind, headers: h } : undefined;
}
