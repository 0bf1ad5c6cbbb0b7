import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/core/analysis/analyze';
import { askNetwork, askWithParsed, type AskInput } from '../../../src/core/ask/ask';
import { getBundledVocabulary } from '../../../src/core/ask/bundled-vocabulary';
import type { AskVocabulary } from '../../../src/core/ask/vocabulary';
import { loadGazetteer } from '../../../src/io/gazetteer';
import { group, idOf, toAnalysis, toDataset, type PlantedPerson } from './networks';

let vocab: AskVocabulary;
beforeAll(async () => {
  vocab = getBundledVocabulary(await loadGazetteer());
}, 60_000);

const input = (analysis: Analysis, me?: string): AskInput => ({ ...analysis, vocab, ...(me ? { me } : {}) });
const planted = (ids: string[], prefix: string) =>
  ids.filter((id) => id.startsWith(`linkedin.com/in/${prefix}`)).length;

/**
 * One owner (me) and a teammate. Planted: 12 accountants phrased with synonyms across Southern California
 * (group `acc`), known only to the teammate; distractors: accountants in New York (`nyc`), engineers in San
 * Diego (`eng`), lawyers in London (`law`), distributors in Brazil (`dis`) and in Portugal (`pt`), and
 * hospitality people in Porto (`hos`).
 */
function teamNetwork(): PlantedPerson[] {
  return [
    ...group(
      'acc',
      12,
      ['Senior Tax Accountant', 'CPA', 'Staff Auditor', 'Bookkeeper', 'Tax Manager', 'Chartered Accountant'],
      ['San Diego, California, United States', 'Irvine, CA', 'Los Angeles Metropolitan Area', 'Riverside, California'],
      ['tom'],
    ),
    ...group('nyc', 8, ['Staff Accountant', 'Senior Auditor'], ['New York, NY', 'Brooklyn, New York'], ['me']),
    ...group('eng', 10, ['Software Engineer', 'Frontend Developer'], ['San Diego, CA'], ['me']),
    ...group(
      'law',
      10,
      ['Solicitor', 'Barrister', 'Legal Counsel'],
      ['London, England, United Kingdom'],
      ['me', 'tom'],
    ),
    ...group(
      'dis',
      10,
      ['Distribution Manager', 'Wholesale Buyer', 'Distributor Sales Rep'],
      ['São Paulo, Brazil', 'Campinas, São Paulo, Brazil', 'Rio de Janeiro, Brazil'],
      ['me'],
      (i) => `Distribuidora ${i % 4}`,
    ),
    ...group('pt', 4, ['Distribution Manager'], ['Lisbon, Portugal'], ['me']),
    ...group(
      'hos',
      4,
      ['Hotel Manager', 'Restaurant Manager'],
      ['Porto, Portugal'],
      ['me'],
      () => 'Hotel Ribeira',
      'Hospitality',
    ),
  ];
}

