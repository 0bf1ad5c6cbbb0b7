/**
 * The whole pipeline the worker runs, as one session that keeps what it read, so re-clustering at a
 * new resolution skips import and enrichment:
 *   1. read (io/import)  2. merge (core/people)  3. enrich (core/enrich, gazetteer loaded lazily)
 *   4-6. links, clusters, bridging (core/analysis)  7. layout (core/layout)  8. the compact view.
 * Between stages it yields to the event loop so a cancel or a newer request is seen.
 * Runs in Node too (tests, benchmarks): nothing here touches the DOM.
 */
import {
  AnalysisCancelledError,
  clusterNetwork,
  computeBridging,
  finishRanking,
  getBridgingInput,
  getBridgingStages,
  prepareRanking,
  type AnalysisOptions,
  type AnalysisStage,
  type BridgingInput,
  type ClusteredNetwork,
  type RankedNetwork,
} from '../core/analysis/analyze';
import {
  accumulateDependencies,
  toBetweenness,
  type BetweennessResult,
  type BetweennessRun,
} from '../core/analysis/betweenness';
import { buildEvidenceLinksBeside, type EvidenceLinks } from '../core/analysis/evidence-graph';
import type { SimilarityInput, SimilarityOptions, SimilarPairIds } from '../core/analysis/similarity';
import type { BridgingRun, OnBridgingStop } from './bridging-pool';
import { toLinkGraph, type LinkGraph } from '../core/analysis/link-graph';
import { UNCLUSTERED } from '../core/analysis/clusters';
import { askNetwork, type AskResult } from '../core/ask/ask';
import { getBundledVocabulary } from '../core/ask/bundled-vocabulary';
import { parseNeed, type ParsedNeed } from '../core/ask/parse-need';
import { getAskIndex } from '../core/ask/ask-index';
import type { AskVocabulary } from '../core/ask/vocabulary';
import { computeExportDiff, toDiffInputs, type ExportDiff } from '../core/diff';
import { enrichPeople } from '../core/enrich';
import { toProfileUrl, toProfileKey } from '../core/identity';
import { computeSeedLayout } from '../core/layout/seed-layout';
import { buildPeople, type PeopleIndex } from '../core/people';
import { ISSUE_SEVERITIES, type ImportResult, type Person, type Sourced } from '../core/types';
import { loadGazetteer } from '../io/gazetteer';
import { importFiles } from '../io/import';
import {
  EDGE_KINDS,
  type AnalyzeSettings,
  type NetworkView,
  type PersonView,
  type SourcedView,
  type Stage,
  type WorkerFile,
} from './protocol';

export interface RunHooks {
  onProgress?: (stage: Stage, fraction: number, message: string) => void;
  isCancelled?: () => boolean;
  /**
   * Called with the map's view as soon as clusters are named, before bridging: people's scores are 0 and
   * `superConnectors` is empty until the run completes (the worker draws it at once), and a new import's `changes`
   * are empty until the completed view holds them (not the first estimate's). The object is the
   * one the run then completes and returns, so a caller that keeps it must copy what it needs now.
   */
  onClusters?: (view: NetworkView) => void;
  /**
   * Awaited after `onClusters`, before bridging and the evidence graph start: the app's worker waits until the
   * page has drawn the map, so the first draw does not share the cores with three busy threads. Default: none.
   */
  afterClusters?: () => Promise<void>;
  /**
   * Computes the dependency sums of each run (in threads, in the app's worker: bridging-pool.ts); must give what
   * `accumulateDependencies(csr, run.sources, plan.weighted, plan.linear, run.from)` gives for each. The runs are
   * the plan's parts, whole; for a first estimate each has `stops: [its first sources]`, and `onStop(0, sums)`
   * must then be called with each part's sums over its first sources before the final sums are given (the
   * threads carry on meanwhile). Default: in this thread.
   */
  bridge?: (input: BridgingInput, runs: BridgingRun[], onStop?: OnBridgingStop) => Promise<Float64Array[]>;
  /**
   * Computes the similar pairs of the evidence links (in a thread, in the app's worker: bridging-pool.ts) while this
   * thread collects the other kinds of link, for networks of at least `similarMinPeople` people; must give what
   * `computeSimilarPairIds(input, options)` gives. Default: in this thread, in turn.
   */
  similar?: (input: SimilarityInput, options: Required<SimilarityOptions>) => Promise<SimilarPairIds>;
  /**
   * Fewest people for which `similar` is used. Default SIMILAR_BESIDE_MIN_PEOPLE (50,000): at 30,000 people the
   * thread's start and its code's first, unoptimised runs cost about what it saved (docs/performance.md, Session 9).
   */
  similarMinPeople?: number;
  /** Called once the people are merged when `similar` will be used: start its thread (bridging-pool.ts, prepare). */
  prepareThread?: () => void;
  /**
   * Called with the view holding a first estimate of the ranking (`estimate` true: betweenness over the first
   * `firstEstimate` sampled sources), before the final one, which is then computed from where the estimate left
   * off (no source is done twice) and is the same as without it. Giving it makes bridging run in those two
   * stages; not called when the plan is exact or small, nor when the ranking is reused. The object is the one the
   * run then completes and returns, so a caller that keeps it must copy what it needs now.
   */
  onEstimate?: (view: NetworkView) => void;
}

