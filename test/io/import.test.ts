import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/io/import';
import { enc, importFixture, messages } from './helpers';

describe('Connections.csv, every era', () => {
  it('current layout: preamble, 7 columns, hidden rows, quoted commas, spaces, emoji', async () => {
    const r = await importFixture('connections/current');
    expect(r.summary).toEqual([
      expect.objectContaining({
        file: 'current/Connections.csv',
        kind: 'connections',
        rows: 5,
        skipped: 0,
        newPeople: 4,
      }),
    ]);
    const c = r.dataset.connections;
    expect(c[0]).toMatchObject({ firstName: 'Ana', lastName: 'Ferreira', connectedOn: '2024-05-30', ref: { line: 5 } });
    expect(c[1]).toMatchObject({ hidden: true, connectedOn: '2022-06-02', firstName: '' });
    expect(c[2]).toMatchObject({ lastName: 'Kovács, PhD', company: 'Acme, Inc.', email: 'gal@example.org' });
    expect(c[3]).toMatchObject({ firstName: 'Bruno', lastName: 'Costa' });
    expect(c[4]).toMatchObject({ firstName: 'Dana 🚀', position: 'Engineer "II"' });
    expect(r.issues).toEqual([]);
  });

  it.each([
    ['2021-2023', 2, 1, '2022-05-30'],
    ['2018-2021', 2, 0, '2018-11-20'],
    ['2018-us-dates', 3, 0, '2018-01-08'],
    ['excel-bom-crlf', 3, 0, '2022-05-06'],
    ['excel-blank-preamble', 1, 0, '2024-05-30'],
    ['excel-semicolon-1252', 2, 0, '2026-01-05'],
    ['utf16le-tab', 2, 0, '2024-05-30'],
  ])('%s: %i named rows, %i hidden, first date %s', async (dir, named, hidden, date) => {
    const r = await importFixture(`connections/${dir}`);
    const c = r.dataset.connections;
    expect(c.filter((x) => !x.hidden)).toHaveLength(named);
    expect(c.filter((x) => x.hidden)).toHaveLength(hidden);
    expect(c[0]?.connectedOn).toBe(date);
    expect(r.summary[0]).toMatchObject({ kind: 'connections', rows: named + hidden, skipped: 0 });
    expect(messages(r, 'error')).toEqual([]);
  });

  it('keeps dates of every spelling in one re-saved file', async () => {
    const r = await importFixture('connections/excel-bom-crlf', 'connections/2018-us-dates');
    expect(r.dataset.connections.map((c) => c.connectedOn)).toEqual([
      '2018-01-08',
      '2018-12-24',
      '2018-11-20',
      '2022-05-06',
      '2021-09-16',
      '2016-12-01',
    ]);
  });

  it('decodes Windows-1252 and UTF-16LE names, and says so', async () => {
    const r = await importFixture('connections/excel-semicolon-1252', 'connections/utf16le-tab');
    expect(messages(r)).toEqual([
      'excel-semicolon-1252/Connections.csv: read as Windows-1252 text (not valid UTF-8: probably re-saved by a spreadsheet)',
      'utf16le-tab/Connections.csv: read as UTF-16LE text',
    ]);
    expect(r.dataset.connections.map((c) => `${c.firstName} ${c.lastName} @ ${c.company}`)).toEqual([
      'José Muñoz @ Café Ltd',
      'Zoë Brontë @ Société Générale',
      'Łukasz Nowak @ Żabka',
      'Ana Ferreira @ Northwind Traders',
    ]);
  });

  it('reads the pre-2015 Outlook layout by header name', async () => {
    const r = await importFixture('connections/outlook-pre2015');
    expect(r.dataset.connections).toEqual([
      expect.objectContaining({
        firstName: 'Ana',
        middleName: 'Maria',
        lastName: 'Ferreira',
        email: 'ana@example.org',
        position: 'Head of Sales',
      }),
      expect.objectContaining({ firstName: 'Bruno', lastName: 'Costa', company: 'Fabrikam', position: 'Analyst' }),
    ]);
  });

  it('says what was wrong and what was done, line by line', async () => {
    const r = await importFixture('connections/bad-rows');
    expect(r.summary[0]).toMatchObject({ rows: 3, skipped: 2 });
    expect(messages(r)).toEqual([
      'bad-rows/Connections.csv:5 line 5: Connected On `31/31/2020` not understood; kept without a date',
      'bad-rows/Connections.csv:6 line 6: unclosed quote; the row was skipped',
      'bad-rows/Connections.csv:7 line 7 has 8 columns, expected 7; the row was skipped. Was a comma left unquoted or the file re-saved with another separator?',
      'bad-rows/Connections.csv:8 line 8 has 5 columns, expected 7; the missing ones were read as empty',
    ]);
    expect(r.dataset.connections.map((c) => c.firstName)).toEqual(['Ana', 'Dana', 'Eve']);
  });

  it('parses each day once and still reads every row: a repeated date, a repeated bad date', async () => {
    const text = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ana,Ferreira,,,,,30 May 2024',
      'Bruno,Costa,,,,,30 May 2024',
      'Dana,Lee,,,,,31/31/2020',
      'Eve,Stone,,,,,31/31/2020',
      'Gal,Kovacs,,,,, 30 May 2024 ',
    ].join('\n');
    const r = await importFiles([{ path: 'me/Connections.csv', bytes: enc(text) }]);
    expect(r.dataset.connections.map((c) => c.connectedOn)).toEqual([
      '2024-05-30',
      '2024-05-30',
      undefined,
      undefined,
      '2024-05-30',
    ]);
    expect(messages(r, 'warning')).toEqual([
      'me/Connections.csv:4 line 4: Connected On `31/31/2020` not understood; kept without a date',
      'me/Connections.csv:5 line 5: Connected On `31/31/2020` not understood; kept without a date',
    ]);
  });

  it('zero rows from a non-empty file is an error with a suggestion', async () => {
    const r = await importFixture('connections/header-only', 'connections/no-header');
    const errors = messages(r, 'error');
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /^header-only\/Connections.csv: 0 rows read from a non-empty connections file\. .*Export it again/,
    );
    expect(errors[1]).toMatch(
      /^no-header\/Connections.csv: no header we recognise in the first 40 lines; 0 rows read\./,
    );
    expect(r.summary.map((s) => s.kind)).toEqual(['connections', 'unreadable']);
  });

  it('an unquoted-comma file read with the wrong separator never passes quietly', async () => {
    const r = await importFiles([{ path: 'x/Connections.csv', bytes: enc('First Name,Last Name,Connected On\n') }]);
    expect(messages(r, 'error')).toHaveLength(1);
  });
});

