/**
 * Identity keys: how the same person is recognised across files that write them differently.
 *
 * LinkedIn writes one profile URL three ways: percent-encoded with scheme in Connections.csv
 * (`https://www.linkedin.com/in/g%C3%A1l`), unencoded in Invitations.csv, and without the scheme in
 * endorsement files (`www.linkedin.com/in/gál`). All normalise to `linkedin.com/in/gál`: decode
 * `%XX`, lower-case, drop scheme, `www.` (and country sub-domains like `de.`), query, fragment and
 * trailing slash. Cost: O(length) per key.
 */

/** Normalised profile URL key (`linkedin.com/in/josé-garcía-1a2b`), or undefined when the text is not a URL. */
export function toProfileKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let s = url.trim();
  if (!s) return undefined;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  s = s.split(/[?#]/)[0] ?? '';
  try {
    s = decodeURIComponent(s);
  } catch {
    // A stray `%` that is not an escape: keep the text as written.
  }
  s = s.toLowerCase().normalize('NFC');
  s = s.replace(/^(www\.|[a-z]{2}\.)(?=linkedin\.com)/, '');
  s = s.replace(/\/+$/, '');
  if (!s.includes('/') || /\s/.test(s)) return undefined;
  return s;
}

/** Canonical display URL for a normalised LinkedIn key, or undefined for anything not on linkedin.com. */
export function toProfileUrl(key: string | undefined): string | undefined {
  if (!key || !/^linkedin\.com\/(in|pub)\/[^/\s]+/.test(key)) return undefined;
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
