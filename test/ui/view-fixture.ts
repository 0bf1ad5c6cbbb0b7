/**
 * A tiny synthetic NetworkView for the ui/map/io tests. Every name is invented (no real person).
 * Six people, two clusters, two owners, four links of known kinds.
 */
import type { NetworkView, PersonView } from '../../src/worker/protocol';

const sv = (value: string) => ({ value, source: 'export' });

export function makePerson(over: Partial<PersonView> & { name: string }): PersonView {
  return { id: `id-${over.name}`, owners: [], degree: 1, cluster: -1, score: 0, ...over };
}

export function makeView(): NetworkView {
  const people: PersonView[] = [
    makePerson({
      id: 'o1',
      name: 'Ana Owner',
      ownerId: 'o1',
      degree: 0,
      cluster: 0,
      score: 0.9,
      place: sv('Berlin, Berlin, Germany'),
      company: sv('Zeta Labs'),
    }),
    makePerson({
      name: 'Björn Quill',
      url: 'https://www.linkedin.com/in/bjorn-quill-x1',
      owners: ['o1'],
      cluster: 0,
      score: 0.5,
      industry: sv('Software'),
      company: sv('Zeta Labs'),
      position: sv('Engineer'),
      place: sv('Berlin, Berlin, Germany'),
      connectedOn: '2019-03-15',
    }),
    makePerson({
      name: 'Chloé Marsh',
      owners: ['o1', 'o2'],
      cluster: 0,
      score: 0.7,
      industry: sv('Software'),
      company: sv('Orbit Co'),
      position: sv('Designer'),
      place: sv('Munich, Bavaria, Germany'),
      connectedOn: '2019-11-02',
    }),
    makePerson({
      name: 'Dario Fenn',
      owners: ['o2'],
      cluster: 1,
      score: 0.2,
      industry: sv('Finance'),
      company: sv('Orbit Co'),
      position: sv('Analyst'),
      place: sv('Paris, France'),
      connectedOn: '2021-06-30',
    }),
    makePerson({
      name: 'Emeka Stone',
      owners: ['o2'],
      cluster: 1,
      score: 0.1,
      industry: sv('Finance'),
      company: sv('=cmd|calc'),
      position: sv('-Trader'),
      place: sv('Greater Paris Metropolitan Region'),
      connectedOn: '2020-01-01',
    }),
    makePerson({ id: 'o2', name: 'Fay Owner', ownerId: 'o2', degree: 0, cluster: 1, score: 0.8 }),
  ];
  // kinds bits: 1 connection, 2 knows, 4 co-member, 8 colleague, 16 similar
  return {
    owners: [
      { id: 'o1', name: 'Ana Owner' },
      { id: 'o2', name: 'Fay Owner' },
    ],
    me: 'o1',
    people,
    clusters: [
      { id: 'c-software', label: 'Software · Berlin', size: 3, terms: ['software', 'berlin'], owners: { o1: 1 } },
      { id: 'c-finance', label: 'Finance · Paris', size: 3, terms: ['finance', 'paris'], owners: { o2: 1 } },
    ],
    superConnectors: [{ index: 2, score: 0.7, why: ['bridges 2 clusters'] }],
    edges: {
      source: Uint32Array.from([0, 0, 1, 2]),
      target: Uint32Array.from([1, 2, 2, 3]),
      weight: Float32Array.from([1, 1, 0.5, 0.3]),
      kinds: Uint8Array.from([1, 1, 8, 16 | 2]),
    },
    positions: Float32Array.from([0, 0, 1, 0, 0, 1, 10, 10, 11, 10, 10, 11]),
    modularity: 0.4,
    ranked: true,
    summary: [],
    issues: [],
    hidden: {},
    changes: [],
  };
}