describe('the whole archive', () => {
  it('reads every file it knows and lists the others as not used', async () => {
    const r = await importFixture('archive');
    const dir = 'archive/Basic_LinkedInDataExport_01-02-2026/';
    const byFile = Object.fromEntries(r.summary.map((s) => [s.file.replace(dir, ''), [s.kind, s.rows, s.skipped]]));
    expect(byFile).toEqual({
      'Profile.csv': ['profile', 1, 0],
      'Connections.csv': ['connections', 3, 0],
      'messages.csv': ['messages', 4, 0],
      'Invitations.csv': ['invitations', 2, 0],
      'Endorsement_Received_Info.csv': ['endorsements-received', 1, 0],
      'Endorsement_Given_Info.csv': ['endorsements-given', 1, 0],
      'Recommendations_Received.csv': ['recommendations-received', 1, 0],
      'Recommendations Given.csv': ['recommendations-given', 1, 0],
      'Contacts.csv': ['contacts', 1, 0],
      'Positions.csv': ['not-used', 0, 0],
      'Member_Follows.csv': ['not-used', 0, 0],
      'Rich Media.csv': ['not-used', 0, 0],
    });
    expect(r.dataset.owners).toEqual([
      expect.objectContaining({
        id: 'owner:alice-martin',
        name: 'Alice Martin',
        headline: 'Partner at Example Ventures',
        location: 'Lyon, France',
      }),
    ]);
    expect(r.issues.filter((i) => i.message.endsWith('; not used')).map((i) => i.severity)).toEqual([
      'info',
      'info',
      'info',
    ]);
    expect(messages(r, 'error')).toEqual([]);
  });

  it('keeps who, when and which direction of messages, never their content', async () => {
    const r = await importFixture('archive');
    const m = r.dataset.interactions.filter((i) => i.kind === 'message');
    expect(m.map((i) => [i.direction, i.person.name, i.date, i.ref.line])).toEqual([
      ['in', 'Ana Ferreira', '2024-12-23', 2],
      ['out', 'Ana Ferreira', '2024-12-24', 4],
    ]);
    expect(JSON.stringify(r.dataset)).not.toMatch(/lunch|Tuesday|draft text/);
    expect(messages(r, 'info')).toContainEqual(expect.stringContaining('1 draft messages were counted'));
    expect(messages(r, 'info')).toContainEqual(expect.stringContaining('1 messages from LinkedIn itself were counted'));
  });

  it('reads invitations, endorsements and recommendations with their direction', async () => {
    const r = await importFixture('archive');
    const other = r.dataset.interactions.filter((i) => i.kind !== 'message');
    expect(other.map((i) => `${i.kind} ${i.direction} ${i.person.name} ${i.date}`).sort()).toEqual([
      'endorsement in Gál Kovács 2024-02-24',
      'endorsement out Ana Ferreira 2024-03-01',
      'invitation in Hana Sato 2023-01-03',
      'invitation out Gál Kovács 2022-08-26',
      'recommendation in Ana Ferreira 2023-12-24',
      'recommendation out Gál Kovács 2024-01-05',
    ]);
    expect(r.dataset.attributes).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ email: 'ivo@example.org', name: 'Ivo Petrov' }) }),
    ]);
  });

  it.each([
    ['messages/9-columns', ['in Bruno Costa 2022-03-01', 'out Bruno Costa 2022-03-02', 'out Chen Wu 2022-04-02']],
    [
      'messages/10-columns',
      ['in Bruno Costa 2023-03-01', 'out Bruno Costa 2023-03-02', 'out Chen Wu 2023-04-02', 'out Dana Lee 2023-04-02'],
    ],
    ['messages/2018', ['in Bruno Costa 2018-01-08', 'out Bruno Costa 2018-01-09']],
    ['invitations/5-columns', ['out Chen Wu 2022-08-26', 'in Dana Lee 2022-09-01']],
  ])('%s', async (dir, expected) => {
    const r = await importFixture(dir);
    expect(r.dataset.interactions.map((i) => `${i.direction} ${i.person.name} ${i.date}`)).toEqual(expected);
    expect(messages(r, 'warning')).toEqual([expect.stringContaining('no Connections.csv in')]);
  });
});

