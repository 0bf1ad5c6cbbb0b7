/**
 * The table view: the filtered people as a sortable, paged, keyboard-navigable table, the
 * accessible equivalent of the map. Only one page of rows is in the DOM (default 50), so 30,000
 * people stay fast; sorting is O(n log n) over precomputed accent-folded keys.
 *
 * Keyboard: Tab reaches the column sort buttons and then the table body (one row is tabbable, the
 * roving-tabindex pattern); ArrowUp/Down move between rows (crossing pages), PageUp/PageDown move a
 * page, Home/End go to the first/last person, Enter or Space selects the person (store + map frame).
 *
 * Wiring (src/ui/app.ts):
 *   const tableEl = h('section', { className: 'panel table-view', 'aria-label': 'People table' });
 *   mountTable(tableEl, deps, filtersStore);  // same filters store as mountFacets; deps = ViewDeps
 */
import type { NetworkView } from '../worker/protocol';
import { clear, h } from './dom';
import { applyFilters, getKeptIndices, toSearchText, type Filters } from './filters';
import type { Store } from './store';
import type { ViewDeps } from './views';

export const TABLE_COLUMNS = ['name', 'position', 'company', 'location', 'industry', 'cluster', 'score'] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export const TABLE_COLUMN_LABELS: Record<TableColumn, string> = {
  name: 'Name',
  position: 'Position',
  company: 'Company',
  location: 'Location',
  industry: 'Industry',
  cluster: 'Cluster',
  score: 'Score',
};

export interface TableSort {
  column: TableColumn;
  direction: 'ascending' | 'descending';
}

/** The text of one cell (what is shown and what string columns sort on). */
export function getCellText(view: NetworkView, index: number, column: TableColumn): string {
  const p = view.people[index];
  if (!p) return '';
  switch (column) {
    case 'name':
      return p.name;
    case 'position':
      return p.position?.value ?? '';
    case 'company':
      return p.company?.value ?? '';
    case 'location':
      return p.place?.value ?? '';
    case 'industry':
      return p.industry?.value ?? '';
    case 'cluster':
      return view.clusters[p.cluster]?.label ?? '';
    case 'score':
      return p.score.toFixed(2);
  }
}

/**
 * Sort person indices by a column. Empty cells go last in both directions; ties keep view order
 * (stable), so the result is deterministic.
 */
export function sortPeople(view: NetworkView, indices: readonly number[], sort: TableSort): number[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.column === 'score') {
    return [...indices].sort((a, b) => sign * ((view.people[a]?.score ?? 0) - (view.people[b]?.score ?? 0)) || a - b);
  }
  // Folded keys (no accents, lower case) compared as plain strings: several times faster than
  // Intl.Collator at 30,000 rows, and the same order for the Latin names LinkedIn exports hold.
  const keys = new Map<number, string>();
  for (const i of indices) keys.set(i, toSearchText(getCellText(view, i, sort.column)));
  return [...indices].sort((a, b) => {
    const ka = keys.get(a) ?? '';
    const kb = keys.get(b) ?? '';
    if (!ka !== !kb) return ka ? -1 : 1;
    return (ka < kb ? -sign : ka > kb ? sign : 0) || a - b;
  });
}

export interface TableOptions {
  /** Rows per page. Default 50. */
  pageSize?: number;
  /** Initial sort. Default score, descending. */
  sort?: TableSort;
}

