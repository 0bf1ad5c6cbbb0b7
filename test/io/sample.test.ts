// The synthetic sample must be byte-for-byte what LinkedIn writes (shared/docs/linkedin-export.md),
// deterministic, and consistent with its planted truth. Small N keeps it fast.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toProfileKey } from '../../src/core/identity';
import { parseSampleArgs } from '../../src/cli/sample';
import {
  CONNECTIONS_PREAMBLE,
  toConnectedOn,
  toCsvField,
  toCsvText,
  toDayNumber,
  toInvitationDate,
  toMessageDate,
} from '../../src/io/sample/csv';
import { generateSample, type SampleResult } from '../../src/io/sample/generate';

const N = 400;
const sample = generateSample({ connections: N, owners: 3, seed: 7 });
const file = (s: SampleResult, path: string): string => {
  const f = s.files.find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path}`);
  return f.text;
};
const folders = sample.truth.owners.map((o) => o.folder);
const parse = (text: string): string[][] => Papa.parse<string[]>(text, { header: false }).data;
/** Our own minimal RFC 4180 writer, independent of the one under test. */
const minimal = (rows: string[][]): string =>
  rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\n');
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const CONNECTED_ON = new RegExp(`^(0[1-9]|[12]\\d|3[01]) ${MONTH} (19|20)\\d\\d$`);

describe('csv helpers', () => {
  it('quote only fields with a comma, a quote or a line break', () => {
    expect(toCsvField('Ana')).toBe('Ana');
    expect(toCsvField(' Ana ')).toBe(' Ana ');
    expect(toCsvField('Okafor, PhD')).toBe('"Okafor, PhD"');
    expect(toCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvField('a\nb')).toBe('"a\nb"');
    expect(toCsvText(['a', 'b'], [['1', '2']])).toBe('a,b\n1,2');
  });
  it('write dates as LinkedIn does', () => {
    const day = toDayNumber('2024-09-05');
    expect(toConnectedOn(day)).toBe('05 Sep 2024');
    expect(toMessageDate(toDayNumber('2024-12-23'), 19 * 3600 + 29 * 60 + 1)).toBe('2024-12-23 19:29:01 UTC');
    expect(toInvitationDate(toDayNumber('2022-08-26'), 20 * 60 + 56)).toBe('8/26/22, 8:56 PM');
    expect(toInvitationDate(toDayNumber('2022-01-02'), 5)).toBe('1/2/22, 12:05 AM');
    expect(toInvitationDate(toDayNumber('2022-01-02'), 12 * 60)).toBe('1/2/22, 12:00 PM');
  });
});

describe('Connections.csv', () => {
  it('starts with the exact 375-byte preamble and the 2024 header', () => {
    expect(Buffer.byteLength(CONNECTIONS_PREAMBLE, 'utf8')).toBe(375);
    for (const folder of folders) {
      const text = file(sample, `${folder}/Connections.csv`);
      expect(text.startsWith(CONNECTIONS_PREAMBLE)).toBe(true);
      const lines = text.split('\n');
      expect(lines[0]).toBe('Notes:');
      expect(lines[2]).toBe('');
      expect(lines[3]).toBe('First Name,Last Name,URL,Email Address,Company,Position,Connected On');
      expect(lines.length).toBe(4 + N);
    }
  });

  it('is UTF-8 without BOM, LF only, no final newline', () => {
    for (const f of sample.files.filter((x) => x.path.endsWith('.csv'))) {
      const bytes = Buffer.from(f.text, 'utf8');
      expect([bytes[0], bytes[1], bytes[2]]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(f.text.includes('\r'), f.path).toBe(false);
      expect(f.text.endsWith('\n'), f.path).toBe(false);
    }
  });

  it('quotes minimally (re-serialising the parsed rows gives the same bytes)', () => {
    for (const f of sample.files.filter((x) => x.path.endsWith('.csv'))) {
      const body = f.path.endsWith('Connections.csv') ? f.text.slice(CONNECTIONS_PREAMBLE.length) : f.text;
      expect(minimal(parse(body)), f.path).toBe(body);
    }
    // The sample does exercise quoting.
    expect(file(sample, `${folders[0]}/Connections.csv`)).toMatch(/,"[^"\n]*,[^"\n]*",/);
  });

  it('has well-formed rows: dates newest first, encoded URLs, emails, hidden rows, stray spaces', () => {
    for (const folder of folders) {
      const rows = parse(file(sample, `${folder}/Connections.csv`).slice(CONNECTIONS_PREAMBLE.length)).slice(1);
      expect(rows).toHaveLength(N);
      let previous = Infinity;
      let emails = 0;
      let hidden = 0;
      let spaced = 0;
      let encoded = 0;
      for (const r of rows) {
        expect(r).toHaveLength(7);
        const [first, last, url, email, company, position, on] = r as [
          string,
          string,
          string,
          string,
          string,
          string,
          string,
        ];
        expect(on).toMatch(CONNECTED_ON);
        const day = Date.parse(`${on} UTC`);
        expect(day).toBeLessThanOrEqual(previous);
        previous = day;
        if (!first && !last && !url) {
          expect(r.slice(0, 6).join('')).toBe('');
          hidden += 1;
          continue;
        }
        expect(url).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[A-Za-z0-9%-]+$/);
        expect(encodeURIComponent(decodeURIComponent(url.slice(28)))).toBe(url.slice(28));
        if (url.includes('%')) encoded += 1;
        if (email) emails += 1;
        if (r.slice(0, 6).some((v) => v !== v.trim())) spaced += 1;
        expect(first + last + company + position).not.toMatch(/\n/);
      }
      const emptyEmail = 1 - emails / N;
      expect(emptyEmail).toBeGreaterThanOrEqual(0.95);
      expect(emptyEmail).toBeLessThanOrEqual(0.99);
      expect(hidden / N).toBeGreaterThanOrEqual(0.01);
      expect(hidden / N).toBeLessThanOrEqual(0.03);
      expect(spaced / N).toBeGreaterThanOrEqual(0.03);
      expect(spaced / N).toBeLessThanOrEqual(0.15);
      expect(encoded).toBeGreaterThan(0);
    }
  });

  it('has names from many scripts and credentials that need quoting', () => {
    const all = folders.map((f) => file(sample, `${f}/Connections.csv`)).join('\n');
    expect(all).toMatch(/\p{Script=Han}|\p{Script=Greek}|\p{Script=Cyrillic}|\p{Script=Arabic}/u);
    expect(all).toMatch(/"[^"\n]+, (PhD|CPA|MBA|PMP|CFA|Esq\.|PE)"/);
    expect(all).toMatch(/[A-Za-z]'[A-Z]/);
  });
});

describe('other export files', () => {
  it('Profile.csv has the exact header and the owner', () => {
    for (const [i, folder] of folders.entries()) {
      const rows = parse(file(sample, `${folder}/Profile.csv`));
      expect(rows[0]?.join(',')).toBe(
        'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers',
      );
      expect(rows).toHaveLength(2);
      expect(`${rows[1]?.[0]} ${rows[1]?.[1]}`).toBe(sample.truth.owners[i]?.name);
      expect(rows[1]?.[5]).not.toBe('');
    }
  });

  it('messages.csv has the 11-column header, UTC dates, multi-line quoted content and concentrated volume', () => {
    for (const folder of folders) {
      const text = file(sample, `${folder}/messages.csv`);
      const rows = parse(text);
      expect(rows[0]?.join(',')).toBe(
        'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT',
      );
      const body = rows.slice(1);
      expect(body.length).toBeGreaterThan(20);
      const perPerson = new Map<string, number>();
      for (const r of body) {
        expect(r).toHaveLength(11);
        expect(r[6]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
        const other =
          r[3] === '' ? 'linkedin' : r[2] === sample.truth.owners.find((o) => o.folder === folder)?.name ? r[5] : r[3];
        perPerson.set(other ?? '', (perPerson.get(other ?? '') ?? 0) + 1);
      }
      expect(body.some((r) => r[8]?.includes('\n'))).toBe(true);
      expect(body.some((r) => r[8]?.includes('"'))).toBe(true);
      expect(body.some((r) => r[3] === '')).toBe(true);
      // Strong ties: the top 20% of correspondents hold most messages, and few connections are messaged at all.
      const counts = [...perPerson.values()].sort((a, b) => b - a);
      const top = counts.slice(0, Math.ceil(counts.length / 5)).reduce((a, b) => a + b, 0);
      expect(top / body.length).toBeGreaterThan(0.5);
      expect(perPerson.size).toBeLessThan(N * 0.3);
    }
  });

  it('Invitations.csv has the header, US dates, directions and unencoded URLs', () => {
    let unicode = 0;
    for (const folder of folders) {
      const rows = parse(file(sample, `${folder}/Invitations.csv`));
      expect(rows[0]?.join(',')).toBe('From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl');
      const body = rows.slice(1);
      expect(body.length).toBeGreaterThan(0);
      for (const r of body) {
        expect(r).toHaveLength(7);
        expect(r[2]).toMatch(/^(1[0-2]|[1-9])\/([1-9]|[12]\d|3[01])\/\d\d, (1[0-2]|[1-9]):[0-5]\d (AM|PM)$/);
        expect(['INCOMING', 'OUTGOING']).toContain(r[4]);
        for (const u of [r[5], r[6]]) {
          expect(u).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[^%/\s]+$/);
          if (/[^ -~]/.test(u ?? '')) unicode += 1;
        }
      }
      expect(body.some((r) => r[4] === 'INCOMING')).toBe(true);
      expect(body.some((r) => r[4] === 'OUTGOING')).toBe(true);
    }
    expect(unicode).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same arguments and different bytes for another seed', () => {
    const again = generateSample({ connections: N, owners: 3, seed: 7 });
    expect(again.files.map((f) => f.path)).toEqual(sample.files.map((f) => f.path));
    for (const [i, f] of sample.files.entries()) expect(again.files[i]?.text, f.path).toBe(f.text);
    const other = generateSample({ connections: N, owners: 3, seed: 8 });
    expect(file(other, `${folders[0]}/Connections.csv`)).not.toBe(file(sample, `${folders[0]}/Connections.csv`));
  });
});

describe('planted structure and truth.json', () => {
  const truth = sample.truth;
  const keysOf = (folder: string): Set<string> =>
    new Set(
      parse(file(sample, `${folder}/Connections.csv`).slice(CONNECTIONS_PREAMBLE.length))
        .slice(1)
        .map((r) => toProfileKey(r[2]?.trim()))
        .filter((k): k is string => k !== undefined),
    );

  it('truth.json is the returned truth', () => {
    expect(JSON.parse(file(sample, 'truth.json'))).toEqual(truth);
  });

  it('owner folders are named like the owners and exports overlap by the same URL', () => {
    expect(folders).toEqual(['maya-lindqvist', 'daniel-okafor', 'ines-carvalho']);
    const [a, b, c] = folders.map(keysOf) as [Set<string>, Set<string>, Set<string>];
    const ab = [...a].filter((k) => b.has(k)).length;
    expect(ab).toBeGreaterThan(N * 0.05);
    expect([...a].filter((k) => c.has(k)).length).toBeGreaterThan(N * 0.05);
    // Each owner has clusters only they know.
    for (const o of truth.owners) {
      expect(o.exclusiveClusters.length).toBeGreaterThan(0);
      for (const cl of o.exclusiveClusters) {
        const members = Object.values(truth.people).filter((p) => p.cluster === cl && p.kind === 'member');
        expect(members.length).toBeGreaterThan(0);
        for (const p of members) expect(p.owners).toEqual([o.folder]);
      }
    }
  });

  it('truth lists exactly the people of the CSVs, with the owners that know them', () => {
    const fromCsv = new Map<string, string[]>();
    for (const folder of folders) for (const k of keysOf(folder)) fromCsv.set(k, [...(fromCsv.get(k) ?? []), folder]);
    const truthKeys = Object.entries(truth.people).filter(([, p]) => p.owners.length > 0);
    expect(new Set(truthKeys.map(([k]) => k))).toEqual(new Set(fromCsv.keys()));
    for (const [k, p] of truthKeys) expect(p.owners, k).toEqual(fromCsv.get(k));
    const clusterIds = new Set(truth.clusters.map((c) => c.id));
    expect(clusterIds.size).toBeGreaterThanOrEqual(12);
    expect(clusterIds.size).toBeLessThanOrEqual(16);
    for (const p of Object.values(truth.people)) if (p.cluster !== null) expect(clusterIds.has(p.cluster)).toBe(true);
  });

  it('locations.csv covers about 85% of people and matches the truth', () => {
    const rows = parse(file(sample, 'locations.csv'));
    expect(rows[0]).toEqual(['URL', 'Location']);
    const located = new Map(rows.slice(1).map((r) => [toProfileKey(r[0]) ?? '', r[1]]));
    const people = Object.entries(truth.people).filter(([, p]) => p.owners.length > 0);
    const share = located.size / people.length;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThan(0.9);
    for (const [k, p] of people) expect(located.get(k) ?? null, k).toBe(p.location);
    expect(file(sample, 'locations.csv')).toMatch(/"[^"\n]+, [^"\n]+, [^"\n]+"/);
  });

  it('known-links.csv ties are mostly within clusters, and connectors span several clusters', () => {
    const rows = parse(file(sample, 'known-links.csv'));
    expect(rows[0]).toEqual(['Source URL', 'Target URL', 'Weight']);
    const edges = rows.slice(1).map((r) => [toProfileKey(r[0]) ?? '', toProfileKey(r[1]) ?? '', Number(r[2])] as const);
    let inside = 0;
    let between = 0;
    const degree = new Map<string, Set<string>>();
    for (const [s, t, w] of edges) {
      const a = truth.people[s];
      const b = truth.people[t];
      expect(a, s).toBeDefined();
      expect(b, t).toBeDefined();
      expect(w).toBeGreaterThanOrEqual(1);
      if (a?.kind === 'member' && b?.kind === 'member') {
        if (a.cluster === b.cluster) inside += 1;
        else between += 1;
      }
      for (const [x, y] of [
        [s, t],
        [t, s],
      ] as const) {
        const set = degree.get(x) ?? new Set<string>();
        if (truth.people[y]?.cluster) set.add(truth.people[y]?.cluster ?? '');
        degree.set(x, set);
      }
    }
    expect(inside / (inside + between)).toBeGreaterThan(0.8);
    expect(truth.superConnectors.length).toBeGreaterThan(0);
    for (const c of truth.superConnectors) {
      expect(degree.get(c.key)?.size ?? 0).toBeGreaterThanOrEqual(3);
      if (folders.length > 1) expect(c.owners.length).toBeGreaterThanOrEqual(2);
    }
    expect(truth.movers.length).toBeGreaterThan(0);
    for (const m of truth.movers) expect(m.fromCluster).not.toBe(m.toCluster);
  });
});

describe('cli/sample arguments', () => {
  it('has defaults and reads both --name value and --name=value', () => {
    expect(parseSampleArgs([])).toEqual({ connections: 1500, owners: 3, seed: 1, out: 'data/sample', help: false });
    expect(parseSampleArgs(['--connections', '400', '--owners=2', '--seed', '9', '--out', 'x'])).toEqual({
      connections: 400,
      owners: 2,
      seed: 9,
      out: 'x',
      help: false,
    });
    expect(parseSampleArgs(['--help']).help).toBe(true);
  });
  it('names the bad argument', () => {
    expect(() => parseSampleArgs(['--connections', 'many'])).toThrow(/--connections must be a whole number/);
    expect(() => parseSampleArgs(['--owners'])).toThrow(/--owners needs a value/);
    expect(() => parseSampleArgs(['--seed', '--out', 'x'])).toThrow(/--seed needs a value/);
    expect(() => parseSampleArgs(['--frobnicate'])).toThrow(/unknown argument '--frobnicate'/);
    expect(() => generateSample({ owners: 0 })).toThrow(/owners must be a whole number from 1/);
  });
});
