/**
 * Readers for the files of LinkedIn's data export (see docs/import.md and
 * shared/docs/linkedin-export.md): Connections.csv of every era, Profile.csv, messages.csv (9, 10
 * and 11 columns, and the 2018 Messages.csv), Invitations.csv, endorsements, recommendations and
 * Contacts.csv. Columns are found by header name. Message content is never kept: only who, when
 * and which direction. Connections and endorsement cells are one-line values: a line break in a
 * quoted cell is read as a space. Cost: O(rows); messages keep one small tuple per message until
 * the end to tell the owner from the others, and look names, URL lists and dates up once per
 * distinct text (a 200 MB file names a few hundred people a million times over).
 */
import { toNameKey, toProfileKey } from '../core/identity';
import type { ConnectionRecord, FileKind, InteractionKind, OwnerRecord, PersonRef } from '../core/types';
import { parseDate } from './dates';
import { cell, createRowReader, type ReadContext, type TableReader } from './reader';
import { EMAIL_HEADERS, findColumn } from './headers';

function dateIssue(column: string, text: string): string {
  return `${column} \`${text}\` not understood; kept without a date`;
}

/** Most entries a per-file look-up cache holds before it starts over (bounds memory on hostile files). */
const CACHE_LIMIT = 50_000;

/**
 * `fn` with its results cached by argument: a big messages file names the same few hundred people,
 * dates and URL lists a million times over.
 */
function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined && !cache.has(text)) {
      v = fn(text);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(text, v);
    }
    return v as T;
  };
}

/**
 * A copy of `text` that shares no memory with the file's text: a name sliced out of a 200 MB file
 * would otherwise keep the whole file's text alive for as long as the records that hold it.
 */
function toOwnString(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** A time stamp's date part (`2024-12-23` of `2024-12-23 19:29:01 UTC`): the same day parses once. */
const DAY_OF_STAMP = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?=[\sT]|$)/;

/** parseDate, cached per file by the date part of the text. */
function createDateParser(): (text: string) => string | undefined {
  const byDay = memo(parseDate);
  return (text) => byDay(DAY_OF_STAMP.exec(text)?.[0] ?? text);
}

function readDate(
  text: string,
  column: string,
  line: number,
  sink: { add: (s: 'warning', l: number, m: string, sort: string) => void },
  parse: (text: string) => string | undefined = parseDate,
) {
  if (!text) return undefined;
  const d = parse(text);
  if (!d) sink.add('warning', line, `line ${line}: ${dateIssue(column, text)}`, `${column} not understood`);
  return d;
}

/**
 * The cells of a row with each line break (CR, LF or CRLF, and the spaces around it) read as one
 * space: names, companies and positions are one-line values, even when a spreadsheet re-save put a
 * line break in a quoted cell (`"\rTabbed"`, `"Head of Sales\nEMEA"`). Says so once per row.
 */
function toOneLineCells(
  cells: string[],
  line: number,
  sink: { add: (s: 'info', l: number, m: string, sort: string) => void },
): string[] {
  if (!cells.some((x) => x.includes('\n') || x.includes('\r'))) return cells;
  sink.add(
    'info',
    line,
    `line ${line}: a quoted cell holds a line break; it was read as a space`,
    'line break in a cell',
  );
  return cells.map((x) => x.replace(/[ \t]*(?:\r\n|\r|\n)[ \t]*/g, ' '));
}

