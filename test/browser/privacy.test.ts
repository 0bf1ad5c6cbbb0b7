// Nothing leaves the machine (issue 9, Privacy): every request made while a person opens the app,
// imports a file of the sample, runs the analysis, clicks around, searches, exports and shares is
// recorded, and anything not from the app's own origin fails the test. No person's name, profile URL
// or e-mail may appear in the page's URL at any point, in the console, or in the share link.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser';
import {
  downloadExport,
  getCspViolations,
  getPersonPanel,
  importFiles,
  openApp,
  openTab,
  runAnalysis,
  waitForMap,
  waitForPerson,
  type AppPage,
  type ExportOption,
} from './helpers';
import { startServer, type StaticServer } from './server';

const FILE = 'data/sample/maya-lindqvist/Connections.csv';

/** Full names, profile URLs (and their slugs) and e-mails of the people in the imported file. */
function getPersonData(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('First Name,');
  const rows = Papa.parse<Record<string, string>>(text.slice(start), { header: true, skipEmptyLines: true }).data;
  const out = new Set<string>();
  for (const r of rows) {
    const name = `${r['First Name'] ?? ''} ${r['Last Name'] ?? ''}`.trim();
    if (name.includes(' ')) out.add(name);
    const url = r.URL ?? '';
    if (url) {
      out.add(url);
      const slug = /\/in\/([^/?#]+)/.exec(url)?.[1];
      if (slug && slug.length > 5) out.add(`/in/${slug}`);
    }
    if (r['Email Address']) out.add(r['Email Address']);
  }
  return [...out];
}

const PERSON_DATA = getPersonData(FILE);
const folded = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const PERSON_DATA_FOLDED = PERSON_DATA.map(folded);

/** The person data found in a text (decoded as a URL would be), if any. */
function findPersonData(text: string): string[] {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    // keep the raw text
  }
  const t = folded(decoded);
  return PERSON_DATA.filter((_, i) => t.includes(PERSON_DATA_FOLDED[i]!));
}

let server: StaticServer;
let browser: Browser;
let app: AppPage;
let page: Page;
let origin = '';
const seenUrls: string[] = [];

/** Note the page's URL now (history changes do not always navigate). */
const noteUrl = () => seenUrls.push(page.url());

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  origin = new URL(server.url).origin;
  app = await openApp(browser, server.url);
  page = app.page;
  await waitForMap(page);
  noteUrl();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('privacy', () => {
  it('has person data to look for', () => {
    expect(PERSON_DATA.length).toBeGreaterThan(1000);
    expect(PERSON_DATA.some((d) => d.includes('@'))).toBe(true);
  });

  it('imports a file, analyses it, and is clicked, searched and exported, asking nothing of anyone else', async () => {
    const outcome = await importFiles(page, [
      { name: 'Connections.csv', bytes: readFileSync(FILE), mimeType: 'text/csv' },
    ]);
    expect(outcome).toBeUndefined();
    const map = await waitForMap(page);
    expect(map.nodes).toBeGreaterThan(1000);
    noteUrl();

    // Click around: tabs, a cluster, a super-connector, hover over the map.
    for (const tab of ['Filter', 'Import', 'Ask', 'Explore'] as const) {
      await openTab(page, tab);
      noteUrl();
    }
    await page
      .getByRole('list', { name: 'Clusters' })
      .getByRole('button', { name: /^Show cluster / })
      .first()
      .click();
    const connector = page.getByRole('list', { name: 'Super-connectors' }).getByRole('button').first();
    const connectorName = ((await connector.locator('.name').textContent()) ?? '').trim();
    await connector.click();
    await waitForPerson(page, connectorName);
    noteUrl();
    const box = await page.locator('[data-map]').boundingBox();
    if (box) for (const f of [0.3, 0.5, 0.7]) await page.mouse.move(box.x + box.width * f, box.y + box.height * f);

    // Search for a person by name (a query that must never reach the URL), and pick them.
    const name = PERSON_DATA.find((d) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(d))!;
    const search = page.getByRole('combobox', { name: 'Search people' });
    await search.fill(name);
    await page.getByRole('option').filter({ hasText: name }).first().click();
    await waitForPerson(page, name);
    noteUrl();
    // The profile link is there, but not followed: opening LinkedIn is the person's choice.
    await expect(getPersonPanel(page).locator('a[href^="https://www.linkedin.com/in/"]').count()).resolves.toBe(1);

    // If the Ask panel exists (it is another feature's), ask it something.
    await openTab(page, 'Ask');
    const ask = page.getByLabel('What do you need?', { exact: true });
    if (await ask.count()) {
      await ask.fill('an accountant in Rotterdam');
      await ask.press('Enter');
      // The answer (or its error) replaces "Looking…": whatever the Ask did has been done.
      await page.waitForFunction(
        () => {
          const results = document.querySelector('.ask-results');
          return Boolean(results?.firstElementChild) && results?.textContent !== 'Looking…';
        },
        null,
        { timeout: 60_000 },
      );
      noteUrl();
    }
    await openTab(page, 'Explore');

    // A re-analysis, then every export.
    const reclustered = await runAnalysis(page, () =>
      page.getByRole('toolbar', { name: 'Map controls' }).getByRole('button', { name: 'Re-cluster' }).click(),
    );
    expect(reclustered).toBeUndefined();
    noteUrl();
    const exports: ExportOption[] = ['PNG image', 'SVG image', 'GEXF (Gephi)', 'GraphML', 'CSV of the people shown'];
    for (const option of exports) {
      const file = await downloadExport(page, option);
      expect(file.bytes.length).toBeGreaterThan(0);
      noteUrl();
    }

    const foreign = app.requests.filter(
      (u) => !u.startsWith(`${origin}/`) && !u.startsWith(`blob:${origin}/`) && !u.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
    expect(app.requests.length).toBeGreaterThan(0);
    expect(await getCspViolations(page)).toEqual([]);
    // Every request the server saw was for the app's own files.
    for (const path of server.requests) expect(path).toMatch(/^\/(index\.html)?$|^\/assets\/|^\/favicon/);
    expect(app.errors).toEqual([]);
  });

  it('writes a share link that holds view settings only, never person data', async () => {
    await openTab(page, 'Filter');
    for (const facet of ['Company', 'City', 'Cluster']) {
      const box = page.getByRole('group', { name: facet }).getByRole('checkbox').first();
      if (await box.count()) await box.check();
    }
    // What is ticked, as "facet\0value" (a cluster's value is its index; the link names it by its id).
    const ticked = await page
      .locator('.facets input[type="checkbox"][data-facet-key]:checked')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.facetKey!.split('\u0000') as [string, string]));
    const values = ticked.filter(([f]) => f !== 'kind'); // the "Links shown" boxes are ticked too
    // Connections.csv alone has no places: a company and a cluster are ticked.
    expect(values.map(([f]) => f)).toEqual(expect.arrayContaining(['cluster', 'company']));
    await page
      .getByRole('toolbar', { name: 'Map controls' })
      .getByRole('checkbox', { name: 'Presentation mode' })
      .check();
    await openTab(page, 'Explore');
    // A selected person and a typed query are the most likely leaks.
    const name = PERSON_DATA.find((d) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(d))!;
    await page.getByRole('combobox', { name: 'Search people' }).fill(name);
    await page.getByRole('toolbar', { name: 'Map controls' }).getByRole('button', { name: 'Share settings' }).click();
    await page.waitForFunction(() => location.hash.length > 1);
    const url = page.url();
    noteUrl();
    const hash = new URL(url).hash;
    expect(hash).toMatch(/^#v=1&/);
    expect(hash).toMatch(/present=1/);
    expect(findPersonData(hash)).toEqual([]);
    expect(folded(decodeURIComponent(hash))).not.toContain(folded(name));
    const params = new URLSearchParams(hash.slice(1));
    // The ticked values do reach the link (the company and city as themselves, the cluster by its id).
    for (const [facet, value] of values)
      if (facet === 'cluster') expect(params.getAll('cluster')).toHaveLength(1);
      else expect(params.getAll(facet)).toEqual([value]);
    const keys = [...params.keys()];
    for (const key of keys)
      expect([
        'v',
        'cluster',
        'industry',
        'company',
        'city',
        'region',
        'country',
        'from',
        'to',
        'hide',
        'res',
        'size',
        'present',
        'color',
      ]).toContain(key);
  });

  it('exports no name, profile URL or e-mail in presentation mode', async () => {
    // Presentation mode is on from the share link's test; checked again so this test stands alone.
    await page
      .getByRole('toolbar', { name: 'Map controls' })
      .getByRole('checkbox', { name: 'Presentation mode' })
      .check();
    const exports: ExportOption[] = ['GEXF (Gephi)', 'GraphML', 'SVG image', 'CSV of the people shown'];
    for (const option of exports) {
      const text = (await downloadExport(page, option)).bytes.toString('utf8');
      expect(text.length, option).toBeGreaterThan(100);
      expect(findPersonData(text), option).toEqual([]);
      expect(text.includes('@'), option).toBe(false);
      expect(text.includes('linkedin.com/in/'), option).toBe(false);
    }
  });

  it('never put person data in the page URL or the console, and stored nothing', async () => {
    const urls = [...seenUrls, ...app.urls, page.url()];
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(findPersonData(u), u).toEqual([]);
    for (const m of app.consoleMessages) expect(findPersonData(m), m).toEqual([]);
    // Nothing is kept on the device without opt-in.
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      databases: (await indexedDB.databases()).map((d) => d.name),
      // No service worker and no Cache Storage unless "Keep the app for offline use" is ticked.
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
      caches: await caches.keys(),
    }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '', databases: [], serviceWorkers: [], caches: [] });
    expect(server.requests).not.toContain('/sw.js');
  });
});
