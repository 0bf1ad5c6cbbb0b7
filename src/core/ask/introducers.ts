/**
 * Introducers: who "me" (an owner) should ask to reach a need's targets, ranked, with reasons and paths.
 *
 * 1. First hops F: my real ties (connection, knows, co-member) and my teammates (the other owners,
 *    through a team tie of strength `teamStrength` or our real tie if stronger).
 * 2. A target in F is "ask directly" (path [me, target]).
 * 3. From each target t, a hop-bounded best-path search over real ties (strength s(e); the path's
 *    strength is the product, i.e. Dijkstra on −log s bounded to `maxHops` − 1 edges, relaxed layer by
 *    layer): every first hop a reached gives the path me → a → … → t. Owners and me are never
 *    intermediate nodes; an inferred colleague tie is allowed only as the last edge, next to the target.
 * 4. score(a) = Σ over the targets a reaches of match(t) × s(me, a) × strength(a … t); reasons say how
 *    many targets a knows directly and through what ("colleagues at their firm", "in their LinkedIn
 *    connections", "known links"), and how many more through their contacts.
 * 5. When fewer than `minIntroducers` people reach targets beyond my own connections, the
 *    super-connectors of the target clusters and people whose trade is connecting (recruiters,
 *    consultants, …) in the need's industry or place are offered, scored lower (`fallbackWeight`) and
 *    labelled as a weaker inference.
 * Cost: O(T · Σ degrees within `maxHops` − 1 hops of each target) for T = `maxPathTargets` targets.
 */
import { TRADE_HINTS } from '../analysis/super-connectors';
import { TIE_FLAGS, type AskIndex } from './ask-index';

/** How an introducer is related to me. */
export const INTRODUCER_KINDS = ['direct', 'teammate', 'connection', 'inferred'] as const;
/** `direct`: a target I know (ask directly); `teammate`: an owner of the team; `connection`: my tie; `inferred`: weaker, no known path. */
export type IntroducerKind = (typeof INTRODUCER_KINDS)[number];

/** Someone to ask, with reasons and paths. */
export interface Introducer {
  id: string;
  name: string;
  /** Σ match × path strength, rounded to 4 decimals (inferred ones scaled by `fallbackWeight`). */
  score: number;
  kind: IntroducerKind;
  why: string[];
  /** Target ids reached, strongest path first. */
  reaches: string[];
  /** Strongest paths first: [me, introducer, …, target]; [me, introducer] for an inferred one I know; empty when I do not. */
  paths: string[][];
}

/** Options for {@link computeIntroducers}. */
export interface IntroducerOptions {
  /** Longest path from me to a target, in ties. 2: only people who know a target directly. Default 3. */
  maxHops?: number;
  /** Strength of the tie between teammates (owners of the same team). Default 0.9. */
  teamStrength?: number;
  /** Targets (best first) searched for paths. Default 500. */
  maxPathTargets?: number;
  /** Introducers returned, besides the targets to ask directly. Default 20. */
  maxIntroducers?: number;
  /** Targets to ask directly returned (kind `direct`). Default 10. */
  maxDirect?: number;
  /** Paths listed per introducer. Default 5. */
  maxPaths?: number;
  /** Below this many introducers beyond my own connections, weaker inferences are added. Default 3. */
  minIntroducers?: number;
  /** Weaker inferences added at most. Default 5. */
  maxFallback?: number;
  /** Super-connectors (best first) scanned for the weaker-inference fallback. Default 2000. */
  maxFallbackScan?: number;
  /** Factor on the score of weaker inferences. Default 0.5. */
  fallbackWeight?: number;
  /** Node visits per target before the search stops. Default 20000. */
  maxVisits?: number;
  /** First hops credited per target (its strongest routes). Default 25. */
  maxRoutesPerTarget?: number;
}

