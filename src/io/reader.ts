/**
 * What every table reader shares: the per-file context (where records and issues go), row checks
 * that never throw (unclosed quote, too many or too few columns, blank rows) and issue
 * throttling (the first 20 issues of each sort per file are listed, then one line says how many
 * more). Cost: O(cells) per row.
 */
import type { Dataset, FileKind, ImportIssue, IssueSeverity } from '../core/types';
import type { CsvRow } from './csv';

/** Most issues of one sort listed per file before they are summarised. */
export const MAX_ISSUES_PER_SORT = 20;

export interface ReadContext {
  /** The file as the user knows it (`alice/Connections.csv`). */
  file: string;
  /** Owner id of the export this file belongs to, when it belongs to one. */
  owner?: string;
  /** Owner's name when known (Profile.csv or folder), used to tell sent from received messages. */
  ownerName?: string;
  /** Name keys of the owner's connections: never the owner (helps tell sent from received messages). */
  connectionNames?: Set<string>;
  dataset: Dataset;
  issues: ImportIssue[];
}

export interface TableReader {
  kind: FileKind;
  /** Feed one row (after the header). */
  read(row: CsvRow): void;
  /** Called once after the last row. */
  finish(): void;
  /** Rows read into records (including hidden connections and rows kept with a warning). */
  rows: number;
  /** Rows skipped, each with an issue. */
  skipped: number;
}

export interface IssueSink {
  add(severity: IssueSeverity, line: number | undefined, message: string, sort?: string): void;
  flush(): void;
}

/** Issues for one file, at most {@link MAX_ISSUES_PER_SORT} per sort. */
export function createIssueSink(ctx: ReadContext): IssueSink {
  const counts = new Map<string, { n: number; severity: IssueSeverity }>();
  return {
    add(severity, line, message, sort = message) {
      const c = counts.get(sort) ?? { n: 0, severity };
      c.n++;
      counts.set(sort, c);
      if (c.n <= MAX_ISSUES_PER_SORT)
        ctx.issues.push({ file: ctx.file, ...(line !== undefined ? { line } : {}), severity, message });
    },
    flush() {
      for (const [sort, c] of counts)
        if (c.n > MAX_ISSUES_PER_SORT)
          ctx.issues.push({
            file: ctx.file,
            severity: c.severity,
            message: `${c.n - MAX_ISSUES_PER_SORT} more lines like this were not listed (${sort})`,
          });
    },
  };
}

/**
 * A reader over a header: `handle` gets the cells of each checked row, padded to the header, and
 * returns true when it made a record, or a reason string when it skipped the row.
 */
export function createRowReader(
  kind: FileKind,
  headers: string[],
  ctx: ReadContext,
  handle: (cells: string[], line: number, sink: IssueSink) => true | string,
  onFinish?: (sink: IssueSink) => void,
): TableReader {
  const sink = createIssueSink(ctx);
  const width = headers.length;
  const reader: TableReader = {
    kind,
    rows: 0,
    skipped: 0,
    read(row) {
      const f = row.fields;
      if (f.every((x) => x.trim() === '')) return;
      if (row.unclosedQuote) {
        reader.skipped++;
        sink.add('warning', row.line, `line ${row.line}: unclosed quote; the row was skipped`, 'unclosed quote');
        return;
      }
      let cells = f;
      if (f.length > width) {
        const extra = f.slice(width);
        if (extra.some((x) => x.trim() !== '')) {
          reader.skipped++;
          sink.add(
            'warning',
            row.line,
            `line ${row.line} has ${f.length} columns, expected ${width}; the row was skipped. Was a comma left unquoted or the file re-saved with another separator?`,
            'too many columns',
          );
          return;
        }
        cells = f.slice(0, width);
      } else if (f.length < width) {
        cells = f.concat(new Array<string>(width - f.length).fill(''));
        sink.add(
          'warning',
          row.line,
          `line ${row.line} has ${f.length} columns, expected ${width}; the missing ones were read as empty`,
          'too few columns',
        );
      }
      const result = handle(cells, row.line, sink);
      if (result === true) reader.rows++;
      else {
        reader.skipped++;
        sink.add('warning', row.line, `line ${row.line}: ${result}; the row was skipped`, result);
      }
    },
    finish() {
      onFinish?.(sink);
      sink.flush();
    },
  };
  return reader;
}

/** A cell by column index, trimmed; '' when the column is absent. */
export function cell(cells: string[], i: number): string {
  return i >= 0 ? (cells[i] ?? '').trim() : '';
}