export interface Loaded {
  imported: ImportResult;
  index: PeopleIndex;
  /** For owners also in the previous import: what changed since (issue 9); computed by `diff` the first time. */
  changes?: ExportDiff[];
  /** Computes `changes`, once (it holds what it reads of the previous import's people until then). */
  diff?: () => ExportDiff[];
}

/**
 * What changed since the previous import, computed on first use. Not before the map: at 30,000 people a new export
 * of the owner on screen took 0.14–0.15 s to compare (Node), on the way to the first map; the worker compares them
 * while the bridging threads work instead, after the first estimate, and they reach the page with the final scores.
 */
function takeChanges(l: Loaded): ExportDiff[] {
  if (!l.changes) {
    l.changes = l.diff?.() ?? [];
    delete l.diff;
  }
  return l.changes;
}

export interface Session {
  analyze(files: WorkerFile[], settings: AnalyzeSettings, hooks?: RunHooks): Promise<NetworkView | 'cancelled'>;
  recluster(settings: AnalyzeSettings, hooks?: RunHooks): Promise<NetworkView | 'cancelled'>;
  /**
   * What the network on screen was read from and its analysis (for Ask and person details); undefined while a
   * new map is shown but its evidence graph is not built yet (see whenReady).
   */
  current(): { loaded: Loaded; analysis: RankedNetwork } | undefined;
  /** Resolves when the network on screen can be asked (its evidence graph is built, or the run ended). */
  whenReady(): Promise<void>;
  /**
   * Builds what the first Ask needs (the network's ask index, the vocabulary's term table) so it is as fast as
   * the next; the worker calls it once the layout has settled. Without it the first Ask builds them.
   */
  prepareAsk(): void;
  /** Who should `me` ask about this need, over the last completed analysis. */
  ask(need: string | ParsedNeed, me?: string): AskResult;
}

const ANALYSIS_TO_STAGE: Record<AnalysisStage, Stage> = {
  graph: 'links',
  clusters: 'clusters',
  names: 'clusters',
  bridging: 'bridging',
  participation: 'bridging',
  'super-connectors': 'bridging',
};

const STAGE_MESSAGES: Record<Stage, string> = {
  read: 'Reading files',
  merge: 'Merging people across exports',
  enrich: 'Resolving places and trades',
  links: 'Linking people by evidence',
  clusters: 'Finding clusters',
  bridging: 'Ranking super-connectors',
  layout: 'Placing people on the map',
  done: 'Done',
};

const tick = () => new Promise<void>((ok) => setTimeout(ok, 0));

/**
 * Fewest people for which the similar pairs are computed in another thread (RunHooks.similar). At 225,000 people
 * that brought the worker's map 1.9 s sooner; at 30,000 the end-to-end runs were no faster (a new thread's start
 * and the first runs of its code, which this thread has already optimised) and the renderer used 0.9 s more CPU.
 * Between the two it was not measured.
 */
export const SIMILAR_BESIDE_MIN_PEOPLE = 50_000;

/** The hook that computes the similar pairs elsewhere, when there is one and the network is big enough for it. */
const getSimilarBeside = (hooks: RunHooks, people: number) =>
  people >= (hooks.similarMinPeople ?? SIMILAR_BESIDE_MIN_PEOPLE) ? hooks.similar : undefined;

class Cancelled extends Error {}

