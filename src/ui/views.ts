/**
 * The panels around the map. Each is `mountX(el, deps) => dispose`, re-rendering from the store.
 */
import type { NetworkView, PersonView, SourcedView, SuperConnectorView } from '../worker/protocol';
import { CLUSTER_COLORS, getClusterColor } from '../map/palette';
import type { Actions } from './actions';
import { clear, getSafeProfileUrl, h } from './dom';
import { readFileList } from './files';
import { toExportDiffSummary } from '../core/diff';
import { getClusterLabel, getOwnerName, isSameNetwork, type AppState } from './state';
import type { Store } from './store';

export interface ViewDeps {
  store: Store<AppState>;
  actions: Actions;
  /** Frame these people on the map. */
  frame(indices: number[]): void;
}

type Dispose = () => void;

function onView(deps: ViewDeps, render: (view: NetworkView | undefined, state: AppState) => void): Dispose {
  render(deps.store.get().view, deps.store.get());
  return deps.store.subscribe((s, prev) => {
    if (s.view !== prev.view) render(s.view, s);
  });
}

export function mountHeader(el: HTMLElement, deps: ViewDeps): Dispose {
  const filesInput = h('input', {
    type: 'file',
    multiple: true,
    accept: '.csv,.zip,.gexf,.graphml,.json,.txt',
    hidden: true,
    'aria-label': 'Choose files',
  });
  const folderInput = h('input', { type: 'file', hidden: true, 'aria-label': 'Choose a folder' });
  folderInput.setAttribute('webkitdirectory', '');
  const pick = (input: HTMLInputElement) => async () => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length) await deps.actions.loadFiles(await readFileList(files));
  };
  filesInput.addEventListener('change', pick(filesInput));
  folderInput.addEventListener('change', pick(folderInput));
  const source = h('span', { className: 'source', 'aria-live': 'polite' });
  el.append(
    h('h1', {}, 'Netwell'),
    source,
    h('span', { className: 'spacer' }),
    h('span', { className: 'remember' }),
    h('span', { className: 'offline' }),
    h('button', { type: 'button', onclick: () => filesInput.click() }, 'Open files'),
    h('button', { type: 'button', onclick: () => folderInput.click() }, 'Open folder'),
    h('button', { type: 'button', onclick: () => void deps.actions.loadSample() }, 'Show sample'),
    filesInput,
    folderInput,
  );
  const dispose = deps.store.subscribe((s) => (source.textContent = s.sourceLabel));
  source.textContent = deps.store.get().sourceLabel;
  return () => {
    dispose();
    clear(el);
  };
}

export function mountStatus(el: HTMLElement, deps: ViewDeps): Dispose {
  const render = (s: AppState) => {
    clear(el);
    if (s.status.kind === 'busy') {
      const { progress, what } = s.status;
      const pct = Math.round(progress.fraction * 100);
      el.append(
        h('span', {}, `${what}: ${progress.message}`),
        h('progress', { max: 100, value: pct, 'aria-label': 'Progress' }),
        h('button', { type: 'button', onclick: () => deps.actions.cancel() }, 'Cancel'),
      );
    } else if (s.status.kind === 'error') {
      el.append(h('span', { role: 'alert', className: 'error' }, s.status.message));
    } else if (s.status.kind === 'notice') {
      // The status line is a polite live region (role=status): read out without interrupting.
      el.append(h('span', { className: 'notice' }, s.status.message));
    }
    el.hidden = s.status.kind === 'idle';
  };
  render(deps.store.get());
  return deps.store.subscribe(render);
}

