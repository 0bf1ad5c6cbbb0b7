import { describe, expect, it } from 'vitest';
import {
  applyUserEdits,
  getClusterNameMatches,
  getEmptyUserEdits,
  isEmptyUserEdits,
  setClusterName,
  setOwnerName,
  setPersonAttribute,
  toUserEdits,
  type UserEdits,
} from '../../src/core/edits';
import type { Person } from '../../src/core/types';

function person(id: string, name: string, company?: string): Person {
  const [firstName = '', ...rest] = name.split(' ');
  return {
    id,
    name,
    firstName,
    lastName: rest.join(' '),
    ...(company ? { company: { value: company, source: 'export' as const } } : {}),
    owners: ['owner:ana'],
    connectedOn: {},
    attributes: {},
    mergedBy: [],
    caveats: [],
    refs: [],
  };
}

describe('user edit producers', () => {
  it('start empty and never mutate their input', () => {
    const empty = getEmptyUserEdits();
    expect(isEmptyUserEdits(empty)).toBe(true);
    const a = setOwnerName(empty, 'owner:ana', ' Ana F. ');
    const b = setClusterName(a, 'c1', 'Lisbon tax', ['p3', 'p1', 'p2']);
    const c = setPersonAttribute(b, 'p1', 'Bo Lind', 'notes', 'met at FOSDEM');
    expect(empty).toEqual(getEmptyUserEdits());
    expect(a.clusterNames).toEqual({});
    expect(c).toEqual({
      version: 1,
      ownerNames: { 'owner:ana': 'Ana F.' },
      clusterNames: { c1: { name: 'Lisbon tax', members: ['p1', 'p2', 'p3'] } },
      people: { p1: { name: 'Bo Lind', attributes: { notes: 'met at FOSDEM' } } },
    });
    expect(isEmptyUserEdits(c)).toBe(false);
  });

  it('remove an edit when given an empty value', () => {
    let e = setPersonAttribute(getEmptyUserEdits(), 'p1', 'Bo', 'city', 'Porto');
    e = setPersonAttribute(e, 'p1', 'Bo', 'city', '  ');
    e = setOwnerName(setOwnerName(e, 'o', 'X'), 'o', '');
    e = setClusterName(setClusterName(e, 'c', 'Y', []), 'c', '');
    expect(e).toEqual(getEmptyUserEdits());
  });
});

