/**
 * Identity keys: how the same person is recognised across files that write them differently.
 *
 * LinkedIn writes one profile URL three ways: percent-encoded with scheme in Connections.csv
 * (`https://www.linkedin.com/in/g%C3%A1l`), unencoded in Invitations.csv, and without the scheme in
 * endorsement files (`www.linkedin.com/in/gál`). All normalise to `linkedin.com/in/gál`: decode
 * `%XX`, lower-case, drop scheme, `www.` (and country sub-domains like `de.`), query, fragment and
 * trailing slash. Cost: O(length) per key; plain ASCII text (most URLs and names) takes a shorter path
 * with the same result, skipping the Unicode work (decoding, normalisation, Unicode classes), and so do
 * %-escaped URLs (no trimming or splitting; NFC only when the decoded text could change under it).
 */

/** URL text with nothing to trim, split off, decode or normalise: ASCII letters, digits and `. / : _ ~ -`. */
const PLAIN_URL = /^[A-Za-z0-9./:_~-]+$/;
/** The same plus `%` escapes (non-ASCII names as Connections.csv writes them): nothing to trim or split off. */
const ESCAPED_URL = /^[A-Za-z0-9./:_~%-]+$/;
/** A key whose path parts `encodeURIComponent` leaves as they are. */
const PLAIN_KEY = /^[A-Za-z0-9\-_.!~*'()/]+$/;

/** True when no character is at or above U+0300: NFC leaves such text as it is (no combining marks, no singletons). */
function isBelowCombining(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x300) return false;
  return true;
}
/** True for ASCII text (normalisation leaves it as it is and it holds no combining marks). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Normalised profile URL key (`linkedin.com/in/josé-garcía-1a2b`), or undefined when the text is not a URL. */
export function toProfileKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (PLAIN_URL.test(url)) return toPlainProfileKey(url);
  // Escaped text has nothing to trim or split off, and NFC is skipped where it changes nothing.
  const escaped = ESCAPED_URL.test(url);
  let s = escaped ? url : url.trim();
  if (!s) return undefined;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (!escaped) s = s.split(/[?#]/)[0] ?? '';
  try {
    s = decodeURIComponent(s);
  } catch {
    // A stray `%` that is not an escape: keep the text as written.
  }
  s = s.toLowerCase();
  if (!escaped || !isBelowCombining(s)) s = s.normalize('NFC');
  s = s.replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '');
  s = s.replace(/\/+$/, '');
  if (!s.includes('/') || /\s/.test(s)) return undefined;
  return s;
}

/** {@link toProfileKey} of text that matches PLAIN_URL: the same steps without those that leave it unchanged. */
function toPlainProfileKey(url: string): string | undefined {
  let s = url.toLowerCase();
  s = s.startsWith('https://') ? s.slice(8) : s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  if (s.startsWith('www.linkedin.com')) s = s.slice(4);
  else s = s.replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '');
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  if (end < s.length) s = s.slice(0, end);
  return s.includes('/') ? s : undefined;
}

/** Canonical display URL for a normalised LinkedIn key, or undefined for anything not on linkedin.com. */
export function toProfileUrl(key: string | undefined): string | undefined {
  if (!key || !/^linkedin\.com\/(in|pub)\/[^/\s]+/.test(key)) return undefined;
  // Why the test: most keys are plain ASCII, which encoding leaves as it is, and the split costs arrays per call.
  if (PLAIN_KEY.test(key)) return `https://www.${key}`;
  const [host, ...path] = key.split('/');
  return `https://www.${host}/${path.map((p) => encodeURIComponent(p)).join('/')}`;
}

/** Lower-cased, trimmed e-mail address, or undefined when it does not look like one. */
export function toEmailKey(email: string | undefined): string | undefined {
  const s = email?.trim().toLowerCase();
  return s && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? s : undefined;
}

/** Lower-case, accents folded, punctuation and extra spaces removed: `  José  O'Brien ` → `jose obrien`. */
export function toNameKey(text: string | undefined): string {
  if (!text) return '';
  if (isAscii(text))
    return text
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Slug for owner ids: `Ana Ferreira` → `ana-ferreira`. */
export function toSlug(text: string): string {
  return toNameKey(text).replace(/ /g, '-') || 'owner';
}