export function createSession(): Session {
  let loaded: Loaded | undefined;
  let analysis: RankedNetwork | undefined;
  /** Resolved once the network on screen has its evidence graph (at once when no run is drawing a new one). */
  let ready: Promise<void> = Promise.resolve();
  let vocab: AskVocabulary | undefined;

  async function step(hooks: RunHooks, stage: Stage, fraction: number) {
    await tick();
    if (hooks.isCancelled?.()) throw new Cancelled();
    hooks.onProgress?.(stage, fraction, STAGE_MESSAGES[stage]);
  }

  // What does not depend on the resolution, kept for re-clustering: the evidence links and graph, and the
  // betweenness per seed.
  let built:
    | {
        loaded: Loaded;
        links: EvidenceLinks;
        graph?: LinkGraph;
        bridging?: { seed: number; result: BetweennessResult };
      }
    | undefined;

  async function runAnalysis(l: Loaded, settings: AnalyzeSettings, hooks: RunHooks): Promise<NetworkView> {
    await step(hooks, 'links', 0.35);
    const options = {
      seed: settings.seed,
      resolution: settings.resolution,
      onProgress: (s: AnalysisStage, f: number) =>
        hooks.onProgress?.(ANALYSIS_TO_STAGE[s], 0.35 + 0.55 * f, STAGE_MESSAGES[ANALYSIS_TO_STAGE[s]]),
      ...(hooks.isCancelled ? { isCancelled: hooks.isCancelled } : {}),
    };
    const reuse = built?.loaded === l ? built : undefined;
    // 1. The map from arrays: links, clusters, names; no graphology graph yet. The similar pairs are computed
    // beside the other links where a thread can take them (hooks.similar).
    const similar = reuse ? undefined : getSimilarBeside(hooks, l.index.people.length);
    const links =
      reuse?.links ?? (similar ? await buildEvidenceLinksBeside(l.index, l.imported.dataset, {}, similar) : undefined);
    if (hooks.isCancelled?.()) throw new Cancelled();
    const clustered = clusterNetwork(l.index, l.imported.dataset, options, links);
    if (!reuse) built = { loaded: l, links: clustered.links };
    const kept = built!;
    const view = toNetworkView(l, clustered, settings);
    // Known once computed (a re-clustering); a new import's come with the scores (takeChanges).
    view.changes = l.changes ?? [];
    // From here the new map is on screen: Ask and link lists wait (whenReady) until its graph is built, rather
    // than answer from the previous network; re-clustering reads the new one.
    loaded = l;
    analysis = undefined;
    let markReady = () => undefined as void;
    ready = new Promise<void>((resolve) => (markReady = resolve));
    try {
      hooks.onClusters?.(view);
      if (hooks.afterClusters) {
        await hooks.afterClusters();
        if (hooks.isCancelled?.()) throw new Cancelled();
      }
      return await rank(l, clustered, kept, view, settings, options, hooks, () => markReady());
    } finally {
      markReady();
    }
  }

  /**
   * The second half: bridging in threads while this thread reads the links as a graph (for Ask and the person
   * panel) and computes every part of the ranking but betweenness; then the ranking. No graphology graph: the
   * links' arrays are read as one (link-graph.ts), which saves its ~3 s of CPU and ~140 MB at 30,000 people.
   */
  async function rank(
    l: Loaded,
    clustered: ClusteredNetwork,
    kept: NonNullable<typeof built>,
    view: NetworkView,
    settings: AnalyzeSettings,
    options: AnalysisOptions,
    hooks: RunHooks,
    markReady: () => void,
  ): Promise<NetworkView> {
    // 2. Bridging starts in its threads: every part whole, for a first estimate with a stop after its first
    // sources (the threads post their sums there and carry on, see bridging-pool.ts).
    await step(hooks, 'bridging', 0.65);
    const input = getBridgingInput(clustered, options);
    const known = kept.bridging?.seed === settings.seed ? kept.bridging.result : undefined;
    const stages = known || !hooks.onEstimate ? undefined : getBridgingStages(input, options);
    const { plan } = input;
    const here = (runs: BetweennessRun[]) =>
      runs.map((r) => accumulateDependencies(input.csr, r.sources, plan.weighted, plan.linear, r.from));
    let firstStage: Float64Array[] | undefined;
    let firstStaged: ((sums: Float64Array[]) => void) | undefined;
    const firstSums = new Promise<Float64Array[]>((resolve) => (firstStaged = resolve));
    const runs = plan.parts.map((sources, p) => (stages ? { sources, stops: [stages.first[p]!.length] } : { sources }));
    const onStop: OnBridgingStop = (stop, sums) => stop === 0 && firstStaged?.((firstStage = sums));
    const threads = known || !hooks.bridge ? undefined : hooks.bridge(input, runs, stages ? onStop : undefined);
    // A failure is awaited below; until then it must not count as unhandled.
    threads?.catch(() => undefined);
    // 3. The links read as a graph: Ask and link lists can answer from here on.
    kept.graph ??= toLinkGraph(clustered.links);
    const graph = kept.graph;
    if (loaded !== l) throw new Cancelled();
    analysis = { ...clustered, graph, superConnectors: [], scores: {}, bridging: { exact: false, sources: 0 } };
    markReady();
    // 4. The ranking's parts that do not need betweenness, while the threads work.
    const prepared = prepareRanking(clustered, input, options, graph);
    // What changed since the previous import, while the threads go on after the first estimate (or at once, where
    // there is none): it comes with the final scores. Compared before the estimate, it made the estimate later.
    const compareExports = () => (view.changes = takeChanges(l));
    let between = known;
    if (!between) {
      let sums: Float64Array[] | undefined;
      if (stages) {
        // 5. The first estimate, while the threads go on with the rest of each part from its first sums.
        const first = threads
          ? // The threads' first sums; a failure or abort of either stage rejects here or below.
            await Promise.race([
              firstSums,
              threads.then(() => firstStage ?? here(stages.first.map((sources) => ({ sources })))),
            ])
          : here(stages.first.map((sources) => ({ sources })));
        if (hooks.isCancelled?.()) throw new Cancelled();
        const estimate = toBetweenness(plan, first, stages.firstSources);
        setRanking(view, finishRanking(prepared, estimate, options), true);
        hooks.onEstimate?.(view);
        compareExports();
        sums = threads ? await threads : here(stages.rest.map((sources, p) => ({ sources, from: first[p]! })));
      } else {
        compareExports();
        if (threads) sums = await threads;
      }
      between = sums ? toBetweenness(plan, sums) : computeBridging(input);
      kept.bridging = { seed: settings.seed, result: between };
    }
    if (hooks.isCancelled?.()) throw new Cancelled();
    compareExports();
    const ranked: RankedNetwork = { ...clustered, graph, ...finishRanking(prepared, between, options) };
    setRanking(view, ranked);
    if (loaded === l) analysis = ranked;
    hooks.onProgress?.('done', 1, STAGE_MESSAGES.done);
    return view;
  }

  function prepareAsk(): void {
    if (!analysis) return;
    getAskIndex(analysis.graph);
    if (vocab) parseNeed('', vocab);
  }

  async function guarded(run: () => Promise<NetworkView>): Promise<NetworkView | 'cancelled'> {
    try {
      return await run();
    } catch (e) {
      if (
        e instanceof Cancelled ||
        e instanceof AnalysisCancelledError ||
        (e instanceof Error && e.name === 'AbortError')
      )
        return 'cancelled';
      throw e;
    }
  }

  return {
    analyze: (files, settings, hooks = {}) =>
      guarded(async () => {
        await step(hooks, 'read', 0);
        const controller = new AbortController();
        const imported = await importFiles(files, {
          signal: controller.signal,
          onProgress: (p) => {
            if (hooks.isCancelled?.()) controller.abort();
            hooks.onProgress?.('read', 0.25 * (p.total ? p.done / p.total : 0), `Reading ${p.file}`);
          },
        });
        // Read: this run no longer holds the files (the caller may still).
        files = [];
        if (!imported.dataset.owners.length && !imported.dataset.attributes.length && !imported.dataset.edges.length) {
          const worst = [...imported.issues].sort(
            (a, b) => ISSUE_SEVERITIES.indexOf(a.severity) - ISSUE_SEVERITIES.indexOf(b.severity),
          );
          const said = worst.slice(0, 2).map((i) => `${i.file}${i.line ? ` line ${i.line}` : ''}: ${i.message}`);
          throw new Error(`Nothing usable was found in these files. ${said.join(' ')}`.trim());
        }
        await step(hooks, 'merge', 0.25);
        // The import merged people once already, for its per-file counts.
        const index = imported.people ?? buildPeople(imported.dataset);
        for (const f of imported.summary) {
          const counts = index.perFile[f.file];
          if (counts) Object.assign(f, counts);
        }
        // A thread for the similar pairs, started now so that it is ready when the links begin (a new thread took
        // about 0.4 s to start), and only where it will be used (at 30,000 people its start slowed the import).
        if (getSimilarBeside(hooks, index.people.length)) hooks.prepareThread?.();
        await step(hooks, 'enrich', 0.3);
        let gazetteer;
        try {
          gazetteer = await loadGazetteer();
        } catch (e) {
          imported.issues.push({
            file: 'data/gazetteer.json',
            severity: 'warning',
            message: `${String(e)}; places were not resolved.`,
          });
        }
        enrichPeople(index.people, gazetteer, { owners: imported.dataset.owners });
        vocab ??= gazetteer ? getBundledVocabulary(gazetteer) : undefined;
        // A newer export of an owner already on screen: say what changed (issue 9), once the map is on its way.
        const previous = loaded;
        const owners = previous
          ? imported.dataset.owners.filter((o) => previous.imported.dataset.owners.some((p) => p.id === o.id))
          : [];
        const l: Loaded = { imported, index };
        if (previous && owners.length) {
          // Only what the comparison reads is kept of the previous import until then.
          const before = toDiffInputs(
            previous.index.people,
            owners.map((o) => o.id),
          );
          l.diff = () => owners.map((o) => computeExportDiff(before, index.people, o.id));
        }
        return runAnalysis(l, settings, hooks);
      }),
    recluster: (settings, hooks = {}) =>
      guarded(async () => {
        if (!loaded) throw new Error('worker: nothing has been imported yet.');
        return runAnalysis(loaded, settings, hooks);
      }),
    current: () => (loaded && analysis ? { loaded, analysis } : undefined),
    whenReady: () => ready,
    prepareAsk,
    ask(need, me) {
      if (!analysis) throw new Error('worker: there is no network to ask yet.');
      return askNetwork(
        {
          graph: analysis.graph,
          clusters: analysis.clusters,
          membership: analysis.membership,
          superConnectors: analysis.superConnectors,
          vocab: vocab ?? getBundledVocabulary(),
          ...(me ? { me } : {}),
        },
        need,
      );
    },
  };
}

