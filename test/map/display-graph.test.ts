import { describe, expect, it } from 'vitest';
import { buildDisplayGraph, buildDisplayGraphSteps, runSteps } from '../../src/map/display-graph';
import { OWNER_COLOR } from '../../src/map/palette';
import { makeView } from '../ui/view-fixture';

describe('buildDisplayGraph', () => {
  it('keys people by index, sizes owners 9 and the rest by score, and leaves owners’ links out', () => {
    const view = makeView();
    const graph = buildDisplayGraph(view);
    expect(graph.order).toBe(view.people.length);
    const owners = view.people.flatMap((p, i) => (p.ownerId ? [String(i)] : []));
    for (const key of owners) {
      expect(graph.getNodeAttribute(key, 'size')).toBe(9);
      expect(graph.getNodeAttribute(key, 'color')).toBe(OWNER_COLOR);
      expect(graph.degree(key)).toBe(0);
    }
    const top = view.people.reduce((b, p, i) => (!p.ownerId && p.score > (view.people[b]?.score ?? -1) ? i : b), -1);
    // 2.5 + 8 √(score / the highest score, owners' included).
    const max = Math.max(...view.people.map((p) => p.score));
    const expected = 2.5 + 8 * Math.sqrt(view.people[top]!.score / max);
    expect(graph.getNodeAttribute(String(top), 'size')).toBeCloseTo(expected, 5);
    graph.forEachEdge((_e, _a, s, t) => expect(owners.includes(s) || owners.includes(t)).toBe(false));
  });

  it('builds the same graph in steps of any size', () => {
    const view = makeView();
    const whole = buildDisplayGraph(view).export();
    for (const chunk of [1, 2, 5]) {
      const steps = buildDisplayGraphSteps(view, {}, chunk);
      let step = steps.next();
      let yields = 0;
      while (!step.done) {
        yields++;
        step = steps.next();
      }
      expect(step.value.export()).toEqual(whole);
      // Two stages, then the people and the links in chunks.
      expect(yields).toBeGreaterThanOrEqual(2 + Math.ceil(view.people.length / chunk));
    }
  });
});

describe('runSteps', () => {
  function* count(to: number, seen: number[]) {
    for (let i = 0; i < to; i++) {
      seen.push(i);
      yield;
    }
    return 'done';
  }

  it('runs every step and resolves with the result', async () => {
    const seen: number[] = [];
    await expect(runSteps(count(5, seen), () => true, 0)).resolves.toBe('done');
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops, resolving undefined, once the result is no longer wanted', async () => {
    const seen: number[] = [];
    // One step per task (slices of 0 ms); no longer wanted after the third.
    const run = runSteps(count(100, seen), () => seen.length < 3, 0);
    await expect(run).resolves.toBeUndefined();
    expect(seen.length).toBe(3);
  });

  it('rejects when a step throws', async () => {
    function* failing(): Generator<void, string, void> {
      yield;
      throw new Error('bad step');
    }
    await expect(runSteps(failing(), () => true, 0)).rejects.toThrow('bad step');
  });
});
