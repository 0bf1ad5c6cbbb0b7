/**
 * The realistic synthetic sample: a small team's LinkedIn exports, written byte for byte as LinkedIn
 * writes them today (shared/docs/linkedin-export.md), plus an enrichment table (locations.csv), an
 * edge table (known-links.csv) and the planted ground truth (truth.json) for tests.
 *
 * Planted structure: clusters of industry × city (companies.ts) whose members share companies and
 * trades and know each other (known-links.csv, mostly within the cluster); movers whose current job
 * is in another cluster while their ties stay in the old one; super-connectors (recruiters,
 * consultants, event organisers) tied across many clusters and known to several owners; scattered
 * acquaintances in no cluster; owners whose exports overlap on shared clusters while each also has
 * clusters only they know. Messages concentrate on a minority of strong ties (heavy-tailed counts).
 *
 * Pure and deterministic: every draw comes from `createRng` streams derived from the seed, no clock.
 * Cost: O(M·N + E) time and memory for M owners of N connections and E known links.
 */
import { toSlug } from '../../core/identity';
import { createRng } from '../../core/rng';
import { CLUSTERS, CONNECTOR_ROLES, OWNER_NAMES, SCATTERED, type SampleCluster } from './companies';
import {
  CONNECTIONS_HEADER,
  CONNECTIONS_PREAMBLE,
  INVITATIONS_HEADER,
  KNOWN_LINKS_HEADER,
  LOCATIONS_HEADER,
  MESSAGES_HEADER,
  PROFILE_HEADER,
  toConnectedOn,
  toCsvRow,
  toCsvText,
  toDayNumber,
  toEncodedProfileUrl,
  toInvitationDate,
  toMessageDate,
  toRawProfileUrl,
} from './csv';
import { CULTURES, createSlugMaker, getSampleName, type CultureId, type NameCulture } from './names';

/** Options of generateSample; every field has a default in DEFAULTS. */
export interface SampleOptions {
  /** Rows of each owner's Connections.csv, hidden rows included. Default 1500. */
  connections: number;
  /** Owners (team members), each with an export folder. Default 3. */
  owners: number;
  /** Seed of every random choice. Default 1. */
  seed: number;
  /** The day the exports were taken (ISO date); no connection, message or invitation is later. Default `2026-11-20`. */
  exportDate: string;
  /** Share of named Connections.csv rows that show an e-mail address. Default 0.03. */
  emailShare: number;
  /** Share of Connections.csv rows that are `,,,,,,<date>` hidden members. Default 0.02. */
  hiddenShare: number;
  /** Share of Connections.csv rows with a stray leading or trailing space in one value. Default 0.07. */
  spaceShare: number;
  /** Share of an owner's connections in a shared cluster taken from people earlier owners already know. Default 0.35. */
  overlap: number;
  /** Share of people who have a row in locations.csv. Default 0.85. */
  locationShare: number;
}

/** Defaults of every option (see SampleOptions). */
export const DEFAULTS: SampleOptions = {
  connections: 1500,
  owners: 3,
  seed: 1,
  exportDate: '2026-11-20',
  emailShare: 0.03,
  hiddenShare: 0.02,
  spaceShare: 0.07,
  overlap: 0.35,
  locationShare: 0.85,
};

/** One file to write, path relative to the output folder with `/` separators. */
export interface SampleFile {
  path: string;
  text: string;
}

/** What a planted person is: a cluster member, a mover, a super-connector, a scattered acquaintance or an owner. */
export type SamplePersonKind = 'member' | 'mover' | 'connector' | 'scattered' | 'owner';

/** One planted person in truth.json, keyed by normalised profile key. */
export interface TruthPerson {
  name: string;
  kind: SamplePersonKind;
  /** The social cluster (where their ties are); null for scattered people and owners. */
  cluster: string | null;
  /** The cluster of their current company and city (differs from `cluster` for movers). */
  currentCluster: string | null;
  /** Their row in locations.csv, or null when the table has none. */
  location: string | null;
  /** Folders of the owners whose Connections.csv lists them. */
  owners: string[];
}

