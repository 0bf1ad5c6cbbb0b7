// Connections.csv rows whose quoted cells hold a line break (issue 9): RFC 4180 allows CR and LF in a
// quoted field, and a spreadsheet re-save writes them (`"\rCarriage Return"` is the OWASP
// carriage-return trigger in test/fixtures/hostile/Connections.csv). Such a row is kept, its cells
// read as one line (each break becomes a space) with an info issue, while a stray quote costs only
// its own line. Known answers on tiny synthetic files.
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/io/import';
import { enc, messages } from './helpers';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

async function read(...rows: string[]) {
  const r = await importFiles([{ path: 'me/Connections.csv', bytes: enc([HEADER, ...rows].join('\n')) }]);
  return { r, s: r.summary[0], people: r.dataset.connections };
}

describe('Connections.csv cells holding a line break', () => {
  it('keeps a row whose quoted Position starts with a lone carriage return', async () => {
    const { s, people, r } = await read(
      'Tab,Start,https://www.linkedin.com/in/tab-start,,"\tTabbed Corp","\rCarriage Return",28 Dec 2023',
      'Ana,Safe,https://www.linkedin.com/in/ana-safe-9z,,Harborline,Tax Accountant,30 Jul 2023',
    );
    expect(s).toMatchObject({ rows: 2, skipped: 0 });
    expect(people[0]).toMatchObject({
      firstName: 'Tab',
      lastName: 'Start',
      url: 'https://www.linkedin.com/in/tab-start',
      company: 'Tabbed Corp',
      position: 'Carriage Return',
      connectedOn: '2023-12-28',
      ref: { line: 2 },
    });
    // The row after it keeps its own line number (the CR counted as a line break).
    expect(people[1]).toMatchObject({ firstName: 'Ana', ref: { line: 4 } });
    expect(messages(r, 'info')).toContain(
      'me/Connections.csv:2 line 2: a quoted cell holds a line break; it was read as a space',
    );
    expect(messages(r, 'warning')).toEqual([]);
  });

  it('reads CRLF, LF and CR inside cells as one space, spaces around them too', async () => {
    const { people } = await read(
      'Bo,Lind,,,"Acme\r\nLabs","Head of Sales \n EMEA",01 Jan 2024',
      '"Cy\r","Ng",,,Initech,"Dev\rOps",02 Jan 2024',
    );
    expect(people.map((p) => [p.firstName, p.lastName, p.company, p.position])).toEqual([
      ['Bo', 'Lind', 'Acme Labs', 'Head of Sales EMEA'],
      ['Cy', 'Ng', 'Initech', 'Dev Ops'],
    ]);
  });

  it('skips only the line of a quote that never closes, and reads the rest', async () => {
    const { s, people, r } = await read(
      'Eve,Open,,,"Unclosed Corp,Engineer,01 Feb 2024',
      'Fay,Next,,,Globex,Analyst,02 Feb 2024',
      'Gus,Last,,,Hooli,Designer,03 Feb 2024',
    );
    expect(s).toMatchObject({ rows: 2, skipped: 1 });
    expect(people.map((p) => [p.firstName, p.ref.line])).toEqual([
      ['Fay', 3],
      ['Gus', 4],
    ]);
    expect(messages(r, 'warning')).toEqual(['me/Connections.csv:2 line 2: unclosed quote; the row was skipped']);
  });

  it('skips only the line of a stray quote that a later quote would close into a row of the wrong width', async () => {
    // Joined, lines 2-3 would make `Hal,Odd,,,Corp⏎Ida,Two,,,Acme` + `,Engineer,…`: 8 cells, not 7.
    const { s, people } = await read(
      'Hal,Odd,,,"Corp',
      'Ida,Two,,,Acme",Engineer,03 Mar 2024,x',
      'Jo,Three,,,Umbrella,Chemist,04 Mar 2024',
    );
    expect(s).toMatchObject({ rows: 1, skipped: 2 });
    expect(people.map((p) => p.firstName)).toEqual(['Jo']);
  });

  it('skips a cell with more line breaks than a name or position holds (4)', async () => {
    const { s, people } = await read(
      'Kim,Many,,,"a\nb\nc\nd\ne\nf",Engineer,05 Mar 2024',
      'Lu,Ok,,,Acme,Dev,06 Mar 2024',
    );
    // Line 2 is skipped; lines 3-6 are read as their own (one-cell) rows and skipped; Lu is read.
    expect(people.map((p) => p.firstName)).toContain('Lu');
    expect(people.map((p) => p.firstName)).not.toContain('Kim');
    expect(s?.skipped).toBeGreaterThanOrEqual(1);
  });
});
