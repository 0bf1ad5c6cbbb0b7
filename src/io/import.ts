/**
 * The import pipeline: any mix of files, folders and zips in, one ImportResult out.
 *
 * 1. Zips are opened (zip.ts), their entries become files under `<zip path>/`.
 * 2. Every file is recognised by content (headers.ts, graph-files.ts), never by name.
 * 3. Files are grouped: a folder holding LinkedIn export files (Connections.csv, Profile.csv,
 *    messages...) is one export with one owner; other tables and graph files apply to everyone.
 * 4. Each export's Profile.csv is read first (the owner's name), then its other files; then the
 *    team-wide tables and graph files.
 * 5. People are merged (core/people) to fill the per-file new/merged counts of the summary.
 *
 * Never throws on bad input: problems become issues. The one exception is cancelling through
 * `signal`, which rejects with an error named `AbortError`. The user's bytes are never modified.
 * Cost: O(total bytes); message content is never kept.
 */
import { buildPeople } from '../core/people';
import { toNameKey, toSlug } from '../core/identity';
import {
  FILE_KINDS,
  getEmptyDataset,
  type Dataset,
  type FileKind,
  type FileSummary,
  type ImportIssue,
  type ImportResult,
  type OwnerRecord,
} from '../core/types';
import {
  CSV_DELIMITERS,
  getHeadLines,
  iterateCsv,
  SHORT_FIELD_MAX_LINES,
  splitCsvLine,
  type CsvDelimiter,
} from './csv';
import { decodeText, isBinary } from './decode';
import { getGraphFormat, parseGraphFile } from './graph-files';
import { classifyHeader, type HeaderMatch } from './headers';
import {
  createConnectionsReader,
  createContactsReader,
  createEndorsementsReader,
  createInvitationsReader,
  createMessagesReader,
  createProfileReader,
  createRecommendationsReader,
} from './linkedin';
import type { ReadContext, TableReader } from './reader';
import { createEdgesReader, createEnrichmentReader } from './tables';
import { unzipArchive } from './zip';
import { nextTask } from './next-task';

export interface InputFile {
  /** Path as the user sees it, '/'-separated: `alice/Connections.csv`, `Basic_LinkedInDataExport_01-02-2026.zip`. */
  path: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /**
   * Called per file and every few thousand rows. `done`/`total` are bytes over all files to read
   * (after zips are opened); `file` is the file being read.
   */
  onProgress?: (p: { file: string; done: number; total: number }) => void;
  /** Aborting rejects importFiles with an error named `AbortError`. */
  signal?: AbortSignal;
}

/** File kinds that belong to one person's LinkedIn export (and so to its owner). */
export const EXPORT_KINDS: readonly FileKind[] = FILE_KINDS.slice(0, FILE_KINDS.indexOf('enrichment'));

/** Rows between progress reports (and chances to cancel). */
export const PROGRESS_EVERY_ROWS = 2000;
/** Lines searched for a header (the `Notes:` preamble and blank lines come before it). */
export const HEADER_SEARCH_LINES = 40;
/** Bytes decoded to recognise a file. */
const SNIFF_BYTES = 64 * 1024;

/** Names of files we read, so that an unreadable one is an error rather than "not used". */
const READ_FILE_NAMES =
  /^(connections|profile|messages|invitations|endorsement_(received|given)_info|recommendations[_ ](received|given)|contacts|imported contacts)\.csv$/i;
/** Files of LinkedIn's archive that are not read (their headers could pass for a table, e.g. Member_Follows.csv). */
const ARCHIVE_EXTRAS =
  /^(ad_targeting|calendar|certifications|comments|company follows|education|email addresses|hashtag_follows|job applicant.*|job applications|learning|logins|member_follows|phonenumbers|positions|profile summary|reactions|registration|rich media|savedjobalerts|saved_items|searchqueries|security challenges|shares|skills|votes|languages|honors|projects|publications|courses|causes you care about|receipts.*|services marketplace.*|events|inferences_about_you|guide_messages|learning_.*|whatsapp phone numbers|verifications|private_identity_asset|coach_messages|articles?)\.csv$/i;
const SPREADSHEET = /\.(xlsx|xls|xlsm|ods|numbers)$/i;

