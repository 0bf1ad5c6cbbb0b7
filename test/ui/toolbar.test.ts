// Presentation mode's exports (InMaps' "share without names"): the GEXF, GraphML and CSV hold no person's
// name, profile URL, id or e-mail; outside presentation mode they are as before.
import { describe, expect, it } from 'vitest';
import { toGexf, toGraphml } from '../../src/io/graph-files';
import { getEmptyAppState, type AppState } from '../../src/ui/state';
import { getPersonDataTest } from '../../src/ui/share';
import { getPersonWordsTest, toExportGraph, toShownPeopleCsv } from '../../src/ui/toolbar';
import { makePerson, makeView } from './view-fixture';

function getState(presentation: boolean): AppState {
  const view = makeView();
  // A person known by e-mail only, and a company named after someone in the network.
  view.people[3] = { ...view.people[3]!, id: 'dario.fenn@example.org' };
  view.people[4] = { ...view.people[4]!, company: { value: 'Chloé Marsh Consulting', source: 'export' } };
  view.people.push(makePerson({ id: 'name:gil ray|', name: 'Gil Ray', cluster: 1 }));
  const empty = getEmptyAppState();
  return { ...empty, view, choices: { ...empty.choices, presentation } };
}

/** Every name, id and URL of the fixture's people, and the company named after one of them. */
function getPersonStrings(state: AppState): string[] {
  return state.view!.people.flatMap((p) => [p.name, p.id, p.url ?? '']).filter((s) => s.length > 1);
}

describe('exports in presentation mode', () => {
  it('GEXF and GraphML: neutral ids p0, p1, … and no label, URL, e-mail or person data', () => {
    const state = getState(true);
    const g = toExportGraph(state, undefined);
    expect(g.nodes()).toEqual(state.view!.people.map((_, i) => `p${i}`));
    expect(g.size).toBe(4);
    g.forEachNode((_k, a) => {
      expect(a).not.toHaveProperty('label');
      expect(a).not.toHaveProperty('url');
    });
    expect(g.getNodeAttribute('p4', 'company')).toBe('');
    expect(g.getNodeAttribute('p2', 'company')).toBe('Orbit Co');
    for (const text of [toGexf(g), toGraphml(g)]) {
      for (const s of getPersonStrings(state)) expect(text.toLowerCase()).not.toContain(s.toLowerCase());
      expect(text).not.toContain('@');
      expect(text).not.toContain('linkedin.com');
      expect(text).not.toContain('Chlo');
    }
  });

  it('CSV: no Name or Profile URL column, person data left out of the other cells', () => {
    const state = getState(true);
    const csv = toShownPeopleCsv(state, state.view!.people);
    const [header] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Position,Company,Location,Industry,Cluster,Super-connector score,Connected On');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + state.view!.people.length);
    for (const s of getPersonStrings(state)) expect(csv.toLowerCase()).not.toContain(s.toLowerCase());
    expect(csv).not.toContain('Chlo');
    expect(csv).toContain('Orbit Co');
  });

  it('outside presentation mode: ids, names and URLs as before', () => {
    const state = getState(false);
    const g = toExportGraph(state, undefined);
    expect(g.nodes()).toEqual(state.view!.people.map((p) => p.id));
    expect(g.getNodeAttribute('dario.fenn@example.org', 'label')).toBe('Dario Fenn');
    expect(g.getNodeAttribute('id-Björn Quill', 'url')).toBe('https://www.linkedin.com/in/bjorn-quill-x1');
    const csv = toShownPeopleCsv(state, state.view!.people);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Name,.*,Profile URL$/);
    expect(csv).toContain('Chloé Marsh Consulting');
  });
});

describe('getPersonWordsTest', () => {
  it("agrees with the share link's person-data test on names, ids, URLs and values around them", () => {
    const state = getState(true);
    const view = state.view!;
    const words = getPersonWordsTest(view);
    const scan = getPersonDataTest(view);
    const people = getPersonStrings(state);
    const values = [
      ...people,
      ...people.map((s) => `${s} GmbH`),
      ...people.map((s) => `The ${s.toUpperCase()} Foundation`),
      ...view.people.flatMap((p) => [p.company?.value, p.position?.value, p.place?.value, p.industry?.value]),
      'Zeta Labs',
      'Orbit Co',
      'Marsh',
      'Chloe Marsh',
      'Ana',
      'Berlin, Germany',
    ].filter((v): v is string => Boolean(v));
    for (const v of values) expect(words(v), v).toBe(scan(v));
    expect(words('Chloé Marsh Consulting')).toBe(true);
    expect(words('Orbit Co')).toBe(false);
    // Names next to punctuation are still names (the share link's test finds them too).
    for (const v of ['Chloé Marsh, Consulting', "Chloé Marsh's Bakery", 'Studio (Chloé Marsh)', 'Chloé Marsh.']) {
      expect(words(v), v).toBe(true);
      expect(scan(v), v).toBe(true);
    }
  });
});