describe('toUserEdits', () => {
  it('round-trips through JSON', () => {
    const e = setClusterName(setPersonAttribute(getEmptyUserEdits(), 'p', 'P', 'k', 'v'), 'c', 'C', ['p']);
    expect(toUserEdits(JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it('drops what is not a valid edit and reads other versions or garbage as empty', () => {
    expect(toUserEdits(null)).toEqual(getEmptyUserEdits());
    expect(toUserEdits('x')).toEqual(getEmptyUserEdits());
    expect(toUserEdits({ version: 2, ownerNames: { o: 'X' } })).toEqual(getEmptyUserEdits());
    expect(
      toUserEdits({
        version: 1,
        ownerNames: { o: 'X', bad: 3, empty: ' ' },
        clusterNames: { c: { name: 'C', members: ['a', 7] }, d: { name: 1, members: [] }, e: 'x' },
        people: { p: { name: 'P', attributes: { k: 'v', n: null } }, q: [], r: { attributes: {} } },
      }),
    ).toEqual({
      version: 1,
      ownerNames: { o: 'X' },
      clusterNames: { c: { name: 'C', members: ['a'] } },
      people: { p: { name: 'P', attributes: { k: 'v' } } },
    });
  });
});

describe('getClusterNameMatches', () => {
  // Named when c1 = {a,b,c,d} and c2 = {e,f}; after re-clustering the ids moved and c1's people split 3/1.
  const edits: UserEdits = {
    ...getEmptyUserEdits(),
    clusterNames: {
      c1: { name: 'Lisbon tax', members: ['a', 'b', 'c', 'd'] },
      c2: { name: 'Berlin design', members: ['e', 'f'] },
    },
  };
  const membership = { a: 'k9', b: 'k9', c: 'k9', d: 'k2', e: 'k2', f: 'k2' };

  it('gives each name to the cluster holding most of its remembered members', () => {
    expect(getClusterNameMatches(edits, ['k2', 'k9'], membership)).toEqual({
      labels: { k9: 'Lisbon tax', k2: 'Berlin design' },
      unmatched: [],
    });
  });

  it('gives a cluster at most one name, best overlap first, and reports the rest', () => {
    // Everyone is now in one cluster: both names overlap it fully; the tie goes to the smallest edit id.
    const one = { a: 'k', b: 'k', c: 'k', d: 'k', e: 'k', f: 'k' };
    expect(getClusterNameMatches(edits, ['k'], one)).toEqual({ labels: { k: 'Lisbon tax' }, unmatched: ['c2'] });
  });

  it('needs the minimum overlap', () => {
    const spread = { a: 'x', b: 'y', c: 'z', d: 'w', e: 'k2', f: 'k2' };
    expect(getClusterNameMatches(edits, ['x', 'y', 'z', 'w', 'k2'], spread)).toEqual({
      labels: { k2: 'Berlin design' },
      unmatched: ['c1'],
    });
    expect(
      getClusterNameMatches(edits, ['x', 'y', 'z', 'w', 'k2'], spread, { minClusterOverlap: 0.25 }).labels,
    ).toEqual({
      // Four clusters hold 1/4 each: the tie goes to the smallest cluster id.
      w: 'Lisbon tax',
      k2: 'Berlin design',
    });
  });

  it('falls back to the same id when no members were remembered', () => {
    const e = setClusterName(getEmptyUserEdits(), 'c7', 'Mine', []);
    expect(getClusterNameMatches(e, ['c7'], {}).labels).toEqual({ c7: 'Mine' });
    expect(getClusterNameMatches(e, ['c8'], {}).unmatched).toEqual(['c7']);
  });
});

describe('applyUserEdits', () => {
  it('applies owner names, attributes (by id, then by a unique name) and cluster labels, and reports the rest', () => {
    let e = setOwnerName(getEmptyUserEdits(), 'owner:ana', 'Ana (me)');
    e = setOwnerName(e, 'owner:gone', 'Nobody');
    e = setPersonAttribute(e, 'linkedin.com/in/bo', 'Bo Lind', 'company', 'Acme (2026)');
    e = setPersonAttribute(e, 'linkedin.com/in/bo', 'Bo Lind', 'tags', 'mentor');
    e = setPersonAttribute(e, 'name:cy park|globex', 'Cy Park', 'city', 'Porto');
    e = setPersonAttribute(e, 'linkedin.com/in/di', 'Di Rossi', 'notes', 'left');
    e = setClusterName(e, 'c0', 'Friends', ['linkedin.com/in/bo', 'linkedin.com/in/cy']);

    const people = [person('linkedin.com/in/bo', 'Bo Lind', 'Acme'), person('linkedin.com/in/cy', 'Cy Park', 'Globex')];
    const owners = [{ id: 'owner:ana', name: 'Ana Ferreira', label: 'ana' }];
    const r = applyUserEdits(
      {
        owners,
        people,
        clusters: [{ id: 'c3', label: 'Tech · Lisbon' }],
        membership: { 'linkedin.com/in/bo': 'c3', 'linkedin.com/in/cy': 'c3' },
      },
      e,
    );
    expect(r.owners).toEqual([{ id: 'owner:ana', name: 'Ana (me)', label: 'ana' }]);
    expect(r.people?.[0]?.company).toEqual({ value: 'Acme (2026)', source: 'user', evidence: 'entered by you' });
    expect(r.people?.[0]?.attributes['tags']?.value).toBe('mentor');
    expect(r.people?.[1]?.attributes['city']).toEqual({ value: 'Porto', source: 'user', evidence: 'entered by you' });
    expect(r.people?.[1]?.company?.value).toBe('Globex');
    expect(r.movedPeople).toEqual({ 'name:cy park|globex': 'linkedin.com/in/cy' });
    expect(r.clusterLabels).toEqual({ c3: 'Friends' });
    expect(r.unapplied).toEqual([
      { kind: 'owner', id: 'owner:gone', name: 'Nobody' },
      { kind: 'person', id: 'linkedin.com/in/di', name: 'Di Rossi' },
    ]);
    // Inputs untouched.
    expect(people[0]?.company?.value).toBe('Acme');
    expect(people[1]?.attributes).toEqual({});
    expect(owners[0]?.name).toBe('Ana Ferreira');
  });

  it('returns only the parts it was given', () => {
    const r = applyUserEdits({}, setOwnerName(getEmptyUserEdits(), 'o', 'X'));
    expect(r).toEqual({ clusterLabels: {}, movedPeople: {}, unapplied: [] });
  });
});
