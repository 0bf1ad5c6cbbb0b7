/**
 * People search: a MiniSearch (Ongaro, github.com/lucaong/minisearch) full-text index over name,
 * company, position and place, with prefix and fuzzy matching, accent- and case-insensitive
 * ("chloe" finds "Chloé"), names boosted. Plus the "Search people" combobox with instant results.
 *
 * Cost: indexing is O(total text), once per network, in slices of about 12 ms that yield to the page,
 * started on idle after the view arrives (built in one go on the first keystroke if that comes first);
 * a query walks the radix tree, fuzzy terms cost more.
 *
 * Wiring (src/ui/app.ts):
 *   const searchEl = h('section', { className: 'panel search', role: 'search' });
 *   mountSearch(searchEl, { ...deps, onResults: (indices) => setHighlighted(indices) });
 * `deps` is the ViewDeps (store, actions, frame). Enter (or a click) on a result calls
 * `actions.select(i)` and `frame([i])`; the result the arrow keys reach is shown as hovered
 * (`actions.hover(i)`); `onResults` (optional) gets the current result indices so the map can highlight
 * them (MapLook.highlighted), and [] when the box is cleared.
 */
import MiniSearch from 'minisearch';
import type { NetworkView } from '../worker/protocol';
import { nextTask } from '../io/next-task';
import { clear, h } from './dom';
import { toSearchText } from './filters';
import type { ViewDeps } from './views';
import { isSameNetwork } from './state';

interface SearchDoc {
  id: number;
  name: string;
  company: string;
  position: string;
  place: string;
}

export interface PeopleSearchOptions {
  /** Fuzziness: max edit distance as a fraction of term length. Default 0.2. */
  fuzzy?: number;
  /** Field boosts. Default name 3, company 1.5, position 1, place 1. */
  boost?: Partial<Record<'name' | 'company' | 'position' | 'place', number>>;
}

const SEARCH_DEFAULTS = { fuzzy: 0.2, boost: { name: 3, company: 1.5, position: 1, place: 1 } };

export interface PeopleSearch {
  /** Person indices, best first. Empty for a blank query. */
  search(query: string, limit?: number): number[];
}

function newIndex(): MiniSearch<SearchDoc> {
  return new MiniSearch<SearchDoc>({
    fields: ['name', 'company', 'position', 'place'],
    idField: 'id',
    processTerm: (term) => toSearchText(term) || null,
  });
}

function toSearchDocs(view: NetworkView): SearchDoc[] {
  return view.people.map((p, id) => ({
    id,
    name: p.name,
    company: p.company?.value ?? '',
    position: p.position?.value ?? '',
    place: p.place?.value ?? '',
  }));
}

function toPeopleSearch(index: MiniSearch<SearchDoc>, options: PeopleSearchOptions): PeopleSearch {
  const fuzzy = options.fuzzy ?? SEARCH_DEFAULTS.fuzzy;
  const boost = { ...SEARCH_DEFAULTS.boost, ...options.boost };
  return {
    search(query, limit = 20) {
      if (!query.trim()) return [];
      const results = index.search(query, {
        prefix: true,
        fuzzy: (term) => (term.length > 3 ? fuzzy : false),
        boost,
        combineWith: 'AND',
      });
      const out: number[] = [];
      for (const r of results) {
        out.push(r.id as number);
        if (out.length >= limit) break;
      }
      return out;
    },
  };
}

/** Build the index for a view, in one go. */
export function createPeopleSearch(view: NetworkView, options: PeopleSearchOptions = {}): PeopleSearch {
  const index = newIndex();
  index.addAll(toSearchDocs(view));
  return toPeopleSearch(index, options);
}

/**
 * Build the index for a view in slices of about `sliceMs` ms (default 12) or at most `chunkSize` people
 * (default none), yielding to the page between slices, so no single task blocks it: at 30,000 people the
 * whole index is about a second, at 225,000 about 16 s of the page's time on a loaded 2-core machine, where
 * fixed chunks of 500 people grew to 50–100 ms each as the index grew (docs/performance.md, Session 6).
 */
export async function buildPeopleSearch(
  view: NetworkView,
  options: PeopleSearchOptions & { sliceMs?: number; chunkSize?: number } = {},
): Promise<PeopleSearch> {
  const index = newIndex();
  const docs = toSearchDocs(view);
  const sliceMs = options.sliceMs ?? 12;
  // At least one person per slice, whatever the options.
  const chunk = Math.max(1, options.chunkSize ?? Infinity);
  let i = 0;
  while (i < docs.length) {
    const started = performance.now();
    for (let n = 0; i < docs.length && n < chunk && (n === 0 || performance.now() - started < sliceMs); n++)
      index.add(docs[i++]!);
    if (i < docs.length) await nextTask();
  }
  return toPeopleSearch(index, options);
}

export interface SearchDeps extends ViewDeps {
  /** Told the current results (person indices), [] when cleared. Optional. */
  onResults?(indices: number[]): void;
  /** Max results listed. Default 12. */
  limit?: number;
}

let uid = 0;

