/**
 * The page's side of the analysis worker: one request at a time, progress events, cancel, and a newer
 * request superseding an older one (the older one's result is dropped and its work stopped).
 */
import type { LinkExplanation } from '../core/analysis/explain-link';
import type { AskResult } from '../core/ask/ask';
import type { ParsedNeed } from '../core/ask/parse-need';
import type { ExportDiff } from '../core/diff';
import type {
  AnalyzeSettings,
  NetworkView,
  PageMessage,
  PersonView,
  Stage,
  SuperConnectorView,
  WorkerFile,
  WorkerMessage,
} from './protocol';
import { decodePeople } from './people-codec';

export interface Progress {
  stage: Stage;
  fraction: number;
  message: string;
}

export interface LayoutUpdate {
  /** The refined positions; absent on progress-only updates (big maps until the layout stops). */
  positions?: Float32Array;
  iteration: number;
  maxIterations: number;
  done: boolean;
}

/**
 * Bridging done for the view on screen: scores in view order and the ranked super-connectors; `estimate` for a
 * first estimate, which the final scores follow.
 */
export interface ScoresUpdate {
  scores: Float32Array;
  superConnectors: SuperConnectorView[];
  estimate?: boolean;
  ms: number;
  /** What changed since the previous import, when this update brings it (NetworkView.changes). */
  changes?: ExportDiff[];
}

export interface AnalysisClient {
  /** Told of refined positions for the current view, until the layout is done or stopped. */
  onLayout?: (update: LayoutUpdate) => void;
  /**
   * Told when the view on screen gets its super-connector scores (analyze/recluster resolve before that): a first
   * estimate, then the final scores, or the final ones alone.
   */
  onScores?: (update: ScoresUpdate) => void;
  /** Told when the ranking of the view on screen failed after the view was shown. */
  onLateError?: (message: string) => void;
  stopLayout(): void;
  /** Tell the worker the view on screen is drawn (it starts ranking then), or its final scores are (the layout). */
  drawn(): void;
  /** Every link of a person with its evidence (the newest request wins; older ones get []). */
  links(person: string): Promise<LinkExplanation[]>;
  /** Ask the current network; a newer ask supersedes an older one (resolved with 'superseded'). */
  ask(need: string | ParsedNeed, me?: string): Promise<{ answer: AskResult; ms: number } | 'superseded'>;
  analyze(
    input: { kind: 'sample' } | { kind: 'files'; files: WorkerFile[] },
    settings: AnalyzeSettings,
    onProgress?: (p: Progress) => void,
  ): Promise<{ view: NetworkView; ms: number } | 'cancelled'>;
  recluster(
    settings: AnalyzeSettings,
    onProgress?: (p: Progress) => void,
  ): Promise<{ view: NetworkView; ms: number } | 'cancelled'>;
  cancel(): void;
  dispose(): void;
}

interface Pending {
  id: number;
  resolve(v: { view: NetworkView; ms: number } | 'cancelled'): void;
  reject(e: Error): void;
  onProgress?: ((p: Progress) => void) | undefined;
}

export function createAnalysisClient(makeWorker: () => Worker): AnalysisClient {
  const worker = makeWorker();
  let nextId = 1;
  let pending: Pending | undefined;
  /** The pending request's people so far, in the parts they came in (WorkerMessage `people`). */
  let people: PersonView[][] = [];
  /** The request whose view is on screen: its layout updates are the ones that count. */
  let shown = 0;
  let linking: { id: number; resolve(v: LinkExplanation[]): void } | undefined;
  let asking:
    | { id: number; resolve(v: { answer: AskResult; ms: number } | 'superseded'): void; reject(e: Error): void }
    | undefined;

  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const msg = event.data;
    if (msg.type === 'layout') {
      if (msg.id === shown) client.onLayout?.(msg);
      return;
    }
    if (msg.type === 'links-result') {
      if (linking?.id === msg.id) {
        linking.resolve(msg.links);
        linking = undefined;
      }
      return;
    }
    if (asking && msg.id === asking.id && (msg.type === 'ask-result' || msg.type === 'error')) {
      const a = asking;
      asking = undefined;
      if (msg.type === 'ask-result') a.resolve({ answer: msg.answer, ms: msg.ms });
      else a.reject(new Error(msg.message));
      return;
    }
    if (msg.type === 'scores') {
      if (msg.id === shown) client.onScores?.(msg);
      return;
    }
    if (msg.type === 'error' && msg.id === shown && pending?.id !== msg.id) {
      client.onLateError?.(msg.message);
      return;
    }
    if (!pending || msg.id !== pending.id) return; // a superseded request's late message
    if (msg.type === 'people') {
      people.push(decodePeople(msg.people));
      return;
    }
    if (msg.type === 'progress')
      pending.onProgress?.({ stage: msg.stage, fraction: msg.fraction, message: msg.message });
    else if (msg.type === 'result') {
      shown = msg.id;
      const view = people.length ? { ...msg.view, people: people.flat() } : msg.view;
      finish((p) => p.resolve({ view, ms: msg.ms }));
    } else if (msg.type === 'cancelled') finish((p) => p.resolve('cancelled'));
    else if (msg.type === 'error') finish((p) => p.reject(new Error(msg.message)));
  };
  worker.onerror = (event) => {
    finish((p) => p.reject(new Error(`worker: ${event.message || 'the analysis stopped unexpectedly'}`)));
  };

  function finish(action: (p: Pending) => void) {
    const p = pending;
    pending = undefined;
    people = [];
    if (p) action(p);
  }

  function send(message: PageMessage, onProgress: Pending['onProgress'], transfer: Transferable[] = []) {
    if (pending) {
      worker.postMessage({ type: 'cancel', id: pending.id } satisfies PageMessage);
      finish((p) => p.resolve('cancelled'));
    }
    return new Promise<{ view: NetworkView; ms: number } | 'cancelled'>((resolve, reject) => {
      pending = { id: message.id, resolve, reject, onProgress };
      worker.postMessage(message, transfer);
    });
  }

  const client: AnalysisClient = {
    links(person) {
      linking?.resolve([]);
      const id = nextId++;
      return new Promise((resolve) => {
        linking = { id, resolve };
        worker.postMessage({ type: 'links', id, person } satisfies PageMessage);
      });
    },
    ask(need, me) {
      asking?.resolve('superseded');
      const id = nextId++;
      return new Promise((resolve, reject) => {
        asking = { id, resolve, reject };
        worker.postMessage({ type: 'ask', id, need, ...(me ? { me } : {}) } satisfies PageMessage);
      });
    },
    stopLayout() {
      if (shown) worker.postMessage({ type: 'layout-stop', id: shown } satisfies PageMessage);
    },
    drawn() {
      if (shown) worker.postMessage({ type: 'drawn', id: shown } satisfies PageMessage);
    },
    analyze(input, settings, onProgress) {
      const id = nextId++;
      const transfer = input.kind === 'files' ? input.files.map((f) => f.bytes.buffer as ArrayBuffer) : [];
      return send({ type: 'analyze', id, input, settings }, onProgress, transfer);
    },
    recluster(settings, onProgress) {
      return send({ type: 'recluster', id: nextId++, settings }, onProgress);
    },
    cancel() {
      if (!pending) return;
      worker.postMessage({ type: 'cancel', id: pending.id } satisfies PageMessage);
      finish((p) => p.resolve('cancelled'));
    },
    dispose() {
      worker.terminate();
    },
  };
  return client;
}
