/**
 * The synthetic sample (data/sample, made by `npm run sample`, with its planted truth in truth.json):
 * the analysis must recover the planted clusters (NMI ≥ 0.8), name them after their industry or city,
 * and rank the planted super-connectors on top. Skipped when data/sample is absent.
 * The summary snapshot (rounded) catches silent changes: update it deliberately (`vitest -u`), never by reflex.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisJson } from '../../src/core/analysis/analyze';
import { toNameKey } from '../../src/core/identity';
import { runCli } from '../../src/cli/main';
import { nmi } from '../core/analysis/networks';

const SAMPLE = fileURLToPath(new URL('../../data/sample/', import.meta.url));
const hasSample = existsSync(SAMPLE + 'truth.json');

interface Truth {
  clusters: { id: string; label: string; industry: string; area: string }[];
  superConnectors: { key: string; name: string }[];
  people: Record<string, { kind: string; cluster: string | null }>;
}

describe.skipIf(!hasSample)('analysis of the synthetic sample (data/sample)', () => {
  let json: AnalysisJson;
  let truth: Truth;

  beforeAll(async () => {
    truth = JSON.parse(readFileSync(SAMPLE + 'truth.json', 'utf8')) as Truth;
    let out = '';
    let err = '';
    const code = await runCli(['analyze', SAMPLE, '--json'], { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    expect(err).toBe('');
    expect(code).toBe(0);
    json = JSON.parse(out) as AnalysisJson;
  }, 120_000);

  /** Planted cluster → our cluster holding most of its members. */
  const matchClusters = () => {
    const votes = new Map<string, Map<string, number>>();
    for (const p of json.people) {
      const planted = truth.people[p.id]?.cluster;
      if (!planted || !p.cluster) continue;
      const v = votes.get(planted) ?? new Map<string, number>();
      v.set(p.cluster, (v.get(p.cluster) ?? 0) + 1);
      votes.set(planted, v);
    }
    return new Map([...votes].map(([planted, v]) => [planted, [...v].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '']));
  };

  it('recovers the planted clusters (NMI ≥ 0.8 over clustered planted members)', () => {
    const ours: Record<string, string> = {};
    const planted: Record<string, string> = {};
    for (const p of json.people) {
      const t = truth.people[p.id];
      if (!t?.cluster || t.kind !== 'member' || !p.cluster) continue;
      ours[p.id] = p.cluster;
      planted[p.id] = t.cluster;
    }
    const score = nmi(ours, planted);
    console.info(
      `sample: NMI ${score.toFixed(3)} over ${Object.keys(ours).length} planted members; modularity ${json.modularity}`,
    );
    expect(Object.keys(ours).length).toBeGreaterThan(1000);
    expect(score).toBeGreaterThanOrEqual(0.8);
  });

  it('names each planted cluster after its industry or its city', () => {
    const match = matchClusters();
    const labels = new Map(json.clusters.map((c) => [c.id, c.label]));
    const misses: string[] = [];
    for (const c of truth.clusters) {
      const label = toNameKey(labels.get(match.get(c.id) ?? '') ?? '');
      // The industry, its first word, the area or any of its own words ("Greater Toronto Area" → "toronto").
      const generic = new Set(['greater', 'area', 'region', 'metropolitan', 'bay']);
      const areaWords = toNameKey(c.area)
        .split(' ')
        .filter((w) => w.length > 2 && !generic.has(w));
      const words = [c.industry, c.area, c.industry.split(' ')[0] ?? '', ...areaWords].map(toNameKey);
      if (!words.some((w) => w && label.includes(w))) misses.push(`${c.label} → ${labels.get(match.get(c.id) ?? '')}`);
    }
    console.info(
      `sample: cluster names ${truth.clusters.length - misses.length}/${truth.clusters.length} match; misses: ${misses.join('; ')}`,
    );
    expect(misses).toEqual([]);
  });

  it('ranks the planted super-connectors on top', () => {
    const planted = new Set(truth.superConnectors.map((s) => s.key));
    const top = json.superConnectors.slice(0, planted.size + 2).map((s) => s.id);
    const found = top.filter((id) => planted.has(id)).length;
    console.info(`sample: ${found} of ${planted.size} planted super-connectors in the top ${top.length}`);
    expect(found).toBe(planted.size);
    for (const s of json.superConnectors.slice(0, 3)) expect(s.why.length).toBeGreaterThan(0);
  });

  it('matches the summary snapshot (rounded; update deliberately)', async () => {
    const summary = {
      people: json.people.length,
      owners: json.owners.map((o) => o.name),
      modularity: Math.round(json.modularity * 100) / 100,
      clusters: json.clusters.map((c) => `${c.label} (${c.size})`),
      superConnectors: json.superConnectors.slice(0, 10).map((s) => `${s.name} ${s.score.toFixed(2)}`),
    };
    await expect(JSON.stringify(summary, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/sample-summary.snap');
  });
});
