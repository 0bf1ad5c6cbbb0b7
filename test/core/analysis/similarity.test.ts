import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FacetToken } from '../../../src/core/analysis/facets';
import { getFacetTokens, toCompanyKey, toEmailDomain } from '../../../src/core/analysis/facets';
import { computeSimilarPairs } from '../../../src/core/analysis/similarity';

const tok = (...tokens: string[]): FacetToken[] =>
  tokens.map((t) => ({ token: t, label: t.split(':')[1] ?? t, weight: 1 }));

describe('computeSimilarPairs', () => {
  it('links people sharing rare attributes, not those sharing only what everyone has', () => {
    const people = [
      tok('industry:biotech', 'city:boston', 'country:us'),
      tok('industry:biotech', 'city:boston', 'country:us'),
      tok('industry:accounting', 'city:san diego', 'country:us'),
      tok('industry:accounting', 'city:san diego', 'country:us'),
    ];
    const pairs = computeSimilarPairs(people, { minSimilarity: 0.1 });
    expect(pairs.map((p) => [p.a, p.b])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(pairs[0]?.cosine).toBeCloseTo(1, 9);
    expect(pairs[0]?.terms.sort()).toEqual(['biotech', 'boston']);
  });

  it('keeps at most k per person and stays sparse when a token is everywhere (windowed postings)', () => {
    const people = Array.from({ length: 500 }, (_, i) => tok('country:us', `industry:i${i % 10}`, `city:c${i % 7}`));
    const pairs = computeSimilarPairs(people, { k: 3, maxPostings: 40, minSimilarity: 0.3 });
    const degree = new Map<number, number>();
    for (const p of pairs) {
      degree.set(p.a, (degree.get(p.a) ?? 0) + 1);
      degree.set(p.b, (degree.get(p.b) ?? 0) + 1);
      expect(p.a % 10 === p.b % 10 || p.a % 7 === p.b % 7).toBe(true);
    }
    expect(pairs.length).toBeLessThanOrEqual(500 * 3);
    expect(degree.size).toBe(500);
    expect(computeSimilarPairs(people, { k: 3, maxPostings: 40 })).toEqual(
      computeSimilarPairs(people, { k: 3, maxPostings: 40 }),
    );
  });

  it('orders long posting lists by token signatures compared as text, as the string-joining version did', () => {
    // 40 tokens (ids past 9, so '10' < '9' as text), long lists windowed; some tokens left out, so some
    // signatures are prefixes of others. The digest is that of the version that joined ids into strings and
    // sorted those (SHA-256 of the pairs as JSON); ordering ids as numbers gives other pairs (850, not 857).
    const people = Array.from({ length: 400 }, (_, i) =>
      [
        `country:c${i % 3}`,
        `industry:i${(i * 7) % 13}`,
        `city:t${(i * 5) % 11}`,
        `role:r${(i * 3) % 9}`,
        `position:p${i % 4}`,
      ]
        .filter((_, j) => (i + j) % 5 !== 0)
        .map((token, j) => ({ token, label: token, weight: j === 0 ? 0.3 : 1 })),
    );
    const pairs = computeSimilarPairs(people, { k: 3, maxPostings: 30, minSimilarity: 0.2 });
    expect(pairs).toHaveLength(857);
    expect(createHash('sha256').update(JSON.stringify(pairs)).digest('hex').slice(0, 16)).toBe('e67826697c45bfc7');
  });
});

describe('facets', () => {
  it('normalises company names and drops non-companies', () => {
    expect(toCompanyKey('Acme, Inc.')).toBe('acme');
    expect(toCompanyKey('ACME')).toBe('acme');
    expect(toCompanyKey('Müller GmbH & Co. KG')).toBe('muller');
    expect(toCompanyKey('Self-employed')).toBeUndefined();
    expect(toCompanyKey('Stealth Startup')).toBeUndefined();
    expect(toCompanyKey('Confidential')).toBeUndefined();
    expect(toCompanyKey('Freelance')).toBeUndefined();
  });

  it('keeps company e-mail domains, drops webmail', () => {
    expect(toEmailDomain('eve@Globex.com')).toBe('globex.com');
    expect(toEmailDomain('gus@gmail.com')).toBeUndefined();
    expect(toEmailDomain('not-an-email')).toBeUndefined();
  });

  it('makes weighted tokens from facets', () => {
    expect(
      getFacetTokens({ industry: 'Biotech', city: 'Boston', positionTerms: ['scientist'] }).map((t) => t.token),
    ).toEqual(['industry:biotech', 'city:boston', 'position:scientist']);
  });
});
