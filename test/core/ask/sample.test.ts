// The ask on the synthetic sample (src/io/sample), checked against its planted truth (truth.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeNetwork, type Analysis } from '../../../src/core/analysis/analyze';
import { toLinkGraph } from '../../../src/core/analysis/link-graph';
import { askNetwork } from '../../../src/core/ask/ask';
import { buildAskIndex } from '../../../src/core/ask/ask-index';
import { getBundledVocabulary } from '../../../src/core/ask/bundled-vocabulary';
import type { AskVocabulary } from '../../../src/core/ask/vocabulary';
import { enrichPeople } from '../../../src/core/enrich/enrich';
import { buildPeople } from '../../../src/core/people';
import { loadGazetteer } from '../../../src/io/gazetteer';
import { importFiles } from '../../../src/io/import';
import { generateSample, type SampleTruth } from '../../../src/io/sample/generate';

let analysis: Analysis;
let truth: SampleTruth;
let vocab: AskVocabulary;

beforeAll(async () => {
  const sample = generateSample({ connections: 600, owners: 3, seed: 5 });
  truth = sample.truth;
  const encoder = new TextEncoder();
  const files = sample.files
    .filter((f) => f.path !== 'truth.json')
    .map((f) => ({ path: `sample/${f.path}`, bytes: encoder.encode(f.text) }));
  const imported = await importFiles(files);
  const people = buildPeople(imported.dataset);
  const gazetteer = await loadGazetteer();
  enrichPeople(people.people, gazetteer, { owners: imported.dataset.owners });
  analysis = analyzeNetwork(people, imported.dataset, { seed: 1 });
  vocab = getBundledVocabulary(gazetteer);
}, 120_000);

const plantedIn = (ids: string[], cluster: string) =>
  ids.filter((id) => truth.people[id]?.currentCluster === cluster).length;

describe('ask on the sample', () => {
  it.each([
    ['an accountant in Southern California', 'accounting-san-diego'],
    ['distributors in Brazil', 'distribution-sao-paulo'],
    ['lawyer in London', 'legal-london'],
  ])('"%s": at least 9 of the top 10 targets are planted in %s', (need, cluster) => {
    const r = askNetwork({ ...analysis, vocab }, need);
    const top = r.targets.slice(0, 10).map((t) => t.id);
    expect(top).toHaveLength(10);
    expect(plantedIn(top, cluster)).toBeGreaterThanOrEqual(9);
  });

  it('the teammate who alone knows the target cluster is the top introducer', () => {
    const only = truth.clusters.find((c) => c.id === 'distribution-sao-paulo')?.owners ?? [];
    expect(only).toHaveLength(1);
    const teammate = truth.owners.find((o) => o.folder === only[0]);
    const me = truth.owners.find((o) => o !== teammate);
    expect(teammate && me).toBeTruthy();
    const r = askNetwork({ ...analysis, vocab, me: me?.id ?? '' }, 'distributors in Brazil');
    expect(r.introducers[0]?.id).toBe(teammate?.id);
    expect(r.introducers[0]?.kind).toBe('teammate');
  });
});

describe('ask over the links read as a graph (what the worker asks, link-graph.ts)', () => {
  it('gives the same answers as over the graphology graph', () => {
    const reader = toLinkGraph(analysis.links);
    const [fromReader, fromGraph] = [buildAskIndex(reader), buildAskIndex(analysis.graph)];
    for (const key of ['offsets', 'targets', 'strengths', 'flags', 'people'] as const)
      expect(fromReader[key]).toEqual(fromGraph[key]);
    for (const need of ['an accountant in Southern California', 'distributors in Brazil', 'a recruiter', 'zzz'])
      expect(askNetwork({ ...analysis, graph: reader, vocab }, need)).toEqual(askNetwork({ ...analysis, vocab }, need));
  });
});