/** Connections.csv, any era (current, 2021-2023, 2018-2021, Outlook-style, re-saved). */
export function createConnectionsReader(headers: string[], ctx: ReadContext): TableReader {
  const c = {
    first: findColumn(headers, 'first name', 'firstname', 'given name'),
    middle: findColumn(headers, 'middle name'),
    last: findColumn(headers, 'last name', 'lastname', 'surname'),
    url: findColumn(headers, 'url', 'profile url', 'public profile url'),
    email: findColumn(headers, 'email address', 'e-mail address', 'email', 'e-mail'),
    company: findColumn(headers, 'company', 'organization'),
    position: findColumn(headers, 'position', 'job title', 'title'),
    date: findColumn(headers, 'connected on'),
  };
  const owner = ctx.owner ?? 'owner:unknown';
  // 30,000 rows name a few thousand days: each day's text is parsed once.
  const parseDay = memo(parseDate);
  return createRowReader('connections', headers, ctx, (raw, line, sink) => {
    const cells = toOneLineCells(raw, line, sink);
    const first = cell(cells, c.first);
    const last = cell(cells, c.last);
    const url = cell(cells, c.url);
    const email = cell(cells, c.email);
    const company = cell(cells, c.company);
    const position = cell(cells, c.position);
    const dateText = cell(cells, c.date);
    const connectedOn = readDate(dateText, 'Connected On', line, sink, parseDay);
    const ref = { file: ctx.file, line };
    if (!first && !last && !url && !email) {
      // `,,,,,,<date>`: a hidden or deactivated member. Without a date it is just an unusable row.
      if (!dateText) return 'no name, URL or e-mail';
      const hidden: ConnectionRecord = { owner, firstName: '', lastName: '', hidden: true, ref };
      if (connectedOn) hidden.connectedOn = connectedOn;
      ctx.dataset.connections.push(hidden);
      return true;
    }
    const r: ConnectionRecord = { owner, firstName: first, lastName: last, ref };
    const middle = cell(cells, c.middle);
    if (middle) r.middleName = middle;
    if (url) r.url = url;
    if (email) r.email = email;
    if (company) r.company = company;
    if (position) r.position = position;
    if (connectedOn) r.connectedOn = connectedOn;
    ctx.dataset.connections.push(r);
    return true;
  });
}

/** Profile.csv: the owner's name, headline, industry and location. Calls `onOwner` with the first row. */
export function createProfileReader(
  headers: string[],
  ctx: ReadContext,
  onOwner: (o: Pick<OwnerRecord, 'name' | 'headline' | 'industry' | 'location' | 'ref'>) => void,
): TableReader {
  const c = {
    first: findColumn(headers, 'first name'),
    last: findColumn(headers, 'last name'),
    headline: findColumn(headers, 'headline'),
    industry: findColumn(headers, 'industry'),
    location: findColumn(headers, 'geo location', 'location', 'country'),
  };
  let seen = false;
  return createRowReader('profile', headers, ctx, (cells, line) => {
    if (seen) return 'Profile.csv has more than one row; only the first names the owner';
    const name = [cell(cells, c.first), cell(cells, c.last)].filter(Boolean).join(' ');
    if (!name) return 'no First Name or Last Name';
    seen = true;
    const o: Parameters<typeof onOwner>[0] = { name, ref: { file: ctx.file, line } };
    const headline = cell(cells, c.headline);
    const industry = cell(cells, c.industry);
    const location = cell(cells, c.location);
    if (headline) o.headline = headline;
    if (industry) o.industry = industry;
    if (location) o.location = location;
    onOwner(o);
    return true;
  });
}

function personFrom(name: string, url?: string): PersonRef {
  const p: PersonRef = {};
  if (name) p.name = name;
  if (url) p.url = url;
  return p;
}

function pushInteraction(
  ctx: ReadContext,
  kind: InteractionKind,
  direction: 'in' | 'out',
  person: PersonRef,
  date: string | undefined,
  line: number,
) {
  ctx.dataset.interactions.push({
    owner: ctx.owner ?? 'owner:unknown',
    kind,
    direction,
    person,
    ...(date ? { date } : {}),
    ref: { file: ctx.file, line },
  });
}

interface MessageTuple {
  from: string;
  fromUrl: string;
  to: string;
  toUrls: string;
  date?: string;
  direction?: 'in' | 'out';
  line: number;
}

/**
 * messages.csv (9/10/11 columns) and the 2018 Messages.csv. Which side is the owner: the 2018
 * `Direction` column when present, else the owner's name when it appears as a sender, else the
 * participant who appears in the most messages (the owner is in every one).
 */
