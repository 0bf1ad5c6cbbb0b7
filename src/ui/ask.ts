/**
 * The Ask panel: "What do you need?" → who to ask, and why. The need is parsed in the worker and
 * shown back as chips the user can remove to correct it; the answer comes as three lists kept in sync
 * with the map (targets and introducers highlighted, the rest dimmed, the camera framing them):
 * targets, the clusters that hold them, and who to ask with reasons and paths. The ask list exports as
 * CSV or Markdown with an intro-request draft per introducer from an editable template; nothing is
 * ever sent from the app.
 *
 * Wiring (src/ui/app.ts): `panels: { ask: (el, deps) => mountAsk(el, deps) }`.
 */
import type { AskResult } from '../core/ask/ask';
import type { Introducer } from '../core/ask/introducers';
import type { ParsedNeed } from '../core/ask/parse-need';
import { toCsv } from '../io/csv-export';
import { downloadBlob } from '../map/export-image';
import { clear, getSafeProfileUrl, h } from './dom';
import { getOwnerName, isSameNetwork, type AppState } from './state';
import type { ViewDeps } from './views';

export const ASK_EXAMPLES = [
  'an accountant in Southern California',
  'hire a React developer in Berlin',
  'distributors in Brazil',
  'someone who knows biotech investors in Boston',
  'a lawyer in London',
] as const;

/** The intro-request template's default. Placeholders: {firstName}, {targets}, {need}. */
export const DEFAULT_INTRO_TEMPLATE =
  'Hi {firstName}, I am looking for {need}. I noticed you know {targets}. Would you be open to introducing me? Thank you!';

/** Fills an intro template for one introducer. */
export function toIntroDraft(template: string, firstName: string, targets: string[], need: string): string {
  const list =
    targets.length <= 2 ? targets.join(' and ') : `${targets.slice(0, 2).join(', ')} and ${targets.length - 2} more`;
  return template
    .replaceAll('{firstName}', firstName)
    .replaceAll('{targets}', list || 'people who could help')
    .replaceAll('{need}', need);
}

/** The ask list as rows: one per introducer (and per target to ask directly). */
export function toAskRows(
  answer: AskResult,
  nameOf: (id: string) => string,
  urlOf: (id: string) => string | undefined,
  template: string,
) {
  return answer.introducers.map((i: Introducer) => {
    const targets = i.reaches.map(nameOf);
    return {
      name: i.name,
      url: urlOf(i.id) ?? '',
      kind: i.kind,
      score: i.score,
      why: i.why.join('; '),
      reaches: targets.join(', '),
      draft: toIntroDraft(template, i.name.split(/\s+/)[0] ?? i.name, targets, answer.text),
    };
  });
}

