// Composition root: wires the store, the analysis worker and the views. No logic here.
import './ui/style.css';
import { createActions } from './ui/actions';
import { mountApp } from './ui/app';
import { getEmptyAppState } from './ui/state';
import { createStore } from './ui/store';
import { createAnalysisClient } from './worker/client';

const store = createStore(getEmptyAppState());
const client = createAnalysisClient(
  () => new Worker(new URL('./worker/analysis.worker.ts', import.meta.url), { type: 'module' }),
);
const actions = createActions(store, client);
const root = document.getElementById('app');
if (root) {
  mountApp(root, store, actions);
  void actions.loadSample();
}
