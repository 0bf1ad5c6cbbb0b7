import { describe, expect, it } from 'vitest';
import { getCellText, sortPeople } from '../../src/ui/table';
import { makeView } from './view-fixture';

describe('sortPeople', () => {
  const view = makeView();
  const all = [0, 1, 2, 3, 4, 5];

  it('sorts by score, descending and ascending, ties by view order', () => {
    expect(sortPeople(view, all, { column: 'score', direction: 'descending' })).toEqual([0, 5, 2, 1, 3, 4]);
    expect(sortPeople(view, all, { column: 'score', direction: 'ascending' })).toEqual([4, 3, 1, 2, 5, 0]);
  });

  it('sorts text ignoring accents and case, empty cells last both ways', () => {
    expect(sortPeople(view, all, { column: 'name', direction: 'ascending' })).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sortPeople(view, all, { column: 'industry', direction: 'ascending' })).toEqual([3, 4, 1, 2, 0, 5]);
    expect(sortPeople(view, all, { column: 'industry', direction: 'descending' })).toEqual([1, 2, 3, 4, 0, 5]);
  });

  it('sorts only the given (filtered) indices and shows cluster labels', () => {
    expect(sortPeople(view, [3, 1], { column: 'company', direction: 'ascending' })).toEqual([3, 1]);
    expect(sortPeople(view, all, { column: 'cluster', direction: 'ascending' }).slice(0, 3)).toEqual([3, 4, 5]);
    expect(getCellText(view, 2, 'cluster')).toBe('Software · Berlin');
    expect(getCellText(view, 2, 'score')).toBe('0.70');
  });
});