export function toAskMarkdown(answer: AskResult, rows: ReturnType<typeof toAskRows>): string {
  const esc = (t: string) => t.replace(/([\\`*_[\]<>|])/g, '\\$1');
  const lines = [`# Who to ask: ${esc(answer.text)}`, '', `Understood as: ${esc(answer.label)}`, ''];
  for (const r of rows) {
    lines.push(
      `## ${esc(r.name)}`,
      '',
      r.url ? `Profile: ${r.url}` : '',
      `Why: ${esc(r.why)}`,
      '',
      `> ${esc(r.draft)}`,
      '',
    );
  }
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}

export function mountAsk(el: HTMLElement, deps: ViewDeps): () => void {
  const input = h('input', {
    type: 'search',
    placeholder: 'e.g. an accountant in San Diego',
    'aria-label': 'What do you need?',
  });
  const me = h('select', { 'aria-label': 'Ask as' });
  const template = h('textarea', { rows: 3, 'aria-label': 'Intro request template' });
  template.value = DEFAULT_INTRO_TEMPLATE;
  const results = h('div', { className: 'ask-results', 'aria-live': 'polite' });
  let answer: AskResult | undefined;

  // Person id → index, built once per view (names of every path step are looked up through it).
  const indexCache = new WeakMap<object, Map<string, number>>();
  const indexOf = (): Map<string, number> => {
    const view = deps.store.get().view;
    if (!view) return new Map();
    let map = indexCache.get(view);
    if (!map) indexCache.set(view, (map = new Map(view.people.map((p, i) => [p.id, i]))));
    return map;
  };
  const nameOf = (id: string) => {
    const s = deps.store.get();
    const i = indexOf().get(id);
    return i === undefined ? id : (s.view?.people[i]?.name ?? id);
  };
  const urlOf = (id: string) => {
    const i = indexOf().get(id);
    return i === undefined ? undefined : getSafeProfileUrl(deps.store.get().view?.people[i]?.url);
  };

  const show = (ids: string[], paths: string[][] = [], frame = true) => {
    const idx = indexOf();
    const toIndices = (list: string[]) => list.map((id) => idx.get(id)).filter((i): i is number => i !== undefined);
    const indices = toIndices(ids);
    deps.actions.highlight(
      indices,
      paths.map(toIndices).filter((p) => p.length > 1),
    );
    if (frame && indices.length) deps.frame(indices);
  };

  const run = async (need: string | ParsedNeed) => {
    const s = deps.store.get();
    if (!s.view) return;
    clear(results);
    results.append(h('p', {}, 'Looking…'));
    try {
      const r = await deps.actions.ask(need, me.value || undefined);
      if (r === 'superseded') return;
      answer = r.answer;
      render(r.answer, r.ms);
    } catch (e) {
      clear(results);
      results.append(h('p', { role: 'alert', className: 'error' }, e instanceof Error ? e.message : String(e)));
    }
  };

  const chip = (label: string, drop: () => ParsedNeed) =>
    h(
      'button',
      { type: 'button', className: 'chip', 'aria-label': `Remove ${label}`, onclick: () => void run(drop()) },
      `${label} ×`,
    );

  const personButton = (label: string, extra: string[], onPick: () => void) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', onclick: onPick },
        h('span', { className: 'name' }, label),
        ...extra.map((w) => h('span', { className: 'why' }, w)),
      ),
    );

  const render = (a: AskResult, ms: number) => {
    clear(results);
    const p = a.parsed;
    const chips = [
      p.role ? chip(`role: ${p.role.term}`, () => ({ ...p, role: undefined })) : null,
      p.industry ? chip(`industry: ${p.industry.term}`, () => ({ ...p, industry: undefined })) : null,
      p.place ? chip(`place: ${p.place.label}`, () => ({ ...p, place: undefined })) : null,
      ...p.words.map((w) => chip(`word: ${w}`, () => ({ ...p, words: p.words.filter((x) => x !== w) }))),
    ].filter((c): c is HTMLButtonElement => c !== null);
    results.append(
      h('div', { className: 'chips', role: 'group', 'aria-label': 'Understood as' }, 'Understood as: ', ...chips),
    );
    if (a.message) {
      results.append(h('p', { role: 'status' }, a.message));
      if (a.suggestions?.length)
        results.append(
          h(
            'ul',
            { 'aria-label': 'Suggestions' },
            ...a.suggestions.map((sg) =>
              h('li', {}, h('button', { type: 'button', onclick: () => void run(sg.parsed) }, sg.text)),
            ),
          ),
        );
    }
    const targets = h(
      'ol',
      { className: 'ranked', 'aria-label': 'Targets' },
      ...a.targets.slice(0, 30).map((t) =>
        personButton(t.name, t.why.slice(0, 2), () => {
          const i = indexOf().get(t.id);
          if (i !== undefined) deps.actions.select(i);
          show([t.id]);
        }),
      ),
    );
    const clusters = h(
      'ul',
      { className: 'ask-clusters', 'aria-label': 'Where they are' },
      ...a.clusters.map((c) => h('li', {}, `${c.count} of ${a.total} in ${c.label}`)),
    );
    const introducers = h(
      'ol',
      { className: 'ranked', 'aria-label': 'Who to ask' },
      ...a.introducers.map((i) =>
        personButton(
          i.name,
          [
            i.kind === 'direct' ? 'ask directly' : '',
            ...i.why.slice(0, 3),
            i.paths[0] ? `path: ${i.paths[0].map(nameOf).join(' → ')}` : '',
          ].filter(Boolean),
          () => {
            const idx = indexOf().get(i.id);
            if (idx !== undefined) deps.actions.select(idx);
            show([...new Set([...i.paths.flat(), ...i.reaches])], i.paths);
          },
        ),
      ),
    );
    const exportRow = h(
      'div',
      { className: 'ask-export' },
      h('button', { type: 'button', onclick: () => exportAsk('csv') }, 'Ask list as CSV'),
      h('button', { type: 'button', onclick: () => exportAsk('md') }, 'Ask list as Markdown'),
    );
    results.append(
      h(
        'p',
        { className: 'count' },
        `${a.total} matching ${a.total === 1 ? 'person' : 'people'} · answered in ${Math.round(ms)} ms`,
      ),
      h('h3', {}, 'Who to ask'),
      introducers,
      h('h3', {}, 'Where they are'),
      clusters,
      h('h3', {}, 'Targets'),
      targets,
      h(
        'details',
        {},
        h('summary', {}, 'Intro request template'),
        h('p', { className: 'hint' }, 'Placeholders: {firstName}, {targets}, {need}. Nothing is sent from Netwell.'),
        template,
      ),
      exportRow,
    );
    show(
      [...a.targets.map((t) => t.id), ...a.introducers.map((i) => i.id)],
      a.introducers.slice(0, 5).flatMap((i) => i.paths.slice(0, 3)),
    );
  };

  const exportAsk = (format: 'csv' | 'md') => {
    if (!answer) return;
    const rows = toAskRows(answer, nameOf, urlOf, template.value);
    if (format === 'csv') {
      const csv = toCsv(
        ['Name', 'Profile URL', 'Kind', 'Score', 'Why', 'Reaches', 'Intro request draft'],
        rows.map((r) => [r.name, r.url, r.kind, String(r.score), r.why, r.reaches, r.draft]),
      );
      downloadBlob(new Blob([csv], { type: 'text/csv' }), 'netwell-ask-list.csv');
    } else downloadBlob(new Blob([toAskMarkdown(answer, rows)], { type: 'text/markdown' }), 'netwell-ask-list.md');
  };

  const form = h(
    'form',
    {
      role: 'search',
      'aria-label': 'Ask',
      onsubmit: (e) => {
        e.preventDefault();
        if (input.value.trim()) void run(input.value.trim());
      },
    },
    h('label', { className: 'ask-label' }, 'What do you need?', input),
    h('label', {}, 'Ask as ', me),
    h('button', { type: 'submit' }, 'Ask'),
  );
  const examples = h(
    'p',
    { className: 'examples' },
    'Try: ',
    ...ASK_EXAMPLES.map((x) =>
      h('button', { type: 'button', className: 'chip', onclick: () => ((input.value = x), void run(x)) }, x),
    ),
  );
  el.append(h('section', { className: 'panel' }, h('h2', {}, 'Ask your network'), form, examples, results));

  const owners = (s: AppState) => {
    clear(me);
    for (const o of s.view?.owners ?? []) me.append(h('option', { value: o.id }, getOwnerName(s, o.id)));
    if (s.view?.me) me.value = s.view.me;
  };
  owners(deps.store.get());
  const un = deps.store.subscribe((s, prev) => {
    if (s.view !== prev.view || s.edits !== prev.edits) owners(s);
    if (!isSameNetwork(s.view, prev.view)) {
      answer = undefined;
      clear(results);
    }
  });
  return () => {
    un();
    clear(el);
  };
}