/** truth.json: the planted ground truth (see data/README.md). */
export interface SampleTruth {
  about: string;
  generator: { connections: number; owners: number; seed: number; exportDate: string };
  owners: {
    id: string;
    folder: string;
    name: string;
    key: string;
    homeCluster: string;
    clusters: string[];
    exclusiveClusters: string[];
    hiddenRows: number;
  }[];
  clusters: { id: string; label: string; industry: string; area: string; country: string; owners: string[] }[];
  superConnectors: {
    key: string;
    name: string;
    position: string;
    company: string;
    spans: string[];
    owners: string[];
  }[];
  movers: {
    key: string;
    name: string;
    fromCluster: string;
    toCluster: string;
    fromCompany: string;
    toCompany: string;
  }[];
  people: Record<string, TruthPerson>;
}

/** What generateSample returns: the files to write (truth.json among them) and the truth as an object. */
export interface SampleResult {
  files: SampleFile[];
  truth: SampleTruth;
}

interface Human {
  index: number;
  firstName: string;
  lastName: string;
  slug: string;
  /** Profile URL as Connections.csv writes it (percent-encoded), computed once. */
  url: string;
  key: string;
  email: string;
  kind: SamplePersonKind;
  cluster: number | null;
  currentCluster: number | null;
  company: string;
  position: string;
  location: string;
  owners: number[];
  fromCompany?: string;
  spans?: number[];
}

interface Row {
  person: Human | null;
  day: number;
}

/** Clusters every owner knows (when there is more than one owner); the rest are each known by one owner only. */
const SHARED_CLUSTERS = [0, 2, 5, 10, 1, 8] as const;

const MESSAGE_TEMPLATES = [
  'Hi {first}, great to meet you at {event} last week!',
  'Thanks, {first}. Talk soon.',
  'Hi {first},\n\nare you still at {company}? A friend is looking for a {position} and I thought of you.',
  'Sounds good, see you Thursday at 10.',
  'Congrats on the new role, {first}! {company} is lucky to have you.',
  'Quick question: do you know anyone at {company} who handles procurement?',
  'He said, "send me the deck", so I did. Fingers crossed!',
  'Can we move our call to 3pm? Something came up, sorry.',
  'Here is the link to the slides: https://example.org/slides/{n}',
  'Hi {first} – thanks for the intro to {other}, we met on Monday, it went really well.',
  '<p>Hi {first},</p><p>Following up on our chat, the proposal is attached.</p>',
  'Happy new year! 🎉',
  'Would love your take on this: "{company} vs. the rest", honest opinion?',
  "Yes, let's do it.\nI'll send an invite for next week.",
  "Thank you for your message. I'm out of office until Monday, with limited access to e-mail.",
] as const;

const INVITATION_MESSAGES = [
  'Hi {first}, we met at {event}, would be great to stay in touch.',
  "Hello {first}, I came across your profile while looking for people in {industry}. Let's connect!",
  'Great talk today, "{event}" was the highlight.',
  'Hi {first}, fellow {position} here, happy to connect.',
] as const;