/** Mount the "Search people" combobox (WAI-ARIA combobox with a listbox popup). Returns dispose. */
export function mountSearch(el: HTMLElement, deps: SearchDeps): () => void {
  const id = `people-search-${++uid}`;
  const limit = deps.limit ?? 12;
  const input = h('input', {
    type: 'search',
    role: 'combobox',
    'aria-label': 'Search people',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    placeholder: 'Search people: name, company, position, place',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const list = h('ul', {
    id: `${id}-list`,
    role: 'listbox',
    'aria-label': 'Search results',
    className: 'search-results',
  });
  const status = h('p', { className: 'search-status', 'aria-live': 'polite' });
  list.hidden = true;
  el.append(input, list, status);

  let engine: PeopleSearch | undefined;
  let engineView: NetworkView | undefined;
  let results: number[] = [];
  let active = -1;

  // A view that only brings new scores is the same network: its index stays.
  const getEngine = (view: NetworkView) => {
    if (!engine || !isSameNetwork(engineView, view)) {
      engine = createPeopleSearch(view); // typed before the background build ended: build now
      engineView = view;
    }
    return engine;
  };

  const setActive = (i: number) => {
    active = results.length ? (i + results.length) % results.length : -1;
    Array.from(list.children).forEach((li, k) => li.setAttribute('aria-selected', String(k === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${id}-opt-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const choose = (k: number) => {
    const i = results[k];
    if (i === undefined) return;
    deps.actions.select(i);
    deps.frame([i]);
  };

  const render = () => {
    const view = deps.store.get().view;
    const q = input.value;
    results = view && q.trim() ? getEngine(view).search(q, limit) : [];
    clear(list);
    results.forEach((i, k) => {
      const p = view?.people[i];
      if (!p) return;
      const detail = [p.position?.value, p.company?.value, p.place?.value].filter(Boolean).join(' · ');
      const li = h(
        'li',
        { id: `${id}-opt-${k}`, role: 'option', 'aria-selected': 'false', 'data-index': i },
        h('span', { className: 'name' }, p.name || '(no name)'),
        detail ? h('small', {}, ` ${detail}`) : '',
      );
      li.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input
      li.addEventListener('click', () => {
        setActive(k);
        choose(k);
      });
      list.append(li);
    });
    const open = results.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    status.textContent = !q.trim()
      ? ''
      : open
        ? `${results.length} result${results.length === 1 ? '' : 's'}`
        : 'No one found';
    setActive(open ? 0 : -1);
    deps.onResults?.(results);
  };

  // The result the arrow keys reach is shown on the map as if hovered (its links, neighbours and name on the
  // focus layer), so the keyboard moves through the results on the map too; Enter selects and frames it.
  let shownOnMap = false;
  const showActive = () => {
    shownOnMap = active >= 0;
    deps.actions.hover(results[active]);
  };
  const hideActive = () => {
    if (!shownOnMap) return;
    shownOnMap = false;
    deps.actions.hover(undefined);
  };
  const moveTo = (k: number) => {
    setActive(k);
    showActive();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') moveTo(active + 1);
    else if (e.key === 'ArrowUp') moveTo(active - 1);
    else if (e.key === 'Home' && results.length && e.ctrlKey) moveTo(0);
    else if (e.key === 'End' && results.length && e.ctrlKey) moveTo(results.length - 1);
    else if (e.key === 'Enter') {
      if (active >= 0) choose(active);
    } else if (e.key === 'Escape') {
      hideActive();
      if (input.value) {
        input.value = '';
        render();
      }
    } else return;
    e.preventDefault();
  };

  const onInput = () => (hideActive(), render());
  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKey);
  input.addEventListener('blur', hideActive);
  // Build the index when the page is idle after the new network's map and its first super-connectors are on
  // screen, so the first keystroke is instant (about a second of work at 30,000 people on a slow machine, 16 s at
  // 225,000). Not before: its slices would share the page with the map's own (map-view.ts), then the two cores
  // with bridging's threads, and put both on screen later. Without frames (Node), at once.
  let idle: number | undefined;
  let building: NetworkView | undefined;
  const prepare = () => {
    const s = deps.store.get();
    const view = s.view;
    if (!view || idle !== undefined || isSameNetwork(engineView, view) || isSameNetwork(building, view)) return;
    if (typeof requestAnimationFrame === 'function' && (!isSameNetwork(s.drawn, view) || !view.ranked)) return;
    const run = () => {
      idle = undefined;
      if (!isSameNetwork(deps.store.get().view, view)) return;
      building = view;
      void buildPeopleSearch(view).then((built) => {
        if (building === view) building = undefined;
        if (isSameNetwork(deps.store.get().view, view) && !isSameNetwork(engineView, view)) {
          engine = built;
          engineView = view;
        }
      });
    };
    idle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(run, { timeout: 3000 })
        : window.setTimeout(run, 200);
  };
  const cancelIdle = () => {
    if (idle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else window.clearTimeout(idle);
    idle = undefined;
  };
  prepare();
  const unsubscribe = deps.store.subscribe((s, prev) => {
    if (!isSameNetwork(s.view, prev.view)) {
      cancelIdle();
      render();
    }
    if (!isSameNetwork(s.view, prev.view) || s.drawn !== prev.drawn || s.view?.ranked !== prev.view?.ranked) prepare();
  });
  return () => {
    unsubscribe();
    cancelIdle();
    input.removeEventListener('input', onInput);
    input.removeEventListener('keydown', onKey);
    input.removeEventListener('blur', hideActive);
    clear(el);
  };
}
