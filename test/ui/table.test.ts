import { describe, expect, it } from 'vitest';
import {
  getCellText,
  getKeyTarget,
  getPageRows,
  getRowWindow,
  getScrollToReveal,
  sortPeople,
  TABLE_MOVE_KEYS,
} from '../../src/ui/table';
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

  it('shows and sorts by the cluster names as shown, renamed ones included', () => {
    const renamed = view.clusters.map((c, i) => (i === 1 ? 'Zebra friends' : c.label));
    expect(getCellText(view, 4, 'cluster', renamed)).toBe('Zebra friends');
    // By the automatic names cluster 1 comes first (above); renamed "Zebra friends", it comes last.
    const byName = sortPeople(view, all, { column: 'cluster', direction: 'ascending' }, renamed);
    expect(byName.slice(0, 3).map((i) => view.people[i]!.cluster)).toEqual([0, 0, 0]);
  });
});

describe('getRowWindow', () => {
  // 30,000 rows of 24 px in a 480 px viewport: 20 rows in view.
  const base = { rowCount: 30_000, rowHeight: 24, viewportHeight: 480, overscan: 0 };

  it('renders the rows in view at the top, none past the list', () => {
    expect(getRowWindow({ ...base, offset: 0 })).toEqual({ start: 0, end: 20 });
    // The body not yet reached (caption and header in view): still from row 0.
    expect(getRowWindow({ ...base, offset: -100 })).toEqual({ start: 0, end: 20 });
    expect(getRowWindow({ ...base, offset: 0, overscan: 5 })).toEqual({ start: 0, end: 25 });
  });

  it('follows the scroll position, counting partly shown rows, with overscan each side', () => {
    // 1,000 rows down exactly: rows 1000..1019.
    expect(getRowWindow({ ...base, offset: 24_000 })).toEqual({ start: 1000, end: 1020 });
    // Half a row further: row 1000 is half hidden, row 1020 half shown.
    expect(getRowWindow({ ...base, offset: 24_012 })).toEqual({ start: 1000, end: 1021 });
    expect(getRowWindow({ ...base, offset: 24_012, overscan: 8 })).toEqual({ start: 992, end: 1029 });
  });

  it('clamps at the end of the list and keeps at least one row', () => {
    expect(getRowWindow({ ...base, offset: 30_000 * 24 - 480, overscan: 8 })).toEqual({ start: 29_972, end: 30_000 });
    // Scrolled past the end (a stale position after the list shrank): the last rows, never an empty window.
    expect(getRowWindow({ ...base, rowCount: 10, offset: 24_000 })).toEqual({ start: 9, end: 10 });
    expect(getRowWindow({ ...base, rowCount: 0, offset: 0 })).toEqual({ start: 0, end: 0 });
    expect(getRowWindow({ ...base, rowCount: 3, offset: 0, overscan: 8 })).toEqual({ start: 0, end: 3 });
  });

  it('keeps the DOM small whatever the list size', () => {
    for (const offset of [0, 123_456, 719_520]) {
      const w = getRowWindow({ ...base, offset, overscan: 8 });
      expect(w.end - w.start).toBeLessThanOrEqual(20 + 1 + 16);
    }
  });
});

describe('getKeyTarget', () => {
  it('moves one row, a page, or to either end, clamped to the list', () => {
    expect(getKeyTarget('ArrowDown', 0, 100, 10)).toBe(1);
    expect(getKeyTarget('ArrowUp', 5, 100, 10)).toBe(4);
    expect(getKeyTarget('ArrowUp', 0, 100, 10)).toBe(0);
    expect(getKeyTarget('ArrowDown', 99, 100, 10)).toBe(99);
    expect(getKeyTarget('PageDown', 5, 100, 10)).toBe(15);
    expect(getKeyTarget('PageDown', 95, 100, 10)).toBe(99);
    expect(getKeyTarget('PageUp', 15, 100, 10)).toBe(5);
    expect(getKeyTarget('PageUp', 3, 100, 10)).toBe(0);
    expect(getKeyTarget('Home', 42, 100, 10)).toBe(0);
    expect(getKeyTarget('End', 42, 30_000, 10)).toBe(29_999);
  });

  it('ignores other keys and empty lists, and a page is at least one row', () => {
    expect(getKeyTarget('a', 3, 100, 10)).toBeUndefined();
    expect(getKeyTarget('Enter', 3, 100, 10)).toBeUndefined();
    for (const key of TABLE_MOVE_KEYS) expect(getKeyTarget(key, 0, 0, 10)).toBeUndefined();
    expect(getKeyTarget('PageDown', 3, 100, 0)).toBe(4);
  });
});

describe('getPageRows', () => {
  it('is the rows that fit under the sticky header, less one, at least one', () => {
    expect(getPageRows(480, 24, 24)).toBe(18);
    expect(getPageRows(30, 24, 24)).toBe(1);
    expect(getPageRows(480, 0, 0)).toBe(1);
  });
});

describe('getScrollToReveal', () => {
  // Body starts 60 px down (caption + header); 24 px rows; 480 px viewport; 24 px sticky header.
  const base = { rowHeight: 24, bodyTop: 60, viewportHeight: 480, headerHeight: 24 };

  it('does not scroll when the row is already shown whole', () => {
    expect(getScrollToReveal({ ...base, row: 0, scrollTop: 0 })).toBe(0);
    expect(getScrollToReveal({ ...base, row: 10, scrollTop: 100 })).toBe(100);
  });

  it('scrolls down just enough to show a row below the viewport at the bottom', () => {
    // Row 20 spans 540..564; the viewport ends at 480: scroll by 84.
    expect(getScrollToReveal({ ...base, row: 20, scrollTop: 0 })).toBe(84);
    expect(getScrollToReveal({ ...base, row: 29_999, scrollTop: 0 })).toBe(60 + 30_000 * 24 - 480);
  });

  it('scrolls up so a row above the viewport shows just under the sticky header', () => {
    // Row 100 starts at 2460; the header covers 24 px: scrollTop 2436.
    expect(getScrollToReveal({ ...base, row: 100, scrollTop: 5000 })).toBe(2436);
    // A row hidden under the header counts as not shown.
    expect(getScrollToReveal({ ...base, row: 100, scrollTop: 2450 })).toBe(2436);
    expect(getScrollToReveal({ ...base, row: 0, scrollTop: 5000 })).toBe(36);
    expect(getScrollToReveal({ row: 0, rowHeight: 24, bodyTop: 0, viewportHeight: 480, scrollTop: 50 })).toBe(0);
  });
});