export function createMessagesReader(headers: string[], ctx: ReadContext): TableReader {
  const c = {
    from: findColumn(headers, 'from'),
    fromUrl: findColumn(headers, 'sender profile url'),
    to: findColumn(headers, 'to'),
    toUrls: findColumn(headers, 'recipient profile urls'),
    date: findColumn(headers, 'date'),
    direction: findColumn(headers, 'direction'),
    draft: findColumn(headers, 'is message draft'),
  };
  const tuples: MessageTuple[] = [];
  const parseDay = createDateParser();
  const nameKey = memo(toNameKey);
  const namesOf = memo((to: string) => to.split(/,\s*/));
  const urlsOf = memo((urls: string) =>
    urls
      .split(/[,\s]+/)
      .filter((u) => toProfileKey(u))
      .map(toOwnString),
  );
  // Names and URLs kept in records are copied once each (see toOwnString).
  const own = memo(toOwnString);
  const personOf = (name: string, url?: string) => personFrom(own(name), url ? own(url) : url);
  let drafts = 0;
  let fromLinkedIn = 0;
  return createRowReader(
    'messages',
    headers,
    ctx,
    (cells, line, sink) => {
      if (/^(yes|true)$/i.test(cell(cells, c.draft))) {
        drafts++;
        return true;
      }
      const from = cell(cells, c.from);
      if (c.fromUrl >= 0 && !cell(cells, c.fromUrl) && /^linkedin\b/i.test(from)) {
        fromLinkedIn++;
        return true;
      }
      const to = cell(cells, c.to);
      if (!from && !to) return 'no FROM or TO';
      const t: MessageTuple = { from, fromUrl: cell(cells, c.fromUrl), to, toUrls: cell(cells, c.toUrls), line };
      const date = readDate(cell(cells, c.date), 'DATE', line, sink, parseDay);
      if (date) t.date = date;
      const dir = cell(cells, c.direction).toLowerCase();
      if (dir === 'incoming' || dir === 'inbox') t.direction = 'in';
      else if (dir === 'outgoing' || dir === 'sent') t.direction = 'out';
      tuples.push(t);
      return true;
    },
    (sink) => {
      if (drafts) sink.add('info', undefined, `${drafts} draft messages were counted but not used as evidence`);
      if (fromLinkedIn)
        sink.add(
          'info',
          undefined,
          `${fromLinkedIn} messages from LinkedIn itself were counted but not used as evidence`,
        );
      // In how many messages each name appears (once per message, as sender or recipient).
      const counts = new Map<string, number>();
      for (const t of tuples) {
        const from = nameKey(t.from);
        if (from) counts.set(from, (counts.get(from) ?? 0) + 1);
        const to = namesOf(t.to);
        for (let i = 0; i < to.length; i++) {
          const k = nameKey(to[i] ?? '');
          if (k && k !== from && !to.slice(0, i).some((x) => nameKey(x) === k)) counts.set(k, (counts.get(k) ?? 0) + 1);
        }
      }
      let ownerKey = nameKey(ctx.ownerName ?? '');
      if (!ownerKey || !tuples.some((t) => nameKey(t.from) === ownerKey || nameKey(t.to) === ownerKey)) {
        let best = 0;
        for (const [k, n] of counts) if (n > best && !ctx.connectionNames?.has(k)) [ownerKey, best] = [k, n];
      }
      for (const t of tuples) {
        const out = t.direction ? t.direction === 'out' : nameKey(t.from) === ownerKey;
        if (!out) {
          pushInteraction(ctx, 'message', 'in', personOf(t.from, t.fromUrl), t.date, t.line);
          continue;
        }
        // With a Direction column the owner is not guessed, and TO holds only the recipients.
        const names = namesOf(t.to).filter((n) => n && (t.direction !== undefined || nameKey(n) !== ownerKey));
        const urls = urlsOf(t.toUrls);
        if (urls.length && urls.length === names.length)
          names.forEach((n, i) => pushInteraction(ctx, 'message', 'out', personOf(n, urls[i]), t.date, t.line));
        else if (urls.length)
          urls.forEach((u) => pushInteraction(ctx, 'message', 'out', personFrom('', u), t.date, t.line));
        else names.forEach((n) => pushInteraction(ctx, 'message', 'out', personOf(n), t.date, t.line));
      }
      tuples.length = 0;
    },
  );
}

/** Invitations.csv, with and without the profile URL columns. */
export function createInvitationsReader(headers: string[], ctx: ReadContext): TableReader {
  const c = {
    from: findColumn(headers, 'from'),
    to: findColumn(headers, 'to'),
    date: findColumn(headers, 'sent at'),
    direction: findColumn(headers, 'direction'),
    fromUrl: findColumn(headers, 'inviterprofileurl', 'inviter profile url'),
    toUrl: findColumn(headers, 'inviteeprofileurl', 'invitee profile url'),
  };
  return createRowReader('invitations', headers, ctx, (cells, line, sink) => {
    const dir = cell(cells, c.direction).toLowerCase();
    if (dir !== 'incoming' && dir !== 'outgoing') return `Direction \`${cell(cells, c.direction)}\` not understood`;
    const out = dir === 'outgoing';
    const person = out
      ? personFrom(cell(cells, c.to), cell(cells, c.toUrl))
      : personFrom(cell(cells, c.from), cell(cells, c.fromUrl));
    if (!person.name && !person.url) return 'no name or URL for the other person';
    pushInteraction(
      ctx,
      'invitation',
      out ? 'out' : 'in',
      person,
      readDate(cell(cells, c.date), 'Sent At', line, sink),
      line,
    );
    return true;
  });
}

