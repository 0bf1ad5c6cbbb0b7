/**
 * When the search box builds its index in the background: once the new network's map and first scores are on
 * screen, not while the map is built or bridging runs (its slices would take the time from them), once per network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActions } from '../../src/ui/actions';
import { mountSearch } from '../../src/ui/search';
import { getEmptyAppState, setViewScores, type AppState } from '../../src/ui/state';
import { createStore } from '../../src/ui/store';
import type { AnalysisClient } from '../../src/worker/client';
import type { NetworkView } from '../../src/worker/protocol';
import { installDom } from './dom-shim';
import { makeView } from './view-fixture';

const g = globalThis as {
  requestAnimationFrame?: unknown;
  requestIdleCallback?: unknown;
  cancelIdleCallback?: unknown;
};
const idle: (() => void)[] = [];
let uninstall: () => void;
const before = {
  requestAnimationFrame: g.requestAnimationFrame,
  requestIdleCallback: g.requestIdleCallback,
  cancelIdleCallback: g.cancelIdleCallback,
};
beforeAll(() => {
  uninstall = installDom();
  // A page: frames exist, and idle callbacks run when the test says.
  g.requestAnimationFrame = () => 0;
  g.requestIdleCallback = (run: () => void) => idle.push(run);
  g.cancelIdleCallback = () => undefined;
});
afterAll(() => {
  uninstall();
  Object.assign(g, before);
});

const client: AnalysisClient = {
  stopLayout() {},
  drawn() {},
  links: () => Promise.reject(new Error('not in this test')),
  ask: () => Promise.reject(new Error('not in this test')),
  analyze: () => Promise.reject(new Error('not in this test')),
  recluster: () => Promise.reject(new Error('not in this test')),
  cancel() {},
  dispose() {},
};

describe('the search index, built in the background', () => {
  it('waits for the network to be drawn with its first scores, then builds once for it', async () => {
    const unranked = (): NetworkView => ({ ...makeView(), ranked: false, superConnectors: [] });
    const scores = { scores: new Float32Array(6), superConnectors: [], ms: 1 };
    const view = unranked();
    const store = createStore<AppState>({ ...getEmptyAppState(), view });
    const actions = createActions(store, client);
    const el = document.createElement('div');
    document.body.append(el);
    const dispose = mountSearch(el, { store, actions, frame: () => {} });
    expect(idle).toHaveLength(0);

    // Drawn, not ranked yet: bridging's threads have the cores.
    actions.mapDrawn();
    expect(store.get().drawn).toBe(view);
    expect(idle).toHaveLength(0);
    store.update((s) => ({ ...s, view: setViewScores(view, { ...scores, estimate: true }) }));
    expect(idle).toHaveLength(1);
    idle.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 20));

    // The final scores come, and the map is drawn again: the same network, no second index.
    store.update((s) => ({ ...s, view: setViewScores(s.view!, { ...scores, estimate: false }) }));
    actions.mapDrawn();
    expect(idle).toHaveLength(0);

    // A new network waits for its own map and scores.
    const next = { ...unranked(), edges: { ...view.edges, source: view.edges.source.slice() } };
    store.update((s) => ({ ...s, view: next }));
    store.update((s) => ({ ...s, view: setViewScores(next, { ...scores, estimate: true }) }));
    expect(idle).toHaveLength(0);
    actions.mapDrawn();
    expect(idle).toHaveLength(1);
    dispose();
  });
});