export function mountClusters(el: HTMLElement, deps: ViewDeps): Dispose {
  const render = (state: AppState) => {
    const view = state.view;
    clear(el);
    if (!view) return;
    const list = h('ul', { className: 'legend', 'aria-label': 'Clusters' });
    view.clusters.forEach((c, i) => {
      const label = getClusterLabel(state, i);
      const members = () => view.people.flatMap((p, j) => (p.cluster === i ? [j] : []));
      const item = h('li', {});
      const show = h(
        'button',
        {
          type: 'button',
          className: 'frame',
          onclick: () => deps.frame(members()),
          title: c.terms.slice(0, 6).join(', '),
          'aria-label': `Show cluster ${label} (${c.size} people)`,
        },
        h('span', { className: 'swatch', style: `background:${getClusterColor(i)}`, 'aria-hidden': 'true' }),
        h(
          'span',
          { className: 'label' },
          h('span', { className: 'name' }, label),
          // The words that most set the cluster apart (in the tooltip, the first six).
          c.terms.length ? h('small', { className: 'terms' }, c.terms.slice(0, 3).join(', ')) : '',
        ),
        h('span', { className: 'count' }, c.size),
      );
      const rename = h(
        'button',
        {
          type: 'button',
          className: 'rename',
          'aria-label': `Rename cluster ${label}`,
          onclick: () => {
            const input = h('input', { type: 'text', value: label, 'aria-label': `New name for cluster ${label}` });
            let finished = false;
            const done = (save: boolean) => {
              if (finished) return; // Enter re-renders the list, which blurs the input: act once
              finished = true;
              if (save) deps.actions.renameCluster(c.id, input.value);
              else render(deps.store.get());
            };
            input.addEventListener('keydown', (e) => {
              if (e.key === 'Enter') done(true);
              if (e.key === 'Escape') done(false);
            });
            input.addEventListener('blur', () => done(true));
            item.replaceChildren(input);
            input.focus();
            input.select();
          },
        },
        '✎',
      );
      item.append(show, rename);
      list.append(item);
    });
    const others = view.clusters.length - CLUSTER_COLORS.length;
    el.append(h('h2', {}, `Clusters (${view.clusters.length})`), list);
    if (others > 0)
      el.append(
        h(
          'p',
          { className: 'hint' },
          `The ${CLUSTER_COLORS.length} largest clusters have colours of their own; the other ${others} are grey on the map.`,
        ),
      );
  };
  render(deps.store.get());
  return deps.store.subscribe((s, prev) => {
    // Not for scores alone (a first estimate, then the final ones): the list shows none, and redrawing it took
    // away a cluster name being edited.
    const rescored = isSameNetwork(s.view, prev.view) && s.view?.clusters === prev.view?.clusters;
    if ((s.view !== prev.view && !rescored) || s.edits !== prev.edits) render(s);
  });
}

/** One entry of the Super-connectors list: a button that selects and frames the person. */
function renderSuperConnector(view: NetworkView, sc: SuperConnectorView, deps: ViewDeps): HTMLLIElement | undefined {
  const p = view.people[sc.index];
  if (!p) return undefined;
  const item = h(
    'li',
    {},
    h(
      'button',
      { type: 'button', onclick: () => (deps.actions.select(sc.index), deps.frame([sc.index])) },
      h('span', { className: 'name' }, p.name),
      h('span', { className: 'why' }, sc.why.slice(0, 2).join(' · ')),
    ),
  );
  item.dataset.index = String(sc.index);
  return item;
}

/**
 * Puts `items` in `list` in order without taking the focus away: the entry holding the focus stays in the
 * document (moving a node out of it drops its focus) and the others are placed around it. When the focused
 * person left the list, the focus goes to the entry now at their place, not to the page.
 */
function setListItems(list: HTMLElement, items: HTMLElement[]): void {
  const active = document.activeElement;
  const holder =
    active && list.contains(active) ? Array.from(list.children).find((c) => c.contains(active)) : undefined;
  const place = holder ? Array.from(list.children).indexOf(holder) : -1;
  const kept = holder ? items.indexOf(holder as HTMLElement) : -1;
  if (kept < 0) {
    list.replaceChildren(...items);
    if (place >= 0) items[Math.min(place, items.length - 1)]?.querySelector('button')?.focus();
    return;
  }
  for (const child of Array.from(list.children)) if (child !== holder) child.remove();
  holder!.before(...items.slice(0, kept));
  holder!.after(...items.slice(kept + 1));
}

