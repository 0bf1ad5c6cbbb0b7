import { describe, expect, it } from 'vitest';
import { buildPeople } from '../../src/core/people';
import { getEmptyDataset, type ConnectionRecord, type Dataset } from '../../src/core/types';

const conn = (owner: string, line: number, c: Partial<ConnectionRecord>): ConnectionRecord => ({
  owner,
  firstName: '',
  lastName: '',
  ref: { file: `${owner.slice(6)}/Connections.csv`, line },
  ...c,
});

function team(): Dataset {
  const d = getEmptyDataset();
  d.owners.push(
    { id: 'owner:alice', name: 'Alice Martin', label: 'alice' },
    { id: 'owner:bob', name: 'Bob Brown', label: 'bob', headline: 'Founder' },
  );
  d.connections.push(
    conn('owner:alice', 5, {
      firstName: 'Gál',
      lastName: 'Kovács',
      url: 'https://www.linkedin.com/in/g%C3%A1l-1a',
      company: 'Acme',
      connectedOn: '2023-09-01',
    }),
    conn('owner:bob', 5, {
      firstName: 'Gal',
      lastName: 'Kovacs',
      url: 'https://www.linkedin.com/in/gál-1a',
      company: 'Acme',
    }),
    conn('owner:bob', 6, { firstName: 'Gál', lastName: 'Kovács', url: 'www.linkedin.com/in/gál-1a/', company: 'Acme' }),
    conn('owner:alice', 6, { firstName: 'Ivo', lastName: 'Petrov', email: 'ivo@example.org', company: 'Initech' }),
    conn('owner:bob', 7, { firstName: 'I.', lastName: 'Petrov', email: ' IVO@Example.org ', company: 'Other' }),
    conn('owner:alice', 7, { firstName: 'Mei', lastName: 'Tanaka', company: 'Globex' }),
    conn('owner:bob', 8, { firstName: ' mei ', lastName: 'TANAKA', company: 'globex', connectedOn: '2023-10-07' }),
    conn('owner:bob', 9, { firstName: 'Mei', lastName: 'Tanaka', company: 'Other Corp' }),
    conn('owner:bob', 10, { firstName: 'Alice', lastName: 'Martin', company: 'Example Ventures' }),
    conn('owner:alice', 8, { hidden: true, connectedOn: '2022-06-02' }),
  );
  return d;
}