/** Defaults of {@link IntroducerOptions}. */
export const INTRODUCER_DEFAULTS = {
  maxHops: 3,
  teamStrength: 0.9,
  maxPathTargets: 500,
  maxIntroducers: 20,
  maxDirect: 10,
  maxPaths: 5,
  minIntroducers: 3,
  maxFallback: 5,
  fallbackWeight: 0.5,
  maxFallbackScan: 2000,
  maxVisits: 20_000,
  maxRoutesPerTarget: 25,
};

/** What the introducer search needs beside the index. */
export interface IntroducerInput {
  index: AskIndex;
  /** Ranked targets with their match scores. */
  targets: readonly { id: string; score: number }[];
  /** The owner id of "me"; undefined when there is none (graph files only): only weaker inferences then. */
  me?: string;
  /** Cluster id per person and display labels, for "bridges …" reasons and the fallback. */
  membership?: Record<string, string>;
  clusterLabels?: Record<string, string>;
  /** Super-connectors (analysis), best first: id, score and the clusters they have strong links into. */
  superConnectors?: readonly { id: string; score: number; clusters: string[] }[];
  /** Whether a person lies in the need's place / industry (for trade-based fallbacks). */
  isNearNeed?: (personIndex: number) => boolean;
  /** The evidence on the link between two people (messages, last contact), for "your connection, messaged …". */
  getTieEvidence?: (a: string, b: string) => { messages?: number; lastContact?: string } | undefined;
}

interface Reach {
  target: number;
  value: number;
  /** The people between the introducer and the target, introducer side first (empty when they know each other). */
  via: number[];
  /** TIE_FLAGS of the last edge when the introducer knows the target directly, else 0. */
  directFlags: number;
}