export function mountSuperConnectors(el: HTMLElement, deps: ViewDeps): Dispose {
  /** The list on screen and the view it shows, for updating it in place when the final scores come. */
  let shown: { view: NetworkView; list: HTMLElement; note: HTMLElement } | undefined;
  const NOTE_ESTIMATE = 'First estimate, refining…';
  return onView(deps, (view) => {
    if (view?.ranked && shown && isSameNetwork(view, shown.view)) {
      // The final scores after a first estimate: the same list, entries kept by person (a focused one keeps focus).
      const old = new Map(Array.from(shown.list.children, (li) => [(li as HTMLElement).dataset.index, li]));
      const items = view.superConnectors.slice(0, 25).flatMap((sc) => {
        const fresh = renderSuperConnector(view, sc, deps);
        if (!fresh) return [];
        const li = old.get(String(sc.index)) as HTMLElement | undefined;
        if (!li) return [fresh];
        // Same person: only the reasons may have changed (a bridge rank).
        const why = li.querySelector('.why');
        const text = fresh.querySelector('.why')?.textContent ?? '';
        if (why && why.textContent !== text) why.textContent = text;
        return [li];
      });
      setListItems(shown.list, items);
      const note = view.estimate ? NOTE_ESTIMATE : shown.view.estimate ? 'Final ranking.' : '';
      if (shown.note.textContent !== note) shown.note.textContent = note;
      shown.note.hidden = !note;
      shown.view = view;
      return;
    }
    shown = undefined;
    clear(el);
    if (!view) return;
    if (!view.ranked) {
      // The map comes first; bridging (betweenness) follows in the worker's threads.
      el.append(
        h('h2', {}, 'Super-connectors'),
        h('p', { className: 'hint', role: 'status' }, 'Ranking super-connectors… (measuring who bridges the clusters)'),
      );
      return;
    }
    const list = h('ol', { className: 'ranked', 'aria-label': 'Super-connectors' });
    for (const sc of view.superConnectors.slice(0, 25)) {
      const item = renderSuperConnector(view, sc, deps);
      if (item) list.append(item);
    }
    // Says whether the list is a first estimate (the final one replaces it in place), then that it is final.
    const note = h('p', { className: 'hint', role: 'status' }, view.estimate ? NOTE_ESTIMATE : '');
    note.hidden = !view.estimate;
    el.append(h('h2', {}, 'Super-connectors'), note, list);
    shown = { view, list, note };
  });
}

function sourced(label: string, v: SourcedView | undefined): HTMLElement | false {
  if (!v) return false;
  const note =
    v.source === 'export'
      ? ''
      : v.source === 'inferred'
        ? `inferred${v.evidence ? ` from ${v.evidence}` : ''}`
        : `from ${v.source}`;
  return h(
    'div',
    { className: 'field' },
    h('dt', {}, label),
    h(
      'dd',
      {},
      v.value,
      note ? h('small', { className: v.source === 'inferred' ? 'inferred' : '' }, ` (${note})`) : '',
    ),
  );
}

export function renderPerson(
  view: NetworkView,
  index: number,
  clusterLabel?: string,
  ownerName?: (id: string) => string,
): HTMLElement {
  const p: PersonView | undefined = view.people[index];
  if (!p) return h('p', {}, 'No one selected.');
  const url = getSafeProfileUrl(p.url);
  const cluster = view.clusters[p.cluster];
  const clusterName = clusterLabel ?? cluster?.label;
  const ownerNames = p.owners.map((o) => ownerName?.(o) ?? view.owners.find((x) => x.id === o)?.name ?? o);
  return h(
    'article',
    { 'aria-label': `Person: ${p.name}` },
    h('h2', {}, p.name || '(no name)'),
    h(
      'dl',
      {},
      sourced('Position', p.position),
      sourced('Company', p.company),
      sourced('Location', p.place),
      sourced('Industry', p.industry),
      sourced('Role', p.role),
      cluster ? h('div', { className: 'field' }, h('dt', {}, 'Cluster'), h('dd', {}, clusterName ?? '')) : false,
      h(
        'div',
        { className: 'field' },
        h('dt', {}, 'Known by'),
        h(
          'dd',
          {},
          p.ownerId ? 'owner of an export' : ownerNames.join(', ') || 'no one in the team directly (2nd degree)',
        ),
      ),
      p.connectedOn ? h('div', { className: 'field' }, h('dt', {}, 'Connected on'), h('dd', {}, p.connectedOn)) : false,
      h(
        'div',
        { className: 'field score' },
        h('dt', {}, 'Super-connector score'),
        h('dd', {}, getScoreText(view, index)),
      ),
    ),
    renderReasons(view, index),
    url
      ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, 'Open LinkedIn profile')
      : p.url
        ? h('p', { className: 'unsafe-url' }, 'Profile: ', p.url)
        : false,
  );
}

/** Why the person is a super-connector, if the ranking lists them. */
function renderReasons(view: NetworkView, index: number): HTMLElement | false {
  const sc = view.superConnectors.find((s) => s.index === index);
  if (!sc) return false;
  return h(
    'section',
    { className: 'reasons' },
    h('h3', {}, 'Why a super-connector'),
    h('ul', {}, ...sc.why.map((w) => h('li', {}, w))),
  );
}

/**
 * Brings a person's panel drawn by `renderPerson` up to date with new scores of the same network, in place: only
 * the score line and the reasons they are a super-connector change, each only if its text does. Every other node
 * stays, and with it the focus, a text selection or the scroll in the panel.
 */
