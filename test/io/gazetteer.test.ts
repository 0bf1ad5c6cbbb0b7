import { describe, expect, it } from 'vitest';
import gazetteerData from '../../data/gazetteer.json';
import regionsData from '../../data/regions.json';
import { createGazetteer, type GazetteerData, type RegionsData } from '../../src/core/enrich/gazetteer';
import { loadGazetteer } from '../../src/io/gazetteer';

describe('loadGazetteer', () => {
  it('builds the gazetteer once and keeps it for the next runs, with the answers of a new one', async () => {
    // The worker analyses the start sample first, so the files a user then opens find the gazetteer built.
    const first = await loadGazetteer();
    const second = await loadGazetteer();
    expect(second).toBe(first);
    const fresh = createGazetteer(gazetteerData as unknown as GazetteerData, regionsData as unknown as RegionsData);
    for (const text of ['San Diego, California, United States', 'Greater Boston', 'München, Bayern', 'SoCal', '東京'])
      expect(second.resolvePlace(text)).toEqual(fresh.resolvePlace(text));
    expect(second.getRegion('Bay Area')).toEqual(fresh.getRegion('Bay Area'));
  }, 60_000);
});
