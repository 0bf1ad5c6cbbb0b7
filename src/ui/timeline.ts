/**
 * The timeline: connections over time (from Connected On) as a small SVG bar chart by month or year,
 * with brushing that sets the connected-on range filter ("who did I connect with in 2019?").
 * Bars count the people kept by every filter EXCEPT the date range (the faceted-search rule), so the
 * chart still shows the other years while one is brushed.
 *
 * Keyboard: the chart is one focusable group. ArrowLeft/Right move the cursor bar, Shift+Arrow
 * extends the brush, Enter or Space brushes the cursor bar alone, Escape clears, Home/End jump.
 * Pointer: drag across bars. Two date inputs ("From", "To") give the same range as text.
 *
 * Cost: computeTimelineBins is one applyFilters pass plus O(people); the chart has at most a few
 * hundred bars (months over ~20 years).
 *
 * Wiring (src/ui/app.ts):
 *   const timelineEl = h('section', { className: 'panel timeline', 'aria-label': 'Timeline' });
 *   mountTimeline(timelineEl, deps, filtersStore);   // same filters store as mountFacets
 */
import type { NetworkView } from '../worker/protocol';
import { clear, h } from './dom';
import { applyFilters, type Filters } from './filters';
import { createShownUpdater, type Store } from './store';
import type { ViewDeps } from './views';
import { isSameNetwork } from './state';

export const TIMELINE_UNITS = ['month', 'year'] as const;
export type TimelineUnit = (typeof TIMELINE_UNITS)[number];

export interface TimelineBin {
  /** `YYYY` or `YYYY-MM`. */
  key: string;
  /** First and last day, ISO `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  count: number;
}

export interface TimelineBins {
  unit: TimelineUnit;
  bins: TimelineBin[];
  /** People kept by the other filters but without a Connected On date. */
  undated: number;
}

