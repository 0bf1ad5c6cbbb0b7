// Composition root: wires the store, the analysis worker, opt-in persistence and the views. No logic here.
import './ui/style.css';
import { getEmptyUserEdits, toUserEdits } from './core/edits';
import { createActions } from './ui/actions';
import { mountApp } from './ui/app';
import { createOffline, mountOfflineControls } from './ui/offline';
import { createPersistence, mountRememberControls, type RememberedState } from './ui/persist';
import { mountShareLink } from './ui/share';
import { getEmptyAppState, type AppState } from './ui/state';
import { createStore } from './ui/store';
import { createAnalysisClient } from './worker/client';

const store = createStore(getEmptyAppState());
const client = createAnalysisClient(
  () => new Worker(new URL('./worker/analysis.worker.ts', import.meta.url), { type: 'module' }),
);
const actions = createActions(store, client);
const persistence = createPersistence();
// Offline use is opt-in: nothing is registered until the person ticks "Keep the app for offline use".
const offline = createOffline({ available: import.meta.env.PROD });

const getRemembered = (): RememberedState => {
  const s = store.get();
  const input = actions.currentInput();
  return {
    label: input === 'sample' ? 'sample' : s.sourceLabel,
    files: input === 'sample' ? [] : input,
    edits: s.edits,
    settings: {
      resolution: s.choices.resolution,
      seed: s.choices.seed,
      sizeBy: s.choices.sizeBy,
      presentation: s.choices.presentation,
    },
  };
};

const restoreSettings = (settings: RememberedState['settings']) =>
  store.update((s): AppState => ({
    ...s,
    choices: {
      ...s.choices,
      resolution: typeof settings['resolution'] === 'number' ? settings['resolution'] : s.choices.resolution,
      seed: typeof settings['seed'] === 'number' ? settings['seed'] : s.choices.seed,
      sizeBy: settings['sizeBy'] === 'degree' || settings['sizeBy'] === 'strength' ? settings['sizeBy'] : 'score',
      presentation: settings['presentation'] === true,
    },
  }));

async function start(root: HTMLElement) {
  mountApp(root, store, actions);
  // A "Share settings" link's view settings, applied once a network is on screen (and on every hashchange).
  mountShareLink(window, { store, actions });
  const offlineEl = root.querySelector<HTMLElement>('.offline');
  if (offlineEl) mountOfflineControls(offlineEl, { offline });
  const { status, state } = await persistence.load();
  const remember = root.querySelector<HTMLElement>('.remember');
  if (remember)
    mountRememberControls(remember, {
      persistence,
      getState: getRemembered,
      initialStatus: status,
      onForget: () => actions.setEdits(getEmptyUserEdits()),
      onForgetEverything: () => offline.drop(),
    });
  // Saves do nothing unless the user opted in; debounced so typing a name is one write. Until the remembered
  // files are read again nothing is saved (what is on screen is not yet what was remembered: saving then
  // would store the start sample in place of the files); a change meanwhile is saved once they are.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let restoring = true;
  let changedWhileRestoring = false;
  const scheduleSave = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void persistence.save(getRemembered()), 1000);
  };
  store.subscribe((s, prev) => {
    if (s.edits === prev.edits && s.view === prev.view && s.choices === prev.choices) return;
    if (restoring) changedWhileRestoring = true;
    else scheduleSave();
  });
  try {
    if (state) {
      actions.setEdits(toUserEdits(state.edits));
      restoreSettings(state.settings);
      changedWhileRestoring = false;
      if (state.files.length) await actions.loadFiles(state.files);
      else await actions.loadSample();
    } else await actions.loadSample();
  } finally {
    restoring = false;
    if (changedWhileRestoring) scheduleSave();
  }
}

const root = document.getElementById('app');
if (root) void start(root);
