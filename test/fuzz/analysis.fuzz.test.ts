// Fuzzing the analysis (issue 9): thousands of generated datasets — odd names, duplicate and broken
// URLs, empty companies, self-links, edges to unknown people, attributes of strangers — go through
// merging, enrichment, the whole analysis and an ask. None may throw or hang, and the same input
// must give the same answer. Seeded (fast-check's seed fixed) so a failure replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../src/core/analysis/analyze';
import { askNetwork } from '../../src/core/ask/ask';
import { getBundledVocabulary } from '../../src/core/ask/bundled-vocabulary';
import { enrichPeople } from '../../src/core/enrich';
import { buildPeople } from '../../src/core/people';
import type { Dataset } from '../../src/core/types';

const text = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'Ana',
    'José',
    "O'Brien",
    '李',
    '<img src=x>',
    '=1+1',
    '\u202Eevil',
    'Ana\u200B',
    'Self-employed',
    'Acme Inc.',
  ),
  fc.string({ maxLength: 12 }),
);
const url = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    'https://www.linkedin.com/in/a',
    'www.linkedin.com/in/a/',
    'https://www.linkedin.com/in/g%C3%A1l',
    'javascript:alert(1)',
    'not a url',
    '%',
  ),
  fc.string({ maxLength: 20 }).map((s) => `https://www.linkedin.com/in/${s}`),
);
const ref = fc.record({ file: fc.constantFrom('a/Connections.csv', 'b/Connections.csv', 'x.csv'), line: fc.nat(50) });
const personRef = fc.record({
  url,
  name: fc.option(text, { nil: undefined }),
  email: fc.option(fc.constantFrom('a@b.co', 'x@gmail.com', 'bad@'), { nil: undefined }),
});

const dataset: fc.Arbitrary<Dataset> = fc.record({
  owners: fc
    .uniqueArray(fc.constantFrom('owner:a', 'owner:b', 'owner:c'), { minLength: 0, maxLength: 3 })
    .map((ids) => ids.map((id) => ({ id, name: id.slice(6).toUpperCase() + ' Owner', label: id.slice(6) }))),
  connections: fc.array(
    fc.record({
      owner: fc.constantFrom('owner:a', 'owner:b', 'owner:c'),
      firstName: text,
      lastName: text,
      url,
      company: fc.option(text, { nil: undefined }),
      position: fc.option(
        fc.constantFrom('CPA', 'Senior Tax Accountant', 'Recruiter', 'Founder | Berlin', 'Software Engineer', ''),
        { nil: undefined },
      ),
      connectedOn: fc.option(fc.constantFrom('2024-05-30', '2019-01-01', '1999-12-31'), { nil: undefined }),
      hidden: fc.option(fc.boolean(), { nil: undefined }),
      ref,
    }),
    { maxLength: 40 },
  ),
  interactions: fc.array(
    fc.record({
      owner: fc.constantFrom('owner:a', 'owner:b'),
      kind: fc.constantFrom(
        'message' as const,
        'invitation' as const,
        'endorsement' as const,
        'recommendation' as const,
      ),
      direction: fc.constantFrom('in' as const, 'out' as const),
      person: personRef,
      date: fc.option(fc.constantFrom('2024-12-23', '2020-02-29'), { nil: undefined }),
      ref,
    }),
    { maxLength: 20 },
  ),
  attributes: fc.array(
    fc.record({
      person: personRef,
      attributes: fc.dictionary(fc.constantFrom('location', 'industry', 'tags', 'company', 'city', 'country'), text, {
        maxKeys: 3,
      }),
      source: fc.constant('enrichment' as const),
      ref,
    }),
    { maxLength: 10 },
  ),
  edges: fc.array(
    fc.record({
      source: personRef,
      target: personRef,
      weight: fc.option(fc.double({ noNaN: false }), { nil: undefined }),
      ref,
    }),
    {
      maxLength: 20,
    },
  ),
});

const vocab = getBundledVocabulary();
const need = fc.constantFrom(
  'an accountant in Southern California',
  'recruiter',
  '',
  '???',
  'lawyer in London',
  'distributors in Brazil',
);

describe('the analysis under generated input', () => {
  it('never throws, and gives the same answer twice', () => {
    fc.assert(
      fc.property(dataset, need, (d, n) => {
        const run = () => {
          const index = buildPeople(d);
          enrichPeople(index.people, undefined, { owners: d.owners });
          const a = analyzeNetwork(index, d, { seed: 3 });
          const answer = askNetwork(
            {
              graph: a.graph,
              clusters: a.clusters,
              membership: a.membership,
              superConnectors: a.superConnectors,
              vocab,
            },
            n,
          );
          return JSON.stringify({
            c: a.clusters,
            s: a.superConnectors,
            m: a.modularity,
            t: answer.targets,
            i: answer.introducers,
          });
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 1000, seed: 20261125 },
    );
  });
});
