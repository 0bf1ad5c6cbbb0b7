/**
 * When the search box builds its index in the background: after the new network's map is on screen, not while
 * the map is built (its slices would share the page with the map's own), and once per network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActions } from '../../src/ui/actions';
import { mountSearch } from '../../src/ui/search';
import { getEmptyAppState, setViewScores, type AppState } from '../../src/ui/state';
import { createStore } from '../../src/ui/store';
import type { AnalysisClient } from '../../src/worker/client';
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
  it('waits for the map of the network to be drawn, then builds once for it', async () => {
    const view = makeView();
    const store = createStore<AppState>({ ...getEmptyAppState(), view });
    const actions = createActions(store, client);
    const el = document.createElement('div');
    document.body.append(el);
    const dispose = mountSearch(el, { store, actions, frame: () => {} });
    expect(idle).toHaveLength(0);

    actions.mapDrawn();
    expect(store.get().drawn).toBe(view);
    expect(idle).toHaveLength(1);
    idle.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 20));

    // The scores come, and the map is drawn again: the same network, no second index.
    store.update((s) => ({
      ...s,
      view: setViewScores(view, { scores: new Float32Array(6), superConnectors: [], estimate: false, ms: 1 }),
    }));
    actions.mapDrawn();
    expect(idle).toHaveLength(0);

    // A new network waits for its own map.
    const next = { ...makeView(), edges: { ...view.edges, source: view.edges.source.slice() } };
    store.update((s) => ({ ...s, view: next }));
    expect(idle).toHaveLength(0);
    actions.mapDrawn();
    expect(idle).toHaveLength(1);
    dispose();
  });
});
