// The analysis worker's messages, run in Node with a stand-in for the worker's global scope (Node has no nested
// Worker, so bridging runs in the worker's own thread, as in a browser without nested workers): the map, then a
// first estimate of the scores, then the final scores (those of a one-pass run), then, once the page says it has
// shown them, the layout.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePeople } from '../../src/worker/people-codec';
import {
  PEOPLE_PART,
  type PageMessage,
  type PersonView,
  type WorkerFile,
  type WorkerMessage,
} from '../../src/worker/protocol';
import { createSession } from '../../src/worker/pipeline';

function readSample(root = 'data/sample'): WorkerFile[] {
  const out: WorkerFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.csv')) out.push({ path: `sample/${relative(root, path)}`, bytes: readFileSync(path) });
    }
  };
  walk(root);
  return out;
}

const posted: WorkerMessage[] = [];
const scope = globalThis as unknown as {
  self?: { postMessage(m: WorkerMessage): void; onmessage?: (e: { data: PageMessage }) => Promise<void> };
};
const hadSelf = 'self' in globalThis;
const before = scope.self;
scope.self = { postMessage: (m) => void posted.push(m) };
afterAll(() => {
  if (hadSelf) scope.self = before;
  else delete scope.self;
});

const send = (data: PageMessage) => scope.self!.onmessage!({ data });
const until = async (test: () => boolean) => {
  while (!test()) await new Promise((ok) => setTimeout(ok, 10));
};

describe('the analysis worker', () => {
  it('posts the map, a first estimate of the scores, then the final scores, then the layout', async () => {
    await import('../../src/worker/analysis.worker');
    const settings = { seed: 1, resolution: 1 };
    const files = readSample();
    const run = send({
      type: 'analyze',
      id: 1,
      input: { kind: 'files', files: files.map((f) => ({ ...f })) },
      settings,
    });
    await until(() => posted.some((m) => m.type === 'result'));
    // The page drew the map: ranking starts.
    void send({ type: 'drawn', id: 1 });
    await until(() => posted.some((m) => m.type === 'scores' && !m.estimate));
    // The layout waits until the page says it has shown the final scores (a big map is built again for them).
    await new Promise((ok) => setTimeout(ok, 300));
    expect(posted.some((m) => m.type === 'layout')).toBe(false);
    void send({ type: 'drawn', id: 1 });
    await until(() => posted.some((m) => m.type === 'layout'));
    void send({ type: 'layout-stop', id: 1 });
    await run;
    const kinds = posted
      .filter((m) => m.type !== 'progress' && m.type !== 'people')
      .map((m) => (m.type === 'scores' ? `scores${m.estimate ? ' (estimate)' : ''}` : m.type));
    expect(kinds[0]).toBe('result');
    expect(kinds.slice(1, 3)).toEqual(['scores (estimate)', 'scores']);
    expect(kinds.at(-1)).toBe('layout');
    expect(kinds.slice(3).every((k) => k === 'layout')).toBe(true);
    const [estimate, final] = posted.filter((m) => m.type === 'scores');
    if (estimate?.type !== 'scores' || final?.type !== 'scores') throw new Error('no scores');
    expect(estimate.id).toBe(1);
    expect(estimate.superConnectors.length).toBeGreaterThan(10);
    expect(estimate.scores).not.toEqual(final.scores);
    // The final scores are the one-pass run's (the CLI's bridging).
    const single = await createSession().analyze(files, settings);
    if (single === 'cancelled') throw new Error('cancelled');
    expect(final.scores).toEqual(Float32Array.from(single.people, (p) => p.score));
    expect(final.superConnectors).toEqual(single.superConnectors);
    // The people came in parts before the view, which has none itself; joined, they are the run's people.
    const first = posted.findIndex((m) => m.type === 'people');
    const result = posted.findIndex((m) => m.type === 'result');
    const parts = posted.flatMap((m) => (m.type === 'people' ? [decodePeople(m.people)] : []));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(result);
    expect(parts.length).toBe(Math.ceil(single.people.length / PEOPLE_PART));
    expect(parts.every((part) => part.length <= PEOPLE_PART)).toBe(true);
    const view = posted[result];
    if (view?.type !== 'result') throw new Error('no result');
    expect(view.view.people).toEqual([]);
    // Everything but the scores, which came later (the parts hold -0 until then).
    const unscored = (people: PersonView[]) => people.map((p) => ({ ...p, score: 0 }));
    expect(unscored(parts.flat())).toEqual(unscored(single.people));
    expect(parts.flat().every((p) => Object.is(p.score, -0))).toBe(true);
    // A first import: nothing to compare, no changes sent.
    expect(posted.some((m) => m.type === 'scores' && m.changes)).toBe(false);
  });

  it("sends what changed since the previous import with the final scores, not with the map's view", async () => {
    // The same exports again, Maya's without her first connection: one diff per owner, with the final scores only.
    const files = readSample().map((f) => {
      if (!f.path.endsWith('maya-lindqvist/Connections.csv')) return f;
      const lines = new TextDecoder().decode(f.bytes).split('\n');
      lines.splice(lines.findIndex((l) => l.startsWith('First Name,')) + 1, 1);
      return { path: f.path, bytes: new TextEncoder().encode(lines.join('\n')) };
    });
    posted.length = 0;
    const run = send({ type: 'analyze', id: 2, input: { kind: 'files', files }, settings: { seed: 1, resolution: 1 } });
    await until(() => posted.some((m) => m.type === 'result'));
    void send({ type: 'drawn', id: 2 });
    await until(() => posted.some((m) => m.type === 'scores' && !m.estimate));
    void send({ type: 'drawn', id: 2 });
    void send({ type: 'layout-stop', id: 2 });
    await run;
    const result = posted.find((m) => m.type === 'result');
    const scores = posted.filter((m) => m.type === 'scores');
    if (result?.type !== 'result') throw new Error('no result');
    expect(result.view.changes).toEqual([]);
    expect(scores.map((m) => (m.type === 'scores' ? [m.estimate, m.changes?.length] : []))).toEqual([
      [true, undefined],
      [false, 3],
    ]);
    const changes = scores[1]?.type === 'scores' ? scores[1].changes! : [];
    expect(changes.flatMap((d) => d.removed.map((p) => p.name))).toEqual(['Rahul Iyer']);
  });
});
