/**
 * What the user can do, as functions over the store and the analysis worker. Producers are pure
 * `(state) => state`; only these actions talk to the worker.
 */
import type { AnalysisClient, Progress } from '../worker/client';
import type { WorkerFile } from '../worker/protocol';
import type { LinkExplanation } from '../core/analysis/explain-link';
import type { AskResult } from '../core/ask/ask';
import type { ParsedNeed } from '../core/ask/parse-need';
import { setClusterName, setOwnerName, type UserEdits } from '../core/edits';
import { getEmptyFilters, type Filters } from './filters';
import { setViewScores, type AppState, type Choices } from './state';
import type { Store } from './store';

export interface Actions {
  loadSample(): Promise<void>;
  loadFiles(files: WorkerFile[]): Promise<void>;
  recluster(resolution: number): Promise<void>;
  cancel(): void;
  stopLayout(): void;
  /** The map view's word that the new map is on screen: the worker may start ranking (it waits for this). */
  mapDrawn(): void;
  select(index: number | undefined): void;
  hover(index: number | undefined): void;
  highlight(indices: number[], paths?: number[][]): void;
  setFilters(producer: (f: Filters) => Filters): void;
  setChoice<K extends 'sizeBy' | 'presentation' | 'colorLinks' | 'tab' | 'mainView'>(key: K, value: Choices[K]): void;
  renameCluster(id: string, name: string): void;
  renameOwner(id: string, name: string): void;
  setEdits(edits: UserEdits): void;
  /** Every link of a person (by id) with its evidence, from the worker. */
  links(person: string): Promise<LinkExplanation[]>;
  /** Who should `me` ask about this need (answered by the worker over the current network). */
  ask(need: string | ParsedNeed, me?: string): Promise<{ answer: AskResult; ms: number } | 'superseded'>;
  /** The files on screen (a copy kept on the page: the worker gets its own), or 'sample'. */
  currentInput(): WorkerFile[] | 'sample';
}

