import { describe, expect, it } from 'vitest';
import { buildPeopleSearch, createPeopleSearch } from '../../src/ui/search';
import { makeView } from './view-fixture';

describe('createPeopleSearch', () => {
  const view = makeView();
  const s = createPeopleSearch(view);

  it('finds by name, accent-insensitive both ways', () => {
    expect(s.search('chloe')[0]).toBe(2);
    expect(s.search('Chloé')[0]).toBe(2);
    expect(s.search('BJORN')[0]).toBe(1);
  });

  it('matches prefixes and small typos', () => {
    expect(s.search('dar')).toContain(3);
    expect(s.search('Marsch')).toContain(2); // one edit from "marsh"
  });

  it('searches company, position and place, and ANDs words', () => {
    expect(s.search('orbit').sort()).toEqual([2, 3]);
    expect(s.search('analyst')).toEqual([3]);
    expect(s.search('munich')).toEqual([2]);
    expect(s.search('orbit designer')).toEqual([2]);
  });

  it('ranks a name match above a company match and respects the limit', () => {
    const v = makeView();
    v.people[3] = { ...v.people[3]!, company: { value: 'Quill Partners', source: 'export' } };
    const results = createPeopleSearch(v).search('quill');
    expect(results[0]).toBe(1);
    expect(results).toContain(3);
    expect(createPeopleSearch(v).search('quill', 1)).toEqual([1]);
  });

  it('returns nothing for a blank query or an unknown word', () => {
    expect(s.search('   ')).toEqual([]);
    expect(s.search('xylophone')).toEqual([]);
  });
});

describe('buildPeopleSearch', () => {
  it('builds in chunks an index that answers as the one built in one go', async () => {
    const view = makeView();
    const whole = createPeopleSearch(view);
    const chunked = await buildPeopleSearch(view, { chunkSize: 2 });
    for (const q of ['chloe', 'BJORN', 'dar', 'Marsch', 'berlin', 'nobody-here'])
      expect(chunked.search(q)).toEqual(whole.search(q));
  });

  it('builds by time slices too, yielding between them, one person at least per slice', async () => {
    const view = makeView();
    const whole = createPeopleSearch(view);
    // Count the tasks that ran while it built: a tick that re-schedules itself on the same queue the build
    // yields to (`nextTask` is `setImmediate` in Node). A timer would not do: a fast build can finish inside
    // the 1 ms a timer waits at least, and the count would be 0 with every yield made.
    let yielded = 0;
    let counting = true;
    const tick = (): void => {
      if (!counting) return;
      yielded++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const sliced = await buildPeopleSearch(view, { sliceMs: 0 });
    counting = false;
    expect(yielded).toBeGreaterThan(0);
    for (const q of ['chloe', 'BJORN', 'dar', 'Marsch', 'berlin', 'nobody-here'])
      expect(sliced.search(q)).toEqual(whole.search(q));
  });
});
