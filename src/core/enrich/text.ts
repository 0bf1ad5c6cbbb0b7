/**
 * Text folding shared by the enrichment resolvers: accents and case folded, punctuation to spaces,
 * so `Zürich`, `ZURICH` and `zurich,` all become `zurich`. Cost: O(length).
 */

const SPECIAL: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd' };

/** Lower-case, accents folded, `&` kept as a word, other punctuation to single spaces, trimmed. */
export function toFolded(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßøæœłđıþð]/g, (c) => SPECIAL[c] ?? c)
    .replace(/['’`.]/g, '')
    .replace(/&/g, ' & ')
    .replace(/[^\p{L}\p{N}&+#]+/gu, ' ')
    .trim();
}

/** The words of a folded text. */
export function toWords(text: string): string[] {
  const folded = toFolded(text);
  return folded ? folded.split(' ') : [];
}

/**
 * The words of a text split exactly as {@link toWords} splits them, with their case kept: where it
 * matters whether a word was written `SpA` (a legal form) or `Spa` (a word). Accents are folded.
 */
export function toCasedWords(text: string): string[] {
  const t = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/['’`.]/g, '')
    .replace(/&/g, ' & ')
    .replace(/[^\p{L}\p{N}&+#]+/gu, ' ')
    .trim();
  return t ? t.split(' ') : [];
}
