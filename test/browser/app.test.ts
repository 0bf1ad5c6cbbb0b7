// What a person sees when they open Netwell: the sample drawn on the map, no errors, and their own
// files replacing the sample. One page: the second test replaces the sample the first one opened.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDrawnPixels, launch, openPage } from './browser';
import { startServer, type StaticServer } from './server';

let server: StaticServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  ({ page, errors } = await openPage(browser, server.url));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the app', () => {
  it('opens with the sample network drawn on the map, and no console errors', async () => {
    await page.waitForSelector('[data-map][data-ready="true"]', { timeout: 150_000 });
    const nodes = Number(await page.getAttribute('[data-map]', 'data-nodes'));
    expect(nodes).toBeGreaterThan(1000);
    await expect.poll(() => countDrawnPixels(page), { timeout: 30_000 }).toBeGreaterThan(500);
    await expect(page.getByRole('list', { name: 'Clusters' }).getByRole('listitem').count()).resolves.toBeGreaterThan(
      3,
    );
    // Super-connectors come after the map (bridging starts once the map is drawn): wait for them.
    await expect
      .poll(() => page.getByRole('list', { name: 'Super-connectors' }).getByRole('listitem').count(), {
        timeout: 60_000,
      })
      .toBeGreaterThan(3);
    expect(errors).toEqual([]);
  });

  it('replaces the sample with a file chosen through the picker', async () => {
    await page.waitForSelector('[data-map][data-ready="true"]', { timeout: 150_000 });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open files' }).click();
    const csv = readFileSync('test/fixtures/browser/Connections.csv');
    await (await chooser).setFiles([{ name: 'Connections.csv', mimeType: 'text/csv', buffer: csv }]);
    await page.waitForFunction(() => document.querySelector('[data-map]')?.getAttribute('data-nodes') === '13', null, {
      timeout: 150_000,
    });
    await page.waitForSelector('[data-map][data-ready="true"]');
    await page.getByRole('tab', { name: 'Import' }).click();
    await expect(page.getByRole('table', { name: 'Files read' }).textContent()).resolves.toContain('Connections.csv');
    expect(await page.locator('.top .source').textContent()).toBe('Connections.csv');
    expect(errors).toEqual([]);
  });
});
