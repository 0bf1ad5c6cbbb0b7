import { describe, expect, it } from 'vitest';
import { iterateCsv } from '../../src/io/csv';
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
  it('splits on ; and tab when asked', () => {
    expect(rows('a;"b;c"\tx', { delimiter: ';' })).toEqual([[1, ['a', 'b;c\tx'], false]]);
    expect(rows('a\tb', { delimiter: '\t' })).toEqual([[1, ['a', 'b'], false]]);
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