interface Sniffed {
  kind: FileKind;
  header?: HeaderMatch & { original: string[]; start: number; line: number; delimiter: CsvDelimiter };
  /** Why the file is not used / unreadable. */
  note?: { severity: ImportIssue['severity']; message: string };
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Find the header line and separator of CSV text: the first of the first lines that we recognise. */
export function findHeader(text: string, fileName: string): Sniffed['header'] {
  for (const l of getHeadLines(text, HEADER_SEARCH_LINES)) {
    if (!l.text.trim()) continue;
    for (const d of CSV_DELIMITERS) {
      if (!l.text.includes(d)) continue;
      const original = splitCsvLine(l.text, d);
      const m = classifyHeader(original, fileName);
      if (m) return { ...m, original, start: l.start, line: l.line, delimiter: d };
    }
  }
  return undefined;
}

function sniffText(text: string, path: string): Sniffed {
  const graph = getGraphFormat(text);
  if (graph) return { kind: graph };
  const header = findHeader(text, path);
  if (header) return { kind: header.kind, header };
  const name = baseName(path);
  if (!text.trim())
    return { kind: 'not-used', note: { severity: 'warning', message: 'the file is empty; nothing to read' } };
  if (READ_FILE_NAMES.test(name))
    return {
      kind: 'unreadable',
      note: {
        severity: 'error',
        message: `no header we recognise in the first ${HEADER_SEARCH_LINES} lines; 0 rows read. A Connections.csv needs First Name, Last Name (or URL) and Connected On columns; a table needs a profile URL, e-mail or name column (see docs/import.md). Was the header row deleted, or the file saved in another format?`,
      },
    };
  if (/\.(csv|tsv|txt)$/i.test(name))
    return {
      kind: 'not-used',
      note: {
        severity: 'warning',
        message:
          'no column saying who each row is about (profile URL, e-mail, First + Last Name or Name) and no Source + Target columns; not used. Rename a column if this table was meant to be read (see docs/import.md).',
      },
    };
  return { kind: 'not-used', note: { severity: 'info', message: 'not a file Netwell reads; not used' } };
}

function sniff(file: InputFile): Sniffed {
  const name = baseName(file.path);
  if (SPREADSHEET.test(name))
    return {
      kind: 'unreadable',
      note: {
        severity: 'error',
        message: 'a spreadsheet file cannot be read; nothing was read. Save it as CSV (UTF-8) and add it again.',
      },
    };
  if (file.bytes.length === 0)
    return { kind: 'not-used', note: { severity: 'warning', message: 'the file is empty; nothing to read' } };
  if (isBinary(file.bytes)) return { kind: 'not-used', note: { severity: 'info', message: 'a binary file; not used' } };
  if (ARCHIVE_EXTRAS.test(name))
    return {
      kind: 'not-used',
      note: { severity: 'info', message: "part of LinkedIn's export that Netwell does not use; not used" },
    };
  const head = file.bytes.length > SNIFF_BYTES ? file.bytes.subarray(0, SNIFF_BYTES) : file.bytes;
  return sniffText(decodeText(head).text, file.path);
}

function abortError(): Error {
  const e = new Error('io/import: the import was cancelled');
  e.name = 'AbortError';
  return e;
}

/** Readable owner label from a folder or zip name: `Basic_LinkedInDataExport_01-02-2026.zip` → `LinkedIn export 01-02-2026`. */
export function toOwnerLabel(dir: string): string {
  const parts = dir
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/\.zip$/i, ''));
  let date: string | undefined;
  while (parts.length) {
    const last = parts.pop() ?? '';
    const m = last.match(/^(?:Basic|Complete|Initial)_LinkedInDataExport_([\d-]+)/i);
    if (!m) return last;
    date ??= m[1];
  }
  return date ? `LinkedIn export ${date}` : '';
}

interface Entry {
  path: string;
  bytes: Uint8Array;
  sniffed: Sniffed;
}

