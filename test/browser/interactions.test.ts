// The map's pointer and touch interactions (issue 7): double-click zooms, the wheel zooms, dragging pans
// without selecting anyone, a tap on a touch screen selects, and a cluster in the Clusters list frames it.
// The camera is read from the map's data-camera ("x,y,ratio", set by src/map/mount-map.ts on every move).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDrawnPixels, launch } from './browser';
import {
  openApp,
  waitForCameraAtRest as cameraAtRest,
  waitForLayoutStopped,
  waitForMap,
  type AppPage,
} from './helpers';
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

const mapBox = async (page: Page) => {
  const box = await page.locator('[data-map]').boundingBox();
  if (!box) throw new Error('the map is not visible');
  return box;
};

describe('the map by pointer', () => {
  it('zooms in on a double-click and out with the wheel', async () => {
    const { page } = app;
    const box = await mapBox(page);
    const before = await cameraAtRest(page);
    expect(before.ratio).toBeGreaterThan(0);
    // A corner, away from the people: a double-click there zooms, it does not select.
    await page.mouse.dblclick(box.x + 8, box.y + box.height - 8);
    const zoomed = await cameraAtRest(page);
    expect(zoomed.ratio).toBeLessThan(before.ratio * 0.9);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 400);
    const out = await cameraAtRest(page);
    expect(out.ratio).toBeGreaterThan(zoomed.ratio * 1.1);
    expect(app.errors).toEqual([]);
  });

  it('pans on a drag, and a drag selects no one', async () => {
    const { page } = app;
    const box = await mapBox(page);
    const before = await cameraAtRest(page);
    const start = { x: box.x + 12, y: box.y + box.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(start.x + 15 * k, start.y + 6 * k);
    await page.mouse.up();
    const after = await cameraAtRest(page);
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(1e-3);
    expect(after.ratio).toBeCloseTo(before.ratio, 4);
    expect(await page.locator('[data-map]').getAttribute('data-selected')).toBe('');
    expect(app.errors).toEqual([]);
  });

  it('frames a cluster picked in the Clusters list', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Explore' }).click();
    const before = await cameraAtRest(page);
    await page
      .getByRole('button', { name: /^Show cluster / })
      .nth(1)
      .click();
    const after = await cameraAtRest(page);
    // Framing one cluster of many zooms in on it.
    expect(after.ratio).toBeLessThan(before.ratio);
    expect(app.errors).toEqual([]);
  });
});

describe('links by evidence', () => {
  it('colours the links by their evidence on demand, and draws none of the kinds switched off', async () => {
    const { page } = app;
    await page
      .getByRole('button', { name: /^Show cluster / })
      .first()
      .click();
    await cameraAtRest(page);
    const faint = await countDrawnPixels(page);
    const colour = page.getByRole('checkbox', { name: 'Colour links by evidence' });
    await colour.check();
    // Coloured links are dark enough to count as drawn (the faint grey ones are not).
    await expect.poll(() => countDrawnPixels(page), { timeout: 30_000 }).toBeGreaterThan(faint * 1.2);
    const coloured = await countDrawnPixels(page);
    await page.getByRole('tab', { name: 'Filter' }).click();
    const kinds = page.locator('fieldset.facet-kinds input[type="checkbox"]');
    const n = await kinds.count();
    expect(n).toBe(5);
    for (let k = 0; k < n; k++) await kinds.nth(k).uncheck();
    await expect.poll(() => countDrawnPixels(page), { timeout: 30_000 }).toBeLessThan(coloured * 0.9);
    const none = await countDrawnPixels(page);
    expect(none).toBeLessThanOrEqual(faint * 1.05);
    for (let k = 0; k < n; k++) await kinds.nth(k).check();
    await colour.uncheck();
    await expect.poll(() => countDrawnPixels(page), { timeout: 30_000 }).toBeLessThan(coloured * 0.9);
    expect(app.errors).toEqual([]);
  });
});

describe('the map by touch', () => {
  it('selects the person tapped', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await waitForMap(page);
    await waitForLayoutStopped(page);
    // The first super-connector's button selects them and frames them at the map's centre.
    await page.getByRole('list', { name: 'Super-connectors' }).getByRole('button').first().click();
    await page.waitForFunction(() => Boolean(document.querySelector<HTMLElement>('[data-map]')?.dataset.selected));
    const key = await page.locator('[data-map]').getAttribute('data-selected');
    await cameraAtRest(page);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    expect(await page.locator('[data-map]').getAttribute('data-selected')).toBe('');
    const box = await mapBox(page);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((k) => document.querySelector<HTMLElement>('[data-map]')?.dataset.selected === k, key, {
      timeout: 10_000,
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
