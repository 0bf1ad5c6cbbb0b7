import { beforeAll, describe, expect, it } from 'vitest';
import { getBundledVocabulary } from '../../../src/core/ask/bundled-vocabulary';
import {
  getEmptyParsedNeed,
  parseNeed,
  removeNeedChip,
  toNeedChips,
  toNeedLabel,
} from '../../../src/core/ask/parse-need';
import { toAskVocabulary, toStem, toTermKey, type AskVocabulary } from '../../../src/core/ask/vocabulary';
import { loadGazetteer } from '../../../src/io/gazetteer';

let vocab: AskVocabulary;
beforeAll(async () => {
  vocab = getBundledVocabulary(await loadGazetteer());
}, 60_000);

describe('term keys', () => {
  it('fold accents and case and stem plurals on both sides', () => {
    expect(toTermKey('Senior Tax Accountants')).toBe('senior tax accountant');
    expect(toTermKey('Comptables Agréés')).toBe('comptable agree');
    expect(toStem('companies')).toBe('company');
    expect(toStem('taxes')).toBe('tax');
    expect(toStem('business')).toBe('business');
    expect(toStem('cpa')).toBe('cpa');
  });
});

describe('parseNeed with the bundled vocabulary and the gazetteer', () => {
  it('hire a React developer in Berlin', () => {
    const p = parseNeed('hire a React developer in Berlin', vocab);
    expect(p.role?.term).toBe('developer');
    expect(p.role?.expanded).toEqual(expect.arrayContaining(['engineer', 'programmer']));
    expect(p.place).toMatchObject({ city: 'Berlin', country: 'DE', label: 'Berlin' });
    expect(p.words).toEqual(['react']);
  });

  it('an accountant in Southern California', () => {
    const p = parseNeed('an accountant in Southern California', vocab);
    expect(p.role?.expanded).toEqual(expect.arrayContaining(['accountant', 'cpa', 'auditor', 'bookkeeper', 'tax']));
    expect(p.place).toMatchObject({ regionId: 'southern-california', label: 'Southern California' });
    expect(p.words).toEqual([]);
    expect(toNeedLabel(p)).toBe('role: accountant · place: Southern California');
  });

  it('distributors in Brazil: an industry and a country', () => {
    const p = parseNeed('distributors in Brazil', vocab);
    expect(p.industry?.expanded).toEqual(expect.arrayContaining(['wholesale', 'distributor']));
    expect(p.place).toMatchObject({ country: 'BR', label: 'Brazil' });
    expect(p.place?.city).toBeUndefined();
  });

  it('someone who knows biotech investors in Boston', () => {
    const p = parseNeed('someone who knows biotech investors in Boston', vocab);
    expect(p.industry?.term).toBe('biotech');
    expect(p.role?.expanded).toEqual(expect.arrayContaining(['investor', 'vc']));
    expect(p.place).toMatchObject({ city: 'Boston', country: 'US' });
    expect(p.words).toEqual([]);
  });

  it('lawyer in London: synonyms and a city', () => {
    const p = parseNeed('lawyer in London', vocab);
    expect(p.role?.expanded).toEqual(expect.arrayContaining(['solicitor', 'attorney', 'counsel']));
    expect(p.place).toMatchObject({ city: 'London', country: 'GB' });
  });

  it('a region alias, a place without a preposition, and accents', () => {
    expect(parseNeed('CPA in SoCal', vocab).place?.regionId).toBe('southern-california');
    expect(parseNeed('accountants São Paulo', vocab).place).toMatchObject({ city: 'São Paulo', country: 'BR' });
    expect(parseNeed('engineers DACH', vocab).place?.regionId).toBe('dach');
  });

  it('keeps unknown words as plain words and never takes a trade for a place', () => {
    const p = parseNeed('someone in marketing', vocab);
    expect(p.place).toBeUndefined();
    expect(p.role?.term ?? p.industry?.term).toBe('marketing');
    const q = parseNeed('kubernetes consultant', vocab);
    expect(q.words).toEqual(['kubernetes']);
    expect(q.role?.term).toBe('consultant');
  });
});

describe('parseNeed without a gazetteer', () => {
  it('takes the words after "in" as place text and uses a planted vocabulary', () => {
    const v = toAskVocabulary({ synonyms: { groups: [{ terms: ['plumber', 'pipefitter'], family: 'trades' }] } });
    const p = parseNeed('a pipefitter in Springfield', v);
    expect(p.role).toEqual({ term: 'pipefitter', expanded: ['pipefitter', 'plumber'], family: 'trades' });
    expect(p.place).toEqual({ text: 'Springfield', label: 'Springfield', city: 'Springfield' });
  });
});

describe('chips', () => {
  it('lists the facets and removes one without touching the rest', () => {
    const p = parseNeed('hire a React developer in Berlin', vocab);
    expect(toNeedChips(p)).toEqual([
      { facet: 'role', label: 'developer' },
      { facet: 'place', label: 'Berlin' },
      { facet: 'word', label: 'react' },
    ]);
    const q = removeNeedChip(p, 'place');
    expect(q.place).toBeUndefined();
    expect(q.role).toEqual(p.role);
    expect(p.place?.city).toBe('Berlin');
    expect(removeNeedChip(p, 'word', 'react').words).toEqual([]);
    expect(toNeedChips(getEmptyParsedNeed())).toEqual([]);
  });
});
