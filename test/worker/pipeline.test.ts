// The worker's pipeline, run in Node on the committed sample and on a tiny export: what the page
// receives must be complete, consistent and free of anything but LinkedIn profile links.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/worker/pipeline';
import type { WorkerFile } from '../../src/worker/protocol';

function readTree(root: string, prefix = 'sample'): WorkerFile[] {
  const out: WorkerFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.csv'))
        out.push({ path: `${prefix}/${relative(root, path)}`, bytes: readFileSync(path) });
    }
  };
  walk(root);
  return out;
}

const settings = { seed: 1, resolution: 1 };

describe('the pipeline on a single small export', () => {
  it('gives the owner, 12 people, one hidden row, and a view whose arrays agree', async () => {
    const files = [{ path: 'Connections.csv', bytes: readFileSync('test/fixtures/browser/Connections.csv') }];
    const stages: string[] = [];
    const view = await createSession().analyze(files, settings, { onProgress: (s) => stages.push(s) });
    if (view === 'cancelled') throw new Error('cancelled');
    expect(view.people).toHaveLength(13);
    expect(view.people.filter((p) => p.ownerId)).toHaveLength(1);
    expect(Object.values(view.hidden)).toEqual([1]);
    expect(view.positions).toHaveLength(26);
    expect(view.edges.source.length).toBe(view.edges.target.length);
    for (const i of view.edges.source) expect(i).toBeLessThan(13);
    expect(stages[0]).toBe('read');
    expect(stages.at(-1)).toBe('done');
    for (const p of view.people) if (p.url) expect(p.url.startsWith('https://www.linkedin.com/in/')).toBe(true);
  });

  it('stops when cancelled and says so', async () => {
    const files = [{ path: 'Connections.csv', bytes: readFileSync('test/fixtures/browser/Connections.csv') }];
    let calls = 0;
    const result = await createSession().analyze(files, settings, { isCancelled: () => ++calls > 2 });
    expect(result).toBe('cancelled');
  });
});

describe('the pipeline on the committed sample', () => {
  it('reads three owners, finds named clusters and super-connectors, and re-clusters without re-reading', async () => {
    const session = createSession();
    const view = await session.analyze(readTree('data/sample'), settings);
    if (view === 'cancelled') throw new Error('cancelled');
    expect(view.owners).toHaveLength(3);
    expect(view.people.length).toBeGreaterThan(3000);
    expect(view.clusters.length).toBeGreaterThanOrEqual(8);
    expect(view.superConnectors.length).toBeGreaterThan(10);
    expect(view.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const finer = await session.recluster({ seed: 1, resolution: 2 });
    if (finer === 'cancelled') throw new Error('cancelled');
    expect(finer.people.length).toBe(view.people.length);
    expect(finer.clusters.length).toBeGreaterThanOrEqual(view.clusters.length);
  });
});
