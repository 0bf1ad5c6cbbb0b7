// The CLI side of the ask (src/cli/ask.ts): the JSON `need` block and the readable lists.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/core/analysis/analyze';
import { addNeedToJson, askForCli, formatNeedReport, toNeedJson } from '../../../src/cli/ask';
import { group, toAnalysis, toDataset } from './networks';

let analysis: Analysis;
beforeAll(() => {
  const people = [
    ...group('acc', 6, ['Tax Accountant', 'CPA'], ['San Diego, California, United States'], ['tom']),
    ...group('eng', 6, ['Software Engineer'], ['Berlin, Germany'], ['me']),
  ];
  analysis = toAnalysis(
    toDataset(
      [
        ['me', 'Mia Meyer'],
        ['tom', 'Tom Teammate'],
      ],
      people,
    ),
  );
}, 60_000);

const nameOf = (id: string) => (analysis.graph.hasNode(id) ? analysis.graph.getNodeAttribute(id, 'name') : id);

describe('cli ask', () => {
  it('adds the need block with the issue’s fields, in order', async () => {
    const { result } = await askForCli(analysis, 'an accountant in Southern California', 'owner:me');
    const json = addNeedToJson({ me: 'owner:me' }, result);
    expect(Object.keys(json.need).slice(0, 5)).toEqual(['text', 'parsed', 'targets', 'clusters', 'introducers']);
    expect(json.need.targets).toHaveLength(6);
    expect(Object.keys(json.need.targets[0] ?? {})).toEqual(['id', 'name', 'score', 'why']);
    expect(Object.keys(json.need.clusters[0] ?? {})).toEqual(['id', 'label', 'count']);
    const top = json.need.introducers[0];
    expect(top?.id).toBe('owner:tom');
    expect(Object.keys(top ?? {}).slice(0, 6)).toEqual(['id', 'name', 'score', 'why', 'reaches', 'paths']);
    expect(top?.paths[0]?.slice(0, 2)).toEqual(['owner:me', 'owner:tom']);
    expect(JSON.parse(JSON.stringify(json.need))).toEqual(json.need);
  }, 60_000);

  it('prints the three lists', async () => {
    const { result } = await askForCli(analysis, 'an accountant in Southern California', 'owner:me');
    const text = formatNeedReport(result, nameOf);
    expect(text).toContain(
      'Need: "an accountant in Southern California" — role: accountant · place: Southern California',
    );
    expect(text).toMatch(/Targets \(6\)/);
    expect(text).toMatch(/Where they are\n {2}6 of 6 in /);
    expect(text).toMatch(/Who to ask \(me: Mia Meyer\)\n {3}1\. Tom Teammate \(teammate/);
    expect(text).toContain('path: Mia Meyer → Tom Teammate → ');
  }, 60_000);

  it('says when nothing matches, with suggestions', async () => {
    const { result } = await askForCli(analysis, 'software engineer in Munich', 'owner:me');
    const json = toNeedJson(result);
    expect(json.total).toBe(0);
    expect(json.message).toBe('no one in Munich');
    expect(json.suggestions?.[0]?.text).toBe('6 software engineers in Berlin');
    expect(formatNeedReport(result, nameOf)).toContain('  - try: 6 software engineers in Berlin');
  }, 60_000);
});
