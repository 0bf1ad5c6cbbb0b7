/**
 * CSV of people (the filtered ones, or one cluster), RFC 4180 quoting, with CSV-injection
 * ("formula injection") neutralised as OWASP recommends: a cell starting with `=`, `+`, `-`, `@`,
 * tab or carriage return gets a leading `'`, so a spreadsheet shows it as text instead of running
 * it (https://owasp.org/www-community/attacks/CSV_Injection). Names and companies come from other
 * people's profiles: they are untrusted input.
 *
 * io may not import the worker's types, so people are taken structurally (PersonView fits).
 * Cost: O(cells).
 */

/** Characters that make a spreadsheet treat a cell as a formula (OWASP list). */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** Prefix a formula-looking cell with `'`. */
export function toSafeCell(value: string): string {
  return value.length > 0 && (FORMULA_TRIGGERS as readonly string[]).includes(value[0]!) ? `'${value}` : value;
}

/** Quote a cell when it holds a separator, quote or line break (quotes doubled). */
export function toQuotedCell(value: string, separator = ','): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvOptions {
  /** Field separator. Default ','. */
  separator?: string;
  /** Line ending. Default '\r\n' (RFC 4180, and what Excel expects). */
  newline?: string;
  /** Start with a UTF-8 byte-order mark so Excel reads accents right. Default true. */
  bom?: boolean;
}

const CSV_DEFAULTS: Required<CsvOptions> = { separator: ',', newline: '\r\n', bom: true };

/** Rows of text to CSV text, every cell neutralised and quoted as needed. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
  options: CsvOptions = {},
): string {
  const { separator, newline, bom } = { ...CSV_DEFAULTS, ...options };
  const line = (cells: readonly (string | number | undefined)[]) =>
    cells.map((c) => toQuotedCell(toSafeCell(c === undefined ? '' : String(c)), separator)).join(separator);
  return (bom ? '\uFEFF' : '') + [line(header), ...rows.map(line)].join(newline) + newline;
}

/** What a person needs to be written (PersonView satisfies it). */
export interface CsvPerson {
  name: string;
  url?: string;
  position?: { value: string };
  company?: { value: string };
  place?: { value: string };
  industry?: { value: string };
  cluster: number;
  score: number;
  connectedOn?: string;
}

export const PEOPLE_CSV_COLUMNS = [
  'Name',
  'Position',
  'Company',
  'Location',
  'Industry',
  'Cluster',
  'Super-connector score',
  'Connected On',
  'Profile URL',
] as const;

export interface PeopleCsvOptions extends CsvOptions {
  /** Cluster labels by index (the page's ClusterView labels). Default [] (cluster column empty). */
  clusterLabels?: readonly string[];
  /** Include the profile URL column. Default true. */
  urls?: boolean;
  /** Include the Name column (false for presentation mode's exports without names). Default true. */
  names?: boolean;
}

/** People (in the given order) to CSV text. */
export function toPeopleCsv(people: readonly CsvPerson[], options: PeopleCsvOptions = {}): string {
  const labels = options.clusterLabels ?? [];
  const urls = options.urls ?? true;
  const names = options.names ?? true;
  const header = PEOPLE_CSV_COLUMNS.filter((c) => (c !== 'Profile URL' || urls) && (c !== 'Name' || names));
  const rows = people.map((p) => {
    const row = [
      ...(names ? [p.name] : []),
      p.position?.value,
      p.company?.value,
      p.place?.value,
      p.industry?.value,
      labels[p.cluster] ?? '',
      p.score.toFixed(3),
      p.connectedOn ?? '',
    ];
    if (urls) row.push(p.url ?? '');
    return row;
  });
  return toCsv(header, rows, options);
}