/** Read every file (see module header). */
export async function importFiles(files: InputFile[], options: ImportOptions = {}): Promise<ImportResult> {
  const { signal, onProgress } = options;
  const check = () => {
    if (signal?.aborted) throw abortError();
  };
  check();
  const dataset: Dataset = getEmptyDataset();
  const issues: ImportIssue[] = [];
  const summary: FileSummary[] = [];

  // 1. Open zips (and zips inside them, one level), drop duplicate paths.
  const flat: InputFile[] = [];
  const seen = new Map<string, Uint8Array>();
  const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
  const addFile = (input: InputFile, depth: number) => {
    let f = input;
    const earlier = seen.get(f.path);
    if (earlier && sameBytes(earlier, f.bytes)) {
      issues.push({ file: f.path, severity: 'info', message: 'the same file was given twice; read once' });
      return;
    }
    if (earlier) {
      let n = 2;
      while (seen.has(`${f.path} (${n})`)) n++;
      const path = `${f.path} (${n})`;
      issues.push({
        file: path,
        severity: 'warning',
        message: `another file was also named \`${f.path}\`; this one is read as \`${path}\``,
      });
      f = { path, bytes: f.bytes };
    }
    seen.set(f.path, f.bytes);
    if (/\.zip$/i.test(f.path)) {
      if (depth >= 2) {
        issues.push({ file: f.path, severity: 'warning', message: 'a zip inside a zip inside a zip; not opened' });
        summary.push({ file: f.path, kind: 'not-used', rows: 0, skipped: 0 });
        return;
      }
      const z = unzipArchive(f.bytes);
      if (z.error) {
        issues.push({ file: f.path, severity: 'error', message: `io/zip: ${z.error}` });
        summary.push({ file: f.path, kind: 'unreadable', rows: 0, skipped: 0 });
        return;
      }
      for (const e of z.entries) addFile({ path: `${f.path}/${e.name}`, bytes: e.bytes }, depth + 1);
      return;
    }
    flat.push(f);
  };
  for (const f of files) addFile(f, 0);
  check();

  // 2. Recognise each file by content.
  const entries: Entry[] = flat.map((f) => ({ ...f, sniffed: sniff(f) }));

  // 3. Group: folders holding export files are exports.
  const exportDirs = [
    ...new Set(entries.filter((e) => EXPORT_KINDS.includes(e.sniffed.kind)).map((e) => dirName(e.path))),
  ];
  const exportOf = (path: string): string | undefined => {
    const d = dirName(path);
    let best: string | undefined;
    for (const x of exportDirs)
      if ((x === '' || d === x || d.startsWith(`${x}/`)) && (best === undefined || x.length > best.length)) best = x;
    return best;
  };

  const total = entries.reduce((s, e) => s + e.bytes.length, 0);
  let done = 0;
  const ownerIds = new Set<string>();

  const readTable = async (e: Entry, make: (h: NonNullable<Sniffed['header']>) => TableReader) => {
    const { text, encoding } = decodeText(e.bytes);
    if (encoding !== 'utf-8')
      issues.push({
        file: e.path,
        severity: 'info',
        message:
          encoding === 'windows-1252'
            ? 'read as Windows-1252 text (not valid UTF-8: probably re-saved by a spreadsheet)'
            : `read as ${encoding.toUpperCase()} text`,
      });
    const header = findHeader(text, e.path) ?? e.sniffed.header;
    if (!header) return { rows: 0, skipped: 0 };
    const reader = make(header);
    const maxFieldLines =
      e.sniffed.kind === 'connections' || e.sniffed.kind.startsWith('endorsements') ? SHORT_FIELD_MAX_LINES : undefined;
    let n = 0;
    let first = true;
    for (const row of iterateCsv(text, {
      delimiter: header.delimiter,
      start: header.start,
      startLine: header.line,
      maxFieldLines,
    })) {
      if (first) {
        first = false;
        continue;
      }
      reader.read(row);
      if (++n % PROGRESS_EVERY_ROWS === 0) {
        onProgress?.({
          file: e.path,
          done: done + Math.round((row.end / Math.max(1, text.length)) * e.bytes.length),
          total,
        });
        await nextTask();
        check();
      }
    }
    reader.finish();
    return { rows: reader.rows, skipped: reader.skipped };
  };

  const readEntry = async (e: Entry, owner?: OwnerRecord): Promise<FileSummary> => {
    onProgress?.({ file: e.path, done, total });
    const { kind, note } = e.sniffed;
    const s: FileSummary = { file: e.path, kind, rows: 0, skipped: 0, ...(owner ? { owner: owner.id } : {}) };
    const ctx: ReadContext = {
      file: e.path,
      dataset,
      issues,
      ...(owner ? { owner: owner.id, ownerName: owner.name } : {}),
    };
    if (owner && kind === 'messages')
      ctx.connectionNames = new Set(
        dataset.connections.filter((c) => c.owner === owner.id).map((c) => toNameKey(`${c.firstName} ${c.lastName}`)),
      );
    if (note)
      issues.push({
        file: e.path,
        severity: owner && note.severity === 'warning' && kind === 'not-used' ? 'info' : note.severity,
        message: note.message,
      });
    if (kind === 'gexf' || kind === 'graphml' || kind === 'graph-json') {
      const g = parseGraphFile(decodeText(e.bytes).text, e.path, kind);
      dataset.attributes.push(...g.attributes);
      dataset.edges.push(...g.edges);
      issues.push(...g.issues);
      s.rows = g.nodes + g.edges.length;
    } else if (kind !== 'not-used' && kind !== 'unreadable' && kind !== 'profile') {
      const r = await readTable(e, (h) => {
        switch (kind) {
          case 'connections':
            return createConnectionsReader(h.headers, ctx);
          case 'messages':
            return createMessagesReader(h.headers, ctx);
          case 'invitations':
            return createInvitationsReader(h.headers, ctx);
          case 'endorsements-received':
          case 'endorsements-given':
            return createEndorsementsReader(kind, h.headers, ctx);
          case 'recommendations-received':
          case 'recommendations-given':
            return createRecommendationsReader(kind, h.headers, ctx);
          case 'contacts':
            return createContactsReader(h.headers, ctx);
          case 'edges':
            return createEdgesReader(h.headers, ctx);
          default:
            return createEnrichmentReader(h.headers, h.original, ctx);
        }
      });
      s.rows = r.rows;
      s.skipped = r.skipped;
      if (r.rows === 0)
        issues.push({
          file: e.path,
          severity: 'error',
          message: `0 rows read from a non-empty ${kind} file${r.skipped ? ` (${r.skipped} skipped, see the lines above)` : ''}. Was it cut short, or re-saved with a different separator or encoding? Export it again or save it as CSV (UTF-8).`,
        });
    }
    done += e.bytes.length;
    check();
    return s;
  };

  // 4. Exports: Profile.csv first (it names the owner), then the other files.
  for (const dir of exportDirs.sort()) {
    const mine = entries.filter((e) => exportOf(e.path) === dir);
    const label = toOwnerLabel(dir);
    const profiles = mine.filter((e) => e.sniffed.kind === 'profile');
    let fromProfile: Pick<OwnerRecord, 'name' | 'headline' | 'industry' | 'location' | 'ref'> | undefined;
    const profileSummaries: FileSummary[] = [];
    for (const p of profiles) {
      onProgress?.({ file: p.path, done, total });
      const ctx: ReadContext = { file: p.path, dataset, issues };
      const r = await readTable(p, (h) =>
        createProfileReader(h.headers, ctx, (o) => {
          fromProfile ??= o;
        }),
      );
      if (r.rows === 0)
        issues.push({
          file: p.path,
          severity: 'error',
          message: `0 rows read from Profile.csv; the owner is named \`${label || 'Me'}\` from the folder instead. Edit the name in the app.`,
        });
      profileSummaries.push({ file: p.path, kind: 'profile', rows: r.rows, skipped: r.skipped });
      done += p.bytes.length;
      check();
    }
    const name = fromProfile?.name ?? (label || 'Me');
    let id = `owner:${toSlug(name)}`;
    for (let i = 2; ownerIds.has(id); i++) id = `owner:${toSlug(name)}-${i}`;
    ownerIds.add(id);
    const owner: OwnerRecord = { id, name, label: dir || name };
    if (fromProfile?.headline) owner.headline = fromProfile.headline;
    if (fromProfile?.industry) owner.industry = fromProfile.industry;
    if (fromProfile?.location) owner.location = fromProfile.location;
    if (fromProfile?.ref) owner.ref = fromProfile.ref;
    dataset.owners.push(owner);
    for (const s of profileSummaries) summary.push({ ...s, owner: id });
    if (!mine.some((e) => e.sniffed.kind === 'connections'))
      issues.push({
        file: dir || name,
        severity: 'warning',
        message: `no Connections.csv in \`${dir || '(top level)'}\`; its other files were read for ${name}, who will have no connections`,
      });
    const order = (k: FileKind) => (k === 'connections' ? 0 : 1);
    for (const e of mine
      .filter((x) => x.sniffed.kind !== 'profile')
      .sort((a, b) => order(a.sniffed.kind) - order(b.sniffed.kind)))
      summary.push(await readEntry(e, owner));
  }

  // 4b. Everything else applies to the whole team.
  for (const e of entries) if (exportOf(e.path) === undefined) summary.push(await readEntry(e));
  onProgress?.({ file: '', done: total, total });

  // 5. People: new vs merged per file.
  const people = buildPeople(dataset);
  for (const s of summary) {
    const c = people.perFile[s.file];
    if (c) {
      s.newPeople = c.newPeople;
      s.mergedPeople = c.mergedPeople;
    }
  }
  return { dataset, issues, summary, people };
}
