// The person panel as scores come in (a first estimate, then the final ones, each a new view of the same
// network): only the score line and the reasons change, in place, so a keyboard user's focus in the panel stays
// where it is; another person or another network draws the panel anew.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkExplanation } from '../../src/core/analysis/explain-link';
import { createActions } from '../../src/ui/actions';
import { getEmptyAppState, type AppState } from '../../src/ui/state';
import { createStore } from '../../src/ui/store';
import { mountPerson } from '../../src/ui/views';
import type { AnalysisClient, ScoresUpdate } from '../../src/worker/client';
import type { NetworkView } from '../../src/worker/protocol';
import { installDom } from './dom-shim';
import { makeView } from './view-fixture';

let uninstall: () => void;
beforeAll(() => (uninstall = installDom()));
afterAll(() => uninstall());

/** A client with no worker: its links wait until the test answers them; scores come through `onScores`. */
function makeClient() {
  const asked: { person: string; answer(links: LinkExplanation[]): void }[] = [];
  const client: AnalysisClient = {
    stopLayout() {},
    drawn() {},
    links: (person) => new Promise((answer) => asked.push({ person, answer })),
    ask: () => Promise.reject(new Error('not in this test')),
    analyze: () => Promise.reject(new Error('not in this test')),
    recluster: () => Promise.reject(new Error('not in this test')),
    cancel() {},
    dispose() {},
  };
  return { client, asked };
}

/** The fixture as first shown: not ranked yet (no scores, no super-connectors). */
function makeUnranked(): NetworkView {
  const view = makeView();
  for (const p of view.people) p.score = 0;
  return { ...view, ranked: false, superConnectors: [] };
}

/** Scores for the fixture's six people: Chloé (index 2) is the 3rd, then the 1st. */
function makeScores(chloe: number, estimate: boolean): ScoresUpdate {
  return {
    scores: Float32Array.from([0.9, 0.5, chloe, 0.2, 0.1, 0.8]),
    superConnectors: [{ index: 2, score: chloe, why: [estimate ? 'bridges 2 clusters' : 'bridges 2 clusters, final'] }],
    estimate,
    ms: 1,
  };
}

function mount(view: NetworkView, selected: number) {
  const empty = getEmptyAppState();
  const store = createStore<AppState>({ ...empty, view, choices: { ...empty.choices, selected } });
  const { client, asked } = makeClient();
  const actions = createActions(store, client);
  const el = document.createElement('aside');
  document.body.append(el);
  const dispose = mountPerson(el, { store, actions, frame: () => {} });
  // Found by what they say, not by class, as a reader finds them.
  const scoreText = () =>
    Array.from(el.querySelectorAll('div'))
      .find((f) => f.querySelector('dt')?.textContent === 'Super-connector score')
      ?.querySelector('dd')?.textContent;
  const reasons = () =>
    Array.from(el.querySelectorAll('section')).find(
      (s) => s.querySelector('h3')?.textContent === 'Why a super-connector',
    );
  const button = (text: string) => Array.from(el.querySelectorAll('button')).find((b) => b.textContent === text);
  return { store, client, asked, el, dispose, scoreText, reasons, button };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the person panel, when scores come', () => {
  it('keeps the focus where it is and changes the score text in place, first estimate then final', async () => {
    const { store, client, asked, el, dispose, scoreText, reasons, button } = mount(makeUnranked(), 2);
    expect(el.querySelector('h2')?.textContent).toBe('Chloé Marsh');
    expect(scoreText()).toBe('being computed…');
    expect(el.textContent).not.toContain('Why a super-connector');
    const article = el.querySelector('article');
    const clear = button('Clear selection')!;
    clear.focus();
    expect(document.activeElement).toBe(clear);

    // The first estimate, through the store as the worker's client delivers it.
    client.onScores!(makeScores(0.7, true));
    expect(store.get().view?.estimate).toBe(true);
    expect(scoreText()).toBe('0.70 (#3 of 6, first estimate, refining…)');
    expect(document.activeElement).toBe(clear);
    expect(el.querySelector('article')).toBe(article);
    expect(reasons()?.textContent).toBe('Why a super-connectorbridges 2 clusters');

    // The links asked for before the scores came still arrive (the panel was not redrawn: no second request).
    expect(asked.map((a) => a.person)).toEqual(['id-Chloé Marsh']);
    asked[0]!.answer([
      { id: 'o1', name: 'Ana Owner', kinds: ['connection'], weight: 1, evidence: ['in Ana’s export'] },
    ]);
    await flush();
    const link = button('Ana Owner')!;
    expect(link).toBeDefined();
    link.focus();
    expect(document.activeElement).toBe(link);

    // The final scores: the focus stays on the link, the score is final.
    client.onScores!(makeScores(0.95, false));
    expect(store.get().view?.estimate).toBe(false);
    expect(scoreText()).toBe('0.95 (#1 of 6)');
    expect(document.activeElement).toBe(link);
    expect(el.querySelector('article')).toBe(article);
    expect(reasons()?.textContent).toBe('Why a super-connectorbridges 2 clusters, final');
    expect(asked).toHaveLength(1);
    dispose();
  });

  it('removes the reasons in place when the final ranking no longer lists the person', () => {
    const { client, dispose, scoreText, reasons, button } = mount(makeUnranked(), 2);
    client.onScores!(makeScores(0.7, true));
    const clear = button('Clear selection')!;
    clear.focus();
    client.onScores!({ ...makeScores(0.3, false), superConnectors: [{ index: 0, score: 0.9, why: ['owner'] }] });
    expect(reasons()).toBeUndefined();
    expect(scoreText()).toBe('0.30 (#4 of 6)');
    expect(document.activeElement).toBe(clear);
    dispose();
  });

  it('updates the score of a person only hovered too', () => {
    const { store, client, el, dispose, scoreText } = mount(makeUnranked(), 2);
    store.update((s) => ({ ...s, choices: { ...s.choices, selected: undefined, hovered: 3 } }));
    const article = el.querySelector('article');
    expect(el.querySelector('h2')?.textContent).toBe('Dario Fenn');
    client.onScores!(makeScores(0.7, true));
    expect(scoreText()).toBe('0.20 (#5 of 6, first estimate, refining…)');
    expect(el.querySelector('article')).toBe(article);
    dispose();
  });

  it('draws the panel anew for another person or another network', () => {
    const { store, el, dispose, button } = mount(makeView(), 2);
    const first = el.querySelector('article');
    button('Clear selection')!.focus();
    store.update((s) => ({ ...s, choices: { ...s.choices, selected: 1 } }));
    const second = el.querySelector('article');
    expect(second).not.toBe(first);
    expect(el.querySelector('h2')?.textContent).toBe('Björn Quill');
    // A new analysis (new links, even with the same people and selection) is another network.
    store.update((s) => ({ ...s, view: makeView() }));
    expect(el.querySelector('article')).not.toBe(second);
    expect(el.querySelector('h2')?.textContent).toBe('Björn Quill');
    dispose();
  });
});
