import { describe, expect, it } from 'vitest';
import { toFolded } from '../../../src/core/enrich/text';
import { createRng } from '../../../src/core/rng';

describe('toFolded', () => {
  // The general definition, step by step, as it was before the shortcut for ASCII text: the folds must not change.
  const SPECIAL: Record<string, string> = {
    ß: 'ss',
    ø: 'o',
    æ: 'ae',
    œ: 'oe',
    ł: 'l',
    đ: 'd',
    ı: 'i',
    þ: 'th',
    ð: 'd',
  };
  const reference = (text: string): string =>
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ßøæœłđıþð]/g, (c) => SPECIAL[c] ?? c)
      .replace(/['’`.]/g, '')
      .replace(/&/g, ' & ')
      .replace(/[^\p{L}\p{N}&+#]+/gu, ' ')
      .trim();

  it('folds case, accents and punctuation', () => {
    expect(toFolded('  Zürich, ZURICH & Co. ')).toBe('zurich zurich & co');
    expect(toFolded("O'Brien-Smith C++ C#")).toBe('obrien smith c++ c#');
  });

  it('gives the general folds on every mix of ASCII and non-ASCII pieces', () => {
    const pieces = [
      'A',
      'z',
      '9',
      ' ',
      '\t',
      '\n',
      "'",
      '`',
      '.',
      ',',
      '&',
      '+',
      '#',
      '-',
      '_',
      '/',
      '(',
      ')',
      '@',
      '~',
    ];
    const others = ['é', 'Ü', 'ß', 'ł', '’', 'Ⅻ', 'ﬁ', 'İ', '\u00a0', '\u0301', '東京'];
    const rng = createRng(11);
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const parts = 1 + Math.floor(rng() * 8);
      const pool = rng() < 0.8 ? pieces : [...pieces, ...others];
      for (let i = 0; i < parts; i++) text += pool[Math.floor(rng() * pool.length)];
      expect(toFolded(text), JSON.stringify(text)).toBe(reference(text));
    }
    for (let c = 0; c < 0x80; c++) {
      const text = `Ab${String.fromCharCode(c)}Cd ${String.fromCharCode(c)}`;
      expect(toFolded(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