const EVENTS = [
  'the Harbour Summit',
  'Founders Breakfast',
  'TechBridge Forum',
  'the regional meetup',
  'Meridian Summit 2025',
];

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** k distinct indices of 0..n-1 (Floyd's algorithm, Bentley & Floyd 1987), O(k). */
function chooseIndices(rng: () => number, n: number, k: number): Set<number> {
  const chosen = new Set<number>();
  for (let j = n - Math.min(k, n); j < n; j += 1) {
    const t = Math.floor(rng() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return chosen;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

const fullName = (p: { firstName: string; lastName: string }): string => `${p.firstName} ${p.lastName}`;

/** A draw from the culture list with weights 1/rank, so the first culture dominates. */
function pickCulture(rng: () => number, ids: readonly CultureId[]): NameCulture {
  const weights = ids.map((_, i) => 1 / (i + 1));
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  let id = ids[0] ?? 'anglo';
  for (let i = 0; i < ids.length; i += 1) {
    r -= weights[i] ?? 0;
    if (r <= 0) {
      id = ids[i] ?? id;
      break;
    }
  }
  // A few people anywhere come from any culture.
  if (rng() < 0.08) return pick(rng, CULTURES);
  return CULTURES.find((c) => c.id === id) ?? CULTURES[0];
}

function pickLocation(rng: () => number, locations: readonly string[]): string {
  return rng() < 0.5 ? (locations[0] ?? '') : pick(rng, locations);
}

function checkOptions(o: SampleOptions): void {
  const int = (name: string, v: number, min: number, max: number): void => {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new Error(`io/sample: ${name} must be a whole number from ${min} to ${max}, got ${v}.`);
    }
  };
  int('connections', o.connections, 20, 200_000);
  int('owners', o.owners, 1, 26);
  if (!Number.isFinite(o.seed)) throw new Error(`io/sample: seed must be a number, got ${o.seed}.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.exportDate)) {
    throw new Error(`io/sample: exportDate must be an ISO date like 2026-11-20, got '${o.exportDate}'.`);
  }
}

/** Generates the sample: every file's text and the planted truth (also written as `truth.json`). */
export function generateSample(options: Partial<SampleOptions> = {}): SampleResult {
  const o: SampleOptions = { ...DEFAULTS, ...options };
  checkOptions(o);
  // Independent streams per stage, so a change in one stage does not reshuffle the others.
  const stream = (k: number): (() => number) => createRng(Math.imul(o.seed | 0, 0x9e3779b1) ^ (k * 0x85ebca6b));
  const rngPeople = stream(1);
  const rngRows = stream(2);
  const rngMessages = stream(3);
  const rngInvites = stream(4);
  const rngLinks = stream(5);
  const rngTables = stream(6);
  const makeSlug = createSlugMaker(stream(7));
  const exportDay = toDayNumber(o.exportDate);
  const M = o.owners;
  const N = o.connections;

  // 1. Owners and the clusters each knows.
  const ownerHumans: Human[] = [];
  const folders: string[] = [];
  const people: Human[] = [];
  const domains = new Map<string, string>();
  const newHuman = (
    fields: Omit<Human, 'index' | 'slug' | 'url' | 'key' | 'email' | 'owners' | 'fromCompany' | 'spans'>,
    slugBase: string,
    asciiBase: string,
  ): Human => {
    const slug = makeSlug(slugBase);
    const company = fields.company || 'mail';
    let domain = domains.get(company);
    if (domain === undefined) {
      domain =
        toSlug(company)
          .replace(/[^a-z0-9-]/g, '')
          .split('-')
          .slice(0, 2)
          .join('') || 'mail';
      domains.set(company, domain);
    }
    // Explicit fields (not a spread) keep one object shape for every person.
    const h: Human = {
      firstName: fields.firstName,
      lastName: fields.lastName,
      kind: fields.kind,
      cluster: fields.cluster,
      currentCluster: fields.currentCluster,
      company: fields.company,
      position: fields.position,
      location: fields.location,
      fromCompany: undefined,
      spans: undefined,
      index: people.length,
      slug,
      url: toEncodedProfileUrl(slug),
      // What core/identity toProfileKey gives for this URL: slugs are already lower-case NFC.
      key: `linkedin.com/in/${slug}`,
      email: `${asciiBase.replace(/^\.|\.$/g, '') || `member${people.length}`}@${domain}.example`,
      owners: [],
    };
    people.push(h);
    return h;
  };
  const shared = M > 1 ? new Set<number>(SHARED_CLUSTERS) : new Set<number>();
  const exclusive = CLUSTERS.map((_, i) => i).filter((i) => !shared.has(i));
  const ownerClusters: number[][] = [];
  const ownerExclusive: number[][] = [];
  for (let w = 0; w < M; w += 1) {
    const mine = exclusive.filter((_, j) => j % M === w);
    ownerExclusive.push(mine);
    ownerClusters.push([...mine, ...shared]);
  }
  for (let w = 0; w < M; w += 1) {
    const home = ownerClusters[w]?.[0] ?? 0;
    const c = CLUSTERS[home] as SampleCluster;
    const given = OWNER_NAMES[w] ?? getSampleName(rngPeople, pickCulture(rngPeople, c.cultures));
    let folder = toSlug(fullName(given));
    while (folders.includes(folder)) folder = `${folder}-${w + 1}`;
    folders.push(folder);
    const slugBase = folder;
    ownerHumans.push(
      newHuman(
        {
          firstName: given.firstName,
          lastName: given.lastName,
          kind: 'owner',
          cluster: null,
          currentCluster: home,
          company: pick(rngPeople, c.companies),
          position: pick(rngPeople, c.positions),
          location: c.locations[0] ?? c.area,
        },
        slugBase,
        slugBase.replace(/-/g, '.'),
      ),
    );
  }

  // 2. Connectors: known to several owners, tied across several clusters.
  const connectorCount = Math.max(4, Math.min(40, Math.round(N * 0.005)));
  const connectors: Human[] = [];
  for (let i = 0; i < connectorCount; i += 1) {
    const role = CONNECTOR_ROLES[i % CONNECTOR_ROLES.length] ?? CONNECTOR_ROLES[0];
    const home = Math.floor(rngPeople() * CLUSTERS.length);
    const c = CLUSTERS[home] as SampleCluster;
    const name = getSampleName(rngPeople, pickCulture(rngPeople, c.cultures));
    const h = newHuman(
      {
        firstName: name.firstName,
        lastName: name.lastName,
        kind: 'connector',
        cluster: home,
        currentCluster: home,
        company: pick(rngPeople, role.companies),
        position: rngPeople() < 0.3 ? `Senior ${role.position}` : role.position,
        location: pickLocation(rngPeople, c.locations),
      },
      name.slugBase,
      name.asciiBase,
    );
    const spanCount = 4 + Math.floor(rngPeople() * 5);
    const spans = [home, ...chooseIndices(rngPeople, CLUSTERS.length, spanCount)].filter(
      (v, j, a) => a.indexOf(v) === j,
    );
    h.spans = spans;
    connectors.push(h);
  }

  // Most owners know each connector, and at least two do when there are two owners or more.
  const connectorOwners = connectors.map(() => {
    const known = new Set<number>();
    for (let w = 0; w < M; w += 1) if (rngRows() < 0.85) known.add(w);
    while (known.size < Math.min(2, M)) known.add(Math.floor(rngRows() * M));
    return known;
  });

  // 3. Each owner's connections: hidden rows, teammates, connectors, scattered people, cluster members.
  const clusterPool: Human[][] = CLUSTERS.map(() => []);
  const rowsByOwner: Row[][] = [];
  const makeMember = (cl: number): Human => {
    const moved = rngPeople() < 0.04;
    const current = moved ? (cl + 1 + Math.floor(rngPeople() * (CLUSTERS.length - 1))) % CLUSTERS.length : cl;
    const social = CLUSTERS[cl] as SampleCluster;
    const now = CLUSTERS[current] as SampleCluster;
    const name = getSampleName(rngPeople, pickCulture(rngPeople, social.cultures));
    const noCompany = rngPeople() < 0.05;
    const noPosition = rngPeople() < 0.04;
    const h = newHuman(
      {
        firstName: name.firstName,
        lastName: name.lastName,
        kind: moved ? 'mover' : 'member',
        cluster: cl,
        currentCluster: current,
        company: noCompany ? '' : pick(rngPeople, now.companies),
        // Movers keep their trade half of the time.
        position: noPosition ? '' : pick(rngPeople, moved && rngPeople() < 0.5 ? social.positions : now.positions),
        location: pickLocation(rngPeople, now.locations),
      },
      name.slugBase,
      name.asciiBase,
    );
    if (moved) h.fromCompany = pick(rngPeople, social.companies);
    clusterPool[cl]?.push(h);
    return h;
  };
  const makeScattered = (): Human => {
    const name = getSampleName(rngPeople, pickCulture(rngPeople, SCATTERED.cultures));
    return newHuman(
      {
        firstName: name.firstName,
        lastName: name.lastName,
        kind: 'scattered',
        cluster: null,
        currentCluster: null,
        company: rngPeople() < 0.1 ? '' : pick(rngPeople, SCATTERED.companies),
        position: rngPeople() < 0.1 ? '' : pick(rngPeople, SCATTERED.positions),
        location: pick(rngPeople, SCATTERED.locations),
      },
      name.slugBase,
      name.asciiBase,
    );
  };
  for (let w = 0; w < M; w += 1) {
    const start = toDayNumber(`${2008 + Math.floor(rngRows() * 6)}-0${1 + Math.floor(rngRows() * 9)}-15`);
    const drawDay = (): number => start + Math.floor((exportDay - start) * Math.pow(rngRows(), 0.6));
    const hidden = Math.max(1, Math.round(N * o.hiddenShare));
    const chosen: Human[] = [];
    for (let v = 0; v < M; v += 1) if (v !== w) chosen.push(ownerHumans[v] as Human);
    for (const [i, c] of connectors.entries()) if (connectorOwners[i]?.has(w)) chosen.push(c);
    const named = N - hidden;
    const scattered = Math.round(named * 0.08);
    for (let i = 0; i < scattered; i += 1) chosen.push(makeScattered());
    const left = Math.max(0, named - chosen.length);
    const mine = ownerClusters[w] ?? [];
    const weights = mine.map((c) => (shared.has(c) ? 1 : 1.5) * (0.6 + 0.8 * rngRows()));
    const total = weights.reduce((a, b) => a + b, 0);
    let given = 0;
    mine.forEach((cl, j) => {
      const quota = j === mine.length - 1 ? left - given : Math.round((left * (weights[j] ?? 0)) / total);
      given += quota;
      const pool = clusterPool[cl] ?? [];
      const reuse = shared.has(cl) ? Math.min(pool.length, Math.round(quota * o.overlap)) : 0;
      for (const i of chooseIndices(rngRows, pool.length, reuse)) chosen.push(pool[i] as Human);
      for (let i = reuse; i < quota; i += 1) chosen.push(makeMember(cl));
    });
    const rows: Row[] = chosen.slice(0, named).map((person) => {
      person.owners.push(w);
      return { person, day: drawDay() };
    });
    for (let i = 0; i < hidden; i += 1) rows.push({ person: null, day: drawDay() });
    // Newest first; ties keep generation order (sort is stable).
    rows.sort((a, b) => b.day - a.day);
    rowsByOwner.push(rows);
  }

  const files: SampleFile[] = [];
  // 4. Per owner: Connections.csv, Profile.csv, messages.csv, Invitations.csv.
  for (let w = 0; w < M; w += 1) {
    const folder = folders[w] as string;
    const owner = ownerHumans[w] as Human;
    const rows = rowsByOwner[w] as Row[];
    const namedIdx = rows.flatMap((r, i) => (r.person ? [i] : []));
    const withEmail = new Set(
      [...chooseIndices(rngRows, namedIdx.length, Math.round(namedIdx.length * o.emailShare))].map((i) => namedIdx[i]),
    );
    const withSpace = new Set(
      [...chooseIndices(rngRows, namedIdx.length, Math.round(rows.length * o.spaceShare))].map((i) => namedIdx[i]),
    );
    const lines: string[] = [];
    rows.forEach((r, i) => {
      const p = r.person;
      if (!p) {
        lines.push(`,,,,,,${toConnectedOn(r.day)}`);
        return;
      }
      const f = [p.firstName, p.lastName, p.url, withEmail.has(i) ? p.email : '', p.company, p.position];
      if (withSpace.has(i)) {
        const candidates = [0, 1, 4, 5].filter((j) => f[j] !== '');
        const j = pick(rngRows, candidates);
        f[j] = rngRows() < 0.3 ? ` ${f[j]}` : `${f[j]} `;
      }
      lines.push(toCsvRow([...f, toConnectedOn(r.day)]));
    });
    files.push({
      path: `${folder}/Connections.csv`,
      text: `${CONNECTIONS_PREAMBLE}${toCsvRow(CONNECTIONS_HEADER)}\n${lines.join('\n')}`,
    });

    const home = CLUSTERS[owner.currentCluster ?? 0] as SampleCluster;
    files.push({
      path: `${folder}/Profile.csv`,
      text: toCsvText(PROFILE_HEADER, [
        [
          owner.firstName,
          owner.lastName,
          '',
          '',
          '',
          `${owner.position} at ${owner.company}`,
          `${home.industry} professional in ${home.area}. Fictional person of the Netwell sample.`,
          home.industry,
          '',
          owner.location,
          '',
          '',
          '',
        ],
      ]),
    });

    files.push({ path: `${folder}/messages.csv`, text: buildMessages(rngMessages, owner, rows, exportDay) });
    files.push({ path: `${folder}/Invitations.csv`, text: buildInvitations(rngInvites, owner, rows, exportDay) });
  }

  // 5. locations.csv: most people (not owners), as a user's enrichment table would hold them.
  const connected = people.filter((p) => p.kind !== 'owner' || p.owners.length > 0);
  const located = chooseIndices(rngTables, connected.length, Math.round(connected.length * o.locationShare));
  const locationRows: string[][] = [];
  const locationOf = new Map<Human, string>();
  connected.forEach((p, i) => {
    if (!located.has(i) || !p.location) return;
    locationOf.set(p, p.location);
    // A tenth written unencoded, as hand-made tables often are.
    locationRows.push([rngTables() < 0.1 ? toRawProfileUrl(p.slug) : p.url, p.location]);
  });
  files.push({ path: 'locations.csv', text: toCsvText(LOCATIONS_HEADER, locationRows) });

  // 6. known-links.csv: sparse ties, mostly within the social cluster; many for connectors.
  files.push({ path: 'known-links.csv', text: buildKnownLinks(rngLinks, people, clusterPool, connectors) });

  // 7. truth.json.
  const truth: SampleTruth = {
    about:
      'Planted ground truth of the Netwell synthetic sample (not a LinkedIn file). Every person and company is fictional.',
    generator: { connections: N, owners: M, seed: o.seed, exportDate: o.exportDate },
    owners: ownerHumans.map((h, w) => ({
      id: `owner:${folders[w]}`,
      folder: folders[w] as string,
      name: fullName(h),
      key: h.key,
      homeCluster: CLUSTERS[h.currentCluster ?? 0]?.id ?? '',
      clusters: (ownerClusters[w] ?? []).map((c) => CLUSTERS[c]?.id ?? ''),
      exclusiveClusters: (ownerExclusive[w] ?? []).map((c) => CLUSTERS[c]?.id ?? ''),
      hiddenRows: (rowsByOwner[w] ?? []).filter((r) => !r.person).length,
    })),
    clusters: CLUSTERS.map((c, i) => ({
      id: c.id,
      label: c.label,
      industry: c.industry,
      area: c.area,
      country: c.country,
      owners: folders.filter((_, w) => ownerClusters[w]?.includes(i)),
    })),
    superConnectors: connectors.map((h) => ({
      key: h.key,
      name: fullName(h),
      position: h.position,
      company: h.company,
      spans: (h.spans ?? []).map((c) => CLUSTERS[c]?.id ?? ''),
      owners: h.owners.map((w) => folders[w] as string),
    })),
    movers: people
      .filter((h) => h.kind === 'mover')
      .map((h) => ({
        key: h.key,
        name: fullName(h),
        fromCluster: CLUSTERS[h.cluster ?? 0]?.id ?? '',
        toCluster: CLUSTERS[h.currentCluster ?? 0]?.id ?? '',
        fromCompany: h.fromCompany ?? '',
        toCompany: h.company,
      })),
    people: {},
  };
  for (const h of people) {
    truth.people[h.key] = {
      name: fullName(h),
      kind: h.kind,
      cluster: h.cluster === null ? null : (CLUSTERS[h.cluster]?.id ?? null),
      currentCluster: h.currentCluster === null ? null : (CLUSTERS[h.currentCluster]?.id ?? null),
      location: locationOf.get(h) ?? null,
      owners: h.owners.map((w) => folders[w] as string),
    };
  }
  files.push({ path: 'truth.json', text: toTruthJson(truth) });
  return { files, truth };
}

/** messages.csv: a conversation per tie; strong ties (a minority) hold most messages. */
function buildMessages(rng: () => number, owner: Human, rows: Row[], exportDay: number): string {
  const named = rows.filter((r): r is Row & { person: Human } => r.person !== null);
  // Efraimidis-Spirakis weighted sample: teammates and the owner's own cluster are likelier strong ties.
  const keyed = named.map((r) => {
    const p = r.person;
    const w = p.kind === 'owner' ? 6 : p.currentCluster === owner.currentCluster ? 2.5 : p.kind === 'connector' ? 2 : 1;
    return { r, k: Math.pow(rng(), 1 / w) };
  });
  keyed.sort((a, b) => b.k - a.k);
  const strong = Math.round(named.length * 0.06);
  const weak = Math.round(named.length * 0.05);
  interface Message {
    conv: string;
    fromOwner: boolean;
    person: Human;
    day: number;
    sec: number;
    content: string;
  }
  const conversations: Message[][] = [];
  const convId = (): string => {
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let s = '2-';
    for (let i = 0; i < 46; i += 1) s += abc[Math.floor(rng() * abc.length)];
    return `${s}==`;
  };
  keyed.slice(0, strong + weak).forEach(({ r }, rank) => {
    const p = r.person;
    // Zipf-like volume over strong ties (rank 1 ≈ 80 messages), one or two for weak ones.
    const count =
      rank < strong ? 2 + Math.floor((80 * (0.5 + rng())) / Math.pow(rank + 1, 0.8)) : 1 + Math.floor(rng() * 2);
    const conv = convId();
    const from = Math.max(r.day, exportDay - 3000);
    const msgs: Message[] = [];
    const values = {
      first: p.firstName,
      company: p.company || 'your company',
      position: p.position || 'colleague',
      event: pick(rng, EVENTS),
      other: owner.firstName,
    };
    for (let i = 0; i < count; i += 1) {
      msgs.push({
        conv,
        fromOwner: rank < strong ? rng() < 0.5 : false,
        person: p,
        day: from + Math.floor((exportDay - from) * rng()),
        sec: Math.floor(rng() * 86_400),
        content: fill(pick(rng, MESSAGE_TEMPLATES), { ...values, n: String(Math.floor(rng() * 9000) + 1000) }),
      });
    }
    msgs.sort((a, b) => b.day - a.day || b.sec - a.sec);
    conversations.push(msgs);
  });
  conversations.sort((a, b) => (b[0]?.day ?? 0) - (a[0]?.day ?? 0) || (b[0]?.sec ?? 0) - (a[0]?.sec ?? 0));
  const ownerName = fullName(owner);
  const ownerUrl = owner.url;
  const out: string[][] = [];
  // One message from LinkedIn itself (no sender URL), placed among the conversations by its date.
  const systemDay = exportDay - 40;
  const systemRow = [
    convId(),
    'LinkedIn Offer',
    'LinkedIn',
    '',
    ownerName,
    ownerUrl,
    toMessageDate(systemDay, 36_000),
    'Your Premium free trial',
    'Hi, try Premium free for one month, cancel anytime.',
    'INBOX',
    'No',
  ];
  const systemAt = conversations.findIndex((c) => (c[0]?.day ?? 0) < systemDay);
  const at = systemAt < 0 ? conversations.length : systemAt;
  conversations.forEach((msgs, ci) => {
    if (ci === at) out.push(systemRow);
    for (const m of msgs) {
      const them = fullName(m.person);
      const url = m.person.url;
      out.push([
        m.conv,
        '',
        m.fromOwner ? ownerName : them,
        m.fromOwner ? ownerUrl : url,
        m.fromOwner ? them : ownerName,
        m.fromOwner ? url : ownerUrl,
        toMessageDate(m.day, m.sec),
        '',
        m.content,
        'INBOX',
        'No',
      ]);
    }
  });
  if (at === conversations.length) out.push(systemRow);
  return toCsvText(MESSAGES_HEADER, out);
}

/** Invitations.csv: the last year's accepted invitations (LinkedIn keeps only recent ones), newest first. */
function buildInvitations(rng: () => number, owner: Human, rows: Row[], exportDay: number): string {
  const out: { day: number; min: number; row: string[] }[] = [];
  for (const r of rows) {
    const p = r.person;
    if (!p || r.day < exportDay - 365 || rng() < 0.3) continue;
    const outgoing = rng() < 0.45;
    const day = Math.max(r.day - Math.floor(rng() * 8), exportDay - 365);
    const min = Math.floor(rng() * 1440);
    const c = CLUSTERS[p.currentCluster ?? 0] as SampleCluster;
    const message =
      rng() < 0.2
        ? fill(pick(rng, INVITATION_MESSAGES), {
            first: outgoing ? p.firstName : owner.firstName,
            event: pick(rng, EVENTS),
            industry: c.industry,
            position: (outgoing ? owner.position : p.position) || 'professional',
          })
        : '';
    const [a, b] = outgoing ? [owner, p] : [p, owner];
    out.push({
      day,
      min,
      row: [
        fullName(a),
        fullName(b),
        toInvitationDate(day, min),
        message,
        outgoing ? 'OUTGOING' : 'INCOMING',
        toRawProfileUrl(a.slug),
        toRawProfileUrl(b.slug),
      ],
    });
  }
  out.sort((x, y) => y.day - x.day || y.min - x.min);
  return toCsvText(
    INVITATIONS_HEADER,
    out.map((x) => x.row),
  );
}

/** known-links.csv: undirected ties, deduplicated; weight 1-5 (more within a company). */
function buildKnownLinks(rng: () => number, people: Human[], clusterPool: Human[][], connectors: Human[]): string {
  const seen = new Set<number>();
  const out: string[] = [toCsvRow(KNOWN_LINKS_HEADER)];
  const byCompany = new Map<string, Human[]>();
  for (const h of people) {
    if (h.kind !== 'member' || !h.company) continue;
    const k = `${h.cluster}|${h.company}`;
    const list = byCompany.get(k) ?? [];
    list.push(h);
    byCompany.set(k, list);
  }
  const scattered = people.filter((h) => h.kind === 'scattered');
  const members = people.filter((h) => h.kind === 'member' || h.kind === 'mover');
  const link = (a: Human, b: Human, weight: number): void => {
    if (a === b) return;
    const k = a.index < b.index ? a.index * 2 ** 24 + b.index : b.index * 2 ** 24 + a.index;
    if (seen.has(k)) return;
    seen.add(k);
    // Percent-encoded URLs and digits never need quoting: write the line directly (180k lines at 30k per owner).
    out.push(`${a.url},${b.url},${weight}`);
  };
  const weight = (): number => 1 + Math.floor(Math.pow(rng(), 2) * 4);
  for (const h of people) {
    if (h.kind === 'member' || h.kind === 'mover') {
      const ties = 1 + Math.floor(rng() * 4);
      for (let i = 0; i < ties; i += 1) {
        const r = rng();
        const sameCompany = byCompany.get(`${h.cluster}|${h.company}`);
        if (h.kind === 'mover' && r < 0.4) {
          // Movers also know people at their new place.
          const pool = clusterPool[h.currentCluster ?? 0] ?? [];
          if (pool.length) link(h, pick(rng, pool), weight());
        } else if (r < 0.45 && sameCompany && sameCompany.length > 1) {
          link(h, pick(rng, sameCompany), Math.min(5, weight() + 1));
        } else if (r < 0.88) {
          const pool = clusterPool[h.cluster ?? 0] ?? [];
          if (pool.length) link(h, pick(rng, pool), weight());
        } else if (r < 0.94 && scattered.length) {
          link(h, pick(rng, scattered), 1);
        } else if (members.length) {
          link(h, pick(rng, members), 1);
        }
      }
    } else if (h.kind === 'scattered' && rng() < 0.5 && members.length) {
      link(h, pick(rng, rng() < 0.5 || !scattered.length ? members : scattered), 1);
    }
  }
  for (const c of connectors) {
    for (const cl of c.spans ?? []) {
      const pool = clusterPool[cl] ?? [];
      const ties = Math.min(pool.length, 5 + Math.floor(rng() * 10));
      for (const i of chooseIndices(rng, pool.length, ties)) link(c, pool[i] as Human, weight());
    }
    for (const d of connectors) if (d !== c && rng() < 0.3) link(c, d, weight());
  }
  return out.join('\n');
}

/** truth.json with one line per person, so diffs of the committed sample stay readable. */
function toTruthJson(truth: SampleTruth): string {
  const { people, ...rest } = truth;
  const head = JSON.stringify(rest, null, 2).replace(/\n\}$/, '');
  const lines = Object.entries(people).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `${head},\n  "people": {\n${lines.join(',\n')}\n  }\n}\n`;
}
