/**
 * The table view: the filtered people as a sortable, virtualised, keyboard-navigable table, the
 * accessible equivalent of the map. Only the rows in view (plus a few above and below) are in the
 * DOM, between two spacer rows that keep the scrollbar true to the whole list, so 30,000 people
 * scroll smoothly. The table says its full size to screen readers: `aria-rowcount` on the table,
 * `aria-rowindex` on every row (the header row is 1). Sorting is O(n log n) over precomputed
 * accent-folded keys, once per (view, sort); a filter change is one O(n) pass over that order.
 * Rows have one height (cells do not wrap; the columns have fixed widths), measured once drawn.
 *
 * Keyboard: Tab reaches the column sort buttons (their header cells carry `aria-sort`) and then the
 * table body (one row is tabbable, the roving-tabindex pattern); ArrowUp/Down move the active row,
 * PageUp/PageDown move by a screenful, Home/End go to the first/last person, each scrolling the row
 * into view; Enter or Space opens the person (store + map frame). Scrolling with the mouse keeps the
 * tabbable row among the rows shown.
 *
 * The pure parts (which rows to render for a scroll position, where a key moves, how far to scroll
 * to show a row) are exported and unit-tested in test/ui/table.test.ts.
 *
 * Wiring (src/ui/app.ts): the element is the scroll container (style.css's `.table-view` scrolls).
 *   const tableEl = h('section', { className: 'table-view', 'aria-label': 'People table' });
 *   mountTable(tableEl, deps, filtersStore);  // same filters store as mountFacets; deps = ViewDeps
 */
import type { NetworkView } from '../worker/protocol';
import { clear, h } from './dom';
import { applyFilters, getKeptIndices, toSearchText, type Filters } from './filters';
import { getClusterLabels } from './state';
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
export function getCellText(
  view: NetworkView,
  index: number,
  column: TableColumn,
  /** Cluster names as shown, renamed ones included (getClusterLabels). Default the automatic names. */
  clusterLabels?: readonly string[],
): string {
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
      return clusterLabels?.[p.cluster] ?? view.clusters[p.cluster]?.label ?? '';
    case 'score':
      return p.score.toFixed(2);
  }
}

/**
 * Sort person indices by a column. Empty cells go last in both directions; ties keep view order
 * (stable), so the result is deterministic.
 */
export function sortPeople(
  view: NetworkView,
  indices: readonly number[],
  sort: TableSort,
  clusterLabels?: readonly string[],
): number[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.column === 'score') {
    return [...indices].sort((a, b) => sign * ((view.people[a]?.score ?? 0) - (view.people[b]?.score ?? 0)) || a - b);
  }
  // Folded keys (no accents, lower case) compared as plain strings: several times faster than
  // Intl.Collator at 30,000 rows, and the same order for the Latin names LinkedIn exports hold.
  const keys = new Map<number, string>();
  for (const i of indices) keys.set(i, toSearchText(getCellText(view, i, sort.column, clusterLabels)));
  return [...indices].sort((a, b) => {
    const ka = keys.get(a) ?? '';
    const kb = keys.get(b) ?? '';
    if (!ka !== !kb) return ka ? -1 : 1;
    return (ka < kb ? -sign : ka > kb ? sign : 0) || a - b;
  });
}

/** Rows to render: positions `start` (included) to `end` (excluded) in the sorted, filtered list. */
export interface RowWindow {
  start: number;
  end: number;
}

export interface RowWindowInput {
  /** Rows in the list. */
  rowCount: number;
  /** Height of one row, in px. */
  rowHeight: number;
  /** How far the list's first row is scrolled above the top of the viewport, in px (negative: below it). */
  offset: number;
  /** Height of the viewport, in px. */
  viewportHeight: number;
  /** Rows rendered beyond each edge of the viewport. Default {@link TABLE_DEFAULTS}.overscan (8). */
  overscan?: number;
}

