// Hover and click on the map by pointer position (issue 7/8: the map answers at once): the person under
// the pointer is found by the map's own grid (src/map/hover-index.ts), not sigma's picking, and their
// focus is drawn on the 2D layer over the map (src/map/focus-layer.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser';
import { getPersonPanel, openApp, waitForLayoutStopped, waitForMap, type AppPage } from './helpers';
import { startServer, type StaticServer } from './server';

let server: StaticServer;
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  app = await openApp(browser, server.url);
  await waitForMap(app.page);
  await waitForLayoutStopped(app.page);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const mapAttr = (name: string) => app.page.locator('[data-map]').getAttribute(name);

describe('hover and click on the map', () => {
  it('names the person under the pointer in data-hovered, and clears it off them', async () => {
    const { page } = app;
    // The first super-connector's button selects them and frames them at the map's centre.
    await page.getByRole('list', { name: 'Super-connectors' }).getByRole('button').first().click();
    await page.waitForFunction(() => Boolean(document.querySelector<HTMLElement>('[data-map]')?.dataset.selected));
    const key = await mapAttr('data-selected');
    expect(key).toMatch(/^\d+$/);
    await page.waitForTimeout(800); // the camera's 400 ms animation
    await getPersonPanel(page).getByRole('button', { name: 'Clear selection' }).click();
    expect(await mapAttr('data-selected')).toBe('');

    const box = await page.locator('[data-map]').boundingBox();
    if (!box) throw new Error('the map is not visible');
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-map]')?.dataset.hovered === '');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((k) => document.querySelector<HTMLElement>('[data-map]')?.dataset.hovered === k, key, {
      timeout: 10_000,
    });
    // The focus is drawn on the 2D layer, which lets the pointer through to sigma.
    const layer = page.locator('[data-map] canvas.sigma-focusLayer');
    await expect(layer.count()).resolves.toBe(1);
    await expect(layer.evaluate((c: HTMLElement) => getComputedStyle(c).pointerEvents)).resolves.toBe('none');

    // A click there selects them.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((k) => document.querySelector<HTMLElement>('[data-map]')?.dataset.selected === k, key, {
      timeout: 10_000,
    });
    await expect(getPersonPanel(page).getByRole('button', { name: 'Clear selection' }).count()).resolves.toBe(1);

    // Off the person (the map's corner, far from anyone at this zoom): no one hovered, selection kept.
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-map]')?.dataset.hovered === '');
    expect(await mapAttr('data-selected')).toBe(key);
    expect(app.errors).toEqual([]);
  });
});

/** Pixels of the 2D focus layer over the map: how many are painted, and how many in an Ask's path colour. */
const readFocusLayer = () =>
  app.page.locator('[data-map] canvas.sigma-focusLayer').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    let path = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0) painted++;
      // #1b3a8a, the paths' colour (anti-aliased edges aside)
      if (
        data[i + 3]! > 200 &&
        Math.abs(data[i]! - 0x1b) < 12 &&
        Math.abs(data[i + 1]! - 0x3a) < 12 &&
        Math.abs(data[i + 2]! - 0x8a) < 12
      )
        path++;
    }
    return { painted, path, total: data.length / 4 };
  });

describe('search and Ask results on the map', () => {
  // Highlights and an Ask's paths are drawn on the 2D focus layer (src/map/focus-layer.ts), not as WebGL
  // state: a WebGL frame of a 30,000-person map costs about a second without a GPU, which each Ask waited for.
  it('veils the map and draws the results and an Ask’s paths over it, and clears them with the Ask', async () => {
    const { page } = app;
    await page.mouse.move(3, 3);
    const clearSelection = getPersonPanel(page).getByRole('button', { name: 'Clear selection' });
    if (await clearSelection.count()) await clearSelection.click();
    await expect.poll(async () => (await readFocusLayer()).painted).toBe(0);

    await page.getByRole('tab', { name: 'Ask' }).click();
    const ask = page.getByLabel('What do you need?', { exact: true });
    await ask.fill('an accountant in Southern California');
    await ask.press('Enter');
    await page.locator('.ask-results p.count').waitFor({ timeout: 60_000 });
    // The whole map under a veil, the answer's paths in their colour on top.
    await expect.poll(async () => (await readFocusLayer()).path, { timeout: 10_000 }).toBeGreaterThan(50);
    const asked = await readFocusLayer();
    expect(asked.painted).toBe(asked.total);

    // Searching replaces the Ask's highlights: a veil and the results, no paths.
    await page.getByRole('tab', { name: 'Explore' }).click();
    const search = page.getByLabel('Search people', { exact: true });
    await search.fill('accountant');
    await expect.poll(async () => (await readFocusLayer()).path, { timeout: 10_000 }).toBe(0);
    expect((await readFocusLayer()).painted).toBe(asked.total);
    await search.fill('');
    await expect.poll(async () => (await readFocusLayer()).painted, { timeout: 10_000 }).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

describe("people's names on the map", () => {
  // Names are drawn on our own 2D layer (src/map/label-layer.ts), by importance and without overlap; the map
  // says how many it drew in data-labels.
  it('draws names by importance, none in presentation mode, and again after it', async () => {
    const { page } = app;
    const labels = async () => Number(await mapAttr('data-labels'));
    await expect.poll(labels, { timeout: 10_000 }).toBeGreaterThan(5);
    const canvas = page.locator('[data-map] canvas.sigma-labelLayer');
    await expect(canvas.count()).resolves.toBe(1);
    const painted = () =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
    expect(await painted()).toBeGreaterThan(200);

    const presentation = page.getByRole('checkbox', { name: 'Presentation mode' });
    await presentation.check();
    await expect.poll(labels, { timeout: 10_000 }).toBe(0);
    expect(await painted()).toBe(0);
    await presentation.uncheck();
    await expect.poll(labels, { timeout: 10_000 }).toBeGreaterThan(5);
    expect(app.errors).toEqual([]);
  });
});

describe('search results from the keyboard', () => {
  it('shows the result the arrow keys reach on the map, and stops when the box is left', async () => {
    const { page } = app;
    await page.mouse.move(3, 3);
    await page.getByRole('tab', { name: 'Explore' }).click();
    const search = page.getByLabel('Search people', { exact: true });
    await search.fill('');
    await search.fill('an');
    const options = page.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.count(), { timeout: 10_000 }).toBeGreaterThan(2);
    await search.press('ArrowDown');
    const second = await options.nth(1).getAttribute('data-index');
    await expect.poll(() => mapAttr('data-hovered')).toBe(second);
    await search.press('ArrowDown');
    const third = await options.nth(2).getAttribute('data-index');
    await expect.poll(() => mapAttr('data-hovered')).toBe(third);
    await search.press('Escape');
    await expect.poll(() => mapAttr('data-hovered')).toBe('');
    expect(app.errors).toEqual([]);
  });
});
