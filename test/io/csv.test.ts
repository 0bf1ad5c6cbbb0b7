import { describe, expect, it } from 'vitest';
import { iterateCsv, MAX_HEADER_CELLS, splitCsvLine } from '../../src/io/csv';
import { parseDate } from '../../src/io/dates';
import { decodeText } from '../../src/io/decode';
import { classifyHeader } from '../../src/io/headers';

const rows = (text: string, opts = {}) =>
  [...iterateCsv(text, opts)].map((r) => [r.line, r.fields, r.unclosedQuote ?? false]);

describe('iterateCsv', () => {
  it('reads quotes, doubled quotes, CRLF, CR and blank lines with their line numbers', () => {
    expect(rows('a,"b,c","d ""e"""\r\n\r\nf,g\rh')).toEqual([
      [1, ['a', 'b,c', 'd "e"'], false],
      [3, ['f', 'g'], false],
      [4, ['h'], false],
    ]);
  });
  it('keeps line breaks inside quoted fields and counts them', () => {
    expect(rows('"a\nb",c\nd')).toEqual([
      [1, ['a\nb', 'c'], false],
      [3, ['d'], false],
    ]);
  });
  it('flags an unclosed quote and goes on at the next line', () => {
    expect(rows('a,"b\nc,d', { maxFieldLines: 0 })).toEqual([
      [1, ['a', '"b'], true],
      [2, ['c', 'd'], false],
    ]);
    expect(rows('a,"b\nc,d')).toEqual([
      [1, ['a', '"b'], true],
      [2, ['c', 'd'], false],
    ]);
  });
  it('gives each row the lines it spans', () => {
    expect([...iterateCsv('a,b\n"x\r\ny",z\n\nc,d')].map((r) => [r.line, r.endLine])).toEqual([
      [1, 1],
      [2, 3],
      [5, 5],
    ]);
  });
  it('keeps a quoted cell that starts with a lone carriage return, as wide as the header', () => {
    const csv = 'First,Last,Position\nTab,Start,"\rCarriage Return"\nAna,Safe,Tax';
    expect(rows(csv, { maxFieldLines: 4 })).toEqual([
      [1, ['First', 'Last', 'Position'], false],
      [2, ['Tab', 'Start', '\rCarriage Return'], false],
      [4, ['Ana', 'Safe', 'Tax'], false],
    ]);
  });
  it('cuts a stray quote that never closes at its own line, not the rest of the file', () => {
    const csv = 'a,b,c\n1,"x\n2,3,4\n5,6,7';
    expect(rows(csv, { maxFieldLines: 4 })).toEqual([
      [1, ['a', 'b', 'c'], false],
      [2, ['1', '"x'], true],
      [3, ['2', '3', '4'], false],
      [4, ['5', '6', '7'], false],
    ]);
  });
  it('cuts a stray quote whose closing quote would make a row of the wrong width', () => {
    // Joined, `1,"x⏎2,y",3,4` would be 4 cells under a 3-cell header.
    const csv = 'a,b,c\n1,"x\n2,y",3,4\n5,6,7';
    expect(rows(csv)).toEqual([
      [1, ['a', 'b', 'c'], false],
      [2, ['1', '"x'], true],
      [3, ['2', 'y"', '3', '4'], false],
      [4, ['5', '6', '7'], false],
    ]);
    // Without the width check the two lines become one row.
    expect(rows(csv, { matchFirstRowWidth: false })[1]).toEqual([2, ['1', 'x\n2,y', '3', '4'], false]);
  });
  it('cuts a stray quote whose closing quote is followed by text on a later line', () => {
    // `"open,x⏎n2,ok,x⏎n3,"open,x` would close as 3 cells, but `"o` is not how a quoted cell ends.
    expect(rows('a,b,c\nn1,"open,x\nn2,ok,x\nn3,"open,x', { maxFieldLines: 4 })).toEqual([
      [1, ['a', 'b', 'c'], false],
      [2, ['n1', '"open,x'], true],
      [3, ['n2', 'ok', 'x'], false],
      [4, ['n3', '"open,x'], true],
    ]);
  });
  it('cuts a row whose quote closes but a later quote on a later line does not', () => {
    expect(rows('a,b,c\nA,"a\na,","\nd,e,f')).toEqual([
      [1, ['a', 'b', 'c'], false],
      [2, ['A', '"a'], true],
      [3, ['a', ','], false],
      [4, ['d', 'e', 'f'], false],
    ]);
  });
  it('accepts extra empty cells on a multi-line row, and no more than maxFieldLines breaks', () => {
    expect(rows('a,b\n"1\n2",x,,\n')[1]).toEqual([2, ['1\n2', 'x', '', ''], false]);
    expect(rows('a,b\n"1\n2\n3",x', { maxFieldLines: 1 })).toEqual([
      [1, ['a', 'b'], false],
      [2, ['"1'], true],
      [3, ['2'], false],
      [4, ['3"', 'x'], false],
    ]);
    expect(rows('a,b\n"1\n2\n3",x', { maxFieldLines: 2 })[1]).toEqual([2, ['1\n2\n3', 'x'], false]);
  });
  it('reads on past many stray quotes in a long file', () => {
    const body = Array.from({ length: 5000 }, (_, i) => (i % 2 ? `n${i},"open,x` : `n${i},ok,x`)).join('\n');
    const out = [...iterateCsv(`a,b,c\n${body}`, { maxFieldLines: 4 })];
    expect(out).toHaveLength(5001);
    expect(out.filter((r) => r.unclosedQuote)).toHaveLength(2500);
    expect(out.at(-1)).toMatchObject({ line: 5001, endLine: 5001, fields: ['n4999', '"open,x'] });
  });
  it('reads at most MAX_HEADER_CELLS cells of a line that may be a header', () => {
    expect(splitCsvLine('a,"b,c",d', ',')).toEqual(['a', 'b,c', 'd']);
    const cells = splitCsvLine('x,'.repeat(MAX_HEADER_CELLS + 5), ',');
    expect(cells).toHaveLength(MAX_HEADER_CELLS);
    expect(cells.every((c) => c === 'x')).toBe(true);
  });
  it('splits on ; and tab when asked', () => {
    expect(rows('a;"b;c"\tx', { delimiter: ';' })).toEqual([[1, ['a', 'b;c\tx'], false]]);
    expect(rows('a\tb', { delimiter: '\t' })).toEqual([[1, ['a', 'b'], false]]);
  });
  it('reads a row with no quote (split at its separators as it is) as the same row with every cell quoted', () => {
    const full = (text: string, opts = {}) =>
      [...iterateCsv(text, opts)].map((r) => [r.line, r.endLine, r.fields, r.unclosedQuote ?? false]);
    const plain = [
      ['\uFEFFJosé', 'Müller', '', '美咲 小林', 'a b'],
      ['', '', ''],
      ['x'],
      ['Łódź', 'São Paulo', 'end '],
    ];
    for (const d of [',', ';', '\t'] as const)
      for (const eol of ['\n', '\r\n', '\r'])
        for (const last of ['', eol, `${eol}${eol}`]) {
          const text = (quote: boolean) =>
            plain.map((r) => r.map((c) => (quote ? `"${c}"` : c)).join(d)).join(eol) + last;
          expect(full(text(false), { delimiter: d })).toEqual(full(text(true), { delimiter: d }));
        }
    // Offsets: just past the line break (CRLF counts two), the text's end for a last line without one.
    expect([...iterateCsv('a,b\r\nc\nd')].map((r) => r.end)).toEqual([5, 7, 8]);
    // A lone CR ends its row; a CR at the very end is the last line's break.
    expect(rows('a,b\rc\nd\r')).toEqual([
      [1, ['a', 'b'], false],
      [2, ['c'], false],
      [3, ['d'], false],
    ]);
    // A quote inside a cell (not at its start) is kept as written.
    expect(rows('a,b"c\nd')).toEqual([
      [1, ['a', 'b"c'], false],
      [2, ['d'], false],
    ]);
  });
});