export interface TimelineOptions {
  /** 'month', 'year', or 'auto': months when the dates span 4 years or less. Default 'auto'. */
  unit?: TimelineUnit | 'auto';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Last day of a month, as ISO. */
function getMonthEnd(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

/** A date prefix (`2019`, `2019-03`, `2019-03-15`) as a full ISO day: its first or last day. */
export function toIsoDay(prefix: string | undefined, side: 'start' | 'end'): string | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(prefix?.trim() ?? '');
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (d) return `${y}-${mo}-${d}`;
  if (mo) return side === 'start' ? `${y}-${mo}-01` : getMonthEnd(Number(y), Number(mo));
  return side === 'start' ? `${y}-01-01` : `${y}-12-31`;
}

/** The bin holding an ISO date. */
export function getBinKey(iso: string, unit: TimelineUnit): string {
  return unit === 'year' ? iso.slice(0, 4) : iso.slice(0, 7);
}

/** Count kept people per month or year, every bin between the first and last date included (zeros too). */
export function computeTimelineBins(view: NetworkView, filters: Filters, options: TimelineOptions = {}): TimelineBins {
  const kept = applyFilters(view, { ...filters, connectedOn: {} });
  const dates: string[] = [];
  let undated = 0;
  view.people.forEach((p, i) => {
    if (!kept[i]) return;
    const d = p.connectedOn?.slice(0, 10);
    if (d && /^\d{4}-\d{2}/.test(d)) dates.push(d);
    else undated++;
  });
  // Span over the whole view, so the axis does not jump as filters change.
  const all = view.people
    .map((p) => p.connectedOn?.slice(0, 7))
    .filter((d): d is string => Boolean(d && /^\d{4}-\d{2}$/.test(d)));
  if (!all.length) return { unit: options.unit === 'year' ? 'year' : 'month', bins: [], undated };
  all.sort();
  const first = all[0]!;
  const last = all[all.length - 1]!;
  const [y0, m0] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const [y1, m1] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
  const unit: TimelineUnit = options.unit && options.unit !== 'auto' ? options.unit : y1 - y0 > 4 ? 'year' : 'month';
  const bins: TimelineBin[] = [];
  const at = new Map<string, TimelineBin>();
  if (unit === 'year')
    for (let y = y0; y <= y1; y++) bins.push({ key: String(y), from: `${y}-01-01`, to: `${y}-12-31`, count: 0 });
  else
    for (let y = y0, m = m0; y < y1 || (y === y1 && m <= m1); m === 12 ? ((m = 1), y++) : m++)
      bins.push({ key: `${y}-${pad(m)}`, from: `${y}-${pad(m)}-01`, to: getMonthEnd(y, m), count: 0 });
  for (const b of bins) at.set(b.key, b);
  for (const d of dates) {
    const b = at.get(getBinKey(d, unit));
    if (b) b.count++;
  }
  return { unit, bins, undated };
}

/** Pure producer: set the connected-on range (undefined bounds clear it). */
export function setConnectedOnRange(filters: Filters, from: string | undefined, to: string | undefined): Filters {
  return { ...filters, connectedOn: { ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}

/** Indices of the bins inside the filter's range, as [first, last], or undefined. */
export function getBrushedBins(bins: TimelineBin[], range: Filters['connectedOn']): [number, number] | undefined {
  if (!range.from && !range.to) return undefined;
  const from = range.from ?? '';
  const to = range.to ? `${range.to}\uffff` : '\uffff';
  let a = -1;
  let b = -1;
  bins.forEach((bin, i) => {
    if (bin.to >= from && bin.from <= to) {
      if (a < 0) a = i;
      b = i;
    }
  });
  return a < 0 ? undefined : [a, b];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2019" or "2019". */
export function getBinLabel(bin: TimelineBin, unit: TimelineUnit): string {
  return unit === 'year' ? bin.key : `${MONTHS[Number(bin.key.slice(5, 7)) - 1] ?? ''} ${bin.key.slice(0, 4)}`;
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export interface MountTimelineOptions extends TimelineOptions {
  /** Chart size in CSS pixels. Default 280 × 80. */
  width?: number;
  height?: number;
  /**
   * Whether the view is on screen. While it is not, changes only mark it out of date, and it catches up when
   * shown (at 225,000 people the bins took over a second of every new map while the Filter tab was closed).
   * Default: always shown.
   */
  isShown?: () => boolean;
}

let uid = 0;

/** Mount the timeline. Returns dispose. */
export function mountTimeline(
  el: HTMLElement,
  deps: ViewDeps,
  filtersStore: Store<Filters>,
  options: MountTimelineOptions = {},
): () => void {
  const width = options.width ?? 280;
  const height = options.height ?? 80;
  const id = `timeline-${++uid}`;
  const heading = h('h2', { id: `${id}-title` }, 'Connections over time');
  const chart = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    tabindex: 0,
    role: 'group',
    'aria-labelledby': `${id}-title`,
    'aria-describedby': `${id}-help`,
    class: 'timeline-chart',
  });
  const help = h(
    'p',
    { id: `${id}-help`, className: 'hint' },
    'Drag across the bars, or use the arrow keys (Shift extends, Enter picks one bar, Escape clears).',
  );
  const live = h('p', { className: 'timeline-status', 'aria-live': 'polite' });
  const fromInput = h('input', { type: 'date', id: `${id}-from` });
  const toInput = h('input', { type: 'date', id: `${id}-to` });
  const clearButton = h('button', { type: 'button' }, 'Clear dates');
  const form = h(
    'div',
    { className: 'timeline-range' },
    h('label', { for: `${id}-from` }, 'From'),
    fromInput,
    h('label', { for: `${id}-to` }, 'To'),
    toInput,
    clearButton,
  );
  el.append(heading, chart, live, form, help);

  let data: TimelineBins = { unit: 'month', bins: [], undated: 0 };
  let cursor = -1;
  let anchor = -1;
  let drag: number | undefined;
  let preview: [number, number] | undefined;

  const commit = (a: number, b: number) => {
    const [i, j] = a <= b ? [a, b] : [b, a];
    const first = data.bins[i];
    const last = data.bins[j];
    if (!first || !last) return;
    filtersStore.update((s) => setConnectedOnRange(s, first.from, last.to));
  };

  const draw = () => {
    clear(chart);
    const { bins, unit } = data;
    const filters = filtersStore.get();
    const brushed = preview ?? getBrushedBins(bins, filters.connectedOn);
    if (!bins.length) {
      const t = svg('text', { x: 4, y: height / 2, class: 'empty' });
      t.textContent = 'No Connected On dates in this network.';
      chart.append(t);
      return;
    }
    const max = Math.max(1, ...bins.map((b) => b.count));
    const axis = 14;
    const bw = width / bins.length;
    bins.forEach((b, i) => {
      const bh = ((height - axis) * b.count) / max;
      const inBrush = brushed ? i >= brushed[0] && i <= brushed[1] : false;
      const rect = svg('rect', {
        x: i * bw + (bw > 3 ? 0.5 : 0),
        y: height - axis - bh,
        width: Math.max(1, bw - (bw > 3 ? 1 : 0)),
        height: Math.max(b.count ? 1 : 0, bh),
        class: `bar${inBrush ? ' brushed' : ''}${i === cursor ? ' cursor' : ''}`,
        fill: inBrush || !brushed ? '#0072B2' : '#b8c8d8',
        'data-bin': i,
      });
      const title = svg('title', {});
      title.textContent = `${getBinLabel(b, unit)}: ${b.count}`;
      rect.append(title);
      chart.append(rect);
    });
    // Hit area per bin (full height) so thin bars are easy to grab.
    if (cursor >= 0)
      chart.append(
        svg('rect', {
          x: cursor * bw,
          y: 0,
          width: bw,
          height: height - axis,
          fill: 'none',
          stroke: '#1b1b1b',
          'stroke-width': 1,
        }),
      );
    const labels = [bins[0], bins[bins.length - 1]];
    labels.forEach((b, k) => {
      if (!b) return;
      const t = svg('text', {
        x: k ? width - 2 : 2,
        y: height - 2,
        'text-anchor': k ? 'end' : 'start',
        'font-size': 10,
      });
      t.textContent = getBinLabel(b, unit);
      chart.append(t);
    });
  };

  const announce = () => {
    const b = data.bins[cursor];
    const filters = filtersStore.get();
    const range =
      filters.connectedOn.from || filters.connectedOn.to
        ? ` Selected: ${filters.connectedOn.from ?? '…'} to ${filters.connectedOn.to ?? '…'}.`
        : '';
    live.textContent = b
      ? `${getBinLabel(b, data.unit)}: ${b.count} connection${b.count === 1 ? '' : 's'}.${range}`
      : range.trim();
  };

  const update = () => {
    const view = deps.store.get().view;
    data = view ? computeTimelineBins(view, filtersStore.get(), options) : { unit: 'month', bins: [], undated: 0 };
    if (cursor >= data.bins.length) cursor = data.bins.length - 1;
    const { from, to } = filtersStore.get().connectedOn;
    if (document.activeElement !== fromInput) fromInput.value = toIsoDay(from, 'start') ?? '';
    if (document.activeElement !== toInput) toInput.value = toIsoDay(to, 'end') ?? '';
    draw();
    announce();
  };

  const binAt = (e: PointerEvent) => {
    const box = chart.getBoundingClientRect();
    const x = ((e.clientX - box.left) / Math.max(1, box.width)) * data.bins.length;
    return Math.max(0, Math.min(data.bins.length - 1, Math.floor(x)));
  };
  const onDown = (e: PointerEvent) => {
    if (!data.bins.length) return;
    drag = binAt(e);
    preview = [drag, drag];
    chart.setPointerCapture(e.pointerId);
    draw();
  };
  const onMove = (e: PointerEvent) => {
    if (drag === undefined) return;
    const b = binAt(e);
    preview = drag <= b ? [drag, b] : [b, drag];
    draw();
  };
  const onUp = (e: PointerEvent) => {
    if (drag === undefined) return;
    const b = binAt(e);
    const a = drag;
    drag = undefined;
    preview = undefined;
    cursor = b;
    anchor = a;
    commit(a, b);
  };
  const onKey = (e: KeyboardEvent) => {
    const n = data.bins.length;
    if (!n) return;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(n - 1, to));
      if (e.shiftKey) {
        if (anchor < 0) anchor = cursor < 0 ? next : cursor;
        cursor = next;
        commit(anchor, cursor);
      } else {
        cursor = next;
        anchor = -1;
        draw();
        announce();
      }
    };
    if (e.key === 'ArrowRight') move(cursor + 1);
    else if (e.key === 'ArrowLeft') move(cursor < 0 ? n - 1 : cursor - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(n - 1);
    else if (e.key === 'Enter' || e.key === ' ') {
      if (cursor < 0) cursor = 0;
      anchor = cursor;
      commit(cursor, cursor);
    } else if (e.key === 'Escape') {
      anchor = -1;
      filtersStore.update((s) => setConnectedOnRange(s, undefined, undefined));
    } else return;
    e.preventDefault();
  };
  const onDates = () =>
    filtersStore.update((s) => setConnectedOnRange(s, fromInput.value || undefined, toInput.value || undefined));
  const onClear = () => filtersStore.update((s) => setConnectedOnRange(s, undefined, undefined));

  chart.addEventListener('pointerdown', onDown);
  chart.addEventListener('pointermove', onMove);
  chart.addEventListener('pointerup', onUp);
  chart.addEventListener('keydown', onKey);
  fromInput.addEventListener('change', onDates);
  toInput.addEventListener('change', onDates);
  clearButton.addEventListener('click', onClear);
  const shown = createShownUpdater(update, options.isShown);
  shown.refresh();
  const offFilters = filtersStore.subscribe(shown.refresh);
  const offView = deps.store.subscribe((s, prev) => {
    if (!isSameNetwork(s.view, prev.view)) shown.refresh();
    else shown.catchUp();
  });
  return () => {
    offFilters();
    offView();
    clear(el);
  };
}
