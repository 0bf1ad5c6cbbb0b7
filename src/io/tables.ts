/**
 * The user's own tables: enrichment tables (a key column — profile URL, e-mail, first + last name
 * or full name — plus attribute columns, canonical keys from ATTRIBUTE_ALIASES, anything else kept
 * under its header) and edge tables (source + target columns holding URLs, e-mails, names or ids,
 * optional weight and type). Cost: O(cells).
 */
import { toEmailKey, toProfileKey } from '../core/identity';
import type { PersonRef } from '../core/types';
import { findColumn, getEdgeColumns, getKeyColumns, toAttributeKey } from './headers';
import { cell, createRowReader, type ReadContext, type TableReader } from './reader';

/** What a person cell holds (see {@link toPersonRef}). */
type RefShape = 'email' | 'url' | 'localId' | 'localIdName' | 'name';

/** The shape of a trimmed, non-empty person cell; `hint` is the header. */
function toRefShape(v: string, hint: string): RefShape {
  // Why the `@` test first: an e-mail has one, and most cells (URLs) then skip the e-mail key's lower-casing.
  if (v.includes('@') && toEmailKey(v)) return 'email';
  if (/linkedin\.com\//i.test(v) || /^https?:\/\//i.test(v)) return toProfileKey(v) ? 'url' : 'localId';
  if (/\bid\b/.test(hint) || (!/\s/.test(v) && /[\d_]/.test(v))) return 'localId';
  // One word (`alice`): an id of a nodes table, else a name.
  if (!/\s/.test(v)) return 'localIdName';
  return 'name';
}

function fromRefShape(shape: RefShape, v: string): PersonRef {
  switch (shape) {
    case 'email':
      return { email: v };
    case 'url':
      return { url: v };
    case 'localId':
      return { localId: v };
    case 'localIdName':
      return { localId: v, name: v };
    default:
      return { name: v };
  }
}

/** A person reference from one cell: a URL, an e-mail, an id-like token or a name. `hint` is the header. */
export function toPersonRef(text: string, hint = ''): PersonRef | undefined {
  const v = text.trim();
  return v ? fromRefShape(toRefShape(v, hint), v) : undefined;
}

/** Most distinct cell texts an edge table remembers before it starts over (bounds memory on hostile files). */
const CACHE_LIMIT = 50_000;

/** An enrichment table (see module header). */
export function createEnrichmentReader(headers: string[], originalHeaders: string[], ctx: ReadContext): TableReader {
  const k = getKeyColumns(headers) ?? { url: -1, email: -1, first: -1, last: -1, full: -1, id: -1 };
  const keyCols = new Set([k.url, k.email, k.first, k.last, k.full, k.id]);
  const attrCols = headers
    .map((h, i) => ({ i, key: toAttributeKey(originalHeaders[i] ?? h) }))
    .filter(({ i, key }) => !keyCols.has(i) && key !== '');
  return createRowReader('enrichment', headers, ctx, (cells, line) => {
    const person: PersonRef = {};
    const url = cell(cells, k.url);
    const email = cell(cells, k.email);
    const first = cell(cells, k.first);
    const last = cell(cells, k.last);
    const full = cell(cells, k.full) || [first, last].filter(Boolean).join(' ');
    if (url) person.url = url;
    if (email) person.email = email;
    if (first) person.firstName = first;
    if (last) person.lastName = last;
    if (full) person.name = full;
    const id = cell(cells, k.id);
    if (id) person.localId = id;
    if (!url && !email && !full && !id) return 'no URL, e-mail or name to say who it is about';
    const attributes: Record<string, string> = {};
    for (const { i, key } of attrCols) {
      const v = cell(cells, i);
      if (v) attributes[key] = attributes[key] ? `${attributes[key]}; ${v}` : v;
    }
    ctx.dataset.attributes.push({ person, attributes, source: 'enrichment', ref: { file: ctx.file, line } });
    return true;
  });
}

/** An edge table (see module header). */
export function createEdgesReader(headers: string[], ctx: ReadContext): TableReader {
  const e = getEdgeColumns(headers) ?? { source: -1, target: -1 };
  const weight = findColumn(headers, 'weight', 'strength', 'w', 'value');
  const type = findColumn(headers, 'type', 'kind', 'relation', 'relationship', 'label');
  // Each distinct cell text is read once per column and kept as one string: an edge table names each person
  // many times, and the people merge then looks each text up (a string shared by the records is hashed once,
  // and held once).
  const seen = new Map<string, { v: string; shapes: (RefShape | undefined)[] }>();
  const toRef = (cells: string[], column: number, side: 0 | 1): PersonRef | undefined => {
    const v = cell(cells, column);
    if (!v) return undefined;
    let hit = seen.get(v);
    if (!hit) {
      if (seen.size >= CACHE_LIMIT) seen.clear();
      hit = { v, shapes: [undefined, undefined] };
      seen.set(v, hit);
    }
    const shape = (hit.shapes[side] ??= toRefShape(hit.v, headers[column] ?? ''));
    return fromRefShape(shape, hit.v);
  };
  return createRowReader('edges', headers, ctx, (cells, line, sink) => {
    const source = toRef(cells, e.source, 0);
    const target = toRef(cells, e.target, 1);
    if (!source || !target) return `empty ${source ? 'target' : 'source'}`;
    const edge: (typeof ctx.dataset.edges)[number] = { source, target, ref: { file: ctx.file, line } };
    const w = cell(cells, weight);
    if (w) {
      const n = Number(w.replace(',', '.'));
      if (Number.isFinite(n)) edge.weight = n;
      else sink.add('warning', line, `line ${line}: weight \`${w}\` is not a number; read as 1`, 'weight not a number');
    }
    const t = cell(cells, type);
    if (t) edge.type = t;
    ctx.dataset.edges.push(edge);
    return true;
  });
}