describe('a team', () => {
  it('gives each export its owner and merges people across them', async () => {
    const r = await importFixture('team');
    expect(r.dataset.owners.map((o) => [o.id, o.name, o.label])).toEqual([
      ['owner:alice-martin', 'Alice Martin', 'team/alice'],
      ['owner:bob-brown', 'Bob Brown', 'team/bob'],
      ['owner:carol', 'carol', 'team/carol'],
    ]);
    const s = Object.fromEntries(
      r.summary.map((x) => [x.file, [x.kind, x.owner, x.rows, x.newPeople, x.mergedPeople]]),
    );
    expect(s).toEqual({
      'team/alice/Profile.csv': ['profile', 'owner:alice-martin', 1, undefined, undefined],
      'team/alice/Connections.csv': ['connections', 'owner:alice-martin', 4, 3, 1],
      'team/bob/Profile.csv': ['profile', 'owner:bob-brown', 1, undefined, undefined],
      'team/bob/Connections.csv': ['connections', 'owner:bob-brown', 4, 0, 4],
      'team/carol/Connections.csv': ['connections', 'owner:carol', 2, 1, 1],
      'team/locations.csv': ['enrichment', undefined, 2, 1, 1],
      'team/mutual.csv': ['edges', undefined, 2, 1, 1],
    });
    expect(messages(r)).toEqual([
      'team/locations.csv:4 line 4: no URL, e-mail or name to say who it is about; the row was skipped',
      'team/mutual.csv:3 line 3: weight `x` is not a number; read as 1',
    ]);
  });

  it('names owners from the zip name when there is no Profile.csv, with distinct ids', async () => {
    const conn = enc('First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lee,,,,,01 Jan 2024\n');
    const r = await importFiles([
      { path: 'Basic_LinkedInDataExport_01-02-2026/Connections.csv', bytes: conn },
      { path: 'alice/Complete_LinkedInDataExport_03-04-2025/Connections.csv', bytes: conn },
      { path: 'x/ana/Connections.csv', bytes: conn },
      { path: 'y/ana/Connections.csv', bytes: conn },
      {
        path: 'Complete_LinkedInDataExport_05-06-2024.zip/Complete_LinkedInDataExport_05-06-2024/Connections.csv',
        bytes: conn,
      },
    ]);
    expect(r.dataset.owners.map((o) => [o.id, o.name])).toEqual([
      ['owner:linkedin-export-01-02-2026', 'LinkedIn export 01-02-2026'],
      ['owner:linkedin-export-05-06-2024', 'LinkedIn export 05-06-2024'],
      ['owner:alice', 'alice'],
      ['owner:ana', 'ana'],
      ['owner:ana-2', 'ana'],
    ]);
  });
});

