// Offline after the first load (issue 9, Privacy): ticking "Keep the app for offline use" registers
// the service worker, which caches the app's own files; with the network off AND the server stopped,
// a reload still opens the app and draws the sample map. Unticking removes the registration and every
// cache. Before the tick, nothing is registered or cached (also checked in privacy.test.ts).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser';
import { getCspViolations, openApp, waitForMap, type AppPage } from './helpers';
import { startServer, type StaticServer } from './server';

/** The precache list the build wrote into sw.js of the build under test ($NETWELL_DIST, else dist/). */
function readPrecacheList(): string[] {
  const sw = readFileSync(`${process.env.NETWELL_DIST ?? 'dist'}/sw.js`, 'utf8');
  const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(sw)?.[1];
  if (!literal) throw new Error('offline.test: no precache list in dist/sw.js; was the app built with vite.config.ts?');
  return JSON.parse(JSON.parse(literal) as string) as string[];
}

/** What the browser holds for this origin: service worker registrations and Cache Storage. */
const getOfflineState = (page: Page) =>
  page.evaluate(async () => {
    const names = await caches.keys();
    const entries = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)));
    return {
      registrations: (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope),
      caches: names,
      entries: entries.flat(),
    };
  });

let server: StaticServer;
let browser: Browser;
let app: AppPage;
let page: Page;
const checkbox = () => page.getByRole('checkbox', { name: 'Keep the app for offline use' });
const statusOf = () => page.locator('.offline-status').getAttribute('data-status');

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  app = await openApp(browser, server.url);
  page = app.page;
  await waitForMap(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('offline use', () => {
  it('registers and caches nothing before the box is ticked', async () => {
    await expect(checkbox().isChecked()).resolves.toBe(false);
    await expect(checkbox().isDisabled()).resolves.toBe(false);
    expect(await getOfflineState(page)).toEqual({ registrations: [], caches: [], entries: [] });
    expect(server.requests).not.toContain('/sw.js');
  });

  it('once ticked, caches exactly the built files and opens with no network and no server', async () => {
    await checkbox().check();
    await expect.poll(statusOf, { timeout: 120_000 }).toBe('on');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const state = await getOfflineState(page);
    expect(state.registrations).toEqual([server.url]);
    expect(state.caches).toHaveLength(1);
    expect(state.caches[0]).toMatch(/^netwell-offline-[0-9a-f]{16}$/);
    // The app's own files and nothing else: no user file, no blob:, no other origin.
    const expected = readPrecacheList().map((p) => new URL(p, server.url).href);
    expect(expected).toContain(new URL('index.html', server.url).href);
    expect(expected.some((u) => /\/assets\/gazetteer-[^/]+\.js$/.test(u))).toBe(true);
    expect([...state.entries].sort()).toEqual([...expected].sort());

    // Cut the network and stop the server: nothing can answer but the service worker's cache.
    await page.context().setOffline(true);
    await server.close();
    const seen = server.requests.length;
    await page.reload();
    const map = await waitForMap(page);
    expect(map.nodes).toBeGreaterThan(1000);
    expect(map.edges).toBeGreaterThan(0);
    expect(server.requests.length).toBe(seen);
    await expect.poll(statusOf, { timeout: 30_000 }).toBe('on');
    await expect(checkbox().isChecked()).resolves.toBe(true);
    expect(await getCspViolations(page)).toEqual([]);
  });

  it('unticked, unregisters the service worker and deletes its caches', async () => {
    await checkbox().uncheck();
    await expect.poll(statusOf, { timeout: 30_000 }).toBe('removed');
    expect(await getOfflineState(page)).toEqual({ registrations: [], caches: [], entries: [] });
    // The page is still the one loaded from the cache; nothing came back while it kept running.
    await page.waitForTimeout(1000);
    expect(await getOfflineState(page)).toEqual({ registrations: [], caches: [], entries: [] });
    expect(app.errors).toEqual([]);
  });
});

describe('"Forget everything"', () => {
  it('also removes the offline copy of the app', async () => {
    const second = await startServer();
    try {
      const other = await openApp(browser, second.url);
      const p = other.page;
      await p.getByRole('checkbox', { name: 'Keep the app for offline use' }).check();
      await expect
        .poll(() => p.locator('.offline-status').getAttribute('data-status'), { timeout: 120_000 })
        .toBe('on');
      expect((await getOfflineState(p)).caches).toHaveLength(1);
      await p.getByRole('button', { name: 'Forget everything' }).click();
      await expect
        .poll(() => p.locator('.offline-status').getAttribute('data-status'), { timeout: 30_000 })
        .toBe('removed');
      await expect(p.getByRole('checkbox', { name: 'Keep the app for offline use' }).isChecked()).resolves.toBe(false);
      expect(await getOfflineState(p)).toEqual({ registrations: [], caches: [], entries: [] });
      await p.context().close();
    } finally {
      await second.close();
    }
  });
});