function toSourcedView(v: Sourced<string> | undefined): SourcedView | undefined {
  if (!v) return undefined;
  return { value: v.value, source: v.source, ...(v.evidence ? { evidence: v.evidence } : {}) };
}

function placeLabel(p: Person): SourcedView | undefined {
  const place = p.place;
  if (!place) {
    const raw = p.attributes['location'] ?? p.attributes['city'];
    return raw ? toSourcedView(raw) : undefined;
  }
  const v = place.value;
  const text =
    [v.city, v.area && v.area !== v.city ? v.area : undefined, v.countryName ?? v.country].filter(Boolean).join(', ') ||
    v.text;
  return {
    value: v.remote ? 'Remote' : text,
    source: place.source,
    ...(place.evidence ? { evidence: place.evidence } : {}),
  };
}

function getTopSuperConnectors(
  a: Partial<Pick<RankedNetwork, 'superConnectors'>>,
  indexOf: Map<string, number>,
): NetworkView['superConnectors'] {
  return (a.superConnectors ?? [])
    .filter((s) => s.score > 0)
    .slice(0, 100)
    .flatMap((s) => {
      const index = indexOf.get(s.id);
      return index === undefined ? [] : [{ index, score: s.score, why: s.why }];
    });
}

/**
 * Fills a view made before bridging with the completed analysis' scores and super-connectors (in place), or with
 * a first estimate of them (`estimate`).
 */
