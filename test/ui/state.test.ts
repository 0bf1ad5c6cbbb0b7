// The page's view of a network that is ranked after it is shown: scores fill a new view of the same network.
import { describe, expect, it } from 'vitest';
import { isSameNetwork, setViewScores } from '../../src/ui/state';
import { makeView } from './view-fixture';

describe('scores that arrive after the map', () => {
  it('make a new view of the same network, with a new people array of the same people, rescored', () => {
    const view = { ...makeView(), ranked: false, superConnectors: [] };
    const scores = Float32Array.from(view.people, (_p, i) => i / 10);
    const next = setViewScores(view, { scores, superConnectors: [{ index: 2, score: 0.2, why: ['bridges'] }], ms: 1 });
    expect(next).not.toBe(view);
    expect(next.people).not.toBe(view.people);
    expect(next.people.every((p, i) => p === view.people[i])).toBe(true);
    expect(next.ranked).toBe(true);
    expect(view.ranked).toBe(false);
    expect(next.people.map((p) => p.score)).toEqual(Array.from(scores));
    expect(next.superConnectors).toEqual([{ index: 2, score: 0.2, why: ['bridges'] }]);
    expect(view.superConnectors).toEqual([]);
    expect(isSameNetwork(next, view)).toBe(true);
    expect(isSameNetwork(makeView(), view)).toBe(false);
    expect(isSameNetwork(undefined, view)).toBe(false);
    expect(isSameNetwork(undefined, undefined)).toBe(true);
    // No changes in the update: the view's are kept.
    expect(next.changes).toBe(view.changes);
  });

  it('bring what changed since the previous import when the update has it', () => {
    const view = { ...makeView(), ranked: false, superConnectors: [] };
    const changes = [
      {
        ownerId: 'owner:a',
        added: [],
        changed: [],
        removed: [{ id: 'p', name: 'Pat Lee' }],
        unchanged: 4,
        matchedByName: 0,
      },
    ];
    const scores = Float32Array.from(view.people, () => 0);
    const next = setViewScores(view, { scores, superConnectors: [], estimate: true, ms: 1, changes });
    expect(next.changes).toEqual(changes);
    expect(view.changes).toEqual([]);
    expect(isSameNetwork(next, view)).toBe(true);
  });
});
