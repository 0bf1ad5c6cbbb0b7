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

/** A person reference from one cell: a URL, an e-mail, an id-like token or a name. `hint` is the header. */
export function toPersonRef(text: string, hint = ''): PersonRef | undefined {
  const v = text.trim();
  if (!v) return undefined;
  if (toEmailKey(v)) return { email: v };
  if (/linkedin\.com\//i.test(v) || /^https?:\/\//i.test(v)) return toProfileKey(v) ? { url: v } : { localId: v };
  if (/\bid\b/.test(hint) || (!/\s/.test(v) && /[\d_]/.test(v))) return { localId: v };
  // One word (`alice`): an id of a nodes table, else a name.
  if (!/\s/.test(v)) return { localId: v, name: v };
  return { name: v };
}

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
  return createRowReader('edges', headers, ctx, (cells, line, sink) => {
    const source = toPersonRef(cell(cells, e.source), headers[e.source]);
    const target = toPersonRef(cell(cells, e.target), headers[e.target]);
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