/** Mount the people table. Returns dispose. */
export function mountTable(
  el: HTMLElement,
  deps: ViewDeps,
  filtersStore: Store<Filters>,
  options: TableOptions = {},
): () => void {
  const pageSize = options.pageSize ?? 50;
  let sort: TableSort = options.sort ?? { column: 'score', direction: 'descending' };
  let rows: number[] = [];
  let page = 0;
  /** Position in `rows` of the row that holds the tab stop. */
  let cursor = 0;
  let cache: { view: NetworkView; filters: Filters; sort: TableSort } | undefined;
  let sorted: { view: NetworkView; sort: TableSort; order: number[] } | undefined;

  const caption = h('caption', {}, 'People');
  const headRow = h('tr', { 'aria-rowindex': 1 });
  const body = h('tbody', {});
  const table = h('table', { className: 'people-table' }, caption, h('thead', {}, headRow), body);
  const pageInfo = h('span', { className: 'page-info', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button' }, 'Previous page');
  const next = h('button', { type: 'button' }, 'Next page');
  el.append(table, h('div', { className: 'pager' }, prev, pageInfo, next));

  const renderHead = () => {
    clear(headRow);
    for (const c of TABLE_COLUMNS) {
      const active = sort.column === c;
      const button = h(
        'button',
        {
          type: 'button',
          onclick: () => {
            sort = {
              column: c,
              direction:
                active && sort.direction === 'ascending'
                  ? 'descending'
                  : active
                    ? 'ascending'
                    : c === 'score'
                      ? 'descending'
                      : 'ascending',
            };
            cursor = 0;
            page = 0;
            update();
            (headRow.querySelector(`[data-column="${c}"] button`) as HTMLButtonElement | null)?.focus();
          },
        },
        TABLE_COLUMN_LABELS[c],
        active ? h('span', { 'aria-hidden': 'true' }, sort.direction === 'ascending' ? ' ▲' : ' ▼') : '',
      );
      headRow.append(
        h('th', { scope: 'col', 'data-column': c, 'aria-sort': active ? sort.direction : 'none' }, button),
      );
    }
  };

  const renderBody = (focus: boolean) => {
    const view = deps.store.get().view;
    clear(body);
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    page = Math.max(0, Math.min(page, pages - 1));
    const start = page * pageSize;
    const selected = deps.store.get().choices.selected;
    if (!view || !rows.length) {
      body.append(
        h(
          'tr',
          {},
          h('td', { colspan: TABLE_COLUMNS.length }, view ? 'No one matches the filters.' : 'No network loaded.'),
        ),
      );
    } else {
      for (let k = start; k < Math.min(rows.length, start + pageSize); k++) {
        const i = rows[k]!;
        const tr = h(
          'tr',
          {
            tabindex: k === cursor ? 0 : -1,
            'data-row': k,
            'data-index': i,
            'aria-rowindex': k + 2,
            'aria-current': i === selected ? 'true' : undefined,
            className: i === selected ? 'selected' : '',
          },
          ...TABLE_COLUMNS.map((c) =>
            c === 'name' ? h('th', { scope: 'row' }, getCellText(view, i, c)) : h('td', {}, getCellText(view, i, c)),
          ),
        );
        body.append(tr);
      }
    }
    table.setAttribute('aria-rowcount', String(rows.length + 1));
    caption.textContent = `People (${rows.length}), sorted by ${TABLE_COLUMN_LABELS[sort.column].toLowerCase()}, ${sort.direction}`;
    pageInfo.textContent = rows.length
      ? `Rows ${start + 1}–${Math.min(rows.length, start + pageSize)} of ${rows.length}`
      : '';
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    if (focus) (body.querySelector(`tr[data-row="${cursor}"]`) as HTMLElement | null)?.focus();
  };

  const update = () => {
    const view = deps.store.get().view;
    const filters = filtersStore.get();
    if (!cache || cache.view !== view || cache.filters !== filters || cache.sort !== sort) {
      // Sort everyone once per (view, sort); a filter change is then one O(n) pass over that order.
      if (view && (!sorted || sorted.view !== view || sorted.sort !== sort))
        sorted = {
          view,
          sort,
          order: sortPeople(view, getKeptIndices(new Uint8Array(view.people.length).fill(1)), sort),
        };
      const kept = view ? applyFilters(view, filters) : undefined;
      rows = kept && sorted ? sorted.order.filter((i) => kept[i]) : [];
      if (cache?.view !== view || cache?.filters !== filters) {
        cursor = 0;
        page = 0;
      }
      cache = view ? { view, filters, sort } : undefined;
    }
    renderHead();
    renderBody(false);
  };

  const moveTo = (k: number) => {
    if (!rows.length) return;
    cursor = Math.max(0, Math.min(rows.length - 1, k));
    const p = Math.floor(cursor / pageSize);
    if (p !== page) page = p;
    renderBody(true);
  };

  const activate = (k: number) => {
    const i = rows[k];
    if (i === undefined) return;
    cursor = k;
    deps.actions.select(i);
    deps.frame([i]);
  };

  const onKey = (e: KeyboardEvent) => {
    const tr = (e.target as HTMLElement).closest('tr[data-row]') as HTMLElement | null;
    if (!tr) return;
    const k = Number(tr.dataset.row);
    if (e.key === 'ArrowDown') moveTo(k + 1);
    else if (e.key === 'ArrowUp') moveTo(k - 1);
    else if (e.key === 'PageDown') moveTo(k + pageSize);
    else if (e.key === 'PageUp') moveTo(k - pageSize);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(rows.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') activate(k);
    else return;
    e.preventDefault();
  };
  const onClick = (e: Event) => {
    const tr = (e.target as HTMLElement).closest('tr[data-row]') as HTMLElement | null;
    if (tr) activate(Number(tr.dataset.row));
  };
  body.addEventListener('keydown', onKey);
  body.addEventListener('click', onClick);
  prev.addEventListener('click', () => {
    page--;
    cursor = page * pageSize;
    renderBody(false);
  });
  next.addEventListener('click', () => {
    page++;
    cursor = page * pageSize;
    renderBody(false);
  });

  update();
  const offFilters = filtersStore.subscribe(update);
  const offStore = deps.store.subscribe((s, p) => {
    if (s.view !== p.view) update();
    else if (s.choices.selected !== p.choices.selected) renderBody(body.contains(document.activeElement));
  });
  return () => {
    offFilters();
    offStore();
    clear(el);
  };
}