describe('targets', () => {
  let analysis: Analysis;
  beforeAll(() => {
    analysis = toAnalysis(
      toDataset(
        [
          ['me', 'Mia Meyer'],
          ['tom', 'Tom Teammate'],
        ],
        teamNetwork(),
      ),
    );
  }, 60_000);

  it('a need phrased with a synonym and a region: ≥ 9 of the top 10 are the planted accountants', () => {
    const r = askNetwork(input(analysis, 'owner:me'), 'a CPA in Southern California');
    const top = r.targets.slice(0, 10).map((t) => t.id);
    expect(top).toHaveLength(10);
    expect(planted(top, 'acc')).toBeGreaterThanOrEqual(9);
    expect(r.total).toBe(12);
    const why = r.targets.find((t) => t.id === idOf('acc0-test'))?.why ?? [];
    expect(why).toContain('position: Senior Tax Accountant ~ cpa');
    expect(why).toContain('location: San Diego ∈ Southern California');
  });

  it('a country: distributors in Brazil, not in Portugal', () => {
    const r = askNetwork(input(analysis, 'owner:me'), 'distributors in Brazil');
    const top = r.targets.slice(0, 10).map((t) => t.id);
    expect(planted(top, 'dis')).toBeGreaterThanOrEqual(9);
    expect(r.targets.some((t) => t.id.includes('/pt'))).toBe(false);
    expect(r.targets[0]?.why.join('; ')).toMatch(/∈ Brazil/);
  });

  it('synonyms of lawyer in a city, with clusters that hold the targets', () => {
    const r = askNetwork(input(analysis, 'owner:me'), 'attorney in London');
    expect(
      planted(
        r.targets.slice(0, 10).map((t) => t.id),
        'law',
      ),
    ).toBe(10);
    expect(r.clusters.reduce((n, c) => n + c.count, 0)).toBe(10);
    expect(r.clusters[0]?.count).toBeGreaterThan(0);
  });

  it('plain words with a typo find positions by full-text search', () => {
    const r = askNetwork(input(analysis, 'owner:me'), 'frontend develper');
    expect(r.targets.length).toBeGreaterThan(0);
    expect(r.targets.every((t) => t.id.includes('/eng'))).toBe(true);
  });

  it('is deterministic, ties broken by id', () => {
    const a = askNetwork(input(analysis, 'owner:me'), 'lawyer in London');
    const b = askNetwork(input(analysis, 'owner:me'), 'lawyer in London');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const scores = a.targets.map((t) => t.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    for (let i = 1; i < a.targets.length; i++)
      if (a.targets[i - 1]?.score === a.targets[i]?.score)
        expect((a.targets[i - 1]?.id ?? '') < (a.targets[i]?.id ?? '')).toBe(true);
  });

  it('a corrected parse is asked as is', () => {
    const first = askNetwork(input(analysis, 'owner:me'), 'accountant in New York');
    expect(first.targets.every((t) => t.id.includes('/nyc'))).toBe(true);
    const { place: _place, ...withoutPlace } = first.parsed;
    const again = askWithParsed(input(analysis, 'owner:me'), withoutPlace);
    expect(again.total).toBe(20);
  });
});

describe('no match', () => {
  it('says so and suggests the nearest facets: no one in Lisbon; hospitality people in Porto', () => {
    const analysis = toAnalysis(toDataset([['me', 'Mia Meyer']], teamNetwork()));
    const r = askNetwork(input(analysis), 'hospitality in Lisbon');
    expect(r.total).toBe(0);
    expect(r.targets).toEqual([]);
    expect(r.message).toBe('no hospitality people in Lisbon');
    expect(r.suggestions?.[0]?.text).toBe('4 hospitality people in Porto');
    const again = askWithParsed(input(analysis), r.suggestions?.[0]?.parsed ?? r.parsed);
    expect(again.total).toBe(4);
  });

  it('a topic no one has: says so and lists what people there do', () => {
    const analysis = toAnalysis(toDataset([['me', 'Mia Meyer']], teamNetwork()));
    const r = askNetwork(input(analysis), 'veterinarian in London');
    expect(r.total).toBe(0);
    expect(r.message).toMatch(/^no .*in London$/);
    expect(r.suggestions?.length).toBeGreaterThan(0);
  });
});

describe('introducers', () => {
  it('in a team, the teammate who alone knows the target group is the top introducer', () => {
    const analysis = toAnalysis(
      toDataset(
        [
          ['me', 'Mia Meyer'],
          ['tom', 'Tom Teammate'],
        ],
        teamNetwork(),
      ),
    );
    const r = askNetwork(input(analysis, 'owner:me'), 'an accountant in Southern California');
    const top = r.introducers[0];
    expect(top?.id).toBe('owner:tom');
    expect(top?.kind).toBe('teammate');
    expect(top?.reaches).toHaveLength(12);
    expect(top?.paths[0]?.slice(0, 2)).toEqual(['owner:me', 'owner:tom']);
    expect(top?.why.join('; ')).toMatch(/knows 12 of the targets/);
    expect(r.targets[0]?.why).toContain('a connection of your teammate Tom Teammate');
  });

  it('a target I know is listed as "ask directly"', () => {
    const analysis = toAnalysis(
      toDataset(
        [
          ['me', 'Mia Meyer'],
          ['tom', 'Tom Teammate'],
        ],
        teamNetwork(),
      ),
    );
    const r = askNetwork(input(analysis, 'owner:me'), 'accountant in New York');
    const direct = r.introducers.filter((x) => x.kind === 'direct');
    expect(direct.length).toBe(8);
    for (const x of direct) expect(x.paths[0]).toEqual(['owner:me', x.id]);
    expect(r.targets[0]?.why).toContain('your connection: ask directly');
  });

  it('with an edge table, the planted connector with the most ties into the target group ranks in the top 3', () => {
    // Lawyers in London known to no owner; my connections c0..c4 know some of them through edges.
    const targets = group('law', 12, ['Solicitor', 'Barrister', 'Legal Counsel'], ['London, United Kingdom'], []);
    const connectors = group(
      'con',
      5,
      ['Operations Manager'],
      ['Manchester, United Kingdom'],
      ['me'],
      (i) => `Con ${i}`,
    );
    const noise = group('oth', 30, ['Product Manager', 'Nurse'], ['Leeds, United Kingdom'], ['me'], (i) => `Oth ${i}`);
    const edges: [string, string][] = [];
    for (let i = 0; i < 9; i++) edges.push(['con0-test', `law${i}-test`]); // the planted connector
    for (let i = 9; i < 12; i++) edges.push(['con1-test', `law${i}-test`]);
    edges.push(['con2-test', 'law0-test']);
    for (let i = 0; i < 30; i++)
      edges.push([`con${i % 5}-test`, `oth${i}-test`], [`oth${i}-test`, `oth${(i + 1) % 30}-test`]);
    for (let i = 0; i < 11; i++) edges.push([`law${i}-test`, `law${i + 1}-test`]);
    const analysis = toAnalysis(toDataset([['me', 'Mia Meyer']], [...targets, ...connectors, ...noise], edges));
    const r = askNetwork(input(analysis, 'owner:me'), 'lawyer in London');
    expect(r.total).toBe(12);
    const ranked = r.introducers.filter((x) => x.kind !== 'direct').map((x) => x.id);
    expect(ranked.slice(0, 3)).toContain(idOf('con0-test'));
    const con0 = r.introducers.find((x) => x.id === idOf('con0-test'));
    expect(con0?.why.join('; ')).toMatch(/knows 9 of the targets/);
    expect(con0?.paths[0]).toEqual(['owner:me', idOf('con0-test'), expect.stringContaining('linkedin.com/in/law')]);
  });

  it('with no path beyond my own connections, offers weaker inferences and says so', () => {
    const targets = group('law', 6, ['Solicitor'], ['London, United Kingdom'], []);
    const recruiters = group('rec', 2, ['Recruiter'], ['London, United Kingdom'], ['me'], () => 'Northbridge Search');
    const others = group('oth', 6, ['Product Manager'], ['Leeds, United Kingdom'], ['me'], (i) => `Oth ${i}`);
    const edges: [string, string][] = targets.map((t, i) => [t.key, targets[(i + 1) % 6]?.key ?? '']);
    const analysis = toAnalysis(toDataset([['me', 'Mia Meyer']], [...targets, ...recruiters, ...others], edges));
    const r = askNetwork(input(analysis, 'owner:me'), 'solicitor in London');
    expect(r.total).toBe(6);
    const weak = r.introducers.filter((x) => x.kind === 'inferred');
    expect(weak.length).toBeGreaterThan(0);
    expect(weak.every((x) => x.why[0]?.startsWith('weaker inference'))).toBe(true);
    expect(weak.map((x) => x.id)).toContain(idOf('rec0-test'));
  });
});