/** Endorsement_Received_Info.csv (`Endorser ...`) and Endorsement_Given_Info.csv (`Endorsee ...`). */
export function createEndorsementsReader(kind: FileKind, headers: string[], ctx: ReadContext): TableReader {
  const who = kind === 'endorsements-given' ? 'endorsee' : 'endorser';
  const c = {
    first: findColumn(headers, `${who} first name`),
    last: findColumn(headers, `${who} last name`),
    url: findColumn(headers, `${who} public url`, `${who} profile url`, `${who} url`),
    date: findColumn(headers, 'endorsement date'),
  };
  return createRowReader(kind, headers, ctx, (raw, line, sink) => {
    const cells = toOneLineCells(raw, line, sink);
    const person: PersonRef = {};
    const first = cell(cells, c.first);
    const last = cell(cells, c.last);
    const url = cell(cells, c.url);
    if (first) person.firstName = first;
    if (last) person.lastName = last;
    if (first || last) person.name = [first, last].filter(Boolean).join(' ');
    if (url) person.url = url;
    if (!person.name && !url) return `no ${who} name or URL`;
    const date = readDate(cell(cells, c.date), 'Endorsement Date', line, sink);
    pushInteraction(ctx, 'endorsement', who === 'endorsee' ? 'out' : 'in', person, date, line);
    return true;
  });
}

/** Recommendations_Received.csv / Recommendations_Given.csv (same header; the file name tells them apart). */
export function createRecommendationsReader(kind: FileKind, headers: string[], ctx: ReadContext): TableReader {
  const c = {
    first: findColumn(headers, 'first name'),
    last: findColumn(headers, 'last name'),
    date: findColumn(headers, 'creation date'),
  };
  return createRowReader(kind, headers, ctx, (cells, line, sink) => {
    const first = cell(cells, c.first);
    const last = cell(cells, c.last);
    if (!first && !last) return 'no First Name or Last Name';
    const person: PersonRef = { name: [first, last].filter(Boolean).join(' ') };
    if (first) person.firstName = first;
    if (last) person.lastName = last;
    const date = readDate(cell(cells, c.date), 'Creation Date', line, sink);
    pushInteraction(ctx, 'recommendation', kind === 'recommendations-given' ? 'out' : 'in', person, date, line);
    return true;
  });
}

/** Contacts.csv (imported address book): attributes, keyed by e-mail and name. */
export function createContactsReader(headers: string[], ctx: ReadContext): TableReader {
  const c = {
    first: findColumn(headers, 'firstname', 'first name'),
    last: findColumn(headers, 'lastname', 'last name'),
    full: findColumn(headers, 'fullname', 'full name'),
    email: findColumn(headers, ...EMAIL_HEADERS),
    company: findColumn(headers, 'companies', 'company'),
    title: findColumn(headers, 'title', 'job title'),
    location: findColumn(headers, 'location'),
    profiles: findColumn(headers, 'profiles'),
  };
  return createRowReader('contacts', headers, ctx, (cells, line) => {
    const first = cell(cells, c.first);
    const last = cell(cells, c.last);
    const name = cell(cells, c.full) || [first, last].filter(Boolean).join(' ');
    const email = cell(cells, c.email).split(/[,;\s]+/)[0] ?? '';
    const url = cell(cells, c.profiles)
      .split(/[,;\s]+/)
      .find((u) => /linkedin\.com\//i.test(u));
    if (!name && !email && !url) return 'no name, e-mail or profile';
    const person: PersonRef = {};
    if (name) person.name = name;
    if (first) person.firstName = first;
    if (last) person.lastName = last;
    if (email) person.email = email;
    if (url) person.url = url;
    const attributes: Record<string, string> = {};
    const company = cell(cells, c.company);
    const title = cell(cells, c.title);
    const location = cell(cells, c.location);
    if (company) attributes.company = company;
    if (title) attributes.position = title;
    if (location) attributes.location = location;
    ctx.dataset.attributes.push({ person, attributes, source: 'enrichment', ref: { file: ctx.file, line } });
    return true;
  });
}
