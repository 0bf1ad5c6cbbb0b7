import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv, toPeopleCsv, toQuotedCell, toSafeCell, type CsvPerson } from '../../src/io/csv-export';

describe('toSafeCell (OWASP CSV injection)', () => {
  it('prefixes cells starting with = + - @ tab CR with a quote', () => {
    expect(toSafeCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(toSafeCell('+1 555')).toBe("'+1 555");
    expect(toSafeCell('-2+3')).toBe("'-2+3");
    expect(toSafeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(toSafeCell('\t=1')).toBe("'\t=1");
    expect(toSafeCell('\r=1')).toBe("'\r=1");
  });
  it('leaves ordinary text alone', () => {
    expect(toSafeCell('Ana = Owner')).toBe('Ana = Owner');
    expect(toSafeCell('')).toBe('');
    expect(toSafeCell("O'Brien")).toBe("O'Brien");
  });
});

describe('toCsv', () => {
  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(toQuotedCell('a,b')).toBe('"a,b"');
    expect(toQuotedCell('say "hi"')).toBe('"say ""hi"""');
    expect(toQuotedCell('two\nlines')).toBe('"two\nlines"');
    expect(toCsv(['h'], [['x']], { bom: false })).toBe('h\r\nx\r\n');
    expect(toCsv(['h'], [['x']]).startsWith('\uFEFF')).toBe(true);
  });

  it('round-trips through a CSV parser with formulas neutralised', () => {
    const rows = [['=1+2', 'a,"b"', 'multi\nline', '-5', undefined, 3]];
    const text = toCsv(['A', 'B', 'C', 'D', 'E', 'F'], rows, { bom: false });
    const parsed = Papa.parse<string[]>(text.trimEnd(), { header: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[1]).toEqual(["'=1+2", 'a,"b"', 'multi\nline', "'-5", '', '3']);
  });
});

describe('toPeopleCsv', () => {
  const people: CsvPerson[] = [
    {
      name: 'Björn Quill',
      position: { value: 'Engineer' },
      company: { value: '=cmd|calc' },
      cluster: 0,
      score: 0.5,
      connectedOn: '2019-03-15',
      url: 'https://www.linkedin.com/in/bjorn-quill-x1',
    },
    { name: '@Dario', place: { value: 'Paris, France' }, cluster: -1, score: 0.25 },
  ];

  it('writes one row per person with cluster labels, no cell starting with a formula trigger', () => {
    const text = toPeopleCsv(people, { clusterLabels: ['Software · Berlin'], bom: false });
    const parsed = Papa.parse<string[]>(text.trimEnd(), { header: false });
    expect(parsed.data[0]).toEqual([
      'Name',
      'Position',
      'Company',
      'Location',
      'Industry',
      'Cluster',
      'Super-connector score',
      'Connected On',
      'Profile URL',
    ]);
    expect(parsed.data[1]).toEqual([
      'Björn Quill',
      'Engineer',
      "'=cmd|calc",
      '',
      '',
      'Software · Berlin',
      '0.500',
      '2019-03-15',
      'https://www.linkedin.com/in/bjorn-quill-x1',
    ]);
    expect(parsed.data[2]).toEqual(["'@Dario", '', '', 'Paris, France', '', '', '0.250', '', '']);
    for (const row of parsed.data) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
  });

  it('can leave profile URLs out', () => {
    const text = toPeopleCsv(people, { urls: false, bom: false });
    expect(text).not.toContain('linkedin.com');
    expect(text.split('\r\n')[0]).not.toContain('Profile URL');
  });
});