describe('buildPeople', () => {
  it('merges one profile URL written three ways', () => {
    const { people } = buildPeople(team());
    const gal = people.filter((p) => p.id === 'linkedin.com/in/gál-1a');
    expect(gal).toHaveLength(1);
    expect(gal[0]).toMatchObject({
      name: 'Gál Kovács',
      url: 'https://www.linkedin.com/in/g%C3%A1l-1a',
      owners: ['owner:alice', 'owner:bob'],
      connectedOn: { 'owner:alice': '2023-09-01' },
      mergedBy: ['url'],
      caveats: [],
    });
    expect(gal[0]?.refs).toHaveLength(3);
  });

  it('merges by e-mail, case and spaces ignored', () => {
    const ivo = buildPeople(team()).byId.get('email:ivo@example.org');
    expect(ivo).toMatchObject({ owners: ['owner:alice', 'owner:bob'], mergedBy: ['email'], email: 'ivo@example.org' });
  });

  it('merges by name + company with a caveat, and keeps another company apart', () => {
    const { people } = buildPeople(team());
    const meis = people.filter((p) => p.lastName.toLowerCase() === 'tanaka');
    expect(meis.map((p) => [p.id, p.owners, p.mergedBy, p.caveats])).toEqual([
      [
        'name:mei tanaka|globex',
        ['owner:alice', 'owner:bob'],
        ['name'],
        ['merged by name with bob/Connections.csv line 8'],
      ],
      ['name:mei tanaka|other corp', ['owner:bob'], [], []],
    ]);
  });

  it('matches a teammate listed as a connection to their own owner record, by name with a caveat', () => {
    const alice = buildPeople(team()).byId.get('owner:alice');
    expect(alice).toMatchObject({ ownerId: 'owner:alice', owners: ['owner:bob'], mergedBy: ['name'] });
    expect(alice?.caveats).toEqual(['merged by name with bob/Connections.csv line 10']);
    expect(buildPeople(team()).byId.get('owner:bob')?.position).toMatchObject({ value: 'Founder', source: 'profile' });
  });

  it('never merges two different URLs, whatever the names', () => {
    const d = getEmptyDataset();
    d.connections.push(
      conn('owner:a', 1, { firstName: 'Ana', lastName: 'Lee', url: 'https://www.linkedin.com/in/ana-1', company: 'X' }),
      conn('owner:b', 1, { firstName: 'Ana', lastName: 'Lee', url: 'https://www.linkedin.com/in/ana-2', company: 'X' }),
    );
    expect(buildPeople(d).people.map((p) => p.id)).toEqual(['linkedin.com/in/ana-1', 'linkedin.com/in/ana-2']);
  });

  it('counts hidden rows per owner and never makes them people', () => {
    const idx = buildPeople(team());
    expect(idx.hidden).toEqual({ 'owner:alice': ['2022-06-02'] });
    expect(idx.people.some((p) => p.name === '')).toBe(false);
    expect(idx.people).toHaveLength(2 + 4);
  });

  it('counts people new vs merged per file, each person once', () => {
    const d = team();
    d.edges.push(
      {
        source: { email: 'ivo@example.org' },
        target: { url: 'linkedin.com/in/gál-1a' },
        ref: { file: 'e.csv', line: 2 },
      },
      {
        source: { email: 'ivo@example.org' },
        target: { url: 'https://www.linkedin.com/in/new-1' },
        ref: { file: 'e.csv', line: 3 },
      },
    );
    expect(buildPeople(d).perFile).toEqual({
      'alice/Connections.csv': { newPeople: 3, mergedPeople: 0 },
      'bob/Connections.csv': { newPeople: 1, mergedPeople: 4 },
      'e.csv': { newPeople: 1, mergedPeople: 2 },
    });
  });

  it('fills attributes without overwriting what an export said, and adds people only tables name', () => {
    const d = team();
    d.attributes.push(
      {
        person: { email: 'IVO@example.org' },
        attributes: { company: 'Wrong', location: 'Sofia', industry: ' ' },
        source: 'enrichment',
        ref: { file: 'l.csv', line: 2 },
      },
      {
        person: { url: 'https://www.linkedin.com/in/zed' },
        attributes: { city: 'Oslo' },
        source: 'enrichment',
        ref: { file: 'l.csv', line: 3 },
      },
    );
    const idx = buildPeople(d);
    const ivo = idx.byId.get('email:ivo@example.org');
    expect(ivo?.company).toMatchObject({ value: 'Initech', source: 'export' });
    expect(ivo?.attributes).toEqual({
      location: { value: 'Sofia', source: 'enrichment', ref: { file: 'l.csv', line: 2 } },
    });
    expect(idx.byId.get('linkedin.com/in/zed')).toMatchObject({ owners: [], url: 'https://www.linkedin.com/in/zed' });
    expect(buildPeople(d, { addUnknown: false }).byId.has('linkedin.com/in/zed')).toBe(false);
  });

  it('resolves references, and refuses an ambiguous name rather than inventing someone', () => {
    const d = team();
    d.edges.push({ source: { name: 'Mei Tanaka' }, target: { name: 'Nobody Known' }, ref: { file: 'e.csv', line: 2 } });
    const idx = buildPeople(d);
    expect(idx.resolve({ url: 'http://de.linkedin.com/in/GÁL-1a?x=1' })).toBe('linkedin.com/in/gál-1a');
    expect(idx.resolve({ name: 'Mei Tanaka' })).toBeUndefined();
    expect(idx.resolve({ name: 'ivo petrov' })).toBe('email:ivo@example.org');
    expect(idx.people.filter((p) => p.lastName === 'Tanaka')).toHaveLength(2);
    expect(idx.byId.get('name:nobody known|')).toMatchObject({ owners: [], name: 'Nobody Known' });
  });

  it('links graph-file nodes and edges through their local ids', () => {
    const d = getEmptyDataset();
    d.attributes.push({
      person: { localId: 'n1', name: 'Ana Lee' },
      attributes: { city: 'Porto' },
      source: 'graph',
      ref: { file: 'g.gexf' },
    });
    d.edges.push({ source: { localId: 'n1' }, target: { localId: 'n2' }, ref: { file: 'g.gexf' } });
    const idx = buildPeople(d);
    expect(idx.people.map((p) => p.id)).toEqual(['name:ana lee|', 'local:n2']);
    expect(idx.resolve({ localId: 'n1' })).toBe('name:ana lee|');
  });

  it('gives distinct ids to two people with the same key-less name and is pure', () => {
    const d = getEmptyDataset();
    d.connections.push(
      conn('owner:a', 1, { firstName: 'Ana', lastName: 'Lee', company: 'X' }),
      conn('owner:a', 2, { firstName: 'Ana', lastName: 'Lee', company: 'Y' }),
    );
    d.attributes.push({
      person: { name: 'Ana Lee' },
      attributes: {},
      source: 'enrichment',
      ref: { file: 'x.csv', line: 2 },
    });
    const before = JSON.stringify(d);
    const idx = buildPeople(d);
    expect(idx.people.map((p) => p.id)).toEqual(['name:ana lee|x', 'name:ana lee|y']);
    expect(JSON.stringify(d)).toBe(before);
  });
});
