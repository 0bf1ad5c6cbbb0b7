/**
 * A tolerant CSV tokenizer (RFC 4180 plus what spreadsheets write): `,` `;` or tab separators,
 * LF / CRLF / CR line ends, doubled quotes, text after a closing quote kept as written. Yields one
 * row at a time with its 1-based physical lines, so huge files (200 MB of messages) are never held
 * as rows. Quoted fields may hold line breaks (RFC 4180 §2.6), up to `maxFieldLines` of them, and
 * only when the row they make is as wide as the first row (the header) and the closing quote is
 * followed by a separator or a line end: a stray quote would otherwise swallow the lines after it.
 * A quoted field that never closes, spans more lines than allowed or fails those checks ends its row at the first line break and is flagged
 * `unclosedQuote`, so the caller can skip that one line with an issue and go on at the next.
 * Cost: O(characters); a stray quote scans at most `maxFieldLines + 1` lines ahead.
 */

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRow {
  fields: string[];
  /** 1-based line where the row starts. */
  line: number;
  /** 1-based line where the row ends: `line` unless a quoted field holds line breaks. */
  endLine: number;
  /** Character offset just after the row (for progress). */
  end: number;
  /** The row had a quote that did not close in time: its fields are unreliable. */
  unclosedQuote?: boolean;
}

export interface CsvOptions {
  /** Field separator. Default `,`. */
  delimiter?: CsvDelimiter;
  /** Character offset to start at (the header line). Default 0. */
  start?: number;
  /** Line number of `start`. Default 1. */
  startLine?: number;
  /** Most line breaks one quoted field may hold (0 for files without multi-line fields). Default 10,000. */
  maxFieldLines?: number;
  /**
   * Keep a row whose quoted field spans lines only when it has as many fields as the first row
   * (more are allowed when the extra ones are empty); otherwise its quote counts as unclosed.
   * Default true.
   */
  matchFirstRowWidth?: boolean;
}

export const CSV_DEFAULTS = {
  delimiter: ',',
  start: 0,
  startLine: 1,
  maxFieldLines: 10_000,
  matchFirstRowWidth: true,
} as const;

/**
 * Most line breaks a quoted field of a short-celled LinkedIn table (Connections.csv, endorsements)
 * may hold: a name, company or position re-typed in a spreadsheet with a line break or two.
 */
export const SHORT_FIELD_MAX_LINES = 4;

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

interface ParsedRow {
  fields: string[];
  /** Offset just after the row and its line break. */
  end: number;
  /** Line after the row. */
  nextLine: number;
  unclosed: boolean;
  /** A quoted field held a line break. */
  multiLine: boolean;
  /** Such a field's closing quote was followed by text, not a separator or line end. */
  loose: boolean;
}

/** Parse the row at `start` (see module header); quoted fields may hold up to `maxBreaks` line breaks. */
function parseRow(text: string, start: number, line: number, delim: number, maxBreaks: number): ParsedRow {
  const n = text.length;
  const fields: string[] = [];
  let p = start;
  let field = '';
  let fieldStart = p;
  let multiLine = false;
  let loose = false;
  for (;;) {
    if (p >= n) {
      fields.push(field + text.slice(fieldStart, p));
      return { fields, end: p, nextLine: line + 1, unclosed: false, multiLine, loose };
    }
    const c = text.charCodeAt(p);
    if (c === 34 && p === fieldStart && field === '') {
      // Quoted field: scan to its closing quote, counting line breaks, never past maxBreaks + 1 lines.
      let q = p + 1;
      let from = q;
      let value = '';
      let breaks = 0;
      let closed = false;
      while (q < n) {
        const d = text.charCodeAt(q);
        if (d === 34) {
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            q += 2;
            from = q;
            continue;
          }
          q += 1;
          closed = true;
          break;
        }
        if ((d === 10 || (d === 13 && text.charCodeAt(q + 1) !== 10)) && ++breaks > maxBreaks) break;
        q += 1;
      }
      if (!closed) {
        // End the row at the first line break after the quote; the caller skips that one line.
        const e = lineEnd(text, p);
        fields.push(text.slice(p, e));
        let end = e;
        if (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10) end += 2;
        else if (end < n) end += 1;
        return { fields, end, nextLine: line + 1, unclosed: true, multiLine, loose };
      }
      if (breaks > 0) {
        multiLine = true;
        // RFC 4180: a closing quote is followed by a separator or a line end. Text after it is
        // tolerated on one line (spreadsheets write it), but across lines it marks a stray quote.
        const after = text.charCodeAt(q);
        if (q < n && after !== delim && after !== 10 && after !== 13) loose = true;
      }
      line += breaks;
      p = q;
      field = value;
      fieldStart = p;
      continue;
    }
    if (c === delim) {
      fields.push(field + text.slice(fieldStart, p));
      field = '';
      p += 1;
      fieldStart = p;
      continue;
    }
    if (c === 10 || c === 13) {
      fields.push(field + text.slice(fieldStart, p));
      p += c === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1;
      return { fields, end: p, nextLine: line + 1, unclosed: false, multiLine, loose };
    }
    p += 1;
  }
}

