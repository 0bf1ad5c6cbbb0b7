import { describe, expect, it } from 'vitest';
import { getScoreText } from '../../src/ui/views';
import { makeView } from './view-fixture';

describe('getScoreText', () => {
  const view = makeView();

  it("gives a person's score and rank among everyone on the map", () => {
    // By score, the fixture's people rank 0, 5, 2, 1, 3, 4 (test/ui/table.test.ts).
    const n = view.people.length;
    expect(getScoreText(view, 0)).toBe(`${view.people[0]!.score.toFixed(2)} (#1 of ${n})`);
    expect(getScoreText(view, 2)).toBe(`0.70 (#3 of ${n})`);
  });

  it('says a score from the first estimate is one, being refined', () => {
    expect(getScoreText({ ...view, estimate: true }, 2)).toBe(
      `0.70 (#3 of ${view.people.length}, first estimate, refining…)`,
    );
  });

  it('says the score is being computed until the ranking arrives', () => {
    expect(getScoreText({ ...view, ranked: false }, 2)).toBe('being computed…');
  });
});
