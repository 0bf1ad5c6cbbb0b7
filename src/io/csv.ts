/**
 * A tolerant CSV tokenizer (RFC 4180 plus what spreadsheets write): `,` `;` or tab separators,
 * LF / CRLF / CR line ends, doubled quotes, text after a closing quote kept as written. Yields one
 * row at a time with its 1-based physical line, so huge files (100 MB of messages) are never held
 * as rows. A quoted field that never closes, or spans more lines than allowed, ends its row at the
 * first line break and is flagged `unclosedQuote` so the caller can skip it with an issue.
 * Cost: O(characters).
 */

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRow {
  fields: string[];
  /** 1-based line where the row starts. */
  line: number;
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
}

export const CSV_DEFAULTS = { delimiter: ',', start: 0, startLine: 1, maxFieldLines: 10_000 } as const;

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Iterate the rows of CSV text (see module header). Blank lines are not yielded. */
export function* iterateCsv(text: string, options: CsvOptions = {}): Generator<CsvRow> {
  const delim = (options.delimiter ?? CSV_DEFAULTS.delimiter).charCodeAt(0);
  const maxFieldLines = options.maxFieldLines ?? CSV_DEFAULTS.maxFieldLines;
  let p = options.start ?? CSV_DEFAULTS.start;
  let line = options.startLine ?? CSV_DEFAULTS.startLine;
  const n = text.length;
  while (p < n) {
    const rowLine = line;
    const fields: string[] = [];
    let unclosed = false;
    let field = '';
    let fieldStart = p;
    for (;;) {
      if (p >= n) {
        fields.push(field + text.slice(fieldStart, p));
        break;
      }
      const c = text.charCodeAt(p);
      if (c === 34 && p === fieldStart && field === '') {
        // Quoted field.
        let q = p + 1;
        let value = '';
        let closed = false;
        for (;;) {
          const j = text.indexOf('"', q);
          if (j === -1) break;
          if (text.charCodeAt(j + 1) === 34) {
            value += text.slice(q, j) + '"';
            q = j + 2;
            continue;
          }
          value += text.slice(q, j);
          q = j + 1;
          closed = true;
          break;
        }
        const breaks = closed ? countBreaks(text, p, q) : Infinity;
        if (!closed || breaks > maxFieldLines) {
          // End the row at the first line break after the quote; the caller skips it.
          const e = lineEnd(text, p);
          fields.push(text.slice(p, e));
          unclosed = true;
          p = e;
          if (text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10) p += 2;
          else if (p < n) p += 1;
          line += 1;
          break;
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
        line += 1;
        break;
      }
      p += 1;
    }
    if (fields.length === 1 && fields[0] === '' && !unclosed) continue;
    const row: CsvRow = { fields, line: rowLine, end: p };
    if (unclosed) row.unclosedQuote = true;
    yield row;
  }
}

/** Parse one line of CSV into fields (for sniffing headers). */
export function splitCsvLine(lineText: string, delimiter: CsvDelimiter): string[] {
  for (const row of iterateCsv(lineText, { delimiter, maxFieldLines: 0 })) return row.fields;
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
