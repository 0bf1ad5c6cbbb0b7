/**
 * CSV and value formats exactly as LinkedIn writes them (see shared/docs/linkedin-export.md): RFC 4180
 * minimal quoting, LF line ends, no final newline; `DD Mon YYYY`, `2024-12-23 19:29:01 UTC` and
 * `8/26/22, 8:56 PM` dates; percent-encoded profile URLs. Pure string functions, O(length).
 */

/** The three preamble lines of Connections.csv since mid-2021: 375 bytes, line 3 empty. */
export const CONNECTIONS_PREAMBLE =
  'Notes:\n' +
  '"When exporting your connection data, you may notice that some of the email addresses are missing. ' +
  'You will only see email addresses for connections who have allowed their connections to see or download ' +
  'their email address using this setting https://www.linkedin.com/psettings/privacy/email. ' +
  'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n' +
  '\n';

/** Connections.csv header since 2024 (URL third). */
export const CONNECTIONS_HEADER = [
  'First Name',
  'Last Name',
  'URL',
  'Email Address',
  'Company',
  'Position',
  'Connected On',
] as const;

/** Profile.csv header (the owner). */
export const PROFILE_HEADER = [
  'First Name',
  'Last Name',
  'Maiden Name',
  'Address',
  'Birth Date',
  'Headline',
  'Summary',
  'Industry',
  'Zip Code',
  'Geo Location',
  'Twitter Handles',
  'Websites',
  'Instant Messengers',
] as const;

/** messages.csv header, current 11-column layout. */
export const MESSAGES_HEADER = [
  'CONVERSATION ID',
  'CONVERSATION TITLE',
  'FROM',
  'SENDER PROFILE URL',
  'TO',
  'RECIPIENT PROFILE URLS',
  'DATE',
  'SUBJECT',
  'CONTENT',
  'FOLDER',
  'IS MESSAGE DRAFT',
] as const;

/** Invitations.csv header since 2023. */
export const INVITATIONS_HEADER = [
  'From',
  'To',
  'Sent At',
  'Message',
  'Direction',
  'inviterProfileUrl',
  'inviteeProfileUrl',
] as const;

/** locations.csv: the sample's enrichment table (not a LinkedIn file). */
export const LOCATIONS_HEADER = ['URL', 'Location'] as const;
/** known-links.csv: the sample's who-knows-whom edge table (not a LinkedIn file). */
export const KNOWN_LINKS_HEADER = ['Source URL', 'Target URL', 'Weight'] as const;

/** One field, quoted only when it holds `,`, `"` or a line break (inner quotes doubled). */
export function toCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One row, fields joined by `,`. */
export function toCsvRow(fields: readonly string[]): string {
  return fields.map(toCsvField).join(',');
}

/** Header and rows joined by LF, with no newline after the last row (as LinkedIn writes it). */
export function toCsvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [toCsvRow(header)];
  for (const row of rows) lines.push(toCsvRow(row));
  return lines.join('\n');
}

/** English three-letter months, as LinkedIn writes them whatever the user's language. */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) for an ISO `YYYY-MM-DD` date. */
export function toDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ISO `YYYY-MM-DD` for a day number. */
export function toIsoDate(day: number): string {
  const t = new Date(day * DAY_MS);
  return `${t.getUTCFullYear()}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}

/** Connections.csv `Connected On`: `05 Sep 2024`. */
export function toConnectedOn(day: number): string {
  const t = new Date(day * DAY_MS);
  return `${pad2(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

/** messages.csv `DATE`: `2024-12-23 19:29:01 UTC`, from a day number and seconds into that day. */
export function toMessageDate(day: number, seconds: number): string {
  const s = Math.floor(seconds) % 86_400;
  return `${toIsoDate(day)} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)} UTC`;
}

/** Invitations.csv `Sent At`: `8/26/22, 8:56 PM` (US order, 12-hour clock, no zero padding on month, day, hour). */
export function toInvitationDate(day: number, minutes: number): string {
  const t = new Date(day * DAY_MS);
  const m = Math.floor(minutes) % 1440;
  const h24 = Math.floor(m / 60);
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const yy = pad2(t.getUTCFullYear() % 100);
  return `${t.getUTCMonth() + 1}/${t.getUTCDate()}/${yy}, ${h12}:${pad2(m % 60)} ${h24 < 12 ? 'AM' : 'PM'}`;
}

/** Profile URL as Connections.csv and messages.csv write it: non-ASCII percent-encoded, no trailing slash. */
export function toEncodedProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}`;
}

/** Profile URL as Invitations.csv writes it: Unicode left as is. */
export function toRawProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${slug}`;
}
