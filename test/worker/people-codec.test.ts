// The view's people in columns for the trip to the page (people-codec.ts): the page gets the same objects, with the
// same fields present and absent and the same values (-0 included), also after a structured clone that moves the
// typed arrays, as postMessage does.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { decodePeople, encodePeople, getPeopleTransfer } from '../../src/worker/people-codec';
import type { PersonView, SourcedView } from '../../src/worker/protocol';

/** Every field of a person, each sourced field with its evidence: adding a field to PersonView breaks this. */
const full: Required<Omit<PersonView, 'company' | 'position' | 'place' | 'industry' | 'role' | 'placeParts'>> & {
  [K in 'company' | 'position' | 'place' | 'industry' | 'role']: Required<SourcedView>;
} & { placeParts: Required<NonNullable<PersonView['placeParts']>> } = {
  id: 'linkedin.com/in/ana-ferreira',
  name: 'Ana Ferreira',
  url: 'https://www.linkedin.com/in/ana-ferreira',
  company: { value: 'Bio1 Inc.', source: 'export', evidence: 'Connections.csv line 4' },
  position: { value: 'Tax Accountant', source: 'export', evidence: 'Connections.csv line 4' },
  place: { value: 'Boston, MA', source: 'inferred', evidence: 'from the company' },
  placeParts: { city: 'Boston', region: 'Massachusetts', country: 'United States' },
  industry: { value: 'Accounting', source: 'inferred', evidence: 'from the position' },
  role: { value: 'senior finance', source: 'inferred', evidence: 'from the position' },
  owners: ['owner:ana', 'owner:rui'],
  ownerId: 'owner:eva',
  degree: 0,
  cluster: 3,
  score: 0.25,
  connectedOn: '2019-03-04',
};
const bare: PersonView = { id: 'name:x|', name: '', owners: [], degree: 2, cluster: -1, score: -0 };

/** The same people, field by field: the same keys (an absent field is not one set to undefined), values and -0. */
function expectSame(got: PersonView[], want: PersonView[]) {
  expect(got).toEqual(want);
  got.forEach((p, i) => {
    const w = want[i]!;
    expect(Object.keys(p).sort()).toEqual(Object.keys(w).sort());
    for (const k of ['company', 'position', 'place', 'industry', 'role', 'placeParts'] as const)
      expect(Object.keys(p[k] ?? {}).sort()).toEqual(Object.keys(w[k] ?? {}).sort());
    expect(Object.is(p.score, w.score)).toBe(true);
  });
}

function randomPeople(n: number, seed: number): PersonView[] {
  const rng = createRng(seed);
  const words = ['Ana', 'Łukasz', '美咲', 'Zoë', '', 'a\u0000b', 'O’Brien', '"quoted", comma', 'line\nbreak', '👩‍💼'];
  const word = () => words[Math.floor(rng() * words.length)]!;
  const maybe = <T>(make: () => T): T | undefined => (rng() < 0.5 ? make() : undefined);
  const sourced = (): SourcedView => {
    const v: SourcedView = { value: word(), source: word() };
    const evidence = maybe(word);
    if (evidence !== undefined) v.evidence = evidence;
    return v;
  };
  return Array.from({ length: n }, (_, i) => {
    const p: PersonView = {
      id: `id-${i}-${word()}`,
      name: word(),
      owners: Array.from({ length: Math.floor(rng() * 4) }, word),
      degree: Math.floor(rng() * 3) as PersonView['degree'],
      cluster: Math.floor(rng() * 50) - 1,
      score: [0, -0, 1, rng()][Math.floor(rng() * 4)]!,
    };
    for (const k of ['url', 'connectedOn', 'ownerId'] as const) {
      const v = maybe(word);
      if (v !== undefined) p[k] = v;
    }
    for (const k of ['company', 'position', 'place', 'industry', 'role'] as const) {
      const v = maybe(sourced);
      if (v) p[k] = v;
    }
    const parts = maybe(() => {
      const out: NonNullable<PersonView['placeParts']> = {};
      for (const k of ['city', 'region', 'country'] as const) {
        const v = maybe(word);
        if (v !== undefined) out[k] = v;
      }
      return out;
    });
    if (parts) p.placeParts = parts;
    return p;
  });
}

describe('encodePeople / decodePeople', () => {
  it('gives back a person with every field, and one with none', () => {
    expectSame(decodePeople(encodePeople([full, bare, full])), [full, bare, full]);
    expect(decodePeople(encodePeople([]))).toEqual([]);
  });

  it('gives back 2,000 seeded random people, whatever their strings hold', () => {
    const people = randomPeople(2000, 7);
    expectSame(decodePeople(encodePeople(people)), people);
  });

  it('gives back the same after a structured clone that moves its typed arrays, as postMessage does', () => {
    const people = randomPeople(500, 11);
    const columns = encodePeople(people);
    const sent = structuredClone(columns, { transfer: getPeopleTransfer(columns) });
    expect(columns.flags.length).toBe(0);
    expectSame(decodePeople(sent), people);
  });
});
