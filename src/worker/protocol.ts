/**
 * The typed messages between the page and the analysis worker, and the compact, serialisable
 * network view the page holds. The worker keeps the full evidence graph; the page gets arrays
 * (typed where large, transferred, not copied) and asks the worker for details on demand.
 */
import type { AskResult } from '../core/ask/ask';
import type { ParsedNeed } from '../core/ask/parse-need';
import type { LinkExplanation } from '../core/analysis/explain-link';
import type { SimilarityInput, SimilarityOptions } from '../core/analysis/similarity';
import type { ExportDiff } from '../core/diff';
import type { PeopleColumns } from './people-codec';
import type { FileSummary, ImportIssue } from '../core/types';

/** A file as the worker receives it: its path as the user sees it and its bytes. */
export interface WorkerFile {
  path: string;
  bytes: Uint8Array;
}

export interface AnalyzeSettings {
  /** Louvain seed. Default 1. */
  seed: number;
  /** Louvain resolution. Default 1. */
  resolution: number;
  /** Owner id whose point of view answers use; default the first export's owner. */
  me?: string;
}

export type PageMessage =
  | {
      type: 'analyze';
      id: number;
      input: { kind: 'sample' } | { kind: 'files'; files: WorkerFile[] };
      settings: AnalyzeSettings;
    }
  | { type: 'recluster'; id: number; settings: AnalyzeSettings }
  | { type: 'cancel'; id: number }
  /** Who should `me` ask about this need (text, or a parse the user corrected)? */
  | { type: 'ask'; id: number; need: string | ParsedNeed; me?: string }
  /** Every link of a person with its evidence in words. */
  | { type: 'links'; id: number; person: string }
  /** Stop refining the layout of request `id` (the current positions stay). */
  | { type: 'layout-stop'; id: number }
  /**
   * The map of request `id` is on screen: the worker may start bridging; sent again once its final scores are shown,
   * and the worker starts the layout (see analysis.worker.ts).
   */
  | { type: 'drawn'; id: number };

/** Most people in one `people` message (see WorkerMessage): about 40 ms of the page's time to read. */
export const PEOPLE_PART = 10_000;

export const STAGES = ['read', 'merge', 'enrich', 'links', 'clusters', 'bridging', 'layout', 'done'] as const;
export type Stage = (typeof STAGES)[number];

export type WorkerMessage =
  | { type: 'progress'; id: number; stage: Stage; fraction: number; message: string }
  /**
   * The view's people, in parts of at most PEOPLE_PART, posted just before its `result` (whose `view.people`
   * is then empty: the page joins the parts). Deserialising 225,000 people in one message held the page
   * for about a second plus the collection of its garbage; parts keep each of the page's tasks short. Each
   * part is in columns (people-codec.ts: half the cloning of an object per person and per field).
   */
  | { type: 'people'; id: number; people: PeopleColumns }
  /** The map's view, as soon as clusters are named; `view.ranked` says whether scores are in yet. */
  | { type: 'result'; id: number; view: NetworkView; ms: number }
  /**
   * Bridging done: each person's super-connector score (in view order) and the ranked list. `estimate`: a first
   * estimate over the first sampled sources; the final scores follow in a second message (estimate false).
   */
  | {
      type: 'scores';
      id: number;
      scores: Float32Array;
      superConnectors: SuperConnectorView[];
      estimate: boolean;
      ms: number;
      /** The view's `changes` where there are any, in the first scores message after they were computed. */
      changes?: ExportDiff[];
    }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'ask-result'; id: number; answer: AskResult; ms: number }
  | { type: 'links-result'; id: number; person: string; links: LinkExplanation[] }
  /**
   * The layout of request `id` after `iteration` of at most `maxIterations`, with the refined positions (always
   * when `done`; big maps get progress alone until then, see analysis.worker.ts).
   */
  | { type: 'layout'; id: number; positions?: Float32Array; iteration: number; maxIterations: number; done: boolean };

/**
 * To a bridging thread: the CSR's arrays (copied) and one part of the sources, summed on from `from` when given.
 * `stops`: source counts (ascending) after which the thread posts its sums so far (for the first estimate: the
 * end of the part's first sources), before it carries on to the end.
 */
export interface BridgingRequest {
  offsets: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  sources: Int32Array;
  from?: Float64Array;
  stops?: number[];
  weighted: boolean;
  linear: boolean;
}

/**
 * To a bridging thread, instead of a part of the sources: the similar pairs of the people's encoded tokens
 * (core/analysis/similarity, computeSimilarPairIds), computed while the analysis worker collects the other kinds
 * of link. The thread answers with the {@link SimilarPairIds} (arrays transferred) and is ended.
 */
export interface SimilarityThreadRequest {
  kind: 'similarity';
  input: SimilarityInput;
  options: Required<SimilarityOptions>;
}

/**
 * From a bridging thread: its dependency sums, per node. With `stop` (an index into the request's `stops`):
 * the sums at that stop (a copy), the thread carries on; without: the run's final sums (transferred).
 */
export interface BridgingAnswer {
  sums: Float64Array;
  stop?: number;
}

/** Where a person's value came from, for the person panel ("inferred from position"). */
export interface SourcedView {
  value: string;
  source: string;
  evidence?: string;
}

export interface PersonView {
  id: string;
  name: string;
  /** Only https://www.linkedin.com/ URLs; anything else is dropped before it reaches the page. */
  url?: string;
  company?: SourcedView;
  position?: SourcedView;
  place?: SourcedView;
  /** The place's parts, for the city / region / country facets. */
  placeParts?: { city?: string; region?: string; country?: string };
  industry?: SourcedView;
  role?: SourcedView;
  /** Owner ids that have this person as a connection. */
  owners: string[];
  ownerId?: string;
  /** 0 owner, 1 connected to an owner, 2 known only through other links. */
  degree: 0 | 1 | 2;
  /** Index into NetworkView.clusters, or -1. */
  cluster: number;
  /** Super-connector score, 0..1. */
  score: number;
  /** Earliest Connected On (ISO), if any. */
  connectedOn?: string;
}

export interface ClusterView {
  id: string;
  label: string;
  size: number;
  terms: string[];
  /** Per owner id, the share of the cluster that owner knows. */
  owners: Record<string, number>;
}

export interface SuperConnectorView {
  index: number;
  score: number;
  why: string[];
}

export const EDGE_KINDS = ['connection', 'knows', 'co-member', 'colleague', 'similar'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export interface NetworkView {
  owners: { id: string; name: string }[];
  me: string;
  people: PersonView[];
  clusters: ClusterView[];
  superConnectors: SuperConnectorView[];
  /** Links worth drawing: person indices, total weight, and a bit per EDGE_KINDS entry. */
  edges: { source: Uint32Array; target: Uint32Array; weight: Float32Array; kinds: Uint8Array };
  /** x, y per person (2 floats each): the first picture, clusters placed apart. */
  positions: Float32Array;
  modularity: number;
  /**
   * False while bridging is still being computed: people's `score`s are 0 and `superConnectors` is empty
   * until a `scores` message (or the completed view) fills them.
   */
  ranked: boolean;
  /** True while the scores are a first estimate (fewer sampled sources); the final ones follow. */
  estimate?: boolean;
  summary: FileSummary[];
  issues: ImportIssue[];
  /** Hidden or deactivated members per owner id (the `,,,,,,<date>` rows). */
  hidden: Record<string, number>;
  /**
   * For owners also in the previous import: what changed since (new, changed, gone connections). Empty in a new
   * import's first view: they are compared while bridging runs, and come with the final `scores` message.
   */
  changes: ExportDiff[];
}
