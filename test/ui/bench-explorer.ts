/**
 * Not a test: times the explorer's pure parts on a synthetic 30,000-person view (seeded, invented
 * values). Run: `npx tsx test/ui/bench-explorer.ts`. Numbers go in reports, never in assertions.
 */
import { toPeopleCsv } from '../../src/io/csv-export';
import { createRng } from '../../src/core/rng';
import { buildDisplayGraph } from '../../src/map/display-graph';
import { toSvg } from '../../src/map/export-image';
import {
  applyFilters,
  computeFacetCounts,
  getEmptyFilters,
  getKeptIndices,
  toggleFacetValue,
} from '../../src/ui/filters';
import { createPeopleSearch } from '../../src/ui/search';
import { toShareHash } from '../../src/ui/share';
import { sortPeople } from '../../src/ui/table';
import { computeTimelineBins } from '../../src/ui/timeline';
import type { NetworkView, PersonView } from '../../src/worker/protocol';

const rng = createRng(42);
const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)]!;
const N = 30_000;
const E = 150_000;
const syll = ['ka', 'lo', 'mi', 'ra', 'to', 'ne', 'su', 'vi', 'de', 'po', 'ul', 'en', 'ar', 'is'];
const word = () => Array.from({ length: 2 + Math.floor(rng() * 2) }, () => pick(syll)).join('');
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const cities = Array.from(
  { length: 120 },
  () => `${cap(word())}, ${cap(word())}, ${pick(['Germany', 'France', 'Spain', 'Italy', 'Poland'])}`,
);
const companies = Array.from({ length: 800 }, () => `${cap(word())} ${pick(['Labs', 'GmbH', 'Co', 'Group'])}`);
const industries = Array.from({ length: 40 }, () => cap(word()));
const sv = (value: string) => ({ value, source: 'export' });
const people: PersonView[] = Array.from({ length: N }, (_, i) => ({
  id: `p${i}`,
  name: `${cap(word())} ${cap(word())}`,
  owners: [pick(['o1', 'o2', 'o3'])],
  degree: 1,
  cluster: Math.floor(rng() * 40),
  score: rng(),
  company: sv(pick(companies)),
  position: sv(pick(['Engineer', 'Designer', 'Manager', 'Analyst', 'Founder'])),
  place: sv(pick(cities)),
  industry: sv(pick(industries)),
  connectedOn: `${2008 + Math.floor(rng() * 17)}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-15`,
}));
// Distinct, loop-free pairs (the display graph is simple).
const pairs = new Set<string>();
const src: number[] = [];
const tgt: number[] = [];
while (src.length < E) {
  const a = Math.floor(rng() * N);
  const b = Math.floor(rng() * N);
  if (a === b || pairs.has(`${Math.min(a, b)}-${Math.max(a, b)}`)) continue;
  pairs.add(`${Math.min(a, b)}-${Math.max(a, b)}`);
  src.push(a);
  tgt.push(b);
}
const view: NetworkView = {
  owners: [
    { id: 'o1', name: 'Owner One' },
    { id: 'o2', name: 'Owner Two' },
    { id: 'o3', name: 'Owner Three' },
  ],
  me: 'o1',
  people,
  clusters: Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    label: `${cap(word())} · ${cap(word())}`,
    size: 0,
    terms: [],
    owners: {},
  })),
  superConnectors: [],
  edges: {
    source: Uint32Array.from(src),
    target: Uint32Array.from(tgt),
    weight: Float32Array.from({ length: E }, () => rng()),
    kinds: Uint8Array.from({ length: E }, () => 1 << Math.floor(rng() * 5)),
  },
  positions: Float32Array.from({ length: 2 * N }, () => rng() * 1000),
  modularity: 0,
  ranked: true,
  summary: [],
  issues: [],
  hidden: {},
  changes: [],
};

function time<T>(label: string, f: () => T, runs = 5): T {
  let out: T | undefined;
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    out = f();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(48)} min ${ms[0]!.toFixed(1)} ms, median ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms`,
  );
  return out as T;
}

let f = toggleFacetValue(getEmptyFilters(), 'country', 'Germany', true);
f = toggleFacetValue(f, 'industry', industries[0]!, true);
f = { ...f, connectedOn: { from: '2019-01-01', to: '2019-12-31' } };
const t0 = performance.now();
applyFilters({ ...view }, getEmptyFilters()); // warm-up on a copy (JIT), so the next line times the index build
console.log(`${'warm-up applyFilters (index build, cold JIT)'.padEnd(48)} ${(performance.now() - t0).toFixed(1)} ms`);
const t1 = performance.now();
applyFilters(view, getEmptyFilters());
console.log(`${'first applyFilters (builds the facet index)'.padEnd(48)} ${(performance.now() - t1).toFixed(1)} ms`);
const kept = time('applyFilters (3 facets + dates)', () => applyFilters(view, f));
time('computeFacetCounts (3 facets + dates)', () => computeFacetCounts(view, f));
time('applyFilters with text query', () => applyFilters(view, { ...f, query: 'lab' }));
const search = time('createPeopleSearch (index 30k)', () => createPeopleSearch(view), 2);
time('search "kalo" (prefix + fuzzy)', () => search.search('kalo', 12));
time('sortPeople by name, all 30k', () =>
  sortPeople(view, getKeptIndices(new Uint8Array(N).fill(1)), { column: 'name', direction: 'ascending' }),
);
time('computeTimelineBins', () => computeTimelineBins(view, f));
time('toShareHash', () => toShareHash({ filters: f }, view));
const graph = time('buildDisplayGraph', () => buildDisplayGraph(view), 2);
const svg = time(
  'toSvg (30k nodes, 150k links)',
  () =>
    toSvg(
      graph,
      view.clusters.map((c) => ({ label: c.label, color: '#000' })),
    ),
  2,
);
console.log(`SVG size ${(svg.length / 1e6).toFixed(1)} MB; kept ${getKeptIndices(kept).length}`);
time('toPeopleCsv (30k)', () => toPeopleCsv(view.people), 2);