export function updatePersonScores(article: HTMLElement, view: NetworkView, index: number): void {
  const score = article.querySelector('.score dd');
  const text = getScoreText(view, index);
  if (score && score.textContent !== text) score.textContent = text;
  const reasons = article.querySelector('.reasons');
  const fresh = renderReasons(view, index);
  const why = (e: Element) => Array.from(e.querySelectorAll('li'), (li) => li.textContent).join('\n');
  if (!fresh) reasons?.remove();
  else if (!reasons) article.querySelector('dl')?.after(fresh);
  else if (why(reasons) !== why(fresh)) reasons.replaceWith(fresh);
}

/**
 * A person's super-connector score (0 to 1) and rank among everyone on the map, or that it is still being
 * computed. O(people) for the rank.
 */
export function getScoreText(view: NetworkView, index: number): string {
  const p = view.people[index];
  if (!p) return '';
  if (!view.ranked) return 'being computed…';
  let above = 0;
  for (const q of view.people) if (q.score > p.score) above++;
  const rank = `#${(above + 1).toLocaleString('en')} of ${view.people.length.toLocaleString('en')}`;
  return `${p.score.toFixed(2)} (${rank}${view.estimate ? ', first estimate, refining…' : ''})`;
}

const indexById = new WeakMap<NetworkView, Map<string, number>>();

/** Person id → index in the view, built once per view (not per click: 30,000 entries). */
function getIndexById(view: NetworkView): Map<string, number> {
  let map = indexById.get(view);
  if (!map) indexById.set(view, (map = new Map(view.people.map((p, i) => [p.id, i]))));
  return map;
}

export function mountPerson(el: HTMLElement, deps: ViewDeps): Dispose {
  let last: [unknown, unknown, unknown, unknown] | undefined;
  /** The person's details on screen and the view they show, for updating the score in place when scores come. */
  let shown: { view: NetworkView; article: HTMLElement } | undefined;
  const render = (s: AppState) => {
    const index = s.choices.selected ?? s.choices.hovered;
    // Selected or only hovered matters too: a click on the hovered person adds "Clear selection" and the links.
    const chosen = s.choices.selected !== undefined;
    const samePerson = last && last[1] === index && last[2] === s.edits && last[3] === chosen;
    if (samePerson && last?.[0] === s.view) return;
    last = [s.view, index, s.edits, chosen];
    // Scores alone (a first estimate, then the final ones) change only the score line and the reasons: redrawing
    // the whole panel threw a keyboard user's focus in it (on a link, "Clear selection") back to the page.
    const rescored =
      samePerson && shown && isSameNetwork(s.view, shown.view) && s.view?.clusters === shown.view.clusters;
    if (rescored && shown && s.view && index !== undefined) {
      shown.view = s.view;
      updatePersonScores(shown.article, s.view, index);
      return;
    }
    shown = undefined;
    clear(el);
    if (!s.view || index === undefined) {
      el.append(
        h(
          'p',
          { className: 'hint' },
          'Hover or click a person on the map to see who they are and why they are linked.',
        ),
      );
      return;
    }
    const cluster = getClusterLabel(s, s.view.people[index]?.cluster ?? -1) || undefined;
    const article = renderPerson(s.view, index, cluster, (id) => getOwnerName(s, id));
    el.append(article);
    if (s.view.people[index]) shown = { view: s.view, article };
    if (s.choices.selected === undefined) return;
    el.append(h('button', { type: 'button', onclick: () => deps.actions.select(undefined) }, 'Clear selection'));
    // Links with their evidence: asked of the worker, which holds the evidence graph.
    const view = s.view;
    const person = view.people[index];
    if (!person) return;
    const section = h(
      'section',
      { 'aria-label': 'Links and their evidence' },
      h('h3', {}, 'Links'),
      h('p', { className: 'hint' }, 'Loading…'),
    );
    el.append(section);
    void deps.actions.links(person.id).then((links) => {
      // Scores that came meanwhile left this section in place: the network is the same.
      const now = deps.store.get();
      if (!isSameNetwork(now.view, view) || now.choices.selected !== index) return;
      const indexOf = getIndexById(view);
      section.replaceChildren(
        h('h3', {}, `Links (${links.length})`),
        links.length
          ? h(
              'ul',
              { className: 'links', 'aria-label': 'Links' },
              ...links.map((l) => {
                const j = indexOf.get(l.id);
                return h(
                  'li',
                  {},
                  h(
                    'button',
                    { type: 'button', onclick: () => j !== undefined && (deps.actions.select(j), deps.frame([j])) },
                    l.name || '(no name)',
                  ),
                  h('small', {}, ` ${l.kinds.join(', ')} · weight ${l.weight}`),
                  h('ul', {}, ...l.evidence.map((e) => h('li', {}, e))),
                );
              }),
            )
          : h('p', {}, 'No links.'),
      );
    });
  };
  render(deps.store.get());
  return deps.store.subscribe(render);
}