export function createActions(store: Store<AppState>, client: AnalysisClient): Actions {
  const busy = (what: string) => (progress: Progress) =>
    store.update((s) => ({ ...s, status: { kind: 'busy', what, progress } }));

  let input: WorkerFile[] | 'sample' = 'sample';
  /** Loads started so far; each load knows its number, so only the newest one sets `input`. */
  let loads = 0;
  // The first scores of the view on screen, or the final ones after a first estimate (never an estimate over them).
  client.onScores = (u) =>
    store.update((s) =>
      s.view && (!s.view.ranked || (s.view.estimate && !u.estimate))
        ? { ...s, view: { ...setViewScores(s.view, u), estimate: u.estimate } }
        : s,
    );
  client.onLateError = (message) =>
    store.update((s) => ({ ...s, status: { kind: 'error', message: `Ranking super-connectors failed: ${message}` } }));
  client.onLayout = (u) =>
    store.update((s) => ({
      ...s,
      layout: { running: !u.done, iteration: u.iteration, positions: u.positions ?? s.layout.positions },
    }));

  async function run(
    what: string,
    sourceLabel: string | undefined,
    job: (p: (p: Progress) => void) => ReturnType<AnalysisClient['analyze']>,
    keepFilters: boolean,
  ) {
    busy(what)({ stage: 'read', fraction: 0, message: 'Starting…' });
    try {
      const result = await job(busy(what));
      if (result === 'cancelled') {
        store.update((s) => (s.status.kind === 'busy' ? { ...s, status: { kind: 'idle' } } : s));
        return;
      }
      store.update((s) => ({
        ...s,
        view: result.view,
        sourceLabel: sourceLabel ?? s.sourceLabel,
        status: { kind: 'idle' },
        layout: { running: true, iteration: 0 },
        choices: {
          ...s.choices,
          selected: undefined,
          hovered: undefined,
          highlighted: [],
          paths: [],
          // Cluster filters name cluster indices, which a new analysis renumbers.
          filters: keepFilters
            ? { ...s.choices.filters, values: { ...s.choices.filters.values, cluster: [] } }
            : getEmptyFilters(),
        },
      }));
      // The map view builds the new map over the next tasks and says when it is on screen (mapDrawn); then the
      // worker starts ranking (analysis.worker.ts says why it waits). Without frames (Node), at once. Telling it
      // one frame after this task, as before the map was built in several tasks, started the two bridging
      // threads while the first frame was drawn: it took 4 s instead of 1 at 30,000 people on 2 cores.
      if (typeof requestAnimationFrame !== 'function') client.drawn();
    } catch (e) {
      store.update((s) => ({ ...s, status: { kind: 'error', message: e instanceof Error ? e.message : String(e) } }));
    }
  }

  const settings = () => {
    const { seed, resolution } = store.get().choices;
    return { seed, resolution };
  };

  const choose = (producer: (c: Choices) => Choices) => store.update((s) => ({ ...s, choices: producer(s.choices) }));

  return {
    // `input` is what the view on screen was made from (what "Remember on this device" stores). A load that a
    // newer one overtook (cancelled, or finishing after it) must not claim the view the newer one made.
    loadSample: async () => {
      const ticket = ++loads;
      const before = store.get().view;
      await run(
        'Opening the sample network',
        'Sample network (fictional people)',
        (p) => client.analyze({ kind: 'sample' }, settings(), p),
        false,
      );
      if (ticket === loads && store.get().view !== before) input = 'sample';
    },
    loadFiles: async (files) => {
      // The worker gets copies (their buffers are transferred); the page keeps the originals to remember them.
      const copies = files.map((f) => ({ path: f.path, bytes: f.bytes.slice() }));
      const ticket = ++loads;
      const before = store.get().view;
      await run(
        `Reading ${files.length} file${files.length === 1 ? '' : 's'}`,
        files.length === 1 ? (files[0]?.path ?? '1 file') : `${files.length} files`,
        (p) => client.analyze({ kind: 'files', files: copies }, settings(), p),
        false,
      );
      if (ticket === loads && store.get().view !== before) input = files;
    },
    currentInput: () => input,
    recluster: (resolution) => {
      choose((c) => ({ ...c, resolution }));
      return run('Re-clustering', undefined, (p) => client.recluster(settings(), p), true);
    },
    cancel: () => {
      client.cancel();
      store.update((s) => ({ ...s, status: { kind: 'idle' } }));
    },
    mapDrawn: () => {
      client.drawn();
      store.update((s) => (s.drawn === s.view ? s : { ...s, drawn: s.view }));
    },
    stopLayout: () => {
      client.stopLayout();
      store.update((s) => ({ ...s, layout: { ...s.layout, running: false } }));
    },
    select: (index) => choose((c) => ({ ...c, selected: index })),
    hover: (index) =>
      store.update((s) => (s.choices.hovered === index ? s : { ...s, choices: { ...s.choices, hovered: index } })),
    highlight: (indices, paths = []) => choose((c) => ({ ...c, highlighted: indices, paths })),
    setFilters: (producer) => choose((c) => ({ ...c, filters: producer(c.filters) })),
    setChoice: (key, value) => choose((c) => ({ ...c, [key]: value })),
    renameCluster: (id, name) =>
      store.update((s) => {
        const index = s.view?.clusters.findIndex((c) => c.id === id) ?? -1;
        const members = s.view?.people.filter((p) => p.cluster === index).map((p) => p.id) ?? [];
        return { ...s, edits: setClusterName(s.edits, id, name, members) };
      }),
    renameOwner: (id, name) => store.update((s) => ({ ...s, edits: setOwnerName(s.edits, id, name) })),
    setEdits: (edits) => store.update((s) => ({ ...s, edits })),
    ask: (need, me) => client.ask(need, me),
    links: (person) => client.links(person),
  };
}
