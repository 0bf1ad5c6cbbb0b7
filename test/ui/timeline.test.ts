import { describe, expect, it } from 'vitest';
import { getEmptyFilters, toggleFacetValue } from '../../src/ui/filters';
import { computeTimelineBins, getBinLabel, getBrushedBins, setConnectedOnRange, toIsoDay } from '../../src/ui/timeline';
import { makeView } from './view-fixture';

describe('computeTimelineBins', () => {
  it('counts by year with empty years filled in', () => {
    const t = computeTimelineBins(makeView(), getEmptyFilters(), { unit: 'year' });
    expect(t.bins.map((b) => [b.key, b.count])).toEqual([
      ['2019', 2],
      ['2020', 1],
      ['2021', 1],
    ]);
    expect(t.undated).toBe(2);
    expect(t.bins[0]).toMatchObject({ from: '2019-01-01', to: '2019-12-31' });
  });

  it('counts by month (auto for a short span), month ends right', () => {
    const t = computeTimelineBins(makeView(), getEmptyFilters());
    expect(t.unit).toBe('month');
    expect(t.bins.length).toBe(28); // 2019-03 .. 2021-06
    expect(t.bins.find((b) => b.key === '2019-11')?.count).toBe(1);
    expect(t.bins.find((b) => b.key === '2020-02')?.to).toBe('2020-02-29');
    expect(t.bins.reduce((s, b) => s + b.count, 0)).toBe(4);
  });

  it('applies the other filters but not the date range itself', () => {
    const view = makeView();
    let f = toggleFacetValue(getEmptyFilters(), 'cluster', '1', true);
    f = setConnectedOnRange(f, '2019-01-01', '2019-12-31');
    const t = computeTimelineBins(view, f, { unit: 'year' });
    expect(t.bins.map((b) => b.count)).toEqual([0, 1, 1]);
  });
});

describe('brush helpers', () => {
  it('maps a range to bins and back', () => {
    const t = computeTimelineBins(makeView(), getEmptyFilters(), { unit: 'year' });
    expect(getBrushedBins(t.bins, { from: '2020-01-01', to: '2021-12-31' })).toEqual([1, 2]);
    expect(getBrushedBins(t.bins, { from: '2019', to: '2019' })).toEqual([0, 0]);
    expect(getBrushedBins(t.bins, {})).toBeUndefined();
    expect(getBrushedBins(t.bins, { from: '2030-01-01' })).toBeUndefined();
    expect(getBinLabel({ key: '2019-03', from: '', to: '', count: 0 }, 'month')).toBe('Mar 2019');
  });

  it('expands date prefixes to days', () => {
    expect(toIsoDay('2019', 'start')).toBe('2019-01-01');
    expect(toIsoDay('2019', 'end')).toBe('2019-12-31');
    expect(toIsoDay('2021-02', 'end')).toBe('2021-02-28');
    expect(toIsoDay('2021-02-10', 'end')).toBe('2021-02-10');
    expect(toIsoDay('', 'end')).toBeUndefined();
    expect(setConnectedOnRange(getEmptyFilters(), undefined, '2020').connectedOn).toEqual({ to: '2020' });
  });
});
