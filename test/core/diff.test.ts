import { describe, expect, it } from 'vitest';
import { computeExportDiff, toDiffInputs, toExportDiffSummary } from '../../src/core/diff';
import { buildPeople } from '../../src/core/people';
import { getEmptyDataset, type ConnectionRecord, type Person } from '../../src/core/types';

const OWNER = 'owner:ana-ferreira';

// [first, last, url, company, position, connectedOn]
type Row = [string, string, string, string, string, string?];

function people(rows: Row[], owner = OWNER, file = 'Connections.csv'): Person[] {
  const connections: ConnectionRecord[] = rows.map(([firstName, lastName, url, company, position, connectedOn], i) => ({
    owner,
    firstName,
    lastName,
    ...(url ? { url } : {}),
    ...(company ? { company } : {}),
    ...(position ? { position } : {}),
    ...(connectedOn ? { connectedOn } : {}),
    ref: { file, line: i + 5 },
  }));
  const dataset = { ...getEmptyDataset(), owners: [{ id: owner, name: 'Ana Ferreira', label: 'ana' }], connections };
  return buildPeople(dataset).people;
}

const OLD: Row[] = [
  ['Bo', 'Lind', 'https://www.linkedin.com/in/bo-lind', 'Acme Inc.', 'Engineer'],
  ['Cy', 'Park', 'https://www.linkedin.com/in/cy-park', 'Globex', 'Designer'],
  ['Di', 'Rossi', 'https://www.linkedin.com/in/di-rossi', 'Initech', 'Analyst'],
  ['Ed', 'Stone', '', 'Hooli', 'Manager'],
];