describe('progress and cancel', () => {
  const big = enc(
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      Array.from(
        { length: 30_000 },
        (_, i) => `P${i},Q${i},https://www.linkedin.com/in/p-${i},,Co ${i % 50},Role,01 Jan 2024`,
      ).join('\n'),
  );

  it('reads 30,000 rows and reports progress up to the total', async () => {
    const seen: number[] = [];
    let total = 0;
    const r = await importFiles([{ path: 'me/Connections.csv', bytes: big }], {
      onProgress: (p) => {
        seen.push(p.done);
        total = p.total;
      },
    });
    expect(r.summary[0]).toMatchObject({ rows: 30_000, skipped: 0, newPeople: 30_000 });
    expect(total).toBe(big.length);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.at(-1)).toBe(total);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('lets other work run while it reads (the page or worker does not freeze)', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('other work'), 0);
    await importFiles([{ path: 'me/Connections.csv', bytes: big }]).then(() => order.push('import done'));
    expect(order).toEqual(['other work', 'import done']);
  });

  it('rejects with an AbortError when cancelled, and only then', async () => {
    const controller = new AbortController();
    const p = importFiles([{ path: 'me/Connections.csv', bytes: big }], {
      signal: controller.signal,
      onProgress: (x) => {
        if (x.done > 0) controller.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    const already = new AbortController();
    already.abort();
    await expect(importFiles([], { signal: already.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('other inputs', () => {
  it('refuses a spreadsheet and notes a binary file', async () => {
    const r = await importFiles([
      { path: 'contacts.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) },
      { path: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0, 0, 1]) },
      { path: 'empty.csv', bytes: new Uint8Array() },
    ]);
    expect(r.summary.map((s) => s.kind)).toEqual(['unreadable', 'not-used', 'not-used']);
    expect(messages(r)).toEqual([
      'contacts.xlsx: a spreadsheet file cannot be read; nothing was read. Save it as CSV (UTF-8) and add it again.',
      'photo.jpg: a binary file; not used',
      'empty.csv: the file is empty; nothing to read',
    ]);
  });

  it('a loose table with no key column is a warning, not silence', async () => {
    const r = await importFiles([{ path: 'scores.csv', bytes: enc('Score,Colour\n3,red\n') }]);
    expect(r.summary[0]?.kind).toBe('not-used');
    expect(messages(r, 'warning')[0]).toMatch(/no column saying who each row is about/);
  });

  it('reads a Gephi-style nodes + edges table pair through their ids', async () => {
    const r = await importFiles([
      { path: 'nodes.csv', bytes: enc('Id,Label,City\nn1,Ana Lee,Porto\nn2,Bo Chan,Oslo\n') },
      { path: 'edges.csv', bytes: enc('Source,Target\nn1,n2\n') },
    ]);
    expect(r.summary.map((s) => [s.kind, s.rows, s.newPeople, s.mergedPeople])).toEqual([
      ['enrichment', 2, 2, 0],
      ['edges', 1, 0, 2],
    ]);
  });

  it('never modifies the bytes it is given', async () => {
    const bytes = enc('\ufeffNotes:\n\nFirst Name;Last Name;Connected On\nA;B;01 Jan 2024\n');
    const copy = bytes.slice();
    await importFiles([{ path: 'a/Connections.csv', bytes }]);
    expect(bytes).toEqual(copy);
  });

  it('keeps two different files that arrive under one name', async () => {
    const a = enc('First Name,Last Name,Connected On\nA,B,01 Jan 2024\n');
    const b = enc('First Name,Last Name,Connected On\nC,D,01 Jan 2024\n');
    const r = await importFiles([
      { path: 'Connections.csv', bytes: a },
      { path: 'Connections.csv', bytes: b },
    ]);
    expect(r.dataset.connections.map((c) => c.firstName)).toEqual(['A', 'C']);
    expect(messages(r)).toEqual([
      'Connections.csv (2): another file was also named `Connections.csv`; this one is read as `Connections.csv (2)`',
    ]);
  });

  it('reads a file given twice once, and says so', async () => {
    const f = { path: 'a/Connections.csv', bytes: enc('First Name,Last Name,Connected On\nA,B,01 Jan 2024\n') };
    const r = await importFiles([f, f]);
    expect(r.dataset.connections).toHaveLength(1);
    expect(messages(r)).toEqual(['a/Connections.csv: the same file was given twice; read once']);
  });
});
