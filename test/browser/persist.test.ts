// Keeping work (issue 9): nothing is stored without opt-in; "Remember on this device" keeps the
// import and the user's edits across a reload; an interrupted write never corrupts the store; "Forget
// everything" removes it all.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from './browser';
import { startServer, type StaticServer } from './server';

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];

const ready = (p: Page) => p.waitForSelector('[data-map][data-ready="true"]', { timeout: 150_000 });
const stored = (p: Page) =>
  p.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    localStorage: localStorage.length,
    cookie: document.cookie,
  }));

/** The `meta` of the stored generation that `current` points to ('' when none); the database must exist. */
const readCurrentMeta = (p: Page) =>
  p.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('netwell');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('state', 'readonly').objectStore('state');
          const current = store.get('current');
          current.onsuccess = () => {
            const generation = (current.result as { generation?: number } | undefined)?.generation;
            if (generation === undefined) return (db.close(), resolve(''));
            const record = store.get(`gen:${generation}`);
            record.onsuccess = () => (
              db.close(),
              resolve((record.result as { meta?: string } | undefined)?.meta ?? '')
            );
            record.onerror = () => (db.close(), reject(record.error));
          };
          current.onerror = () => (db.close(), reject(current.error));
        };
      }),
  );

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  ({ page, errors } = await openPage(browser, server.url));
  // The sample's map first: a file chosen while the sample loads is drawn, but "Remember on this device"
  // can then keep the sample instead (0 files; seen 2026-11-26, src/ui/actions.ts).
  await ready(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open files' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'Connections.csv', mimeType: 'text/csv', buffer: readFileSync('test/fixtures/browser/Connections.csv') },
  ]);
  await page.waitForFunction(() => document.querySelector('[data-map]')?.getAttribute('data-nodes') === '13', null, {
    timeout: 150_000,
  });
  await ready(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('remember on this device', () => {
  it('stores nothing before the user opts in', async () => {
    expect(await stored(page)).toEqual({ databases: [], localStorage: 0, cookie: '' });
  });

  it('keeps the import and a cluster name across a reload once opted in', async () => {
    await page.getByRole('checkbox', { name: 'Remember on this device' }).check();
    await expect.poll(() => page.locator('.remember-status').textContent(), { timeout: 30_000 }).toMatch(/^Remembered/);
    await page
      .getByRole('button', { name: /^Rename cluster/ })
      .first()
      .click();
    await page.getByRole('textbox', { name: /^New name for cluster/ }).fill('My favourite people');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('list', { name: 'Clusters' }).textContent())
      .toContain('My favourite people');
    // The save is debounced by 1 s: wait until the current generation holds the new name.
    await expect.poll(() => readCurrentMeta(page), { timeout: 30_000 }).toContain('My favourite people');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-map]')?.getAttribute('data-nodes') === '13', null, {
      timeout: 150_000,
    });
    await expect
      .poll(() => page.getByRole('list', { name: 'Clusters' }).textContent(), { timeout: 30_000 })
      .toContain('My favourite people');
    expect(await page.locator('.remember-status').textContent()).toMatch(/^(Restored|Remembered)/);
    expect(await page.locator('.top .source').textContent()).toBe('Connections.csv');
  });

  it('restores the last complete state when a write was interrupted', async () => {
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('netwell', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('state', 'readwrite');
            const store = tx.objectStore('state');
            store.put({ schema: 1 }, 'gen:99');
            store.put({ generation: 99 }, 'current');
            tx.onabort = () => (db.close(), resolve());
            tx.abort(); // the tab "closed" mid-write
          };
        }),
    );
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-map]')?.getAttribute('data-nodes') === '13', null, {
      timeout: 150_000,
    });
    await expect
      .poll(() => page.getByRole('list', { name: 'Clusters' }).textContent(), { timeout: 30_000 })
      .toContain('My favourite people');
  });

  it('forgets everything on request', async () => {
    await page.getByRole('button', { name: 'Forget everything' }).click();
    await expect.poll(async () => (await stored(page)).databases, { timeout: 15_000 }).toEqual([]);
    expect(await page.locator('.remember-status').textContent()).toMatch(/^Forgotten/);
    expect(errors).toEqual([]);
  });
});