export const TABLE_DEFAULTS = {
  /** Rows rendered beyond each edge of the viewport, so a fast scroll shows no blank gap. */
  overscan: 8,
  /** Row height used until one is measured (and when the table is hidden), in px. */
  rowHeight: 24,
  /** Viewport height used while the table is hidden (it has no size then), in px. */
  hiddenViewportHeight: 800,
} as const;

/**
 * The rows to render for a scroll position: those that intersect the viewport, plus `overscan`
 * rows each side, clamped to the list. O(1).
 */
export function getRowWindow(input: RowWindowInput): RowWindow {
  const { rowCount, viewportHeight } = input;
  const overscan = input.overscan ?? TABLE_DEFAULTS.overscan;
  const rowHeight = input.rowHeight > 0 ? input.rowHeight : TABLE_DEFAULTS.rowHeight;
  if (rowCount <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, input.offset) / rowHeight);
  const last = Math.ceil((Math.max(0, input.offset) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, Math.min(rowCount - 1, first) - overscan);
  const end = Math.min(rowCount, Math.max(start + 1, last + overscan));
  return { start, end };
}

/** The keys that move the active row. */
export const TABLE_MOVE_KEYS = ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'] as const;

/**
 * Where a key moves the active row: ArrowUp/Down one row, PageUp/Down `pageRows` rows, Home/End to
 * either end, clamped to the list. Undefined for any other key or an empty list.
 */
export function getKeyTarget(key: string, current: number, rowCount: number, pageRows: number): number | undefined {
  if (rowCount <= 0) return undefined;
  const page = Math.max(1, Math.floor(pageRows));
  let target: number;
  if (key === 'ArrowDown') target = current + 1;
  else if (key === 'ArrowUp') target = current - 1;
  else if (key === 'PageDown') target = current + page;
  else if (key === 'PageUp') target = current - page;
  else if (key === 'Home') target = 0;
  else if (key === 'End') target = rowCount - 1;
  else return undefined;
  return Math.max(0, Math.min(rowCount - 1, target));
}

/** Rows that PageUp/PageDown move: the rows that fit below the sticky header, less one for context (at least 1). */
export function getPageRows(viewportHeight: number, headerHeight: number, rowHeight: number): number {
  if (rowHeight <= 0) return 1;
  return Math.max(1, Math.floor((viewportHeight - headerHeight) / rowHeight) - 1);
}

export interface RevealInput {
  /** The row to show (position in the list). */
  row: number;
  rowHeight: number;
  /** Where the list's first row starts in the scroll container's content, in px (below the caption and header). */
  bodyTop: number;
  /** The container's scrollTop now. */
  scrollTop: number;
  viewportHeight: number;
  /** Height of the sticky header that covers the top of the viewport, in px. Default 0. */
  headerHeight?: number;
}

/** The scrollTop that shows `row` whole, moving as little as possible (the current one if it is already shown). */
export function getScrollToReveal(input: RevealInput): number {
  const { row, rowHeight, bodyTop, scrollTop, viewportHeight } = input;
  const header = input.headerHeight ?? 0;
  const top = bodyTop + row * rowHeight;
  if (top < scrollTop + header) return Math.max(0, top - header);
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}

export interface TableOptions {
  /** Initial sort. Default score, descending. */
  sort?: TableSort;
  /** Rows rendered beyond each edge of the viewport. Default {@link TABLE_DEFAULTS}.overscan (8). */
  overscan?: number;
}

/** Column widths (the layout is fixed, so columns do not jump as rows come and go while scrolling). */
const COLUMN_WIDTHS: Record<TableColumn, string> = {
  name: '16%',
  position: '20%',
  company: '16%',
  location: '14%',
  industry: '13%',
  cluster: '14%',
  score: '7%',
};