interface Draft {
  node: number;
  kind: IntroducerKind;
  score: number;
  reaches: Reach[];
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Term keys of trades whose work is connecting people (looked up in positions and companies). */
const TRADE_WORDS = [
  'recruiter',
  'recruiting',
  'recruitment',
  'headhunter',
  'sourcer',
  'staffing',
  'talent',
  'consultant',
  'consulting',
  'community',
  'chamber',
  'organizer',
  'organiser',
  'networker',
];

const clusterMaps = new WeakMap<readonly object[], Map<string, string[]>>();
/** Super-connector clusters by id, built once per super-connector list. */
function getClustersById(list: readonly { id: string; clusters: string[] }[]): Map<string, string[]> {
  let m = clusterMaps.get(list);
  if (!m) clusterMaps.set(list, (m = new Map(list.map((s) => [s.id, s.clusters]))));
  return m;
}
const cmpId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ranked introducers for a need's targets, from the point of view of `me` (see the module header). */
export function computeIntroducers(input: IntroducerInput, options: IntroducerOptions = {}): Introducer[] {
  const o = { ...INTRODUCER_DEFAULTS, ...options };
  const { index } = input;
  const { people, offsets, targets: adj, strengths, flags } = index;
  const meNode = input.me !== undefined ? index.owners.get(input.me) : undefined;
  const isOwner = (i: number) => people[i]?.ownerId !== undefined;

  // 1. First hops: my real ties and my teammates.
  const first = new Map<number, { strength: number; team: boolean }>();
  if (meNode !== undefined) {
    for (let k = offsets[meNode] ?? 0; k < (offsets[meNode + 1] ?? 0); k++) {
      if ((flags[k] ?? 0) & TIE_FLAGS.colleague) continue;
      const v = adj[k] ?? 0;
      const s = strengths[k] ?? 0;
      if (s > (first.get(v)?.strength ?? 0)) first.set(v, { strength: s, team: isOwner(v) });
    }
    for (const node of index.owners.values())
      if (node !== meNode && (first.get(node)?.strength ?? 0) < o.teamStrength)
        first.set(node, { strength: o.teamStrength, team: true });
  }

  // 2-3. Per target: ask directly, or a hop-bounded best-path search back to the first hops.
  const drafts = new Map<number, Draft>();
  const draft = (node: number, kind: IntroducerKind): Draft => {
    let d = drafts.get(node);
    if (!d) drafts.set(node, (d = { node, kind, score: 0, reaches: [] }));
    return d;
  };
  const depth = Math.max(1, o.maxHops - 1);
  const n = people.length;
  const seen = new Int32Array(n);
  const bestS = new Float64Array(n);
  const nextOf = new Int32Array(n);
  const hopsOf = new Int32Array(n);
  const lastFlags = new Uint8Array(n);
  let stamp = 0;
  const firstS = new Float64Array(n);
  const firstTeam = new Uint8Array(n);
  for (const [node, f] of first) {
    firstS[node] = f.strength;
    firstTeam[node] = f.team ? 1 : 0;
  }
  const targets = input.targets.slice(0, o.maxPathTargets);
  if (meNode !== undefined)
    for (const t of targets) {
      const ti = index.byId.get(t.id);
      if (ti === undefined) continue;
      const direct = first.get(ti);
      if (direct && !isOwner(ti)) {
        const d = draft(ti, 'direct');
        d.kind = 'direct';
        d.score += t.score * direct.strength;
        d.reaches.push({ target: ti, value: t.score * direct.strength, via: [], directFlags: 0 });
      }
      // Best strength from t to each node within `depth` ties, the next node towards t, hops, flags of the edge into t.
      stamp++;
      const touched: number[] = [ti];
      seen[ti] = stamp;
      bestS[ti] = 1;
      nextOf[ti] = -1;
      hopsOf[ti] = 0;
      lastFlags[ti] = 0;
      let frontier = [ti];
      let visits = 0;
      for (let hop = 1; hop <= depth && frontier.length && visits < o.maxVisits; hop++) {
        const nextFrontier: number[] = [];
        for (const u of frontier) {
          const su = bestS[u] ?? 0;
          for (let k = offsets[u] ?? 0; k < (offsets[u + 1] ?? 0); k++) {
            const v = adj[k] ?? 0;
            const f = flags[k] ?? 0;
            if (v === meNode || (f & TIE_FLAGS.colleague && u !== ti)) continue;
            const s = su * (strengths[k] ?? 0);
            visits++;
            const fresh = seen[v] !== stamp;
            if (!fresh && (bestS[v] ?? 0) >= s) continue;
            if (fresh) {
              seen[v] = stamp;
              touched.push(v);
              // Owners end paths; other people may pass them on.
              if (!isOwner(v)) nextFrontier.push(v);
            }
            bestS[v] = s;
            nextOf[v] = u;
            hopsOf[v] = hop;
            lastFlags[v] = u === ti ? f : 0;
          }
        }
        frontier = nextFrontier;
      }
      // The target's strongest routes: at most `maxRoutesPerTarget` first hops.
      const routeValue = (node: number) => (firstS[node] ?? 0) * (bestS[node] ?? 0);
      // Top-K by insertion (K small): O(touched · K) at worst, no sort of the whole neighbourhood.
      const routes: number[] = [];
      for (const node of touched) {
        if (node === ti || (firstS[node] ?? 0) <= 0) continue;
        const v = routeValue(node);
        if (routes.length >= o.maxRoutesPerTarget && v <= routeValue(routes[routes.length - 1] ?? 0)) continue;
        let at = routes.length;
        while (at > 0 && routeValue(routes[at - 1] ?? 0) < v) at--;
        routes.splice(at, 0, node);
        if (routes.length > o.maxRoutesPerTarget) routes.pop();
      }
      for (const node of routes) {
        const value = t.score * routeValue(node);
        const d = draft(node, firstTeam[node] ? 'teammate' : 'connection');
        d.score += value;
        const hop = hopsOf[node] ?? 0;
        const via: number[] = [];
        for (let x = nextOf[node] ?? -1; x !== ti && x >= 0 && via.length < depth; x = nextOf[x] ?? -1) via.push(x);
        d.reaches.push({
          target: ti,
          value,
          via,
          directFlags: hop === 1 ? lastFlags[node] || TIE_FLAGS.connection : 0,
        });
      }
    }

  // 4. Reasons.
  const meId = meNode !== undefined ? (people[meNode]?.id ?? '') : '';
  const labelOf = (c: string | undefined) => (c ? (input.clusterLabels?.[c] ?? c) : undefined);
  const scClusters = getClustersById(input.superConnectors ?? []);
  const targetClusters = new Map<string, number>();
  for (const t of targets) {
    const c = input.membership?.[t.id];
    if (c && c !== 'unclustered') targetClusters.set(c, (targetClusters.get(c) ?? 0) + 1);
  }
  const topTargetClusters = [...targetClusters.entries()]
    .sort((a, b) => b[1] - a[1] || cmpId(a[0], b[0]))
    .map(([c]) => c);
  const bridgeReason = (id: string): string | undefined => {
    const mine = scClusters.get(id);
    if (!mine || mine.length < 2) return undefined;
    const into = topTargetClusters.find((c) => mine.includes(c));
    const other = mine.find((c) => c !== into);
    return into && other ? `bridges ${labelOf(into)} and ${labelOf(other)}` : undefined;
  };
  // Only the introducers kept get reasons. Targets I know are capped apart, so "ask directly" is never crowded out.
  const idOf = (d: Draft) => people[d.node]?.id ?? '';
  const byRank = (a: Draft, b: Draft) => round(b.score) - round(a.score) || cmpId(idOf(a), idOf(b));
  const sorted = [...drafts.values()].sort(byRank);
  const chosen = [
    ...sorted.filter((d) => d.kind !== 'direct').slice(0, o.maxIntroducers),
    ...sorted.filter((d) => d.kind === 'direct').slice(0, o.maxDirect),
  ].sort(byRank);
  const ranked: Introducer[] = [];
  for (const d of chosen) {
    const p = people[d.node];
    if (!p) continue;
    d.reaches.sort((a, b) => b.value - a.value || cmpId(people[a.target]?.id ?? '', people[b.target]?.id ?? ''));
    const seen = new Set<number>();
    const reaches = d.reaches.filter((r) => !seen.has(r.target) && seen.add(r.target));
    const why: string[] = [];
    const others = reaches.filter((r) => r.target !== d.node);
    if (d.kind === 'direct') why.push('ask directly: a target you are connected to');
    if (d.kind === 'teammate') why.push(`your teammate ${p.name}`);
    const known = others.filter((r) => r.directFlags);
    if (known.length) {
      const colleague = known.filter((r) => r.directFlags & TIE_FLAGS.colleague).length;
      const links = known.filter(
        (r) => r.directFlags & TIE_FLAGS.knows && !(r.directFlags & TIE_FLAGS.connection),
      ).length;
      const how =
        colleague * 2 >= known.length
          ? `colleagues at ${p.company ? p.company : 'their firm'}`
          : d.kind === 'teammate'
            ? 'in their LinkedIn connections'
            : links * 2 >= known.length
              ? 'known links in your files'
              : 'direct ties';
      why.push(`knows ${known.length} of the targets (${how})`);
    }
    const through = others.filter((r) => !r.directFlags);
    if (through.length) {
      const vias = [...new Set(through.map((r) => r.via[0] ?? -1).filter((v) => v >= 0))];
      const named = vias.slice(0, 2).map((v) => people[v]?.name ?? '');
      why.push(`reaches ${through.length} more through ${named.join(', ')}${vias.length > 2 ? ', …' : ''}`);
    }
    const bridge = bridgeReason(p.id);
    if (bridge) why.push(bridge);
    if (d.kind === 'connection') {
      const e = meNode !== undefined ? input.getTieEvidence?.(meId, p.id) : undefined;
      const contact = e?.messages
        ? `, messaged ${e.messages} time${e.messages === 1 ? '' : 's'}${e.lastContact ? ` (last ${e.lastContact})` : ''}`
        : '';
      why.push(`your connection${contact}`);
    }
    ranked.push({
      id: p.id,
      name: p.name,
      score: round(d.score),
      kind: d.kind,
      why,
      reaches: reaches.map((r) => people[r.target]?.id ?? ''),
      paths: reaches.slice(0, o.maxPaths).map((r) => {
        const path = r.target === d.node ? [d.node] : [d.node, ...r.via, r.target];
        return [meId, ...path.map((x) => people[x]?.id ?? '')];
      }),
    });
  }

  // 5. Weaker inferences when few people reach targets beyond my own connections.
  const beyond = ranked.filter((x) => x.kind !== 'direct').length;
  if (beyond >= o.minIntroducers) return ranked;
  // Targets are not their own introducers; people already ranked are not repeated.
  const taken = new Set([...ranked.map((x) => x.id), ...input.targets.map((t) => t.id)]);
  const clusterSet = new Set(topTargetClusters);
  const total = Math.max(1, targets.length);
  const weak: Introducer[] = [];
  const pathTo = (i: number): string[][] => {
    if (meNode === undefined) return [];
    if (first.has(i)) return [[meId, people[i]?.id ?? '']];
    // A teammate's connection: me → teammate → them.
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k++) {
      const v = adj[k] ?? 0;
      if (v !== meNode && isOwner(v) && first.has(v)) return [[meId, people[v]?.id ?? '', people[i]?.id ?? '']];
    }
    return [];
  };
  const scan = clusterSet.size ? (input.superConnectors ?? []).slice(0, o.maxFallbackScan) : [];
  for (const sc of scan) {
    const into = sc.clusters.filter((c) => clusterSet.has(c));
    if (!into.length || taken.has(sc.id) || isOwner(index.byId.get(sc.id) ?? -1)) continue;
    const share = into.reduce((sum, c) => sum + (targetClusters.get(c) ?? 0), 0) / total;
    const i = index.byId.get(sc.id);
    if (i === undefined) continue;
    const why = ['weaker inference: no known path to the targets beyond your own connections'];
    why.push(bridgeReason(sc.id) ?? `super-connector with strong links into ${labelOf(into[0])}`);
    const paths = pathTo(i);
    if (!paths.length) why.push('not connected to you or your team');
    weak.push({
      id: sc.id,
      name: people[i]?.name ?? sc.id,
      score: round(o.fallbackWeight * sc.score * share),
      kind: 'inferred',
      why,
      reaches: [],
      paths,
    });
    taken.add(sc.id);
  }
  // Trade candidates by look-up of the trade words, then the hint patterns and the need's place or field.
  const tradeCandidates = new Set<number>();
  if (input.isNearNeed)
    for (const word of TRADE_WORDS)
      for (const grams of [index.positionGrams, index.companyGrams])
        for (const i of grams.get(word) ?? []) tradeCandidates.add(i);
  for (const i of [...tradeCandidates].sort((a, b) => a - b)) {
    const p = people[i];
    if (!p || p.ownerId || taken.has(p.id) || !input.isNearNeed?.(i)) continue;
    const text = [p.position, p.company].filter(Boolean).join(' | ');
    const hints = TRADE_HINTS.filter((h) => h.pattern.test(text)).map((h) => h.hint);
    const trade = hints.find(
      (h) => h === 'recruiter' || h === 'consultant' || h === 'talent' || h === 'community' || h === 'chamber',
    );
    if (!trade) continue;
    const paths = pathTo(i);
    const why = ['weaker inference: no known path to the targets beyond your own connections'];
    why.push(`connects people by trade: ${trade} ("${p.position ?? p.company ?? ''}") in the need's field or place`);
    if (!paths.length) why.push('not connected to you or your team');
    weak.push({
      id: p.id,
      name: p.name,
      score: round(o.fallbackWeight * (paths.length ? 0.2 : 0.1)),
      kind: 'inferred',
      why,
      reaches: [],
      paths,
    });
  }
  weak.sort((a, b) => b.score - a.score || cmpId(a.id, b.id));
  return [...ranked, ...weak.slice(0, o.maxFallback)];
}
