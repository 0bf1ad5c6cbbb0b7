/**
 * Text folding shared by the enrichment resolvers: accents and case folded, punctuation to spaces,
 * so `Zürich`, `ZURICH` and `zurich,` all become `zurich`. Cost: O(length); ASCII text takes a shorter path
 * with the same result.
 */

const SPECIAL: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd' };

/** True for ASCII text (no accents to fold, nothing for NFKD or the Unicode classes to change). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Lower-case, accents folded, `&` kept as a word, other punctuation to single spaces, trimmed. ASCII text (most
 * company names, titles and places) takes the same steps without the Unicode work (NFKD, marks, special letters,
 * Unicode classes), which leaves it as it is.
 */
export function toFolded(text: string): string {
  if (isAscii(text))
    return text
      .toLowerCase()
      .replace(/['`.]/g, '')
      .replace(/&/g, ' & ')
      .replace(/[^a-z0-9&+#]+/g, ' ')
      .trim();
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