describe('computeExportDiff', () => {
  it('finds nothing between an export and itself', () => {
    const d = computeExportDiff(people(OLD), people(OLD), OWNER);
    expect(d).toEqual({ ownerId: OWNER, added: [], removed: [], changed: [], unchanged: 4, matchedByName: 0 });
  });

  it('reports new, changed and gone people with known answers', () => {
    const NEW: Row[] = [
      // Same URL written another way; company case and punctuation only: unchanged.
      ['Bo', 'Lind', 'https://www.linkedin.com/in/Bo-Lind/', 'ACME Inc', 'Engineer'],
      // Changed company and position.
      ['Cy', 'Park', 'https://www.linkedin.com/in/cy-park', 'Umbrella', 'Design Lead'],
      // Di Rossi is gone; Fay Wu is new.
      ['Fay', 'Wu', 'https://www.linkedin.com/in/fay-wu', 'Stark', 'CTO', '2026-01-02'],
      // Ed Stone now has a URL: matched by name; position changed, company the same.
      ['Ed', 'Stone', 'https://www.linkedin.com/in/ed-stone', 'Hooli', 'Director'],
    ];
    const d = computeExportDiff(people(OLD), people(NEW), OWNER);
    expect(d.added).toEqual([
      {
        id: 'linkedin.com/in/fay-wu',
        name: 'Fay Wu',
        company: 'Stark',
        position: 'CTO',
        connectedOn: '2026-01-02',
      },
    ]);
    expect(d.removed).toEqual([
      { id: 'linkedin.com/in/di-rossi', name: 'Di Rossi', company: 'Initech', position: 'Analyst' },
    ]);
    expect(d.changed).toEqual([
      {
        id: 'linkedin.com/in/cy-park',
        name: 'Cy Park',
        company: { from: 'Globex', to: 'Umbrella' },
        position: { from: 'Designer', to: 'Design Lead' },
      },
      {
        id: 'linkedin.com/in/ed-stone',
        oldId: 'name:ed stone|hooli',
        name: 'Ed Stone',
        position: { from: 'Manager', to: 'Director' },
      },
    ]);
    expect(d.unchanged).toBe(1);
    expect(d.matchedByName).toBe(1);
    expect(toExportDiffSummary(d)).toBe('1 new connection · 2 changed company or position · 1 no longer there');
  });

  it('says when a field was emptied or filled', () => {
    const d = computeExportDiff(
      people([['Bo', 'Lind', 'https://www.linkedin.com/in/bo-lind', 'Acme', '']]),
      people([['Bo', 'Lind', 'https://www.linkedin.com/in/bo-lind', '', 'Founder']]),
      OWNER,
    );
    expect(d.changed).toEqual([
      { id: 'linkedin.com/in/bo-lind', name: 'Bo Lind', company: { from: 'Acme' }, position: { to: 'Founder' } },
    ]);
  });

  it('does not match by a name two people share', () => {
    const d = computeExportDiff(
      people([
        ['Sam', 'Lee', '', 'A', 'x'],
        ['Sam', 'Lee', '', 'B', 'y'],
      ]),
      people([['Sam', 'Lee', 'https://www.linkedin.com/in/sam-lee', 'C', 'z']]),
      OWNER,
    );
    expect(d.matchedByName).toBe(0);
    expect(d.added.map((p) => p.id)).toEqual(['linkedin.com/in/sam-lee']);
    expect(d.removed.map((p) => p.id)).toEqual(['name:sam lee|a', 'name:sam lee|b']);
  });

  it("compares only the owner's own connections, with another owner id in the new import when given", () => {
    const other = people([['Zed', 'Ola', 'https://www.linkedin.com/in/zed', 'Q', 'r']], 'owner:someone-else');
    const d = computeExportDiff([...people(OLD), ...other], people(OLD.slice(0, 2), 'owner:ana'), OWNER, {
      newOwnerId: 'owner:ana',
    });
    expect(d.added).toEqual([]);
    expect(d.removed.map((p) => p.name)).toEqual(['Di Rossi', 'Ed Stone']);
    expect(d.unchanged).toBe(2);
  });

  it("gives the same from toDiffInputs, a copy of only the given owners' connections and what is compared", () => {
    const NEW: Row[] = [
      ['Bo', 'Lind', 'https://www.linkedin.com/in/bo-lind', 'Acme Inc.', 'Staff Engineer'],
      ['Ed', 'Stone', 'https://www.linkedin.com/in/ed-stone', 'Hooli', 'Director', '2026-01-02'],
      ['Fay', 'Wu', 'https://www.linkedin.com/in/fay-wu', 'Stark', 'CTO'],
    ];
    const other = people([['Zed', 'Ola', 'https://www.linkedin.com/in/zed', 'Q', 'r']], 'owner:someone-else');
    const before = [...people(OLD), ...other];
    const copy = toDiffInputs(before, [OWNER]);
    expect(copy.map((p) => p.name)).toEqual(['Bo Lind', 'Cy Park', 'Di Rossi', 'Ed Stone']);
    expect(Object.keys(copy[0]!).sort()).toEqual(['company', 'connectedOn', 'id', 'name', 'owners', 'position']);
    expect(copy[0]!.company).toEqual({ value: 'Acme Inc.' });
    const whole = computeExportDiff(before, people(NEW), OWNER);
    expect(computeExportDiff(copy, people(NEW), OWNER)).toEqual(whole);
    expect(whole.changed.map((c) => c.name)).toEqual(['Bo Lind', 'Ed Stone']);
    expect(whole.removed.map((p) => p.name)).toEqual(['Cy Park', 'Di Rossi']);
    expect(toDiffInputs(before, ['owner:nobody'])).toEqual([]);
  });

  it('sorts every list by name then id, whatever the input order', () => {
    const rows: Row[] = [
      ['Zoe', 'A', 'https://www.linkedin.com/in/z', 'c', 'p'],
      ['Amy', 'B', 'https://www.linkedin.com/in/a', 'c', 'p'],
      ['Max', 'C', 'https://www.linkedin.com/in/m', 'c', 'p'],
    ];
    const d = computeExportDiff([], people([...rows].reverse()), OWNER);
    expect(d.added.map((p) => p.name)).toEqual(['Amy B', 'Max C', 'Zoe A']);
  });
});
