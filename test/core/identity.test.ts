import { describe, expect, it } from 'vitest';
import { toEmailKey, toNameKey, toProfileKey, toProfileUrl, toSlug } from '../../src/core/identity';
import { createRng } from '../../src/core/rng';

describe('toProfileKey', () => {
  // The three spellings of one profile seen in one archive (shared/docs/linkedin-export.md).
  it.each([
    'https://www.linkedin.com/in/g%C3%A1l-kov%C3%A1cs-1a2b',
    'https://www.linkedin.com/in/gál-kovács-1a2b',
    'www.linkedin.com/in/gál-kovács-1a2b',
    'http://linkedin.com/in/GÁL-kovács-1a2b/?trk=x',
    'https://de.linkedin.com/in/gál-kovács-1a2b/',
  ])('%s', (url) => {
    expect(toProfileKey(url)).toBe('linkedin.com/in/gál-kovács-1a2b');
  });
  it('rejects empty and non-URL text', () => {
    expect(toProfileKey('')).toBeUndefined();
    expect(toProfileKey('   ')).toBeUndefined();
    expect(toProfileKey('Ana Ferreira')).toBeUndefined();
  });
  it('keeps a stray percent sign as written', () => {
    expect(toProfileKey('https://www.linkedin.com/in/100%-bob')).toBe('linkedin.com/in/100%-bob');
  });
});

describe('toProfileUrl', () => {
  it('re-encodes non-ASCII ids and refuses other hosts', () => {
    expect(toProfileUrl('linkedin.com/in/gál')).toBe('https://www.linkedin.com/in/g%C3%A1l');
    expect(toProfileUrl('evil.com/in/x')).toBeUndefined();
    expect(toProfileUrl(undefined)).toBeUndefined();
  });
});

describe('names and e-mails', () => {
  it('folds accents, case and punctuation', () => {
    expect(toNameKey("  José  O'Brien ")).toBe('jose obrien');
    expect(toNameKey('Ngozi Okafor, PhD')).toBe('ngozi okafor phd');
    expect(toNameKey('李 小龙')).toBe('李 小龙');
    expect(toSlug('Ana Ferreira')).toBe('ana-ferreira');
  });
  it('accepts only plausible e-mails', () => {
    expect(toEmailKey(' Ana@Example.COM ')).toBe('ana@example.com');
    expect(toEmailKey('not an email')).toBeUndefined();
  });
});

describe('createRng', () => {
  it('is deterministic per seed and in [0, 1)', () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(createRng(8)()).not.toBe(createRng(7)());
  });
});

describe('plain ASCII and escaped-URL shortcuts', () => {
  // The general definitions, step by step, as they were before the shortcuts for plain ASCII text and
  // %-escaped URLs: the keys and canonical URLs must not change.
  const referenceProfileKey = (url: string | undefined): string | undefined => {
    if (!url) return undefined;
    let s = url.trim();
    if (!s) return undefined;
    s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    s = s.split(/[?#]/)[0] ?? '';
    try {
      s = decodeURIComponent(s);
    } catch {
      // kept as written
    }
    s = s.toLowerCase().normalize('NFC');
    s = s.replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '');
    s = s.replace(/\/+$/, '');
    if (!s.includes('/') || /\s/.test(s)) return undefined;
    return s;
  };
  const referenceProfileUrl = (key: string | undefined): string | undefined => {
    if (!key || !/^linkedin\.com\/(in|pub)\/[^/\s]+/.test(key)) return undefined;
    const [host, ...path] = key.split('/');
    return `https://www.${host}/${path.map((p) => encodeURIComponent(p)).join('/')}`;
  };
  const referenceNameKey = (text: string | undefined): string =>
    text
      ? text
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase()
          .replace(/['’`]/g, '')
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim()
      : '';
  const pieces = [
    'https://',
    'HTTPS://',
    'http://',
    'ftp+x://',
    'www.',
    'WWW.',
    'de.',
    'linkedin.com',
    'LinkedIn.com',
    '/in/',
    '/pub/',
    '/',
    '//',
    'ana-ferreira',
    'O’Brien',
    "o'brien",
    'gál',
    'g%C3%A1l',
    '%',
    '%zz',
    '%CC%81',
    '%C4%B0',
    '%E2%84%A6',
    '%E2%84%AB',
    '%20',
    '%23',
    '%3F',
    '%2F',
    "(x)!*'",
    '?trk=x',
    '#top',
    ' ',
    '\t',
    '\u00a0',
    '\ufeff',
    '-',
    '_',
    '~',
    ':',
    '.',
    'A',
    'z',
    '9',
    'Ⅻ',
    '`',
    'e\u0301',
    'ﬁ',
    'İ',
    '·',
    '',
  ];
  it('give the general keys on every mix of URL and name pieces', () => {
    const rng = createRng(7);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const parts = 1 + Math.floor(rng() * 6);
      for (let i = 0; i < parts; i++) text += pieces[Math.floor(rng() * pieces.length)];
      expect(toProfileKey(text), text).toBe(referenceProfileKey(text));
      expect(toNameKey(text), text).toBe(referenceNameKey(text));
      const key = referenceProfileKey(text);
      expect(toProfileUrl(key), key).toBe(referenceProfileUrl(key));
    }
    for (let c = 0; c < 0x300; c++) {
      const text = `https://www.linkedin.com/in/a${String.fromCharCode(c)}b/`;
      expect(toProfileKey(text), text).toBe(referenceProfileKey(text));
      const escaped = `https://www.linkedin.com/in/a${encodeURIComponent(String.fromCharCode(c))}b/`;
      expect(toProfileKey(escaped), escaped).toBe(referenceProfileKey(escaped));
      expect(toProfileUrl(referenceProfileKey(escaped))).toBe(referenceProfileUrl(referenceProfileKey(escaped)));
      expect(toNameKey(`A${String.fromCharCode(c)}b`)).toBe(referenceNameKey(`A${String.fromCharCode(c)}b`));
    }
  });
});
