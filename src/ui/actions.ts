/**
 * What the user can do, as functions over the store and the analysis worker. Producers are pure
 * `(state) => state`; only these actions talk to the worker.
 */
import type { AnalysisClient, Progress } from '../worker/client';
import type { WorkerFile } from '../worker/protocol';
import { getEmptyFilters, type Filters } from './filters';
import type { AppState, Choices } from './state';
import type { Store } from './store';

export interface Actions {
  loadSample(): Promise<void>;
  loadFiles(files: WorkerFile[]): Promise<void>;
  recluster(resolution: number): Promise<void>;
  cancel(): void;
  stopLayout(): void;
  select(index: number | undefined): void;
  hover(index: number | undefined): void;
  highlight(indices: number[]): void;
  setFilters(producer: (f: Filters) => Filters): void;
  setChoice<K extends 'sizeBy' | 'presentation' | 'tab' | 'mainView'>(key: K, value: Choices[K]): void;
  renameCluster(id: string, name: string): void;
}

export function createActions(store: Store<AppState>, client: AnalysisClient): Actions {
  const busy = (what: string) => (progress: Progress) =>
    store.update((s) => ({ ...s, status: { kind: 'busy', what, progress } }));

  client.onLayout = (u) =>
    store.update((s) => ({ ...s, layout: { running: !u.done, iteration: u.iteration, positions: u.positions } }));

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
          // Cluster filters name cluster indices, which a new analysis renumbers.
          filters: keepFilters
            ? { ...s.choices.filters, values: { ...s.choices.filters.values, cluster: [] } }
            : getEmptyFilters(),
        },
      }));
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
    loadSample: () =>
      run(
        'Opening the sample network',
        'Sample network (fictional people)',
        (p) => client.analyze({ kind: 'sample' }, settings(), p),
        false,
      ),
    loadFiles: (files) =>
      run(
        `Reading ${files.length} file${files.length === 1 ? '' : 's'}`,
        files.length === 1 ? (files[0]?.path ?? '1 file') : `${files.length} files`,
        (p) => client.analyze({ kind: 'files', files }, settings(), p),
        false,
      ),
    recluster: (resolution) => {
      choose((c) => ({ ...c, resolution }));
      return run('Re-clustering', undefined, (p) => client.recluster(settings(), p), true);
    },
    cancel: () => {
      client.cancel();
      store.update((s) => ({ ...s, status: { kind: 'idle' } }));
    },
    stopLayout: () => {
      client.stopLayout();
      store.update((s) => ({ ...s, layout: { ...s.layout, running: false } }));
    },
    select: (index) => choose((c) => ({ ...c, selected: index })),
    hover: (index) =>
      store.update((s) => (s.choices.hovered === index ? s : { ...s, choices: { ...s.choices, hovered: index } })),
    highlight: (indices) => choose((c) => ({ ...c, highlighted: indices })),
    setFilters: (producer) => choose((c) => ({ ...c, filters: producer(c.filters) })),
    setChoice: (key, value) => choose((c) => ({ ...c, [key]: value })),
    renameCluster: (id, name) =>
      choose((c) => {
        const clusterNames = { ...c.clusterNames };
        if (name.trim()) clusterNames[id] = name.trim();
        else delete clusterNames[id];
        return { ...c, clusterNames };
      }),
  };
}
