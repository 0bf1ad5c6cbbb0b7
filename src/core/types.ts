/**
 * The data model shared by every layer: what the importers (src/io) produce, what the analysis
 * (src/core) reads, and the people it builds. Plain serialisable objects only, so a Dataset can
 * cross a worker boundary or be written as JSON (an ImportResult's `people` index is the exception:
 * it holds a lookup function and stays in the thread that imported).
 *
 * Provenance is part of the model: every record keeps the file and line it came from, and every
 * attribute of a person says where its value came from (`Sourced`), so the app can always answer
 * "why do you believe this?".
 */
import type { PeopleIndex } from './people';

/** Where a value was read: a file name (as the user knows it, e.g. `alice/Connections.csv`) and a 1-based line. */
export interface SourceRef {
  file: string;
  line?: number;
}

/** Where an attribute's value came from. `inferred` values are never presented as facts. */
export const SOURCE_KINDS = ['export', 'profile', 'enrichment', 'graph', 'inferred', 'user'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A value with its provenance. `evidence` says in words why (for inferred values: what text it came from). */
export interface Sourced<T> {
  value: T;
  source: SourceKind;
  ref?: SourceRef;
  evidence?: string;
  /** 0..1; 1 for values read as written. */
  confidence?: number;
}

/** One export's owner (the person whose LinkedIn archive it is). */
export interface OwnerRecord {
  /** Stable id: `owner:<slug>` from the name or the folder/zip name. */
  id: string;
  /** From Profile.csv (First + Last Name), else the folder or zip name; editable by the user. */
  name: string;
  /** The folder or zip name the export came from. */
  label: string;
  headline?: string;
  industry?: string;
  location?: string;
  ref?: SourceRef;
}

/** One row of Connections.csv, any era, normalised. */
export interface ConnectionRecord {
  owner: string;
  firstName: string;
  lastName: string;
  middleName?: string;
  /** As written in the file. Normalise with core/identity before joining. */
  url?: string;
  email?: string;
  company?: string;
  position?: string;
  /** ISO date `YYYY-MM-DD`, when understood. */
  connectedOn?: string;
  /** A `,,,,,,<date>` row: a hidden or deactivated member. Counted, never shown as a named person. */
  hidden?: boolean;
  ref: SourceRef;
}

/** Someone named in a file, by whatever the file gives: a profile URL, an e-mail, a name. */
export interface PersonRef {
  url?: string;
  email?: string;
  /** Full name as written (`Ana Ferreira`). */
  name?: string;
  firstName?: string;
  lastName?: string;
  /** An id local to a graph or edge file, used when nothing else identifies the person. */
  localId?: string;
}

export const INTERACTION_KINDS = ['message', 'invitation', 'endorsement', 'recommendation'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** Evidence of tie strength between an owner and someone: one message, invitation, endorsement or recommendation. */
export interface InteractionRecord {
  owner: string;
  kind: InteractionKind;
  /** `out`: the owner sent / gave it; `in`: the owner received it. */
  direction: 'in' | 'out';
  person: PersonRef;
  /** ISO date `YYYY-MM-DD`. */
  date?: string;
  ref: SourceRef;
}

/**
 * A row of an enrichment table, or a node of a graph file: attributes for someone.
 * Keys are canonical where recognised: `location`, `city`, `region`, `country`, `industry`,
 * `company`, `position`, `tags`, `notes`; any other column keeps its header (trimmed) as key.
 */
export interface AttributeRecord {
  person: PersonRef;
  attributes: Record<string, string>;
  source: Extract<SourceKind, 'enrichment' | 'graph'>;
  ref: SourceRef;
}

/** "Who knows whom": a row of an edge table or an edge of a graph file. */
export interface EdgeRecord {
  source: PersonRef;
  target: PersonRef;
  /** Default 1. */
  weight?: number;
  type?: string;
  ref: SourceRef;
}

/** Everything read from the user's files, before people are merged. */
export interface Dataset {
  owners: OwnerRecord[];
  connections: ConnectionRecord[];
  interactions: InteractionRecord[];
  attributes: AttributeRecord[];
  edges: EdgeRecord[];
}

export function getEmptyDataset(): Dataset {
  return { owners: [], connections: [], interactions: [], attributes: [], edges: [] };
}

export const ISSUE_SEVERITIES = ['error', 'warning', 'info'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

/** Something wrong or notable in the input, with what was done about it. */
export interface ImportIssue {
  file: string;
  line?: number;
  severity: IssueSeverity;
  /** Says what was wrong and what was done: "line 48: unclosed quote; the row was skipped". */
  message: string;
}

/** File kinds; the ones before 'enrichment' belong to one person's LinkedIn export (io/import EXPORT_KINDS). */
export const FILE_KINDS = [
  'connections',
  'profile',
  'messages',
  'invitations',
  'endorsements-received',
  'endorsements-given',
  'recommendations-received',
  'recommendations-given',
  'contacts',
  'enrichment',
  'edges',
  'gexf',
  'graphml',
  'graph-json',
  'not-used',
  'unreadable',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Per input file: what it was recognised as and what was read from it. */
export interface FileSummary {
  file: string;
  kind: FileKind;
  owner?: string;
  rows: number;
  skipped: number;
  /** Filled by people merging: people first seen in this file vs matched to someone already known. */
  newPeople?: number;
  mergedPeople?: number;
}

/** What an import returns. Never throws on bad input: problems become issues. */
export interface ImportResult {
  dataset: Dataset;
  issues: ImportIssue[];
  summary: FileSummary[];
  /**
   * The dataset's people, merged once by the import for its per-file counts (core/people buildPeople), so
   * the pipeline need not merge again. Absent when a result is made by hand; build it then.
   */
  people?: PeopleIndex;
}

/** How two records were found to be the same person. */
export const MERGE_KEYS = ['url', 'email', 'name'] as const;
export type MergeKey = (typeof MERGE_KEYS)[number];

/** A person after merging every record about them across exports and tables. */
export interface Person {
  /**
   * Normalised profile URL (`linkedin.com/in/josé-garcía-1a2b`) where known; else `email:<address>`;
   * else `name:<normalised full name>|<normalised company>`; owners are `owner:<slug>`.
   */
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  /** Canonical `https://www.linkedin.com/in/<id>` form. */
  url?: string;
  email?: string;
  company?: Sourced<string>;
  position?: Sourced<string>;
  /** The owner ids whose exports list this person as a connection. */
  owners: string[];
  /** Per owner id, the ISO date they connected. */
  connectedOn: Record<string, string>;
  /** Set when this person is an export's owner. */
  ownerId?: string;
  /** Enrichment and graph-file attributes (canonical keys as in AttributeRecord), with provenance. */
  attributes: Record<string, Sourced<string>>;
  /** Place, industry and role resolved or inferred by core/enrich (issue 4). */
  place?: Sourced<Place>;
  industry?: Sourced<string>;
  role?: Sourced<Role>;
  /** How records were merged into this person, with caveats ("merged by name"). */
  mergedBy: MergeKey[];
  caveats: string[];
  refs: SourceRef[];
}

/** A resolved place. Country is ISO 3166-1 alpha-2. */
export interface Place {
  city?: string;
  /** GeoNames id of the city, when resolved to one. */
  cityId?: number;
  /** Admin-1 region name (`California`, `Bavaria`). */
  admin1?: string;
  /** Well-known area from data/regions (`Southern California`, `San Francisco Bay Area`). */
  area?: string;
  country?: string;
  countryName?: string;
  lat?: number;
  lon?: number;
  remote?: boolean;
  /** The text it was resolved from. */
  text: string;
}

export interface Role {
  family: string;
  seniority?: string;
}