export function setRanking(
  view: NetworkView,
  a: Pick<RankedNetwork, 'scores' | 'superConnectors'>,
  estimate = false,
): void {
  const indexOf = new Map(view.people.map((p, i) => [p.id, i]));
  for (const p of view.people) p.score = a.scores[p.id]?.score ?? 0;
  view.superConnectors = getTopSuperConnectors(a, indexOf);
  view.ranked = true;
  view.estimate = estimate;
}

/** The compact view the page draws: people in graph order, clusters largest first, links as typed arrays. */
export function toNetworkView(
  l: Loaded,
  a: ClusteredNetwork & Partial<Pick<RankedNetwork, 'scores' | 'superConnectors'>>,
  settings: AnalyzeSettings,
): NetworkView {
  const people = l.index.people;
  const indexOf = new Map(people.map((p, i) => [p.id, i]));
  const clusters = a.clusters.filter((c) => c.id !== UNCLUSTERED);
  const clusterIndex = new Map(clusters.map((c, i) => [c.id, i]));
  const owners = l.imported.dataset.owners.map((o) => ({ id: o.id, name: o.name }));
  const me = settings.me && owners.some((o) => o.id === settings.me) ? settings.me : (owners[0]?.id ?? '');

  const views: PersonView[] = people.map((p) => {
    const dates = Object.values(p.connectedOn).sort();
    const url = toProfileUrl(toProfileKey(p.url));
    const view: PersonView = {
      id: p.id,
      name: p.name,
      owners: p.owners,
      degree: a.degree[p.id] ?? (p.ownerId ? 0 : p.owners.length ? 1 : 2),
      cluster: clusterIndex.get(a.membership[p.id] ?? '') ?? -1,
      // Until the scores come: -0, which equals 0 everywhere (comparisons, toFixed, String, JSON) but is not a
      // small integer, so the page's copies of the field hold doubles from the start. From a 0 the page's engine
      // migrated every person object when the first scores were written into them (setViewScores): 563 ms at
      // 225,000 people.
      score: a.scores?.[p.id]?.score ?? -0,
    };
    if (url) view.url = url;
    if (p.ownerId) view.ownerId = p.ownerId;
    if (dates[0]) view.connectedOn = dates[0];
    const company = toSourcedView(p.company);
    const position = toSourcedView(p.position);
    const place = placeLabel(p);
    const industry = toSourcedView(p.industry);
    const role = p.role
      ? toSourcedView({ ...p.role, value: [p.role.value.seniority, p.role.value.family].filter(Boolean).join(' ') })
      : undefined;
    if (company) view.company = company;
    if (position) view.position = position;
    if (place) view.place = place;
    const pv = p.place?.value;
    if (pv && !pv.remote) {
      const parts: NonNullable<PersonView['placeParts']> = {};
      if (pv.city) parts.city = pv.city;
      if (pv.area ?? pv.admin1) parts.region = (pv.area ?? pv.admin1) as string;
      if (pv.countryName ?? pv.country) parts.country = (pv.countryName ?? pv.country) as string;
      view.placeParts = parts;
    }
    if (industry) view.industry = industry;
    if (role) view.role = role;
    return view;
  });

  // Links in link order (the graph's edge order), their endpoints as positions in `people`.
  const { ids, source, target, kindWeights } = a.links;
  // Plain loops into typed arrays: TypedArray.from(list, fn) costs a call per element (~100 ms at 30,000 people).
  const viewIndex = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) viewIndex[i] = indexOf.get(ids[i]!) ?? -1;
  let kept = 0;
  for (let e = 0; e < source.length; e++) if (viewIndex[source[e]!]! >= 0 && viewIndex[target[e]!]! >= 0) kept++;
  const edgeSource = new Uint32Array(kept);
  const edgeTarget = new Uint32Array(kept);
  const edgeWeight = new Float32Array(kept);
  const kinds = new Uint8Array(kept);
  const weights = EDGE_KINDS.map((k) => kindWeights[k]);
  for (let e = 0, i = 0; e < source.length; e++) {
    const s = viewIndex[source[e]!]!;
    const t = viewIndex[target[e]!]!;
    if (s < 0 || t < 0) continue;
    edgeSource[i] = s;
    edgeTarget[i] = t;
    edgeWeight[i] = a.links.weight[e]!;
    let mask = 0;
    for (let b = 0; b < weights.length; b++) if (weights[b]![e]! > 0) mask |= 1 << b;
    kinds[i++] = mask;
  }

  const positions = computeSeedLayout(
    views.map((v) => (v.ownerId ? clusters.length : v.cluster)),
    views.map((v) => v.score),
  );
  const hidden: Record<string, number> = {};
  for (const [owner, dates] of Object.entries(l.index.hidden)) hidden[owner] = dates.length;

  return {
    owners,
    me,
    people: views,
    clusters: clusters.map((c) => ({ id: c.id, label: c.label, size: c.size, terms: c.terms, owners: c.ownerShare })),
    superConnectors: getTopSuperConnectors(a, indexOf),
    edges: { source: edgeSource, target: edgeTarget, weight: edgeWeight, kinds },
    positions,
    modularity: a.modularity,
    ranked: Object.keys(a.scores ?? {}).length > 0 || a.links.ids.length === 0,
    summary: l.imported.summary,
    issues: l.imported.issues,
    hidden,
    changes: [],
  };
}