export function mountImportReport(el: HTMLElement, deps: ViewDeps): Dispose {
  return onView(deps, (view) => {
    clear(el);
    if (!view) return;
    const rows = view.summary.map((f) =>
      h(
        'tr',
        {},
        h('td', {}, f.file),
        h('td', {}, f.kind),
        h('td', {}, f.rows),
        h('td', {}, f.skipped),
        h('td', {}, f.newPeople ?? ''),
        h('td', {}, f.mergedPeople ?? ''),
      ),
    );
    const issues = view.issues
      .slice(0, 500)
      .map((i) => h('li', { className: i.severity }, `${i.file}${i.line ? `:${i.line}` : ''} — ${i.message}`));
    const state = deps.store.get();
    const owners = h(
      'ul',
      { className: 'owners', 'aria-label': 'Exports and their owners' },
      ...view.owners.map((o) => {
        const input = h('input', {
          type: 'text',
          value: getOwnerName(state, o.id),
          'aria-label': `Name of the owner of export ${o.name}`,
          onchange: (e) => deps.actions.renameOwner(o.id, (e.target as HTMLInputElement).value),
        });
        const hidden = view.hidden[o.id];
        return h('li', {}, input, hidden ? h('small', {}, ` ${hidden} hidden or deactivated members`) : '');
      }),
    );
    const changes = view.changes.map((d) =>
      h(
        'details',
        { className: 'changes' },
        h('summary', {}, `Since the last import of ${getOwnerName(state, d.ownerId)}: ${toExportDiffSummary(d)}`),
        d.added.length
          ? h(
              'p',
              {},
              'New: ',
              d.added
                .slice(0, 50)
                .map((p) => p.name)
                .join(', '),
            )
          : '',
        d.changed.length
          ? h(
              'ul',
              {},
              ...d.changed
                .slice(0, 50)
                .map((c) =>
                  h(
                    'li',
                    {},
                    `${c.name}: ${[c.company ? `${c.company.from ?? '—'} → ${c.company.to ?? '—'}` : '', c.position ? `${c.position.from ?? '—'} → ${c.position.to ?? '—'}` : ''].filter(Boolean).join('; ')}`,
                  ),
                ),
            )
          : '',
        d.removed.length
          ? h(
              'p',
              {},
              'No longer there: ',
              d.removed
                .slice(0, 50)
                .map((p) => p.name)
                .join(', '),
            )
          : '',
      ),
    );
    el.append(
      h('h2', {}, 'Exports'),
      owners,
      ...changes,
      h('h2', {}, 'Import summary'),
      h(
        'table',
        { 'aria-label': 'Files read' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['File', 'Recognised as', 'Rows', 'Skipped', 'New people', 'Merged'].map((t) =>
              h('th', { scope: 'col' }, t),
            ),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
      issues.length ? h('h3', {}, `Issues (${view.issues.length})`) : h('p', {}, 'No issues.'),
    );
    if (issues.length) el.append(h('ul', { className: 'issues', 'aria-label': 'Import issues' }, ...issues));
  });
}

/** Drop files, folders or zips anywhere on the page. */
export function mountDropZone(target: HTMLElement, overlay: HTMLElement, onFiles: (dt: DataTransfer) => void): Dispose {
  let depth = 0;
  const enter = (e: DragEvent) => {
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  };
  const leave = () => {
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  };
  const over = (e: DragEvent) => e.preventDefault();
  const drop = (e: DragEvent) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    if (e.dataTransfer) onFiles(e.dataTransfer);
  };
  target.addEventListener('dragenter', enter);
  target.addEventListener('dragleave', leave);
  target.addEventListener('dragover', over);
  target.addEventListener('drop', drop);
  return () => {
    target.removeEventListener('dragenter', enter);
    target.removeEventListener('dragleave', leave);
    target.removeEventListener('dragover', over);
    target.removeEventListener('drop', drop);
  };
}
