// "Share settings" links read back, and presentation mode checked where names are really drawn (issue 7).
// The app is opened on a share link over the start sample: its settings are applied once the network is on
// screen (re-clustered at the link's resolution), a value the network lacks is ignored and the status line
// says so, and a later hashchange applies another link. Names on the map are drawn on canvases, not page
// text: our 2D layers (people's labels, the focus) draw them with fillText, and sigma 4 could draw its own
// labels in WebGL (glyphs from an atlas, one instance per character; switched off in mount-map.ts, but
// counted in case they come back). An init script records both: every text drawn on a 2D canvas and the
// characters sigma's node label program draws (found by its shader's `a_charOffset` attribute). In
// presentation mode neither may hold a name, and the exports (GEXF, GraphML, SVG, CSV, PNG) hold no person's
// name, profile URL or e-mail; outside it the same record holds names, so the checks can fail.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './browser';
import {
  downloadExport,
  getMapData,
  LOAD_TIMEOUT,
  openTab,
  parseXmlInPage,
  waitForMap,
  waitForPerson,
} from './helpers';
import { startServer, type StaticServer } from './server';

const OWNERS = ['maya-lindqvist', 'daniel-okafor', 'ines-carvalho'];

/** Full names, profile URLs and e-mails of everyone in the sample's exports (owners included). */
function getPersonData(): { names: string[]; all: string[] } {
  const names = new Set<string>();
  const all = new Set<string>();
  for (const owner of OWNERS) {
    const text = readFileSync(`data/sample/${owner}/Connections.csv`, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.slice(text.indexOf('First Name,')), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const profile = Papa.parse<Record<string, string>>(readFileSync(`data/sample/${owner}/Profile.csv`, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    for (const r of [...rows, ...profile]) {
      const name = `${r['First Name'] ?? ''} ${r['Last Name'] ?? ''}`.trim();
      if (name.includes(' ')) names.add(name);
      if (r.URL) all.add(r.URL);
      if (r['Email Address']) all.add(r['Email Address']);
    }
  }
  return { names: [...names], all: [...names, ...all] };
}

const PERSON = getPersonData();
const folded = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const PERSON_FOLDED = PERSON.all.map(folded);

/** The person data (name, profile URL, e-mail) found in a text, if any. */
function findPersonData(text: string): string[] {
  const t = folded(text);
  return PERSON.all.filter((_, i) => t.includes(PERSON_FOLDED[i]!));
}

/**
 * The person data in an exported file: every attribute value and text of the XML (or every cell of the
 * CSV) is looked at, each distinct one once (a whole file searched for each of ~10,000 strings is slow).
 */
function findPersonDataInFile(text: string, kind: 'xml' | 'csv'): string[] {
  const values =
    kind === 'xml'
      ? [...text.matchAll(/"([^"]*)"|>([^<]+)</g)].map((m) => m[1] ?? m[2] ?? '')
      : Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
  const found = new Set<string>();
  for (const v of new Set(values)) if (v.trim().length > 2) for (const d of findPersonData(v)) found.add(d);
  return [...found];
}

/** What the map drew since the last reset: characters of sigma's node labels, texts on 2D canvases, draw calls. */
interface DrawLog {
  labelChars: number;
  draws: number;
  texts: string[];
}

/** Runs in the page before the app: counts what is drawn (see the file's header). */
function installDrawLog() {
  const log = { labelChars: 0, draws: 0, texts: [] as string[] };
  (window as unknown as { __drawLog: typeof log }).__drawLog = log;
  for (const C of [CanvasRenderingContext2D, OffscreenCanvasRenderingContext2D]) {
    const proto = C.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ['fillText', 'strokeText']) {
      const original = proto[m]!;
      proto[m] = function (this: unknown, ...args: unknown[]) {
        const text = String(args[0]);
        if (text.length > 2 && log.texts.length < 100_000) log.texts.push(text);
        return original.apply(this, args);
      };
    }
  }
  const gl = WebGL2RenderingContext.prototype;
  const labelShaders = new WeakSet<WebGLShader>();
  const labelPrograms = new WeakSet<WebGLProgram>();
  const current = new WeakMap<object, WebGLProgram | null>();
  const { shaderSource, attachShader, useProgram, drawArrays, drawArraysInstanced } = gl;
  gl.shaderSource = function (shader, source) {
    if (/in vec2 a_charOffset/.test(source) && /in float a_nodeIndex/.test(source)) labelShaders.add(shader);
    return shaderSource.call(this, shader, source);
  };
  gl.attachShader = function (program, shader) {
    if (labelShaders.has(shader)) labelPrograms.add(program);
    return attachShader.call(this, program, shader);
  };
  gl.useProgram = function (program) {
    current.set(this, program);
    return useProgram.call(this, program);
  };
  const isLabel = (ctx: object) => {
    const p = current.get(ctx);
    return Boolean(p && labelPrograms.has(p));
  };
  gl.drawArrays = function (mode, first, count) {
    log.draws++;
    if (isLabel(this)) log.labelChars += count / 4;
    return drawArrays.call(this, mode, first, count);
  };
  gl.drawArraysInstanced = function (mode, first, count, instances) {
    log.draws++;
    if (isLabel(this)) log.labelChars += instances;
    return drawArraysInstanced.call(this, mode, first, count, instances);
  };
}

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[] = [];

const toolbar = () => page.getByRole('toolbar', { name: 'Map controls' });
const checkbox = (name: string) => toolbar().getByRole('checkbox', { name });

async function resetDrawLog(): Promise<void> {
  await page.evaluate(() => {
    const log = (window as unknown as { __drawLog: DrawLog }).__drawLog;
    log.labelChars = 0;
    log.draws = 0;
    log.texts = [];
  });
}

async function getDrawLog(): Promise<DrawLog> {
  return page.evaluate(() => {
    const log = (window as unknown as { __drawLog: DrawLog }).__drawLog;
    return { labelChars: log.labelChars, draws: log.draws, texts: [...log.texts] };
  });
}

/** Zoom in on the map's centre (each wheel step renders it again) and pick a person through the search. */
async function zoomAndSelect(name: string): Promise<void> {
  const box = (await page.locator('[data-map]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 3; i++) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(400);
  }
  await openTab(page, 'Explore');
  await page.getByRole('combobox', { name: 'Search people' }).fill(name);
  await page.getByRole('option').filter({ hasText: name }).first().click();
  await waitForPerson(page, name);
  // The camera moves to them after the next paint; let it get there.
  await page.waitForTimeout(1500);
}

/** A person with a plain two-word name (searchable as typed). */
const SOMEONE = PERSON.names.find((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n))!;
const LINK = '#v=1&city=Rotterdam&city=Atlantis&size=degree&present=1&color=1&res=1.2';

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  const opened = await openPage(browser, 'about:blank');
  page = opened.page;
  errors = opened.errors;
  await page.addInitScript(installDrawLog);
  await page.goto(`${server.url}${LINK}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a shared link', () => {
  it("applies the link's settings once the network is on screen, and says which values it ignored", async () => {
    // The sample opens, is re-clustered at 1.2, then the rest is applied and the status line speaks.
    // A notice in the status line (a polite live region), not an error.
    const notice = page.locator('.status .notice');
    await notice.waitFor({ timeout: 2 * LOAD_TIMEOUT });
    expect(await notice.textContent()).toMatch(/^Share link: 1 of its settings is not in this network and was ignored/);
    expect(await page.locator('.status [role="alert"]').count()).toBe(0);
    await waitForMap(page);
    await expect(toolbar().getByRole('spinbutton', { name: 'Cluster resolution' }).inputValue()).resolves.toBe('1.2');
    await expect(toolbar().getByRole('combobox', { name: 'Size by' }).inputValue()).resolves.toBe('degree');
    await expect(checkbox('Presentation mode').isChecked()).resolves.toBe(true);
    await expect(checkbox('Colour links by evidence').isChecked()).resolves.toBe(true);
    const map = await getMapData(page);
    expect(map.visible).toBeGreaterThan(0);
    expect(map.visible).toBeLessThan(map.nodes);
    await openTab(page, 'Filter');
    const ticked = await page
      .locator('.facets input[type="checkbox"][data-facet-key]:checked')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.facetKey!.replace('\u0000', '=')));
    // Every kind of link is shown (their boxes are ticked), and of the facet values only the city.
    expect(ticked.filter((k) => !k.startsWith('kind='))).toEqual(['city=Rotterdam']);
    // The link stays in the address bar as it was opened; nothing was added to it.
    expect(new URL(page.url()).hash).toBe(LINK);
  });

  it('in presentation mode the map draws no name: no label glyph in WebGL, no name on the 2D layers', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => (await getMapData(page)).visible).toBe((await getMapData(page)).nodes);
    await resetDrawLog();
    await zoomAndSelect(SOMEONE);
    const log = await getDrawLog();
    expect(log.draws).toBeGreaterThan(0); // the map was drawn meanwhile
    expect(log.labelChars).toBe(0);
    expect([...new Set(log.texts)].flatMap(findPersonData)).toEqual([]);
  });

  it('in presentation mode no export holds a name, profile URL or e-mail', async () => {
    for (const option of ['GEXF (Gephi)', 'GraphML'] as const) {
      const text = (await downloadExport(page, option)).bytes.toString('utf8');
      const xml = await parseXmlInPage(page, text);
      expect(xml.error).toBeUndefined();
      expect(xml.counts.node).toBeGreaterThan(3000);
      expect(findPersonDataInFile(text, 'xml')).toEqual([]);
      expect(text).not.toContain('@');
      expect(text).not.toContain('linkedin.com');
      const ids = [...text.matchAll(/<node id="([^"]*)"/g)].map((m) => m[1]);
      expect(ids.length).toBe(xml.counts.node);
      expect(ids.filter((id) => !/^p\d+$/.test(id ?? ''))).toEqual([]);
    }
    const svg = (await downloadExport(page, 'SVG image')).bytes.toString('utf8');
    const parsed = await parseXmlInPage(page, svg, 'image/svg+xml');
    expect(parsed.error).toBeUndefined();
    expect(parsed.counts.circle).toBeGreaterThan(3000);
    expect(findPersonDataInFile(svg, 'xml')).toEqual([]);
    expect(svg).not.toContain('@');

    const csv = await downloadExport(page, 'CSV of the people shown');
    expect(csv.name).toBe('netwell-people-no-names.csv');
    const rows = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(rows.meta.fields).not.toContain('Name');
    expect(rows.meta.fields).not.toContain('Profile URL');
    expect(rows.data.length).toBe((await getMapData(page)).visible);
    expect(findPersonDataInFile(csv.bytes.toString('utf8'), 'csv')).toEqual([]);
    expect(csv.bytes.toString('utf8')).not.toContain('@');

    await resetDrawLog();
    const png = await downloadExport(page, 'PNG image');
    expect(png.bytes.length).toBeGreaterThan(1000);
    const log = await getDrawLog();
    expect(log.labelChars).toBe(0);
    expect([...new Set(log.texts)].flatMap(findPersonData)).toEqual([]);
  });

  it('a hashchange applies another link; outside presentation mode the same checks find names', async () => {
    await page.evaluate(() => (location.hash = '#v=1&size=score&res=1.2'));
    await expect
      .poll(() => toolbar().getByRole('combobox', { name: 'Size by' }).inputValue(), { timeout: 30_000 })
      .toBe('score');
    await expect(checkbox('Colour links by evidence').isChecked()).resolves.toBe(false);
    // A link never turns presentation mode off (names must not come back while presenting): the person does.
    await expect(checkbox('Presentation mode').isChecked()).resolves.toBe(true);
    await checkbox('Presentation mode').uncheck();
    await waitForMap(page);

    await resetDrawLog();
    await zoomAndSelect(SOMEONE);
    const log = await getDrawLog();
    // People's names are drawn on the map's 2D layers (label-layer.ts, and the focus for the selected person).
    const drawn = new Set([...new Set(log.texts)].flatMap(findPersonData));
    expect(drawn).toContain(SOMEONE);
    expect(drawn.size).toBeGreaterThan(5);
    const gexf = (await downloadExport(page, 'GEXF (Gephi)')).bytes.toString('utf8');
    expect(findPersonDataInFile(gexf, 'xml').length).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });
});
