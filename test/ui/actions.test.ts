// Which input the view on screen came from (what "Remember on this device" stores), when loads overtake each
// other: a fake client resolves each analyze when the test says so.
import { describe, expect, it } from 'vitest';
import { createActions } from '../../src/ui/actions';
import { getEmptyAppState } from '../../src/ui/state';
import { createStore } from '../../src/ui/store';
import type { AnalysisClient } from '../../src/worker/client';
import type { NetworkView } from '../../src/worker/protocol';
import { makeView } from './view-fixture';

type Answer = { view: NetworkView; ms: number } | 'cancelled';

function createFakeClient() {
  const waiting: { kind: string; resolve(a: Answer): void }[] = [];
  let drawn = 0;
  const client = {
    stopLayout() {},
    drawn() {
      drawn++;
    },
    links: async () => [],
    ask: async () => 'superseded' as const,
    analyze: (input: { kind: string }) => new Promise<Answer>((resolve) => waiting.push({ kind: input.kind, resolve })),
    recluster: () => new Promise<Answer>(() => undefined),
    cancel() {},
    dispose() {},
  } satisfies AnalysisClient;
  return { client, waiting, drawn: () => drawn };
}

const file = { path: 'Connections.csv', bytes: new Uint8Array([1, 2, 3]) };

describe('createActions: the input of the view on screen', () => {
  it('is the files once they are drawn, and the worker is told so', async () => {
    const fake = createFakeClient();
    const { client, waiting } = fake;
    const actions = createActions(createStore(getEmptyAppState()), client);
    const loading = actions.loadFiles([file]);
    expect(actions.currentInput()).toBe('sample');
    waiting[0]!.resolve({ view: makeView(), ms: 1 });
    await loading;
    expect(actions.currentInput()).toEqual([file]);
    // Node has no frames: the worker is told the map is drawn at once.
    expect(fake.drawn()).toBe(1);
  });

  it('stays the files when the sample load they overtook ends after them', async () => {
    const { client, waiting } = createFakeClient();
    const actions = createActions(createStore(getEmptyAppState()), client);
    const sample = actions.loadSample();
    const files = actions.loadFiles([file]);
    expect(waiting.map((w) => w.kind)).toEqual(['sample', 'files']);
    waiting[1]!.resolve({ view: makeView(), ms: 1 });
    await files;
    // The sample's run was superseded: the worker says cancelled, after the files' view is on screen.
    waiting[0]!.resolve('cancelled');
    await sample;
    expect(actions.currentInput()).toEqual([file]);
  });

  it('stays the sample when a files load is cancelled', async () => {
    const { client, waiting } = createFakeClient();
    const actions = createActions(createStore(getEmptyAppState()), client);
    const sample = actions.loadSample();
    waiting[0]!.resolve({ view: makeView(), ms: 1 });
    await sample;
    const files = actions.loadFiles([file]);
    waiting[1]!.resolve('cancelled');
    await files;
    expect(actions.currentInput()).toBe('sample');
  });
});

describe('createActions: scores after the map, a first estimate then the final ones', () => {
  it('shows the first estimate, replaces it with the final scores, and never puts an estimate over them', async () => {
    const { client, waiting } = createFakeClient();
    const store = createStore(getEmptyAppState());
    const actions = createActions(store, client as AnalysisClient);
    const loading = actions.loadSample();
    waiting[0]!.resolve({ view: { ...makeView(), ranked: false, superConnectors: [] }, ms: 1 });
    await loading;
    const n = store.get().view!.people.length;
    const update = (score: number, estimate?: boolean) => ({
      scores: new Float32Array(n).fill(score),
      superConnectors: [{ index: 1, score, why: [] }],
      ms: 1,
      ...(estimate === undefined ? {} : { estimate }),
    });
    (client as AnalysisClient).onScores!(update(0.25, true));
    expect(store.get().view).toMatchObject({ ranked: true, estimate: true });
    expect(store.get().view!.people[0]!.score).toBe(0.25);
    const shown = store.get().view;
    (client as AnalysisClient).onScores!(update(0.5, false));
    expect(store.get().view).toMatchObject({ ranked: true, estimate: false });
    expect(store.get().view!.people[0]!.score).toBe(0.5);
    expect(store.get().view!.edges).toBe(shown!.edges);
    // A late estimate (or a second final) does not replace the final scores.
    const final = store.get().view;
    (client as AnalysisClient).onScores!(update(0.75, true));
    (client as AnalysisClient).onScores!(update(0.75, false));
    expect(store.get().view).toBe(final);
  });
});