/** Mount the people table. Returns dispose. */
export function mountTable(
  el: HTMLElement,
  deps: ViewDeps,
  filtersStore: Store<Filters>,
  options: TableOptions = {},
): () => void {
  const overscan = options.overscan ?? TABLE_DEFAULTS.overscan;
  let sort: TableSort = options.sort ?? { column: 'score', direction: 'descending' };
  let rows: number[] = [];
  /** Position in `rows` of the active row: the one that holds the tab stop. */
  let cursor = 0;
  let rowHeight: number = TABLE_DEFAULTS.rowHeight;
  let measured = false;
  let cache: { view: NetworkView; filters: Filters; sort: TableSort } | undefined;
  let sorted: { view: NetworkView; sort: TableSort; labels: readonly string[]; order: number[] } | undefined;
  /** The rows in the DOM, by position in `rows` (emptied whenever `rows` changes). */
  const rendered = new Map<number, HTMLTableRowElement>();

  const caption = h('caption', {}, 'People');
  const headRow = h('tr', { 'aria-rowindex': 1 });
  const head = h('thead', {}, headRow);
  const spacer = () => {
    const td = h('td', { colspan: TABLE_COLUMNS.length });
    Object.assign(td.style, { padding: '0', border: '0', height: '0' });
    return h('tr', { className: 'spacer', 'aria-hidden': 'true', hidden: true }, td);
  };
  const topSpacer = spacer();
  const bottomSpacer = spacer();
  const emptyRow = h('tr', {}, h('td', { colspan: TABLE_COLUMNS.length }));
  const body = h('tbody', {}, topSpacer, bottomSpacer);
  const colgroup = h('colgroup', {}, ...TABLE_COLUMNS.map((c) => h('col', { 'data-column': c })));
  TABLE_COLUMNS.forEach((c, i) => ((colgroup.children[i] as HTMLElement).style.width = COLUMN_WIDTHS[c]));
  const table = h('table', { className: 'people-table' }, caption, colgroup, head, body);
  // Fixed layout and one line per cell give every row the same height (style.css holds the rest); a
  // narrow panel scrolls sideways rather than cutting every cell to a few letters.
  Object.assign(table.style, { tableLayout: 'fixed', whiteSpace: 'nowrap', minWidth: '56rem' });
  el.append(table);
  // The spacers change height as rows come and go above the viewport: no scroll anchoring on top of that.
  el.style.overflowAnchor = 'none';

  const stickyTop = `-${getComputedStyle(el).paddingTop || '0px'}`;
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
            el.scrollTop = 0;
            update();
            (headRow.querySelector(`[data-column="${c}"] button`) as HTMLButtonElement | null)?.focus();
          },
        },
        TABLE_COLUMN_LABELS[c],
        active ? h('span', { 'aria-hidden': 'true' }, sort.direction === 'ascending' ? ' ▲' : ' ▼') : '',
      );
      const th = h('th', { scope: 'col', 'data-column': c, 'aria-sort': active ? sort.direction : 'none' }, button);
      // The header stays in view while the rows scroll under it, at the container's very top (sticky
      // offsets count from inside its padding).
      Object.assign(th.style, { position: 'sticky', top: stickyTop, zIndex: '1', background: '#fff' });
      headRow.append(th);
    }
  };

  /** Geometry of the scroll container now; a hidden table (no size) uses defaults. */
  const measure = () => {
    const viewportHeight = el.clientHeight || TABLE_DEFAULTS.hiddenViewportHeight;
    const box = el.getBoundingClientRect();
    const bodyTop = el.clientHeight ? body.getBoundingClientRect().top - box.top - el.clientTop + el.scrollTop : 0;
    const headerHeight = head.getBoundingClientRect().height;
    return { viewportHeight, bodyTop, headerHeight, scrollTop: el.scrollTop };
  };

  const makeRow = (view: NetworkView, k: number): HTMLTableRowElement => {
    const i = rows[k]!;
    return h(
      'tr',
      { 'data-row': k, 'data-index': i, 'aria-rowindex': k + 2 },
      ...TABLE_COLUMNS.map((c) => {
        const text = getCellText(view, i, c, getClusterLabels(deps.store.get()));
        const cell = c === 'name' ? h('th', { scope: 'row' }, text) : h('td', {}, text);
        // Cut with an ellipsis on screen; the whole text stays in the cell for screen readers and copying.
        Object.assign(cell.style, { overflow: 'hidden', textOverflow: 'ellipsis' });
        return cell;
      }),
    );
  };

  /** Mark the active and the selected row on the rows in the DOM. */
  const markRows = () => {
    const selected = deps.store.get().choices.selected;
    for (const [k, tr] of rendered) {
      const i = rows[k];
      tr.tabIndex = k === cursor ? 0 : -1;
      tr.classList.toggle('selected', i === selected);
      if (i === selected) tr.setAttribute('aria-current', 'true');
      else tr.removeAttribute('aria-current');
    }
  };

  /**
   * Put the rows for the current scroll position in the DOM, keeping those already there (so the
   * focused row is never re-created). `keepCursor`: the active row was just moved on purpose, so it
   * stays even if it is not in view; otherwise an active row scrolled out of view moves to the first
   * row in view, so Tab still lands in the table.
   */
  const renderRows = (keepCursor: boolean) => {
    const view = deps.store.get().view;
    const hadFocus = body.contains(document.activeElement) && document.activeElement !== body;
    if (!view || !rows.length) {
      for (const tr of rendered.values()) tr.remove();
      rendered.clear();
      (emptyRow.firstChild as HTMLElement).textContent = view ? 'No one matches the filters.' : 'No network loaded.';
      if (!emptyRow.isConnected) topSpacer.after(emptyRow);
      topSpacer.hidden = bottomSpacer.hidden = true;
      return;
    }
    emptyRow.remove();
    const m = measure();
    const offset = m.scrollTop + m.headerHeight - m.bodyTop;
    const win = getRowWindow({ rowCount: rows.length, rowHeight, offset, viewportHeight: m.viewportHeight, overscan });
    if (!keepCursor && (cursor < win.start || cursor >= win.end))
      cursor = Math.min(rows.length - 1, Math.max(win.start, Math.floor(Math.max(0, offset) / rowHeight)));
    const wanted = keepCursor && (cursor < win.start || cursor >= win.end) ? { start: cursor, end: cursor + 1 } : win;
    for (const [k, tr] of rendered)
      if (k < wanted.start || k >= wanted.end) {
        tr.remove();
        rendered.delete(k);
      }
    let prev: Element = topSpacer;
    for (let k = wanted.start; k < wanted.end; k++) {
      let tr = rendered.get(k);
      if (!tr) {
        tr = makeRow(view, k);
        rendered.set(k, tr);
      }
      if (prev.nextElementSibling !== tr) prev.after(tr);
      prev = tr;
    }
    const top = wanted.start * rowHeight;
    const bottom = (rows.length - wanted.end) * rowHeight;
    topSpacer.style.height = `${top}px`;
    topSpacer.hidden = top === 0;
    bottomSpacer.style.height = `${bottom}px`;
    bottomSpacer.hidden = bottom === 0;
    markRows();
    if (!measured && el.clientHeight) {
      // One row height for all: from the rows drawn (cells do not wrap), once the table is visible.
      const first = rendered.get(wanted.start)?.getBoundingClientRect();
      const last = rendered.get(wanted.end - 1)?.getBoundingClientRect();
      const height =
        first && last && wanted.end - wanted.start > 1
          ? (last.top - first.top) / (wanted.end - wanted.start - 1)
          : first?.height;
      if (height && height > 0) {
        measured = true;
        if (Math.abs(height - rowHeight) > 0.01) {
          rowHeight = height;
          renderRows(keepCursor);
          return;
        }
      }
    }
    if (hadFocus && !body.contains(document.activeElement)) focusCursor();
  };

  const focusCursor = () => rendered.get(cursor)?.focus({ preventScroll: true });

  const renderStatus = () => {
    table.setAttribute('aria-rowcount', String(rows.length + 1));
    caption.textContent = `People (${rows.length}), sorted by ${TABLE_COLUMN_LABELS[sort.column].toLowerCase()}, ${sort.direction}`;
  };

  /** Whether the rows are out of date: filters or the network changed while the table was not shown. */
  let stale = false;
  const update = () => {
    // While the map shows, the table waits: at 30,000 people refiltering and re-rendering it cost ~30 ms of
    // every facet click, for a table nobody sees. It catches up when shown.
    if (deps.store.get().choices.mainView !== 'table') {
      stale = true;
      return;
    }
    stale = false;
    const view = deps.store.get().view;
    const filters = filtersStore.get();
    if (!cache || cache.view !== view || cache.filters !== filters || cache.sort !== sort) {
      // Sort everyone once per (view, sort); a filter change is then one O(n) pass over that order.
      const labels = getClusterLabels(deps.store.get());
      if (view && (!sorted || sorted.view !== view || sorted.sort !== sort || sorted.labels !== labels))
        sorted = {
          view,
          sort,
          labels,
          order: sortPeople(view, getKeptIndices(new Uint8Array(view.people.length).fill(1)), sort, labels),
        };
      const kept = view ? applyFilters(view, filters) : undefined;
      rows = kept && sorted ? sorted.order.filter((i) => kept[i]) : [];
      for (const tr of rendered.values()) tr.remove();
      rendered.clear();
      if (cache?.view !== view || cache?.filters !== filters) {
        cursor = 0;
        el.scrollTop = 0;
      }
      cache = view ? { view, filters, sort } : undefined;
    }
    renderHead();
    renderStatus();
    renderRows(false);
  };

  /** Make row `k` active, scroll it into view and focus it. */
  const moveTo = (k: number) => {
    if (!rows.length) return;
    cursor = Math.max(0, Math.min(rows.length - 1, k));
    const m = measure();
    if (el.clientHeight) {
      const next = getScrollToReveal({ row: cursor, rowHeight, ...m });
      if (next !== m.scrollTop) el.scrollTop = next;
    }
    renderRows(true);
    focusCursor();
  };

  const activate = (k: number) => {
    const i = rows[k];
    if (i === undefined) return;
    cursor = k;
    markRows();
    deps.actions.select(i);
    deps.frame([i]);
  };

  const onKey = (e: KeyboardEvent) => {
    const tr = (e.target as HTMLElement).closest('tr[data-row]') as HTMLElement | null;
    if (!tr) return;
    const k = Number(tr.dataset['row']);
    if (e.key === 'Enter' || e.key === ' ') activate(k);
    else {
      const m = measure();
      const target = getKeyTarget(e.key, k, rows.length, getPageRows(m.viewportHeight, m.headerHeight, rowHeight));
      if (target === undefined) return;
      moveTo(target);
    }
    e.preventDefault();
  };
  const onClick = (e: Event) => {
    const tr = (e.target as HTMLElement).closest('tr[data-row]') as HTMLElement | null;
    if (tr) activate(Number(tr.dataset['row']));
  };
  let frame = 0;
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      renderRows(false);
    });
  };
  body.addEventListener('keydown', onKey);
  body.addEventListener('click', onClick);
  el.addEventListener('scroll', onScroll, { passive: true });
  // Shown after being hidden (Map → Table) or resized: the viewport changed, so may the rows to show.
  const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => renderRows(false));
  resize?.observe(el);

  update();
  const offFilters = filtersStore.subscribe(update);
  const offStore = deps.store.subscribe((s, p) => {
    if (s.view !== p.view || (stale && s.choices.mainView === 'table')) update();
    else if (s.edits !== p.edits) {
      // A cluster renamed: the cluster column (and its order) shows the new name.
      cache = undefined;
      update();
    } else if (s.choices.selected !== p.choices.selected) markRows();
  });
  return () => {
    offFilters();
    offStore();
    resize?.disconnect();
    if (frame) cancelAnimationFrame(frame);
    el.removeEventListener('scroll', onScroll);
    clear(el);
  };
}
