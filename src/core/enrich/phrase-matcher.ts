/**
 * Phrase matcher over folded words: finds which of many keyword phrases occur in a text, by
 * word-level hash look-ups instead of one regular expression per phrase. A phrase is folded text
 * (`real estate`); a trailing `*` matches any word starting so (`therapeut*`), a leading `*` any word
 * ending so after at least MIN_STEM letters (`*ingenieur` for German compounds); a leading `~` marks a weak phrase (weight halved). Cost: build O(total phrase length); match O(words × phrases sharing
 * a first word).
 */
import { toFolded } from './text';

/**
 * Letters a word needs before a `*suffix` to match it: the first part of a compound (`Finanz|amt`,
 * `Bau|ingenieur`), so that a short word that merely ends so (`Samt`, velvet, is no `*amt` office)
 * is not read as one. Default 3.
 */
export const MIN_STEM = 3;

export interface PhraseHit<K> {
  key: K;
  /** The phrase as written in the data. */
  phrase: string;
  /** Number of words in the phrase, halved for weak (`~`) phrases. */
  weight: number;
}

interface Entry<K> {
  key: K;
  phrase: string;
  rest: string[];
  prefix: boolean;
  suffix: boolean;
  weight: number;
}

export interface PhraseMatcher<K> {
  match(words: string[]): PhraseHit<K>[];
}

/** Compile `[key, phrases]` pairs into a matcher. */
export function buildPhraseMatcher<K>(groups: Iterable<[K, string[]]>): PhraseMatcher<K> {
  const exact = new Map<string, Entry<K>[]>();
  const prefixes = new Map<string, Entry<K>[]>();
  const suffixes = new Map<string, Entry<K>[]>();
  const prefixLengths = new Set<number>();
  const suffixLengths = new Set<number>();
  const put = (map: Map<string, Entry<K>[]>, key: string, e: Entry<K>) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const [key, phrases] of groups)
    for (const phrase of phrases) {
      const weak = phrase.startsWith('~');
      const bare = phrase.replace(/^~/, '');
      const suffix = bare.startsWith('*');
      const prefix = !suffix && bare.endsWith('*');
      const words = toFolded(bare.replace(/^\*|\*$/g, ''))
        .split(' ')
        .filter(Boolean);
      const [first, ...rest] = words;
      if (!first) continue;
      const single = rest.length === 0;
      const entry: Entry<K> = {
        key,
        phrase,
        rest,
        prefix: prefix && single,
        suffix: suffix && single,
        weight: words.length * (weak ? 0.5 : 1),
      };
      if (entry.prefix) {
        prefixLengths.add(first.length);
        put(prefixes, first, entry);
      } else if (entry.suffix) {
        suffixLengths.add(first.length);
        put(suffixes, first, entry);
      } else put(exact, first, entry);
    }
  const lengths = [...prefixLengths];
  const endLengths = [...suffixLengths];
  return {
    match(words) {
      const hits: PhraseHit<K>[] = [];
      const seen = new Set<string>();
      const add = (e: Entry<K>) => {
        const id = `${String(e.key)}\u0000${e.phrase}`;
        if (seen.has(id)) return;
        seen.add(id);
        hits.push({ key: e.key, phrase: e.phrase, weight: e.weight });
      };
      for (let i = 0; i < words.length; i++) {
        const w = words[i] as string;
        for (const e of exact.get(w) ?? []) if (e.rest.every((r, k) => words[i + 1 + k] === r)) add(e);
        for (const n of lengths) if (w.length >= n) for (const e of prefixes.get(w.slice(0, n)) ?? []) add(e);
        for (const n of endLengths)
          if (w.length >= n + MIN_STEM) for (const e of suffixes.get(w.slice(-n)) ?? []) add(e);
      }
      return hits;
    },
  };
}