/** True when `fields` is `width` wide, or wider with only empty fields beyond it. */
function fitsWidth(fields: string[], width: number): boolean {
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}

/** Iterate the rows of CSV text (see module header). Blank lines are not yielded. */
export function* iterateCsv(text: string, options: CsvOptions = {}): Generator<CsvRow> {
  const delim = (options.delimiter ?? CSV_DEFAULTS.delimiter).charCodeAt(0);
  const maxFieldLines = options.maxFieldLines ?? CSV_DEFAULTS.maxFieldLines;
  const matchWidth = options.matchFirstRowWidth ?? CSV_DEFAULTS.matchFirstRowWidth;
  let p = options.start ?? CSV_DEFAULTS.start;
  let line = options.startLine ?? CSV_DEFAULTS.startLine;
  let width: number | undefined;
  const n = text.length;
  const separator = String.fromCharCode(delim);
  // Where the next `"` and CR are (n when none), found by the engine's search and looked for again only once
  // passed: a row with neither before its LF (or a CR just before it) is split at its separators as it is.
  let nextQuote = -1;
  let nextCr = -1;
  while (p < n) {
    if (nextQuote < p) nextQuote = text.indexOf('"', p) >>> 0;
    if (nextCr < p) nextCr = text.indexOf('\r', p) >>> 0;
    const lf = text.indexOf('\n', p);
    const rowEnd = lf < 0 ? n : lf;
    const cellsEnd = lf > p && nextCr === lf - 1 ? lf - 1 : rowEnd;
    if (nextQuote >= rowEnd && nextCr >= cellsEnd) {
      // The plain row: what parseRow gives it, found faster.
      const fields = text.slice(p, cellsEnd).split(separator);
      const row: CsvRow = { fields, line, endLine: line, end: lf < 0 ? n : lf + 1 };
      p = row.end;
      line += 1;
      if (fields.length === 1 && fields[0] === '') continue;
      width ??= fields.length;
      yield row;
      continue;
    }
    let r = parseRow(text, p, line, delim, maxFieldLines);
    // A multi-line row with text after a closing quote, an unclosed quote on a later line or the wrong
    // width came from a stray quote: read it again with no line break allowed, so it costs one line.
    if (r.multiLine && (r.loose || r.unclosed || (matchWidth && width !== undefined && !fitsWidth(r.fields, width))))
      r = parseRow(text, p, line, delim, 0);
    const row: CsvRow = { fields: r.fields, line, endLine: r.nextLine - 1, end: r.end };
    p = r.end;
    line = r.nextLine;
    if (r.fields.length === 1 && r.fields[0] === '' && !r.unclosed) continue;
    width ??= r.fields.length;
    if (r.unclosed) row.unclosedQuote = true;
    yield row;
  }
}

/**
 * Most cells read from a line that may be a header. A hostile file of one 50 MB line would
 * otherwise be split into millions of header cells, each compared with every known header name.
 */
export const MAX_HEADER_CELLS = 10_000;

/** Parse one line of CSV into fields (for sniffing headers): at most the first MAX_HEADER_CELLS. */
export function splitCsvLine(lineText: string, delimiter: CsvDelimiter): string[] {
  let text = lineText;
  for (let i = 0, k = 0; (i = text.indexOf(delimiter, i)) !== -1; i++)
    if (++k >= MAX_HEADER_CELLS) {
      text = text.slice(0, i);
      break;
    }
  for (const row of iterateCsv(text, { delimiter, maxFieldLines: 0 })) return row.fields;
  return [];
}

/** The first `maxLines` physical lines of the text with their start offsets (for sniffing). */
export function getHeadLines(text: string, maxLines = 40): { text: string; start: number; line: number }[] {
  const out: { text: string; start: number; line: number }[] = [];
  let p = 0;
  let line = 1;
  while (p < text.length && out.length < maxLines) {
    const e = lineEnd(text, p);
    out.push({ text: text.slice(p, e), start: p, line });
    p = text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
    line++;
  }
  return out;
}