describe('parseDate', () => {
  it.each([
    ['30 May 2024', '2024-05-30'],
    ['02 Jun 2022', '2022-06-02'],
    ['5-Jan-26', '2026-01-05'],
    ['06-May-22', '2022-05-06'],
    ['16.09.2021', '2021-09-16'],
    ['1/8/18, 6:14 PM', '2018-01-08'],
    ['8/26/22, 8:56 PM', '2022-08-26'],
    ['12/24/23, 05:28 AM', '2023-12-24'],
    ['25/12/2023', '2023-12-25'],
    ['2024-12-23 19:29:01 UTC', '2024-12-23'],
    ['2024/02/24 14:03:38 UTC', '2024-02-24'],
    ['Tue Aug 30 14:33:11 UTC 2022', '2022-08-30'],
    ['May 30, 2024', '2024-05-30'],
    ['29 Feb 2024', '2024-02-29'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['31/31/2020', '29 Feb 2023', '31 Apr 2024', 'yesterday', '', '13.13.2020', 'Jan 2020'])(
    '%s → undefined',
    (text) => expect(parseDate(text)).toBeUndefined(),
  );
});

describe('decodeText', () => {
  it('detects BOMs, UTF-16LE without BOM and Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ text: 'A', encoding: 'utf-8', bom: true });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42, 0]))).toEqual({
      text: 'AB',
      encoding: 'utf-16le',
      bom: true,
    });
    expect(decodeText(new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0]))).toMatchObject({
      text: 'ABC',
      encoding: 'utf-16le',
    });
    expect(decodeText(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toMatchObject({
      text: 'José',
      encoding: 'windows-1252',
    });
    expect(decodeText(new TextEncoder().encode('José'))).toMatchObject({ text: 'José', encoding: 'utf-8' });
  });
});

describe('classifyHeader', () => {
  it.each([
    ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', 'connections'],
    ['\ufeff FIRST_NAME ,last name,Connected On', 'connections'],
    ['First Name,Middle Name,Last Name,E-mail Address,Company,Job Title', 'connections'],
    ['CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER', 'messages'],
    ['From,To,Date,Subject,Content,Direction,Folder', 'messages'],
    ['From,To,Sent At,Message,Direction', 'invitations'],
    ['Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorsement Status', 'endorsements-received'],
    ['First Name,Last Name,Company,Job Title,Text,Creation Date,Status', 'recommendations-received'],
    ['First Name,Last Name,Maiden Name,Address,Birth Date,Headline', 'profile'],
    ['Source,FirstName,LastName,Companies,Title,Emails', 'contacts'],
    ['source,target,weight', 'edges'],
    ['Email,Tags', 'enrichment'],
    ['First Name,Last Name,Location', 'enrichment'],
  ])('%s → %s', (header, kind) => expect(classifyHeader(header.split(','), 'x.csv')?.kind).toBe(kind));
  it('uses the file name only to split the two recommendation files', () => {
    expect(
      classifyHeader(
        'First Name,Last Name,Company,Job Title,Text,Creation Date,Status'.split(','),
        'a/Recommendations Given.csv',
      )?.kind,
    ).toBe('recommendations-given');
  });
  it.each(['Notes:', 'Score,Colour', 'Company Name,Title,Description,Location,Started On,Finished On'])(
    '%s → nothing',
    (h) => expect(classifyHeader(h.split(','), 'x.csv')).toBeUndefined(),
  );
});
