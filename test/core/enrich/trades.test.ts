import { describe, expect, it } from 'vitest';
import { createIndustryClassifier, expandTerm, getSynonyms, inferIndustry, inferRole } from '../../../src/core/enrich';
import { scoreTrades } from './score-trades';
import { TRADES } from './trades.table';

describe('industry and role family on the labelled table', () => {
  it('has at least 300 rows and reaches 85% on each', () => {
    expect(TRADES.length).toBeGreaterThanOrEqual(300);
    const { industryAccuracy, familyAccuracy, report } = scoreTrades(TRADES);
    console.log(`labelled trades: ${report}`);
    expect(industryAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(familyAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});

describe('inferIndustry', () => {
  it('reads company-name cues and ignores legal forms', () => {
    expect(inferIndustry('Smith & Jones LLP')?.value).toBe('legal');
    expect(inferIndustry('Coastal Realty')?.value).toBe('real-estate');
    expect(inferIndustry('Helios Therapeutics')?.value).toBe('biotech-pharma');
    expect(inferIndustry('Smith CPA')?.value).toBe('accounting');
    expect(inferIndustry('Acme GmbH')).toBeUndefined();
    expect(inferIndustry('Acme Inc.')).toBeUndefined();
    expect(inferIndustry(undefined, undefined)).toBeUndefined();
  });

  it('marks inferred values with source, evidence and confidence', () => {
    const r = inferIndustry('Coastal Realty', 'Agent');
    expect(r?.source).toBe('inferred');
    expect(r?.evidence).toContain('Coastal Realty');
    expect(r?.confidence).toBeGreaterThan(0);
    expect(r?.confidence).toBeLessThanOrEqual(0.9);
  });

  it('takes an enrichment value as written, mapped to the taxonomy when it names one', () => {
    expect(inferIndustry('Acme', 'CEO', 'Law Practice')).toMatchObject({
      value: 'legal',
      source: 'enrichment',
      confidence: 1,
    });
    expect(inferIndustry('Acme', 'CEO', 'Underwater Basket Weaving')).toMatchObject({
      value: 'Underwater Basket Weaving',
      source: 'enrichment',
    });
  });

  it('splits legal forms and the countries they point at', () => {
    const c = createIndustryClassifier();
    expect(c.splitLegalForm('Müller Maschinenbau GmbH')).toMatchObject({ name: 'muller maschinenbau', form: 'GmbH' });
    expect(c.splitLegalForm('Acme Sp. z o.o.').countries).toEqual(['PL']);
    expect(c.getIndustry('legal')?.id).toBe('legal');
    expect(c.getIndustry('Accounting')?.id).toBe('accounting');
  });
});

describe('inferRole', () => {
  it('finds family and seniority in several languages', () => {
    expect(inferRole('Geschäftsführer')?.value).toEqual({ family: 'leadership', seniority: 'c-level' });
    expect(inferRole('Directeur Commercial')?.value).toEqual({ family: 'sales', seniority: 'director' });
    expect(inferRole('Gerente de Ventas')?.value).toEqual({ family: 'sales', seniority: 'manager' });
    expect(inferRole('Senior Software Engineer')?.value).toEqual({ family: 'engineering', seniority: 'senior' });
    expect(inferRole('Founder & CEO @ X | Speaker | LION')?.value).toEqual({
      family: 'leadership',
      seniority: 'founder',
    });
    expect(inferRole('Marketing Intern')?.value).toEqual({ family: 'marketing', seniority: 'intern' });
    expect(inferRole('VP Sales')?.value).toEqual({ family: 'sales', seniority: 'vp' });
    expect(inferRole('Partner')?.value).toEqual({ family: 'leadership', seniority: 'partner' });
    expect(inferRole('')).toBeUndefined();
    expect(inferRole('Dreamer')).toBeUndefined();
  });

  it('marks roles as inferred with the title as evidence', () => {
    const r = inferRole('Entwickler');
    expect(r).toMatchObject({ source: 'inferred', value: { family: 'engineering' } });
    expect(r?.evidence).toContain('Entwickler');
  });
});

describe('synonyms', () => {
  it('relates the trades people type', () => {
    expect(getSynonyms('lawyer')).toEqual(expect.arrayContaining(['solicitor', 'attorney', 'counsel']));
    expect(getSynonyms('Developer')).toEqual(expect.arrayContaining(['engineer', 'programmer']));
    expect(getSynonyms('accountant')).toEqual(expect.arrayContaining(['cpa', 'auditor', 'bookkeeper', 'tax']));
    expect(getSynonyms('recruiter')).toEqual(expect.arrayContaining(['talent acquisition', 'headhunter']));
    expect(getSynonyms('accountants')).toContain('cpa');
    expect(getSynonyms('zzz')).toEqual([]);
    expect(expandTerm('solicitor')).toMatchObject({ industries: ['legal'], families: ['legal'] });
    expect(expandTerm('solicitor').terms[0]).toBe('solicitor');
  });
});
